#!/usr/bin/env bash
# Fast gates that run before the tests (in .ci/run): lint, format, layer contracts, types.
# Needs the .venv made by `bash scripts/dev.sh setup`.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PATHS="annotator tests benchmarks scripts"

echo "[gates] ruff check"
# shellcheck disable=SC2086
"$VENV/bin/ruff" check $PATHS
echo "[gates] ruff format --check"
# shellcheck disable=SC2086
"$VENV/bin/ruff" format --check $PATHS
echo "[gates] lint-imports (layer contracts in pyproject.toml [tool.importlinter])"
"$VENV/bin/lint-imports" --no-cache
echo "[gates] mypy (annotator/: strict on core, looser on _qt and cli; pyproject.toml [tool.mypy])"
"$VENV/bin/mypy"
