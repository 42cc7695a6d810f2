#!/usr/bin/env python3
"""Writes synthetic `gazette tag` records (JSONL) to stdout, for measuring graph aggregation.

Entities follow a Zipf-like distribution (a few very frequent, a long tail), as names in news do.
Usage: synthetic_tags.py COUNT [--entities N] [--seed S] [--min-per-article A] [--max-per-article B]
"""
import argparse
import itertools
import json
import random
import sys

TYPES = ["Person", "Place", "Organization"]
TOPICS = [("medtop:11000000", "politics"), ("medtop:04000000", "economy, business and finance"),
          ("medtop:15000000", "sport"), ("medtop:16000000", "conflict, war and peace")]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("--entities", type=int, default=200_000, help="distinct entities")
    parser.add_argument("--exponent", type=float, default=1.1, help="Zipf exponent")
    parser.add_argument("--min-per-article", type=int, default=3)
    parser.add_argument("--max-per-article", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    weights = [1.0 / (rank ** args.exponent) for rank in range(1, args.entities + 1)]
    cumulative = list(itertools.accumulate(weights))
    population = range(args.entities)
    out = sys.stdout
    for index in range(args.count):
        size = rng.randint(args.min_per_article, args.max_per_article)
        chosen = set(rng.choices(population, cum_weights=cumulative, k=size))
        entities = []
        for rank in sorted(chosen):
            kind = TYPES[rank % 3]
            name = f"{kind} {rank}"
            mentions = [{"start": 10 * m, "end": 10 * m + len(name), "surface": name, "source": "gazetteer"}
                        for m in range(1 + rank % 3)]
            entity = {"id": f"syn:{rank}", "type": kind, "name": name}
            if rank % 2 == 0:
                entity["wikidata"] = f"Q{1000 + rank}"
            entity["salience"] = round(1.0 / (1 + len(entities)), 4)
            entity["mentions"] = mentions
            entities.append(entity)
        topic_id, label = TOPICS[index % len(TOPICS)]
        record = {"id": f"synthetic-{index}", "url": f"https://news.example/{index}", "title": f"Story {index}",
                  "published": None, "language": "en", "entities": entities,
                  "topics": [{"id": topic_id, "label": label, "score": 0.7}], "error": None}
        out.write(json.dumps(record, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
