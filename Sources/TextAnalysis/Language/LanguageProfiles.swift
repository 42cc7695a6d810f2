internal import Foundation
@_spi(GazetteInternal) public import GazetteCore

/// Character 1-, 2- and 3-gram statistics of the languages that share a script with others,
/// loaded from `models/language/profiles.tsv` (built by `Scripts/build-language-profiles` from the
/// profiles of the `langdetect` package, Apache-2.0).
///
/// Each n-gram row holds one byte per language: `-10 ln p(n-gram | language)`, or ``unseen``.
public struct LanguageProfiles: Sendable {
    /// The shipped profiles' path inside the data folder.
    public static let defaultPath = "models/language/profiles.tsv"
    /// Row value of a language that never showed the n-gram.
    static let unseen: UInt8 = 255

    /// Language codes, in column order.
    let languages: [String]
    /// The script each language is written in, by column.
    let scripts: [WritingScript]
    /// N-gram key (``LanguageIdentifier/key``) → first byte of its row in ``rows``.
    let rowStart: NGramTable
    /// One row of ``languages``.count bytes per n-gram.
    let rows: [UInt8]

    /// Loads profiles from a file in the `profiles.tsv` format.
    public init(contentsOf path: String) throws(GazetteError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw GazetteError(.io, "cannot read the language profiles at \(path) (rebuild them with Scripts/build-language-profiles)", cause: "\(error)")
        }
        try self.init(parsing: text, source: path)
    }

    /// Loads the shipped profiles from the data folder.
    public static func standard() throws(GazetteError) -> LanguageProfiles {
        try LanguageProfiles(contentsOf: DataLocator.path(defaultPath))
    }

    /// Parses the text of a `profiles.tsv` file; `source` names it in error messages.
    init(parsing text: String, source: String) throws(GazetteError) {
        var languages: [String] = []
        var scripts: [WritingScript] = []
        var rowStart: [(key: UInt64, row: Int32)] = []
        var rows: [UInt8] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            if line.hasPrefix("#languages\t") {
                for entry in line.dropFirst("#languages\t".count).split(separator: " ") {
                    let parts = entry.split(separator: ":")
                    guard parts.count == 2, let script = WritingScript(iso15924: String(parts[1])) else {
                        throw GazetteError(.model, "\(source) line \(lineNumber): '\(entry)' is not language:script")
                    }
                    languages.append(String(parts[0]))
                    scripts.append(script)
                }
                continue
            }
            if line.hasPrefix("#") { continue }
            guard !languages.isEmpty, let tab = line.firstIndex(of: "\t") else {
                throw GazetteError(.model, "\(source) line \(lineNumber): an n-gram line before the #languages line, or no tab")
            }
            let gram = Array(line[..<tab].unicodeScalars)
            guard (1...3).contains(gram.count) else {
                throw GazetteError(.model, "\(source) line \(lineNumber): n-grams have 1 to 3 characters")
            }
            let start = rows.count
            rows.append(contentsOf: repeatElement(Self.unseen, count: languages.count))
            for cell in line[line.index(after: tab)...].split(separator: " ") {
                let bytes = Array(cell.utf8)
                guard bytes.count >= 2, let column = letters.firstIndex(of: bytes[0]), column < languages.count,
                      let score = UInt8(String(decoding: bytes[1...], as: UTF8.self)), score < Self.unseen else {
                    throw GazetteError(.model, "\(source) line \(lineNumber): '\(cell)' is not a language letter and a score")
                }
                rows[start + column] = score
            }
            rowStart.append((LanguageIdentifier.key(gram.map(\.value)), Int32(start)))
        }
        guard !languages.isEmpty else { throw GazetteError(.model, "\(source) has no #languages line") }
        self.languages = languages
        self.scripts = scripts
        self.rowStart = NGramTable(rowStart)
        self.rows = rows
    }
}

/// A fixed open-addressing table from n-gram keys to row offsets: one multiply and, almost always,
/// one probe per look-up, where a `Dictionary` hashes the key with SipHash.
struct NGramTable: Sendable {
    private let keys: [UInt64]
    private let values: [Int32]
    private let shift: UInt64

    /// A table of `entries` (keys are never 0: an n-gram has at least one non-zero scalar).
    init(_ entries: [(key: UInt64, row: Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: size)
        var values = [Int32](repeating: -1, count: size)
        for entry in entries {
            var slot = Int((entry.key &* StableHash.golden) >> (64 - bits))
            while keys[slot] != 0 && keys[slot] != entry.key { slot = (slot + 1) & (size - 1) }
            keys[slot] = entry.key
            values[slot] = entry.row
        }
        self.keys = keys
        self.values = values
        self.shift = 64 - bits
    }

    /// The row offset of `key`, or nil.
    @inline(__always)
    subscript(_ key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var slot = Int((key &* StableHash.golden) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
