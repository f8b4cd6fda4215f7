"""Run benchmarks: `python -m bench` (all) or `python -m bench load`."""

from __future__ import annotations

import sys
from pathlib import Path

from bench import (
    bench_apps,
    bench_load,
    bench_memory,
    bench_mt,
    bench_ocr,
    bench_qa,
    bench_scale,
    bench_series,
    bench_shots,
    bench_spelling,
    bench_team,
    bench_timeline,
    bench_ui,
)

BENCHES = {
    "load": bench_load.main,
    "qa": bench_qa.main,
    "mt": bench_mt.main,
    "timeline": bench_timeline.main,
    "ui": bench_ui.main,
    "scale": bench_scale.main,
    "apps": bench_apps.main,
    "series": bench_series.main,
    "ocr": bench_ocr.main,
    "shots": bench_shots.main,
    "memory": bench_memory.main,
    "spelling": bench_spelling.main,
    "team": bench_team.main,
}
OUT = Path(__file__).resolve().parent / "out"


def main(argv: list[str]) -> int:
    names = argv or list(BENCHES)
    for name in names:
        if name not in BENCHES:
            print(f"error: unknown benchmark {name!r}; choose from {', '.join(BENCHES)}", file=sys.stderr)
            return 2
        print(f"## {name}\n")
        print(BENCHES[name](OUT))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
