/// A loose Latin spelling key for names written in another alphabet or another language's
/// romanisation, so that `Путин` (romanised `putin`), `Poutine` and `Putin` meet, and so do
/// `Зеленский`, `Zelensky`, `Zelenskyy`, `Zelenskiy` and `Selenskyj`.
///
/// Applied to a folded Latin word (lower case, no diacritics): the sounds that romanisations of
/// Russian and Ukrainian and the English, German and French spellings of names write differently
/// fall together (`tsch`/`ch`, `sch`/`sh`, `kh`/`h`/`g` (Ukrainian `г` is `h`), `ts`/`tz`, `c`/`k`/`q`,
/// `w`/`v`, `j`/`y`/`i`, `z`/`s`, `x`/`ks`, `ph`/`f`, `ou`/`u`), doubled letters become one and the
/// final vowels are dropped, as the stem of a declined Cyrillic name drops them
/// (``CyrillicNames``). Acronyms (all capitals) keep their vowels and are keyed apart from words:
/// `НАТО` meets `NATO`, but `МИД` does not meet `Midea`, nor `F` `FFF`.
///
/// The key is for look-ups in a separate index of people's and organisations' names only (places
/// are matched by their names in each language): it is far looser than the gazetteer's own key.
package enum TransliterationKey {
    /// The key of a folded Latin word, written in capitals when `acronym`.
    package static func key(_ folded: String, acronym: Bool = false) -> String {
        var folded = folded
        return folded.withUTF8 { input in
            // At most two key bytes per input byte (`x` → `ks`), and the acronym's `^`.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * input.count + 1) { buffer in
                let count = key(input, acronym: acronym, into: buffer)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
            }
        }
    }

    /// Writes the key of the folded word `input` into `out` (room for `2 * input.count + 1` bytes)
    /// and returns its length. One pass over the bytes, the longest spelling first at each letter:
    /// `shch`, `tsch`, `sch`, then the two-letter ones, then single letters.
    static func key(_ input: UnsafeBufferPointer<UInt8>, acronym: Bool, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = 0
        if acronym { out[0] = 0x5E; n = 1 }  // ^
        let keyStart = n
        var i = 0
        @inline(__always) func at(_ k: Int) -> UInt8 { i + k < input.count ? input[i + k] : 0 }
        while i < input.count {
            let b = input[i]
            var emit = b
            var width = 1
            switch b {
            case 0x73:  // s
                if at(1) == 0x68, at(2) == 0x63, at(3) == 0x68 { out[n] = 0x53; n += 1; emit = 0x43; width = 4 }  // shch → SC
                else if at(1) == 0x63, at(2) == 0x68 { emit = 0x53; width = 3 }  // sch → S
                else if at(1) == 0x68 { emit = 0x53; width = 2 }  // sh → S
            case 0x74:  // t
                if at(1) == 0x73, at(2) == 0x63, at(3) == 0x68 { emit = 0x43; width = 4 }  // tsch → C
                else if at(1) == 0x73 || at(1) == 0x7A { emit = 0x54; width = 2 }  // ts tz → T
            case 0x63:  // c
                if at(1) == 0x68 { emit = 0x43; width = 2 }  // ch → C
                else { emit = 0x6B; width = at(1) == 0x6B ? 2 : 1 }  // ck → k, c → k
            case 0x7A: if at(1) == 0x68 { emit = 0x5A; width = 2 } else { emit = 0x73 }  // zh → Z, z → s
            case 0x6B: if at(1) == 0x68 { emit = 0x48; width = 2 }  // kh → H
            case 0x70: if at(1) == 0x68 { emit = 0x66; width = 2 }  // ph → f
            case 0x6F: if at(1) == 0x75 { emit = 0x75; width = 2 }  // ou → u
            case 0x71: emit = 0x6B  // q → k
            case 0x78: out[n] = 0x6B; n += 1; emit = 0x73  // x → ks
            case 0x77: emit = 0x76  // w → v
            case 0x6A, 0x79: emit = 0x69  // j y → i
            case 0x67, 0x68: emit = 0x48  // g h → H
            case 0x27, 0x2D, 0x2E: i += 1; continue  // apostrophes, hyphens and dots inside the word
            default: break
            }
            out[n] = emit
            n += 1
            i += width
        }
        // An acronym's letters are each a word: no doubled letters fall together (FFF is not F).
        if acronym { return n }
        var collapsed = keyStart
        for k in keyStart..<n where collapsed == keyStart || out[collapsed - 1] != out[k] {
            out[collapsed] = out[k]
            collapsed += 1
        }
        while collapsed > 3, isVowel(out[collapsed - 1]) { collapsed -= 1 }
        return collapsed
    }

    /// `folded` with each `ch` that is no part of `sch` read as `reading` (`sh` for French, `kh` for
    /// German, `k` for the Greek `ch` of `Christine` that Russian writes `к`); nil when it has none.
    package static func readingCh(_ folded: String, as reading: StaticString) -> String? {
        // Most words have no `ch`: say so before copying anything.
        var hasCh = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in folded.utf8 {
            if b == 0x68, previous == 0x63, beforePrevious != 0x73 { hasCh = true; break }
            beforePrevious = previous
            previous = b
        }
        guard hasCh else { return nil }
        let input = Array(folded.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 2)
        var changed = false
        var i = 0
        while i < input.count {
            if input[i] == 0x63, i + 1 < input.count, input[i + 1] == 0x68, i == 0 || input[i - 1] != 0x73 {
                reading.withUTF8Buffer { out.append(contentsOf: $0) }
                changed = true
                i += 2
                continue
            }
            out.append(input[i])
            i += 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }

    @inline(__always)
    static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
}

/// A coarse consonant skeleton of a given name, for telling whether a word before a matched
/// surname is that person's given name in another spelling or script: `Энтони` and `Antony`,
/// `Луиса` and `Luiz`, `Инасиу` and `Inácio`, `Джером` and `Jerome`, `Кристин` and `Christine`,
/// `Michail` and `Mikhail`, `Эндрю` and `Andrew`.
///
/// Far looser than ``TransliterationKey``: vowels, `j`/`y`, `h`/`g`/`kh` and `w`/`v` are dropped and
/// the sibilants fall together, so it is only ever compared for one person already named by a
/// surname (`GazetteerMatcher`), never looked up in an index. A word has a few skeletons, one
/// per reading of the letters that languages read differently (`ch` as in English, German or
/// Greek names; `j` as in English or German ones); two words agree when one skeleton is shared.
package enum NameSkeleton {
    /// The skeletons of a folded Latin word (Cyrillic words romanised first).
    package static func skeletons(_ folded: String) -> Set<String> {
        var out: Set<String> = []
        let readings = [folded, TransliterationKey.readingCh(folded, as: "k"), TransliterationKey.readingCh(folded, as: "kh")]
        for read in readings.compactMap({ $0 }) {
            for jSibilant in [false, true] { out.insert(skeleton(read, jSibilant: jSibilant)) }
        }
        return out
    }

    /// One skeleton of `folded`: `c` before `e`, `i`, `y` read `s`, then ``TransliterationKey``'s
    /// key with its vowels, `H` (g, h, kh), `v` (v, w) and `d` before a sibilant dropped and the
    /// sibilants (s, z, sh, zh, ch, ts) as one; a first `j` a sibilant (`Jerome`, `Джером`) or a vowel.
    static func skeleton(_ folded: String, jSibilant: Bool) -> String {
        var bytes = Array(folded.utf8)
        for k in bytes.indices where bytes[k] == 0x63 && k + 1 < bytes.count && (bytes[k + 1] == 0x65 || bytes[k + 1] == 0x69 || bytes[k + 1] == 0x79) {
            bytes[k] = 0x73
        }
        if jSibilant, bytes.first == 0x6A { bytes[0] = 0x73 }
        let key = Array(TransliterationKey.key(String(decoding: bytes, as: UTF8.self)).utf8)
        var out: [UInt8] = []
        for (k, b) in key.enumerated() {
            let next: UInt8? = k + 1 < key.count ? key[k + 1] : nil
            switch b {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x48, 0x76: continue  // a e i o u, H, v
            case 0x64 where next == 0x73 || next == 0x53 || next == 0x5A || next == 0x43 || next == 0x54: continue  // d before a sibilant
            case 0x73, 0x53, 0x5A, 0x43, 0x54: if out.last != 0x73 { out.append(0x73) }
            default: if out.last != b { out.append(b) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A phonetic key of names that Russian and Ukrainian write by their sound, which no romanisation
/// key reaches: `Джером Пауэлл` (Jerome Powell: English `j` is `дж`, `w` is `у`), `Эндрю Бейли`
/// (Andrew Bailey), `Уильям Руто` (William Ruto), `Сіменс` (Siemens), `Фольксваген` (Volkswagen).
///
/// A word's key is its consonants as they sound: vowels, `y`, `h` (and `kh`, which is how Russian
/// writes an English `h`) and English `w` are dropped; `ph` is `f`, `th` is `t`, `c`/`k`/`q` are
/// `k` (`c` before `e`, `i`, `y` is `s`), `x` is `ks`, `z`/`ts`/`tz`/`dz` are `s`, and
/// `sh`/`ch`/`zh`/`sch`/`j`/`dzh` are one hushing sound; doubled consonants are one. Unlike
/// ``NameSkeleton``, `v` and `g` stay, so `Кавказ` keeps its `v`. A Latin word also has the keys of
/// its other readings: `ch` as `k` (`Christopher`, `Кристофер`) or `kh`, `j` as `y` (`Jürgen`),
/// `g` before `e`/`i` as `dzh` (`Gianni`, `Джанни`), `v` as `f` and `w` as `v`, as German reads
/// them (`Volkswagen`, `Фольксваген`).
///
/// Keys are looked up in the gazetteer's loose index (``Gazetteer``) in a key space of their own,
/// only for capitalised Cyrillic words that no spelling matched (``GazetteerMatcher``).
package enum PhoneticName {
    /// The keys under which a person is found by a first given name and a surname, from the keys
    /// of each (``readings(_:)`` of a listed Latin name, ``key(_:)`` of romanised Cyrillic stems):
    /// one per pair, when the two have four consonants at least between them (`Томас Бах` has;
    /// `Ли Бо` has not: too many names share so little).
    package static func personKeys(given: Set<String>, surname: Set<String>) -> Set<String> {
        var out: Set<String> = []
        for g in given where !g.isEmpty {
            for s in surname where !s.isEmpty && g.utf8.count + s.utf8.count >= 4 { out.insert("\u{1}" + g + " " + s) }
        }
        return out
    }

    /// The keys under which a one-word organisation name is found, from the keys of the word (as
    /// for ``personKeys(given:surname:)``), those with `least` consonants at least: four, since
    /// shorter keys meet too many words (`Боинг`, `bng`, is left to the lists).
    package static func organizationKeys(_ keys: Set<String>, least: Int = 4) -> Set<String> {
        Set(keys.filter { $0.utf8.count >= least }.map { "\u{2}" + $0 })
    }

    /// `word` with the letters whose diacritic makes another sound spelled out as English spells
    /// that sound (`č`, `ć`, Turkish `ç` → `ch`; `š`, `ś`, Romanian `ș` and Turkish `ş` → `sh`;
    /// `ž`, `ź`, `ż` → `zh`; `đ` → `dj`; Romanian `ț` → `ts`; Turkish `ğ`, which lengthens the vowel,
    /// → nothing), so that `Vučić` also reads `Vuchich`, as Russian writes it (`Вучич`), `Nicușor`
    /// `Nicushor` (`Никушор`) and `Yaşar` `Yashar` (`Яшар`); folding alone drops the diacritic.
    package static func spellingOut(_ word: some StringProtocol) -> String {
        var out = ""
        for scalar in word.unicodeScalars {
            switch scalar {
            case "č", "ć", "ç": out += "ch"
            case "Č", "Ć", "Ç": out += "Ch"
            case "š", "ś", "ș", "ş": out += "sh"
            case "Š", "Ś", "Ș", "Ş": out += "Sh"
            case "ž", "ź", "ż": out += "zh"
            case "Ž", "Ź", "Ż": out += "Zh"
            case "đ": out += "dj"
            case "Đ": out += "Dj"
            case "ț": out += "ts"
            case "Ț": out += "Ts"
            case "ğ", "Ğ": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The keys of a folded word in each of its readings.
    package static func readings(_ folded: String) -> Set<String> {
        var words: Set<String> = [folded]
        // Spanish `j` is Russian `х` (`José`, `Feijóo`: `Хосе`, `Фейхоо`).
        for (pattern, reading) in [("ch", "k"), ("ch", "kh"), ("j", "y"), ("j", "kh"), ("v", "f"), ("w", "v")]
            as [(StaticString, StaticString)] {
            for word in words { if let read = replacing(word, pattern, with: reading) { words.insert(read) } }
        }
        for word in words { if let west = westSlavicC(word) { words.insert(west) } }
        for word in words { if let soft = softG(word) { words.insert(soft) } }
        for word in words { if let hard = initialHAsG(word) { words.insert(hard) } }
        return Set(words.map(key))
    }

    /// `folded` with each `c` that starts no `ch` or `cz` read `ts`, as Polish, Czech and the other
    /// West and South Slavic languages read it (`Nawrocki`, `Macron` stays `k` in its other reading:
    /// `Навроцкий`); nil when it has none.
    static func westSlavicC(_ folded: String) -> String? {
        let input = Array(folded.utf8)
        var out: [UInt8] = []
        var changed = false
        for (k, b) in input.enumerated() {
            let next: UInt8 = k + 1 < input.count ? input[k + 1] : 0
            if b == 0x63, next != 0x68, next != 0x7A {
                out += [0x74, 0x73]
                changed = true
            } else {
                out.append(b)
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }

    /// `folded` with an initial `h` before a vowel read `g`, as Russian long wrote it and Ukrainian
    /// writes it (`Harry`, `Hans`, `Helmut`: `Гарри`, `Ганс`, `Гельмут`); nil otherwise.
    static func initialHAsG(_ folded: String) -> String? {
        let input = Array(folded.utf8)
        guard input.count >= 3, input[0] == 0x68, [0x61, 0x65, 0x69, 0x6F, 0x75].contains(input[1]) else { return nil }
        return "g" + String(decoding: input[1...], as: UTF8.self)
    }

    /// The consonant key of one reading of a folded word (see the type's documentation).
    package static func key(_ folded: String) -> String {
        let input = Array(folded.utf8)
        var out: [UInt8] = []
        var i = 0
        func has(_ text: StaticString) -> Bool {
            text.withUTF8Buffer { pattern in
                guard i + pattern.count <= input.count else { return false }
                for k in 0..<pattern.count where input[i + k] != pattern[k] { return false }
                return true
            }
        }
        func emit(_ b: UInt8) { if out.last != b { out.append(b) } }
        let hushing: UInt8 = 0x53  // S
        while i < input.count {
            let b = input[i]
            if has("shch") { emit(hushing); i += 4; continue }
            if has("tsch") { emit(hushing); i += 4; continue }
            if has("tsh") || has("dzh") { emit(hushing); i += 3; continue }  // `Tshisekedi`: `Чисекеди`
            if has("sch") { emit(hushing); i += 3; continue }
            if has("sh") || has("ch") || has("zh") { emit(hushing); i += 2; continue }
            if has("ts") || has("tz") || has("dz") { emit(0x73); i += 2; continue }
            if has("kh") { i += 2; continue }
            if has("ph") { emit(0x66); i += 2; continue }
            if has("th") { emit(0x74); i += 2; continue }
            switch b {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x68, 0x77: break  // a e i o u y h w
            case 0x63:  // c: s before e, i, y; k otherwise
                let next: UInt8? = i + 1 < input.count ? input[i + 1] : nil
                emit(next == 0x65 || next == 0x69 || next == 0x79 ? 0x73 : 0x6B)
            case 0x6B, 0x71: emit(0x6B)
            case 0x78: emit(0x6B); emit(0x73)
            case 0x7A: emit(0x73)
            case 0x6A: emit(hushing)
            case 0x61...0x7A: emit(b)
            default: break
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `folded` with each `pattern` read as `reading`; nil when it has none.
    static func replacing(_ folded: String, _ pattern: StaticString, with reading: StaticString) -> String? {
        let input = Array(folded.utf8)
        return pattern.withUTF8Buffer { p -> String? in
            reading.withUTF8Buffer { r -> String? in
                var out: [UInt8] = []
                var changed = false
                var i = 0
                while i < input.count {
                    if i + p.count <= input.count, (0..<p.count).allSatisfy({ input[i + $0] == p[$0] }) {
                        out.append(contentsOf: r)
                        i += p.count
                        changed = true
                    } else {
                        out.append(input[i])
                        i += 1
                    }
                }
                return changed ? String(decoding: out, as: UTF8.self) : nil
            }
        }
    }

    /// `folded` with each `g` before `e`, `i` or `y` read `dzh`, as English and Italian read it
    /// (`George`, `Gianni`: `Джордж`, `Джанни`); nil when it has none.
    static func softG(_ folded: String) -> String? {
        let input = Array(folded.utf8)
        var out: [UInt8] = []
        var changed = false
        for (k, b) in input.enumerated() {
            if b == 0x67, k + 1 < input.count, input[k + 1] == 0x65 || input[k + 1] == 0x69 || input[k + 1] == 0x79 {
                out += [0x64, 0x7A, 0x68]
                changed = true
            } else {
                out.append(b)
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }
}
