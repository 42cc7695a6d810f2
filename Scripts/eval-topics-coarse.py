#!/usr/bin/env python3
"""Scores the shipped IPTC model on a news set with coarse classes (world, sport, business, scitech).

    python3 Scripts/eval-topics-coarse.py DATA.jsonl [--gazette .build/release/gazette] [--model MODEL] [--label-key KEY]

DATA.jsonl: one {"text", "label"} per line, label one of world, sport, business, scitech (AG News
style names such as "World", "Sports", "Sci/Tech" are accepted). The article's top IPTC topic is
mapped to a coarse class with COARSE below (the mapping docs/topics.md documents) and compared.
"""
import argparse, collections, json, subprocess, sys

# How the 17 IPTC topics read as the four coarse classes of general news sets.
COARSE = {
    "medtop:01000000": "world",     # arts, culture, entertainment and media (no coarse class: counted as world)
    "medtop:02000000": "world",     # crime, law and justice
    "medtop:03000000": "world",     # disaster, accident and emergency incident
    "medtop:04000000": "business",  # economy, business and finance
    "medtop:05000000": "world",     # education
    "medtop:06000000": "scitech",   # environment
    "medtop:07000000": "scitech",   # health
    "medtop:08000000": "world",     # human interest
    "medtop:09000000": "business",  # labour
    "medtop:10000000": "world",     # lifestyle and leisure
    "medtop:11000000": "world",     # politics
    "medtop:12000000": "world",     # religion
    "medtop:13000000": "scitech",   # science and technology
    "medtop:14000000": "world",     # society
    "medtop:15000000": "sport",     # sport
    "medtop:16000000": "world",     # conflict, war and peace
    "medtop:17000000": "world",     # weather
}
ALIASES = {"world": "world", "politics": "world", "sport": "sport", "sports": "sport", "business": "business",
           "sci/tech": "scitech", "scitech": "scitech", "science": "scitech", "technology": "scitech", "tech": "scitech"}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--gazette", default=".build/release/gazette")
    ap.add_argument("--model")
    ap.add_argument("--errors", action="store_true", help="print misclassified texts")
    ap.add_argument("--label-key", default="label", help="record key holding the coarse class (default: label)")
    args = ap.parse_args()
    records = [json.loads(l) for l in open(args.data, encoding="utf-8") if l.strip()]
    cmd = [args.gazette, "topics", "classify", "--jsonl", args.data] + (["--model", args.model] if args.model else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    assert len(out) == len(records), (len(out), len(records))
    confusion = collections.Counter()
    topics = collections.Counter()
    correct = 0
    for record, line in zip(records, out):
        gold = ALIASES[str(record[args.label_key]).lower()]
        top = json.loads(line)["topics"][0]
        topics[top["label"]] += 1
        predicted = COARSE.get(top["id"], "other")
        confusion[(gold, predicted)] += 1
        correct += gold == predicted
        if args.errors and gold != predicted:
            print(f"  {gold} -> {top['label']} ({top['score']:.2f}): {record['text'][:110]}")
    classes = ["world", "sport", "business", "scitech"]
    print(f"coarse accuracy: {correct / len(records):.4f} on {len(records)} articles")
    print("gold \\ predicted " + " ".join(f"{c:>9}" for c in classes))
    for g in classes:
        print(f"{g:>17} " + " ".join(f"{confusion[(g, p)]:9d}" for p in classes))
    print("top topics:", ", ".join(f"{k} {v}" for k, v in topics.most_common()))

main()
