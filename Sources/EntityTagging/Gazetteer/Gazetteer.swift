public import GazetteCore
import Foundation
import TextAnalysis

/// A loaded set of gazetteer entries with an index from folded token sequences to entries.
///
/// Build it once (``load(directory:extraFiles:)``) and share it: it is immutable and `Sendable`.
public struct Gazetteer: Sendable {
    /// One way an entry can be written: a name or alias, with its case pattern.
    struct AliasForm: Sendable {
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
        /// The alias as written, for exact-case comparison.
        var form: String
    }

    /// All entries, merged by id.
    public let entries: [GazetteerEntry]
    /// Entry index by id.
    public let entryIndex: [String: Int]
    /// Number of distinct name and alias forms indexed.
    public let aliasCount: Int
    let forms: [UInt64: [AliasForm]]
    let prefixes: Set<UInt64>
    let maxTokens: Int

    /// Builds the index over `entries` (already merged, unique ids).
    public init(entries: [GazetteerEntry]) {
        var forms: [UInt64: [AliasForm]] = [:]
        var prefixes: Set<UInt64> = []
        var maxTokens = 1
        var aliasCount = 0
        var entryIndex: [String: Int] = [:]
        let segmenter = Segmenter()
        for (index, entry) in entries.enumerated() {
            entryIndex[entry.id] = index
            var written: Set<String> = []
            for (k, alias) in ([entry.name] + entry.aliases).enumerated() where written.insert(alias).inserted {
                guard var form = Gazetteer.form(of: alias, segmenter: segmenter) else { continue }
                form.alias.entry = Int32(index)
                form.alias.canonical = k == 0
                form.alias.marked = entry.ambiguousAliases.contains(alias)
                forms[form.key, default: []].append(form.alias)
                for prefix in form.prefixes { prefixes.insert(prefix) }
                maxTokens = max(maxTokens, Int(form.alias.tokenCount))
                aliasCount += 1
            }
        }
        self.entries = entries
        self.entryIndex = entryIndex
        self.forms = forms
        self.prefixes = prefixes
        self.maxTokens = min(maxTokens, 12)
        self.aliasCount = aliasCount
    }

    /// Restores a gazetteer from its parts (the compiled cache).
    init(entries: [GazetteerEntry], entryIndex: [String: Int], forms: [UInt64: [AliasForm]], prefixes: Set<UInt64>, maxTokens: Int, aliasCount: Int) {
        self.entries = entries
        self.entryIndex = entryIndex
        self.forms = forms
        self.prefixes = prefixes
        self.maxTokens = maxTokens
        self.aliasCount = aliasCount
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
            return (key, prefixes, AliasForm(entry: 0, tokenCount: UInt8(tokens.count), marked: false, canonical: false, caseMask: mask, form: alias))
        }
    }
}

extension Gazetteer {
    /// Loads every `*.tsv` in `directory` and then `extraFiles` (later rows with the same id add
    /// aliases and override non-empty fields). Throws on the first file error, naming `file:line`.
    public static func load(directory: String?, extraFiles: [String] = []) throws(GazetteError) -> Gazetteer {
        var files: [String] = []
        if let directory { files = try GazetteerFile.files(in: directory) }
        files += extraFiles
        var diagnostics: [GazetteerFile.Diagnostic] = []
        let entries = merge(files: files, diagnostics: &diagnostics)
        if let first = diagnostics.first(where: { $0.severity == .error }) {
            let count = diagnostics.filter { $0.severity == .error }.count
            throw GazetteError(.gazetteer, "\(first)" + (count > 1 ? " (and \(count - 1) more; run 'gazette gazetteer check')" : ""))
        }
        return Gazetteer(entries: entries)
    }

    /// Parses and merges files by id, in order; problems go to `diagnostics`.
    public static func merge(files: [String], diagnostics: inout [GazetteerFile.Diagnostic]) -> [GazetteerEntry] {
        var entries: [GazetteerEntry] = []
        var index: [String: Int] = [:]
        var firstFile: [String: String] = [:]
        for file in files {
            for entry in GazetteerFile.parse(path: file, diagnostics: &diagnostics) {
                guard let existing = index[entry.id] else {
                    index[entry.id] = entries.count
                    firstFile[entry.id] = file
                    entries.append(entry)
                    continue
                }
                var merged = entries[existing]
                if merged.type != entry.type {
                    diagnostics.append(.init(severity: .error, file: file, line: 0,
                        message: "id \(entry.id) is \(entry.type.rawValue) here but \(merged.type.rawValue) in \(firstFile[entry.id] ?? "an earlier file")"))
                    continue
                }
                if merged.name != entry.name, !merged.aliases.contains(merged.name) { merged.aliases.append(merged.name) }
                merged.name = entry.name
                for alias in entry.aliases where !merged.aliases.contains(alias) && alias != merged.name { merged.aliases.append(alias) }
                merged.aliases.removeAll { $0 == merged.name }
                merged.ambiguousAliases.formUnion(entry.ambiguousAliases)
                if !entry.country.isEmpty { merged.country = entry.country }
                if !entry.subtype.isEmpty { merged.subtype = entry.subtype }
                if let population = entry.population { merged.population = population }
                if !entry.role.isEmpty { merged.role = entry.role }
                if !entry.source.isEmpty, !merged.source.contains(entry.source) { merged.source += "+" + entry.source }
                entries[existing] = merged
            }
        }
        return entries
    }
}
