#!/bin/sh
# /usr/bin/subreview: runs the bundle in /opt/subreview (the command-line tool and the window).
# libvlc draws video into an X11 window, so on a Wayland desktop the window uses XWayland unless the user chose
# a Qt platform (QT_QPA_PLATFORM) themselves.
if [ -z "${QT_QPA_PLATFORM:-}" ] && [ -n "${WAYLAND_DISPLAY:-}" ] && [ -n "${DISPLAY:-}" ]; then
    QT_QPA_PLATFORM=xcb
    export QT_QPA_PLATFORM
fi
exec /opt/subreview/subreview "$@"
