#!/usr/bin/env bash
# Entity recognition quality through the whole CLI: CoNLL-2003 dev -> JSONL docs -> `gazette tag`
# -> exact-span P/R/F1 for PER (Person), LOC (Place), ORG (Organization). Bar: micro F1 >= 0.82.
# Usage: Scripts/eval-ner.sh [CONLL_FILE]   (default ../shared/data/conll2003/dev.txt)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
conll="${1:-$root/../shared/data/conll2003/dev.txt}"
if [[ ! -f "$conll" ]]; then
    echo "eval-ner: skipped, CoNLL file not found: $conll (development data is not part of the repository)"
    exit 0
fi
cd "$root"
swift build -c release --product gazette >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Scripts/eval_ner.py docs "$conll" "$work/docs.jsonl"
status=0
.build/release/gazette tag --quiet -o "$work/tags.jsonl" "$work/docs.jsonl" || status=$?
if [[ $status -gt 1 ]]; then echo "eval-ner: gazette tag failed (exit $status)" >&2; exit $status; fi
python3 Scripts/eval_ner.py score "$conll" "$work/tags.jsonl"
