public import GazetteCore
public import EntityTagging
import GazetteIO
import Foundation

/// Turns Wikidata's JSON dump (`latest-all.json`, `.json.gz` or `.json.bz2`: a `[` line, one
/// entity per line ending in a comma, a `]` line) into a gazetteer list in Gazette's format.
///
/// It streams: one line in memory at a time, whatever the dump's size. It keeps humans,
/// organisations (instances of the classes in ``Options/organizationClasses``) and geographic
/// entities (with coordinates) that have at least ``Options/minimumSitelinks`` sitelinks, and writes
/// for each its QID, label and aliases in the chosen languages, type, subtype, country, population,
/// coordinates and a popularity prior from its sitelinks. Every few seconds it flushes the output,
/// reports progress and records a checkpoint (`OUTPUT.progress`: the input offset and the output
/// length), so an interrupted import resumes where it stopped (``Options/resume``).
public struct WikidataDumpImporter: Sendable {
    /// What to keep and how to write it.
    public struct Options: Sendable {
        /// Languages whose labels and aliases become names, in order of preference for the
        /// canonical name (`en,de,ru,uk`).
        public var languages: [String] = ["en"]
        /// Entities with fewer sitelinks (Wikipedia and other wiki pages about them) are left out.
        public var minimumSitelinks = 5
        /// Which types to keep.
        public var types: Set<EntityType> = Set(EntityType.allCases)
        /// Classes whose instances are organisations (the defaults plus any a user adds: the dump
        /// does not say which classes are subclasses of others, so list the ones you need).
        public var organizationClasses: Set<String> = WikidataClasses.organizations
        /// Resume from the checkpoint next to the output instead of starting afresh.
        public var resume = false
        /// Start reading at this offset of the (decompressed) dump, appending to the output.
        public var startOffset = 0
        /// Seconds between progress lines and checkpoints.
        public var progressSeconds = 5.0
        /// Lines longer than this are skipped and counted (the largest entities are a few MB).
        public var maxLineBytes = 64 << 20
        /// Creates the default options.
        public init() {}
    }

    /// What an import did.
    public struct Summary: Sendable, Equatable {
        /// Entity lines read (in this run).
        public var entities = 0
        /// Rows written (in this run).
        public var kept = 0
        /// Lines that were not valid JSON entities, or longer than the limit.
        public var skippedLines = 0
        /// Offset in the decompressed dump where reading stopped.
        public var offset = 0
    }

    /// The options in force.
    public let options: Options
    /// Country QID → ISO 3166-1 alpha-2 code (from the shipped lists; P297 statements of the dump
    /// add to it as country items go by).
    public let countryCodes: [String: String]

    /// Creates an importer; `countryCodes` usually comes from ``countryCodes(from:)``.
    public init(options: Options, countryCodes: [String: String]) {
        self.options = options
        self.countryCodes = countryCodes
    }

    /// Country and territory QIDs with their ISO codes, from a loaded gazetteer.
    public static func countryCodes(from gazetteer: Gazetteer) -> [String: String] {
        var codes: [String: String] = [:]
        for position in gazetteer.entries.indices where gazetteer.entries.type(at: position) == .place {
            let subtype = gazetteer.entries.subtype(at: position)
            let country = gazetteer.entries.country(at: position)
            guard subtype == "country" || subtype == "territory", country.utf8.count == 2 else { continue }
            let id = gazetteer.entries.idAndName(at: position).id
            if GazetteerEntry.isQID(id) { codes[id] = country }
        }
        return codes
    }

    /// Imports `dumpPath` into the gazetteer file `outputPath`; `progress` gets a line every
    /// ``Options/progressSeconds`` and at the end.
    public func run(dumpPath: String, outputPath: String, progress: (String) -> Void = { _ in }) throws(GazetteError) -> Summary {
        let checkpointPath = outputPath + ".progress"
        var startOffset = options.startOffset
        var outputLength: UInt64? = nil
        var codes = countryCodes
        var learned: [String: String] = [:]
        if options.resume {
            guard let checkpoint = Checkpoint.read(checkpointPath) else {
                throw GazetteError(.usage, "nothing to resume: \(checkpointPath) is missing or unreadable; start without --resume")
            }
            startOffset = checkpoint.offset
            outputLength = checkpoint.outputBytes
            learned = checkpoint.learnedCountries
            codes.merge(learned) { old, _ in old }
        }
        let output = try OutputFile(path: outputPath, truncateTo: outputLength, append: options.resume || startOffset > 0)
        if output.isNew { try output.write(GazetteerFile.fullHeader + "\n# Imported by gazette gazetteer import-wikidata from \((dumpPath as NSString).lastPathComponent) (Wikidata, CC0).\n") }

        let input = try Self.openDump(dumpPath, startOffset: startOffset)
        let lines = BufferedInput(input.source)
        if input.skipDecompressed > 0 {
            let skipped = try lines.skip(count: input.skipDecompressed)
            guard skipped == input.skipDecompressed else {
                throw GazetteError(.usage, "cannot resume at offset \(startOffset): \(dumpPath) has only \(skipped) bytes")
            }
        }
        let base = startOffset - input.skipDecompressed
        // An offset inside a line (given by hand) starts at the next line.
        if startOffset > 0 && !Checkpoint.isLineStart(dumpPath, offset: startOffset, compressed: input.skipDecompressed > 0) {
            _ = try lines.readLine(maxBytes: 0)
        }

        var summary = Summary()
        let languages = Set(options.languages)
        let clock = ContinuousClock()
        let started = clock.now
        var lastReport = started
        func report(final: Bool) throws(GazetteError) {
            try output.flush()
            summary.offset = base + lines.offset
            try Checkpoint(offset: summary.offset, outputBytes: output.length, learnedCountries: learned).write(checkpointPath)
            let seconds = max(0.001, (clock.now - started).seconds)
            let rate = Double(summary.entities) / seconds
            progress("import-wikidata: offset \(summary.offset) (\(summary.offset >> 20) MiB of JSON), \(summary.entities) entities, "
                + "\(summary.kept) kept, \(summary.skippedLines) skipped lines, \(Int(rate)) entities/s" + (final ? ", done" : ""))
        }
        reading: while true {
            let line: [UInt8]
            switch try lines.readLine(maxBytes: options.maxLineBytes) {
            case .end: break reading
            case .tooLong: summary.skippedLines += 1; continue
            case .line(let bytes): line = bytes
            }
            let entity: WikidataEntity? = line.withUnsafeBufferPointer { all in
                var end = all.count
                while end > 0, [0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ",")].contains(all[end - 1]) { end -= 1 }
                var start = 0
                while start < end, all[start] == 0x20 || all[start] == 0x09 { start += 1 }
                guard end > start, all[start] == UInt8(ascii: "{") else { return nil }
                return try? WikidataEntity.parse(UnsafeBufferPointer(rebasing: all[start..<end]), languages: languages)
            }
            guard let entity else {
                let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !(text.isEmpty || text == "[" || text == "]" || text == "],") { summary.skippedLines += 1 }
                continue
            }
            summary.entities += 1
            if let iso = entity.isoCode, iso.utf8.count == 2, codes[entity.id] == nil {
                codes[entity.id] = iso.uppercased()
                learned[entity.id] = iso.uppercased()
            }
            if let entry = entry(for: entity, countryCodes: codes) {
                try output.write(GazetteerFile.row(entry) + "\n")
                summary.kept += 1
            }
            if summary.entities % 1024 == 0, (clock.now - lastReport).seconds >= options.progressSeconds {
                lastReport = clock.now
                try report(final: false)
            }
        }
        try report(final: true)
        return summary
    }

    /// The gazetteer entry for a dump entity, or nil when the filters leave it out.
    func entry(for entity: WikidataEntity, countryCodes: [String: String]) -> GazetteerEntry? {
        guard entity.isItem, GazetteerEntry.isQID(entity.id), entity.sitelinks >= options.minimumSitelinks else { return nil }
        let classes = Set(entity.instanceOf)
        let type: EntityType
        var subtype = ""
        if classes.contains("Q5") {
            type = .person
            subtype = WikidataClasses.personSubtype(occupations: entity.occupations)
        } else if let orgSubtype = WikidataClasses.organizationSubtype(classes: classes, organizationClasses: options.organizationClasses) {
            type = .organization
            subtype = orgSubtype
        } else if entity.coordinates != nil || !classes.isDisjoint(with: WikidataClasses.countries) {
            type = .place
            subtype = WikidataClasses.placeSubtype(classes: classes)
        } else {
            return nil
        }
        guard options.types.contains(type) else { return nil }
        var names: [String] = []
        for language in options.languages {
            if let label = entity.labels[language] { names.append(label) }
        }
        for language in options.languages {
            names += entity.aliases[language] ?? []
        }
        names = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter(Self.isUsableName)
        var seen: Set<String> = []
        names = names.filter { seen.insert($0).inserted }
        guard let name = names.first else { return nil }
        var aliases: [String] = []
        var ambiguous: Set<String> = []
        for alias in names.dropFirst() {
            let words = alias.split(separator: " ")
            if type == .place && (alias.contains(", ") || alias == alias.uppercased()) { continue }   // "London, UK", "DNK", "DE-BE"
            if type == .person && words.count == 1 { ambiguous.insert(alias) }                     // "Washington"
            aliases.append(alias)
        }
        let countryQIDs = type == .person ? entity.citizenships + entity.countries : entity.countries
        var country = countryQIDs.lazy.compactMap { countryCodes[$0] }.first ?? ""
        if subtype == "country", let own = entity.isoCode, own.utf8.count == 2 { country = own.uppercased() }
        let population = type == .place ? entity.population.flatMap { $0 >= 0 && $0 < 1e13 ? Int($0) : nil } : nil
        return GazetteerEntry(
            id: entity.id, type: type, name: name, aliases: aliases, ambiguousAliases: ambiguous, country: country, subtype: subtype,
            population: population, source: "wikidata-dump", wikidata: entity.id, wikidataSource: "wikidata-dump",
            coordinates: entity.coordinates.flatMap { Coordinates(latitude: $0.latitude, longitude: $0.longitude) },
            popularity: Self.popularity(sitelinks: entity.sitelinks))
    }

    /// 1 sitelink → 0, 300 or more → 1, on a log scale (two decimals).
    static func popularity(sitelinks: Int) -> Double {
        let value = log(1 + Double(max(0, sitelinks))) / log(301)
        return (min(1, value) * 100).rounded() / 100
    }

    /// Names a list can hold: 2 to 80 characters, with a letter, not a lower-case word (Wikidata
    /// aliases include descriptions such as "capital of Ukraine").
    static func isUsableName(_ name: String) -> Bool {
        let count = name.count
        guard count >= 2, count <= 80, name.contains(where: \.isLetter) else { return false }
        guard let first = name.first(where: \.isLetter) else { return false }
        return !(first.isLowercase && name == name.lowercased())
    }

    /// The dump as a byte source: plain, gzip or bzip2 by the first bytes; a plain file is opened
    /// at `startOffset`, a compressed one from the start with that many decompressed bytes to skip.
    static func openDump(_ path: String, startOffset: Int) throws(GazetteError) -> (source: any ByteSource, skipDecompressed: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw GazetteError(.io, "cannot open the dump \(path)") }
        let magic = (try? handle.read(upToCount: 3)).map { [UInt8]($0) } ?? []
        try? handle.close()
        if magic.starts(with: [0x1F, 0x8B]) { return (try GzipByteSource(FileByteSource(path: path), displayPath: path), startOffset) }
        if magic.starts(with: [0x42, 0x5A, 0x68]) { return (try Bzip2ByteSource(FileByteSource(path: path), displayPath: path), startOffset) }
        return (try FileByteSource(path: path, offset: startOffset), 0)
    }
}

/// Where an import stopped: written next to the output after each flush, with the country codes
/// the dump taught so far (P297 of country items), which later rows need after a resume.
struct Checkpoint: Equatable {
    var offset: Int
    var outputBytes: UInt64
    var learnedCountries: [String: String] = [:]

    static func read(_ path: String) -> Checkpoint? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var values: [String: String] = [:]
        for part in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { values[String(pair[0])] = String(pair[1]) }
        }
        guard let offset = values["offset"].flatMap({ Int($0) }), offset >= 0,
              let bytes = values["output_bytes"].flatMap({ UInt64($0) }) else { return nil }
        var learned: [String: String] = [:]
        for pair in (values["countries"] ?? "").split(separator: ",") {
            let parts = pair.split(separator: ":")
            if parts.count == 2 { learned[String(parts[0])] = String(parts[1]) }
        }
        return Checkpoint(offset: offset, outputBytes: bytes, learnedCountries: learned)
    }

    func write(_ path: String) throws(GazetteError) {
        let temporary = path + ".tmp"
        let countries = learnedCountries.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",")
        let text = "offset=\(offset) output_bytes=\(outputBytes)" + (countries.isEmpty ? "" : " countries=\(countries)") + "\n"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw GazetteError(.io, "cannot write the checkpoint \(temporary)")
        }
        _ = try? FileManager.default.removeItem(atPath: path)
        do { try FileManager.default.moveItem(atPath: temporary, toPath: path) } catch {
            throw GazetteError(.io, "cannot write the checkpoint \(path)", cause: error.localizedDescription)
        }
    }

    /// True when `offset` of a plain dump follows a newline (checkpoints always do; an offset
    /// given by hand may not). Compressed dumps are trusted: their offsets come from checkpoints.
    static func isLineStart(_ path: String, offset: Int, compressed: Bool) -> Bool {
        guard !compressed, offset > 0, let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset - 1))) != nil, let byte = try? handle.read(upToCount: 1) else { return true }
        return byte.first == 0x0A
    }
}

/// The output list, written through a buffer; knows its length for checkpoints.
final class OutputFile {
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private(set) var length: UInt64
    let isNew: Bool
    private let path: String

    init(path: String, truncateTo: UInt64?, append: Bool) throws(GazetteError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists || !append {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw GazetteError(.io, "cannot create \(path)") }
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw GazetteError(.io, "cannot open \(path) for writing") }
        self.handle = handle
        do {
            if let truncateTo { try handle.truncate(atOffset: truncateTo) }
            length = try handle.seekToEnd()
        } catch {
            throw GazetteError(.io, "cannot prepare \(path)", cause: error.localizedDescription)
        }
        isNew = length == 0
    }

    deinit { try? handle.close() }

    func write(_ text: String) throws(GazetteError) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 20 { try flush() }
    }

    func flush() throws(GazetteError) {
        guard !pending.isEmpty else { return }
        do { try handle.write(contentsOf: Data(pending)) } catch {
            throw GazetteError(.io, "cannot write \(path)", cause: error.localizedDescription)
        }
        length += UInt64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
