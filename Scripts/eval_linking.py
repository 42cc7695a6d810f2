#!/usr/bin/env python3
"""Entity linking figures of `gazette tag` output, the audit of sampled links, and the confidence
calibration. Used by Scripts/eval-linking.sh; every step reads files given on the command line.

  eval_linking.py share TAGS.jsonl
      share of tagged entities (and of mentions) with a Wikidata QID, by type, and the id kinds.
  eval_linking.py recall CONLL TAGS.jsonl
      gold PER/LOC/ORG mentions that are tagged with the right span and type AND linked to a QID,
      over all gold mentions: a ceiling-free proxy of link recall (CoNLL has no gold QIDs; the
      audit below gives the precision of those links).
  eval_linking.py sample TAGS.jsonl DOCS.jsonl GAZETTEER_DIR N SEED OUT.tsv [PREVIOUS.tsv]
      draws N linked mentions (uniformly over mentions that carry a QID) with their context, the
      entity, its QID, the sources that give the QID (the lists' wikidata_source column) and the
      resolver's reason, and a `verdict` column to fill in by hand (`ok` or `wrong`, plus a note).
      Verdicts of a PREVIOUS sample carry over to rows with the same document, offset and QID.
  eval_linking.py audit SAMPLE.tsv
      precision of the judged sample, with a 95% Wilson interval, by link kind and QID source.
  eval_linking.py calibrate CONLL TAGS.jsonl SAMPLE.tsv OUT.tsv
      fits the logistic model of "type right" on CONLL (an entity is right when most of its
      mentions are gold spans of its type) and the link precision by kind from the audited
      sample, and writes the calibration (EntityConfidence) to OUT.tsv.
  eval_linking.py reliability CONLL_OR_IO TAGS.jsonl
      calibration check: predicted confidence against how often type (and, through the audited
      precision, link) is right, in five bins, with the expected calibration error.
"""
import csv
import json
import math
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_ner import read_conll  # noqa: E402

TYPES = {"Person": "PER", "Place": "LOC", "Organization": "ORG"}


def records(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def share(tags):
    n = q = m = mq = 0
    by_type, q_type, kinds = Counter(), Counter(), Counter()
    for r in records(tags):
        for e in r.get("entities") or []:
            n += 1
            by_type[e["type"]] += 1
            m += len(e["mentions"])
            kinds["QID" if e.get("wikidata") else e["id"].split(":")[0]] += 1
            if e.get("wikidata"):
                q += 1
                q_type[e["type"]] += 1
                mq += len(e["mentions"])
    print(f"entities with a QID: {q}/{n} = {q / max(1, n):.3f}; mentions: {mq}/{m} = {mq / max(1, m):.3f}")
    print("by type: " + ", ".join(f"{t} {q_type[t]}/{by_type[t]} = {q_type[t] / max(1, by_type[t]):.3f}" for t in TYPES))
    print("ids: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    return q / max(1, n)


def gold_spans(conll):
    return {f"conll-{n}": {s for s in spans if s[2] != "MISC"} for n, (_, spans, _, _) in enumerate(read_conll(conll), 1)}


def recall(conll, tags):
    gold = gold_spans(conll)
    linked = Counter()
    total = Counter()
    for spans in gold.values():
        for _, _, kind in spans:
            total[kind] += 1
    for r in records(tags):
        g = gold.get(r["id"], set())
        for e in r.get("entities") or []:
            if not e.get("wikidata"):
                continue
            kind = TYPES[e["type"]]
            for mention in e["mentions"]:
                if (mention["start"], mention["end"], kind) in g:
                    linked[kind] += 1
    for kind in ("PER", "LOC", "ORG"):
        print(f"{kind}: {linked[kind]}/{total[kind]} gold mentions tagged and linked = {linked[kind] / max(1, total[kind]):.3f}")
    a, b = sum(linked.values()), sum(total.values())
    print(f"all: {a}/{b} = {a / max(1, b):.3f}")


def read_lists(folder):
    """QID -> (names, wikidata_source) from every *.tsv with a wikidata column or a QID id."""
    out = {}
    for path in sorted(Path(folder).glob("*.tsv")):
        with path.open(encoding="utf-8") as f:
            head = f.readline().rstrip("\n").split("\t")
            col = {name: i for i, name in enumerate(head)}
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                c = line.rstrip("\n").split("\t")
                qid = c[col["wikidata"]] if "wikidata" in col and c[col["wikidata"]] else (c[0] if c[0][:1] == "Q" and c[0][1:].isdigit() else "")
                if not qid:
                    continue
                names, src = out.get(qid, ([], ""))
                names = names + [c[2]]
                if "wikidata_source" in col and c[col["wikidata_source"]]:
                    src = c[col["wikidata_source"]]
                out[qid] = (names, src)
    return out


def sample(tags, docs, folder, n, seed, out, previous=None):
    texts = {r["id"]: r["text"] for r in records(docs)}
    judged = {}
    if previous and Path(previous).exists():
        for r in csv.DictReader(open(previous, encoding="utf-8"), delimiter="\t"):
            if r["verdict"]:
                judged[(r["doc"], r["start"], r["wikidata"])] = (r["verdict"], r["note"])
    lists = read_lists(folder)
    pool = []
    for r in records(tags):
        for e in r.get("entities") or []:
            if e.get("wikidata"):
                for mention in e["mentions"]:
                    pool.append((r["id"], e, mention))
    # a mention's place in the sample depends on its document, offset and the seed only, so a
    # new run samples the same mentions wherever they are still linked (and keeps their verdicts)
    pool.sort(key=lambda p: hashlib.sha1(f"{seed}:{p[0]}:{p[2]['start']}".encode()).hexdigest())
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["doc", "start", "surface", "context", "type", "entity", "wikidata", "qid_sources", "reason", "verdict", "note"])
        for doc, e, mention in pool[:n]:
            text = texts.get(doc, "")
            a, b = mention["start"], mention["end"]
            context = (text[max(0, a - 70):a] + "[[" + text[a:b] + "]]" + text[b:b + 70]).replace("\n", " / ").replace("\t", " ")
            names, src = lists.get(e["wikidata"], ([], ""))
            verdict, note = judged.get((doc, str(a), e["wikidata"]), ("", ""))
            w.writerow([doc, a, mention["surface"], context, e["type"], e["name"], e["wikidata"], src or "?",
                        mention.get("reason", ""), verdict, note])
    print(f"wrote {min(n, len(pool))} of {len(pool)} linked mentions to {out}")


def wilson(k, n, z=1.96):
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / d
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return centre - half, centre + half


def link_kind(reason):
    if not reason:
        return "unique"
    for k in ("context", "prior"):
        if reason.startswith(k):
            return k
    return "partial-name" if reason.startswith("part of the name") else "unique"


def audit(path, quiet=False):
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    judged = [r for r in rows if r["verdict"] in ("ok", "wrong")]
    ok = sum(r["verdict"] == "ok" for r in judged)
    by_kind = defaultdict(lambda: [0, 0])
    by_source = defaultdict(lambda: [0, 0])
    for r in judged:
        for table, k in ((by_kind, link_kind(r["reason"])), (by_source, r["qid_sources"].split("+")[0])):
            table[k][0] += r["verdict"] == "ok"
            table[k][1] += 1
    if not quiet:
        lo, hi = wilson(ok, len(judged))
        print(f"audited links: {ok}/{len(judged)} right = {ok / max(1, len(judged)):.3f} (95% interval {lo:.3f}-{hi:.3f}); "
              f"{len(rows) - len(judged)} not judged")
        print("by link kind: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by_kind.items())))
        print("by QID source: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by_source.items())))
        for r in judged:
            if r["verdict"] == "wrong":
                print(f"  wrong: {r['surface']} -> {r['entity']} {r['wikidata']} ({r['reason'] or 'unique'}): {r['note']}")
    return by_kind, ok, len(judged)


# --- confidence features: the same as EntityConfidence.features(of:isListed:) in Swift


def is_listed(e):
    return not e["id"].startswith("new:")


def features(e):
    sources = [m.get("source", "") for m in e["mentions"]]
    kind = link_kind_of(e)
    return {
        "gazetteer": 1.0 if "gazetteer" in sources else 0.0,
        "rule_only": 1.0 if sources and all(s.startswith("rule:") for s in sources) else 0.0,
        "listed": 1.0 if is_listed(e) else 0.0,
        "wikidata": 1.0 if e.get("wikidata") else 0.0,
        "mentions": math.log(1 + len(e["mentions"])),
        "person": 1.0 if e["type"] == "Person" else 0.0,
        "organization": 1.0 if e["type"] == "Organization" else 0.0,
        "decided_by_context": 1.0 if kind == "context" else 0.0,
        "decided_by_prior": 1.0 if kind == "prior" else 0.0,
    }


def link_kind_of(e):
    if not is_listed(e):
        return "none"
    reasons = [m["reason"] for m in e["mentions"] if m.get("reason")]
    if any(r.startswith("context") for r in reasons):
        return "context"
    if any(r.startswith("prior") for r in reasons):
        return "prior"
    if reasons and all(r.startswith("part of the name") for r in reasons):
        return "partial-name"
    return "unique"


def type_right(e, gold):
    kind = TYPES[e["type"]]
    hits = sum((m["start"], m["end"], kind) in gold for m in e["mentions"])
    return 1 if hits * 2 > len(e["mentions"]) else 0


def labelled(conll, tags):
    gold = gold_spans(conll)
    data = []
    for r in records(tags):
        g = gold.get(r["id"], set())
        for e in r.get("entities") or []:
            data.append((features(e), type_right(e, g), e))
    return data


def fit(data, epochs=400, rate=0.5, l2=1e-3):
    names = sorted(data[0][0])
    w = {k: 0.0 for k in names}
    b = 0.0
    n = len(data)
    for _ in range(epochs):
        gw = {k: 0.0 for k in names}
        gb = 0.0
        for x, y, _ in data:
            p = 1 / (1 + math.exp(-(b + sum(w[k] * x[k] for k in names))))
            for k in names:
                gw[k] += (p - y) * x[k]
            gb += p - y
        for k in names:
            w[k] -= rate * (gw[k] / n + l2 * w[k])
        b -= rate * gb / n
    return w, b


def calibrate(conll, tags, sample_path, out):
    data = labelled(conll, tags)
    w, b = fit(data)
    by_kind, _, _ = audit(sample_path, quiet=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Entity confidence calibration (EntityConfidence), written by\n"
                "# Scripts/eval_linking.py calibrate on CoNLL-2003 dev and the audited link sample\n"
                "# Scripts/data/link-audit-sample.tsv. Regenerate after retraining the NER model or\n"
                "# rebuilding the gazetteers (Scripts/eval-linking.sh --calibrate).\n")
        f.write(f"weight\tbias\t{b:.4f}\n")
        for k in sorted(w):
            f.write(f"weight\t{k}\t{w[k]:.4f}\n")
        for kind in ("unique", "context", "prior", "partial-name"):
            a, n = by_kind.get(kind, (0, 0))
            # Laplace-smoothed, so a kind with few audited links does not read as certain
            f.write(f"link\t{kind}\t{(a + 1) / (n + 2):.4f}\n")
    print(f"wrote {out} from {len(data)} entities ({sum(y for _, y, _ in data)} with the right type)")


def reliability(conll, tags):
    data = labelled(conll, tags)
    bins = [[0, 0.0, 0] for _ in range(5)]
    for _, y, e in data:
        c = e.get("confidence")
        if c is None:
            continue
        k = min(4, int(c * 5))
        bins[k][0] += 1
        bins[k][1] += c
        bins[k][2] += y
    total = sum(x[0] for x in bins)
    ece = sum(abs(x[1] / x[0] - x[2] / x[0]) * x[0] / total for x in bins if x[0])
    for k, (n, s, y) in enumerate(bins):
        if n:
            print(f"confidence {k / 5:.1f}-{(k + 1) / 5:.1f}: {n} entities, mean {s / n:.3f}, type right {y / n:.3f}")
    print(f"expected calibration error (type only, links counted right): {ece:.3f} over {total} entities")


if __name__ == "__main__":
    a = sys.argv[1:]
    if not a:
        sys.exit(__doc__)
    cmd = a[0]
    if cmd == "share" and len(a) == 2:
        share(a[1])
    elif cmd == "recall" and len(a) == 3:
        recall(a[1], a[2])
    elif cmd == "sample" and len(a) in (7, 8):
        sample(a[1], a[2], a[3], int(a[4]), int(a[5]), a[6], a[7] if len(a) == 8 else None)
    elif cmd == "audit" and len(a) == 2:
        audit(a[1])
    elif cmd == "calibrate" and len(a) == 5:
        calibrate(a[1], a[2], a[3], a[4])
    elif cmd == "reliability" and len(a) == 3:
        reliability(a[1], a[2])
    else:
        sys.exit(__doc__)
