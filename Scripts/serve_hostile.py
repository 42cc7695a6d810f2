#!/usr/bin/env python3
"""Posts the hostile-input zoo to a running `gazette serve` and checks every answer.

    Scripts/serve_hostile.py URL ZOO_DIR     (called by Scripts/serve-hostile.sh)

Each file of ZOO_DIR (from `Scripts/make-bad-inputs.py --hostile`) becomes one request, sent as
`gazette tag` would read the file: `.html` as text/html, `.txt` as text/plain, `.jsonl` as an NDJSON
stream, `.gz` with Content-Encoding: gzip, with `?id=` the file's id. The answer must match
expected.tsv: a tagged record (200) or a 4xx JSON error with the expected code; a stream answers
200 with one line per record, ids `request:LINE` where the file's were `FILE:LINE`. Then request
attacks that no file carries (bad JSON, lying lengths, deep JSON, wrong types and methods) must
get 4xx JSON errors. After every request /healthz must answer 200. Prints a summary; exit 1 on any
mismatch.
"""

import gzip
import http.client
import json
import os
import socket
import sys
import time
import urllib.parse

URL, ZOO = sys.argv[1], sys.argv[2]
parsed = urllib.parse.urlparse(URL)
HOST, PORT = parsed.hostname, parsed.port
assert HOST in ("127.0.0.1", "localhost", "::1"), "this script only talks to a server on this machine"

failures = []
checked = 0


def request(method, path, body=b"", headers=None, timeout=120):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read()
    finally:
        connection.close()


def healthy(after):
    try:
        status, _, body = request("GET", "/healthz", timeout=30)
        if status == 200 and json.loads(body).get("status") == "ok":
            return True
    except (OSError, ValueError) as error:
        failures.append(f"/healthz failed after {after}: {error}")
        return False
    failures.append(f"/healthz answered {status} after {after}")
    return False


def expect(label, ok, detail):
    global checked
    checked += 1
    if not ok:
        failures.append(f"{label}: {detail}")


def error_code(body):
    try:
        value = json.loads(body)
    except ValueError:
        return None
    error = value.get("error") if isinstance(value, dict) else None
    return error.get("code") if isinstance(error, dict) else None


expected = {}
for line in open(os.path.join(ZOO, "expected.tsv"), encoding="utf-8").read().splitlines()[1:]:
    file, rid, outcome, code, _ = line.split("\t", 4)
    expected.setdefault(file, []).append((rid, outcome, code))

started = time.time()
for name in sorted(expected):
    path = os.path.join(ZOO, name)
    if not os.path.exists(path):
        continue
    data = open(path, "rb").read()
    plain = name[:-3] if name.endswith(".gz") else name
    stem, extension = os.path.splitext(plain)
    headers = {}
    if name.endswith(".gz"):
        headers["Content-Encoding"] = "gzip"
    if extension == ".jsonl":
        if name.endswith(".gz"):
            # Streams are not gzip-encoded over HTTP: send the inflated lines.
            data = gzip.decompress(data)
            del headers["Content-Encoding"]
        headers["Content-Type"] = "application/x-ndjson"
        status, _, body = request("POST", "/v1/tag", data, headers)
        lines = [json.loads(l) for l in body.decode("utf-8").splitlines() if l.strip()]
        rows = expected[name]
        expect(name, status == 200, f"status {status}")
        expect(name, len(lines) == len(rows), f"{len(lines)} lines for {len(rows)} records")
        for record, (rid, outcome, code) in zip(lines, rows):
            want_id = rid.replace(f"{name}:", "request:")
            got_code = (record.get("error") or {}).get("code")
            expect(f"{name} {rid}", record.get("id") == want_id, f"id {record.get('id')} (expected {want_id})")
            expect(f"{name} {rid}", (got_code or "-") == (code if outcome == "error" else "-"), f"code {got_code} (expected {code})")
    elif extension in (".html", ".txt"):
        headers["Content-Type"] = "text/plain" if extension == ".txt" else "text/html"
        status, answer_headers, body = request("POST", "/v1/tag?id=" + urllib.parse.quote(stem), data, headers)
        [(rid, outcome, code)] = expected[name]
        is_json = answer_headers.get("content-type", "").startswith("application/json")
        expect(name, is_json, "answer is not JSON")
        if outcome == "tagged":
            expect(name, status == 200, f"status {status}, code {error_code(body)} (expected a tagged record)")
        else:
            expect(name, 400 <= status < 500, f"status {status} (expected 4xx)")
            expect(name, error_code(body) == code, f"code {error_code(body)} (expected {code})")
    else:
        # WARC files: the server takes no WARC; the answer must still be a 4xx JSON error.
        status, _, body = request("POST", "/v1/tag", data, {"Content-Type": "application/warc"})
        expect(name, status == 415 and error_code(body) == "unsupported_media_type", f"status {status}")
    healthy(name)
zoo_seconds = time.time() - started

# Attacks on the request itself.
attacks = [
    ("invalid JSON", "/v1/tag", b'{"id": "x", "text": "unterminated', {"Content-Type": "application/json"}, 400, "invalid_json"),
    ("JSON nested 100,000 deep", "/v1/tag", b"[" * 100_000 + b"]" * 100_000, {"Content-Type": "application/json"}, 400, "invalid_json"),
    ("object nested in text", "/v1/tag", b'{"text": {"a": [1, 2, {"b": null}]}}', {"Content-Type": "application/json"}, 400, "invalid_record"),
    ("numeric id", "/v1/tag", b'{"id": 7, "text": "Kyiv"}', {"Content-Type": "application/json"}, 400, "invalid_record"),
    ("neither html nor text", "/v1/tag", b'{"id": "n", "url": "https://news.example/n"}', {"Content-Type": "application/json"}, 400, "invalid_record"),
    ("NUL bytes as JSON", "/v1/tag", b"\x00" * 4096, {"Content-Type": "application/json"}, 400, "invalid_json"),
    ("bad include_text", "/v1/tag?include_text=%00", b'{"text": "Oslo"}', {"Content-Type": "application/json"}, 400, "invalid_request"),
    ("unknown media type", "/v1/tag", b"%PDF-1.7", {"Content-Type": "application/pdf"}, 415, "unsupported_media_type"),
    ("unknown encoding", "/v1/tag", b"xx", {"Content-Type": "text/html", "Content-Encoding": "br"}, 415, "unsupported_media_type"),
    ("damaged gzip", "/v1/tag", b"\x1f\x8b\x08\x00garbage", {"Content-Type": "text/html", "Content-Encoding": "gzip"}, 400, "truncated_input"),
    ("40 MB JSON body", "/v1/tag", b'{"text": "' + b"a" * (40 << 20) + b'"}', {"Content-Type": "application/json"}, 413, "limit_exceeded"),
    ("unknown path", "/v1/../../etc/passwd", b"", {}, 404, "not_found"),
]
for label, path, body, headers, status_wanted, code_wanted in attacks:
    status, _, answer = request("POST", path, body, headers)
    expect(label, status == status_wanted and error_code(answer) == code_wanted,
           f"status {status} code {error_code(answer)} (expected {status_wanted} {code_wanted})")
    healthy(label)

# A length that lies: announce 1 MB, send 10 bytes, then wait for the server's timeout answer.
with socket.create_connection((HOST, PORT), timeout=120) as raw:
    raw.sendall(b"POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n<p>Kyiv</p>")
    reply = b""
    while b"\r\n\r\n" not in reply:
        chunk = raw.recv(65536)
        if not chunk:
            break
        reply += chunk
    status_line = reply.split(b"\r\n", 1)[0].decode("latin-1", "replace")
    # 503 timeout, or the connection closed without an answer when the stalled read is torn down first.
    expect("lying Content-Length", reply == b"" or " 503 " in status_line + " ", f"answer {status_line!r} (expected 503 timeout or a close)")
healthy("lying Content-Length")

status, _, metrics = request("GET", "/metrics")
errors = sum(float(line.rsplit(" ", 1)[1]) for line in metrics.decode().splitlines() if line.startswith("gazette_errors_total"))
print(f"serve-hostile: {checked} checks on {len(expected)} files and {len(attacks) + 1} request attacks "
      f"({zoo_seconds:.1f} s for the files); the server counted {errors:.0f} error answers and records")
if failures:
    print("serve-hostile: FAILED")
    for failure in failures:
        print("  " + failure)
    sys.exit(1)
print("serve-hostile: every answer as expected, /healthz 200 after each request")
