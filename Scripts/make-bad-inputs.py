#!/usr/bin/env python3
"""Writes the bad-input fixtures for Gazette's end-to-end tests.

    Scripts/make-bad-inputs.py                 # (re)writes Tests/Fixtures/bad-inputs/ (small, committed)
    Scripts/make-bad-inputs.py --out DIR       # the small set into DIR instead
    Scripts/make-bad-inputs.py --hostile DIR   # the big hostile set of issue 9 into DIR (never commit it)

Every output is deterministic (fixed seeds, no timestamps), so re-running the script leaves
`git status` clean. Each directory also gets `expected.tsv`: one line per expected output record,
`file<TAB>id<TAB>outcome<TAB>code<TAB>note`, in the order the records must appear for that file
(outcome is `tagged` or `error`, code is the error code or `-`). Ids follow the CLI contract: a
file's id is its path without the extension; a JSONL record's id is its `id` field, or
`FILE:LINE` (file name relative to the directory given, 1-based physical line) when the line has
no usable id (for `x.html.gz` the id drops both extensions: `x`). Blank lines in JSONL are skipped and not counted as records (but do count for LINE).
The prose is written by us; names of real people, places and organisations are used as facts.
"""

import argparse
import gzip
import json
import os
import random
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "Fixtures", "bad-inputs")

# --------------------------------------------------------------------------------------------
# Shared prose (short, invented).

STORY_EN = [
    "NATO defence ministers met in Brussels on Thursday to discuss new air-defence deliveries for Ukraine.",
    "Ukrainian President Volodymyr Zelensky said Russian drones had struck power stations near Kyiv and Kharkiv overnight.",
    "In Moscow, Kremlin spokesman Dmitry Peskov said President Vladimir Putin saw no basis for talks while the deliveries continued.",
    "German Chancellor Friedrich Merz and French President Emmanuel Macron are due to meet in Berlin next week.",
]


def html_page(title, paragraphs, head_extra="", lang="en", charset_meta=""):
    ps = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n{charset_meta}<title>{title}</title>\n{head_extra}</head>\n"
            f"<body>\n<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
            f"<article>\n<h1>{title}</h1>\n{ps}\n</article>\n<footer>&copy; 2026 Example News</footer>\n</body>\n</html>\n")


class Writer:
    def __init__(self, out):
        self.out = out
        self.expected = []  # (file, id, outcome, code, note)
        os.makedirs(out, exist_ok=True)

    def write(self, name, data, expect):
        """expect: list of (id, outcome, code, note)."""
        path = os.path.join(self.out, name)
        with open(path, "wb") as f:
            f.write(data)
        for rid, outcome, code, note in expect:
            self.expected.append((name, rid, outcome, code or "-", note))
        return path

    def expect_only(self, name, expect):
        for rid, outcome, code, note in expect:
            self.expected.append((name, rid, outcome, code or "-", note))

    def finish(self):
        seen = set()
        for name, rid, outcome, code, note in self.expected:
            if rid in seen and code != "duplicate_id":
                raise SystemExit(f"{name}: id {rid!r} is used twice; ids must be unique across the directory")
            seen.add(rid)
        lines = ["file\tid\toutcome\tcode\tnote"]
        for row in self.expected:
            lines.append("\t".join(row))
        with open(os.path.join(self.out, "expected.tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return len(self.expected)


def stem(name):
    base = name
    for ext in (".html.gz", ".htm.gz", ".txt.gz", ".jsonl.gz", ".html", ".htm", ".txt", ".jsonl"):
        if base.endswith(ext):
            return base[: -len(ext)]
    return os.path.splitext(base)[0]


def one(name, outcome, code=None, note=""):
    return [(stem(name), outcome, code, note)]


# --------------------------------------------------------------------------------------------
# The small set (committed, each file < 100 KB).

def small_set(w):
    # empty.html: zero bytes.
    w.write("empty.html", b"", one("empty.html", "error", "empty_input", "0 bytes"))

    # binary.html: a PNG header followed by random bytes with many NULs (fixed seed).
    rng = random.Random(20260301)
    blob = bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    for _ in range(4096):
        blob.append(0 if rng.random() < 0.2 else rng.randrange(256))
    w.write("binary.html", bytes(blob), one("binary.html", "error", "binary_input", "PNG-like random bytes, ~20% NUL"))

    # truncated.html: UTF-8, no declaration, cut inside a tag and inside a 2-byte sequence (ü = C3 BC).
    page = html_page("Flooding in Zürich closes the main station", [
        "Heavy rain flooded parts of Zürich on Monday, closing the main railway station for four hours.",
        "Swiss Federal Railways said trains to Bern, Basel and Geneva were diverted while pumps cleared the tunnels.",
        "President Karin Keller-Sutter visited the station in the afternoon and thanked the emergency services.",
        "The Federal Office for the Environment said the Limmat had reached its highest level since 2005.",
    ])
    cut = page.index("</article>")
    data = page[:cut].encode("utf-8") + '<p>Residents of Wollishofen were told <a href="/zurich" title="Z\u00fc'.encode("utf-8")
    assert data.endswith(b"\xc3\xbc")
    data = data[:-1]  # cut between C3 and BC: the file ends mid-sequence, mid-attribute, mid-tag
    w.write("truncated.html", data, one("truncated.html", "tagged", None,
            "UTF-8 without declaration, ends mid-tag and mid-sequence; decode as UTF-8 (Z\u00fcrich, not Z\u00c3\u00bcrich); entities Z\u00fcrich, Bern, Basel, Geneva, Karin Keller-Sutter"))

    # cp1252.html: windows-1252 bytes, no declaration anywhere.
    page = html_page("Euro-zone ministers back \u20ac20bn fund \u2014 M\u00fcller sceptical", [
        "Finance ministers of the euro zone agreed in Luxembourg on Monday to set up a \u20ac20 billion fund for defence projects.",
        "\u201cThis is a first step, not the last one,\u201d said Spain\u2019s economy minister, Carlos Cuerpo.",
        "Germany\u2019s finance minister, Lars Klingbeil, said Berlin would contribute \u20ac4.5 billion \u2014 more than any other country.",
        "Klaus M\u00fcller, an economist at the Ifo Institute in Munich, said the fund was too small to matter. The European Commission will present a legal text in June.",
    ])
    data = page.encode("cp1252")
    for b in (b"\x80", b"\x93", b"\x94", b"\x97", b"\x92", b"\xfc"):
        assert b in data
    w.write("cp1252.html", data, one("cp1252.html", "tagged", None,
            "windows-1252 without any declaration; text has \u20ac \u201c \u201d \u2014 M\u00fcller with no mojibake; entities Luxembourg, Lars Klingbeil, Munich, European Commission"))

    # lying-charset.html: declares ISO-8859-1, but the bytes are valid UTF-8 with non-ASCII.
    page = html_page("Jos\u00e9 Manuel Albares meets Ant\u00f3nio Guterres in New York", [
        "Spain\u2019s foreign minister, Jos\u00e9 Manuel Albares, met United Nations Secretary-General Ant\u00f3nio Guterres in New York on Wednesday.",
        "They discussed aid to Gaza and the situation in Sudan, where fighting around El Fasher has displaced hundreds of thousands \u2014 \u201ca catastrophe,\u201d Albares said.",
        "Albares later flew to Washington for talks at the State Department. The trip costs about \u20ac40,000, Madrid said.",
    ], charset_meta='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n')
    w.write("lying-charset.html", page.encode("utf-8"), one("lying-charset.html", "tagged", None,
            "meta says iso-8859-1, bytes are valid UTF-8: decode as UTF-8 (Jos\u00e9, Ant\u00f3nio, \u2014, \u20ac; no \u00c3\u00a9); entities Jos\u00e9 Manuel Albares, Ant\u00f3nio Guterres, United Nations, New York, Madrid"))

    # utf16.html: UTF-16LE with BOM (and a meta that says utf-16, as Windows tools write it).
    page = html_page("Zelensky visits Odesa after drone attack", [
        "Volodymyr Zelensky visited Odesa on Saturday after a drone attack damaged the port and a residential block.",
        "The Ukrainian president met Mayor Hennadiy Trukhanov and said Kyiv had asked NATO allies for more air defence.",
        "\u041e\u0434\u0435\u0441\u0430 (Odesa) is Ukraine\u2019s largest port on the Black Sea.",
    ], charset_meta='<meta charset="utf-16">\n')
    w.write("utf16.html", b"\xff\xfe" + page.encode("utf-16-le"), one("utf16.html", "tagged", None,
            "UTF-16LE with BOM (half the bytes are NUL: must not be called binary); entities Volodymyr Zelensky, Odesa, Kyiv, NATO"))

    # nul-bytes.html: a UTF-8 page with a few NUL bytes in the head, between tags and inside a word.
    paras = list(STORY_EN)
    paras[0] = paras[0].replace("ministers", "minis\x00ters")
    page = html_page("NATO ministers meet in Brussels", paras, charset_meta='<meta charset="utf-8">\n')
    page = page.replace("<title>", "\x00<title>").replace("</p>\n<p>", "</p>\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\n<p>", 1)
    w.write("nul-bytes.html", page.encode("utf-8"), one("nul-bytes.html", "tagged", None,
            "18 NUL bytes in 1 KB: not binary; NULs dropped (text has 'ministers'); paragraphs after the NULs kept: entities NATO, Brussels, Volodymyr Zelensky, Kyiv, Kharkiv, Moscow, Kremlin, Vladimir Putin, Friedrich Merz, Emmanuel Macron, Berlin"))

    # control-chars.txt: plain text with C0/C1 controls, ANSI escapes, bidi and zero-width characters.
    text = ("Macron and Scholz meet in Paris\r\n\r\n"
            "\x1b[1mPARIS\x1b[0m \u2014 Emmanuel Macron received Olaf Scholz at the \u00c9lys\u00e9e Palace on Friday.\x07\r\n"
            "The two leaders discussed\x0b the European Union budget\x0c and aid to Ukraine.\x01\x02\x03\n"
            "A statement in Arabic was quoted: \u202b\u0628\u064a\u0627\u0646\u202c, and an override \u202eNATO\u202c appeared in the feed.\n"
            "Zero\u200bwidth\u200c and\u200d joiners, a BOM\ufeff mid-text, a DEL\x7f, a C1 NEL\u0085 and isolates \u2066Berlin\u2069.\n"
            "Tabs\tand a backspace\x08 end the note; the next meeting is in Berlin.\n")
    w.write("control-chars.txt", text.encode("utf-8"), one("control-chars.txt", "tagged", None,
            "text is the input unchanged (controls JSON-escaped as \\u00XX, offsets still in scalars); entities Emmanuel Macron, Olaf Scholz, Paris, European Union, Ukraine, Berlin"))

    # invalid-utf8.txt: mostly UTF-8, with stray bytes, an overlong, an encoded surrogate and a cut sequence.
    data = ("Angela Merkel visited Warsaw on Tuesday. ".encode() + b"Stray \xff\xfe bytes, an overlong slash \xc0\xaf, "
            + b"a surrogate \xed\xa0\x80, a lone continuation \x80 and a cut \xe2\x82 sequence. "
            + "Donald Tusk welcomed her; the caf\u00e9 near the Vistula was closed.\n".encode())
    w.write("invalid-utf8.txt", data, one("invalid-utf8.txt", "tagged", None,
            "invalid UTF-8 (U+FFFD replacement or windows-1252 fallback, either is fine); output JSON is valid UTF-8; entities Angela Merkel, Warsaw, Donald Tusk"))

    # deep-nesting.html: 5,000 nested <div>s, an article paragraph above them and one at the bottom.
    depth = 5000
    top = html_page("Deeply nested page", [
        "Kenyan President William Ruto met Nigerian President Bola Tinubu in Nairobi to discuss trade within the African Union.",
    ], charset_meta='<meta charset="utf-8">\n')
    deep = "<div>" * depth + "<p>The innermost paragraph mentions Lagos and Addis Ababa.</p>" + "</div>" * depth
    page = top.replace("</article>", "</article>\n" + deep + "\n")
    data = page.encode("utf-8")
    assert len(data) < 100_000
    w.write("deep-nesting.html", data, one("deep-nesting.html", "tagged", None,
            "5,000 nested divs; no crash or stack overflow; entities William Ruto, Bola Tinubu, Nairobi, African Union; the innermost paragraph (Lagos, Addis Ababa) lies below the default max depth (2,000) and is dropped unless the depth limit is raised"))

    # script-only.html: only <script> and <style> (names inside strings must not be tagged).
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n"
            "<style>body{margin:0} .hero::after{content:\"Vladimir Putin in Moscow\"}</style>\n"
            "<script>var headline = \"Putin meets Xi Jinping in Beijing\"; document.title = headline;</script>\n"
            "<script type=\"application/json\" id=\"__DATA__\">{\"people\":[\"Joe Biden\",\"Kamala Harris\"],\"city\":\"Washington\"}</script>\n"
            "</head><body>\n<script>document.write('<p>Angela Merkel visits Paris</p>');</script>\n"
            "<style>p{color:red}</style>\n</body></html>\n")
    w.write("script-only.html", page.encode("utf-8"), one("script-only.html", "tagged", None,
            "nothing but script/style: tagged with empty text, entities [] and topics []; no name from inside the scripts"))

    # notes.txt: a normal short text (the control case).
    text = ("Notes from the briefing\n\n"
            "Vladimir Putin told reporters in Moscow that Russia was ready for talks on Ukraine, but the Kremlin "
            "rejected any role for NATO troops. In Kyiv, Volodymyr Zelensky said Ukraine would not give up territory. "
            "The United Nations Security Council will meet in New York on Friday.\n")
    w.write("notes.txt", text.encode("utf-8"), one("notes.txt", "tagged", None,
            "plain text; entities Vladimir Putin, Moscow, Russia, Kremlin, NATO, Kyiv, Volodymyr Zelensky, Ukraine, United Nations Security Council, New York"))

    # broken.jsonl: one record per non-blank line, good and bad mixed.
    lines = [
        (json.dumps({"id": "a", "text": "Olaf Scholz met Emmanuel Macron in Paris to discuss support for Ukraine."}),
         ("a", "tagged", None, "line 1: valid text record; entities Olaf Scholz, Emmanuel Macron, Paris, Ukraine")),
        ('{"id": "b", "text": "Keir Starmer arrived in Washington',
         ("broken.jsonl:2", "error", "invalid_json", "line 2: unterminated string")),
        ('["id", "not-an-object"]',
         ("broken.jsonl:3", "error", "invalid_record", "line 3: valid JSON but an array, not an object")),
        (json.dumps({"id": "c", "url": "https://news.example/c"}),
         ("c", "error", "invalid_record", "line 4: object with neither html nor text")),
        (json.dumps({"id": 42, "text": "Narendra Modi spoke in New Delhi."}),
         ("broken.jsonl:5", "error", "invalid_record", "line 5: id is a number, not a string")),
        (json.dumps({"id": "a", "html": "<p>Giorgia Meloni met Pope Leo XIV at the Vatican.</p>"}),
         ("a", "error", "duplicate_id", "line 6: id 'a' already used by line 1")),
        ("", None),  # line 7: blank, skipped, not a record
        (" \t ", None),  # line 8: whitespace only, skipped, not a record
        (json.dumps({"id": "d", "text": 12345}) + "\r",
         ("d", "error", "invalid_record", "line 9: text is a number; line ends with CRLF")),
        ("null",
         ("broken.jsonl:10", "error", "invalid_record", "line 10: JSON null, not an object")),
        (json.dumps({"id": "e", "url": "https://news.example/e",
                     "html": "<html><head><title>NATO summit</title></head><body><article><h1>NATO summit opens in The Hague</h1>"
                             "<p>Mark Rutte opened the NATO summit in The Hague, where Donald Trump and Recep Tayyip Erdo\u011fan were among the leaders.</p>"
                             "</article></body></html>"}, ensure_ascii=False),
         ("e", "tagged", None, "line 11: valid html record, UTF-8 not escaped, no trailing newline; entities NATO, The Hague, Mark Rutte, Donald Trump, Recep Tayyip Erdo\u011fan")),
    ]
    body = "\n".join(l for l, _ in lines)  # no newline after the last line
    w.write("broken.jsonl", body.encode("utf-8"), [])
    for _, exp in lines:
        if exp:
            rid, outcome, code, note = exp
            w.expect_only("broken.jsonl", [(rid, outcome, code, note)])


# --------------------------------------------------------------------------------------------
# The hostile set (issue 9): big files, written into a directory given on the command line.

def filler_paragraphs(n, seed=9):
    rng = random.Random(seed)
    words = ("the minister said talks would continue next week while officials in the capital prepared "
             "a new budget and analysts warned that growth could slow further this year").split()
    out = []
    for _ in range(n):
        out.append(" ".join(rng.choice(words) for _ in range(60)).capitalize() + ".")
    return out


def write_stream(path, chunks):
    with open(path, "wb") as f:
        for c in chunks:
            f.write(c)


def hostile_set(w):
    out = w.out
    small_set(w)  # the small set belongs in the hostile directory too

    # 20,000-deep nesting (text at the top and at the bottom).
    depth = 20000
    top = html_page("Twenty thousand levels", [
        "Indian Prime Minister Narendra Modi met Japanese Prime Minister Shigeru Ishiba in Tokyo on Monday.",
    ], charset_meta='<meta charset="utf-8">\n')
    deep = "<div>" * depth + "<p>The innermost paragraph mentions Osaka.</p>" + "</div>" * depth
    w.write("deep-20000.html", top.replace("</article>", "</article>\n" + deep).encode(), one("deep-20000.html", "tagged", None,
            "20,000 nested divs: no crash; entities Narendra Modi, Shigeru Ishiba, Tokyo; the innermost paragraph is dropped at max depth 2,000"))

    # 24 MB page: above the 16 MiB default record limit.
    head = html_page("A very long page", ["Emmanuel Macron spoke in Marseille."], charset_meta='<meta charset="utf-8">\n')
    head = head[: head.index("</article>")]
    para = ("<p>" + filler_paragraphs(1)[0] + "</p>\n").encode()
    target = 24 * 1024 * 1024
    n = target // len(para) + 1

    def huge():
        yield head.encode()
        for _ in range(n):
            yield para
        yield b"</article></body></html>\n"
    write_stream(os.path.join(out, "huge-24mb.html"), huge())
    w.expect_only("huge-24mb.html", one("huge-24mb.html", "error", "limit_exceeded", "24 MB > 16 MiB default --max-record-bytes"))

    # 50,000 attributes on one element.
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(50000))
    page = html_page("Many attributes", [
        "Brazilian President Luiz In\u00e1cio Lula da Silva met Argentine President Javier Milei in Buenos Aires.",
    ], charset_meta='<meta charset="utf-8">\n').replace("<article>", f"<article {attrs}>")
    w.write("attrs-50000.html", page.encode(), one("attrs-50000.html", "tagged", None,
            "50,000 attributes on <article>; entities Lula, Javier Milei, Buenos Aires"))

    # 5 MB single token, in HTML and in plain text.
    token = "x" * (5 * 1024 * 1024)
    page = html_page("One enormous token", [
        "Pedro S\u00e1nchez said in Madrid that the vote would go ahead.",
        token,
        "Later, Sánchez travelled to Barcelona.",
    ], charset_meta='<meta charset="utf-8">\n')
    w.write("token-5mb-page.html", page.encode(), one("token-5mb-page.html", "tagged", None,
            "one 5 MiB token in a paragraph; entities Pedro S\u00e1nchez, Madrid, Barcelona"))
    text = "Pedro S\u00e1nchez said in Madrid that the vote would go ahead. " + token + " Later, S\u00e1nchez travelled to Barcelona.\n"
    w.write("token-5mb-text.txt", text.encode(), one("token-5mb-text.txt", "tagged", None,
            "one 5 MiB token in plain text; entities Pedro S\u00e1nchez, Madrid, Barcelona"))

    # Billion laughs: entity declarations must not be expanded.
    decl = ['<!ENTITY lol "lol">']
    prev = "lol"
    for i in range(1, 10):
        name = f"lol{i}"
        decl.append(f'<!ENTITY {name} "' + f"&{prev};" * 10 + '">')
        prev = name
    page = ("<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n" + "\n".join(decl) + "\n]>\n"
            "<html><head><title>Billion laughs</title></head><body><article><h1>Billion laughs</h1>"
            "<p>&lol9;</p><p>Ursula von der Leyen spoke in Strasbourg.</p></article></body></html>\n")
    w.write("billion-laughs.html", page.encode(), one("billion-laughs.html", "tagged", None,
            "entities never expanded: text stays under 10 KB (no 'lollol'), memory flat; entities Ursula von der Leyen, Strasbourg"))

    # XXE: external entities, an external DTD on the network, XInclude; nothing may be read or fetched.
    page = ("<?xml version=\"1.0\"?>\n"
            "<!DOCTYPE html SYSTEM \"http://127.0.0.1:9/evil.dtd\" [\n"
            "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
            "<!ENTITY net SYSTEM \"http://127.0.0.1:9/steal\">\n"
            "<!ENTITY % pe SYSTEM \"file:///etc/hostname\"> %pe;\n"
            "]>\n"
            "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><head><title>XXE</title></head><body><article>"
            "<h1>XXE</h1><p>Before: &xxe; &net;</p>"
            "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/>"
            "<p>King Charles III visited Cardiff on Monday.</p></article></body></html>\n")
    w.write("xxe.html", page.encode(), one("xxe.html", "tagged", None,
            "no file read, no connection: text has no 'root:' and nothing from /etc; entities Charles III, Cardiff"))

    # Gzip bomb: 1 GiB of NULs behind an HTML prefix, compressed while streaming (~1 MB on disk).
    path = os.path.join(out, "gzip-bomb.html.gz")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(b"<html><body><p>")
            chunk = b"\x00" * (1 << 20)
            for _ in range(1024):
                gz.write(chunk)
    w.expect_only("gzip-bomb.html.gz", one("gzip-bomb.html.gz", "error", "limit_exceeded",
                  "1 GiB when decompressed: stop at 16 MiB, peak memory stays small"))

    # A .gz that is not gzip at all, one that is cut short, and a good one (the control).
    w.write("not-gzip.html.gz", html_page("Not gzip", ["Plain HTML with a .gz name."]).encode(),
            one("not-gzip.html.gz", "error", "truncated_input", "no gzip magic: damaged gzip input"))
    good = gzip.compress(html_page("Gzipped page", [
        "Nigerian President Bola Tinubu visited Abuja's new airport terminal on Tuesday.",
    ], charset_meta='<meta charset="utf-8">\n').encode(), mtime=0)
    w.write("cut-short.html.gz", good[: len(good) // 2], one("cut-short.html.gz", "error", "truncated_input",
            "gzip stream cut in half"))
    w.write("ok.html.gz", good, one("ok.html.gz", "tagged", None, "valid gzip; entities Bola Tinubu, Abuja"))

    # Legacy encodings libxml2 converts through iconv, each declared in a meta.
    def legacy(name, enc, label, lang, title, paras, note):
        page = html_page(title, paras, lang=lang, charset_meta=f'<meta http-equiv="Content-Type" content="text/html; charset={label}">\n')
        w.write(name, page.encode(enc), one(name, "tagged", None, note))

    legacy("shift-jis.html", "shift_jis", "Shift_JIS", "ja", "\u77f3\u7834\u9996\u76f8\u3001\u5927\u962a\u3092\u8a2a\u554f", [
        "\u77f3\u7834\u8302\u9996\u76f8\u306f\uff11\u65e5\u3001\u5927\u962a\u5e02\u3092\u8a2a\u554f\u3057\u3001\u4e07\u535a\u4f1a\u5834\u3092\u8996\u5bdf\u3057\u305f\u3002",
        "\u6771\u4eac\u3067\u306f\u65e5\u672c\u9280\u884c\u304c\u91d1\u878d\u653f\u7b56\u6c7a\u5b9a\u4f1a\u5408\u3092\u958b\u3044\u305f\u3002",
    ], "Shift_JIS declared in meta: Japanese text decoded (\u77f3\u7834\u8302, \u5927\u962a, \u6771\u4eac, \u65e5\u672c\u9280\u884c)")
    legacy("koi8-r.html", "koi8_r", "koi8-r", "ru", "\u041f\u0443\u0442\u0438\u043d \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u041b\u0430\u0432\u0440\u043e\u0432\u044b\u043c", [
        "\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u0421\u0435\u0440\u0433\u0435\u0435\u043c \u041b\u0430\u0432\u0440\u043e\u0432\u044b\u043c \u0432 \u041a\u0440\u0435\u043c\u043b\u0435 \u0432 \u041c\u043e\u0441\u043a\u0432\u0435.",
    ], "KOI8-R declared: Russian text decoded (\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d, \u041c\u043e\u0441\u043a\u0432\u0430)")
    legacy("euc-kr.html", "euc_kr", "EUC-KR", "ko", "\uc774\uc7ac\uba85 \ub300\ud1b5\ub839, \ubd80\uc0b0 \ubc29\ubb38", [
        "\uc774\uc7ac\uba85 \ub300\ud1b5\ub839\uc740 \uc6d4\uc694\uc77c \ubd80\uc0b0\uc744 \ubc29\ubb38\ud588\ub2e4. \uc11c\uc6b8\uc5d0\uc11c\ub294 \uad6d\ud68c\uac00 \uc608\uc0b0\uc548\uc744 \ub17c\uc758\ud588\ub2e4.",
    ], "EUC-KR declared: Korean text decoded (\uc774\uc7ac\uba85, \ubd80\uc0b0, \uc11c\uc6b8)")
    legacy("gbk.html", "gbk", "GBK", "zh", "\u4e60\u8fd1\u5e73\u5728\u5317\u4eac\u4f1a\u89c1\u9a6c\u514b\u9f99", [
        "\u4e60\u8fd1\u5e73\u5728\u5317\u4eac\u4f1a\u89c1\u6cd5\u56fd\u603b\u7edf\u9a6c\u514b\u9f99\uff0c\u53cc\u65b9\u8ba8\u8bba\u4e86\u8d38\u6613\u95ee\u9898\u3002",
    ], "GBK declared: Chinese text decoded (\u4e60\u8fd1\u5e73, \u5317\u4eac, \u9a6c\u514b\u9f99)")

    # UTF-16 big-endian with BOM (little-endian is in the small set) and invalid UTF-8 in HTML.
    page = html_page("Sheinbaum meets Carney", [
        "Mexican President Claudia Sheinbaum met Canadian Prime Minister Mark Carney in Mexico City.",
    ])
    w.write("utf16be.html", b"\xfe\xff" + page.encode("utf-16-be"), one("utf16be.html", "tagged", None,
            "UTF-16BE with BOM; entities Claudia Sheinbaum, Mark Carney, Mexico City"))
    data = html_page("Invalid UTF-8", ["Cyril Ramaphosa spoke in Johannesburg. PLACEHOLDER"],
                     charset_meta='<meta charset="utf-8">\n').encode()
    data = data.replace(b"PLACEHOLDER", b"Bad \xff\xfe \xc0\xaf \xed\xa0\x80 \x80 \xe2\x82 bytes.")
    w.write("invalid-utf8-page.html", data, one("invalid-utf8-page.html", "tagged", None,
            "declared UTF-8 with invalid sequences: U+FFFD for bad bytes; entities Cyril Ramaphosa, Johannesburg"))

    # JSONL with over-long lines and an over-size record between good ones.
    path = os.path.join(out, "long-lines.jsonl")
    good1 = json.dumps({"id": "before", "text": "Volodymyr Zelensky spoke in Kyiv."})
    big_html = "<p>" + "a" * (17 * 1024 * 1024) + "</p>"
    good2 = json.dumps({"id": "after", "text": "Vladimir Putin spoke in Moscow."})

    def lines():
        yield (good1 + "\n").encode()
        yield b'{"id": "overlong", "text": "'
        block = b"b" * (1 << 20)
        for _ in range(33):
            yield block
        yield b'"}\n'
        yield (json.dumps({"id": "big-html", "html": big_html}) + "\n").encode()
        yield (good2 + "\n").encode()
    write_stream(path, lines())
    w.expect_only("long-lines.jsonl", [
        ("before", "tagged", None, "line 1"),
        ("long-lines.jsonl:2", "error", "limit_exceeded", "line 2 is 33 MiB > 32 MiB --max-line-bytes (id not parsed)"),
        ("big-html", "error", "limit_exceeded", "line 3: html of 17 MiB > 16 MiB --max-record-bytes"),
        ("after", "tagged", None, "line 4: the reader resynchronises after the long line"),
    ])

    # Bidi-heavy plain text (control characters are in the small set).
    text = ("\u202eevil.exe\u202c \u2067\u05e9\u05dc\u05d5\u05dd\u2069 Benjamin Netanyahu met Isaac Herzog in Jerusalem. "
            "\u200f\u200e\u061c " * 200 + "\n")
    w.write("bidi.txt", text.encode(), one("bidi.txt", "tagged", None,
            "bidi controls kept in text unchanged; entities Benjamin Netanyahu, Isaac Herzog, Jerusalem"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT, help="directory for the small set (default: Tests/Fixtures/bad-inputs)")
    ap.add_argument("--hostile", metavar="DIR", help="write the big hostile set of issue 9 into DIR instead")
    args = ap.parse_args()
    if args.hostile:
        w = Writer(args.hostile)
        hostile_set(w)
    else:
        w = Writer(args.out)
        small_set(w)
    n = w.finish()
    print(f"{w.out}: {n} expected records", file=sys.stderr)


if __name__ == "__main__":
    main()
