public import GazetteCore
import Foundation

/// Reads and validates gazetteer TSV files (format in `gazetteers/README.md`).
///
/// A file starts with a header line: the nine ``header`` columns, then optionally any of the
/// ``optionalColumns`` in any order (`wikidata`, `wikidata_source`, `coordinates`, `popularity`).
/// Files with the nine columns only, as Gazette wrote before the optional columns existed, read as
/// before. An unknown extra column is ignored with a warning, so a list written for a newer Gazette
/// still loads.
public enum GazetteerFile {
    /// The nine columns every entity file starts its header with.
    public static let header = "id\ttype\tname\taliases\tcountry\tsubtype\tpopulation\trole\tsource"
    /// The header with every optional column, as the build script and the Wikidata importer write it.
    public static let fullHeader = header + "\t" + optionalColumns.joined(separator: "\t")
    /// Columns a file may add after the nine, in the order Gazette writes them.
    public static let optionalColumns = ["wikidata", "wikidata_source", "coordinates", "popularity"]
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

    /// The line (without newline) of `entry` under ``fullHeader``: tabs, newlines and `|` inside
    /// fields become spaces, aliases in ``GazetteerEntry/ambiguousAliases`` get their `~`.
    public static func row(_ entry: GazetteerEntry) -> String {
        func clean(_ text: String) -> String {
            String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "|" ? " " : $0 }).trimmingCharacters(in: .whitespaces)
        }
        var aliases: [String] = []
        if entry.ambiguousAliases.contains(entry.name) { aliases.append("~" + clean(entry.name)) }
        for alias in entry.aliases where alias != entry.name {
            let cleaned = clean(alias)
            guard !cleaned.isEmpty else { continue }
            aliases.append(entry.ambiguousAliases.contains(alias) ? "~" + cleaned : cleaned)
        }
        let fields = [
            clean(entry.id), entry.type.rawValue, clean(entry.name), aliases.joined(separator: "|"), clean(entry.country),
            clean(entry.subtype), entry.population.map(String.init) ?? "", clean(entry.role), clean(entry.source),
            entry.wikidata == entry.id ? "" : (entry.wikidata ?? ""), clean(entry.wikidataSource),
            entry.coordinates.map { $0.formatted() } ?? "", entry.popularity.map { JSONWriter.format($0, digits: 2) } ?? "",
        ]
        return fields.joined(separator: "\t")
    }

    /// Where the optional columns are in one file's rows (nil: the file lacks the column).
    struct Layout {
        var columnCount = GazetteerFile.columnCount
        var wikidata: Int?
        var wikidataSource: Int?
        var coordinates: Int?
        var popularity: Int?

        /// Reads a header line; nil when it does not start with the nine columns.
        init?(header line: String, warn: (String) -> Void) {
            let names = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard names.count >= GazetteerFile.columnCount,
                  names.prefix(GazetteerFile.columnCount).joined(separator: "\t") == GazetteerFile.header else { return nil }
            columnCount = names.count
            var seen: Set<String> = []
            for (index, name) in names.enumerated().dropFirst(GazetteerFile.columnCount) {
                guard seen.insert(name).inserted else { warn("column '\(name)' appears twice; the first is read"); continue }
                switch name {
                case "wikidata": wikidata = index
                case "wikidata_source": wikidataSource = index
                case "coordinates": coordinates = index
                case "popularity": popularity = index
                default: warn("unknown column '\(name)' is ignored (known optional columns: \(GazetteerFile.optionalColumns.joined(separator: ", ")))")
                }
            }
        }
    }

    /// Parses the bytes of one file (see ``parse(path:diagnostics:)``).
    public static func parse(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [GazetteerEntry] {
        var entries: [GazetteerEntry] = []
        var seenIDs: [String: Int] = [:]
        var seenQIDs: [String: Int] = [:]
        var lineNumber = 0
        var start = 0
        var layout: Layout?
        func error(_ message: String) { diagnostics.append(Diagnostic(severity: .error, file: path, line: lineNumber, message: message)) }
        func warning(_ message: String) { diagnostics.append(Diagnostic(severity: .warning, file: path, line: lineNumber, message: message)) }
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
                if layout == nil { return [] }
                continue
            }
            guard let columnsOf = layout else {
                let cleaned = line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line
                guard let read = Layout(header: cleaned, warn: warning) else {
                    error("first line must be the header '\(header.replacingOccurrences(of: "\t", with: "<TAB>"))', optionally followed by \(optionalColumns.joined(separator: ", "))")
                    return []
                }
                layout = read
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count == columnsOf.columnCount else {
                error("expected \(columnsOf.columnCount) tab-separated columns, found \(columns.count)")
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
            var population: Int? = nil
            if !columns[6].isEmpty {
                guard let value = Int(columns[6]), value >= 0 else { error("population '\(columns[6])' is not a whole number"); continue }
                population = value
            }
            var wikidata: String? = GazetteerEntry.isQID(id) ? id : nil
            if let index = columnsOf.wikidata, !columns[index].isEmpty {
                let qid = columns[index]
                guard GazetteerEntry.isQID(qid) else { error("wikidata '\(qid)' is not a QID (Q followed by digits)"); continue }
                if let fromID = wikidata, fromID != qid { error("id \(id) is a QID but the wikidata column says \(qid)"); continue }
                wikidata = qid
            }
            var coordinates: Coordinates? = nil
            if let index = columnsOf.coordinates, !columns[index].isEmpty {
                guard let point = Coordinates(parsing: columns[index]) else {
                    error("coordinates '\(columns[index])' are not 'latitude,longitude' in degrees"); continue
                }
                coordinates = point
            }
            var popularity: Double? = nil
            if let index = columnsOf.popularity, !columns[index].isEmpty {
                guard let value = Double(columns[index]), value >= 0, value <= 1 else {
                    error("popularity '\(columns[index])' is not a number from 0 to 1"); continue
                }
                popularity = value
            }
            seenIDs[id] = lineNumber
            if let wikidata {
                if let previous = seenQIDs[wikidata] { warning("\(wikidata) is also the QID of the row on line \(previous); the rows are merged") }
                else { seenQIDs[wikidata] = lineNumber }
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
                country: columns[4], subtype: columns[5], population: population, role: columns[7], source: columns[8],
                wikidata: wikidata, wikidataSource: columnsOf.wikidataSource.map { columns[$0] } ?? "",
                coordinates: coordinates, popularity: popularity))
        }
        if layout == nil, !diagnostics.contains(where: { $0.file == path && $0.severity == .error }) {
            diagnostics.append(Diagnostic(severity: .error, file: path, line: 0, message: "empty file: a header line is required"))
        }
        return entries
    }
}
