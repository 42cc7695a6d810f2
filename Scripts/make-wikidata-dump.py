#!/usr/bin/env python3
"""Generates a large Wikidata JSON dump in the real format, for measuring
`gazette gazetteer import-wikidata` (constant memory, entities per second).

Usage: make-wikidata-dump.py SAMPLE.json.gz OUT.json[.gz|.bz2] SIZE_MB

SAMPLE is a real dump's first lines (../shared/data/gazetteer-sources/wikidata-linked/dump-sample/);
its entities are repeated with new QIDs (Q90000000 and up) and numbered labels until the output
holds SIZE_MB megabytes of JSON: `[`, one entity per line ending in a comma, the last without,
`]`, as Wikidata writes it. Compression follows the output's extension.
"""
import bz2
import gzip
import json
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sample, out, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
    entities = []
    with gzip.open(sample, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip().rstrip(",")
            if line.startswith("{"):
                entities.append(json.loads(line))
    if not entities:
        sys.exit(f"make-wikidata-dump: no entities in {sample}")
    opener = gzip.open if out.endswith(".gz") else bz2.open if out.endswith(".bz2") else open
    target = size_mb << 20
    written = 0
    n = 0
    with opener(out, "wt", encoding="utf-8") as f:
        f.write("[\n")
        previous = None
        while written < target:
            e = entities[n % len(entities)]
            copy = dict(e)
            copy["id"] = f"Q{90000000 + n}"
            labels = {k: dict(v, value=f"{v['value']} {n}") for k, v in (e.get("labels") or {}).items()}
            copy["labels"] = labels
            line = json.dumps(copy, ensure_ascii=True, separators=(",", ":"))
            if previous is not None:
                f.write(previous + ",\n")
                written += len(previous) + 2
            previous = line
            n += 1
        f.write(previous + "\n]\n")
    print(f"make-wikidata-dump: {n} entities, {(written + len(previous)) / 1e6:.0f} MB of JSON in {out}")


if __name__ == "__main__":
    main()
