#!/usr/bin/env bash
# Topic model evaluation in one run:
#   1. leave-one-source-out table of the shipped model's recipe (`gazette topics cross-eval`): for each
#      labelled news source, a model trained on the other sources classifies it at three text lengths
#      (headline, headline + lead, full text); accuracy counts the top topic among the article's
#      mapped IPTC topics; "coarse" reads topics as world/sport/business/sci-tech;
#   2. TF-IDF + LinearSVC (scikit-learn, throwaway venv) on exactly the same splits, as a reference
#      (REFERENCE=0 skips it);
#   3. headline-only against full-text accuracy for the sources that have full texts;
#   4. 5-fold cross-validation of `gazette topics train` on the deduplicated BBC News set (bar 0.97),
#      with training time per fold, and the classification speed;
#   5. the shipped model on the hand-written smoke sets (Scripts/data): accuracy and calibration.
#
#   Scripts/eval-topics.sh                       # builds the release binary, data in ../shared/data
#   DATA=path/to/data GAZETTE=.build/release/gazette REFERENCE=0 Scripts/eval-topics.sh
#
# The labelled news is development data outside the repository: the script skips when it is absent.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${DATA:-$ROOT/../shared/data}"
[ -f "$DATA/bbc/bbc.jsonl" ] || DATA=/work/shared/data
if [ ! -f "$DATA/bbc/bbc.jsonl" ] || [ ! -d "$DATA/topics-extra" ]; then
  echo "eval-topics: development data not found (set DATA=folder with bbc/ and topics-extra/); skipping."
  exit 0
fi
BBC="$DATA/bbc/bbc.jsonl"
if [ -z "${GAZETTE:-}" ]; then
  (cd "$ROOT" && swift build -c release --product gazette >/dev/null)
  GAZETTE="$ROOT/.build/release/gazette"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "== 1. leave-one-source-out (gazette topics cross-eval; bar: each source >= 0.70)"
"$GAZETTE" topics cross-eval --data "$DATA" --lexicon "$ROOT/models/topics/lexicon.tsv" ${RECIPE:-} | tee "$WORK/loso.txt"

if [ "${REFERENCE:-1}" != 0 ]; then
  echo
  echo "== 2. reference: TF-IDF + LinearSVC on the same splits"
  venv="${SKLEARN_VENV:-/tmp/venv-gazette-sklearn}"
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import sklearn" 2>/dev/null; then
    echo "eval-topics: creating $venv with scikit-learn 1.5.2" >&2
    python3 -m venv "$venv" && "$venv/bin/pip" install -q scikit-learn==1.5.2 >&2
  fi
  "$GAZETTE" topics cross-eval --data "$DATA" --export "$WORK/export"
  "$venv/bin/python" "$ROOT/Scripts/topics_reference_svm.py" "$WORK/export"
fi

echo
echo "== 3. headline only against full text (held-out source accuracy, from table 1)"
awk '$2 == "headline" || $2 == "lead" || $2 == "full" { acc[$1 " " $2] = $4; seen[$1] = 1 }
     END { for (s in seen) if ((s " full") in acc)
             printf "%-12s headline %s   headline + lead %s   full text %s\n", s, acc[s " headline"], acc[s " lead"], acc[s " full"] }' "$WORK/loso.txt" | sort

echo
echo "== 4. 5-fold cross-validation of 'gazette topics train' on deduplicated BBC News (bar 0.97)"
# Deduplicate (exact text), shuffle with a fixed seed, write 5 folds as {"text","label"} JSONL.
python3 - "$BBC" "$WORK" <<'PY'
import json, random, sys
src, work = sys.argv[1], sys.argv[2]
seen, rows = set(), []
for line in open(src, encoding="utf-8"):
    r = json.loads(line)
    if r["text"] in seen:
        continue
    seen.add(r["text"])
    rows.append({"text": r["text"], "label": r["category"]})
random.Random(13).shuffle(rows)
print(f"{len(rows)} distinct articles")
for k in range(5):
    with open(f"{work}/train{k}.jsonl", "w") as tr, open(f"{work}/test{k}.jsonl", "w") as te:
        for i, r in enumerate(rows):
            (te if i % 5 == k else tr).write(json.dumps(r) + "\n")
PY
total=0
for k in 0 1 2 3 4; do
  /usr/bin/time -f "%e %U %S" -o "$WORK/time$k" "$GAZETTE" topics train "$WORK/train$k.jsonl" -o "$WORK/model$k" ${EXTRA:-} 2>"$WORK/train$k.log"
  read -r wall user sys < "$WORK/time$k"
  acc=$("$GAZETTE" topics eval "$WORK/test$k.jsonl" --model "$WORK/model$k" | tee "$WORK/eval$k.txt" | awk '/^accuracy:/{print $2}')
  f1=$(awk '/^macro F1:/{print $3}' "$WORK/eval$k.txt")
  printf "fold %d: accuracy %s  macro F1 %s  train %.2f s wall, %.2f s CPU\n" "$k" "$acc" "$f1" "$wall" "$(echo "$user + $sys" | bc)"
  total=$(echo "$total + $acc" | bc -l)
done
printf "mean accuracy over 5 folds: %.4f (bar 0.97)\n" "$(echo "$total / 5" | bc -l)"

# Speed of classification: all test articles through `topics classify` (model load included once).
cat "$WORK"/test*.jsonl | python3 -c '
import json, sys, os
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for i, line in enumerate(sys.stdin):
    open(f"{out}/{i}.txt", "w").write(json.loads(line)["text"])
' "$WORK/texts"
n=$(ls "$WORK/texts" | wc -l)
/usr/bin/time -f "%e %U %S" -o "$WORK/time-classify" "$GAZETTE" topics classify "$WORK"/texts/*.txt > /dev/null
read -r wall user sys < "$WORK/time-classify"
printf "classify with the shipped model: %d articles in %.2f s wall, %.2f s CPU (%.0f articles per CPU second, including process start, model load and file reads)\n" \
  "$n" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$n / ($user + $sys)" | bc -l)"

echo
echo "== 5. shipped model on hand-written smoke sets (written by us; not a benchmark)"
for set in iptc-wire iptc-smoke iptc-sample; do
  printf "%-12s 17 topics: " "$set"
  "$GAZETTE" topics eval "$ROOT/Scripts/data/$set.jsonl" \
    | awk '/^documents:/{n=$2} /^accuracy:/{a=$2} /^mean top score:/{m=$4} /^calibration error/{e=$NF}
           END {print a " accuracy on " n " items; mean top score " m ", calibration error (ECE) " e}'
done
for set in iptc-wire iptc-smoke; do
  python3 "$ROOT/Scripts/eval-topics-coarse.py" "$ROOT/Scripts/data/$set.jsonl" --label-key coarse --gazette "$GAZETTE" | sed -n 1p | sed "s/^/$set 4 classes: /"
done
python3 "$ROOT/Scripts/eval-topics-coarse.py" "$ROOT/Scripts/data/coarse-news-sample.jsonl" --gazette "$GAZETTE" | sed -n 1p | sed 's/^/coarse-news-sample:     /'
echo "(the machine is shared: CPU time is the figure to compare; wall time depends on load)"
