public import GazetteCore

extension Gazetteer {
    /// Loads every `*.tsv` in `directory` and then `extraFiles` (later rows with the same id or
    /// Wikidata QID add aliases and override non-empty fields). Throws on the first file error,
    /// naming `file:line`.
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

    /// Parses and merges files in order; problems go to `diagnostics`.
    ///
    /// A row joins the entry that has its id, else the entry that has its Wikidata QID (so a
    /// curated `gz:p:…` row, a generated row linking it to a QID and an imported `Q…` row are one
    /// entity). Entries that end up with the same QID are merged as well. Each merged entry's `id`
    /// is its QID when it has one; the row ids it replaced stay in ``GazetteerEntry/listIDs``.
    public static func merge(files: [String], diagnostics: inout [GazetteerFile.Diagnostic]) -> [GazetteerEntry] {
        var entries: [GazetteerEntry?] = []
        var index: [String: Int] = [:]
        var firstFile: [Int: String] = [:]
        for file in files {
            for row in GazetteerFile.parse(path: file, diagnostics: &diagnostics) {
                guard let target = index[row.id] ?? row.wikidata.flatMap({ index[$0] }), let existing = entries[target] else {
                    index[row.id] = entries.count
                    if let qid = row.wikidata, index[qid] == nil { index[qid] = entries.count }
                    firstFile[entries.count] = file
                    entries.append(row)
                    continue
                }
                let earlier = firstFile[target] ?? "an earlier file"
                if existing.type != row.type {
                    diagnostics.append(.init(severity: .error, file: file, line: 0,
                        message: "id \(row.id) is \(row.type.rawValue) here but \(existing.type.rawValue) in \(earlier)"))
                    continue
                }
                if let old = existing.wikidata, let new = row.wikidata, old != new {
                    diagnostics.append(.init(severity: .error, file: file, line: 0,
                        message: "id \(row.id) has Wikidata \(new) here but \(old) in \(earlier)"))
                    continue
                }
                var merged = existing
                merged.absorb(row)
                if index[row.id] == nil { index[row.id] = target }
                if let qid = merged.wikidata, index[qid] == nil { index[qid] = target }
                entries[target] = merged
            }
        }
        // Entries that a later row linked to a QID another entry already had are one entity.
        var byQID: [String: Int] = [:]
        for position in entries.indices {
            guard let entry = entries[position], let qid = entry.wikidata else { continue }
            guard let first = byQID[qid], var merged = entries[first] else { byQID[qid] = position; continue }
            guard merged.type == entry.type else {
                diagnostics.append(.init(severity: .error, file: firstFile[position] ?? "", line: 0,
                    message: "\(qid) is \(entry.type.rawValue) for \(entry.id) but \(merged.type.rawValue) for \(merged.id)"))
                continue
            }
            merged.absorb(entry)
            entries[first] = merged
            entries[position] = nil
        }
        return entries.compactMap { entry in
            guard var entry else { return nil }
            if let qid = entry.wikidata, entry.id != qid {
                entry.listIDs.insert(entry.id, at: 0)
                entry.id = qid
            }
            entry.listIDs.removeAll { $0 == entry.id }
            return entry
        }
    }
}

extension GazetteerEntry {
    /// Merges a later row into this entry: its name becomes the canonical one (the old name an
    /// alias), aliases are united, and its non-empty fields override.
    mutating func absorb(_ row: GazetteerEntry) {
        if name != row.name, !aliases.contains(name) { aliases.append(name) }
        name = row.name
        for alias in row.aliases where !aliases.contains(alias) && alias != name { aliases.append(alias) }
        aliases.removeAll { $0 == name }
        ambiguousAliases.formUnion(row.ambiguousAliases)
        if !row.country.isEmpty { country = row.country }
        if !row.subtype.isEmpty { subtype = row.subtype }
        if let value = row.population { population = value }
        if !row.role.isEmpty { role = row.role }
        if !row.source.isEmpty, !source.split(separator: "+").contains(Substring(row.source)) {
            source = source.isEmpty ? row.source : source + "+" + row.source
        }
        if wikidata == nil { wikidata = row.wikidata }
        if !row.wikidataSource.isEmpty { wikidataSource = row.wikidataSource }
        if let point = row.coordinates { coordinates = point }
        if let value = row.popularity { popularity = value }
        for id in [row.id] + row.listIDs where id != self.id && !listIDs.contains(id) { listIDs.append(id) }
    }
}
