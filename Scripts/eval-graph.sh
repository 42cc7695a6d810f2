#!/usr/bin/env bash
# Evaluates `gazette graph` and `gazette feed` against the bar of issue 8 on real tagged pages:
# tags the development pages, writes every graph format, reads GraphML/GEXF back with networkx and
# checks nodes and edge weights against counts computed independently in Python, checks that
# `graph merge` of two halves (either order) equals the graph of the whole, and that the MIND feed
# has one row per article with the MIND entity keys. With --memory N it also measures peak memory
# of aggregating N synthetic tag records (Zipf-distributed entities) streamed through stdin.
#
# Usage: Scripts/eval-graph.sh [--tags TAGS.jsonl] [--memory N] [--out DIR]
#   --tags FILE   use existing `gazette tag` output instead of tagging the development pages
#   --memory N    also run the memory measurement on N synthetic records (e.g. 1000000)
#   --out DIR     where to write the outputs (default: a temporary folder)
# Environment: GAZETTE=path/to/gazette (default: release build of this checkout),
#              GAZETTE_EVAL_PAGES (default: ../shared/data/aeb-dev/html next to the checkout).
# Needs: python3 with networkx; Graphviz `dot` for the SVG (skipped when missing).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PAGES="${GAZETTE_EVAL_PAGES:-$ROOT/../shared/data/aeb-dev/html}"
TAGS=""
MEMORY=""
OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
        --tags) TAGS="$2"; shift 2 ;;
        --memory) MEMORY="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

if ! python3 -c 'import networkx' 2>/dev/null; then
    echo "eval-graph: python3 with networkx is needed (pip install networkx)" >&2
    exit 1
fi

if [ -z "${GAZETTE:-}" ]; then
    (cd "$ROOT" && swift build -c release --product gazette >/dev/null)
    GAZETTE="$(cd "$ROOT" && swift build -c release --show-bin-path)/gazette"
fi
OUT="${OUT:-$(mktemp -d /tmp/gazette-eval-graph.XXXXXX)}"
mkdir -p "$OUT"
echo "eval-graph: outputs in $OUT"

if [ -z "$TAGS" ]; then
    if [ ! -d "$PAGES" ]; then
        echo "eval-graph: skipped: the development pages ($PAGES) are not in this checkout; pass --tags FILE to use your own tags"
    else
        TAGS="$OUT/tags.jsonl"
        echo "eval-graph: tagging $(find "$PAGES" -type f | wc -l) pages from $PAGES"
        "$GAZETTE" tag "$PAGES" > "$TAGS"
    fi
fi

if [ -n "$TAGS" ]; then
    G="$OUT/graph"
    mkdir -p "$G"
    for format in graphml gexf json cytoscape dot; do
        "$GAZETTE" graph "$TAGS" --format "$format" -o "$G/graph.$format" 2>"$G/$format.log"
    done
    "$GAZETTE" graph "$TAGS" --format neo4j -o "$G/neo4j" 2>"$G/neo4j.log"
    if command -v dot >/dev/null; then
        "$GAZETTE" graph "$TAGS" --format svg --top 40 -o "$G/graph.svg" 2>"$G/svg.log"
    else
        echo "eval-graph: Graphviz not installed; SVG skipped (apt-get install graphviz)"
    fi
    # Same input, same bytes.
    "$GAZETTE" graph "$TAGS" --format graphml -o "$G/again.graphml" 2>/dev/null

    # Two halves by line; partial graphs; merge in both orders.
    total=$(wc -l < "$TAGS")
    half=$(( (total + 1) / 2 ))
    head -n "$half" "$TAGS" > "$G/first.jsonl"
    tail -n +"$((half + 1))" "$TAGS" > "$G/second.jsonl"
    "$GAZETTE" graph "$G/first.jsonl" --format json -o "$G/first.json" 2>/dev/null
    "$GAZETTE" graph "$G/second.jsonl" --format json -o "$G/second.json" 2>/dev/null
    "$GAZETTE" graph merge "$G/first.json" "$G/second.json" --format json -o "$G/merged-ab.json" 2>/dev/null
    "$GAZETTE" graph merge "$G/second.json" "$G/first.json" --format json -o "$G/merged-ba.json" 2>/dev/null
    "$GAZETTE" graph merge "$G/second.json" "$G/first.json" --format graphml -o "$G/merged.graphml" 2>/dev/null

    "$GAZETTE" feed "$TAGS" --format mind -o "$G/news.tsv" 2>"$G/feed.log"
    "$GAZETTE" feed "$TAGS" --format jsonl -o "$G/tags-feed.jsonl" 2>/dev/null
    "$GAZETTE" feed "$TAGS" --format csv -o "$G/tags-feed.csv" 2>/dev/null

    python3 "$ROOT/Scripts/eval_graph.py" "$TAGS" "$G"
fi

if [ -n "$MEMORY" ]; then
    echo "eval-graph: memory: aggregating $MEMORY synthetic tag records from stdin (--min-articles 5 --format json)"
    python3 "$ROOT/Scripts/synthetic_tags.py" "$MEMORY" \
        | /usr/bin/time -v "$GAZETTE" graph --min-articles 5 --format json -o "$OUT/synthetic.json" 2> "$OUT/memory.log"
    grep -E "gazette graph:|Maximum resident set size|Elapsed \(wall clock\)|User time" "$OUT/memory.log"
fi
