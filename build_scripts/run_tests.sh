#!/usr/bin/env bash
# Install SG Desk with its test tools into .venv (created if missing) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test,build]'
# PySide compiles its support code at every start unless it is unpacked and compiled beside it (40 ms a start)
.venv/bin/python build_scripts/qt_support.py >/dev/null
# Qt needs a few system libraries even offscreen; install them where we may (CI runs as root).
if ! QT_QPA_PLATFORM=offscreen .venv/bin/python -c "from PySide6.QtWidgets import QApplication" 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 >/dev/null
  else
    echo "Qt cannot start: install libegl1, libgl1, libxkbcommon0, libfontconfig1 (ask IT)" >&2
    exit 1
  fi
fi
# Some tests need a system program; install its Debian package where we may, as for Qt. Without it those
# tests are skipped, saying why, and the rest still run.
apt_updated=""
install_missing() {  # install_missing COMMAND... -- NAME "WHAT IS SKIPPED" PACKAGE...
  local commands=()
  while [ "$1" != "--" ]; do commands+=("$1"); shift; done
  local name=$2 skipped=$3
  shift 3
  for command in "${commands[@]}"; do command -v "$command" >/dev/null && return 0; done
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] \
     && { [ -n "$apt_updated" ] || apt-get update -qq; } && apt_updated=1 \
     && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" --no-install-recommends >/dev/null; then
    return 0
  fi
  local packages="package $1"
  [ $# -eq 1 ] || { packages="packages $1"; shift; for package in "$@"; do packages+=", $package"; done; }
  echo "$name (Debian $packages) is missing and could not be installed here: $skipped" >&2
}
# the Word and Excel files are checked as LibreOffice lays them out (headless, converted to PDF), with
# Arial's metric twin
install_missing soffice libreoffice -- LibreOffice "the Word and Excel layout tests will be skipped" \
  libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2
# the fault-injection tests (tests/safety/test_faults.py) drive SG Desk under libfiu's fiu-run
install_missing fiu-run -- fiu-run "the fault-injection tests under libfiu will be skipped" fiu-utils
# the accessibility tests also ask poppler's pdfinfo whether each PDF is tagged
install_missing pdfinfo -- pdfinfo "the tests that ask it whether each PDF is tagged will be skipped" poppler-utils
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
