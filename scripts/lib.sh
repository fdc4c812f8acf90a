# Shared set-up for scripts/serve and scripts/test: each ensure_* installs
# what is missing and skips what is already there, so every run is idempotent.
# Nothing here downloads from GitHub: tools come from crates.io, npm and Debian.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"
WASM_PACK_VERSION="0.15.1"
# The wasm test runner's default timeouts are too short on 2 cores.
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Each tool's version is pinned in one place and read from there:
# wasm-bindgen in Cargo.lock, binaryen (wasm-opt) in package-lock.json.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}
binaryen_version() {
  node -p 'require(process.argv[1]).packages["node_modules/binaryen"].version' "$ROOT/package-lock.json"
}

# rust-toolchain.toml names the toolchain, the wasm32 target and rustfmt and
# clippy; rustup (1.28 or later) adds whichever is missing, and returns at
# once when nothing is.
ensure_rust_toolchain() {
  (cd "$ROOT" && rustup -q toolchain install --no-self-update)
}
# scripts/bench-wasm's name for it.
ensure_wasm_target() { ensure_rust_toolchain; }

# ensure_cargo_tool BINARY VERSION CRATE [cargo install flags...]
ensure_cargo_tool() {
  local binary=$1 version=$2 crate=$3
  shift 3
  if ! "$binary" --version 2>/dev/null | grep -qwF -- "$version"; then
    say "installing $crate $version (once; a few minutes on 2 cores)"
    cargo install "$@" "$crate@$version"
  fi
}

ensure_trunk() {
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
}

# Trunk finds this wasm-bindgen on PATH and checks it against Cargo.lock itself.
ensure_wasm_bindgen_cli() {
  # Not --locked: its lock file names a crate version the registry lacks.
  ensure_cargo_tool wasm-bindgen "$(wasm_bindgen_version)" wasm-bindgen-cli
}

# npm packages pinned in package-lock.json: wasm-opt (npm's binaryen;
# Debian's v108 breaks rustc 1.95 output), @playwright/test (which drives
# Debian's Chromium: never `playwright install`), @axe-core/playwright and
# http-server (the e2e suite's web server).
# Trunk is told binaryen's version (version_132 for 132.0.0) so that it
# refuses any other wasm-opt it might find on PATH.
ensure_node_modules() {
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -x "$ROOT/node_modules/.bin/playwright" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (package-lock.json)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  local binaryen
  binaryen=$(binaryen_version)
  export TRUNK_TOOLS_WASM_OPT="version_${binaryen%%.*}"
}

# The crates Cargo.lock names, for trunk's offline cargo build (Trunk.toml):
# nothing to do, and no network, when they are all downloaded already.
ensure_crates() {
  if ! (cd "$ROOT" && cargo fetch --locked --offline >/dev/null 2>&1); then
    say "downloading the crates Cargo.lock names (crates.io)"
    (cd "$ROOT" && cargo fetch --locked)
  fi
}

ensure_wasm_pack() {
  ensure_cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
}

# Debian's Chromium and its matching ChromeDriver for the browser tests, and
# Japanese and Chinese fonts so that screenshots of those pages are readable.
ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi ipa || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    say "installing Chromium, ChromeDriver and Japanese and Chinese fonts (Debian packages)"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver fonts-ipafont-gothic fonts-noto-cjk >/dev/null
  fi
}

# Everything `trunk build` and `trunk serve` need.
ensure_widget_toolchain() {
  ensure_rust_toolchain
  ensure_crates
  ensure_wasm_bindgen_cli
  ensure_node_modules
  ensure_trunk
}
