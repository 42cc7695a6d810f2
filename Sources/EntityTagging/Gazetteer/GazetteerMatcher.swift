public import GazetteCore
import TextAnalysis

/// Finds gazetteer names in an article's tokens and records them as ``Candidate``s.
///
/// Matching is on token sequences folded for case and diacritics, **leftmost-longest**: from each
/// token the longest name that fits is taken and matching resumes after it, so candidates never
/// overlap (`Bank of England` wins over `England`). A match never crosses a sentence boundary.
/// Case rules keep common words out: a capitalised name needs capitalised text (`apple` never
/// matches Apple Inc.), an acronym needs capitals (`NATO`, not `nato`); all-caps headlines pass
/// both. Offsets are those of the original tokens, so folding never shifts them.
///
/// Inflected names: a Cyrillic word is keyed by its stem, and looked up by its oblique stem too
/// (`Москве`, `Путиным`, `Зеленского`: ``CyrillicNames``); in German text (the article's
/// `language`, when an earlier stage set it) a capitalised word ending in `s` is also looked up
/// without it (`Putins`, `Deutschlands`). Names in other alphabets and romanisations reach the
/// Latin names of people and organisations through a second, looser index
/// (``TransliterationKey``): `Путин` → `Putin`, `НАТО` → `NATO`, `Poutine` → `Putin`; it is
/// consulted for Cyrillic words, and for Latin words when the article's language is known and
/// not English. The longer match wins; at equal length both indexes' entries are kept, the
/// gazetteer's own first.
public struct GazetteerMatcher: PipelineStage {
    public let name = "gazetteer"
    /// The tokens (and the language, when an earlier stage set it; see the type's documentation).
    public var reads: ArticleLayers { .tokens }
    /// Gazetteer matches.
    public var writes: ArticleLayers { .candidates }
    /// The lists matched against.
    public let gazetteer: Gazetteer

    /// Creates a matcher over a loaded gazetteer.
    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    public func process(_ article: inout Article) throws(GazetteError) {
        var text = article.text
        let tokens = article.tokens
        let language = article.language
        article.candidates = text.withUTF8 { match(tokens: tokens, in: $0, language: language) }
    }

    /// The candidates in `tokens` of the UTF-8 text `bytes`, written in `language` (a BCP 47 tag,
    /// nil when unknown).
    public func match(tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>, language: String? = nil) -> [Candidate] {
        guard !tokens.isEmpty else { return [] }
        let options = TokenKeys.Options(language: language)
        var keys = [TokenKeys]()
        keys.reserveCapacity(tokens.count)
        var anyLoose = false
        for token in tokens {
            let k = TokenKeys(UnsafeBufferPointer(rebasing: bytes[token.range.start..<token.range.end]), kind: token.kind, options: options)
            anyLoose = anyLoose || k.loose != 0
            keys.append(k)
        }
        var candidates: [Candidate] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind != .punctuation else { i += 1; continue }
            let lowercase = tokens[i].kind == .word && Self.isLowercase(UnsafeBufferPointer(rebasing: bytes[tokens[i].range.start..<tokens[i].range.end]))
            var best = longest(from: i, tokens: tokens, keys: keys, loose: false, lowercase: lowercase, bytes: bytes)
            if anyLoose, keys[i].loose != 0,
               let found = longest(from: i, tokens: tokens, keys: keys, loose: true, lowercase: lowercase, bytes: bytes) {
                if let main = best, main.length == found.length {
                    let known = Set(main.entries.map(\.id))
                    // Not a person named by one word of a longer name through the loose index alone
                    // (`России` is Russia, not a Rossi; `Paris` in French text is not Parizeau).
                    let added = found.entries.filter { !known.contains($0.id) && !($0.type == .person && found.length == 1 && !$0.isCanonicalName) }
                    best = (main.length, main.entries + added, main.exact || found.exact)
                } else if best.map({ $0.length < found.length }) ?? true {
                    best = found
                }
            }
            if let best {
                candidates.append(Candidate(
                    tokens: i..<(i + best.length),
                    range: TextRange(start: tokens[i].range.start, end: tokens[i + best.length - 1].range.end),
                    entries: best.entries, exactCase: best.exact))
                i += best.length
            } else {
                i += 1
            }
        }
        if anyLoose {
            extendToGivenNames(&candidates, tokens: tokens, bytes: bytes)
            addPhoneticNames(&candidates, tokens: tokens, bytes: bytes)
        }
        return candidates
    }

    /// Names that Russian and Ukrainian write by their sound, found by their phonetic keys
    /// (``PhoneticName``) where no spelling matched: two capitalised Cyrillic words that are a
    /// listed person's first given name and surname (`Джером Пауэлл` → Jerome Powell, `Уильям Руто`
    /// → William Ruto), and one that is a well-known organisation's one-word name (`Сіменс` →
    /// Siemens, `Фольксваген` → Volkswagen). A word may be free or a one-word match of the main
    /// indexes (`Бах`, a surname shared by many); longer matches are kept. Among several entries
    /// under a key the likeliest wins; two different ones equally likely are no match.
    private func addPhoneticNames(_ candidates: inout [Candidate], tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) {
        var cover = [Int](repeating: -1, count: tokens.count)
        for (c, candidate) in candidates.enumerated() { for t in candidate.tokens { cover[t] = c } }
        // The phonetic keys of the romanised stems of a capitalised Cyrillic word (not an acronym) that
        // is free or a one-word match.
        func phoneticKeys(_ t: Int) -> Set<String>? {
            guard t < tokens.count, tokens[t].kind == .word, cover[t] < 0 || candidates[cover[t]].tokens.count == 1 else { return nil }
            let word = UnsafeBufferPointer(rebasing: bytes[tokens[t].range.start..<tokens[t].range.end])
            guard CyrillicNames.startsCyrillic(word), TextFolding.isCapitalized(word), !TextFolding.isAllCaps(word),
                  let stems = CyrillicNames.stems(word) else { return nil }
            let romanized = Set([stems.stem, stems.oblique]).map { CyrillicNames.romanized($0) }
            guard romanized.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }) else { return nil }
            return Set(romanized.map(PhoneticName.key))
        }
        var found: [Candidate] = []
        var replaced: Set<Int> = []
        var t = 0
        while t < tokens.count {
            guard let first = phoneticKeys(t) else { t += 1; continue }
            if tokens.indices.contains(t + 1), tokens[t + 1].sentence == tokens[t].sentence, let second = phoneticKeys(t + 1),
               let entry = phoneticEntry(PhoneticName.personKeys(given: first, surname: second), type: .person) {
                found.append(Candidate(tokens: t..<(t + 2), range: TextRange(start: tokens[t].range.start, end: tokens[t + 1].range.end),
                                       entries: [entry], exactCase: true))
                for k in t...(t + 1) where cover[k] >= 0 { replaced.insert(cover[k]) }
                t += 2
                continue
            }
            if cover[t] < 0 {
                // Four consonants at least (five for a word opening its sentence, which may be any
                // word): shorter keys meet too many words (three cost 0.8 points of Russian WikiANN F1).
                let least = tokens[t].startsSentence ? 5 : 4
                let keys = PhoneticName.organizationKeys(first, least: least)
                if let entry = phoneticEntry(keys, type: .organization) {
                    found.append(Candidate(tokens: t..<(t + 1), range: tokens[t].range, entries: [entry], exactCase: true))
                }
            }
            t += 1
        }
        guard !found.isEmpty else { return }
        candidates = (candidates.enumerated().filter { !replaced.contains($0.offset) }.map(\.element) + found)
            .sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// The likeliest entry of `type` under the phonetic `keys`, as a candidate's entry; nil for none
    /// or for two different entries equally likely.
    private func phoneticEntry(_ keys: Set<String>, type: EntityType) -> CandidateEntry? {
        var positions: Set<Int> = []
        for key in keys {
            guard let forms = gazetteer.loose[TokenHash.string(key)] else { continue }
            for form in forms where gazetteer.entries.type(at: Int(form.entry)) == type { positions.insert(Int(form.entry)) }
        }
        let ranked = positions.sorted { gazetteer.entries.prior(at: $0) > gazetteer.entries.prior(at: $1) }
        guard let best = ranked.first else { return nil }
        if ranked.count > 1, gazetteer.entries.prior(at: ranked[1]) >= gazetteer.entries.prior(at: best) { return nil }
        let (id, name) = gazetteer.entries.idAndName(at: best)
        return CandidateEntry(id: id, type: type, name: name, subtype: gazetteer.entries.subtype(at: best),
                              isCanonicalName: true, prior: gazetteer.entries.prior(at: best))
    }

    /// A person matched by the end of their name (`Блинкеном`, `Лулу да Силву`) takes in the
    /// unmatched capitalised words just before it that are the name's given names in another
    /// spelling or script (``NameSkeleton``: `Энтони` for Antony, `Луиса Инасиу` for Luiz Inácio):
    /// the candidate grows over them and keeps that person alone. Only in text where the loose
    /// index is consulted (another script or language than English).
    private func extendToGivenNames(_ candidates: inout [Candidate], tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) {
        var previousEnd = 0
        for c in candidates.indices {
            defer { previousEnd = candidates[c].tokens.upperBound }
            let candidate = candidates[c]
            guard let person = candidate.entries.first, person.type == .person else { continue }
            let nameWords = person.name.split(separator: " ")
            let matchedWords = candidate.tokens.filter { tokens[$0].kind == .word }.count
            var p = nameWords.count - matchedWords - 1
            var t = candidate.tokens.lowerBound - 1
            var start = candidate.tokens.lowerBound
            while p >= 0, t >= previousEnd, tokens[t].kind == .word, tokens[t].sentence == tokens[start].sentence {
                let word = UnsafeBufferPointer(rebasing: bytes[tokens[t].range.start..<tokens[t].range.end])
                guard TextFolding.isCapitalized(word), !TextFolding.isAllCaps(word) else { break }
                let surface: String
                if CyrillicNames.startsCyrillic(word) {
                    guard let stems = CyrillicNames.stems(word) else { break }
                    surface = CyrillicNames.romanized(stems.stem)
                } else {
                    surface = TextFolding.fold(word)
                }
                let given = TextFolding.fold(String(nameWords[p]))
                guard given.utf8.allSatisfy({ $0 < 0x80 }), surface.utf8.allSatisfy({ $0 < 0x80 }) else { break }
                let skeleton = NameSkeleton.skeletons(surface)
                guard !skeleton.contains(""), !skeleton.isDisjoint(with: NameSkeleton.skeletons(given)) else { break }
                start = t
                p -= 1
                t -= 1
            }
            guard start < candidate.tokens.lowerBound else { continue }
            var entry = person
            entry.isCanonicalName = p < 0
            entry.ambiguous = false
            candidates[c] = Candidate(tokens: start..<candidate.tokens.upperBound,
                                      range: TextRange(start: tokens[start].range.start, end: candidate.range.end),
                                      entries: [entry], exactCase: candidate.exactCase)
        }
    }

    /// True when a word is neither capitalised nor in capitals (`said`, `de`, `eBay`): only a name
    /// whose first word the list writes in lower case can start with it (``caseFits(_:tokens:bytes:)``).
    static func isLowercase(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        !TextFolding.isCapitalized(word) && !TextFolding.isAllCaps(word)
    }

    /// The longest name of the main (or the loose) index that starts at token `i`, trying each
    /// token's own key and its alternate. When the token is a word in lower case (`lowercase`),
    /// only the names listed with a lower-case first word (``Gazetteer/lowercaseStarts``, a small
    /// set) are looked for: the big tables' look-ups, mostly cache misses, are skipped for it.
    private func longest(
        from i: Int, tokens: [Token], keys: [TokenKeys], loose: Bool, lowercase: Bool, bytes: UnsafeBufferPointer<UInt8>
    ) -> (length: Int, entries: [CandidateEntry], exact: Bool)? {
        let table = loose ? gazetteer.loose : gazetteer.forms
        let prefixes = loose ? gazetteer.loosePrefixes : gazetteer.prefixes
        let lowercaseStarts = loose ? gazetteer.looseLowercaseStarts : gazetteer.lowercaseStarts
        // Sequence keys still alive, and whether they went through an alternate key.
        var live: [(key: UInt64, alternate: Bool)] = [(TokenHash.empty, false)]
        var next: [(key: UInt64, alternate: Bool)] = []
        var best: (length: Int, entries: [CandidateEntry], exact: Bool)? = nil
        var n = 0
        while n < gazetteer.maxTokens, i + n < tokens.count, tokens[i + n].sentence == tokens[i].sentence, !live.isEmpty {
            let k = keys[i + n]
            // Inside a name, a hyphen or apostrophe has the same key in both indexes (`Kassym-Jomart`).
            let own = loose && tokens[i + n].kind != .word && n > 0 ? k.primary : loose ? k.loose : k.primary
            let other = loose ? k.looseAlternate : k.alternate
            guard own != 0 else { break }
            next.removeAll(keepingCapacity: true)
            var found: [(form: Gazetteer.AliasForm, alternate: Bool)] = []
            n += 1
            for (sequence, alternate) in live {
                for option in 0..<2 {
                    let value = option == 0 ? own : other
                    guard value != 0, option == 0 || other != own else { continue }
                    let viaAlternate = alternate || option == 1
                    let key = TokenHash.combine(sequence, value)
                    if n == 1, lowercase, !lowercaseStarts.contains(key) { continue }
                    if let forms = table[key] {
                        for form in forms where caseFits(form, tokens: tokens[i..<(i + n)], bytes: bytes) { found.append((form, viaAlternate)) }
                    }
                    if next.count < 4, prefixes.contains(key), !next.contains(where: { $0.key == key }) { next.append((key, viaAlternate)) }
                }
            }
            // A word's own form beats its alternate (`Нигерии` is Nigeria, not Niger by its oblique stem).
            if found.contains(where: { !$0.alternate }) { found.removeAll { $0.alternate } }
            if !found.isEmpty, let accepted = accept(found, tokens: tokens[i..<(i + n)], bytes: bytes, loose: loose) {
                best = (n, accepted.entries, accepted.exact)
            }
            swap(&live, &next)
        }
        return best
    }

    /// The entries of the `found` forms, best prior first, and whether one matched with its exact case.
    private func accept(_ found: [(form: Gazetteer.AliasForm, alternate: Bool)], tokens: ArraySlice<Token>, bytes: UnsafeBufferPointer<UInt8>, loose: Bool) -> (entries: [CandidateEntry], exact: Bool)? {
        // Each form with its entry's prior, read once: the sort compares them many times for a
        // name shared by many places.
        var accepted: [(form: Gazetteer.AliasForm, exact: Bool, prior: Double)] = []
        accepted.reserveCapacity(found.count)
        for (form, alternate) in found {
            let exact = !loose && !alternate && isExact(form, tokens: tokens, bytes: bytes)
            accepted.append((form, exact || ((loose || alternate || Self.hasCyrillic(tokens, bytes)) && caseClassesMatch(form, tokens: tokens, bytes: bytes)),
                             gazetteer.entries.prior(at: Int(form.entry))))
        }
        guard !accepted.isEmpty else { return nil }
        var seen: Set<Int32> = []
        var entries: [CandidateEntry] = []
        let distinctEntries = Set(accepted.map(\.form.entry)).count
        var anyExact = false
        for (form, exact, _) in accepted.sorted(by: { lhs, rhs in
            if lhs.exact != rhs.exact { return lhs.exact }
            return lhs.prior > rhs.prior
        }) where seen.insert(form.entry).inserted {
            anyExact = anyExact || exact
            let position = Int(form.entry)
            let (id, name) = gazetteer.entries.idAndName(at: position)
            let type = gazetteer.entries.type(at: position)
            let partial = Self.isPartialName(form, type: type, name: name)
            entries.append(CandidateEntry(
                id: id, type: type, name: name, subtype: gazetteer.entries.subtype(at: position),
                ambiguous: form.marked || distinctEntries > 1, marked: form.marked, isCanonicalName: form.canonical,
                prior: gazetteer.entries.prior(at: position) * (partial ? 0.6 : 1) * (form.marked ? 0.5 : 1)))
        }
        entries.sort { $0.prior > $1.prior }
        return (entries, anyExact)
    }

    /// True when a person is matched by one word of a longer name (`Meta` for Ilir Meta): weaker
    /// evidence than the full name, since surnames are shared by many people and things.
    static func isPartialName(_ form: Gazetteer.AliasForm, type: EntityType, name: String) -> Bool {
        type == .person && !form.canonical && form.tokenCount == 1 && name.utf8.contains(0x20)
    }

    /// True when each word token has the case the alias needs at that position.
    private func caseFits(_ form: Gazetteer.AliasForm, tokens: ArraySlice<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (k, token) in tokens.enumerated() where token.kind == .word && k < 32 {
            let code = (form.caseMask >> UInt64(2 * k)) & 3
            if code == 0 { continue }
            let slice = UnsafeBufferPointer(rebasing: bytes[token.range.start..<token.range.end])
            if code == 2 {
                if !TextFolding.isAllCaps(slice) { return false }
            } else if !TextFolding.isCapitalized(slice) {
                return false
            }
        }
        return true
    }

    /// True when each word token is written as the alias writes it: lower case, capitalised or all
    /// capitals (the exact-case test for a match whose letters differ: another case form, script or
    /// romanisation).
    private func caseClassesMatch(_ form: Gazetteer.AliasForm, tokens: ArraySlice<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (k, token) in tokens.enumerated() where token.kind == .word && k < 32 {
            let code = (form.caseMask >> UInt64(2 * k)) & 3
            let slice = UnsafeBufferPointer(rebasing: bytes[token.range.start..<token.range.end])
            let capitalized = TextFolding.isCapitalized(slice)
            let allCaps = capitalized && slice.count > 1 && TextFolding.isAllCaps(slice)
            switch code {
            case 0: if capitalized { return false }
            case 1: if !capitalized || allCaps { return false }
            default: if !allCaps { return false }
            }
        }
        return true
    }

    /// True when a word of the span is Cyrillic (matched by its stem, so its letters may differ).
    private static func hasCyrillic(_ tokens: ArraySlice<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        tokens.contains { CyrillicNames.startsCyrillic(UnsafeBufferPointer(rebasing: bytes[$0.range.start..<$0.range.end])) }
    }

    private func isExact(_ form: Gazetteer.AliasForm, tokens: ArraySlice<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = tokens.first, let last = tokens.last else { return false }
        let span = bytes[first.range.start..<last.range.end]
        return gazetteer.withFormBytes(form) { aliasBytes in
            // Compare ignoring spacing differences: walk both, skipping spaces.
            var a = aliasBytes.startIndex, t = span.startIndex
            while a < aliasBytes.endIndex || t < span.endIndex {
                while a < aliasBytes.endIndex, aliasBytes[a] == 0x20 { a += 1 }
                while t < span.endIndex, span[t] == 0x20 || span[t] == 0x0A { t += 1 }
                if a == aliasBytes.endIndex || t == span.endIndex { return a == aliasBytes.endIndex && t == span.endIndex }
                if aliasBytes[a] != span[t] { return false }
                a += 1
                t += 1
            }
            return true
        }
    }
}
