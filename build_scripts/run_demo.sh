#!/usr/bin/env bash
# Install SG Desk into .venv (created if missing), write the demo board and open it in the app.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
.venv/bin/sgdesk demo demo.sgdesk --force
exec .venv/bin/sgdesk demo.sgdesk
