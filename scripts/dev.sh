#!/usr/bin/env bash
# One entry point for the README's Quick start:
#   bash scripts/dev.sh app [PROJECT] [options]   set everything up, then open the window
#   bash scripts/dev.sh test [pytest args]         set everything up, then run the whole suite headless
#   bash scripts/dev.sh setup                      only set up
# Setup = Debian libraries Qt needs (when missing) + .venv with the project, the spaCy model and test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

# Libraries Qt 6 loads (offscreen and xcb), fonts, D-Bus, and Xvfb for headless screenshots.
DEB_PACKAGES="libegl1 libgl1 libglx-mesa0 libopengl0 libxkbcommon0 libxkbcommon-x11-0 fontconfig fonts-dejavu-core
 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb-render0 libxcb-util1 libwayland-client0 libwayland-cursor0
 xvfb xauth"

say() { printf '[dev.sh] %s\n' "$*" >&2; }

missing_debs() {
  local pkg missing=()
  for pkg in $DEB_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  "$PYTHON" -c "import ensurepip, venv" 2>/dev/null || missing+=("python3-venv")
  echo "${missing[@]:-}"
}

install_system_libraries() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system: install Qt's libraries (libEGL, libGL, xkbcommon, fontconfig, D-Bus, xcb-cursor) yourself"; return 0; }
  local missing; missing=$(missing_debs)
  [ -z "$missing" ] && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing Debian packages: $missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

install_python_packages() {
  [ -x "$VENV/bin/python" ] || { say "creating $VENV with $PYTHON"; "$PYTHON" -m venv "$VENV"; }
  local stamp="$VENV/.installed" want
  want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! "$VENV/bin/python" -c "import annotator" 2>/dev/null; then
    say "installing the project with its model, test tools and PyInstaller into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[model,test,build]"
    echo "$want" > "$stamp"
  fi
}

setup() {
  install_system_libraries
  install_python_packages
}

run_app() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "no display found: starting the window inside Xvfb (invisible); run this on a desktop to see it"
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$VENV/bin/annotator" "$@"
  fi
  exec "$VENV/bin/annotator" "$@"
}

run_tests() {
  export QT_QPA_PLATFORM=offscreen
  set +e
  "$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
  local status=$?
  set -e
  [ $status -eq 5 ] && { say "pytest collected no tests: that is a failure here"; exit 1; }
  exit $status
}

case "${1:-}" in
  app)   shift; setup; run_app "$@" ;;
  test)  shift; setup; run_tests "$@" ;;
  setup) setup ;;
  *) echo "usage: bash scripts/dev.sh app [PROJECT] | test [pytest args] | setup" >&2; exit 2 ;;
esac
