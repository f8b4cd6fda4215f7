"""Launch a desktop program on a private X display and time it to "window showing the file, and idle".

Generic, the same for every program: the process tree is the launched process's session (it starts in a new
one) plus its descendants; CPU time and peak memory come from /proc, windows from xdotool, screenshots from
ImageMagick's `import`. Also: a private Xvfb (tests/xvfb.py has one, but it imports pytest), a fresh home
folder per run, and the Debian package helpers (installed? which binary?).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

POLL_S = 0.02
QUIET_S = 1.0
TIMEOUT_S = 120.0
STUCK_S = 10.0  # a window up and idle this long without the file in its title: the file is not loaded
TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")

# Variables that would point a program at the user's own session, settings or another display server.
_DROPPED_ENV = ("DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER", "WAYLAND_DISPLAY", "XAUTHORITY", "LD_PRELOAD",
                "LC_ALL", "LANGUAGE", "QT_QPA_PLATFORM", "QT_SCALE_FACTOR", "GDK_SCALE", "DESKTOP_SESSION",
                "XDG_CURRENT_DESKTOP", "XDG_SESSION_TYPE", "KDE_FULL_SESSION")


class ToolMissing(RuntimeError):
    """A program the benchmark needs (Xvfb, xdotool, import) is not installed."""


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ToolMissing(f"{name} is needed for this benchmark; ./dev setup installs it")
    return path


@contextlib.contextmanager
def xvfb_display(width: int = 1920, height: int = 1080, first: int = 200) -> Iterator[str]:
    """Start Xvfb on a free display number from `first` up and yield it, e.g. ":200"; -displayfd says when it
    is ready. Not Xvfb's own choice (-displayfd alone): that is the lowest free number, which every other
    -displayfd server (the test suite's) probes as it starts, and a client connecting then is refused."""
    xvfb = require_tool("Xvfb")
    for number in range(first, first + 100):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        read, write = os.pipe()
        proc = subprocess.Popen([xvfb, f":{number}", "-displayfd", str(write), "-screen", "0",
                                 f"{width}x{height}x24", "-nolisten", "tcp"], pass_fds=(write,),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            ready = pipe.readline().strip()  # written once the server accepts connections
        if not ready:  # taken meanwhile: try the next number
            proc.wait()
            continue
        try:
            yield f":{number}"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return
    raise ToolMissing(f"Xvfb did not start on any display from :{first} to :{first + 99}")


# ---------------------------------------------------------------------------------------------- packages


def is_installed(package: str) -> bool:
    """dpkg-query says the package is installed."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True,
                             check=False).stdout
    except OSError:
        return False
    return out.strip().endswith("install ok installed")


def package_version(package: str) -> str:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                              check=False).stdout.strip()
    except OSError:
        return ""


def package_binary(package: str) -> str | None:
    """The program a package installs under a bin/ folder: the one named like the package, else the first."""
    try:
        files = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=False).stdout
    except OSError:
        return None
    bins = [Path(line) for line in files.splitlines() if "/bin/" in line and os.access(line, os.X_OK)
            and Path(line).is_file()]
    for path in bins:
        if path.name == package:
            return str(path)
    return str(bins[0]) if bins else None


def ensure_packages(packages: Sequence[str]) -> dict[str, str]:
    """Install missing Debian packages when root (apt-get update, then install without recommends).
    Returns {package: why it is unavailable} for those still missing; not root: prints the sudo command."""
    missing = [p for p in packages if not is_installed(p)]
    if not missing:
        return {}
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if shutil.which("apt-get") is None:
        return {p: "not installed (no apt-get)" for p in missing}
    if os.geteuid() != 0:
        print(f"[apps] not root; to compare with them run: sudo {' '.join(command)}", file=sys.stderr)
        return {p: "not installed" for p in missing}
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"[apps] installing {' '.join(missing)} ...", file=sys.stderr)
    for cmd in (["apt-get", "update"], command):
        done = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr,
                              check=False)
        if done.returncode != 0:
            print(f"[apps] {' '.join(cmd)} failed (exit {done.returncode})", file=sys.stderr)
            break
    return {p: "not installed (apt-get failed)" for p in missing if not is_installed(p)}


WX_ASSERT_SHIM_C = """\
/* wxWidgets' GTK assert dialog, answered "continue, and no more of these": the assert is still logged. */
_Bool _ZN14wxGUIAppTraits16ShowAssertDialogERK8wxString(void *self, const void *message)
{ (void)self; (void)message; return 1; }
"""


def wx_assert_shim(folder: Path) -> Path | None:
    """Build (once) the LD_PRELOAD library that keeps wxWidgets' modal assert dialog from blocking start-up."""
    target = folder / "wx-assert-shim.so"
    if target.exists():
        return target
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "wx-assert-shim.c"
    source.write_text(WX_ASSERT_SHIM_C, encoding="utf-8")
    done = subprocess.run([cc, "-shared", "-fPIC", "-O2", "-o", str(target), str(source)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        print(f"[apps] building {target.name} failed: {done.stderr.strip()}", file=sys.stderr)
        return None
    return target


# ---------------------------------------------------------------------------------------------- environment


@contextlib.contextmanager
def fresh_home(display: str, extra: dict[str, str] | None = None) -> Iterator[tuple[Path, dict[str, str]]]:
    """A new empty home (with its XDG folders) and the environment that points everything at it and at
    `display`; removed afterwards. No settings, session or first-run state can carry over between runs."""
    with tempfile.TemporaryDirectory(prefix="bench-apps-home-") as folder:
        home = Path(folder)
        env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV and not k.startswith("SUBREVIEW_")}
        dirs = {"XDG_CONFIG_HOME": home / ".config", "XDG_DATA_HOME": home / ".local" / "share",
                "XDG_CACHE_HOME": home / ".cache", "XDG_STATE_HOME": home / ".local" / "state",
                "XDG_RUNTIME_DIR": home / "runtime"}
        for path in dirs.values():
            path.mkdir(parents=True, mode=0o700)
        env.update({k: str(v) for k, v in dirs.items()})
        env.update(HOME=str(home), DISPLAY=display, LANG="C.UTF-8", QT_QPA_PLATFORM="xcb", GDK_BACKEND="x11",
                   NO_AT_BRIDGE="1")
        env.update(extra or {})
        yield home, env


# ---------------------------------------------------------------------------------------------- /proc


def _stat(pid: int | str) -> list[bytes] | None:
    """/proc/PID/stat's fields after the command name (index 0 is field 3, the state), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read()
    except OSError:
        return None
    return raw[raw.rfind(b")") + 2:].split()


def _proc_table() -> dict[int, tuple[int, int, int, int]]:
    """pid -> (ppid, session id, utime + stime in clock ticks, start time) for every process."""
    table = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (fields := _stat(entry.name)) is not None:
            table[int(entry.name)] = (int(fields[1]), int(fields[3]), int(fields[11]) + int(fields[12]),
                                      int(fields[19]))
    return table


def process_tree(leader: int) -> tuple[dict[int, int], int]:
    """The leader's session plus all descendants of those processes ({pid: start time}, so a pid reused later
    is told apart), and their total CPU ticks."""
    table = _proc_table()
    members = {pid for pid, (_, sid, _, _) in table.items() if sid == leader or pid == leader}
    grew = True
    while grew:
        more = {pid for pid, (ppid, _, _, _) in table.items() if ppid in members and pid not in members}
        members |= more
        grew = bool(more)
    return {p: table[p][3] for p in members}, sum(table[p][2] for p in members)


def hwm_kib(pids: Iterable[int]) -> int:
    """Sum of VmHWM (each process's peak resident memory) over `pids`, in KiB."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status", "rb") as f:
                for line in f:
                    if line.startswith(b"VmHWM:"):
                        total += int(line.split()[1])
                        break
        except (OSError, ValueError, IndexError):
            continue
    return total


# ---------------------------------------------------------------------------------------------- X


def visible_titles(display: str, pid: int | None) -> list[str]:
    """Titles of the visible windows of `pid`; when it owns none (a forked child drew them, or _NET_WM_PID is
    unset), or pid is None, every visible titled window on the display, which only this program uses."""
    env = dict(os.environ, DISPLAY=display)
    searches = [["--name", "."]]
    if pid is not None:
        searches.insert(0, ["--all", "--pid", str(pid), "--name", ""])
    for criteria in searches:
        try:
            done = subprocess.run(["xdotool", "search", "--onlyvisible", *criteria, "getwindowname", "%@"],
                                  env=env, capture_output=True, text=True, errors="replace", timeout=5,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0 and done.stdout:
            return done.stdout.splitlines()
    return []


def screenshot(display: str, path: Path) -> bool:
    """The whole screen as a PNG (three tries: a connection can be refused now and then, see DISPLAY_REFUSED)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            done = subprocess.run(["import", "-window", "root", "-display", display, str(path)],
                                  capture_output=True, timeout=30, check=False)
            if done.returncode == 0:
                return True
        time.sleep(0.2)
    print(f"[apps] warning: no screenshot {path.name}", file=sys.stderr)
    return False


# ---------------------------------------------------------------------------------------------- one launch


@dataclass
class Launch:
    """One launch's outcome. status: ok, timeout, exited, not-loaded, error. Times are seconds from launch."""

    status: str
    t_window: float | None = None
    t_loaded: float | None = None
    t_idle: float | None = None
    peak_mb: float | None = None
    detail: str = ""
    titles: list[str] = field(default_factory=list)
    answered: list[float] = field(default_factory=list)  # when the harness answered a dialog (see measure)
    refused: bool = False  # the output says the X server refused the connection
    retries: int = 0  # launches before this one that the X server refused (see bench_apps)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def describe(self) -> str:
        """One line for the progress log."""
        def s(v: float | None) -> str:
            return "-" if v is None else f"{v:.2f}s"
        mb = "-" if self.peak_mb is None else f"{self.peak_mb:.0f}MB"
        text = f"{self.status}: window {s(self.t_window)} loaded {s(self.t_loaded)} idle {s(self.t_idle)} peak {mb}"
        text += f" titles {self.titles!r}" if self.titles else ""
        text += f" answered a dialog at {', '.join(f'{t:.2f}s' for t in self.answered)}" if self.answered else ""
        return text + (f" ({self.detail})" if self.detail else "")


# What a program says when the X server refused its connection. Seen now and then (a few in a hundred
# connections) while other X servers start on the machine, e.g. the test suite's: not the program's fault.
DISPLAY_REFUSED = re.compile(r"(could not|cannot|can't|unable to) (connect to|open) (the )?display"
                             r"|unable to initialize gtk|without a display connection", re.IGNORECASE)


def display_refused(launch: Launch) -> bool:
    """The program exited because the X server refused its connection: worth another try."""
    return launch.status == "exited" and launch.refused


def _tail(path: Path, lines: int = 4) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text[-lines:] if line.strip())[-400:]


def answer_dialogs(display: str, pid: int, pattern: str, keys: str, done: set[str]) -> int:
    """Type `keys` into each visible window of `pid` whose title matches `pattern` (a regular expression,
    both for Python and xdotool) and which was not answered before; returns how many were answered."""
    env = dict(os.environ, DISPLAY=display)
    try:
        found = subprocess.run(["xdotool", "search", "--all", "--onlyvisible", "--pid", str(pid), "--name", pattern],
                               env=env, capture_output=True, text=True, timeout=5, check=False).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        return 0
    count = 0
    for window in found:
        if window in done:
            continue
        done.add(window)
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            subprocess.run(["xdotool", "windowfocus", "--sync", window, "key", "--clearmodifiers", keys], env=env,
                           capture_output=True, timeout=5, check=False)
            count += 1
    return count


def stop_tree(proc: subprocess.Popen, seen: dict[int, int]) -> list[int]:
    """SIGTERM the process group, SIGKILL what is left after 2 s (group, tree and every process seen in it,
    by pid and start time). Returns the pids still alive afterwards (should be none)."""
    leader = proc.pid
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(leader, signal.SIGTERM)

    def left() -> dict[int, int]:
        members, _ = process_tree(leader)
        known = {**seen, **members}
        return {p: t for p, t in known.items() if p != leader and _alive(p, t)}

    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        if proc.poll() is not None and not left():
            return []
        time.sleep(0.05)
    for pid in left():
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(leader, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)
    time.sleep(0.1)
    return sorted(left())


def _alive(pid: int, start: int) -> bool:
    """The process that had this pid and start time still runs (a zombie waiting to be reaped counts as gone)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != b"Z" and int(fields[19]) == start


def measure(cmd: Sequence[str], env: dict[str, str], display: str, expect: str, *, cwd: Path | None = None,
            shot: Path | None = None, failure_shot: Path | None = None, answer: tuple[str, str] | None = None,
            timeout: float = TIMEOUT_S, quiet: float = QUIET_S) -> Launch:
    """Launch `cmd` and wait for a visible window whose title contains `expect` (the file's name) and then for
    `quiet` seconds without the tree's CPU time growing; t_idle is the last growth before that (or the moment
    the title showed the file, if later). Peak memory: the largest sum of VmHWM over the tree. The tree is
    stopped before returning; `shot` is a screenshot taken just before that (`failure_shot` when the run
    failed; the program's output is then kept beside it as .log). `answer` = (title pattern, keys): a dialog
    the program insists on is answered as a user would, as soon as it shows; the time it takes counts."""
    log = Path(tempfile.mkstemp(prefix="bench-apps-", suffix=".log")[1])
    result = Launch("error")
    seen: dict[int, int] = {}
    proc: subprocess.Popen | None = None
    try:
        with log.open("wb") as out:
            t0 = time.perf_counter()
            try:
                proc = subprocess.Popen(list(cmd), env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                                        stderr=subprocess.STDOUT, start_new_session=True)
            except OSError as exc:
                return Launch("error", detail=f"cannot start {cmd[0]}: {exc}")
        result = _watch(proc, t0, display, expect, timeout, quiet, seen, answer)
        if result.status == "exited":
            with contextlib.suppress(OSError):
                result.refused = bool(DISPLAY_REFUSED.search(log.read_text(encoding="utf-8", errors="replace")))
        if result.status in ("exited", "error") and not result.detail:
            result.detail = _tail(log)
        elif result.status == "exited":
            result.detail += f"; output: {_tail(log)}"
        if not result.ok and failure_shot is not None:
            with contextlib.suppress(OSError):
                failure_shot.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(log, failure_shot.with_suffix(".log"))
        target = shot if (result.ok or failure_shot is None) else failure_shot
        if target is not None and result.status != "exited":
            screenshot(display, target)
        return result
    except Exception as exc:  # never a traceback from the harness: the cell says what happened
        result.status, result.detail = "error", f"{type(exc).__name__}: {exc}"
        return result
    finally:
        if proc is not None:
            left = stop_tree(proc, seen)
            if left:
                result.detail = (result.detail + "; " if result.detail else "") + f"left running: {left}"
                print(f"[apps] warning: processes {left} survived SIGKILL", file=sys.stderr)
        with contextlib.suppress(OSError):
            log.unlink()


def _watch(proc: subprocess.Popen, t0: float, display: str, expect: str, timeout: float, quiet: float,
           seen: dict[int, int], answer: tuple[str, str] | None) -> Launch:
    r = Launch("timeout")
    answered: set[str] = set()
    peak_kib = 0
    last_cpu = -1
    t_change = 0.0
    titles: list[str] = []
    while True:
        now = time.perf_counter() - t0
        members, cpu = process_tree(proc.pid)
        seen.update(members)
        peak_kib = max(peak_kib, hwm_kib(members))
        r.peak_mb = peak_kib / 1024
        if cpu != last_cpu:
            last_cpu, t_change = cpu, now
        if proc.poll() is not None:
            code = proc.returncode
            r.status = "exited"
            r.detail = f"killed by signal {-code}" if code < 0 else f"exit {code}"
            r.titles = titles
            return r
        if r.t_loaded is None:
            titles = visible_titles(display, proc.pid)
            if titles and r.t_window is None:
                r.t_window = now
            if any(expect in t for t in titles):
                r.t_loaded, r.titles = now, titles
            elif (answer and any(re.search(answer[0], t) for t in titles)
                  and answer_dialogs(display, proc.pid, *answer, answered)):
                r.answered.append(now)
        if r.t_loaded is not None and now - max(t_change, r.t_loaded) >= quiet:
            r.t_idle = max(t_change, r.t_loaded)
            peak_kib = max(peak_kib, hwm_kib(members))  # VmHWM read once more at the end
            r.peak_mb = peak_kib / 1024
            r.status = "ok"
            return r
        if r.t_window is not None and r.t_loaded is None and now - max(t_change, r.t_window) >= STUCK_S:
            r.status = "not-loaded"
            r.detail = f"windows {titles!r} show no {expect!r}"
            r.titles = titles
            return r
        if now >= timeout:
            r.detail = "no window" if r.t_window is None else ("file not shown" if r.t_loaded is None
                                                                else "never idle")
            r.titles = titles
            return r
        time.sleep(max(0.0, POLL_S - (time.perf_counter() - t0 - now)))
