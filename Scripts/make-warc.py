#!/usr/bin/env python3
"""Write a WARC 1.1 file of real article pages, as a crawler would, for testing `gazette tag`.

Usage: make-warc.py [--pages DIR] [--count N] [--gzip] OUTPUT

Reads the HTML pages of DIR (default ../shared/data/aeb-dev/html next to the repository) and
writes, for each page, a `request` record and a `response` record holding an HTTP/1.1 response
(some with chunked transfer encoding, some with Content-Encoding gzip), plus a `warcinfo` record
first and a non-HTML (image) response and a `metadata` record every 10 pages, so readers have
records to skip. With --count N, pages are reused (with distinct URIs) until N responses exist.
With --gzip (or an OUTPUT ending in .gz), each record is its own gzip member, as Common Crawl
writes them. Exits 3 with a message when DIR is absent.
"""
import argparse
import gzip
import os
import re
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PAGES = os.path.join(HERE, "..", "..", "shared", "data", "aeb-dev", "html")


def record(warc_type, headers, block):
    lines = [b"WARC/1.1", b"WARC-Type: " + warc_type.encode()]
    lines.append(b"WARC-Record-ID: <urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, repr(headers) + warc_type)).encode() + b">")
    lines.append(b"WARC-Date: 2026-11-29T08:00:00Z")
    for name, value in headers:
        lines.append(name.encode() + b": " + value.encode())
    lines.append(b"Content-Length: " + str(len(block)).encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + block + b"\r\n\r\n"


def chunked(body, size=1000):
    out = b""
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def page_url(html, name, copy):
    match = re.search(rb'<link[^>]+rel=["\']canonical["\'][^>]*href=["\']([^"\']+)', html, re.I) or \
        re.search(rb'<meta[^>]+property=["\']og:url["\'][^>]*content=["\']([^"\']+)', html, re.I)
    url = match.group(1).decode("utf-8", "replace") if match else f"https://news.example/aeb/{name}"
    if not url.startswith("http"):
        url = f"https://news.example/aeb/{name}"
    return url if copy == 0 else f"{url}#copy{copy}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--pages", default=DEFAULT_PAGES)
    parser.add_argument("--count", type=int, default=0, help="number of HTML responses (default: one per page)")
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args()
    if not os.path.isdir(args.pages):
        print(f"make-warc: {args.pages} is absent; nothing written", file=sys.stderr)
        return 3
    names = sorted(n for n in os.listdir(args.pages) if n.endswith((".html", ".htm")))
    if not names:
        print(f"make-warc: no .html pages in {args.pages}", file=sys.stderr)
        return 3
    count = args.count or len(names)
    compress = args.gzip or args.output.endswith(".gz")
    with open(args.output, "wb") as out:
        def emit(data):
            out.write(gzip.compress(data, mtime=0) if compress else data)

        info = b"software: gazette make-warc.py\r\nformat: WARC File Format 1.1\r\n"
        emit(record("warcinfo", [("Content-Type", "application/warc-fields")], info))
        for i in range(count):
            name = names[i % len(names)]
            with open(os.path.join(args.pages, name), "rb") as f:
                body = f.read()
            url = page_url(body, os.path.splitext(name)[0], i // len(names))
            host = re.sub(r"^https?://([^/]+).*$", r"\1", url)
            request = f"GET / HTTP/1.1\r\nHost: {host}\r\nUser-Agent: make-warc\r\n\r\n".encode()
            emit(record("request", [("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=request")], request))
            headers = [b"HTTP/1.1 200 OK", b"Content-Type: text/html; charset=utf-8"]
            payload = body
            if i % 3 == 1:
                headers.append(b"Transfer-Encoding: chunked")
                payload = chunked(body)
            elif i % 3 == 2:
                headers.append(b"Content-Encoding: gzip")
                payload = gzip.compress(body, mtime=0)
            if i % 3 != 1:
                headers.append(b"Content-Length: " + str(len(payload)).encode())
            http = b"\r\n".join(headers) + b"\r\n\r\n" + payload
            emit(record("response", [("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=response")], http))
            if i % 10 == 9:
                image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 8\r\n\r\n\x89PNG\r\n\x1a\n"
                emit(record("response", [("WARC-Target-URI", url + "/logo.png"), ("Content-Type", "application/http; msgtype=response")], image))
                emit(record("metadata", [("WARC-Target-URI", url), ("Content-Type", "application/warc-fields")], b"fetchTimeMs: 120\r\n"))
    print(f"make-warc: wrote {count} HTML responses to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
