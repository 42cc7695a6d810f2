#!/usr/bin/env bash
# Builds the DocC documentation of the Gazette library (Sources/Gazette/Gazette.docc plus the doc
# comments of every module it re-exports) with the toolchain's `docc`, without a package plugin.
#
#   Scripts/docs.sh [OUTPUT]      # default .build/docs; exits non-zero on any DocC warning
#
# Open OUTPUT/index.html through a web server (`python3 -m http.server -d OUTPUT`), or add
# `--transform-for-static-hosting` by hand for a static site.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/.build/docs}"
cd "$ROOT"
command -v docc >/dev/null || { echo "docs: the toolchain has no docc" >&2; exit 2; }
GRAPHS="$ROOT/.build-docs/symbol-graphs"
rm -rf "$GRAPHS" && mkdir -p "$GRAPHS/all" "$GRAPHS/gazette"
# Its own build folder, so the symbol graphs always come from a full compile of the umbrella.
swift build --scratch-path "$ROOT/.build-docs" --target Gazette \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$GRAPHS/all" >&2
cp "$GRAPHS/all"/Gazette*.symbols.json "$GRAPHS/gazette/"
LOG="$(mktemp)"
docc convert Sources/Gazette/Gazette.docc --additional-symbol-graph-dir "$GRAPHS/gazette" \
    --output-path "$OUT" --fallback-display-name Gazette --fallback-bundle-identifier org.gazette.Gazette 2>&1 | tee "$LOG" >&2
if grep -q "warning:" "$LOG"; then
    echo "docs: DocC reported warnings (above)" >&2
    exit 1
fi
echo "docs: written to $OUT"
