#!/usr/bin/env bash
# Scores Gazette's main-content extraction on the article-extraction-benchmark pages.
#
# Usage: Scripts/eval-extraction.sh [tag|clean]
#   tag   (default) runs `gazette tag --include-text` over the pages, as the pipeline does;
#   clean runs `gazette clean --json` (the cleaner alone, same text).
# Data: $GAZETTE_DATA (default ../shared/data next to the repository) must hold
#   aeb-dev/html/<id>.html, aeb-dev/truth.jsonl and aeb-dev/score.py; without it the script skips.
# Output: precision/recall/F1 from score.py, the ten weakest pages, and whether F1 meets the bar
#   (0.96; trafilatura 2.3.1 scores 0.962 on these pages). Files are left in .build/eval-extraction/.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${GAZETTE_DATA:-$REPO/../shared/data}"
AEB="$DATA/aeb-dev"
MODE="${1:-tag}"
BAR="${F1_BAR:-0.96}"

if [ ! -d "$AEB/html" ] || [ ! -f "$AEB/score.py" ]; then
    echo "eval-extraction: skipped, no benchmark data at $AEB (set GAZETTE_DATA to the data folder)"
    exit 0
fi

cd "$REPO"
swift build -c release --product gazette >&2
BIN="$(swift build -c release --show-bin-path)/gazette"
OUT="$REPO/.build/eval-extraction"
mkdir -p "$OUT"

case "$MODE" in
    tag)
        # Exit status 1 only means some records were error records; they are scored as empty.
        "$BIN" tag --include-text --quiet --jobs 1 -o "$OUT/raw.jsonl" "$AEB/html" || [ $? -eq 1 ]
        ;;
    clean)
        "$BIN" clean --json "$AEB/html" > "$OUT/raw.jsonl"
        ;;
    *)
        echo "usage: $0 [tag|clean]" >&2
        exit 2
        ;;
esac

# Reduce each record to {id, text}; ids are file names without extension.
python3 - "$OUT/raw.jsonl" "$OUT/predictions.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[1], encoding="utf8") as source, open(sys.argv[2], "w", encoding="utf8") as target:
    for line in source:
        line = line.strip()
        if not line:
            continue
        record = json.loads(line)
        page = os.path.splitext(os.path.basename(record["id"]))[0]
        target.write(json.dumps({"id": page, "text": record.get("text") or ""}) + "\n")
PY

python3 "$AEB/score.py" "$OUT/predictions.jsonl" --per-page "$OUT/per-page.jsonl" | tee "$OUT/score.txt"

python3 - "$OUT/per-page.jsonl" "$OUT/score.txt" "$BAR" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf8")]
rows.sort(key=lambda row: min(row["precision"], row["recall"]))
print("weakest pages (precision, recall):")
for row in rows[:10]:
    print(f"  {row['id'][:16]}  P={row['precision']:.3f}  R={row['recall']:.3f}")
f1 = next(float(line.split()[1]) for line in open(sys.argv[2]) if line.startswith("f1"))
bar = float(sys.argv[3])
print(f"F1 {f1:.4f} — bar {bar}: {'met' if f1 >= bar else 'MISSED'}")
PY
