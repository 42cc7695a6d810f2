#!/usr/bin/env bash
# Entity recognition in other languages than English: WikiANN val (never trained on) per language,
# exact-span P/R/F1 over PER, LOC, ORG, printed two ways:
#   model    `gazette ner eval --language L`: the language's recogniser alone, language given;
#   pipeline the sentences as JSONL through `gazette tag`: the language is identified from the text
#            (a fragment too short to tell goes by its alphabet: Cyrillic to the Russian model,
#            Latin to the model of LanguageGuesser's weaker guess, English unless another leads).
# Then English on the same kind of text (WikiGold held-out slice, Wikipedia) and CoNLL dev, so the
# English model's figures can be compared.
#   Scripts/eval-ner-languages.sh [LANG ...]     default: de es nl pl ru
# Skips with a message when the development data (../shared/data/ner-multilingual/) is absent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data"
languages=("${@:-de es nl pl ru}")
read -r -a languages <<< "${languages[*]}"
if [[ ! -d "$data/ner-multilingual" ]]; then
    echo "eval-ner-languages: skipped, $data/ner-multilingual not found (development data is not part of the repository)"
    exit 0
fi
cd "$root"
swift build -c release --product gazette >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '%-9s %-9s %7s %7s %7s\n' language how P R F1
for lang in "${languages[@]}"; do
    val="$data/ner-multilingual/wikiann-$lang/val.conllu.gz"
    [[ -f "$val" ]] || { echo "eval-ner-languages: no WikiANN val for $lang, skipped" >&2; continue; }
    gunzip -c "$val" > "$work/$lang.conll"
    .build/release/gazette ner eval --conll "$work/$lang.conll" --language "$lang" --no-rules \
        | awk -v l="$lang" '$1=="micro"{printf "%-9s %-9s %7s %7s %7s\n", l, "model", $2, $3, $4}'
    python3 Scripts/eval_ner.py docs "$work/$lang.conll" "$work/$lang.jsonl"
    status=0
    .build/release/gazette tag --quiet -o "$work/$lang.tags.jsonl" "$work/$lang.jsonl" || status=$?
    if [[ $status -gt 1 ]]; then echo "eval-ner-languages: gazette tag failed (exit $status)" >&2; exit $status; fi
    python3 Scripts/eval_ner.py score "$work/$lang.conll" "$work/$lang.tags.jsonl" \
        | awk -v l="$lang" '$1=="micro"{printf "%-9s %-9s %7s %7s %7s\n", l, "pipeline", $2, $3, $4}'
done
wikigold="$data/ner-extra/wikigold.conll.txt"
if [[ -f "$wikigold" ]]; then
    python3 Scripts/eval_ner.py docs "$wikigold" "$work/en.jsonl" --held-out
    .build/release/gazette tag --quiet -o "$work/en.tags.jsonl" "$work/en.jsonl" || true
    python3 Scripts/eval_ner.py score "$wikigold" "$work/en.tags.jsonl" --held-out \
        | awk '$1=="micro"{printf "%-9s %-9s %7s %7s %7s\n", "en", "wikigold", $2, $3, $4}'
fi
conll="$data/conll2003/dev.txt"
if [[ -f "$conll" ]]; then
    python3 Scripts/eval_ner.py docs "$conll" "$work/conll.jsonl"
    .build/release/gazette tag --quiet -o "$work/conll.tags.jsonl" "$work/conll.jsonl" || true
    python3 Scripts/eval_ner.py score "$conll" "$work/conll.tags.jsonl" \
        | awk '$1=="micro"{printf "%-9s %-9s %7s %7s %7s\n", "en", "conll-dev", $2, $3, $4}'
fi
