#!/usr/bin/env bash
# Checks the release bundle as a user meets it: unpacked into a temporary folder, run from another
# folder with PATH=/usr/bin:/bin (no Swift toolchain) and no GAZETTE_DATA, it tags samples/; ldd
# lists no Swift library; --version names the data and models; install.sh installs it under a prefix.
#
#   Scripts/bundle-test.sh                 # builds the bundle with Scripts/release.sh
#   BUNDLE=dist/gazette-….tar.gz Scripts/bundle-test.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
say() { printf 'bundle-test: %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
BUNDLE="${BUNDLE:-}"
[ -n "$BUNDLE" ] || BUNDLE="$ROOT/$("$ROOT/Scripts/release.sh" | tail -1)"
[ -f "$BUNDLE" ] || fail "no bundle at $BUNDLE"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-bundle.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/unpacked" "$WORK/elsewhere"
tar -C "$WORK/unpacked" -xzf "$BUNDLE"
BIN="$(echo "$WORK"/unpacked/gazette-*/bin/gazette)"
[ -x "$BIN" ] || fail "no bin/gazette in the bundle"

if ldd "$BIN" | grep -i swift; then fail "bin/gazette links a Swift library"; fi
say "ldd: no Swift library ($(ldd "$BIN" | awk '{print $1}' | tr '\n' ' '))"

clean_env=(env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8)
version="$(cd "$WORK/elsewhere" && "${clean_env[@]}" "$BIN" --version)"
echo "$version" >&2
echo "$version" | grep -q "share/gazette" || fail "--version does not show the bundle's data folder"
echo "$version" | grep -q "^gazetteers: " || fail "--version names no gazetteer build"
echo "$version" | grep -q "^ner model: .*content" || fail "--version names no ner model"
echo "$version" | grep -q "^topic model: .*recipe=" || fail "--version names no topic model provenance"

status=0
(cd "$WORK/elsewhere" && "${clean_env[@]}" "$BIN" tag "$ROOT/samples" --quiet > "$WORK/tags.jsonl") || status=$?
[ "$status" -eq 0 ] || fail "gazette tag samples exited $status"
python3 - "$WORK/tags.jsonl" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(records) >= 10, f"only {len(records)} records"
assert all(r["error"] is None for r in records), "error records"
assert sum(len(r["entities"]) for r in records) > 100, "too few entities"
print(f"bundle-test: tagged {len(records)} sample records from another folder without a toolchain")
PY

"$WORK"/unpacked/gazette-*/install.sh --prefix "$WORK/prefix" >&2
(cd / && "${clean_env[@]}" "$WORK/prefix/bin/gazette" tag "$ROOT/samples/sports-story.txt" --quiet | grep -q '"entities":\[{') \
    || fail "the installed gazette does not tag"
say "install.sh --prefix works; PASS"
