#!/usr/bin/env python3
"""Distributional word clusters for the entity recogniser, learned from unlabelled text.

Trains word2vec (skip-gram, one worker, fixed seed) on lower-cased tokens of unlabelled news and
web text, then groups the vectors with k-means at three granularities (like the prefixes of a
Brown-cluster path): a coarse, a middle and a fine cluster id per word. Words that occur in similar
contexts (`moscow`/`kiev`, `shares`/`stocks`, `said`/`told`) share clusters, so the tagger can
generalise from a name it was trained on to one it never saw.

Usage: build_word_clusters.py OUT.tsv TEXT_FILE...
  TEXT_FILE: plain text (.txt, .txt.gz) or JSON lines (.jsonl, .jsonl.gz) whose "text" (and
  "title") fields are read. Output: a header line, then `word<TAB>coarse<TAB>middle<TAB>fine`,
  sorted by word. Deterministic: PYTHONHASHSEED=0 and one thread (the wrapper
  Scripts/build-word-clusters sets both).
"""
import gzip
import json
import re
import sys

import numpy as np
from gensim.models import Word2Vec
from sklearn.cluster import KMeans

GRANULARITIES = (32, 256, 1024)
MIN_COUNT = 6
MAX_WORDS = 60000

# Close to the segmenter: words with inner dots, hyphens and apostrophes stay whole (`U.S.`,
# `Rolls-Royce`), a possessive `'s` is its own token, other punctuation is dropped.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[-.&][^\W_]+)*|'s\b", re.UNICODE)


def lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        if ".jsonl" in path:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                for key in ("title", "text"):
                    value = record.get(key)
                    if isinstance(value, str):
                        yield from value.split("\n")
        else:
            yield from handle


def sentences(paths):
    for path in paths:
        for line in lines(path):
            tokens = [t.lower() for t in TOKEN.findall(line)]
            if len(tokens) >= 3:
                yield tokens


def main():
    out, paths = sys.argv[1], sys.argv[2:]
    corpus = list(sentences(paths))
    words = sum(len(s) for s in corpus)
    print(f"build_word_clusters: {len(corpus)} lines, {words} tokens from {len(paths)} files", file=sys.stderr)
    model = Word2Vec(corpus, vector_size=64, window=4, min_count=MIN_COUNT, sg=1, negative=5,
                     epochs=4, workers=1, seed=1, max_final_vocab=MAX_WORDS, sample=1e-4)
    vocabulary = list(model.wv.index_to_key)
    vectors = model.wv.vectors.astype(np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    ids = []
    for k in GRANULARITIES:
        km = KMeans(n_clusters=k, n_init=1, max_iter=100, random_state=0, algorithm="lloyd").fit(vectors)
        ids.append(km.labels_)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(f"# word clusters: word2vec skip-gram 64d + k-means {'/'.join(map(str, GRANULARITIES))}; "
                     f"{len(vocabulary)} words from {words} tokens; built by Scripts/build-word-clusters\n")
        for index in sorted(range(len(vocabulary)), key=lambda i: vocabulary[i]):
            word = vocabulary[index]
            if "\t" in word or "\n" in word:
                continue
            handle.write(f"{word}\t{ids[0][index]}\t{ids[1][index]}\t{ids[2][index]}\n")
    print(f"build_word_clusters: wrote {len(vocabulary)} words to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
