#!/usr/bin/env bash
# Entity recognition in other languages than English: WikiANN val (never trained on) per language,
# exact-span P/R/F1 over PER, LOC, ORG, printed two ways:
#   model    `gazette ner eval --language L`: the language's recogniser alone, language given;
#   pipeline the sentences as JSONL through `gazette tag`: the language is identified from the text
#            (a fragment too short to tell goes by its alphabet: Cyrillic to the Russian model,
#            Latin to the model of LanguageGuesser's weaker guess, English unless another leads).
# Then French (row `fr-ours`), which has no WikiANN data here: Scripts/data/wikistyle-fr.conll, 300
# Wikipedia-style sentences, fragments and list items in the WikiANN format (541 PER/LOC/ORG spans)
# that WE WROTE for this check (no corpus text; names and facts are real). It is small and its
# labels are ours, so its figure is rough, not a WikiANN one; nothing is tuned on it. French borrows
# the Spanish model (`--language fr`, MultilingualRecognizers.modelLanguage).
# Then English on the same kind of text (WikiGold held-out slice, Wikipedia) and CoNLL dev, so the
# English model's figures can be compared.
#   Scripts/eval-ner-languages.sh [LANG ...]     default: de es nl pl ru fr en
#     (fr: our French set; en: the English rows; `Scripts/eval-ner-languages.sh fr` scores French only)
# The WikiANN and English rows skip with a message when the development data
# (../shared/data/ner-multilingual/, ../shared/data/ner-extra/, ../shared/data/conll2003/) is
# absent; the French set is in the repository, so its rows always run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data"
french="$root/Scripts/data/wikistyle-fr.conll"
languages=("${@:-de es nl pl ru fr en}")
read -r -a languages <<< "${languages[*]}"
cd "$root"
swift build -c release --product gazette >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# score LABEL CONLL LANGUAGE: the model row and the pipeline row of one labelled file.
score() {
    local label="$1" conll="$2" lang="$3" status=0
    .build/release/gazette ner eval --conll "$conll" --language "$lang" --no-rules \
        | awk -v l="$label" '$1=="micro"{printf "%-9s %-9s %7s %7s %7s\n", l, "model", $2, $3, $4}'
    python3 Scripts/eval_ner.py docs "$conll" "$work/$label.jsonl"
    .build/release/gazette tag --quiet -o "$work/$label.tags.jsonl" "$work/$label.jsonl" || status=$?
    if [[ $status -gt 1 ]]; then echo "eval-ner-languages: gazette tag failed (exit $status)" >&2; exit $status; fi
    python3 Scripts/eval_ner.py score "$conll" "$work/$label.tags.jsonl" \
        | awk -v l="$label" '$1=="micro"{printf "%-9s %-9s %7s %7s %7s\n", l, "pipeline", $2, $3, $4}'
}

printf '%-9s %-9s %7s %7s %7s\n' language how P R F1
for lang in "${languages[@]}"; do
    case "$lang" in
    fr)
        [[ -f "$french" ]] || { echo "eval-ner-languages: $french not found, fr-ours skipped" >&2; continue; }
        score fr-ours "$french" fr
        ;;
    en)
        wikigold="$data/ner-extra/wikigold.conll.txt"
        if [[ -f "$wikigold" ]]; then
            python3 Scripts/eval_ner.py docs "$wikigold" "$work/en.jsonl" --held-out
            .build/release/gazette tag --quiet -o "$work/en.tags.jsonl" "$work/en.jsonl" || true
            python3 Scripts/eval_ner.py score "$wikigold" "$work/en.tags.jsonl" --held-out \
                | awk '$1=="micro"{printf "%-9s %-9s %7s %7s %7s\n", "en", "wikigold", $2, $3, $4}'
        else
            echo "eval-ner-languages: skipped WikiGold, $wikigold not found (development data is not part of the repository)" >&2
        fi
        conll="$data/conll2003/dev.txt"
        if [[ -f "$conll" ]]; then
            python3 Scripts/eval_ner.py docs "$conll" "$work/conll.jsonl"
            .build/release/gazette tag --quiet -o "$work/conll.tags.jsonl" "$work/conll.jsonl" || true
            python3 Scripts/eval_ner.py score "$conll" "$work/conll.tags.jsonl" \
                | awk '$1=="micro"{printf "%-9s %-9s %7s %7s %7s\n", "en", "conll-dev", $2, $3, $4}'
        else
            echo "eval-ner-languages: skipped CoNLL dev, $conll not found (development data is not part of the repository)" >&2
        fi
        ;;
    *)
        val="$data/ner-multilingual/wikiann-$lang/val.conllu.gz"
        if [[ ! -f "$val" ]]; then
            echo "eval-ner-languages: skipped $lang, $val not found (development data is not part of the repository)" >&2
            continue
        fi
        gunzip -c "$val" > "$work/$lang.conll"
        score "$lang" "$work/$lang.conll" "$lang"
        ;;
    esac
done
