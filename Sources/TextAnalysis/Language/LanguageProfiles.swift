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

    /// Parses the text of a `profiles.tsv` file; `source` names it in error messages. Works on the
    /// UTF-8 bytes (26,000 lines at every start-up: `String.split` took half of the start-up time).
    init(parsing text: String, source: String) throws(GazetteError) {
        var text = text
        let outcome = text.withUTF8 { bytes in Result { () throws(GazetteError) in try Self.parse(bytes, source: source) } }
        let parsed = try outcome.get()
        self.languages = parsed.languages
        self.scripts = parsed.scripts
        self.rowStart = NGramTable(parsed.rowStart)
        self.rows = parsed.rows
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(GazetteError)
        -> (languages: [String], scripts: [WritingScript], rowStart: [(key: UInt64, row: Int32)], rows: [UInt8])
    {
        var languages: [String] = []
        var scripts: [WritingScript] = []
        var rowStart: [(key: UInt64, row: Int32)] = []
        var rows: [UInt8] = []
        let languagesPrefix = Array("#languages\t".utf8)
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if line.isEmpty { continue }
            if line.starts(with: languagesPrefix) {
                let list = String(decoding: line.dropFirst(languagesPrefix.count), as: UTF8.self)
                for entry in list.split(separator: " ") {
                    let parts = entry.split(separator: ":")
                    guard parts.count == 2, let script = WritingScript(iso15924: String(parts[1])) else {
                        throw GazetteError(.model, "\(source) line \(lineNumber): '\(entry)' is not language:script")
                    }
                    languages.append(String(parts[0]))
                    scripts.append(script)
                }
                continue
            }
            if line[0] == UInt8(ascii: "#") { continue }
            guard !languages.isEmpty, let tab = line.firstIndex(of: 0x09) else {
                throw GazetteError(.model, "\(source) line \(lineNumber): an n-gram line before the #languages line, or no tab")
            }
            // The n-gram: one to three scalars, decoded by hand.
            var key: UInt64 = 0
            var scalars = 0
            var index = 0
            while index < tab {
                let lead = line[index]
                let width = CharacterClass.width(lead)
                guard index + width <= tab else { break }
                var scalar = UInt32(lead) & (width == 1 ? 0x7F : width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for offset in 1..<max(1, width) { scalar = scalar << 6 | UInt32(line[index + offset] & 0x3F) }
                key = key << 21 | UInt64(scalar & 0x1F_FFFF)
                scalars += 1
                index += max(1, width)
            }
            guard (1...3).contains(scalars) else {
                throw GazetteError(.model, "\(source) line \(lineNumber): n-grams have 1 to 3 characters")
            }
            let start = rows.count
            rows.append(contentsOf: repeatElement(Self.unseen, count: languages.count))
            // Cells: a language letter (a–z, A–Z by column) and a score, separated by spaces.
            var position = tab + 1
            while position < line.count {
                if line[position] == 0x20 { position += 1; continue }
                let letter = line[position]
                let column: Int
                switch letter {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): column = Int(letter - UInt8(ascii: "a"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = 26 + Int(letter - UInt8(ascii: "A"))
                default: column = Int.max
                }
                position += 1
                var score = 0, digits = 0
                while position < line.count, line[position] != 0x20 {
                    let digit = Int(line[position]) - 0x30
                    guard (0...9).contains(digit) else { digits = 0; score = Int.max; break }
                    score = score * 10 + digit
                    digits += 1
                    position += 1
                }
                guard column < languages.count, digits > 0, score < Int(Self.unseen) else {
                    throw GazetteError(.model, "\(source) line \(lineNumber): a cell is not a language letter and a score")
                }
                rows[start + column] = UInt8(score)
            }
            rowStart.append((key, Int32(start)))
        }
        guard !languages.isEmpty else { throw GazetteError(.model, "\(source) has no #languages line") }
        return (languages, scripts, rowStart, rows)
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
