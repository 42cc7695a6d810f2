#!/usr/bin/env bash
# Scores Gazette's main-content extraction on both development benchmarks:
#   aeb-dev          91 article pages of the article-extraction-benchmark (4-word shingles, macro F1)
#   trafilatura-dev  495 pages of trafilatura's own benchmark, many languages (snippets that must
#                    and must not appear; micro F1 and the number of pages with an empty body)
#
# Usage: Scripts/eval-extraction.sh [tag|clean]
#   tag   (default) runs `gazette tag --include-text` over the pages, as the pipeline does;
#   clean runs `gazette clean --json` (the cleaner and language stage alone, same text).
# Data: $GAZETTE_DATA (default ../shared/data next to the repository) with aeb-dev/ and
#   trafilatura-dev/; a missing set is skipped with a message.
# Output: each benchmark's score lines and weakest pages, then a summary against the bars:
#   aeb-dev F1 >= 0.97, trafilatura-dev F1 >= 0.93 with at most 2 empty pages.
# Files are left in .build/eval-extraction/.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${GAZETTE_DATA:-$REPO/../shared/data}"
AEB="$DATA/aeb-dev"
TD="$DATA/trafilatura-dev"
MODE="${1:-tag}"
case "$MODE" in tag|clean) ;; *) echo "usage: $0 [tag|clean]" >&2; exit 2 ;; esac

have_aeb=0; have_td=0
[ -d "$AEB/html" ] && [ -f "$AEB/score.py" ] && have_aeb=1
[ -d "$TD/html" ] && [ -f "$TD/score.py" ] && [ -f "$TD/truth.json" ] && have_td=1
if [ $have_aeb -eq 0 ] && [ $have_td -eq 0 ]; then
    echo "eval-extraction: skipped, no benchmark data under $DATA (set GAZETTE_DATA to the data folder)"
    exit 0
fi

cd "$REPO"
swift build -c release --product gazette >&2
BIN="$(swift build -c release --show-bin-path)/gazette"
OUT="$REPO/.build/eval-extraction"
mkdir -p "$OUT"

# Runs the extractor over a folder of pages into $2 (raw JSONL records).
extract() {
    local pages="$1" raw="$2"
    if [ "$MODE" = tag ]; then
        # Exit status 1 only means some records were error records; they are scored as empty.
        "$BIN" tag --include-text --quiet --jobs 1 -o "$raw" "$pages" || [ $? -eq 1 ]
    else
        "$BIN" clean --json "$pages" > "$raw"
    fi
}

# Reduces records to {id, text}; ids are file names without extensions.
reduce() {
    python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf8") as source, open(sys.argv[2], "w", encoding="utf8") as target:
    for line in source:
        line = line.strip()
        if not line:
            continue
        record = json.loads(line)
        page = record["id"].rsplit("/", 1)[-1].split(".", 1)[0]
        target.write(json.dumps({"id": page, "text": record.get("text") or ""}) + "\n")
PY
}

aeb_f1=""; td_f1=""; td_empty=""
if [ $have_aeb -eq 1 ]; then
    echo "== aeb-dev ($(ls "$AEB/html" | wc -l) pages)"
    extract "$AEB/html" "$OUT/aeb-raw.jsonl"
    reduce "$OUT/aeb-raw.jsonl" "$OUT/aeb-predictions.jsonl"
    python3 "$AEB/score.py" "$OUT/aeb-predictions.jsonl" --per-page "$OUT/aeb-per-page.jsonl" | tee "$OUT/aeb-score.txt"
    python3 - "$OUT/aeb-per-page.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf8")]
rows.sort(key=lambda row: min(row["precision"], row["recall"]))
print("weakest pages (precision, recall):")
for row in rows[:5]:
    print(f"  {row['id'][:16]}  P={row['precision']:.3f}  R={row['recall']:.3f}")
PY
    aeb_f1=$(awk '$1 == "f1" {print $2}' "$OUT/aeb-score.txt")
else
    echo "== aeb-dev: skipped, no data at $AEB"
fi

if [ $have_td -eq 1 ]; then
    echo "== trafilatura-dev ($(ls "$TD/html" | wc -l) pages)"
    pages="$TD/html"
    if [ "$MODE" = clean ]; then
        # `gazette clean` reads .html files: unpack the gzipped pages once.
        pages="$OUT/trafilatura-dev-html"
        if [ ! -d "$pages" ]; then
            mkdir -p "$pages.tmp"
            for f in "$TD"/html/*.gz; do gunzip -c "$f" > "$pages.tmp/$(basename "${f%.gz}")"; done
            mv "$pages.tmp" "$pages"
        fi
    fi
    extract "$pages" "$OUT/td-raw.jsonl"
    reduce "$OUT/td-raw.jsonl" "$OUT/td-predictions.jsonl"
    python3 "$TD/score.py" "$OUT/td-predictions.jsonl" --worst 5 | tee "$OUT/td-score.txt"
    td_f1=$(awk '$1 == "f1" {print $2}' "$OUT/td-score.txt")
    td_empty=$(awk '$1 == "empty" {print $2}' "$OUT/td-score.txt")
else
    echo "== trafilatura-dev: skipped, no data at $TD"
fi

echo "== summary ($MODE)"
python3 - "$aeb_f1" "$td_f1" "$td_empty" <<'PY'
import sys
aeb, td, empty = sys.argv[1:4]
if aeb:
    print(f"aeb-dev          F1 {float(aeb):.4f}  bar 0.97: {'met' if float(aeb) >= 0.97 else 'MISSED'}")
if td:
    ok = float(td) >= 0.93 and int(empty) <= 2
    print(f"trafilatura-dev  F1 {float(td):.4f}, {empty} empty pages of 495  bar 0.93 and <= 2 empty: {'met' if ok else 'MISSED'}")
PY
