#!/usr/bin/env bash
# Entity linking through the whole CLI on CoNLL-2003 dev: share of tagged entities with a
# Wikidata QID (bar 0.6), gold mentions tagged and linked, the hand-checked audit of 200 sampled
# links (Scripts/data/link-audit-sample.tsv; bar 0.97) and the confidence calibration check.
# Usage: Scripts/eval-linking.sh [--resample] [--calibrate] [CONLL_FILE]
#   --resample   redraw the audit sample from this run (verdicts of mentions drawn before carry over;
#                new rows have an empty verdict to fill in by hand: ok or wrong, and a note)
#   --calibrate  refit models/ner/confidence.tsv on this run and the audited sample
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
resample=0; calibrate=0
while [[ $# -gt 0 && "$1" == --* ]]; do
    case "$1" in
        --resample) resample=1 ;;
        --calibrate) calibrate=1 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
conll="${1:-$root/../shared/data/conll2003/dev.txt}"
if [[ ! -f "$conll" ]]; then
    echo "eval-linking: skipped, CoNLL file not found: $conll (development data is not part of the repository)"
    exit 0
fi
cd "$root"
swift build -c release --product gazette >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Scripts/eval_ner.py docs "$conll" "$work/docs.jsonl"
.build/release/gazette tag --quiet -o "$work/tags.jsonl" "$work/docs.jsonl" || [[ $? -eq 1 ]]
python3 Scripts/eval_linking.py share "$work/tags.jsonl"
python3 Scripts/eval_linking.py recall "$conll" "$work/tags.jsonl"
sample=Scripts/data/link-audit-sample.tsv
if [[ $resample -eq 1 ]]; then
    cp "$sample" "$work/previous.tsv"
    python3 Scripts/eval_linking.py sample "$work/tags.jsonl" "$work/docs.jsonl" gazetteers 200 15 "$sample" "$work/previous.tsv"
fi
python3 Scripts/eval_linking.py audit "$sample"
if [[ $calibrate -eq 1 ]]; then
    python3 Scripts/eval_linking.py calibrate "$conll" "$work/tags.jsonl" "$sample" models/ner/confidence.tsv
    .build/release/gazette tag --quiet -o "$work/tags.jsonl" "$work/docs.jsonl" || [[ $? -eq 1 ]]
fi
python3 Scripts/eval_linking.py reliability "$conll" "$work/tags.jsonl"
