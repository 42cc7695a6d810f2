#!/usr/bin/env python3
"""Builds five-sentence documents in known languages and scores Gazette's language identification.

Usage:
  eval_language.py build DATA OUT.jsonl     write {"id", "text"} records (and OUT.gold.jsonl)
  eval_language.py score GOLD.jsonl PRED.jsonl

Sources, all different from the Wikipedia-derived n-gram profiles' text:
  * WikiANN validation sentences (de, es, nl, pl, ru) from DATA/ner-multilingual (Wikipedia
    fragments, mostly names and short clauses: a hard case);
  * MasakhaNEWS English BBC articles from DATA/topics-extra (en);
  * translated Debian manual pages under /usr/share/man/<lang>/ when the manpages-<lang> packages
    are installed (fr, it, pt, pl, ru, uk, de, es, nl, tr, sv, cs, da): technical prose. Passages
    the translators left in English are dropped (two or more English function words, or for
    Cyrillic languages more Latin than Cyrillic letters).
Each source gives up to 100 documents of five consecutive sentences per language; a missing source
is skipped with a message. Python 3 standard library only.
"""
import collections
import glob
import gzip
import json
import os
import random
import re
import sys

EUROPEAN_NINE = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru"]
MANPAGE_FOLDERS = {"fr": "fr", "it": "it", "pt": "pt_BR", "pl": "pl", "ru": "ru", "uk": "uk", "de": "de",
                   "es": "es", "nl": "nl", "tr": "tr", "sv": "sv", "cs": "cs", "da": "da"}
ENGLISH_WORDS = {"the", "and", "is", "are", "of", "to", "with", "this", "for", "be", "will", "which", "that", "by", "on", "if"}


def documents(sentences, size=5, limit=100):
    return [" ".join(sentences[i:i + size]) for i in range(0, len(sentences) - size + 1, size)][:limit]


def wikiann(data, language):
    path = os.path.join(data, "ner-multilingual", f"wikiann-{language}", "val.conllu.gz")
    if not os.path.exists(path):
        return None
    sentences, current = [], []
    for line in gzip.open(path, "rt", encoding="utf8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            if current:
                sentences.append(" ".join(current))
                current = []
            continue
        current.append(parts[1])
    if current:
        sentences.append(" ".join(current))
    random.Random(7).shuffle(sentences)
    return documents(sentences)


def masakhanews(data):
    path = os.path.join(data, "topics-extra", "masakhanews-eng.jsonl.gz")
    if not os.path.exists(path):
        return None
    sentences = []
    for line in gzip.open(path, "rt", encoding="utf8"):
        text = json.loads(line)["text"]
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 20][:10]
    return documents(sentences)


def strip_roff(text):
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            if line.startswith((".B ", ".I ", ".BR ", ".IR ", ".BI ", ".RB ", ".IB ", ".RI ")):
                line = line.split(" ", 1)[1] if " " in line else ""
            else:
                continue
        line = re.sub(r"\\f[BIRPC]|\\f\(..|\\\(..|\\[-&e]|\\\*\(..|\\\*.|\\s[-+]?\d", "", line)
        lines.append(line.replace("\\", "").replace('"', ""))
    return " ".join(lines)


def manpages(language):
    files = sorted(glob.glob(f"/usr/share/man/{MANPAGE_FOLDERS[language]}/man*/*.gz"))
    if not files:
        return None
    random.Random(7).shuffle(files)
    sentences = []
    for path in files:
        try:
            text = strip_roff(gzip.open(path, "rt", encoding="utf8", errors="replace").read())
        except OSError:
            continue
        found = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text)
                 if 40 <= len(s.strip()) <= 400 and sum(c.isalpha() for c in s) > 0.6 * len(s)]
        found = [s for s in found if sum(w.lower() in ENGLISH_WORDS for w in re.findall(r"[A-Za-z]+", s)) < 2]
        if language in ("ru", "uk"):
            found = [s for s in found if sum("\u0400" <= c <= "\u04ff" for c in s) > sum(c.isascii() and c.isalpha() for c in s)]
        sentences += found[:8]
        if len(sentences) > 600:
            break
    return documents(sentences)


def build(data, out):
    sets = {}
    for language in ["de", "es", "nl", "pl", "ru"]:
        sets[("wikiann", language)] = wikiann(data, language)
    sets[("masakhanews", "en")] = masakhanews(data)
    for language in MANPAGE_FOLDERS:
        sets[("manpages", language)] = manpages(language)
    gold = out[:-len(".jsonl")] + ".gold.jsonl"
    with open(out, "w", encoding="utf8") as records, open(gold, "w", encoding="utf8") as answers:
        for (source, language), docs in sets.items():
            if docs is None:
                hint = f" (apt-get install manpages-{MANPAGE_FOLDERS[language].lower().replace('_', '-')})" if source == "manpages" else ""
                print(f"eval-language: no {source} text for {language}, skipped{hint}", file=sys.stderr)
                continue
            for number, text in enumerate(docs):
                record_id = f"{source}-{language}-{number}"
                records.write(json.dumps({"id": record_id, "text": text}, ensure_ascii=False) + "\n")
                answers.write(json.dumps({"id": record_id, "language": language, "source": source}) + "\n")


def score(gold_path, pred_path):
    gold = {r["id"]: r for r in map(json.loads, open(gold_path, encoding="utf8"))}
    predicted = {r["id"]: r.get("language") for r in map(json.loads, open(pred_path, encoding="utf8"))}
    tally = collections.defaultdict(lambda: [0, 0])
    confusions = collections.Counter()
    for record_id, answer in gold.items():
        key = (answer["source"], answer["language"])
        tally[key][1] += 1
        guess = predicted.get(record_id)
        if guess == answer["language"]:
            tally[key][0] += 1
        else:
            confusions[(answer["language"], guess)] += 1
    print(f"{'source':12} {'lang':4} {'correct':>8} {'docs':>5} {'accuracy':>8}")
    for (source, language), (right, total) in sorted(tally.items()):
        print(f"{source:12} {language:4} {right:8d} {total:5d} {right / total:8.3f}")
    per_language = collections.defaultdict(lambda: [0, 0])
    for (source, language), (right, total) in tally.items():
        per_language[language][0] += right
        per_language[language][1] += total
    nine = [per_language[l][0] / per_language[l][1] for l in EUROPEAN_NINE if per_language[l][1]]
    covered = [l for l in EUROPEAN_NINE if per_language[l][1]]
    print(f"nine European languages ({' '.join(covered)}): mean accuracy {sum(nine) / max(1, len(nine)):.3f}, "
          f"lowest {min(nine) if nine else 0:.3f} — bar 0.97: {'met' if nine and sum(nine) / len(nine) >= 0.97 else 'MISSED'}")
    print("most frequent confusions (gold -> named):", ", ".join(f"{g}->{p} {n}" for (g, p), n in confusions.most_common(10)))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
