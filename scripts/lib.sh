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

# The wasm-bindgen version Cargo.lock resolved: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# ensure_cargo_tool BINARY VERSION CRATE [cargo install flags...]
ensure_cargo_tool() {
  local binary=$1 version=$2 crate=$3
  shift 3
  if ! "$binary" --version 2>/dev/null | grep -q "$version"; then
    say "installing $crate $version (once; a few minutes on 2 cores)"
    cargo install "$@" "$crate@$version"
  fi
}

ensure_trunk() {
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
}

ensure_wasm_bindgen_cli() {
  local version
  version=$(wasm_bindgen_version)
  if ! grep -q "wasm_bindgen = \"$version\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $version" >&2
    exit 1
  fi
  # Not --locked: its lock file names a crate version the registry lacks.
  ensure_cargo_tool wasm-bindgen "$version" wasm-bindgen-cli
}

# npm packages pinned in package-lock.json: wasm-opt (npm's binaryen;
# Debian's v108 breaks rustc 1.95 output), playwright-core and axe-core.
ensure_node_modules() {
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (package-lock.json)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_wasm_pack() {
  ensure_cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
}

# Debian's Chromium and its matching ChromeDriver for the browser tests, and a
# Japanese font so that screenshots of Japanese pages are readable.
ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi ipa; then
    say "installing Chromium, ChromeDriver and a Japanese font (Debian packages)"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver fonts-ipafont-gothic >/dev/null
  fi
}

ensure_widget_toolchain() {
  ensure_wasm_target
  ensure_wasm_bindgen_cli
  ensure_node_modules
  ensure_trunk
}
