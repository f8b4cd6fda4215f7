"""PyInstaller runtime hook (Windows): python-vlc uses the VLC inside the bundle, never one installed on the machine;
the bundled ffmpeg (when the build included one) comes first on PATH for waveforms.

Runs before any application code. The bundle holds _internal\\vlc\\libvlc.dll, libvlccore.dll and plugins\\
(packaging/windows/subreview-win.spec). python-vlc reads PYTHON_VLC_LIB_PATH (the DLL to load) and
PYTHON_VLC_MODULE_PATH (the plugins folder, passed on to libvlc as VLC_PLUGIN_PATH) when `vlc` is imported.
"""

import os
import sys

_vlc_dir = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "vlc")
_libvlc = os.path.join(_vlc_dir, "libvlc.dll")
_plugins = os.path.join(_vlc_dir, "plugins")

if os.path.isfile(_libvlc) and os.path.isdir(_plugins):
    os.environ["PYTHON_VLC_LIB_PATH"] = _libvlc
    os.environ["PYTHON_VLC_MODULE_PATH"] = _plugins
    os.environ["VLC_PLUGIN_PATH"] = _plugins
    if hasattr(os, "add_dll_directory"):
        # libvlc.dll loads libvlccore.dll by name; the plugins load both. Keep the handle alive for the process.
        _vlc_dll_directory = os.add_dll_directory(_vlc_dir)
    try:
        import ctypes

        ctypes.CDLL(os.path.join(_vlc_dir, "libvlccore.dll"))  # loaded first, so libvlc.dll finds it in memory
    except OSError:
        pass  # python-vlc reports the problem when it loads libvlc.dll; the player then says video is unavailable

_ffmpeg_dir = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "ffmpeg")
if os.path.isfile(os.path.join(_ffmpeg_dir, "ffmpeg.exe")):
    os.environ["PATH"] = _ffmpeg_dir + os.pathsep + os.environ.get("PATH", "")
