#!/usr/bin/env bash
# Build the desktop app: dist/annotator/ (one folder; start dist/annotator/annotator).
#   bash scripts/build_app.sh            set up .venv (with PyInstaller from the `build` extra), build, self-check
#   SKIP_CHECK=1 bash scripts/build_app.sh   build only
#   DIST_DIR=/tmp/d WORK_DIR=/tmp/w bash scripts/build_app.sh   build elsewhere (the slow test does)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
DIST_DIR=${DIST_DIR:-dist}
WORK_DIR=${WORK_DIR:-build}
say() { printf '[build_app.sh] %s\n' "$*" >&2; }

bash scripts/dev.sh setup
if ! "$VENV/bin/python" -c "import PyInstaller" 2>/dev/null; then
  say "installing PyInstaller (the build extra) into $VENV"
  "$VENV/bin/python" -m pip install -q -e ".[model,test,build]"
fi

say "building $DIST_DIR/annotator/ (a few minutes)"
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST_DIR" --workpath "$WORK_DIR" build.spec
say "built: $(du -sh "$DIST_DIR/annotator" | cut -f1) in $DIST_DIR/annotator/ (start $DIST_DIR/annotator/annotator)"

if [ -z "${SKIP_CHECK:-}" ]; then
  "$DIST_DIR/annotator/annotator" --self-check
fi
