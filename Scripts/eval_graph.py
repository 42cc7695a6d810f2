#!/usr/bin/env python3
"""Checks the outputs Scripts/eval-graph.sh wrote against counts computed here from the tag JSONL.

Usage: eval_graph.py TAGS.jsonl OUTPUT_DIR
"""
import csv
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

import networkx as nx

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def expected_counts(path):
    """Node article counts and pair shared-article counts, from the tag records."""
    nodes, pairs, articles, skipped, mentions = Counter(), Counter(), [], 0, Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                skipped += 1
                continue
            if not isinstance(record, dict) or record.get("error") is not None or not record.get("id"):
                skipped += 1
                continue
            articles.append(record)
            ids = set()
            for entity in record.get("entities") or []:
                if entity.get("id"):
                    ids.add(entity["id"])
                    mentions[entity["id"]] += len(entity.get("mentions") or [])
            for entity_id in ids:
                nodes[entity_id] += 1
            for a, b in itertools.combinations(sorted(ids), 2):
                pairs[(a, b)] += 1
    return nodes, pairs, articles, skipped, mentions


def check_networkx_graph(label, graph, nodes, pairs, node_articles_key="articles"):
    check(f"{label}: one node per distinct entity id", set(graph.nodes) == set(nodes),
          f"{graph.number_of_nodes()} nodes, {len(nodes)} distinct ids")
    wrong_articles = [n for n in nodes if graph.nodes[n].get(node_articles_key) != nodes[n]] if set(graph.nodes) == set(nodes) else ["(node sets differ)"]
    check(f"{label}: node article counts", not wrong_articles, f"{len(wrong_articles)} wrong")
    found = {tuple(sorted(edge)): data for *edge, data in graph.edges(data=True)}
    check(f"{label}: one edge per co-occurring pair", set(found) == set(pairs),
          f"{len(found)} edges, {len(pairs)} pairs")
    wrong_weights = [p for p, count in pairs.items() if p not in found or found[p].get("weight") != count]
    check(f"{label}: edge weight = shared-article count", not wrong_weights, f"{len(wrong_weights)} wrong")


def normalised(path):
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)

    def walk(value):
        if isinstance(value, float):
            return round(value, 6)
        if isinstance(value, dict):
            return {key: walk(item) for key, item in sorted(value.items())}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return value

    return json.dumps(walk(document), sort_keys=True)


def main():
    tags, out = Path(sys.argv[1]), Path(sys.argv[2])
    nodes, pairs, articles, skipped, mentions = expected_counts(tags)
    entity_total = sum(len(a.get("entities") or []) for a in articles)
    print(f"tags: {len(articles)} articles ({skipped} skipped lines), {entity_total} entity occurrences, "
          f"{len(nodes)} distinct entities, {len(pairs)} co-occurring pairs")
    if not nodes:
        print("warning: the tags hold no entities, so the graph checks below are trivially true")

    check_networkx_graph("GraphML", nx.read_graphml(out / "graph.graphml"), nodes, pairs)
    check_networkx_graph("GEXF", nx.read_gexf(out / "graph.gexf"), nodes, pairs)
    graphml = nx.read_graphml(out / "graph.graphml")
    wrong_mentions = [n for n in nodes if n in graphml.nodes and graphml.nodes[n].get("mentions") != mentions[n]]
    check("GraphML: node mention counts", not wrong_mentions, f"{len(wrong_mentions)} wrong")

    cytoscape = json.loads((out / "graph.cytoscape").read_text(encoding="utf-8"))
    elements = cytoscape["elements"]
    check("Cytoscape: elements.nodes / elements.edges",
          len(elements["nodes"]) == len(nodes) and len(elements["edges"]) == len(pairs),
          f"{len(elements['nodes'])} nodes, {len(elements['edges'])} edges")
    check("Cytoscape: edge articles",
          all(pairs.get(tuple(sorted((e["data"]["source"], e["data"]["target"])))) == e["data"]["articles"]
              for e in elements["edges"]))

    with open(out / "neo4j" / "nodes.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    check("Neo4j: nodes.csv header and rows",
          rows[0] == ["entityId:ID", "name", "type", "wikidata", "articles:int", "mentions:int", ":LABEL"]
          and len(rows) - 1 == len(nodes) and {r[0] for r in rows[1:]} == set(nodes),
          f"{len(rows) - 1} rows")
    with open(out / "neo4j" / "relationships.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    check("Neo4j: relationships.csv header and rows",
          rows[0] == [":START_ID", ":END_ID", "articles:int", "npmi:float", ":TYPE"]
          and len(rows) - 1 == len(pairs)
          and all(pairs.get(tuple(sorted((r[0], r[1])))) == int(r[2]) for r in rows[1:]),
          f"{len(rows) - 1} rows")

    dot = (out / "graph.dot").read_text(encoding="utf-8")
    edge_lines = [line for line in dot.splitlines() if " -- " in line]
    check("DOT: undirected graph, one line per edge",
          dot.startswith("graph ") and dot.rstrip().endswith("}") and len(edge_lines) == len(pairs),
          f"{len(edge_lines)} edge lines")
    svg = out / "graph.svg"
    if svg.exists():
        check("SVG: Graphviz picture written", svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
              and "<svg" in svg.read_text(encoding="utf-8"), f"{svg.stat().st_size} bytes")

    check("Deterministic: same input, same bytes",
          (out / "graph.graphml").read_bytes() == (out / "again.graphml").read_bytes())

    whole = normalised(out / "graph.json")
    check("Merge: first+second == whole (normalised JSON)", normalised(out / "merged-ab.json") == whole)
    check("Merge: second+first == whole (normalised JSON)", normalised(out / "merged-ba.json") == whole)
    check("Merge: byte for byte, both orders",
          (out / "merged-ab.json").read_bytes() == (out / "graph.json").read_bytes() == (out / "merged-ba.json").read_bytes())
    check_networkx_graph("Merged GraphML", nx.read_graphml(out / "merged.graphml"), nodes, pairs)

    keys = {"Label", "Type", "WikidataId", "Confidence", "OccurrenceOffsets", "SurfaceForms"}
    lines = (out / "news.tsv").read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    columns = [line.split("\t") for line in lines]
    check("MIND: one row per article", len(lines) == len(articles), f"{len(lines)} rows, {len(articles)} articles")
    check("MIND: eight columns per row", all(len(c) == 8 for c in columns))
    check("MIND: ids in article order", [c[0] for c in columns] == [a["id"].replace("\t", " ").replace("\n", " ").replace("\r", " ") for a in articles])
    entity_lists = [json.loads(c[i]) for c in columns for i in (6, 7)]
    entities = [e for entity_list in entity_lists for e in entity_list]
    check("MIND: entity columns are JSON lists with the MIND keys",
          all(isinstance(x, list) for x in entity_lists) and all(set(e) == keys for e in entities),
          f"{len(entities)} entity entries")
    good_offsets = 0
    for c in columns:
        for column, text in ((6, c[3]), (7, c[4])):
            for entity in json.loads(c[column]):
                for offset, surface in zip(entity["OccurrenceOffsets"], entity["SurfaceForms"]):
                    good_offsets += text[offset:offset + len(surface)] == surface
    total_offsets = sum(len(e["OccurrenceOffsets"]) for e in entities)
    check("MIND: offsets point at the surface forms in title/abstract", good_offsets == total_offsets,
          f"{good_offsets}/{total_offsets}")
    with_category = sum(1 for c in columns if c[1])
    print(f"MIND: {with_category}/{len(columns)} rows have a category; "
          f"{sum(1 for c in columns if c[6] != '[]')} rows have title entities, "
          f"{sum(1 for c in columns if c[7] != '[]')} abstract entities")

    feed_lines = (out / "tags-feed.jsonl").read_text(encoding="utf-8").splitlines()
    check("Feed JSONL: one line per article", len(feed_lines) == len(articles))
    feed_csv = (out / "tags-feed.csv").read_text(encoding="utf-8").splitlines()
    check("Feed CSV: header item,tag,weight", feed_csv[:1] == ["item,tag,weight"], f"{len(feed_csv) - 1} triples")

    width = max(len(name) for name, _, _ in results)
    failed = 0
    for name, ok, detail in results:
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name:<{width}}  {detail}")
    print(f"{len(results) - failed}/{len(results)} checks passed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
