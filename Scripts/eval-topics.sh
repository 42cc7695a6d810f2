#!/usr/bin/env bash
# 5-fold cross-validation of `gazette topics train` on the deduplicated BBC News set, with training time
# per fold, and the classification speed of the topic stage.
#
#   Scripts/eval-topics.sh                # builds the release binary, uses ../shared/data/bbc/bbc.jsonl
#   BBC=path/to/bbc.jsonl GAZETTE=.build/release/gazette Scripts/eval-topics.sh
#   EXTRA="--epochs 8 --hash-bits 17" Scripts/eval-topics.sh   # extra training flags
#
# The BBC data is development data outside the repository: the script skips when it is absent.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BBC="${BBC:-$ROOT/../shared/data/bbc/bbc.jsonl}"
[ -f "$BBC" ] || BBC=/work/shared/data/bbc/bbc.jsonl
if [ ! -f "$BBC" ]; then
  echo "eval-topics: BBC data not found (set BBC=path/to/bbc.jsonl); skipping."
  exit 0
fi
if [ -z "${GAZETTE:-}" ]; then
  (cd "$ROOT" && swift build -c release --product gazette >/dev/null)
  GAZETTE="$ROOT/.build/release/gazette"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

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
  printf "fold %d: accuracy %s  macro F1 %s  train %.2f s wall, %.2f s CPU (%s)\n" "$k" "$acc" "$f1" "$wall" "$(echo "$user + $sys" | bc)" "$(cat "$WORK/train$k.log")"
  total=$(echo "$total + $acc" | bc -l)
done
printf "mean accuracy over 5 folds: %.4f (bar 0.97)\n" "$(echo "$total / 5" | bc -l)"
echo "last fold:"; sed -n '/confusion/,$p' "$WORK/eval4.txt"

# Speed of classification: all test articles through `topics classify` (model load included once).
cat "$WORK"/test*.jsonl | python3 -c '
import json, sys, os
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for i, line in enumerate(sys.stdin):
    open(f"{out}/{i}.txt", "w").write(json.loads(line)["text"])
' "$WORK/texts"
n=$(ls "$WORK/texts" | wc -l)
/usr/bin/time -f "%e %U %S" -o "$WORK/time-classify" "$GAZETTE" topics classify --model "$WORK/model0" "$WORK"/texts/*.txt > /dev/null
read -r wall user sys < "$WORK/time-classify"
printf "classify: %d articles in %.2f s wall, %.2f s CPU (%.0f articles per CPU second, including process start, model load and file reads)\n" \
  "$n" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$n / ($user + $sys)" | bc -l)"
echo "(the machine is shared: CPU time is the figure to compare; wall time depends on load)"
