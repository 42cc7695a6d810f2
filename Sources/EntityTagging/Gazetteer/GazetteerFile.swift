public import GazetteCore
import Foundation

/// Reads and validates gazetteer TSV files (format in `gazetteers/README.md`).
public enum GazetteerFile {
    /// The exact header line every entity file starts with.
    public static let header = "id\ttype\tname\taliases\tcountry\tsubtype\tpopulation\trole\tsource"
    static let columnCount = 9

    /// A problem found in a file, with its place.
    public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
        /// `error` stops loading; `warning` is reported by `gazette gazetteer check` only.
        public enum Severity: String, Sendable { case error, warning }
        /// How serious it is.
        public var severity: Severity
        /// File path.
        public var file: String
        /// 1-based line number (0 for the whole file).
        public var line: Int
        /// What is wrong.
        public var message: String
        public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
    }

    /// The `*.tsv` entity files directly inside `directory` in load order: generated lists by name,
    /// then the hand-curated lists (`*-curated.tsv`) by name, so curated names and fields win.
    public static func files(in directory: String) throws(GazetteError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw GazetteError(.io, "cannot read gazetteer folder \(directory)", cause: "\(error)")
        }
        let lists = names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted()
        let curated = lists.filter { $0.hasSuffix("-curated.tsv") }
        return (lists.filter { !$0.hasSuffix("-curated.tsv") } + curated).map { directory + "/" + $0 }
    }

    /// Parses one file into entries, appending problems to `diagnostics`. Rows with errors are skipped.
    public static func parse(path: String, diagnostics: inout [Diagnostic]) -> [GazetteerEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(severity: .error, file: path, line: 0, message: "cannot read file"))
            return []
        }
        return parse(bytes: [UInt8](data), path: path, diagnostics: &diagnostics)
    }

    /// Parses the bytes of one file (see ``parse(path:diagnostics:)``).
    public static func parse(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [GazetteerEntry] {
        var entries: [GazetteerEntry] = []
        var seenIDs: [String: Int] = [:]
        var lineNumber = 0
        var start = 0
        var sawHeader = false
        func error(_ message: String) { diagnostics.append(Diagnostic(severity: .error, file: path, line: lineNumber, message: message)) }
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { start = end + 1 }
            let lineBytes = bytes[start..<lineEnd]
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                error("line is not valid UTF-8")
                continue
            }
            if !sawHeader {
                sawHeader = true
                let cleaned = line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line
                if cleaned != header { error("first line must be the header '\(header.replacingOccurrences(of: "\t", with: "<TAB>"))'") ; return [] }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count == columnCount else {
                error("expected \(columnCount) tab-separated columns, found \(columns.count)")
                continue
            }
            let id = columns[0], name = columns[2]
            guard !id.isEmpty else { error("empty id"); continue }
            guard let type = EntityType(rawValue: columns[1]) else {
                error("unknown type '\(columns[1])' (expected Person, Place or Organization)")
                continue
            }
            guard !name.isEmpty else { error("empty name for \(id)"); continue }
            if let previous = seenIDs[id] {
                error("duplicate id \(id) (first on line \(previous))")
                continue
            }
            seenIDs[id] = lineNumber
            var population: Int? = nil
            if !columns[6].isEmpty {
                guard let value = Int(columns[6]), value >= 0 else { error("population '\(columns[6])' is not a whole number"); continue }
                population = value
            }
            var aliases: [String] = []
            var ambiguous: Set<String> = []
            for raw in columns[3].split(separator: "|") {
                var alias = raw.trimmingCharacters(in: .whitespaces)
                if alias.hasPrefix("~") {
                    alias.removeFirst()
                    alias = alias.trimmingCharacters(in: .whitespaces)
                    ambiguous.insert(alias)
                }
                if !alias.isEmpty, alias != name, !aliases.contains(alias) { aliases.append(alias) }
            }
            entries.append(GazetteerEntry(
                id: id, type: type, name: name, aliases: aliases, ambiguousAliases: ambiguous,
                country: columns[4], subtype: columns[5], population: population, role: columns[7], source: columns[8]))
        }
        if !sawHeader { diagnostics.append(Diagnostic(severity: .error, file: path, line: 0, message: "empty file: a header line is required")) }
        return entries
    }
}
