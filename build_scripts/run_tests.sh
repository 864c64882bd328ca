#!/usr/bin/env bash
# Install SG Desk with its test tools into .venv (created if missing) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test,build]'
# Qt needs a few system libraries even offscreen; install them where we may (CI runs as root).
if ! QT_QPA_PLATFORM=offscreen .venv/bin/python -c "from PySide6.QtWidgets import QApplication" 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 >/dev/null
  else
    echo "Qt cannot start: install libegl1, libgl1, libxkbcommon0, libfontconfig1 (ask IT)" >&2
    exit 1
  fi
fi
# The Word and Excel files are checked as LibreOffice lays them out (headless, converted to PDF), with
# Arial's metric twin; without LibreOffice those tests are skipped, saying why, and the rest still run.
if ! command -v soffice >/dev/null && ! command -v libreoffice >/dev/null; then
  if ! { command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] \
         && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
              libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 >/dev/null; }; then
    echo "LibreOffice (Debian packages libreoffice-writer-nogui, libreoffice-calc-nogui) is missing and could" \
         "not be installed here: the Word and Excel layout tests will be skipped" >&2
  fi
fi
# The fault-injection tests (tests/safety/test_faults.py) drive SG Desk under libfiu's fiu-run; install it
# where we may, as for Qt. Without it those tests are skipped, saying why, and the rest still run.
if ! command -v fiu-run >/dev/null; then
  if ! { command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] \
         && apt-get update -qq && apt-get install -y -qq fiu-utils >/dev/null; }; then
    echo "fiu-run (Debian package fiu-utils) is missing and could not be installed here: the fault-injection" \
         "tests under libfiu will be skipped" >&2
  fi
fi
# The accessibility tests also ask poppler's pdfinfo whether each PDF is tagged; install it where we may, as for
# Qt. Without it that question is left out, saying why, and the checker's own tests still run.
if ! command -v pdfinfo >/dev/null; then
  if ! { command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] \
         && apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }; then
    echo "pdfinfo (Debian package poppler-utils) is missing and could not be installed here: the tests that ask" \
         "it whether each PDF is tagged will be skipped" >&2
  fi
fi
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
