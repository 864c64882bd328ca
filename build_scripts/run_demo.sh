#!/usr/bin/env bash
# Install SG Desk into .venv (created if missing), write the demo board and open it in the app.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
# PySide compiles its support code at every start unless it is unpacked and compiled beside it (40 ms a start)
.venv/bin/python build_scripts/qt_support.py >/dev/null
# Qt's window plugin (xcb) links to X11 libraries a minimal Linux lacks, and Qt's own message names only
# one of them: find every one missing and install their packages where we may (as root with apt-get).
if [ "$(uname)" = Linux ] && [ "${QT_QPA_PLATFORM:-xcb}" = xcb ]; then
  missing=$(.venv/bin/python build_scripts/qt_libraries.py | tr '\n' ' ')
  if [ -n "${missing// /}" ]; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      echo "Installing the libraries Qt needs to open a window: $missing"
      apt-get update -qq && apt-get install -y -qq $missing >/dev/null
    else
      echo "SG Desk's window needs these system packages: ${missing% }. Install them (ask IT), e.g.:" >&2
      echo "  sudo apt-get install ${missing% }" >&2
      exit 1
    fi
  fi
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "There is no screen to open SG Desk's window on (DISPLAY is not set): run this from a desktop session" >&2
    exit 1
  fi
fi
.venv/bin/sgdesk demo demo.sgdesk --force
exec .venv/bin/sgdesk demo.sgdesk
