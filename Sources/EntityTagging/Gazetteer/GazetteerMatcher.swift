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
public struct GazetteerMatcher: PipelineStage {
    public let name = "gazetteer"
    /// The tokens.
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
        article.candidates = text.withUTF8 { match(tokens: tokens, in: $0) }
    }

    /// The candidates in `tokens` of the UTF-8 text `bytes`.
    public func match(tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [Candidate] {
        guard !tokens.isEmpty else { return [] }
        var hashes = [UInt64](repeating: 0, count: tokens.count)
        for (k, token) in tokens.enumerated() {
            hashes[k] = TokenHash.token(UnsafeBufferPointer(rebasing: bytes[token.range.start..<token.range.end]))
        }
        var candidates: [Candidate] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind != .punctuation else { i += 1; continue }
            var key = TokenHash.empty
            var best: (length: Int, entries: [CandidateEntry], exact: Bool)? = nil
            var n = 0
            while n < gazetteer.maxTokens, i + n < tokens.count, tokens[i + n].sentence == tokens[i].sentence {
                key = TokenHash.combine(key, hashes[i + n])
                n += 1
                if let forms = gazetteer.forms[key], let found = accept(forms, tokens: tokens[i..<(i + n)], bytes: bytes) {
                    best = (n, found.entries, found.exact)
                }
                if !gazetteer.prefixes.contains(key) { break }
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
        return candidates
    }

    /// The entries among `forms` whose case pattern the text satisfies, best prior first.
    private func accept(_ forms: ArraySlice<Gazetteer.AliasForm>, tokens: ArraySlice<Token>, bytes: UnsafeBufferPointer<UInt8>) -> (entries: [CandidateEntry], exact: Bool)? {
        var accepted: [(form: Gazetteer.AliasForm, exact: Bool)] = []
        for form in forms where caseFits(form, tokens: tokens, bytes: bytes) {
            accepted.append((form, isExact(form, tokens: tokens, bytes: bytes)))
        }
        guard !accepted.isEmpty else { return nil }
        var seen: Set<Int32> = []
        var entries: [CandidateEntry] = []
        let distinctEntries = Set(accepted.map(\.form.entry)).count
        var anyExact = false
        for (form, exact) in accepted.sorted(by: { lhs, rhs in
            if lhs.exact != rhs.exact { return lhs.exact }
            return gazetteer.entries.prior(at: Int(lhs.form.entry)) > gazetteer.entries.prior(at: Int(rhs.form.entry))
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
