#!/usr/bin/env bash
# One idempotent set-up step for Pairwise, called by scripts/run.sh and scripts/test.sh.
# Installs what is missing and nothing else; a second run with nothing to do takes seconds.
# Each step says what it does; a failure names the step and the reason and exits non-zero.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

STEP="starting"
fail() { echo "setup: FAILED at step '$STEP': $*" >&2; STEP="reported"; exit 1; }
trap 'rc=$?; if [ $rc -ne 0 ] && [ "$STEP" != reported ]; then echo "setup: FAILED at step \"$STEP\" (exit $rc); see the messages above" >&2; fi' EXIT
step() { STEP="$1"; echo "setup: $1"; }

SUDO=""
# As root, apt would try to download as _apt into a folder _apt cannot write, and warn.
APT_SANDBOX=""; [ "$(id -u)" -eq 0 ] && APT_SANDBOX="-o APT::Sandbox::User=root"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
fi
need_root() {
  [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ] || fail "installing $1 needs root, and this user is not root and has no password-less sudo. Run as root, or install it yourself: apt-get install $1"
}

APT_PACKAGES=(
  emscripten cmake make g++ clang lld libclang-rt-14-dev
  nlohmann-json3-dev doctest-dev libssl-dev zlib1g-dev libpugixml-dev libfribidi-dev libharfbuzz-dev
  chromium fonts-noto-core fonts-dejavu-core fonts-wqy-microhei
  dpkg-dev xz-utils liblemon-utils python3
  python3-icalendar
)

# --- Debian packages -----------------------------------------------------------------------
step "Debian packages"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
APT_UPDATED=0
apt_update() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    $SUDO apt-get update -qq || fail "apt-get update failed: is the Debian package registry reachable?"
    APT_UPDATED=1
  fi
}
if [ ${#missing[@]} -gt 0 ]; then
  need_root "${missing[*]}"
  echo "setup:   installing ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed (see apt's message above)"
fi

# --- deb-src entries derived from the machine's own apt configuration ------------------------
step "source package entries"
SRC_LIST=/etc/apt/sources.list.d/pairwise-deb-src.sources
if [ ! -f "$SRC_LIST" ]; then
  need_root "a deb-src entry"
  base=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && grep -q '^Types:.*\bdeb\b' "$f" && grep -qE '^Suites:.*\bbookworm\b' "$f" && { base="$f"; break; }
  done
  tmp="$(mktemp)"
  if [ -n "$base" ]; then
    # Every stanza of the machine's own list, as deb-src; then the first one again for trixie (imgui 1.90.1).
    sed -E 's/^Types:.*/Types: deb-src/' "$base" >"$tmp"
    awk 'BEGIN{RS="";FS="\n"} NR==1{print; exit}' "$base" \
      | sed -E 's/^Types:.*/Types: deb-src/; s/^Suites:.*/Suites: trixie/' >>"$tmp.trixie"
    { echo; cat "$tmp.trixie"; } >>"$tmp"; rm -f "$tmp.trixie"
  elif [ -f /etc/apt/sources.list ] && grep -qE '^deb .*bookworm' /etc/apt/sources.list; then
    grep -E '^deb .*bookworm' /etc/apt/sources.list | sed -E 's/^deb /deb-src /' >"$tmp"
    grep -E '^deb .* bookworm( |$)' /etc/apt/sources.list | head -1 \
      | sed -E 's/^deb /deb-src /; s/ bookworm( |$)/ trixie\1/' >>"$tmp"
    SRC_LIST=/etc/apt/sources.list.d/pairwise-deb-src.list
  else
    rm -f "$tmp"; fail "found no bookworm entry in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list to derive deb-src entries from"
  fi
  $SUDO install -m 644 "$tmp" "$SRC_LIST"; rm -f "$tmp"
  APT_UPDATED=0
fi

# --- Dear ImGui and SDL2 sources ------------------------------------------------------------
fetch_source() { # name version dir-glob
  local pkg="$1" ver="$2" suite="$3"
  if ! ls "$PAIRWISE_DEPS/src/${pkg}_${ver}"*.orig.tar.* >/dev/null 2>&1; then
    apt_update
    ( cd "$PAIRWISE_DEPS/src" && apt-get source --download-only -qq $APT_SANDBOX "$pkg/$suite" >/dev/null ) \
      || fail "apt-get source $pkg/$suite failed (are deb-src entries in $SRC_LIST reachable?)"
    ls "$PAIRWISE_DEPS/src/${pkg}_${ver}"*.orig.tar.* >/dev/null 2>&1 \
      || fail "downloaded $pkg/$suite, but it is not version $ver: $(ls "$PAIRWISE_DEPS/src" | grep "^${pkg}_" | tr '\n' ' ')"
  fi
}
extract_once() { # tarball-glob dest
  local dest="$2"
  [ -d "$dest" ] && return 0
  local tarball; tarball="$(ls $1 | head -1)"
  local tmp="$dest.partial"; rm -rf "$tmp"; mkdir -p "$tmp"
  tar -xf "$tarball" -C "$tmp" --strip-components=1 || fail "could not unpack $tarball"
  mv "$tmp" "$dest"
}
step "Dear ImGui ${IMGUI_VERSION} and SDL2 ${SDL2_VERSION} sources"
mkdir -p "$PAIRWISE_DEPS/src"
fetch_source imgui "$IMGUI_VERSION" trixie
fetch_source libsdl2 "$SDL2_VERSION" bookworm
extract_once "$PAIRWISE_DEPS/src/imgui_${IMGUI_VERSION}*.orig.tar.*" "$IMGUI_DIR"
extract_once "$PAIRWISE_DEPS/src/libsdl2_${SDL2_VERSION}*.orig.tar.*" "$PAIRWISE_DEPS/SDL2-$SDL2_VERSION"

# --- SDL2 built for WebAssembly, once, into a cached prefix -----------------------------------
step "SDL2 for WebAssembly"
if [ ! -f "$SDL2_WASM_PREFIX/lib/libSDL2.a" ]; then
  bdir="$PAIRWISE_DEPS/build-sdl2-wasm"; rm -rf "$bdir" "$SDL2_WASM_PREFIX.partial"
  mkdir -p "$bdir"
  ( cd "$bdir" && emcmake cmake "$PAIRWISE_DEPS/SDL2-$SDL2_VERSION" -DCMAKE_BUILD_TYPE=Release \
      -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
      -DCMAKE_INSTALL_PREFIX="$SDL2_WASM_PREFIX.partial" >"$bdir/configure.log" 2>&1 \
    && emmake make -j"$(nproc)" >"$bdir/build.log" 2>&1 && make install >"$bdir/install.log" 2>&1 ) \
    || fail "building SDL2 for wasm failed; logs in $bdir"
  mv "$SDL2_WASM_PREFIX.partial" "$SDL2_WASM_PREFIX"
  rm -rf "$bdir"
fi

# --- zlib and pugixml (the XLSX reader and writer) for WebAssembly -------------------------------
# Natively they come from zlib1g-dev and libpugixml-dev above. For WASM, Emscripten's own zlib port
# downloads from the internet, so Debian's source packages are built here instead: zlib once into a
# cached prefix; pugixml is a single .cpp that CMake compiles from the unpacked source.
step "zlib ${ZLIB_VERSION} and pugixml ${PUGIXML_VERSION} sources"
fetch_source zlib "${ZLIB_VERSION}.dfsg" bookworm
fetch_source pugixml "$PUGIXML_VERSION" bookworm
extract_once "$PAIRWISE_DEPS/src/zlib_${ZLIB_VERSION}.dfsg.orig.tar.*" "$PAIRWISE_DEPS/zlib-$ZLIB_VERSION"
extract_once "$PAIRWISE_DEPS/src/pugixml_${PUGIXML_VERSION}.orig.tar.*" "$PUGIXML_DIR"
[ -f "$PUGIXML_DIR/src/pugixml.cpp" ] || fail "$PUGIXML_DIR/src/pugixml.cpp is missing from the pugixml source"

# --- GNU FriBidi (right-to-left text drawn in order, Arabic letters joined) for WebAssembly -----
# Natively it is libfribidi-dev above. For WASM, CMake compiles the source package's lib/*.c, whose
# Unicode tables come generated in the release (lib/*.tab.i).
step "FriBidi ${FRIBIDI_VERSION} source"
fetch_source fribidi "$FRIBIDI_VERSION" bookworm
extract_once "$PAIRWISE_DEPS/src/fribidi_${FRIBIDI_VERSION}.orig.tar.*" "$FRIBIDI_DIR"
[ -f "$FRIBIDI_DIR/lib/fribidi.c" ] && [ -f "$FRIBIDI_DIR/lib/bidi-type.tab.i" ] \
  || fail "$FRIBIDI_DIR/lib is missing fribidi.c or its generated tables"

# --- HarfBuzz (Devanagari and Thai shaped into their fonts' glyphs) for WebAssembly ------------
# Natively it is libharfbuzz-dev above. For WASM, CMake compiles the source package's one-file build,
# src/harfbuzz.cc (no FreeType, GLib or ICU needed).
step "HarfBuzz ${HARFBUZZ_VERSION} source"
fetch_source harfbuzz "$HARFBUZZ_VERSION" bookworm
extract_once "$PAIRWISE_DEPS/src/harfbuzz_${HARFBUZZ_VERSION}*.orig.tar.*" "$HARFBUZZ_DIR"
[ -f "$HARFBUZZ_DIR/src/harfbuzz.cc" ] || fail "$HARFBUZZ_DIR/src/harfbuzz.cc is missing from the HarfBuzz source"

step "zlib for WebAssembly"
if [ ! -f "$ZLIB_WASM_PREFIX/lib/libz.a" ]; then
  zsrc="$PAIRWISE_DEPS/zlib-$ZLIB_VERSION"; bdir="$PAIRWISE_DEPS/build-zlib-wasm"
  rm -rf "$bdir" "$ZLIB_WASM_PREFIX.partial"; mkdir -p "$bdir" "$ZLIB_WASM_PREFIX.partial/lib" "$ZLIB_WASM_PREFIX.partial/include"
  # The library's own C files (no gz* file functions: the XLSX code only inflates and deflates memory).
  ( cd "$bdir" && for f in adler32 compress crc32 deflate infback inffast inflate inftrees trees uncompr zutil; do
      emcc -O2 -DHAVE_UNISTD_H -DHAVE_STDARG_H -I"$zsrc" -c "$zsrc/$f.c" -o "$f.o" || exit 1
    done && emar rcs "$ZLIB_WASM_PREFIX.partial/lib/libz.a" ./*.o ) >"$bdir/build.log" 2>&1 \
    || { cat "$bdir/build.log" >&2; fail "building zlib for wasm failed; log in $bdir/build.log"; }
  cp "$zsrc/zlib.h" "$zsrc/zconf.h" "$ZLIB_WASM_PREFIX.partial/include/"
  mv "$ZLIB_WASM_PREFIX.partial" "$ZLIB_WASM_PREFIX"
  rm -rf "$bdir"
fi

# --- Emscripten's system libraries, built once into its cache ---------------------------------
step "Emscripten compiler check"
if [ ! -f "$PAIRWISE_DEPS/emcache.stamp" ]; then
  t="$(mktemp -d)"; printf 'int main(){return 0;}\n' >"$t/a.cpp"
  ( cd "$t" && em++ -O2 -fwasm-exceptions a.cpp -o a.js >/dev/null 2>"$t/log" ) \
    || { cat "$t/log" >&2; fail "em++ could not build a trivial program"; }
  rm -rf "$t"; touch "$PAIRWISE_DEPS/emcache.stamp"
fi

# --- Playwright and axe-core (npm, pinned by tests/browser/package-lock.json) -------------------------------
step "playwright-core and axe-core from npm"
BROWSER_DIR="$ROOT/tests/browser"
stamp="$BROWSER_DIR/node_modules/.pairwise-lock"
if ! cmp -s "$BROWSER_DIR/package-lock.json" "$stamp" 2>/dev/null; then
  ( cd "$BROWSER_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null ) \
    || fail "npm ci in tests/browser failed: is the npm registry reachable?"
  cp "$BROWSER_DIR/package-lock.json" "$stamp"
fi

# --- A Unicode UI font ----------------------------------------------------------------------
step "UI font"
[ -f "$UI_FONT" ] || fail "the UI font $UI_FONT is missing after installing fonts-noto-core"

# Convenience link so the fetched sources can be found from the checkout (git-ignored).
ln -sfn "$PAIRWISE_DEPS" "$ROOT/.deps" 2>/dev/null || true
STEP="done"
echo "setup: everything is in place (deps in $PAIRWISE_DEPS)"
