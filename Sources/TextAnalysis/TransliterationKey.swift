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
        let input = Array(folded.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        func has(_ text: StaticString) -> Bool {
            text.withUTF8Buffer { pattern in
                guard i + pattern.count <= input.count else { return false }
                for k in 0..<pattern.count where input[i + k] != pattern[k] { return false }
                return true
            }
        }
        while i < input.count {
            let b = input[i]
            if has("shch") { out += [0x53, 0x43]; i += 4; continue }  // SC
            if has("tsch") { out.append(0x43); i += 4; continue }  // C
            if has("sch") { out.append(0x53); i += 3; continue }  // S
            if has("ch") { out.append(0x43); i += 2; continue }
            if has("sh") { out.append(0x53); i += 2; continue }
            if has("zh") { out.append(0x5A); i += 2; continue }  // Z
            if has("kh") { out.append(0x48); i += 2; continue }  // H
            if has("ts") || has("tz") { out.append(0x54); i += 2; continue }  // T
            if has("ck") { out.append(0x6B); i += 2; continue }
            if has("ph") { out.append(0x66); i += 2; continue }
            if has("ou") { out.append(0x75); i += 2; continue }
            switch b {
            case 0x63, 0x71: out.append(0x6B)  // c q → k
            case 0x78: out += [0x6B, 0x73]  // x → ks
            case 0x77: out.append(0x76)  // w → v
            case 0x6A, 0x79: out.append(0x69)  // j y → i
            case 0x67, 0x68: out.append(0x48)  // g h → H
            case 0x7A: out.append(0x73)  // z → s
            case 0x27, 0x2D, 0x2E: break  // apostrophes, hyphens and dots inside the word
            default: out.append(b)
            }
            i += 1
        }
        // An acronym's letters are each a word: no doubled letters fall together (FFF is not F).
        if acronym { return "^" + String(decoding: out, as: UTF8.self) }
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(out.count)
        for b in out where collapsed.last != b { collapsed.append(b) }
        while collapsed.count > 3, let last = collapsed.last, isVowel(last) { collapsed.removeLast() }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// `folded` with each `ch` that is no part of `sch` read as `reading` (`sh` for French, `kh` for
    /// German, `k` for the Greek `ch` of `Christine` that Russian writes `к`); nil when it has none.
    package static func readingCh(_ folded: String, as reading: StaticString) -> String? {
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
