# Shared settings for Pairwise scripts (sourced, not run).
export IMGUI_VERSION=1.90.1
export SDL2_VERSION=2.26.5
# The XLSX reader and writer: zlib (deflate) and pugixml (XML), Debian bookworm's sources.
export ZLIB_VERSION=1.2.13
export PUGIXML_VERSION=1.13
export FRIBIDI_VERSION=1.0.8
export HARFBUZZ_VERSION=6.0.0
# Dependencies live outside the checkout so a fresh clone (CI) reuses them; override with PAIRWISE_DEPS.
export PAIRWISE_DEPS="${PAIRWISE_DEPS:-${XDG_CACHE_HOME:-$HOME/.cache}/pairwise-deps}"
export IMGUI_DIR="$PAIRWISE_DEPS/imgui-$IMGUI_VERSION"
export SDL2_WASM_PREFIX="$PAIRWISE_DEPS/sdl2-$SDL2_VERSION-wasm"
export ZLIB_WASM_PREFIX="$PAIRWISE_DEPS/zlib-$ZLIB_VERSION-wasm"
export PUGIXML_DIR="$PAIRWISE_DEPS/pugixml-$PUGIXML_VERSION"
export FRIBIDI_DIR="$PAIRWISE_DEPS/fribidi-$FRIBIDI_VERSION"
export HARFBUZZ_DIR="$PAIRWISE_DEPS/harfbuzz-$HARFBUZZ_VERSION"
export UI_FONT="${UI_FONT:-/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf}"
# Debian's em++ needs acorn from Debian's node modules; the machine's node does not look there.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
