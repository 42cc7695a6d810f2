#!/usr/bin/env bash
# Times main-content extraction single-threaded, side by side with trafilatura 2.3.1 (installed in a
# throwaway virtualenv) in the same run, on the same pages: the 495 trafilatura-dev pages (unpacked)
# and the 91 aeb-dev pages, 586 pages in all, so start-up is amortised over more than 500 pages
# (and trafilatura's imports are warmed up before its clock starts).
#
# Usage: Scripts/bench-extraction.sh
# Environment: GAZETTE_DATA (default ../shared/data next to the repository; skipped when absent),
#   REPEAT (passes over the pages per run, default 1), ROUNDS (alternating runs of each tool,
#   default 2; the best round of each counts, which damps noise from other load on the machine),
#   TRAFILATURA_VENV (default .build/bench-venv).
# Reports pages/s by wall clock and by CPU time, MB/s, peak RSS (/usr/bin/time -v) and the speed
# ratio. Bar: Gazette at least 10x trafilatura's pages/s.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${GAZETTE_DATA:-$REPO/../shared/data}"
REPEAT="${REPEAT:-1}"
ROUNDS="${ROUNDS:-2}"
VENV="${TRAFILATURA_VENV:-$REPO/.build/bench-venv}"

if [ ! -d "$DATA/aeb-dev/html" ] && [ ! -d "$DATA/trafilatura-dev/html" ]; then
    echo "bench-extraction: skipped, no pages under $DATA (set GAZETTE_DATA to the data folder)"
    exit 0
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench-extraction: needs GNU time at /usr/bin/time (apt-get install time)" >&2
    exit 2
fi

cd "$REPO"
swift build -c release --product gazette >&2
BIN="$(swift build -c release --show-bin-path)/gazette"

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import trafilatura, lxml_html_clean" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "trafilatura==2.3.1" lxml_html_clean >&2
fi

OUT="$REPO/.build/bench-extraction"
mkdir -p "$OUT"
# Both tools read one folder of plain .html files.
PAGES="$OUT/pages"
if [ ! -d "$PAGES" ]; then
    mkdir -p "$PAGES.tmp"
    if [ -d "$DATA/trafilatura-dev/html" ]; then
        for f in "$DATA"/trafilatura-dev/html/*.gz; do gunzip -c "$f" > "$PAGES.tmp/$(basename "${f%.gz}")"; done
    fi
    if [ -d "$DATA/aeb-dev/html" ]; then cp "$DATA"/aeb-dev/html/*.htm* "$PAGES.tmp/"; fi
    mv "$PAGES.tmp" "$PAGES"
fi
count=$(ls "$PAGES" | grep -c '\.html\?$')
size=$(cat "$PAGES"/*.htm* | wc -c)
echo "pages: $count files, $(( size / 1024 )) KiB; $REPEAT passes per run, $ROUNDS rounds; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

for round in $(seq 1 "$ROUNDS"); do
    /usr/bin/time -v -o "$OUT/gazette-time-$round.txt" "$BIN" clean --bench --repeat-count "$REPEAT" "$PAGES" > "$OUT/gazette-$round.txt"
    /usr/bin/time -v -o "$OUT/trafilatura-time-$round.txt" "$VENV/bin/python" "$REPO/Scripts/bench_trafilatura.py" "$PAGES" "$REPEAT" > "$OUT/trafilatura-$round.txt"
    echo "round $round:"
    echo "  gazette     $(cat "$OUT/gazette-$round.txt")"
    echo "  trafilatura $(cat "$OUT/trafilatura-$round.txt")"
done

python3 - "$OUT" "$ROUNDS" <<'PY'
import re, sys
out, rounds = sys.argv[1], int(sys.argv[2])

def field(text, name):
    match = re.search(r"(?:^|\s)" + re.escape(name) + r" ([0-9.]+)", text)
    return float(match.group(1)) if match else 0.0

def best(tool):
    runs = []
    for round in range(1, rounds + 1):
        text = open(f"{out}/{tool}-{round}.txt").read()
        timing = open(f"{out}/{tool}-time-{round}.txt").read()
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
        runs.append({"wall": field(text, "pages/s"), "cpu": field(text, "cpu-pages/s"), "mbs": field(text, "MB/s"), "rss": rss})
    return {"wall": max(r["wall"] for r in runs), "cpu": max(r["cpu"] for r in runs),
            "mbs": max(r["mbs"] for r in runs), "rss": max(r["rss"] for r in runs)}

g, t = best("gazette"), best("trafilatura")
print(f"{'':12} {'pages/s':>10} {'cpu pages/s':>12} {'MB/s':>8} {'peak RSS':>10}")
for name, r in (("gazette", g), ("trafilatura", t)):
    print(f"{name:12} {r['wall']:10.1f} {r['cpu']:12.1f} {r['mbs']:8.2f} {r['rss'] / 1024:8.1f} MB")
wall_ratio = g["wall"] / t["wall"] if t["wall"] else 0
cpu_ratio = g["cpu"] / t["cpu"] if t["cpu"] else 0
print(f"speed ratio: {wall_ratio:.1f}x by wall clock, {cpu_ratio:.1f}x by CPU time — bar 10x: "
      f"{'met' if min(wall_ratio, cpu_ratio) >= 10 else 'MISSED'}")
PY
