#!/usr/bin/env python3
"""Builds models/language/profiles.tsv, the character n-gram profiles of Gazette's language identifier.

Source: the profiles of the `langdetect` package (PyPI, version pinned by the wrapper script
Scripts/build-language-profiles; Apache-2.0, Copyright 2014-2015 Michal Danilak, a port of
Nakatani Shuyo's language-detection, Apache-2.0). Each profile counts the character 1-, 2- and
3-grams of a language's Wikipedia text, words padded with a space.

What this script does with them: merges upper and lower case, keeps the languages Gazette
identifies by n-grams (those that share a script with another language; languages alone in their
script are told by the script), turns counts into probabilities per n-gram length, drops
n-grams rarer than 5 in 100,000 (the identifier adds that much to every probability, so they
would count about as much as unseen ones), and writes -10 * ln(p) rounded, one n-gram per line, each language named by its
position in the `#languages` line as one letter (`a` for the first, `b` for the second, …):

    <n-gram> TAB <letter><score> <letter><score> ...

Usage: build_language_profiles.py OUT.tsv
"""
import json
import math
import os
import sys

import langdetect

# Languages scored by n-grams, grouped by the script that makes them candidates. Languages written
# in a script of their own (Greek, Hebrew, Thai, Korean, Japanese, Chinese, Bengali, Tamil, …)
# are named by the identifier from the script alone.
SCRIPTS = {
    "Latn": ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "sv", "da", "no", "fi", "cs", "sk",
             "ro", "hu", "id", "ca", "hr", "sl", "et", "lv", "lt", "vi", "af", "sq"],
    "Cyrl": ["ru", "uk", "bg", "mk"],
    "Arab": ["ar", "fa", "ur"],
    "Deva": ["hi", "mr", "ne"],
}
LANGUAGES = [language for languages in SCRIPTS.values() for language in languages]
SCRIPT_OF = {language: script for script, languages in SCRIPTS.items() for language in languages}
FLOOR = 5e-5
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def main():
    out = sys.argv[1]
    folder = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    table = {}  # n-gram -> {language: probability}
    for language in LANGUAGES:
        profile = json.load(open(os.path.join(folder, language), encoding="utf8"))
        totals = profile["n_words"]
        merged = {}
        for gram, count in profile["freq"].items():
            key = gram.lower()
            if len(key) != len(gram):  # 'İ' lowercases to two characters: keep the n-gram as it is
                key = gram
            merged[key] = merged.get(key, 0) + count
        for gram, count in merged.items():
            probability = count / totals[len(gram) - 1]
            if probability >= FLOOR:
                table.setdefault(gram, {})[language] = probability
    lines = []
    for gram in sorted(table):
        if "\t" in gram or "\n" in gram:
            continue
        cells = " ".join(f"{LETTERS[LANGUAGES.index(language)]}{round(-10 * math.log(p))}"
                         for language, p in sorted(table[gram].items(), key=lambda item: LANGUAGES.index(item[0])))
        lines.append(f"{gram}\t{cells}")
    with open(out, "w", encoding="utf8") as handle:
        handle.write("# Gazette language profiles: character 1-3-gram scores, -10 ln p(n-gram | language).\n")
        handle.write("# Built by Scripts/build-language-profiles from the profiles of langdetect 1.0.9 (PyPI;\n")
        handle.write("# Apache-2.0, Copyright 2014-2015 Michal Danilak, after language-detection by Nakatani Shuyo),\n")
        handle.write("# which count n-grams of Wikipedia text. Do not edit by hand.\n")
        handle.write("# Line #languages: each language with its ISO 15924 script; n-gram lines name languages by position.\n")
        handle.write("#languages\t" + " ".join(f"{language}:{SCRIPT_OF[language]}" for language in LANGUAGES) + "\n")
        handle.write("\n".join(lines) + "\n")
    print(f"{out}: {len(lines)} n-grams, {len(LANGUAGES)} languages, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
