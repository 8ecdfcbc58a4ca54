#!/usr/bin/env bash
# Installs the Debian packages Qt (xcb/offscreen), PDF rasterising and fonts need, only where missing.
# --test adds what only the tests need: CUPS and its filters, for the test's own throwaway print server
# (tests/printing/test_cups_queue.py); `make run` never installs a print server.
set -euo pipefail
command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian system: install Qt's system libraries yourself"; exit 0; }
want=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0
      libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-xkb1
      libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 libx11-xcb1
      poppler-utils xvfb xauth)
[ "${1:-}" = "--test" ] && want+=(cups-daemon cups-client cups-filters)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages Qt needs: ${missing[*]}"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
