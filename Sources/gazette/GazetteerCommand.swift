import ArgumentParser
import Foundation
import Gazette

/// `gazette gazetteer`: validate, count and query the entity lists.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Validate, count and query the gazetteers; import entities from a Wikidata dump.",
        subcommands: [Check.self, Stats.self, Lookup.self, ImportWikidata.self]
    )

    /// `gazette gazetteer check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate every list: columns, UTF-8, duplicate ids, aliases shared across types.")
        @OptionGroup var source: GazetteerOptions

        func run() throws {
            let files = try source.files()
            var diagnostics: [GazetteerFile.Diagnostic] = []
            let entries = Gazetteer.merge(files: files, diagnostics: &diagnostics)
            // Aliases shared by entries of different types are reported: the recogniser must decide.
            var typesByAlias: [String: Set<EntityType>] = [:]
            for entry in entries {
                for alias in [entry.name] + entry.aliases { typesByAlias[TextFolding.fold(alias), default: []].insert(entry.type) }
            }
            let shared = typesByAlias.filter { $0.value.count > 1 }.keys.sorted()
            for diagnostic in diagnostics { print(diagnostic) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            print("\(files.count) files, \(entries.count) entries, \(errors) errors, \(shared.count) aliases shared across types\(shared.isEmpty ? "" : " (e.g. \(shared.prefix(8).joined(separator: ", ")))")")
            if errors > 0 { throw ExitCode(1) }
        }
    }

    /// `gazette gazetteer stats`.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count entries by type, aliases and sources.")
        @OptionGroup var source: GazetteerOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let start = ContinuousClock.now
            let gazetteer = try Gazetteer.load(directory: source.folder(), extraFiles: source.extra, cacheDirectory: Gazetteer.defaultCacheDirectory)
            let seconds = (ContinuousClock.now - start).seconds
            var types: [String: Int] = [:]
            var sources: [String: Int] = [:]
            let entries = gazetteer.entries
            for position in entries.indices {
                types[entries.type(at: position).rawValue, default: 0] += 1
                for name in entries.source(at: position).split(separator: "+") { sources[String(name), default: 0] += 1 }
            }
            if json {
                var out = JSONWriter()
                out.beginObject()
                out.key("types"); out.beginObject()
                for type in EntityType.allCases { out.key(type.rawValue); out.int(types[type.rawValue, default: 0]) }
                out.endObject()
                out.key("entries"); out.int(gazetteer.entries.count)
                out.key("aliases"); out.int(gazetteer.aliasCount)
                out.key("sources"); out.beginObject()
                for (name, count) in sources.sorted(by: { $0.key < $1.key }) { out.key(name); out.int(count) }
                out.endObject()
                out.key("load_seconds"); out.number(seconds, digits: 3)
                out.endObject()
                print(out.output)
            } else {
                for type in EntityType.allCases { print("\(type.rawValue): \(types[type.rawValue, default: 0])") }
                print("entries: \(gazetteer.entries.count)\naliases: \(gazetteer.aliasCount)")
                for (name, count) in sources.sorted(by: { $0.key < $1.key }) { print("source \(name): \(count)") }
                print("loaded in \(JSONWriter.format(seconds, digits: 3)) s")
            }
        }
    }

    /// `gazette gazetteer lookup`.
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the entries a name matches, as the tagger matches it (one JSON line per name).")
        @OptionGroup var source: GazetteerOptions
        @Flag(help: "Print JSON lines (the default output is JSON too; kept for scripts that pass it).") var json = false
        @Argument(help: "Names to look up.") var names: [String]

        func run() throws {
            let gazetteer = try Gazetteer.load(directory: source.folder(), extraFiles: source.extra, cacheDirectory: Gazetteer.defaultCacheDirectory)
            let matcher = GazetteerMatcher(gazetteer: gazetteer)
            for name in names {
                var article = Article(id: "query", text: name)
                try Segmenter().process(&article)
                try matcher.process(&article)
                var out = JSONWriter()
                out.beginObject()
                out.key("query"); out.string(name)
                out.key("matches"); out.beginArray()
                // Only a candidate covering the whole query is a match for it.
                let whole = article.candidates.filter { $0.tokens.lowerBound == 0 && $0.tokens.upperBound == article.tokens.count }
                for candidate in whole {
                    for entry in candidate.entries {
                        guard let index = gazetteer.entryIndex[entry.id] else { continue }
                        let full = gazetteer.entries[index]
                        out.beginObject()
                        out.key("id"); out.string(full.id)
                        out.key("type"); out.string(full.type.rawValue)
                        out.key("name"); out.string(full.name)
                        if !full.country.isEmpty { out.key("country"); out.string(full.country) }
                        if !full.subtype.isEmpty { out.key("subtype"); out.string(full.subtype) }
                        if let population = full.population { out.key("population"); out.int(population) }
                        if !full.role.isEmpty { out.key("role"); out.string(full.role) }
                        if let wikidata = full.wikidata {
                            out.key("wikidata"); out.string(wikidata)
                            if !full.wikidataSource.isEmpty { out.key("wikidata_source"); out.string(full.wikidataSource) }
                        }
                        if let point = full.coordinates {
                            out.key("coordinates"); out.beginArray(); out.number(point.latitude); out.number(point.longitude); out.endArray()
                        }
                        if let popularity = full.popularity { out.key("popularity"); out.number(popularity, digits: 2) }
                        if !full.listIDs.isEmpty {
                            out.key("list_ids"); out.beginArray(); for id in full.listIDs { out.string(id) }; out.endArray()
                        }
                        out.key("ambiguous"); out.bool(entry.ambiguous)
                        out.key("exact_case"); out.bool(candidate.exactCase)
                        out.key("source"); out.string(full.source)
                        out.endObject()
                    }
                }
                out.endArray()
                out.endObject()
                print(out.output)
            }
        }
    }

    /// `gazette gazetteer import-wikidata`.
    struct ImportWikidata: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-wikidata",
            abstract: "Turn a Wikidata JSON dump (.json, .json.gz, .json.bz2) into a gazetteer list, streaming.",
            discussion: """
            Keeps people, organisations and places with at least --min-sitelinks sitelinks and writes them in \
            the gazetteer format (QID, label and aliases in --languages, type, subtype, country, population, \
            coordinates, popularity). Put the output in gazetteers/ (or pass it with --gazetteer): rows merge \
            with the shipped lists by QID, and the curated lists still win. Progress and a checkpoint \
            (OUTPUT.progress) are written every few seconds; --resume continues an interrupted import.
            """
        )
        @OptionGroup var source: GazetteerOptions
        @Argument(help: "The dump: latest-all.json, .json.gz or .json.bz2.") var dump: String
        @Option(name: .shortAndLong, help: "The gazetteer file to write (appended to with --resume or --start-offset).") var output: String
        @Option(help: "Languages of the names, in order of preference for the canonical name, comma-separated.") var languages = "en"
        @Option(help: "Leave out entities with fewer sitelinks.") var minSitelinks = 5
        @Option(help: "Types to keep, comma-separated (Person,Place,Organization).") var types: String?
        @Option(name: .customLong("org-class"), help: "Another class whose direct instances are organisations (a QID; repeatable).") var orgClasses: [String] = []
        @Flag(help: "Resume from OUTPUT.progress.") var resume = false
        @Option(help: "Start at this byte offset of the (decompressed) dump, appending to OUTPUT.") var startOffset = 0
        @Option(help: "Seconds between progress lines and checkpoints.") var progressSeconds = 5.0

        func validate() throws {
            guard minSitelinks >= 0 else { throw ValidationError("--min-sitelinks must be 0 or more") }
            guard startOffset >= 0 else { throw ValidationError("--start-offset must be 0 or more") }
            guard !(resume && startOffset > 0) else { throw ValidationError("give --resume or --start-offset, not both") }
            guard progressSeconds > 0 else { throw ValidationError("--progress-seconds must be positive") }
            for qid in orgClasses where !GazetteerEntry.isQID(qid) { throw ValidationError("--org-class \(qid) is not a QID (Q followed by digits)") }
            if let types {
                for name in types.split(separator: ",") where EntityType(name: name.trimmingCharacters(in: .whitespaces)) == nil {
                    throw ValidationError("unknown entity type '\(name)' in --types; the types are: Person, Place, Organization")
                }
            }
        }

        func run() throws {
            var options = WikidataDumpImporter.Options()
            options.languages = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            options.minimumSitelinks = minSitelinks
            if let types { options.types = Set(types.split(separator: ",").compactMap { EntityType(name: $0.trimmingCharacters(in: .whitespaces)) }) }
            options.organizationClasses.formUnion(orgClasses)
            options.resume = resume
            options.startOffset = startOffset
            options.progressSeconds = progressSeconds
            let gazetteer = try Gazetteer.load(directory: source.folder(), extraFiles: source.extra, cacheDirectory: Gazetteer.defaultCacheDirectory)
            let importer = WikidataDumpImporter(options: options, countryCodes: WikidataDumpImporter.countryCodes(from: gazetteer))
            let summary = try importer.run(dumpPath: dump, outputPath: output) { StandardError.writeLine($0) }
            StandardError.writeLine("import-wikidata: \(summary.kept) of \(summary.entities) entities written to \(output)")
        }
    }
}
