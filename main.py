"""Run SubReview from a checkout: `python main.py ...` is the same as `subreview ...`."""

import sys

from editor.app import main

if __name__ == "__main__":
    sys.exit(main())
