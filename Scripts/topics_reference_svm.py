#!/usr/bin/env python3
"""Reference point for the topic model: TF-IDF + linear SVM (scikit-learn) on the same
leave-one-source-out splits as `gazette topics cross-eval`.

    python3 Scripts/topics_reference_svm.py EXPORT_DIR

EXPORT_DIR holds `gazette topics cross-eval --data DIR --export EXPORT_DIR` output: one JSONL file per
source, each line {id, length, category, labels, text}. For each source, the SVM is trained on all the
other sources (every length; an article with k topics counts 1/k under each) and scores the held-out
source per length: correct when the top class is one of the article's topics.
"""
import collections, json, os, sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

SOURCES = ["bbc", "huffpost", "nyt", "masakhanews", "newsgroups"]
COARSE = {"medtop:04000000": "business", "medtop:09000000": "business", "medtop:15000000": "sport",
          "medtop:13000000": "scitech", "medtop:07000000": "scitech", "medtop:06000000": "scitech"}
NO_COARSE = {"medtop:01000000", "medtop:10000000"}


def load(folder, source):
    return [json.loads(line) for line in open(os.path.join(folder, source + ".jsonl"), encoding="utf-8")]


def main():
    folder = sys.argv[1]
    data = {s: load(folder, s) for s in SOURCES}
    print("source        length     articles  accuracy  coarse   (TF-IDF 1-2 grams, sublinear, LinearSVC C=0.5, balanced classes)")
    for held in SOURCES:
        texts, labels, weights = [], [], []
        for s in SOURCES:
            if s == held:
                continue
            for r in data[s]:
                for label in r["labels"]:
                    texts.append(r["text"]); labels.append(label); weights.append(1 / len(r["labels"]))
        vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_features=400_000)
        x = vectorizer.fit_transform(texts)
        svm = LinearSVC(C=0.5, class_weight="balanced")
        svm.fit(x, labels, sample_weight=weights)
        by_length = collections.defaultdict(list)
        for r in data[held]:
            by_length[r["length"]].append(r)
        for length in ["headline", "lead", "full"]:
            rows = by_length.get(length)
            if not rows:
                continue
            predicted = svm.predict(vectorizer.transform([r["text"] for r in rows]))
            correct = sum(p in r["labels"] for p, r in zip(predicted, rows))
            coarse_rows = [(p, r) for p, r in zip(predicted, rows) if not NO_COARSE & set(r["labels"])]
            coarse = sum(any(COARSE.get(l, "world") == COARSE.get(p, "world") for l in r["labels"]) for p, r in coarse_rows)
            print(f"{held:13s} {length:9s} {len(rows):9d}  {correct / len(rows):8.4f}  {coarse / max(1, len(coarse_rows)):6.4f}", flush=True)


main()
