#!/usr/bin/env bash
# Places on a map: tags pages (default: samples/), builds `gazette graph --format geojson`, reads it
# back with GDAL's ogrinfo (Debian gdal-bin; installed when missing and apt-get is available), and
# lists every tagged place without coordinates, page by page.
# Usage: Scripts/check-geojson.sh [INPUT ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if ! command -v ogrinfo >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y gdal-bin >/dev/null || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y gdal-bin >/dev/null; }
    else
        echo "check-geojson: skipped, ogrinfo (Debian package gdal-bin) is not installed"
        exit 0
    fi
fi
swift build -c release --product gazette >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
inputs=("$@")
[[ ${#inputs[@]} -gt 0 ]] || inputs=(samples)
.build/release/gazette tag --quiet -o "$work/tags.jsonl" "${inputs[@]}" || [[ $? -eq 1 ]]
.build/release/gazette graph --format geojson -o "$work/places.geojson" "$work/tags.jsonl"
ogrinfo -ro -al -so "$work/places.geojson" | grep -E "Geometry|Feature Count|Extent|articles|mentions|wikidata|country"
python3 - "$work/tags.jsonl" <<'PY'
import json, sys
total = missing = 0
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    places = [e for e in record.get("entities") or [] if e["type"] == "Place"]
    lacking = [e["name"] for e in places if not e.get("coordinates")]
    total += len(places)
    missing += len(lacking)
    print(f"{record['id']}: {len(places)} places, {len(places) - len(lacking)} with coordinates"
          + (f"; without: {', '.join(lacking)}" if lacking else ""))
print(f"all pages: {total - missing}/{total} places with coordinates")
PY
