#!/usr/bin/env bash
# Entity recognition quality through the whole CLI: a labelled corpus -> JSONL docs -> `gazette tag`
# -> exact-span P/R/F1 for PER (Person), LOC (Place), ORG (Organization).
# Usage:
#   Scripts/eval-ner.sh [--held-out] [CONLL_FILE]   one corpus (default ../shared/data/conll2003/dev.txt);
#                                                   --held-out scores only its held-out slice (every 5th
#                                                   document, never trained on by Scripts/build-ner-model)
#   Scripts/eval-ner.sh --all                       CoNLL dev, then the held-out slice of each extra set
#                                                   (WikiGold, Broad Twitter Corpus sections, UNER EWT)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data"
held=""
all=""
while [[ $# -gt 0 && "$1" == --* ]]; do
    case "$1" in
        --held-out) held="--held-out" ;;
        --all) all=1 ;;
        *) echo "eval-ner: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
conll="${1:-$data/conll2003/dev.txt}"
if [[ ! -f "$conll" ]]; then
    echo "eval-ner: skipped, corpus not found: $conll (development data is not part of the repository)"
    exit 0
fi
cd "$root"
swift build -c release --product gazette >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

evaluate() {  # FILE [--held-out]
    python3 Scripts/eval_ner.py docs "$1" "$work/docs.jsonl" ${2:-}
    local status=0
    .build/release/gazette tag --quiet -o "$work/tags.jsonl" "$work/docs.jsonl" || status=$?
    if [[ $status -gt 1 ]]; then echo "eval-ner: gazette tag failed (exit $status)" >&2; exit $status; fi
    python3 Scripts/eval_ner.py score "$1" "$work/tags.jsonl" ${2:-}
}

if [[ -z "$all" ]]; then
    evaluate "$conll" "$held"
    exit 0
fi
echo "== CoNLL-2003 dev (all 216 documents)"
evaluate "$data/conll2003/dev.txt"
for extra in wikigold.conll.txt btc/a.conll btc/b.conll btc/e.conll btc/f.conll btc/g.conll btc/h.conll uner-en-ewt-dev.iob2 uner-en-ewt-test.iob2; do
    [[ -f "$data/ner-extra/$extra" ]] || continue
    echo "== $extra (held-out slice)"
    evaluate "$data/ner-extra/$extra" --held-out
done
