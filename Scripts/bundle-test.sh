#!/usr/bin/env bash
# Checks the release bundle as a user meets it: unpacked into a temporary folder, run from another
# folder with PATH=/usr/bin:/bin (no Swift toolchain) and no GAZETTE_DATA, it tags samples/; ldd
# lists no Swift library; --version names the data and models; `gazette serve` hands out its page
# and OpenAPI document from the bundle; install.sh installs it under a prefix.
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
grep -q "share/gazette" <<<"$version" || fail "--version does not show the bundle's data folder"
grep -q "^gazetteers: " <<<"$version" || fail "--version names no gazetteer build"
grep -q "^ner model: .*content" <<<"$version" || fail "--version names no ner model"
grep -q "^topic model: .*recipe=" <<<"$version" || fail "--version names no topic model provenance"

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

# The server finds its page in share/gazette/web: start it on a free port, fetch, stop it (SIGTERM).
(cd "$WORK/elsewhere" && exec "${clean_env[@]}" "$BIN" serve --port 0 --jobs 1 2> "$WORK/serve.log") &
SERVE_PID=$!
port=""
for _ in $(seq 600); do
    port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.log" | sed -n 1p)"
    [ -n "$port" ] && break
    kill -0 "$SERVE_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; fail "gazette serve exited"; }
    sleep 0.1
done
[ -n "$port" ] || { kill "$SERVE_PID"; fail "gazette serve did not start"; }
python3 - "$port" <<'PY' || { kill "$SERVE_PID"; fail "gazette serve does not hand out its page"; }
import sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for path, text in (("/", "<script src=\"/app.js\""), ("/app.js", "/v1/tag"), ("/openapi.yaml", "openapi: 3.")):
    body = urllib.request.urlopen(base + path, timeout=30).read().decode()
    assert text in body, f"{path} lacks {text!r}"
print("bundle-test: gazette serve hands out its page and OpenAPI document from the bundle")
PY
kill -TERM "$SERVE_PID"
wait "$SERVE_PID" || fail "gazette serve exited $? after SIGTERM"

"$WORK"/unpacked/gazette-*/install.sh --prefix "$WORK/prefix" >&2
installed="$(cd / && "${clean_env[@]}" "$WORK/prefix/bin/gazette" tag "$ROOT/samples/sports-story.txt" --quiet)" \
    || fail "the installed gazette exited with an error"
grep -q '"entities":\[{' <<<"$installed" || fail "the installed gazette does not tag"
say "install.sh --prefix works; PASS"
