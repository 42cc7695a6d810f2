public import GazetteCore
import Foundation
import TextAnalysis

/// The word lists context rules and models read (`gazetteers/lexicons/`): given names, person
/// titles, organisation and place affixes, name particles, and demonyms.
///
/// Words are stored folded (``TextFolding``), so look-ups use folded tokens.
public struct Lexicons: Sendable {
    /// Folded entries of each `*.txt` list, keyed by file name without extension
    /// (`given-names`, `person-titles`, `org-suffixes`, `org-prefixes`, `place-suffixes`, …).
    public let lists: [String: Set<String>]
    /// Folded demonym → (place id, place name): `russian` → (`Q159`, `Russia`).
    public let demonyms: [String: (id: String, name: String)]

    /// Empty lexicons (rules that need them find nothing).
    public init() {
        lists = [:]
        demonyms = [:]
    }

    /// Creates lexicons from lists already folded.
    public init(lists: [String: Set<String>], demonyms: [String: (id: String, name: String)]) {
        self.lists = lists
        self.demonyms = demonyms
    }

    /// The folded words of list `name` (empty if the list is absent).
    public func list(_ name: String) -> Set<String> { lists[name] ?? [] }

    /// Loads every `*.txt` list and `demonyms.tsv` in `directory`; a missing folder gives empty lexicons.
    public static func load(directory: String) throws(GazetteError) -> Lexicons {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return Lexicons() }
        var lists: [String: Set<String>] = [:]
        var demonyms: [String: (id: String, name: String)] = [:]
        for name in names.sorted() {
            let path = directory + "/" + name
            guard let data = fm.contents(atPath: path) else { throw GazetteError(.io, "cannot read lexicon \(path)") }
            guard let content = String(data: data, encoding: .utf8) else { throw GazetteError(.gazetteer, "\(path): not valid UTF-8") }
            let lines = content.split(whereSeparator: \.isNewline).map(Self.trimmed)
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            if name.hasSuffix(".txt") {
                lists[String(name.dropLast(4))] = Set(lines.map { TextFolding.fold($0) })
            } else if name == "demonyms.tsv" {
                for (number, line) in lines.enumerated() where number > 0 || !line.lowercased().hasPrefix("demonym") {
                    let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
                    guard columns.count >= 3 else { throw GazetteError(.gazetteer, "\(path):\(number + 1): expected demonym<TAB>place_id<TAB>place_name") }
                    demonyms[TextFolding.fold(columns[0])] = (columns[1], columns[2])
                }
            }
        }
        return Lexicons(lists: lists, demonyms: demonyms)
    }

    /// The line without the white space around it (Foundation's `trimmingCharacters` took a
    /// tenth of start-up for these few thousand lines).
    private static func trimmed(_ line: Substring) -> String {
        guard let first = line.firstIndex(where: { !$0.isWhitespace }), let last = line.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(line[first...last])
    }
}
