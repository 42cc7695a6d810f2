@_spi(GazetteInternal) import GazetteCore
import TextAnalysis

/// Hashes of folded tokens and token sequences: the keys of the gazetteer index.
///
/// A token hashes to FNV-1a of its folded bytes (ASCII lower-cased in place, other tokens through
/// ``TextFolding``; a Cyrillic word through its stem, ``CyrillicNames``, so every case form of a
/// declined name has the key of the list's nominative); a sequence combines its token hashes, so
/// the matcher extends a key one token at a time without building strings.
package enum TokenHash {
    /// The seed of an empty sequence.
    public static let empty = StableHash.golden

    /// Extends a sequence hash by one token hash.
    @inline(__always)
    public static func combine(_ sequence: UInt64, _ token: UInt64) -> UInt64 { StableHash.extend(sequence, token) }

    /// The hash of one token's bytes after folding.
    @inline(__always)
    public static func token(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var ascii = true
        var h = StableHash.fnvOffset
        for b in bytes {
            if b >= 0x80 { ascii = false; break }
            h = StableHash.fnv1a(h, StableHash.asciiLowercased(b))
        }
        if ascii { return h }
        if CyrillicNames.startsCyrillic(bytes), let stems = CyrillicNames.stems(bytes) { return string(stems.stem) }
        return string(TextFolding.fold(bytes))
    }

    /// FNV-1a of an already folded string.
    public static func string(_ folded: String) -> UInt64 { StableHash.fnv1a(folded.utf8) }
}

/// The keys a word of the text is looked up by: its own key, another form's key (the oblique
/// stem of a declined Cyrillic word, a German genitive without its `s`), and the keys of the loose
/// transliteration index (``TransliterationKey``). 0 means none.
struct TokenKeys {
    var primary: UInt64 = 0
    var alternate: UInt64 = 0
    var loose: UInt64 = 0
    var looseAlternate: UInt64 = 0

    /// What the language of the text adds to matching.
    struct Options {
        /// Also try a capitalised word without a final `s` (German genitive: `Putins`, `Deutschlands`),
        /// and one ending in `-en`, `-er`, `-em` in its `-e` form (declined adjectives: `Europäischen`).
        var genitiveS = false
        /// Look Latin words up in the transliteration index too (text in a language other than
        /// English: `Poutine`, `Wladimir Putin`). Cyrillic words always are.
        var looseLatin = false
        /// How the language writes a sound that the list's (mostly English) romanisation writes
        /// otherwise, tried as the Latin word's second loose key: French `ch` is `sh` (`Chmyhal`,
        /// `Michoustine`, `Pachinian`), German `ch` (not in `sch`, `tsch`) is `kh` (`Michail`).
        var chReading: StaticString? = nil

        /// The options for a language tag (`de`, `fr-CA`); nil or English adds nothing.
        init(language: String?) {
            guard let language else { return }
            let primary = language.lowercased().prefix { $0 != "-" && $0 != "_" }
            genitiveS = primary == "de"
            looseLatin = primary != "en"
            if primary == "fr" { chReading = "sh" } else if primary == "de" { chReading = "kh" }
        }

        init() {}
    }

    /// The keys of one token of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, kind: Token.Kind, options: Options) {
        primary = TokenHash.token(bytes)
        guard kind == .word, let first = bytes.first else { return }
        if first >= 0x80, CyrillicNames.startsCyrillic(bytes), let stems = CyrillicNames.stems(bytes) {
            let acronym = TextFolding.isAllCaps(bytes)
            var alternateStem = stems.oblique
            if stems.oblique != stems.stem {
                alternate = TokenHash.string(stems.oblique)
            } else if !acronym, let velar = CyrillicNames.velarStem(stems.stem, word: bytes) {
                alternateStem = velar
                alternate = TokenHash.string(velar)
            } else if !acronym, let restored = CyrillicNames.fleetingVowelStem(stems.stem) {
                alternate = TokenHash.string(restored)
            }
            loose = TokenHash.string(TransliterationKey.key(CyrillicNames.romanized(stems.stem), acronym: acronym))
            if alternate != 0 {
                looseAlternate = TokenHash.string(TransliterationKey.key(CyrillicNames.romanized(alternateStem), acronym: acronym))
            }
            return
        }
        guard options.genitiveS || options.looseLatin else { return }
        let folded = first < 0x80 && bytes.allSatisfy({ $0 < 0x80 }) ? nil : TextFolding.fold(bytes)
        if options.genitiveS, bytes.count >= 4, TextFolding.isCapitalized(bytes), !TextFolding.isAllCaps(bytes) {
            let last = bytes[bytes.count - 1]
            if last == 0x73 {
                alternate = TokenHash.token(UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - 1)]))
            } else if bytes.count >= 5, last == 0x6E || last == 0x72 || last == 0x6D, bytes[bytes.count - 2] == 0x65 {
                // A declined adjective (`Europäischen`, `Internationaler`, `Schwarzem`) by its weak
                // form in `-e`, as German names are listed too (`Europäische Union`, `Schwarze Meer`).
                alternate = TokenHash.token(UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - 1)]))
            }
        }
        if options.looseLatin {
            let text = folded ?? TextFolding.fold(bytes)
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return }
            let acronym = TextFolding.isAllCaps(bytes)
            loose = TokenHash.string(TransliterationKey.key(text, acronym: acronym))
            if !acronym, alternate == 0, let reading = options.chReading, let read = TransliterationKey.readingCh(text, as: reading) {
                looseAlternate = TokenHash.string(TransliterationKey.key(read))
            }
        }
    }
}
