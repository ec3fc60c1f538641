#!/usr/bin/env bash
# What each step of the release profile buys the wasm: gzipped size and the
# whole pipeline's throughput in Node, per variant. Prints a Markdown table.
#   scripts/profile-matrix.sh        (takes a few minutes; builds into target/profile-matrix)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=target/profile-matrix
mkdir -p "$out"
features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"

variant() { # name opt-level lto codegen-units wasm-opt-flags
  local name=$1 opt=$2 lto=$3 cgu=$4 wopt=$5
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt CARGO_PROFILE_RELEASE_LTO=$lto CARGO_PROFILE_RELEASE_CODEGEN_UNITS=$cgu \
    CARGO_TARGET_DIR="$out/target-$opt-$lto-$cgu" cargo build --quiet --release --lib --target wasm32-unknown-unknown
  local pkg="$out/$name"
  rm -rf "$pkg"
  wasm-bindgen --target web --no-typescript --out-dir "$pkg" "$out/target-$opt-$lto-$cgu/wasm32-unknown-unknown/release/article_annotator.wasm"
  if [ -n "$wopt" ]; then
    # shellcheck disable=SC2086
    wasm-opt $wopt $features "$pkg/article_annotator_bg.wasm" -o "$pkg/article_annotator_bg.wasm"
  fi
  local raw gz rate
  raw=$(wc -c < "$pkg/article_annotator_bg.wasm")
  gz=$(gzip -9 -c "$pkg/article_annotator_bg.wasm" | wc -c)
  rate=$(node bench/compare.mjs --pkg "$PWD/$pkg" --seconds 3 --only-pipeline | awk '/all layers/ {print $(NF-6)}')
  printf '| %s | %s | %s | %s | %s | %d | %d | %s |\n' "$name" "$opt" "$lto" "$cgu" "${wopt:-none}" "$raw" "$gz" "$rate"
}

echo "| variant | opt-level | lto | codegen-units | wasm-opt | wasm bytes | gzipped | pipeline M chars/s (Node) |"
echo "|---|---|---|---|---|---|---|---|"
variant "cargo default release" 3 false 16 ""
variant "+ lto" 3 true 16 ""
variant "+ codegen-units 1" 3 true 1 ""
variant "+ wasm-opt -O3" 3 true 1 "-O3"
variant "+ wasm-opt -Oz" 3 true 1 "-Oz"
variant "+ --low-memory-unused (shipped)" 3 true 1 "-Oz --low-memory-unused"
variant "opt-level s, wasm-opt -Oz" s true 1 "-Oz"
variant "opt-level z, wasm-opt -Oz" z true 1 "-Oz"
