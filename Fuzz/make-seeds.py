#!/usr/bin/env python3
"""Writes the small seed corpora of the JSONL, WARC and HTML fuzz targets into Fuzz/Corpus/.

    python3 Fuzz/make-seeds.py

Deterministic (no timestamps, fixed gzip mtime), so re-running leaves `git status` clean. The
gazetteer seeds are hand-written TSV files (Corpus/gazetteer-file) and their compiled form
(Corpus/gazetteer-compiled, written by the FuzzGazetteerCompiled binary; see Scripts/fuzz.sh).
The prose is written by us; names of real people and places are used as facts.
"""

import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "Corpus")


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


PAGE = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Talks in Brussels | Example News</title>"
        "<meta property=\"og:url\" content=\"https://news.example/brussels\"></head><body><nav><a href=\"/\">Home</a></nav>"
        "<article><h1>Talks in Brussels</h1><p>NATO ministers met in Brussels on Thursday.</p>"
        "<p>Ukrainian President Volodymyr Zelensky spoke by video link from Kyiv.</p></article>"
        "<footer>&copy; 2026 Example News</footer></body></html>")


def jsonl_seeds():
    lines = [
        json.dumps({"id": "a", "url": "https://news.example/a", "text": "Olaf Scholz met Emmanuel Macron in Paris."}),
        json.dumps({"id": 7, "html": "<p>Keir Starmer spoke in London.</p>"}),
        '{"id": "b", "text": "unterminated',
        '["not", "an", "object"]',
        json.dumps({"id": "c"}),
        json.dumps({"id": None, "text": "no id: FILE:LINE"}),
        json.dumps({"id": "d", "text": 12}) + "\r",
        "",
        " \t ",
        "null",
        json.dumps({"id": "e", "html": "<p>caf\u00e9 \U0001F600</p>", "extra": {"nested": [1, 2.5e-3, True, False, None]}}, ensure_ascii=True),
        '{"id": "f", "text": "escapes \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 \\udc00 \\ud800x"}',
        '{"id": "g", "text": "' + "x" * 200 + '"}',
        '{"id":"h","url":42,"text":"url is a number"}',
        '\ufeff{"id": "i", "text": "BOM"}',
        '{"id": "j", "text": "deep", "x": [[[[[[[[[[{"a": [[]]}]]]]]]]]]]}',
        '{"id": "k", "html": "<p>a</p>", "text": "html wins"}',
        '{"id": "l", "text": "trailing"} garbage',
        '{"id": "m", "text": -0.5e+10}',
        '{"id": "n", "text": "a", "id": "dup-member"}',
    ]
    put("jsonl-reader", "mixed.jsonl", "\n".join(lines))
    put("jsonl-reader", "one-record.jsonl", lines[0] + "\n")
    put("jsonl-reader", "long-line.jsonl", json.dumps({"id": "long", "text": "y" * 600}) + "\n" + lines[1] + "\n")
    put("jsonl-reader", "crlf.jsonl", "\r\n".join(lines[:3]) + "\r\n")


def warc_record(headers, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def http(status, headers, body):
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode() + body


def warc_seeds():
    info = warc_record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000001>")],
                       b"software: gazette seed\r\nformat: WARC File Format 1.0\r\n")
    request = warc_record([("WARC-Type", "request"), ("WARC-Target-URI", "https://news.example/brussels"),
                           ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000002>")],
                          b"GET /brussels HTTP/1.1\r\nHost: news.example\r\n\r\n")
    ok = warc_record([("WARC-Type", "response"), ("WARC-Target-URI", "https://news.example/brussels"),
                      ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000003>"),
                      ("Content-Type", "application/http; msgtype=response")],
                     http("200 OK", [("Content-Type", "text/html; charset=utf-8")], PAGE.encode()))
    body = PAGE.encode()
    chunks = b"".join(b"%x;ext=1\r\n" % len(body[i:i + 100]) + body[i:i + 100] + b"\r\n" for i in range(0, len(body), 100)) + b"0\r\n\r\n"
    chunked = warc_record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000004>")],
                          http("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], chunks))
    gz = warc_record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000005>"),
                      ("WARC-Identified-Payload-Type", "text/html")],
                     http("200 OK", [("Content-Encoding", "gzip")], gzip.compress(body, mtime=0)))
    not_found = warc_record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000006>")],
                            http("404 Not Found", [("Content-Type", "text/html")], b"<html><body>gone</body></html>"))
    image = warc_record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000007>")],
                        http("200 OK", [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n\x00\x00"))
    sniffed = warc_record([("warc-type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000008>")],
                          http("200 OK", [("Content-Encoding", "br")], b"\xef\xbb\xbf  <html><p>sniffed</p></html>"))
    metadata = warc_record([("WARC-Type", "metadata"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000009>")],
                           b"fetchTimeMs: 120\r\n")
    whole = info + request + ok + chunked + gz + not_found + image + sniffed + metadata
    put("warc-reader", "crawl.warc", whole)
    put("warc-reader", "truncated.warc", (info + ok)[:-200])
    put("warc-reader", "bad-length.warc", b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nHTTP/1.1 200 OK\r\n\r\n")
    put("warc-reader", "garbage-after.warc", ok + b"this is not a WARC header\r\n")
    put("warc-reader", "members.warc.gz", b"".join(gzip.compress(r, mtime=0) for r in (info, ok, gz)))
    # The gzip body inflates past the fuzz limit (4096 bytes): a small gzip bomb.
    bomb = warc_record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-00000000000a>")],
                       http("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                            gzip.compress(b"<html><body>" + b"\x00" * 100000, mtime=0)))
    put("warc-reader", "bomb.warc", bomb)


def html_seeds():
    put("html-cleaner", "article.html", PAGE)
    put("html-cleaner", "cp1252.html", ("<html><head><title>Caf\u00e9 \u20ac</title></head><body><p>M\u00fcller said \u201cyes\u201d \u2014 "
                                         "in Z\u00fcrich.</p></body></html>").encode("cp1252"))
    put("html-cleaner", "late-meta.html", ("<html><head>" + "<!-- padding -->" * 80 +
                                           "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                                           "<title>x</title></head><body><p>Z\u00fcrich</p></body></html>").encode("latin-1"))
    put("html-cleaner", "utf16.html", b"\xff\xfe" + "<html><body><p>Kyiv \u041a\u0438\u0457\u0432</p></body></html>".encode("utf-16-le"))
    put("html-cleaner", "entities.html", '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">'
                                         '<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>&b; &x; &amp; &eacute; &#8364; &#x1F600; &bogus;</p></body></html>')
    put("html-cleaner", "metadata.html", '<html lang="de"><head><meta name="author" content="Anna Schmidt">'
                                          '<meta property="article:published_time" content="2026-03-01T10:00:00Z">'
                                          '<link rel="canonical" href="https://news.example/x">'
                                          '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Berlin","datePublished":"2026-03-01",'
                                          '"author":[{"@type":"Person","name":"Anna Schmidt"}]}</script></head>'
                                          '<body><div class="story"><p>Berlin hat gew\u00e4hlt.</p><p>Die Wahl in Hamburg folgt.</p></div>'
                                          '<aside class="related"><a href="/1">More</a></aside></body></html>')
    put("html-cleaner", "broken.html", '<html><body><div><p>Open <b>bold <i>italic</p></div></span><table><tr><td>cell'
                                        '<script>if (a < b) document.write("</p>")</script><style>p{}</style><p>after\x00nul</p')
    put("html-cleaner", "nested.html", "<div>" * 300 + "<p>deep text</p>" + "</div>" * 300)


if __name__ == "__main__":
    jsonl_seeds()
    warc_seeds()
    html_seeds()
