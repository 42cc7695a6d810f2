/// Matching forms of words in Cyrillic script: case folding, the stem that all case forms of a
/// name share, and a romanisation, so `Путина`, `Путину` and `Путин` reach one gazetteer key and
/// `Путин` reaches `Putin`.
///
/// Russian, Ukrainian and the other East Slavic languages decline names: `Москва` is `Москвы`,
/// `Москве`, `Москву`, `Москвой`; `Зеленский` is `Зеленского`, `Зеленскому`, `Зеленским`. Their
/// endings are vowels, `й` and `ь`, after which the instrumental and oblique cases add `м`, `х`,
/// `ми`, `го` or `му`. The **stem** drops the final run of vowels (`а е и й о у ы ь э ю я і ї є ъ`);
/// the **oblique stem** first drops one of those consonant endings. Nouns in `-ия`/`-ія` keep the
/// `и`/`і` in the stem (`Россия`, `России` → `росси`; `Нигерия` is not `Нигер`), not in the oblique
/// stem (`Дмитрия` → `дмитр`, as `Дмитрий`). A list name (nominative) is
/// indexed by its stem; a word in the text is looked up by its stem and then by its oblique stem
/// (`Иерусалим` keeps its `м`, `Путиным` loses it). Ukrainian `-ів`/`-їв` place names alternate
/// with `-ов`/`-єв` in the other cases (`Київ`, `Києва`; `Харків`, `Харкова`), so a stem ending
/// in `ів`/`їв` is written with `ов`/`єв`. Stems keep at least three letters; words of three
/// letters or fewer and all-capital words (acronyms: `НАТО`, `ООН`) are not stemmed.
///
/// Everything works on one token at a time and builds one short string; no Foundation.
package enum CyrillicNames {
    /// The folded stem and oblique stem of a token made of Cyrillic letters (inner apostrophes and
    /// combining accents allowed), or nil for any other token. Both are equal when no case ending
    /// applies.
    package static func stems(_ bytes: UnsafeBufferPointer<UInt8>) -> (stem: String, oblique: String)? {
        guard let (letters, allCaps) = foldedLetters(bytes) else { return nil }
        guard !allCaps, letterCount(letters) > 3 else {
            let folded = string(letters)
            return (folded, folded)
        }
        let stem = Self.stem(letters, oblique: false)
        let oblique = Self.stem(letters, oblique: true)
        return (string(stem), string(oblique))
    }

    /// The stem with the fleeting vowel `е` put back before its last letter, when it ends in two
    /// consonants the last of which is `к`, `ц`, `т`, `р`, `л` or `н` (`египт` of `Египте` →
    /// `египет`, as `Египет` is listed); nil otherwise. The oblique cases of such nouns drop the
    /// vowel of the nominative (`Египет`, `Египта`; `Єгипет`, `Єгипті`).
    package static func fleetingVowelStem(_ stem: String) -> String? {
        let scalars = Array(stem.unicodeScalars)
        guard scalars.count >= 4, let last = scalars.last?.value else { return nil }
        let previous = scalars[scalars.count - 2].value
        guard [0x043A, 0x0446, 0x0442, 0x0440, 0x043B, 0x043D].contains(last),
              (0x0430...0x044F).contains(previous) || previous == 0x0456 || previous == 0x0457 || previous == 0x0454,
              !isEnding(previous) else { return nil }
        var view = String.UnicodeScalarView(scalars.dropLast())
        view.append("е")
        view.append(scalars[scalars.count - 1])
        return String(view)
    }

    /// The stem with the nominative's consonant back, for a Ukrainian locative or dative in `-зі`,
    /// `-ці` or `-сі` of a noun in `-г(а)`, `-к(а)` or `-х(а)` (`Празі` → `праг`, as `Прага`;
    /// `Страсбурзі` → `страсбург`; `Америці` → `америк`; `Гаазі` → `гааг`); nil for other words.
    /// Ukrainian changes these consonants before the `і` of those cases; Russian keeps them
    /// (`Праге`), and only Ukrainian writes `і`.
    package static func velarStem(_ stem: String, word: UnsafeBufferPointer<UInt8>) -> String? {
        // The word ends in і (U+0456, D1 96 in UTF-8).
        guard word.count >= 2, word[word.count - 2] == 0xD1, word[word.count - 1] == 0x96 else { return nil }
        var scalars = Array(stem.unicodeScalars)
        guard scalars.count >= 3, let last = scalars.last else { return nil }
        switch last {
        case "з": scalars[scalars.count - 1] = "г"
        case "ц": scalars[scalars.count - 1] = "к"
        case "с": scalars[scalars.count - 1] = "х"
        default: return nil
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// True when the token's first scalar is a Cyrillic letter.
    @inline(__always)
    package static func startsCyrillic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        let b = bytes[bytes.startIndex]
        return b == 0xD0 || b == 0xD1 || b == 0xD2 || b == 0xD3 || b == 0xD4
    }

    /// Lower-cased scalars with `ё`→`е`, `ґ`→`г`, typographic apostrophes as `'`, accents dropped,
    /// and whether every letter was a capital (two letters at least); nil if a letter is not Cyrillic.
    static func foldedLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt32], Bool)? {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count / 2)
        var upper = 0, lower = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let w = CharacterClass.width(bytes[i])
            guard i + w <= bytes.endIndex, let scalar = CharacterClass.decode(bytes, at: i, width: w) else { return nil }
            i += w
            var v = scalar.value
            switch v {
            case 0x27, 0x2019, 0x02BC, 0x2018: out.append(0x27); continue
            case 0x0300...0x036F: continue  // stress marks and other combining accents
            case 0x0400...0x040F: v += 0x50; upper += 1
            case 0x0410...0x042F: v += 0x20; upper += 1
            case 0x0430...0x045F: lower += 1
            case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x052F:
                if v & 1 == 0 { v += 1; upper += 1 } else { lower += 1 }
            case 0x04C0: v = 0x04CF; upper += 1
            case 0x04C1...0x04CE:
                if v & 1 == 1 { v += 1; upper += 1 } else { lower += 1 }
            case 0x04CF: lower += 1
            default: return nil
            }
            switch v {
            case 0x0451, 0x0450: v = 0x0435  // ё, ѐ → е
            case 0x045D: v = 0x0438  // ѝ → и
            case 0x0491: v = 0x0433  // ґ → г
            default: break
            }
            out.append(v)
        }
        guard upper + lower > 0 else { return nil }
        return (out, lower == 0 && upper >= 2)
    }

    /// Vowels and soft or hard signs that end declined forms: а е и й о у ы ь э ю я і ї є ъ.
    @inline(__always)
    static func isEnding(_ v: UInt32) -> Bool {
        switch v {
        case 0x0430, 0x0435, 0x0438, 0x0439, 0x043E, 0x0443, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F, 0x0456, 0x0457, 0x0454, 0x044A:
            return true
        default:
            return false
        }
    }

    static func letterCount(_ letters: [UInt32]) -> Int { letters.reduce(0) { $0 + ($1 == 0x27 ? 0 : 1) } }

    /// The stem of folded letters (see the type's documentation).
    static func stem(_ letters: [UInt32], oblique: Bool) -> [UInt32] {
        var s = letters
        let minimum = 3
        if oblique, s.count > minimum + 1 {
            let last = s[s.count - 1], previous = s[s.count - 2]
            // -ом -ем -ым -им -ах -ях -ых -их …: a vowel, then м or х
            if (last == 0x043C || last == 0x0445), isEnding(previous) {
                s.removeLast()
            } else if s.count > minimum + 2 {
                let third = s[s.count - 3]
                // -ами -ями -ими -ыми; -ого -его -ому -ему
                if last == 0x0438, previous == 0x043C, isEnding(third) {
                    s.removeLast(2)
                } else if (last == 0x043E && previous == 0x0433) || (last == 0x0443 && previous == 0x043C), third == 0x043E || third == 0x0435 {
                    s.removeLast(2)
                }
            }
        }
        var end = s.count
        while end > minimum, isEnding(s[end - 1]) || s[end - 1] == 0x27 { end -= 1 }
        // Nouns in -ия/-ія keep their и/і (Россия, России, Россией → росси), so they stay apart
        // from the names they extend (Нигерия/Нигер, Германия/Герман); the oblique stem drops it
        // (Дмитрия → дмитр, as Дмитрий).
        if !oblique, end + 1 < s.count, s[end] == 0x0438 || s[end] == 0x0456 {
            switch s[end + 1] {
            case 0x044F, 0x0438, 0x044E, 0x0435, 0x0457, 0x0454, 0x0456: end += 1
            default: break
            }
        }
        s.removeLast(s.count - end)
        // Ukrainian -ів / -їв alternate with -ов / -єв (Київ, Києва; Харків, Харкова).
        if s.count > minimum, s[s.count - 1] == 0x0432 {
            if s[s.count - 2] == 0x0456 { s[s.count - 2] = 0x043E } else if s[s.count - 2] == 0x0457 { s[s.count - 2] = 0x0454 }
        }
        return s
    }

    static func string(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for v in scalars { if let scalar = Unicode.Scalar(v) { view.append(scalar) } }
        return String(view)
    }

    /// The Latin romanisation of folded Cyrillic text (Russian and Ukrainian letters as news
    /// writes them in English: `путин` → `putin`, `зеленськ` → `zelensk`, `щ` → `shch`, `ж` → `zh`,
    /// `х` → `kh`; soft and hard signs dropped; `е` at the start of a word is `ye`).
    package static func romanized(_ folded: String) -> String {
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var atStart = true
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            if v >= 0x0430, v <= 0x044F {
                if v == 0x0435, atStart { out += "ye" } else { out += latin[Int(v - 0x0430)] }
            } else {
                switch v {
                case 0x0456: out += "i"  // і
                case 0x0457: out += "yi"  // ї
                case 0x0454: out += "ye"  // є
                case 0x045E: out += "u"  // ў
                case 0x0458: out += "j"  // ј
                case 0x0452, 0x045B: out += "dj"  // ђ ћ
                case 0x0459: out += "lj"  // љ
                case 0x045A: out += "nj"  // њ
                case 0x045F: out += "dzh"  // џ
                case 0x0455: out += "dz"  // ѕ
                case 0x0453: out += "g"  // ѓ
                case 0x045C: out += "k"  // ќ
                case 0x04D9: out += "a"  // ә
                case 0x0493: out += "g"  // ғ
                case 0x049B: out += "k"  // қ
                case 0x04A3: out += "n"  // ң
                case 0x04E9: out += "o"  // ө
                case 0x04B1, 0x04AF: out += "u"  // ұ ү
                case 0x04BB: out += "h"  // һ
                case 0x27: break
                default: out.unicodeScalars.append(scalar)
                }
            }
            atStart = v == 0x20
        }
        return out
    }

    /// Romanisations of а…я (U+0430…U+044F).
    static let latin = ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]
}
