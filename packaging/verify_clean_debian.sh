#!/usr/bin/env bash
# Install the SubReview .deb on a clean, minimal Debian 12 (a debootstrap chroot) and run it there.
# Not part of the test suite: it needs root and the Debian mirror (about 5 minutes the first time).
#
#   sudo packaging/verify_clean_debian.sh [DEB] [CHROOT]
#     DEB     default: the newest dist/subreview_*.deb
#     CHROOT  default: /tmp/subreview-bookworm (kept, so a second run skips debootstrap; delete it to start over)
#   DEBIAN_MIRROR=http://... to use another mirror; XVFB=1 also installs Xvfb, xdotool and ImageMagick in the
#   chroot and checks the real window (xcb) with a screenshot.
#
# Steps: debootstrap --variant=minbase bookworm; apt-get install ./subreview_*.deb (apt pulls the Depends);
# `ldd` on the bundled Qt xcb plugin for missing libraries; `subreview --version`, `info`, `new` + `pretranslate`
# (the bundled CTranslate2 and demo model); `subreview demo` offscreen for a few seconds; with XVFB=1, under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB="${1:-$(ls -t dist/subreview_*.deb 2>/dev/null | head -1 || true)}"
CHROOT="${2:-/tmp/subreview-bookworm}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

say() { printf '\033[1m[verify]\033[0m %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap and chroot need it)"
[ -n "$DEB" ] && [ -f "$DEB" ] || fail "no .deb given and none in dist/ (build one with ./dev package)"
command -v debootstrap >/dev/null || { say "installing debootstrap"; apt-get install -y -qq debootstrap >/dev/null; }

if [ ! -x "$CHROOT/usr/bin/apt-get" ]; then
  say "debootstrap --variant=minbase bookworm $CHROOT ($MIRROR)"
  debootstrap --variant=minbase bookworm "$CHROOT" "$MIRROR" >"$CHROOT.debootstrap.log" 2>&1 \
    || fail "debootstrap failed, see $CHROOT.debootstrap.log"
fi

mounted=()
cleanup() {
  local m
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    m="${mounted[$i]}"
    umount -l "$m" 2>/dev/null || true
  done
}
trap cleanup EXIT
for fs in proc sys dev dev/pts; do
  mkdir -p "$CHROOT/$fs"
  if ! mountpoint -q "$CHROOT/$fs"; then
    mount --bind "/$fs" "$CHROOT/$fs"
    mounted+=("$CHROOT/$fs")
  fi
done
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true

in_chroot() { chroot "$CHROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }

say "installing $(basename "$DEB") and its dependencies"
cp "$DEB" "$CHROOT/tmp/subreview.deb"
in_chroot apt-get update -qq
if in_chroot dpkg-query -W subreview >/dev/null 2>&1; then  # a kept chroot: start again from no SubReview
  say "removing the SubReview installed by an earlier run (and the packages it pulled in)"
  in_chroot apt-get purge -y -qq subreview >/dev/null
  in_chroot apt-get autoremove -y -qq --purge >/dev/null
fi
before=$(in_chroot dpkg-query -W -f='${Package}\n' | wc -l)
in_chroot apt-get install -y -q --no-install-recommends /tmp/subreview.deb >"$CHROOT.install.log" 2>&1 \
  || { tail -30 "$CHROOT.install.log"; fail "apt-get install of the .deb failed (log: $CHROOT.install.log)"; }
after=$(in_chroot dpkg-query -W -f='${Package}\n' | wc -l)
say "installed: $(in_chroot dpkg-query -W -f='${Package} ${Version}' subreview) (+$((after - before)) packages)"

# The bundle's launcher puts /opt/subreview/_internal first in LD_LIBRARY_PATH (libxcb-icccm, libxkbcommon-x11 and
# the other Qt needs come from there); whatever is still missing must come from the system's packages.
say "libraries the bundle's Qt xcb plugin cannot find:"
missing=$(in_chroot sh -c 'LD_LIBRARY_PATH=/opt/subreview/_internal \
  ldd /opt/subreview/_internal/PySide6/Qt/plugins/platforms/libqxcb.so | grep "not found"' || true)
if [ -n "$missing" ]; then echo "$missing" >&2; fail "libqxcb.so has unresolved libraries"; fi
echo "  none" >&2

run() { say "\$ $*"; in_chroot "$@"; }
run subreview --version
cues=$(in_chroot subreview info /opt/subreview/_internal/resources/samples/demo.zh-Hans.srt --json | grep -c '"start_ms"')
[ "$cues" -eq 10 ] || fail "subreview info found $cues cues in the demo subtitles, not 10"
run subreview info /opt/subreview/_internal/resources/samples/demo.zh-Hans.srt | sed -n 1,8p
in_chroot rm -rf /tmp/verify && in_chroot mkdir -p /tmp/verify
run env SUBREVIEW_DATA_DIR=/tmp/verify/data SUBREVIEW_CACHE_DIR=/tmp/verify/cache subreview new /tmp/verify/p.subrev \
  --source /opt/subreview/_internal/resources/samples/demo.zh-Hans.srt --source-lang zh-Hans --target-lang en \
  --reviewer verify
run env SUBREVIEW_DATA_DIR=/tmp/verify/data SUBREVIEW_CACHE_DIR=/tmp/verify/cache subreview pretranslate \
  /tmp/verify/p.subrev --reviewer verify
run subreview stats /tmp/verify/p.subrev | grep -q "mt_draft *10" || fail "pretranslate did not draft the 10 lines"

say "subreview demo, offscreen, for 8 seconds"
set +e
in_chroot env QT_QPA_PLATFORM=offscreen SUBREVIEW_DATA_DIR=/tmp/verify/gui SUBREVIEW_SETTINGS=/tmp/verify/s.ini \
  SUBREVIEW_CACHE_DIR=/tmp/verify/cache SUBREVIEW_VLC_AOUT=dummy timeout 8 subreview demo >"$CHROOT.demo.log" 2>&1
code=$?
set -e
[ "$code" -eq 124 ] || { cat "$CHROOT.demo.log" >&2; fail "the demo exited with $code before 8 s"; }
grep -q "Traceback" "$CHROOT.demo.log" && { cat "$CHROOT.demo.log" >&2; fail "the demo printed a traceback"; }
in_chroot test -f /tmp/verify/gui/demo/demo.subrev || fail "the demo did not create its project"
say "the demo ran for 8 s and created its project (log: $CHROOT.demo.log)"

if [ "${XVFB:-0}" = "1" ]; then
  say "XVFB=1: installing xvfb, xauth, xdotool, imagemagick in the chroot"
  in_chroot apt-get install -y -q --no-install-recommends xvfb xauth xdotool imagemagick >/dev/null
  in_chroot sh -c '
    Xvfb :77 -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
    sleep 2
    DISPLAY=:77 QT_QPA_PLATFORM=xcb SUBREVIEW_DATA_DIR=/tmp/verify/x SUBREVIEW_SETTINGS=/tmp/verify/x.ini \
      SUBREVIEW_CACHE_DIR=/tmp/verify/cache SUBREVIEW_VLC_AOUT=dummy subreview demo >/tmp/verify/x.log 2>&1 & apid=$!
    found=""
    for i in $(seq 1 60); do
      found=$(DISPLAY=:77 xdotool search --onlyvisible --name SubReview 2>/dev/null | tail -1)
      [ -n "$found" ] && break
      sleep 0.5
    done
    if [ -n "$found" ]; then
      sleep 2
      DISPLAY=:77 xdotool windowfocus --sync "$found" key --window "$found" ctrl+space  # play the demo video
      sleep 3
    fi
    DISPLAY=:77 import -window root /tmp/verify/screen.png
    kill $apid; sleep 1; kill $xpid
    [ -n "$found" ] || { cat /tmp/verify/x.log; echo "no SubReview window"; exit 1; }
    echo "window $found; screenshot colours: $(convert /tmp/verify/screen.png -format %k info:)"
  ' || fail "the window did not appear under Xvfb"
  cp "$CHROOT/tmp/verify/screen.png" "$CHROOT.screen.png"
  say "screenshot: $CHROOT.screen.png"
fi
say "OK: $(basename "$DEB") installs and runs on a minimal Debian 12"
