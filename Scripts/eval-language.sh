#!/usr/bin/env bash
# Scores the language stage on five-sentence documents in known languages (see
# Scripts/eval_language.py for the sources: WikiANN validation sentences and MasakhaNEWS from
# $GAZETTE_DATA, default ../shared/data; translated Debian man pages when manpages-<lang> is
# installed). Runs `gazette tag` on the documents as plain-text records, so the language comes
# from the pipeline a user runs. Prints accuracy per source and language, the mean over the nine
# European languages (bar 0.97) and the most frequent confusions. Skips when no source is there.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${GAZETTE_DATA:-$REPO/../shared/data}"
OUT="$REPO/.build/eval-language"
mkdir -p "$OUT"
python3 "$REPO/Scripts/eval_language.py" build "$DATA" "$OUT/documents.jsonl"
if [ ! -s "$OUT/documents.jsonl" ]; then
    echo "eval-language: skipped, no evaluation text found (set GAZETTE_DATA, or install manpages-fr and others)"
    exit 0
fi
cd "$REPO"
swift build -c release --product gazette >&2
BIN="$(swift build -c release --show-bin-path)/gazette"
"$BIN" tag --quiet --jobs 1 -o "$OUT/tagged.jsonl" "$OUT/documents.jsonl" || [ $? -eq 1 ]
python3 "$REPO/Scripts/eval_language.py" score "$OUT/documents.gold.jsonl" "$OUT/tagged.jsonl"
