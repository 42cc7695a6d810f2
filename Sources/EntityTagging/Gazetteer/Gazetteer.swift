import GazetteCore
import TextAnalysis

/// A loaded set of gazetteer entries with an index from folded token sequences to entries.
///
/// Build it once (``load(directory:extraFiles:)``) and share it: it is immutable and `Sendable`.
/// Entries are kept as compact records (``GazetteerEntries``) and the indexes as flat hash tables,
/// so the compiled cache loads by copying a few arrays.
public struct Gazetteer: Sendable {
    /// One way an entry can be written: a name or alias, with its case pattern.
    struct AliasForm: Sendable, Hashable {
        /// Index into ``entries``.
        var entry: Int32
        /// Number of tokens.
        var tokenCount: UInt8
        /// Marked `~` in the file.
        var marked: Bool
        /// The canonical name rather than an alias.
        var canonical: Bool
        /// Two bits per token: 0 any case, 1 must be capitalised, 2 must be all capitals.
        var caseMask: UInt64
        /// Where the alias as written (for exact-case comparison) lies in ``AliasTable/formBytes``.
        var formStart: UInt32
        var formLength: UInt32
    }

    /// All entries, merged by id and QID.
    public let entries: GazetteerEntries
    /// Entry position by id: the canonical id and every list id (``GazetteerEntry/listIDs``).
    package let entryIndex: GazetteerIDIndex
    /// Number of distinct name and alias forms indexed.
    public let aliasCount: Int
    let forms: AliasTable
    let prefixes: KeySet
    let maxTokens: Int
    /// The Latin names of people and organisations by their loose transliteration key
    /// (``TransliterationKey``), for text in other alphabets and romanisations (`Путин`, `Poutine`).
    /// Its forms point into ``forms``' bytes.
    let loose: AliasTable
    let loosePrefixes: KeySet
    /// The first-token keys (``TokenHash/combine(_:_:)`` with ``TokenHash/empty``) of the names
    /// whose first word may be written in lower case (`daa`, `eBay`), in ``forms`` and in ``loose``:
    /// a word in lower case can start no other name, so matching skips the big tables for it.
    let lowercaseStarts: KeySet
    let looseLowercaseStarts: KeySet

    /// Builds the index over `entries` (already merged, unique ids).
    public init(entries: [GazetteerEntry]) {
        var pairs: [(key: UInt64, form: AliasForm)] = []
        var formBytes: [UInt8] = []
        var prefixes: Set<UInt64> = []
        var maxTokens = 1
        var ids: [(id: String, entry: Int)] = []
        var loosePairs: [(key: UInt64, form: AliasForm)] = []
        var loosePrefixes: Set<UInt64> = []
        var lowercaseStarts: Set<UInt64> = [], looseLowercaseStarts: Set<UInt64> = []
        let segmenter = Segmenter()
        for (index, entry) in entries.enumerated() {
            ids.append((entry.id, index))
            for listID in entry.listIDs { ids.append((listID, index)) }
            var written: Set<String> = []
            for (k, alias) in ([entry.name] + entry.aliases).enumerated() where written.insert(alias).inserted {
                guard var form = Gazetteer.form(of: alias, segmenter: segmenter) else { continue }
                form.alias.entry = Int32(index)
                form.alias.canonical = k == 0
                form.alias.marked = entry.ambiguousAliases.contains(alias)
                form.alias.formStart = UInt32(truncatingIfNeeded: formBytes.count)
                form.alias.formLength = UInt32(truncatingIfNeeded: alias.utf8.count)
                formBytes.append(contentsOf: alias.utf8)
                pairs.append((form.key, form.alias))
                for prefix in form.prefixes { prefixes.insert(prefix) }
                let lowercaseStart = form.alias.caseMask & 3 == 0
                if lowercaseStart { lowercaseStarts.insert(form.prefixes.first ?? form.key) }
                maxTokens = max(maxTokens, Int(form.alias.tokenCount))
                if entry.type != .place {
                    for keys in Gazetteer.looseKeys(of: alias, segmenter: segmenter) {
                        loosePairs.append((keys.key, form.alias))
                        for prefix in keys.prefixes { loosePrefixes.insert(prefix) }
                        if lowercaseStart { looseLowercaseStarts.insert(keys.prefixes.first ?? keys.key) }
                    }
                    for key in Gazetteer.phoneticKeys(of: alias, type: entry.type, canonical: k == 0, prior: entry.prior) {
                        loosePairs.append((TokenHash.string(key), form.alias))
                    }
                }
            }
        }
        self.init(entries: GazetteerEntries(entries), entryIndex: GazetteerIDIndex(ids), forms: AliasTable(pairs, formBytes: formBytes),
                  prefixes: KeySet(prefixes), maxTokens: min(maxTokens, 12), aliasCount: pairs.count,
                  loose: AliasTable(loosePairs, formBytes: formBytes), loosePrefixes: KeySet(loosePrefixes),
                  lowercaseStarts: KeySet(lowercaseStarts), looseLowercaseStarts: KeySet(looseLowercaseStarts))
    }

    /// Assembles a gazetteer from its parts (the compiled cache).
    init(entries: GazetteerEntries, entryIndex: GazetteerIDIndex, forms: AliasTable, prefixes: KeySet, maxTokens: Int, aliasCount: Int,
         loose: AliasTable, loosePrefixes: KeySet, lowercaseStarts: KeySet, looseLowercaseStarts: KeySet) {
        self.entries = entries
        self.entryIndex = entryIndex
        self.forms = forms
        self.prefixes = prefixes
        self.maxTokens = maxTokens
        self.aliasCount = aliasCount
        self.loose = loose
        self.loosePrefixes = loosePrefixes
        self.lowercaseStarts = lowercaseStarts
        self.looseLowercaseStarts = looseLowercaseStarts
    }

    /// The loose transliteration keys of a Latin-script alias and of their proper prefixes; none for
    /// an alias with a word that does not fold to ASCII letters (it is matched by its own key only).
    /// An alias with a `ch` (not `sch`) has a second key reading it `k`, as Russian and Ukrainian
    /// write the Greek `ch` of `Christine`, `Christoph` (`Кристин`, `Кристоф`).
    static func looseKeys(of alias: String, segmenter: Segmenter) -> [(key: UInt64, prefixes: [UInt64])] {
        var text = alias
        return text.withUTF8 { buffer -> [(UInt64, [UInt64])] in
            let tokens = segmenter.segment(buffer).tokens
            guard !tokens.isEmpty, tokens.count <= 12 else { return [] }
            var key = TokenHash.empty, readKey = TokenHash.empty
            var prefixes: [UInt64] = [], readPrefixes: [UInt64] = []
            var read = false
            for (k, token) in tokens.enumerated() {
                let slice = UnsafeBufferPointer(rebasing: buffer[token.range.start..<token.range.end])
                if k > 0 { prefixes.append(key); readPrefixes.append(readKey) }
                var tokenKey = TokenHash.token(slice)
                var readTokenKey = tokenKey
                if token.kind == .word {
                    let folded = TextFolding.fold(slice)
                    guard folded.utf8.allSatisfy({ $0 < 0x80 }) else { return [] }
                    let acronym = TextFolding.isAllCaps(slice)
                    // One-word names need 5 letters (3 for acronyms): shorter ones meet too many words.
                    if tokens.count == 1, folded.utf8.count < (acronym ? 3 : 5) { return [] }
                    tokenKey = TokenHash.string(TransliterationKey.key(folded, acronym: acronym))
                    readTokenKey = tokenKey
                    if !acronym, let asK = TransliterationKey.readingCh(folded, as: "k") {
                        readTokenKey = TokenHash.string(TransliterationKey.key(asK))
                        read = true
                    }
                }
                key = TokenHash.combine(key, tokenKey)
                readKey = TokenHash.combine(readKey, readTokenKey)
            }
            return read && readKey != key ? [(key, prefixes), (readKey, readPrefixes)] : [(key, prefixes)]
        }
    }

    /// Least prior of an organisation whose one-word name is keyed by its sound
    /// (``PhoneticName/organizationKeys(_:least:)``): companies that a source knows (popularity), and
    /// organisations other than companies (a known company scores 0.65; one only listed, 0.6).
    static let phoneticOrganizationPrior = 0.64

    /// The phonetic keys (``PhoneticName``) a name is also indexed under in the loose table, in
    /// their own key space: a person's canonical name by its first and last word
    /// (``PhoneticName/personKeys(given:surname:)``), a well-known organisation's one-word name
    /// (``PhoneticName/organizationKeys(_:least:)``). Words that do not fold to ASCII letters, initials and
    /// acronyms are not keyed.
    static func phoneticKeys(of alias: String, type: EntityType, canonical: Bool, prior: Double) -> Set<String> {
        func letters(_ word: String) -> Bool { !word.isEmpty && word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        switch type {
        case .person:
            guard canonical else { return [] }
            // A word's keys, in its folded spelling and with its háček letters spelled out (`Vučić`: `vucic`, `vuchich`).
            func keys(_ word: Substring) -> Set<String>? {
                let spellings = Set([TextFolding.fold(String(word)), TextFolding.fold(PhoneticName.spellingOut(word))])
                guard spellings.allSatisfy({ letters($0) && $0.utf8.count >= 2 }) else { return nil }
                return spellings.reduce(into: Set<String>()) { $0.formUnion(PhoneticName.readings($1)) }
            }
            let words = alias.split(separator: " ")
            guard words.count >= 2, var last = words.last else { return [] }
            if ["jr.", "jr", "sr.", "sr", "ii", "iii"].contains(TextFolding.fold(String(last))) { last = words[words.count - 2] }
            guard last != words[0], let given = keys(words[0]), let surname = keys(last) else { return [] }
            return PhoneticName.personKeys(given: given, surname: surname)
        case .organization:
            guard prior >= phoneticOrganizationPrior, alias.utf8.count >= 5, !alias.utf8.contains(0x20), alias != alias.uppercased() else { return [] }
            let folded = TextFolding.fold(alias)
            guard letters(folded) else { return [] }
            return PhoneticName.organizationKeys(PhoneticName.readings(folded))
        case .place:
            return []
        }
    }

    /// Calls `body` with the bytes of `form` as written in the list.
    func withFormBytes<Result>(_ form: AliasForm, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        forms.formBytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(form.formStart)..<(Int(form.formStart) + Int(form.formLength))]))
        }
    }

    /// Tokenises an alias into its index key, prefix keys and case pattern; nil for forms too
    /// short or too generic to match safely (one character, digits only, over 12 tokens).
    static func form(of alias: String, segmenter: Segmenter) -> (key: UInt64, prefixes: [UInt64], alias: AliasForm)? {
        var text = alias
        return text.withUTF8 { buffer -> (UInt64, [UInt64], AliasForm)? in
            let tokens = segmenter.segment(buffer).tokens
            guard !tokens.isEmpty, tokens.count <= 12 else { return nil }
            if tokens.count == 1 {
                let t = tokens[0]
                if t.range.count < 2 || t.kind != .word { return nil }
            }
            var key = TokenHash.empty
            var prefixes: [UInt64] = []
            var mask: UInt64 = 0
            for (k, token) in tokens.enumerated() {
                let slice = UnsafeBufferPointer(rebasing: buffer[token.range.start..<token.range.end])
                if k > 0 { prefixes.append(key) }
                key = TokenHash.combine(key, TokenHash.token(slice))
                if token.kind == .word {
                    var letters = 0
                    for b in slice where CharacterClass.isASCIILetter(b) || b >= 0x80 { letters += 1 }
                    let code: UInt64
                    if letters >= 2, TextFolding.isAllCaps(slice) { code = 2 }
                    else if TextFolding.isCapitalized(slice) { code = 1 }
                    else { code = 0 }
                    if k < 32 { mask |= code << UInt64(2 * k) }
                }
            }
            return (key, prefixes, AliasForm(entry: 0, tokenCount: UInt8(tokens.count), marked: false, canonical: false, caseMask: mask, formStart: 0, formLength: 0))
        }
    }
}
