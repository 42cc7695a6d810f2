#!/usr/bin/env bash
# Runs the release `gazette tag` over the hostile input set of issue 9 and checks the bar:
# exactly the records of expected.tsv (ids, outcomes, error codes), no crash (exit status < 100),
# peak RSS < 1 GB, wall time < 60 s, no entity expanded (billion laughs) and no file read or
# connection attempted (XXE: no /etc/passwd content in the output; under strace, no open of
# /etc/passwd or /etc/hostname and no connect() to a network address).
#
#   Scripts/hostile-inputs.sh [DIR]      (default DIR: /tmp/gazette-hostile; regenerated each run)
#
# Environment: GAZETTE_BIN=path skips the release build; NO_STRACE=1 skips the syscall trace;
# GAZETTE_TAG_ARGS adds flags to `gazette tag` (e.g. "--jobs 2").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-/tmp/gazette-hostile}"
WORK="$(mktemp -d /tmp/gazette-hostile-run.XXXXXX)"
OUT="$WORK/tags.jsonl"

echo "== generating the hostile set in $DIR" >&2
rm -rf "$DIR"
python3 "$ROOT/Scripts/make-bad-inputs.py" --hostile "$DIR"
# Extra files for limits the generator does not cover (streamed bombs in JSONL and WARC, a WARC
# length past Int); their expected records are appended to expected.tsv.
python3 - "$DIR" <<'PY'
import gzip, os, sys
directory = sys.argv[1]
rows = []
def stream_gzip(name, chunks):
    with open(os.path.join(directory, name), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            for chunk in chunks:
                gz.write(chunk)
# 1 GiB JSONL line without a newline, then nothing: one limit_exceeded record, memory flat.
stream_gzip("bomb-line.jsonl.gz", [b'{"id": "never", "text": "'] + [b"a" * (1 << 20)] * 1024)
rows.append(("bomb-line.jsonl.gz", "bomb-line.jsonl.gz:1", "error", "limit_exceeded", "1 GiB line once inflated: over --max-line-bytes"))
# A .warc.gz whose one response record declares and holds 1 GiB: limit_exceeded for that record.
def warc_bomb():
    length = (1 << 30) + 200
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>"
    yield (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
           f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()
    yield http
    left = length - len(http)
    while left > 0:
        n = min(left, 1 << 20)
        yield b"a" * n
        left -= n
    yield b"\r\n\r\n"
stream_gzip("bomb-record.warc.gz", warc_bomb())
rows.append(("bomb-record.warc.gz", "urn:uuid:bomb", "error", "limit_exceeded", "1 GiB response record: over --max-record-bytes, skipped while streaming"))
# A Content-Length that does not fit in 64 bits: one error for the file.
with open(os.path.join(directory, "huge-length.warc"), "wb") as f:
    f.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n")
rows.append(("huge-length.warc", "huge-length", "error", "parse_error", "Content-Length past Int: the file is reported, nothing allocated"))
with open(os.path.join(directory, "expected.tsv"), "a", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(row) + "\n")
PY
du -sh "$DIR" >&2

if [[ -z "${GAZETTE_BIN:-}" ]]; then
    echo "== building gazette (release)" >&2
    (cd "$ROOT" && swift build -c release --product gazette >"$WORK/build.log" 2>&1) || { tail -20 "$WORK/build.log" >&2; exit 3; }
    GAZETTE_BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/gazette"
fi

TRACE=()
if [[ -z "${NO_STRACE:-}" ]] && command -v strace >/dev/null; then
    # Only file opens and network calls are traced, to keep the overhead small.
    TRACE=(strace -f -qq -e trace=open,openat,connect,socket -o "$WORK/syscalls.txt")
else
    echo "(strace not used: the file-read and network checks rely on the output only)" >&2
fi

echo "== gazette tag $DIR (timed)" >&2
set +e
# shellcheck disable=SC2086
/usr/bin/time -v -o "$WORK/time.txt" "${TRACE[@]}" "$GAZETTE_BIN" tag "$DIR" --include-text --quiet -o "$OUT" ${GAZETTE_TAG_ARGS:-} \
    2>"$WORK/stderr.txt"
STATUS=$?
set -e
# Timing again without strace, so the wall time is the program's own.
if [[ ${#TRACE[@]} -gt 0 ]]; then
    set +e
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$WORK/time-plain.txt" "$GAZETTE_BIN" tag "$DIR" --include-text --quiet -o "$WORK/tags-plain.jsonl" \
        ${GAZETTE_TAG_ARGS:-} 2>/dev/null
    PLAIN_STATUS=$?
    set -e
    TIMEFILE="$WORK/time-plain.txt"
else
    PLAIN_STATUS=$STATUS
    TIMEFILE="$WORK/time.txt"
fi

set +e
python3 - "$DIR" "$OUT" "$TIMEFILE" "$STATUS" "$PLAIN_STATUS" "$WORK" <<'PY'
import json, os, re, sys
from collections import Counter

directory, out, timefile, status, plain_status, work = sys.argv[1:7]
status, plain_status = int(status), int(plain_status)
failures = []

def fail(message):
    failures.append(message)
    print("FAIL", message)

def ok(message):
    print("ok  ", message)

# --- exit status, memory, time
if status >= 100 or plain_status >= 100:
    fail(f"exit status {status} (traced) / {plain_status} (plain): a crash or a signal")
else:
    ok(f"exit status {status} (1 = some records are error records, as expected)")
timing = open(timefile).read()
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", timing).group(1)
parts = [float(p) for p in wall.split(":")]
seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
cpu = float(re.search(r"User time \(seconds\): (\S+)", timing).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", timing).group(1))
(ok if rss_kb < 1024 * 1024 else fail)(f"peak RSS {rss_kb / 1024:.0f} MB (bar: < 1024 MB)")
(ok if seconds < 60 else fail)(f"wall time {seconds:.1f} s, CPU {cpu:.1f} s (bar: < 60 s)")

# --- records against expected.tsv
expected = []
with open(os.path.join(directory, "expected.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        name, rid, outcome, code, note = line.rstrip("\n").split("\t", 4)
        expected.append((name, rid, outcome, code, note))
records = []
raw = open(out, "rb").read()
for number, line in enumerate(raw.split(b"\n")[:-1] if raw.endswith(b"\n") else raw.split(b"\n"), 1):
    try:
        records.append(json.loads(line.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        fail(f"output line {number} is not valid UTF-8 JSON: {error}")
print(f"     {len(records)} output records, {len(expected)} expected")
(ok if len(records) == len(expected) else fail)(f"record count {len(records)} == expected {len(expected)}")

def outcome_of(record):
    error = record.get("error")
    return ("error", error.get("code")) if error else ("tagged", "-")

got = Counter((r.get("id"), *outcome_of(r)) for r in records)
want = Counter((rid, outcome, code) for _, rid, outcome, code, _ in expected)
missing = want - got
extra = got - want
by_id = {}
for r in records:
    by_id.setdefault(r.get("id"), []).append(outcome_of(r))
for (rid, outcome, code), n in sorted(missing.items()):
    note = next((e[4] for e in expected if e[1] == rid), "")
    fail(f"expected {rid}: {outcome} {code} (x{n}), got {by_id.get(rid, 'no record')}  [{note[:90]}]")
for (rid, outcome, code), n in sorted(extra.items()):
    if not any(e[1] == rid for e in expected):
        fail(f"unexpected record {rid}: {outcome} {code} (x{n})")
if not missing and not extra:
    ok("every expected record, with its outcome and error code, and nothing else")

# --- entities not expanded, no file read
def text_of(rid):
    for r in records:
        if r.get("id") == rid:
            return r.get("text") or ""
    return None
laughs = text_of("billion-laughs")
if laughs is None:
    fail("no record for billion-laughs")
else:
    (ok if len(laughs) < 10_000 and "lollol" not in laughs else fail)(
        f"billion laughs not expanded: text has {len(laughs)} characters, 'lollol' {'absent' if 'lollol' not in laughs else 'PRESENT'}")
text = raw.decode("utf-8", "replace")
leaks = [marker for marker in ("root:x:0:0", "/usr/sbin/nologin", "daemon:x:") if marker in text]
try:
    hostname = open("/etc/hostname").read().strip()
except OSError:
    hostname = ""
xxe = text_of("xxe") or ""
if hostname and len(hostname) >= 6 and hostname in xxe:
    leaks.append("/etc/hostname content")
(ok if not leaks else fail)("no /etc/passwd or /etc/hostname content in the output" + (f": found {leaks}" if leaks else ""))
(ok if len(raw) < 64 * 1024 * 1024 else fail)(f"output size {len(raw) / 1e6:.1f} MB")

# --- syscalls (strace)
trace_path = os.path.join(work, "syscalls.txt")
if os.path.exists(trace_path):
    opened = []
    connects = []
    for line in open(trace_path, errors="replace"):
        if re.search(r'open(at)?\(.*"(/etc/passwd|/etc/hostname|/etc/shadow)"', line):
            opened.append(line.strip())
        if "connect(" in line and "AF_UNIX" not in line and "AF_LOCAL" not in line:
            connects.append(line.strip())
    (ok if not opened else fail)("no open of /etc/passwd, /etc/hostname or /etc/shadow (strace)" + (f": {opened[:3]}" if opened else ""))
    (ok if not connects else fail)("no connect() to a network address (strace)" + (f": {connects[:3]}" if connects else ""))

print(f"SUMMARY: {len(failures)} failed checks; peak RSS {rss_kb / 1024:.0f} MB; wall {seconds:.1f} s; "
      f"{len(records)} records for {len(expected)} expected")
sys.exit(1 if failures else 0)
PY
RESULT=$?
set -e
echo "(run files kept in $WORK)" >&2
exit $RESULT
