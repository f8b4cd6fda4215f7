"""Opening a big subtitle file in a desktop editor: SubReview vs Gaupol, Subtitle Composer and Aegisub.

For each file size every program is launched on the same private Xvfb (1920x1080, no window manager) with the
same Chinese SRT from bench.corpus, and timed from just before the launch to "a window shows the file and the
program is idle": a visible window whose title holds the file's name, then 1.0 s without the process tree's
CPU time growing; the reported time is the last growth before that quiet second. Peak memory is the largest
sum of VmHWM over the process tree. Medians of BENCH_RUNS runs (default 5); every run has a fresh, empty home
(HOME and the XDG folders), so no settings, session or first-run state differs between runs.

    ./dev bench apps
    BENCH_APPS=subreview,aegisub BENCH_RUNS=3 BENCH_SIZES=1500,10000 .venv/bin/python -m bench apps

Programs and what each needed:
- SubReview: `main.py open FILE.srt` imports the file into FILE.subrev beside it, so those files are deleted
  before each run. Two rows reopen the project that import left (`main.py open FILE.subrev`): "reopen project"
  as on a reviewer's machine, where SubReview opened and closed that project before (one untimed launch first;
  its cache folder, with the project's last QA check, is shared by that row's runs), and "reopen, no kept QA
  check" with an empty cache every run, so every line is checked again. Every run ends with SIGTERM, which
  SubReview handles as a normal close. There is no variable to keep machine translation from starting, so it
  starts as it would for a user.
- Bare PySide6 window (`bench/bare_qt_window.py FILE`): a window with one table of the file's blocks, the floor
  under any editor written with Python and PySide6 (their start-up alone).
- Gaupol (`gaupol FILE`): no first-run dialog, but for any file over 1 MB (here the 50,000-cue one) it asks
  "Open abnormally large file?" every time; the limit is hard-coded (gaupol/agents/open.py), no setting turns
  it off. The harness answers Open (Alt+O) as a user would, as soon as the dialog shows (within one 20 ms poll);
  that time is included, and the report says in which runs it happened.
- Subtitle Composer (`subtitlecomposer FILE`): no first-run dialog, nothing needed.
- Aegisub (`aegisub-3.2 FILE`, the binary Debian's package installs): Debian builds it against wxWidgets 3.2
  with debug checks on, and at start-up wx stops on modal "An assertion failed!" dialogs (sizer flags, then
  RecalcSizes in Aegisub's own layout code). No config file turns them off: WXSUPPRESS_SIZER_FLAGS_CHECK=1
  silences the first, and a three-line LD_PRELOAD library (built here with cc) answers wx's assert dialog with
  "continue, and no more of these", which is what a user clicks; the asserts are still logged to stderr.
- Every program: a launch the X server refused (the program says it cannot open the display; happens now and
  then while other X servers start on the machine, e.g. the test suite's) is tried again, twice at most.
- Every program: Debian package installed by `apt-get install -y --no-install-recommends` when running as root,
  else the exact command is printed and the program reported as not installed.
"""

from __future__ import annotations

import compileall
import datetime as dt
import os
import platform
import shutil
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench import app_launch
from bench.app_launch import Launch
from bench.corpus import make_srt

SIZES = (1_500, 10_000, 50_000)
RUNS = 5
APPS = ("subreview", "floor", "gaupol", "subtitlecomposer", "aegisub")
REPO = Path(__file__).resolve().parent.parent
SCREEN = (1920, 1080)


@dataclass
class Row:
    """One program's results: {cues: [one Launch per run]}; `unavailable` when it could not be run at all."""

    key: str
    label: str
    runs: dict[int, list[Launch]] = field(default_factory=dict)
    unavailable: str = ""
    version: str = ""
    answer_note: str = ""


@dataclass(frozen=True)
class Target:
    """How to launch one program on a file: its command, extra environment, and per-run preparation."""

    key: str
    label: str
    package: str | None
    command: Callable[[Path], list[str]]
    env: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[Path], str] = lambda srt: ""  # returns a reason the run cannot happen, or ""
    answer: tuple[str, str] | None = None  # (dialog title pattern, keys): see app_launch.measure
    answer_note: str = ""
    warm_up: bool = False  # one untimed launch before the first run, so what a program keeps between sessions
    #                        (in `env`'s folders, which outlive the fresh homes) is in place


def project_of(srt: Path) -> Path:
    return srt.with_suffix(".subrev")


def remove_project(srt: Path) -> str:
    """SubReview imports FILE.srt into FILE.subrev: delete it and its -wal, -shm and .lock siblings."""
    project = project_of(srt)
    for f in project.parent.glob(project.name + "*"):
        f.unlink()
    return ""


def require_project(srt: Path) -> str:
    return "" if project_of(srt).exists() else "no project: the import runs left no .subrev"


def settings() -> tuple[list[str], int, list[int]]:
    """BENCH_APPS, BENCH_RUNS and BENCH_SIZES, checked; ValueError says what is wrong."""
    apps = [a.strip().lower() for a in os.environ.get("BENCH_APPS", ",".join(APPS)).split(",") if a.strip()]
    unknown = [a for a in apps if a not in APPS]
    if unknown or not apps:
        raise ValueError(f"BENCH_APPS: unknown {', '.join(unknown) or '(empty)'}; choose from {', '.join(APPS)}")
    try:
        runs = int(os.environ.get("BENCH_RUNS", RUNS))
        sizes = [int(s.replace("_", "")) for s in os.environ.get("BENCH_SIZES", ",".join(map(str, SIZES))).split(",")
                 if s.strip()]
    except ValueError as exc:
        raise ValueError(f"BENCH_RUNS / BENCH_SIZES must be whole numbers ({exc})") from None
    if runs < 1 or not sizes or min(sizes) < 1:
        raise ValueError("BENCH_RUNS and every BENCH_SIZES entry must be at least 1")
    return apps, runs, sizes


def targets(apps: list[str], out_dir: Path) -> tuple[list[Target], dict[str, str]]:
    """The programs to run, and {key: why not} for those that cannot run (package missing, no compiler)."""
    packages = {"gaupol": "gaupol", "subtitlecomposer": "subtitlecomposer", "aegisub": "aegisub"}
    wanted = [packages[a] for a in apps if a in packages]
    if "aegisub" in apps and not (shutil.which("cc") or shutil.which("gcc")):
        wanted.append("gcc")  # builds the wx assert shim
    missing = app_launch.ensure_packages(wanted)
    unavailable = {key: missing[pkg] for key, pkg in packages.items() if pkg in missing}
    main_py = str(REPO / "main.py")
    result: list[Target] = []
    for key in apps:
        if key == "subreview":
            named = {"SUBREVIEW_REVIEWER": "bench"}  # a fresh home would ask who is reviewing first
            result.append(Target("subreview", "SubReview (import .srt)", None,
                                 lambda f: [sys.executable, main_py, "open", str(f), "--source-lang", "zh-Hans",
                                            "--target-lang", "en"], env=named, prepare=remove_project))
            kept = out_dir / "subreview-kept"  # SubReview's cache folder, shared by the runs of this row only
            shutil.rmtree(kept, ignore_errors=True)
            result.append(Target("subreview-reopen", "SubReview (reopen project)", None,
                                 lambda f: [sys.executable, main_py, "open", str(project_of(f))],
                                 env={"SUBREVIEW_CACHE_DIR": str(kept), **named}, prepare=require_project,
                                 warm_up=True))
            result.append(Target("subreview-reopen-cold", "SubReview (reopen, no kept QA check)", None,
                                 lambda f: [sys.executable, main_py, "open", str(project_of(f))], env=named,
                                 prepare=require_project))
            continue
        if key == "floor":
            result.append(Target("floor", "Bare PySide6 window (floor)", None,
                                 lambda f: [sys.executable, str(REPO / "bench" / "bare_qt_window.py"), str(f)]))
            continue
        binary = app_launch.package_binary(packages[key]) if key not in unavailable else None
        if binary is None and key not in unavailable:
            unavailable[key] = "installed, but no program found in `dpkg -L`"
        env: dict[str, str] = {}
        if key == "aegisub":
            shim = app_launch.wx_assert_shim(out_dir / "shim")
            if shim is None and key not in unavailable:
                unavailable[key] = "needs a C compiler for the wx assert shim (apt-get install gcc)"
            env = {"WXSUPPRESS_SIZER_FLAGS_CHECK": "1", "LD_PRELOAD": str(shim)}
        label = {"gaupol": "Gaupol", "subtitlecomposer": "Subtitle Composer", "aegisub": "Aegisub"}[key]
        answer, note = None, ""
        if key == "gaupol":
            answer = ("^$", "alt+o")  # its untitled "Open abnormally large file?" dialog: the Open button
            note = "Gaupol's \"Open abnormally large file?\" (asked for files over 1 MB) answered Open by the harness"
        result.append(Target(key, label, packages[key], lambda f, b=binary: [str(b), str(f)], env=env,
                             answer=answer, answer_note=note))
    return result, unavailable


def run(out_dir: Path) -> list[Row]:
    """Every selected program, every size, BENCH_RUNS launches each; progress on stderr."""
    apps, runs, sizes = settings()
    out_dir.mkdir(parents=True, exist_ok=True)
    for tool in ("Xvfb", "xdotool", "import"):
        app_launch.require_tool(tool)
    chosen, unavailable = targets(apps, out_dir)
    if "subreview" in apps:
        _compile_bytecode()
    rows = {t.key: Row(t.key, t.label, unavailable=unavailable.get(t.key, ""),
                       version=_version(t),
                       answer_note=t.answer_note)
            for t in chosen}
    with app_launch.xvfb_display(*SCREEN) as display:
        for n in sizes:
            srt = make_srt(out_dir / f"apps-{n}.srt", n)
            for target in chosen:
                row = rows[target.key]
                if row.unavailable:
                    continue
                launches = row.runs.setdefault(n, [])
                for i in range(runs):
                    launches.append(_one_run(target, srt, n, i, display, out_dir, last_size=n == max(sizes)))
                    print(f"[apps] {target.label:<27} {n:>7,} cues  run {i + 1}/{runs}: {launches[-1].describe()}",
                          file=sys.stderr, flush=True)
    return list(rows.values())


def _one_run(target: Target, srt: Path, n: int, i: int, display: str, out_dir: Path, *, last_size: bool) -> Launch:
    """One measured launch; tried again (twice at most) only when the X server refused the connection."""
    leftovers = app_launch.visible_titles(display, None)
    if leftovers:
        print(f"[apps] warning: windows still on the display before this run: {leftovers}", file=sys.stderr)
    launch = Launch("error")
    for attempt in range(3):
        if attempt:
            print(f"[apps] {target.label}: the X server refused the connection; trying again", file=sys.stderr)
        try:
            why_not = target.prepare(srt)
        except OSError as exc:
            why_not = f"preparing failed: {exc}"
        if why_not:
            return Launch("error", detail=why_not)
        failure_shot = out_dir / f"apps-{target.key}-{n}-run{i + 1}-failed.png"
        for stale in (failure_shot, failure_shot.with_suffix(".log")):  # from an earlier bench or attempt
            stale.unlink(missing_ok=True)
        with app_launch.fresh_home(display, target.env) as (home, env):
            if target.warm_up and i == 0 and not attempt:
                app_launch.measure(target.command(srt), env, display, expect=srt.stem + ".", cwd=home)
            launch = app_launch.measure(
                target.command(srt), env, display, expect=srt.stem + ".", cwd=home,
                shot=out_dir / f"apps-{target.key}-{n}.png" if last_size and i == 0 else None,
                failure_shot=failure_shot, answer=target.answer)
        launch.retries = attempt
        if not app_launch.display_refused(launch):
            break
    return launch


def _compile_bytecode() -> None:
    """Write SubReview's bytecode first, as installing a package does: a checkout run with
    PYTHONDONTWRITEBYTECODE (set on CI machines) would otherwise compile every module at every launch."""
    if not compileall.compile_dir(str(REPO / "editor"), quiet=1):
        print("[apps] warning: some of SubReview's modules could not be compiled", file=sys.stderr)


def _version(target: Target) -> str:
    if target.package:
        return app_launch.package_version(target.package)
    if target.key == "floor":
        from importlib.metadata import version

        return f"(PySide6 {version('PySide6-Essentials')})"
    return _subreview_version()


def _subreview_version() -> str:
    try:
        from editor import __version__
    except ImportError:
        return ""
    return __version__


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _os_name() -> str:
    try:
        return platform.freedesktop_os_release()["PRETTY_NAME"]
    except (OSError, KeyError):
        return platform.platform()


def _failure(launch: Launch) -> str:
    if launch.status == "timeout":
        return f"> {app_launch.TIMEOUT_S:.0f} s"
    if launch.status == "exited":
        return "crashed (" + launch.detail.split(";")[0] + ")"
    if launch.status == "not-loaded":
        return "file not shown"
    return launch.detail if 0 < len(launch.detail) <= 60 else "error (see notes)"


def _cell(launches: list[Launch]) -> tuple[str, str]:
    """('median idle / peak', 'median window') for one program and size."""
    ok = [r for r in launches if r.ok]
    if not ok:
        return (_failure(launches[0]) if launches else "-"), "-"
    idle = statistics.median(r.t_idle for r in ok if r.t_idle is not None)
    peak = statistics.median(r.peak_mb for r in ok if r.peak_mb is not None)
    window = statistics.median(r.t_window for r in ok if r.t_window is not None)
    note = "" if len(ok) == len(launches) else f" ({len(ok)}/{len(launches)} ok)"
    return f"{idle:.2f} s / {peak:.0f} MB{note}", f"{window:.2f}"


def report(rows: list[Row]) -> str:
    sizes = sorted({n for r in rows for n in r.runs})
    runs = max((len(v) for r in rows for v in r.runs.values()), default=0)
    versions = ", ".join(f"{r.label.split(' (')[0]} {r.version}" for r in rows
                         if r.version and "-reopen" not in r.key)
    lines = [
        f"Machine: {_cpu_name()}, {os.cpu_count()} cores, {_os_name()}, Python {platform.python_version()}; "
        f"Xvfb {SCREEN[0]}x{SCREEN[1]}x24, no window manager; {dt.date.today().isoformat()}; "
        f"median of {runs} runs; `./dev bench apps`.",
        *([f"Versions: {versions}."] if versions else []),
        "",
        "Launch to a window showing the file and 1 s of idle CPU (time of the last CPU use) / peak memory "
        "(sum of VmHWM over the process tree). Last column: launch to the first visible window.",
        "",
        "| program | " + " | ".join(f"{n:,} cues" for n in sizes) + " | first window (s), "
        + " / ".join(f"{n:,}" for n in sizes) + " |",
        "|---|" + "---:|" * (len(sizes) + 1),
    ]
    notes = []
    for r in rows:
        if r.unavailable:
            lines.append(f"| {r.label} | " + " | ".join(r.unavailable for _ in sizes) + " | - |")
            continue
        cells = [_cell(r.runs.get(n, [])) for n in sizes]
        lines.append(f"| {r.label} | " + " | ".join(c[0] for c in cells) + " | "
                     + " / ".join(c[1] for c in cells) + " |")
        for n in sizes:
            launches = r.runs.get(n, [])
            for i, launch in enumerate(launches):
                if not launch.ok:
                    notes.append(f"- {r.label}, {n:,} cues, run {i + 1}: {launch.status}"
                                 + (f": {launch.detail}" if launch.detail else ""))
            retried = sum(launch.retries for launch in launches)
            if retried:
                notes.append(f"- {r.label}, {n:,} cues: {retried} launch(es) tried again because the X server "
                             "refused the connection (it does now and then while other X servers start).")
            answered = [launch.answered[0] for launch in launches if launch.answered]
            if answered:
                notes.append(f"- {r.label}, {n:,} cues: {r.answer_note} in {len(answered)}/{len(launches)} runs, "
                             f"at a median {statistics.median(answered):.2f} s; the time includes it.")
    if notes:
        lines += ["", "Notes:", *notes]
    lines += ["", "Screenshots of the first run at the largest size: bench/out/apps-<program>-<cues>.png; failed "
              "runs leave apps-<program>-<cues>-run<n>-failed.png and .log."]
    return "\n".join(lines)


def main(out_dir: Path) -> str:
    try:
        return report(run(out_dir))
    except (ValueError, app_launch.ToolMissing) as exc:
        return f"error: {exc}"
