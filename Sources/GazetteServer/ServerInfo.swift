import EntityTagging
import Gazette
@_spi(GazetteInternal) import GazetteCore
import GazetteIO
import TextAnalysis
import TopicClassification

/// The body of `GET /v1/info`, built once at start: version, what the gazetteers hold, where the
/// models came from, the limits and the server's settings.
///
/// ```json
/// {"name":"gazette","version":"0.12.0","api":"v1",
///  "gazetteer":{"entries":51322,"aliases":113541,"types":{"Person":4860,…},"sources":{"geonames":…}},
///  "models":{"language":{"file":…,"bytes":…,"fnv1a64":…},
///            "ner":{"file":…,"bytes":…,"fnv1a64":…,"languages":["de","en",…,"uk"],
///                   "by_language":{"de":{"file":…,"bytes":…,"fnv1a64":…},…}},
///            "topics":{"file":…,"bytes":…,"fnv1a64":…,"labels":17,"provenance":{…}}},
///  "limits":{…},"server":{"jobs":2,"queue_limit":128,"timeout_seconds":30}}
/// ```
enum ServerInfo {
    /// The JSON object for `pipeline`, built from `options` (where the models are) and the server's
    /// settings.
    static func json(pipeline: Pipeline, options: PipelineOptions, configuration: GazetteServer.Configuration) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("name"); json.string("gazette")
        json.key("version"); json.string(GazetteVersion.current)
        json.key("api"); json.string("v1")
        json.key("pipeline"); json.beginArray()
        for stage in pipeline.stages { json.string(stage.name) }
        json.endArray()

        if let matcher = pipeline.stages.lazy.compactMap({ $0 as? GazetteerMatcher }).first {
            let gazetteer = matcher.gazetteer
            var types: [String: Int] = [:]
            var sources: [String: Int] = [:]
            for entry in gazetteer.entries {
                types[entry.type.rawValue, default: 0] += 1
                for name in entry.source.split(separator: "+") { sources[String(name), default: 0] += 1 }
            }
            json.key("gazetteer"); json.beginObject()
            json.key("entries"); json.int(gazetteer.entries.count)
            json.key("aliases"); json.int(gazetteer.aliasCount)
            json.key("types"); json.beginObject()
            for type in EntityType.allCases { json.key(type.rawValue); json.int(types[type.rawValue, default: 0]) }
            json.endObject()
            json.key("sources"); json.beginObject()
            for (name, count) in sources.sorted(by: { $0.key < $1.key }) { json.key(name); json.int(count) }
            json.endObject()
            json.key("extra_files"); json.beginArray()
            for file in options.extraGazetteers { json.string(file) }
            json.endArray()
            json.endObject()
        }

        json.key("models"); json.beginObject()
        if pipeline.stages.contains(where: { $0 is LanguageIdentifier }) {
            json.key("language"); json.beginObject()
            file(try? DataLocator.path(LanguageProfiles.defaultPath), into: &json)
            json.endObject()
        }
        if let routed = pipeline.stages.lazy.compactMap({ $0 as? LanguageRoutedRecognizer }).first, routed.english is EntityRecognizer {
            json.key("ner"); json.beginObject()
            file(try? DataLocator.path(EntityRecognizer.defaultModelPath), into: &json)
            json.key("languages"); json.beginArray()
            for language in (["en"] + routed.recognizers.keys).sorted() { json.string(language) }
            json.endArray()
            json.key("by_language"); json.beginObject()
            for language in MultilingualRecognizers.modelLanguages where routed.recognizers[language] != nil {
                json.key(language); json.beginObject()
                file(try? DataLocator.path(MultilingualRecognizers.modelPath(language)), into: &json)
                json.endObject()
            }
            json.endObject()
            json.endObject()
        }
        if let topics = pipeline.stages.lazy.compactMap({ $0 as? TopicClassifier }).first {
            json.key("topics"); json.beginObject()
            file(options.topicModel ?? (try? DataLocator.path(TopicClassifier.defaultModelPath)), into: &json)
            json.key("labels"); json.int(topics.model.labels.count)
            json.key("provenance"); json.beginObject()
            for (key, value) in topics.model.provenance.sorted(by: { $0.key < $1.key }) { json.key(key); json.string(value) }
            json.endObject()
            json.endObject()
        }
        json.endObject()

        let limits = options.limits
        json.key("limits"); json.beginObject()
        json.key("max_record_bytes"); json.int(limits.maxRecordBytes)
        json.key("max_line_bytes"); json.int(limits.maxLineBytes)
        json.key("max_depth"); json.int(limits.maxDepth)
        json.key("max_tokens"); json.int(limits.maxTokens)
        json.endObject()
        json.key("server"); json.beginObject()
        json.key("jobs"); json.int(configuration.jobs)
        json.key("queue_limit"); json.int(configuration.queueLimit)
        json.key("timeout_seconds"); json.number(configuration.timeout.seconds, digits: 3)
        json.endObject()
        json.endObject()
        return json.output
    }

    /// `"file"`, `"bytes"` and `"fnv1a64"` (a content hash telling two model files apart) of a model file.
    private static func file(_ path: String?, into json: inout JSONWriter) {
        json.key("file"); json.string(path)
        guard let path, let source = try? FileByteSource(path: path),
              case .bytes(let bytes)? = try? Inflate.readAll(from: source, limit: 256 << 20) else { return }
        json.key("bytes"); json.int(bytes.count)
        json.key("fnv1a64"); json.string(hex(StableHash.fnv1a(bytes)))
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
