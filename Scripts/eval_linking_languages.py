#!/usr/bin/env python3
"""Scores cross-language linking: news paragraphs about the same people, places and organisations in
English and other languages (Scripts/data/multilingual-linking.jsonl, written by the Gazette team,
ids `<set>-<lang>`), tagged by `gazette tag`.

  eval_linking_languages.py TAGS.jsonl

For each set, the ids the English paragraph links (not `new:`) are the gold; each other paragraph
scores the share of them it links to the same ids, and counts its made-up entities (`new:` ids) and
its links to ids the English paragraph lacks. Bar: share >= 0.90 and at most one made-up entity per
paragraph. Exit status 1 when a paragraph misses the bar.
"""
import json
import sys


def main(path):
    records = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            records[record["id"]] = record
    sets = sorted({key.rsplit("-", 1)[0] for key in records})
    missed = 0
    total_gold = total_found = 0
    print(f"{'paragraph':12}{'language':>9}{'linked':>10}{'share':>7}{'made-up':>9}{'other ids':>10}")
    for name in sets:
        english = records.get(f"{name}-en")
        if not english:
            continue
        gold = {e["id"]: e["name"] for e in english["entities"] if not e["id"].startswith("new:")}
        for key in sorted(k for k in records if k.startswith(name + "-") and not k.endswith("-en")):
            record = records[key]
            ids = {e["id"] for e in record["entities"]}
            found = gold.keys() & ids
            made_up = [m["surface"] for e in record["entities"] if e["id"].startswith("new:") for m in e["mentions"][:1]]
            other = [e["name"] for e in record["entities"] if not e["id"].startswith("new:") and e["id"] not in gold]
            share = len(found) / len(gold) if gold else 1.0
            total_gold += len(gold)
            total_found += len(found)
            ok = share >= 0.9 and len(made_up) <= 1
            missed += not ok
            print(f"{key:12}{record.get('language') or '-':>9}{len(found):>5}/{len(gold):<4}{share:>7.2f}{len(made_up):>9}{len(other):>10}"
                  + ("" if ok else "  MISSES THE BAR"))
            missing = [gold[i] for i in gold if i not in ids]
            if missing:
                print(f"    not linked: {', '.join(missing)}")
            if made_up:
                print(f"    made up: {', '.join(made_up)}")
            if other:
                print(f"    other ids: {', '.join(other)}")
    print(f"all: {total_found}/{total_gold} linked to the English ids ({total_found / max(total_gold, 1):.3f}); {missed} paragraphs miss the bar")
    return 1 if missed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
