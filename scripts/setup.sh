# Shared by scripts/run and scripts/test: install the Debian packages Portico needs (only those
# missing), then configure and build a Release build in build/. Sourced, not run.

PORTICO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORTICO_BUILD="$PORTICO_ROOT/build"

# Build tools and libraries (see docs/dependencies.md for why each is here).
PORTICO_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libgl-dev
  libqscintilla2-qt6-dev
  nlohmann-json3-dev libsimdjson-dev libhttp-parser-dev libvalijson-dev libssl-dev
  libyaml-cpp-dev libyaml-dev
  dpkg-dev file xvfb xauth
  nodejs python3
  chromium                 # headless, for the CORS test in a real browser (tests/app/cli)
)

portico_missing_packages() {
  local missing=()
  for pkg in "${PORTICO_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  echo "${missing[@]}"
}

portico_install_packages() {
  local missing
  missing=$(portico_missing_packages)
  [ -z "$missing" ] && return 0
  echo "Installing missing Debian packages: $missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "error: these packages are missing and this user cannot install them: $missing" >&2
      echo "Run as root: apt-get install $missing" >&2
      return 1
    fi
  fi
  $sudo apt-get update -qq || return 1
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing || return 1
}

portico_build() {
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  cmake -S "$PORTICO_ROOT" -B "$PORTICO_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release || return 1
  cmake --build "$PORTICO_BUILD" -j "$jobs" || return 1
}
