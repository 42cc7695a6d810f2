#!/usr/bin/env bash
# Memory and speed of `gazette gazetteer import-wikidata` as the dump grows: generates dumps of
# 100 MB and 1 GB (default; SIZES="100 1024") in the real format from the real dump sample, imports
# each (plain JSON and gzip), and prints peak RSS and entities per second.
# Usage: Scripts/bench-import-wikidata.sh [WORK_DIR]   (needs ~2 GB free in WORK_DIR, default /tmp)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sample="$root/../shared/data/gazetteer-sources/wikidata-linked/dump-sample/latest-all-first-50-lines.json.gz"
if [[ ! -f "$sample" ]]; then
    echo "bench-import-wikidata: skipped, dump sample not found: $sample (development data is not part of the repository)"
    exit 0
fi
work="${1:-/tmp}/gazette-wikidata-bench"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$root"
swift build -c release --product gazette >&2
for size in ${SIZES:-100 1024}; do
    for ext in json json.gz; do
        dump="$work/dump-$size.$ext"
        python3 Scripts/make-wikidata-dump.py "$sample" "$dump" "$size" >&2
        /usr/bin/time -f "%M %e" -o "$work/time" .build/release/gazette gazetteer import-wikidata "$dump" \
            -o "$work/out.tsv" --min-sitelinks 1 --languages en,de,ru,uk --progress-seconds 30 2> "$work/log"
        read -r rss seconds < "$work/time"
        python3 - "$work/log" "$rss" "$seconds" "$size" "$ext" "$work/out.tsv" <<'PY'
import re, sys
log, rss, seconds, size, ext, out = sys.argv[1:]
done = [l for l in open(log) if l.rstrip().endswith("done")][-1]
entities = int(re.search(r"(\d+) entities,", done).group(1))
megabytes = int(re.search(r"\((\d+) MiB of JSON\)", done).group(1))
rows = sum(1 for l in open(out) if l[:1] == "Q")
print(f"dump {size} MB .{ext}: peak RSS {int(rss) // 1024} MB, {entities} entities ({megabytes} MiB of JSON) in {seconds} s "
      f"= {entities / max(0.001, float(seconds)):.0f} entities/s, {megabytes / max(0.001, float(seconds)):.1f} MiB/s; {rows} rows written")
PY
        rm -f "$dump" "$work/out.tsv" "$work/out.tsv.progress"
    done
done
