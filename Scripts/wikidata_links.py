"""Wikidata QIDs, coordinates and popularity for Gazette's gazetteers, from public sources only.

Used by Scripts/build_gazetteers.py. Reads the files in
../shared/data/gazetteer-sources/wikidata-linked/ (each gives QIDs for the entities it lists):

  every-politician-people.tsv.gz         politicians (every-politician-scrapers, CC0)
  name-suggestion-index-orgs.tsv.gz      brands, operators, flag subjects (NSI, BSD-3)
  fb15k237-entity2wikidata.json.gz       popular entities with descriptions (FB15k-237, MIT)
  partyfacts-wikidata.csv                political parties (Party Facts, MIT)
  us-newspapers.tsv                      US newspapers (CC0)
  naturalearth-populated-places.json.gz  cities with GeoNames ids and coordinates (public domain)
  naturalearth-admin1-label-points.json.gz  first-level regions: label points (public domain)
  dr5hn-states.csv                       regions with ISO 3166-2 codes and coordinates (ODbL)

A QID is given to one of our entries only when a source states it for a record that joins the entry:

  * by identifier: a GeoNames id (Natural Earth), an ISO 3166-2 code (dr5hn), a QID we already have;
  * else by exact name or alias (folded for case and diacritics) plus type, and country where both
    sides know it, and compatible subtypes; the join must be one-to-one: one of our entries of that
    type (and country) bears the name, and the sources give one QID for it. Where two QIDs remain,
    the one stated by strictly more sources wins; otherwise the entry stays without a QID.

Nothing is guessed: every QID written carries the names of the sources that gave it.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# Weights of one source's statement as evidence that an entity is well known (the popularity
# prior is their noisy-or). Chosen by hand from what each list is: FB15k-237 keeps entities
# popular in Freebase; heads of state are always news; a brand or a local newspaper less so.
POPULARITY_WEIGHT = {
    "fb15k237": 0.6, "wikidata-leaders": 0.8, "curated": 0.6, "every-politician": 0.15,
    "enwiki": 0.25, "office": 0.2, "nsi": 0.25, "nsi-flag": 0.5, "partyfacts": 0.3,
    "us-newspapers": 0.15, "naturalearth": 0.3, "rigour": 0.5,
}


@dataclass
class Known:
    """One source's record of a Wikidata item."""
    qid: str
    type: str                       # Person, Place, Organization
    names: list[str]                # label first
    source: str
    country: str = ""               # ISO 3166-1 alpha-2 when the source says
    subtype: str = ""               # a hint in our subtype vocabulary
    region: str = ""                # first-level region name the source states (US cities)
    coords: tuple[float, float] | None = None
    population: int | None = None
    evidence: list[str] = field(default_factory=list)   # keys of POPULARITY_WEIGHT
    geonameid: str = ""
    iso3166_2: str = ""
    description: str = ""


def popularity(evidence: list[str]) -> float:
    p = 1.0
    for e in set(evidence):
        p *= 1 - POPULARITY_WEIGHT.get(e, 0.1)
    return round(1 - p, 2)


# --------------------------------------------------------------------------------------------
# Country names: maps country names, demonyms and first-level region names to ISO codes, so the
# descriptions of FB15k-237 ("city in Texas, United States", "British actor") give a country.


class CountryNames:
    def __init__(self, countries, regions, demonyms: dict[str, str], key) -> None:
        self.key = key
        self.by_name: dict[str, str] = {}
        self.region_country: dict[str, set[str]] = defaultdict(set)
        for e in countries:
            if e.subtype in ("country", "territory") and e.country:
                for s in e.surfaces():
                    self.by_name.setdefault(key(s), e.country)
        for e in regions:
            if e.country:
                for s in e.surfaces():
                    self.region_country[key(s)].add(e.country)
        for dem, cc in demonyms.items():
            self.by_name.setdefault(key(dem), cc)
        for extra, cc in (("usa", "US"), ("us", "US"), ("u.s.", "US"), ("uk", "GB"), ("england", "GB"),
                          ("scotland", "GB"), ("wales", "GB"), ("northern ireland", "GB"),
                          ("english", "GB"), ("scottish", "GB"), ("welsh", "GB"), ("british", "GB"),
                          ("american", "US")):
            self.by_name[key(extra)] = cc

    def of_description(self, text: str) -> tuple[str, str]:
        """(country code, region name) a description states: the last country named, else the
        country of a first-level region named (when the region name is unique to one country);
        a leading demonym ("Canadian actor") counts when nothing else does."""
        if not text:
            return "", ""
        parts = [p.strip() for p in re.split(r",|;| in | of | from ", text) if p.strip()]
        country = region = ""
        for p in reversed(parts):
            k = self.key(p)
            if k in self.by_name and len(k) > 2:
                country = self.by_name[k]
                break
        for p in parts:
            k = self.key(p)
            ccs = self.region_country.get(k)
            if ccs and len(ccs) == 1 and (not country or country in ccs):
                region = p
                country = country or next(iter(ccs))
                break
        if not country:
            first = self.key(text.split()[0]) if text.split() else ""
            first = first.split("-")[0]
            if first in self.by_name:
                country = self.by_name[first]
        return country, region


# --------------------------------------------------------------------------------------------
# FB15k-237 descriptions → type and subtype hints

_SKIP = re.compile(r"\b(film|movie|television series|tv series|sitcom|award|genre|subgenre|album|song|"
                   r"single|episode|video game|franchise|novel|book|musical instrument|compound|"
                   r"disease|language|ethnic group|sport played|sport$|profession|occupation|"
                   r"position|festival|ceremony|season|tournament|championship|competition|cup$|"
                   r"event|war$|battle|religion|species|cuisine|dish|magazine issue|title)\b", re.I)
_ORG = [
    (re.compile(r"\b(football club|soccer club|f\.c\.|sports club|hockey team|baseball team|"
                r"basketball team|football team|rugby|cricket club|professional .* team|sports team|"
                r"national .* team|team)\b", re.I), "club"),
    (re.compile(r"\b(university|college|school|academy|institute of technology)\b", re.I), "university"),
    (re.compile(r"\b(political party|party)\b", re.I), "party"),
    (re.compile(r"\b(newspaper|news agency|broadcaster|television network|television channel|"
                r"tv channel|radio station|magazine|news website|publisher|media company)\b", re.I), "media"),
    (re.compile(r"\b(record label|company|corporation|manufacturer|airline|bank|conglomerate|"
                r"brand|retailer|studio|automaker|enterprise|business|chain|firm)\b", re.I), "company"),
    (re.compile(r"\b(band|musical group|orchestra|duo|trio|choir|boy band|girl group)\b", re.I), "band"),
    (re.compile(r"\b(intergovernmental|international organi[sz]ation|alliance)\b", re.I), "intergovernmental"),
    (re.compile(r"\b(agency|ministry|department of|government|parliament|legislature|court|"
                r"army|navy|air force|military|police|council|committee|commission)\b", re.I), "government"),
    (re.compile(r"\b(organi[sz]ation|association|federation|foundation|league|union|society|"
                r"charity|non-profit|nonprofit|ngo|think tank)\b", re.I), "ngo"),
]
_PERSON = re.compile(
    r"\b(actor|actress|singer|musician|politician|player|footballer|cricketer|director|writer|"
    r"author|novelist|poet|composer|producer|comedian|journalist|economist|philosopher|rapper|"
    r"guitarist|pianist|drummer|bassist|dancer|model|artist|painter|sculptor|scientist|physicist|"
    r"chemist|mathematician|lawyer|judge|businessman|businesswoman|entrepreneur|executive|athlete|"
    r"boxer|wrestler|coach|manager|king|queen|prince|princess|emperor|president|prime minister|"
    r"activist|animator|screenwriter|cinematographer|designer|photographer|conductor|presenter|"
    r"host|songwriter|lyricist|playwright|historian|engineer|inventor|astronaut|soldier|general|"
    r"officer|diplomat|statesman|stateswoman|senator|governor|mayor|monarch|pope|bishop|cleric|"
    r"theologian|critic|editor|illustrator|cartoonist|vocalist|DJ|tennis|golfer|swimmer|"
    r"skater|cyclist|racing driver|jockey|pitcher|quarterback|sprinter|chef|broadcaster|"
    r"personality|filmmaker|biologist|psychologist|sociologist|physician|surgeon|architect|"
    r"nobleman|noblewoman|socialite|philanthropist|investor|banker|spy|criminal|murderer|"
    r"magician|puppeteer|stuntman|stuntwoman|martial artist|voice actress|voice actor|person|"
    r"chairman|chairwoman|secretary|leader|revolutionary|founder|first lady|minister|chancellor|"
    r"ruler|dictator|warlord|commander|admiral|marshal)\b", re.I)
_PERSON_SUBTYPE = [
    (re.compile(r"\b(politician|president|prime minister|senator|governor|mayor|statesman|"
                r"stateswoman|diplomat)\b", re.I), "politician"),
    (re.compile(r"\b(king|queen|prince|princess|emperor|monarch)\b", re.I), "royal"),
    (re.compile(r"\b(player|footballer|cricketer|athlete|boxer|wrestler|coach|tennis|golfer|"
                r"swimmer|skater|cyclist|racing driver|jockey|pitcher|quarterback|sprinter|"
                r"martial artist)\b", re.I), "athlete"),
    (re.compile(r"\b(businessman|businesswoman|entrepreneur|executive|investor|banker)\b", re.I), "business"),
    (re.compile(r"\b(journalist|editor|broadcaster|presenter)\b", re.I), "journalist"),
    (re.compile(r"\b(pope|bishop|cleric|theologian)\b", re.I), "religious"),
    (re.compile(r"\b(actor|actress|singer|musician|comedian|rapper|guitarist|pianist|drummer|"
                r"dancer|model|songwriter|vocalist|DJ|host|personality|director|producer|"
                r"filmmaker|screenwriter|animator)\b", re.I), "entertainer"),
]
_PLACE = [
    (re.compile(r"^(country|sovereign state|constitutional monarchy|republic|federal republic|"
                r"island (country|nation)|country in|country on|landlocked country|"
                r"sovereign country|federal parliamentary)\b", re.I), "country"),
    (re.compile(r"\b(city|town|village|capital|municipality|borough|commune|"
                r"census-designated place|human settlement|metropolis|suburb|neighbou?rhood|"
                r"county seat|port city|resort|township|locality|hamlet|district of .* city)\b", re.I), "city"),
    (re.compile(r"\b(state of|province|county|region|prefecture|oblast|canton|department of France|"
                r"governorate|territory|federal subject|autonomous community|emirate|"
                r"administrative division|constituent country|district)\b", re.I), "region"),
    (re.compile(r"\b(island|archipelago|river|mountain|lake|sea|ocean|peninsula|desert|valley|"
                r"continent|strait|gulf|bay|canal|plateau|volcano|forest|park|area|geographic)\b", re.I), "geo"),
]
_ARTICLE_LIKE = re.compile(r"^(list|history|culture|economy|politics|geography) of\b", re.I)


def classify_fb15k(label: str, description: str) -> tuple[str, str] | None:
    """(type, subtype hint) of an FB15k-237 entity from its description; None for the films,
    awards, genres and concepts the list also holds, or when the description says too little."""
    d = (description or "").strip()
    if not d or not label or not label[:1].isupper() or _ARTICLE_LIKE.match(label):
        return None
    if _SKIP.search(d) and not re.search(r"\b(film (director|producer|actor|actress|editor)|"
                                           r"film studio|television (actor|actress|producer|director|host|presenter))\b", d, re.I):
        return None
    for rx, sub in _PLACE[:1]:
        if rx.search(d):
            return "Place", sub
    # the head of the description says what the entity is ("former First Secretary" of a party,
    # "football club" based in a city): a person word there makes a person
    head = re.split(r" (?:of|in|for|from|based|that|which|at|with|to) ", d, maxsplit=1)[0]
    if _PERSON.search(head) and len(label.split()) >= 2 and not any(rx.search(head) for rx, _ in _ORG):
        for rx, sub in _PERSON_SUBTYPE:
            if rx.search(d):
                return "Person", sub
        return "Person", ""
    for rx, sub in _ORG:
        if rx.search(d):
            # "university in the city of Tartu" is a university; "city in ... county" a city
            return "Organization", sub
    if _PERSON.search(d) and len(label.split()) >= 2:
        for rx, sub in _PERSON_SUBTYPE:
            if rx.search(d):
                return "Person", sub
        return "Person", ""
    for rx, sub in _PLACE[1:]:
        if rx.search(d):
            return "Place", sub
    return None


# --------------------------------------------------------------------------------------------
# Loaders


_EP_COUNTRY = {
    "argentina": "AR", "australia": "AU", "belarus": "BY", "brazil": "BR", "canada": "CA",
    "china": "CN", "egypt": "EG", "france": "FR", "india": "IN", "indonesia": "ID", "iran": "IR",
    "israel": "IL", "italy": "IT", "japan": "JP", "kenya": "KE", "mexico": "MX", "nigeria": "NG",
    "pakistan": "PK", "philippines": "PH", "poland": "PL", "russia": "RU", "south-africa": "ZA",
    "south-korea": "KR", "spain": "ES", "turkey": "TR", "ukraine": "UA", "united-kingdom": "GB",
    "us": "US",
}
_HONORIFIC = re.compile(r"^(Shri|Smt\.?|Dr\.?|Hon\.?|Rt\.? Hon\.?|Sir|Dame|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|"
                        r"Kunwar|Adv\.?|Sardar|Chaudhary Sh\.?|Sh\.?|Dato'? Sri|Datuk|Tan Sri)\s+")


def clean_person_name(n: str, is_latin) -> str | None:
    n = re.sub(r"\s+", " ", n).strip()
    n = re.sub(r"\s*\(.*?\)\s*", " ", n).strip()
    while True:
        m = _HONORIFIC.match(n)
        if not m:
            break
        n = n[m.end():]
    if not n or "," in n or not is_latin(n) or len(n) > 50 or any(ch.isdigit() for ch in n):
        return None
    toks = n.split()
    if len(toks) < 2 or n.isupper() or n.islower():
        return None
    if any(t[:1].islower() and t not in ("de", "da", "del", "van", "von", "der", "bin", "al", "la", "le",
                                         "dos", "das", "di", "du", "y", "e", "ibn", "bint", "ben", "ter")
           for t in toks):
        return None
    return n


def load_every_politician(path: Path, is_latin, region_of_repo=_EP_COUNTRY) -> list[Known]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            qid = r["qid"].strip()
            if not re.fullmatch(r"Q\d+", qid):
                continue
            repos = [x.split("/")[-1] for x in r["repos"].split(",") if x]
            countries = {region_of_repo[c] for rep in repos for c in region_of_repo
                         if rep.startswith(c + "-") or rep == c}
            names: list[str] = []
            title = (r.get("enwiki_title") or "").strip()
            for n in ([title] if title else []) + r["names"].split("|"):
                c = clean_person_name(n, is_latin)
                if c and c not in names:
                    names.append(c)
            if not names:
                continue
            ev = ["every-politician"]
            if title:
                ev.append("enwiki")
            if r.get("current_at_snapshot") == "1":
                ev.append("office")
            out.append(Known(qid, "Person", names, "every-politician",
                             country=next(iter(countries)) if len(countries) == 1 else "",
                             subtype="politician", evidence=ev,
                             description="enwiki" if title else ""))
    return out


_NSI_KEEP = re.compile(
    r"^brands/(shop|amenity/(bank|fast_food|restaurant|cafe|fuel|pharmacy|car_rental|bureau_de_change|"
    r"money_transfer|ice_cream|pub|bar|cinema)|office/(insurance|telecommunication|company|"
    r"financial|employment_agency|estate_agent)|tourism/hotel|leisure/fitness_centre|craft|"
    r"healthcare)|^operators/(office/government|amenity/police|telecom|power/plant|amenity/hospital)|"
    r"^transit/route/(train|ferry)|^flags/")


# Categories whose brands and operators are named in news (banks, fuel, grocers, telecoms, car
# makers, chains, hotels, police and government offices, utilities, railways): the others
# (bakeries, opticians, bus routes, ...) are used for joins only, not added as entries.
_NSI_NEWS = re.compile(
    r"^brands/(amenity/(bank|fuel|fast_food|cafe|pharmacy)|shop/(supermarket|department_store|car|"
    r"clothes|convenience|electronics|mobile_phone|telecommunication)|office/(insurance|"
    r"telecommunication)|tourism/hotel)|^operators/(office/government|amenity/police|power/plant|"
    r"telecom)|^transit/route/train")


def load_nsi(path: Path) -> list[Known]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) < 3 or not re.fullmatch(r"Q\d+", row[0]):
                continue
            qid, cats = row[0], row[2].split(",")
            keep = [c for c in cats if _NSI_KEEP.search(c)]
            names = [n.strip() for n in row[1].split("|") if n.strip()]
            if not names or not keep:
                continue
            flag = all(c.startswith("flags/") for c in keep)
            gov = any(c.startswith("operators/office/government") or c.startswith("operators/amenity/police") for c in keep)
            sub = "" if flag else ("government" if gov else "company")
            if len(row) > 3 and row[3] not in ("", "{}"):
                try:
                    by_lang = json.loads(row[3])
                except json.JSONDecodeError:
                    by_lang = {}
                en = by_lang.get("en") if isinstance(by_lang, dict) else None
                if isinstance(en, str) and en.strip() and en.strip() not in names:
                    names.append(en.strip())
            # a brand whose own name is in another script (a Georgian shop with an English
            # label) is a local brand: joined, never added
            local = not all(ch.isascii() or not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in names[0])
            out.append(Known(qid, "Organization", names, "nsi", subtype=sub,
                             evidence=["nsi-flag" if flag else "nsi"],
                             description="news" if not local and any(_NSI_NEWS.search(c) for c in keep) else ""))
    return out


def load_fb15k(path: Path, countries: CountryNames) -> list[Known]:
    data = json.loads(gzip.open(path, "rt", encoding="utf-8").read())
    out = []
    for v in data.values():
        qid = (v.get("wikidata_id") or "").strip()
        label = (v.get("label") or "").strip()
        if not re.fullmatch(r"Q\d+", qid) or not label:
            continue
        typ = classify_fb15k(label, v.get("description") or "")
        if not typ:
            continue
        desc = v.get("description") or ""
        cc, region = countries.of_description(desc)
        names = [label]
        for a in v.get("alternatives") or []:
            a = (a or "").strip()
            if (not a or a in names or a.startswith("@") or not any(ch.isalpha() for ch in a)
                    or "  " in a or a.endswith(".") and not a.endswith(("Inc.", "Co.", "Ltd.", "Jr.", "Sr."))):
                continue
            if typ[0] == "Place" and "," in a:
                # "Denton, Texas": the region this place is in, not a name to match
                head, _, tail = a.partition(",")
                if head.strip() == label and not region:
                    _, region = countries.of_description(tail.strip())
                continue
            names.append(a)
        out.append(Known(qid, typ[0], names, "fb15k237", country=cc, subtype=typ[1], region=region,
                         evidence=["fb15k237"], description=desc))
    return out


def load_partyfacts(path: Path, iso3_to_2: dict[str, str]) -> list[Known]:
    out = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            qid = (r.get("wikidata_id") or "").strip()
            if not re.fullmatch(r"Q\d+", qid):
                continue
            names = [n.strip() for n in (r.get("name"), r.get("name_short"), r.get("name_native")) if n and n.strip()]
            if not names:
                continue
            out.append(Known(qid, "Organization", names, "partyfacts",
                             country=iso3_to_2.get((r.get("country") or "").upper(), ""),
                             subtype="party", evidence=["partyfacts"]))
    return out


def load_us_newspapers(path: Path) -> list[Known]:
    out = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            qid = (r.get("qid") or "").strip()
            title = re.sub(r"\s*\(.*?\)\s*$", "", (r.get("WP-title") or "").strip())
            if re.fullmatch(r"Q\d+", qid) and title:
                out.append(Known(qid, "Organization", [title], "us-newspapers", country="US",
                                 subtype="media", region=(r.get("state") or "").strip(),
                                 evidence=["us-newspapers"]))
    return out


def load_naturalearth_cities(path: Path) -> list[Known]:
    data = json.loads(gzip.open(path, "rt", encoding="utf-8").read())
    out = []
    for feat in data["features"]:
        p = feat["properties"]
        qid = (p.get("wikidataid") or "").strip()
        if not re.fullmatch(r"Q\d+", qid):
            continue
        lon, lat = feat["geometry"]["coordinates"][:2]
        names = [n for n in (p.get("NAME"), p.get("NAME_EN"), p.get("NAMEASCII")) if n]
        names = list(dict.fromkeys(n.strip() for n in names))
        gid = p.get("GEONAMEID")
        pop = max(0, int(p.get("POP_MAX") or 0)) or None
        # Natural Earth ranks places 0 (world cities) to 10; a better rank is more evidence
        rank = p.get("SCALERANK")
        ev = ["naturalearth"] + (["naturalearth-major"] if rank is not None and rank <= 3 else [])
        out.append(Known(qid, "Place", names, "naturalearth", country=(p.get("ISO_A2") or "").strip()
                         if re.fullmatch(r"[A-Z]{2}", (p.get("ISO_A2") or "").strip()) else "",
                         subtype="city", region=(p.get("ADM1NAME") or "").strip(),
                         coords=(round(lat, 4), round(lon, 4)), population=pop, evidence=ev,
                         geonameid=str(int(gid)) if gid and gid > 0 else ""))
    return out


def load_naturalearth_admin1(path: Path) -> list[Known]:
    """Label points of first-level regions: no QIDs, coordinates by name and country only."""
    data = json.loads(gzip.open(path, "rt", encoding="utf-8").read())
    out = []
    for feat in data["features"]:
        p = feat["properties"]
        name = (p.get("name") or "").strip()
        cc = (p.get("iso_a2") or "").strip()
        if not name or not re.fullmatch(r"[A-Z]{2}", cc):
            continue
        lon, lat = feat["geometry"]["coordinates"][:2]
        out.append(Known("", "Place", [name], "naturalearth", country=cc, subtype="region",
                         coords=(round(lat, 4), round(lon, 4))))
    return out


def load_dr5hn(path: Path) -> list[Known]:
    out = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            qid = (r.get("wikiDataId") or "").strip()
            try:
                lat, lon = float(r["latitude"]), float(r["longitude"])
                coords = (round(lat, 4), round(lon, 4))
            except (TypeError, ValueError):
                coords = None
            names = [n.strip() for n in (r.get("name"), r.get("native")) if n and n.strip()]
            out.append(Known(qid if re.fullmatch(r"Q\d+", qid) else "", "Place", names, "dr5hn",
                             country=(r.get("country_code") or "").strip(), subtype="region",
                             coords=coords, iso3166_2=(r.get("iso3166_2") or "").strip().upper()))
    return out


# --------------------------------------------------------------------------------------------
# Joining

_SUBTYPE_GROUP = {
    # Person
    "politician": "pol", "official": "pol", "royal": "pol", "athlete": "ath", "entertainer": "ent",
    "business": "bus", "journalist": "jou", "religious": "rel", "militant": "mil",
    # Organization
    "company": "com", "media": "com", "band": "band", "club": "club", "sports-body": "club",
    "party": "party", "government": "gov", "ministry": "gov", "agency": "gov", "military": "gov",
    "court": "gov", "intergovernmental": "gov", "university": "uni", "ngo": "ngo",
    # Place
    "city": "city", "region": "reg", "territory": "reg", "country": "cty", "continent": "geo", "geo": "geo",
}
_COMPATIBLE = {("reg", "geo"), ("geo", "reg"), ("cty", "reg"), ("reg", "cty"), ("ngo", "gov"), ("gov", "ngo"),
               ("ngo", "club"), ("club", "ngo"), ("ent", "jou"), ("jou", "ent"), ("ngo", "uni"), ("uni", "ngo"),
               ("ngo", "party"), ("party", "ngo"), ("com", "ngo"), ("ngo", "com"), ("com", "band"), ("band", "com")}


def subtype_compatible(ours: str, theirs: str) -> bool:
    a, b = _SUBTYPE_GROUP.get(ours), _SUBTYPE_GROUP.get(theirs)
    return a is None or b is None or a == b or (a, b) in _COMPATIBLE


@dataclass
class Link:
    qid: str
    sources: list[str]
    via: str            # "geonames-id", "iso3166-2", "name"


class Linker:
    """Joins our entries (objects with id, type, name, aliases, country, subtype, surfaces())
    to source records."""

    def __init__(self, records: list[Known], key) -> None:
        self.key = key
        self.by_name: dict[str, list[Known]] = defaultdict(list)
        self.by_geonames: dict[str, list[Known]] = defaultdict(list)
        self.by_iso: dict[str, list[Known]] = defaultdict(list)
        self.by_qid: dict[str, list[Known]] = defaultdict(list)
        for r in records:
            if r.qid:
                self.by_qid[r.qid].append(r)
            if r.geonameid:
                self.by_geonames[r.geonameid].append(r)
            if r.iso3166_2:
                self.by_iso[r.iso3166_2].append(r)
            for n in dict.fromkeys(key(x) for x in r.names):
                if n:
                    self.by_name[n].append(r)
        self.stats: Counter = Counter()

    @staticmethod
    def _country_ok(a: str, b: str) -> bool:
        return not a or not b or a == b

    def _compatible(self, e, r: Known) -> bool:
        if r.type != e.type or not self._country_ok(e.country, r.country):
            return False
        if not subtype_compatible(e.subtype, r.subtype):
            return False
        region = getattr(e, "region", "")
        if r.region and region and self.key(r.region) != self.key(region):
            return False
        return True

    def link_by_id(self, e, geonameid: str = "", iso: str = "") -> Link | None:
        recs = []
        if geonameid:
            recs = [r for r in self.by_geonames.get(geonameid, []) if r.qid]
            via = "geonames-id"
        elif iso:
            recs = [r for r in self.by_iso.get(iso.upper(), []) if r.qid]
            via = "iso3166-2"
        qids = {r.qid for r in recs}
        if len(qids) == 1:
            q = next(iter(qids))
            self.stats[f"by {via}"] += 1
            return Link(q, sorted({r.source for r in recs}), via)
        if len(qids) > 1:
            self.stats[f"{via}: sources disagree"] += 1
        return None

    def link_by_name(self, e, ours_by_name: dict[str, list]) -> Link | None:
        """One-to-one join by name plus type, country and subtype (see the module docstring)."""
        proposals: dict[str, set[str]] = defaultdict(set)   # qid -> sources
        via_canonical: set[str] = set()
        for n in e.surfaces():
            k = self.key(n)
            recs = [r for r in self.by_name.get(k, []) if r.qid and self._compatible(e, r)]
            if not recs:
                continue
            # our side: no other entry of the type bears the name in a compatible country
            rivals = [o for o in ours_by_name.get(k, []) if o is not e and o.type == e.type
                      and any(self._compatible(o, r) for r in recs)]
            if rivals:
                self.stats["name shared by several of our entries"] += 1
                continue
            for r in recs:
                proposals[r.qid].add(r.source)
                if n == e.name:
                    via_canonical.add(r.qid)
        if not proposals:
            return None
        if len(proposals) == 1:
            q, srcs = next(iter(proposals.items()))
            self.stats["by name"] += 1
            return Link(q, sorted(srcs), "name")
        # several QIDs: the one more sources state wins; else the canonical name's, if one
        ranked = sorted(proposals.items(), key=lambda kv: -len(kv[1]))
        if len(ranked[0][1]) > len(ranked[1][1]):
            self.stats["by name, most sources"] += 1
            return Link(ranked[0][0], sorted(ranked[0][1]), "name")
        if len(via_canonical) == 1:
            q = next(iter(via_canonical))
            self.stats["by canonical name"] += 1
            return Link(q, sorted(proposals[q]), "name")
        self.stats["several QIDs, left without"] += 1
        return None
