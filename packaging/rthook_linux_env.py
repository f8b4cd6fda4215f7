"""PyInstaller runtime hook (Linux): programs SubReview starts (ffmpeg for waveforms) get the user's environment.

The bootloader puts the bundle's folder first in LD_LIBRARY_PATH and keeps the original in LD_LIBRARY_PATH_ORIG.
A system ffmpeg must not pick up the bundle's libstdc++/libz/libssl. Restoring the variable here does not change how
this process itself loads libraries (the dynamic loader read it at start-up).
"""

import os

_orig = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _orig is not None:
    os.environ["LD_LIBRARY_PATH"] = _orig
else:
    os.environ.pop("LD_LIBRARY_PATH", None)
