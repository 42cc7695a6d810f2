/// Encodes the one output line per input record: a tagged article or an error record
/// (the JSONL contract of the README: keys `id, url, title, published, language, [metadata],
/// [text], entities, topics, error`; an entity: `id, type, name, [wikidata], [country],
/// [coordinates], salience, [confidence], mentions`).
public enum TagRecord {
    /// Options for what a record includes.
    public struct Options: Sendable, Hashable {
        /// Include the cleaned `text` (`--include-text`).
        public var includeText: Bool
        /// Include `source` and `reason` for each mention (explainability); on by default.
        public var includeProvenance: Bool

        /// Creates options.
        public init(includeText: Bool = false, includeProvenance: Bool = true) {
            self.includeText = includeText
            self.includeProvenance = includeProvenance
        }
    }

    /// The JSON line (without newline) for a tagged article.
    public static func encode(_ article: Article, options: Options = Options()) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("id"); json.string(article.id)
        json.key("url"); json.string(article.url)
        json.key("title"); json.string(article.title)
        json.key("published"); json.string(article.published)
        json.key("language"); json.string(article.language)
        let meta = article.metadata
        if !meta.authors.isEmpty {
            json.key("authors"); json.beginArray()
            for author in meta.authors { json.string(author) }
            json.endArray()
        }
        if let site = meta.site { json.key("site"); json.string(site) }
        if let description = meta.description { json.key("description"); json.string(description) }
        if let pageType = meta.pageType { json.key("page_type"); json.string(pageType) }
        if options.includeText { json.key("text"); json.string(article.text) }
        if let limit = article.tokenLimit { json.key("token_limit"); json.int(limit) }

        var offsets = ScalarOffsetMap(article.text)
        json.key("entities"); json.beginArray()
        for entity in article.entities {
            json.beginObject()
            json.key("id"); json.string(entity.id)
            json.key("type"); json.string(entity.type.rawValue)
            json.key("name"); json.string(entity.name)
            if let wikidata = entity.wikidata { json.key("wikidata"); json.string(wikidata) }
            if let country = entity.country { json.key("country"); json.string(country) }
            if let point = entity.coordinates {
                json.key("coordinates"); json.beginArray()
                json.number(point.latitude, digits: 4); json.number(point.longitude, digits: 4)
                json.endArray()
            }
            json.key("salience"); json.number(entity.salience)
            if let confidence = entity.confidence { json.key("confidence"); json.number(confidence, digits: 3) }
            json.key("mentions"); json.beginArray()
            for mention in entity.mentions {
                json.beginObject()
                json.key("start"); json.int(offsets.scalarOffset(ofByte: mention.range.start))
                json.key("end"); json.int(offsets.scalarOffset(ofByte: mention.range.end))
                json.key("surface"); json.string(mention.surface)
                if options.includeProvenance {
                    json.key("source"); json.string(mention.source)
                    if let reason = mention.reason { json.key("reason"); json.string(reason) }
                }
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()

        json.key("topics"); json.beginArray()
        for topic in article.topics {
            json.beginObject()
            json.key("id"); json.string(topic.id)
            json.key("label"); json.string(topic.label)
            json.key("score"); json.number(topic.score)
            json.endObject()
        }
        json.endArray()
        json.key("error"); json.null()
        json.endObject()
        return json.output
    }

    /// The JSON line (without newline) for a record that could not be processed.
    public static func encodeError(id: String, url: String?, error: GazetteError) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("id"); json.string(id)
        json.key("url"); json.string(url)
        json.key("title"); json.null()
        json.key("published"); json.null()
        json.key("language"); json.null()
        json.key("entities"); json.beginArray(); json.endArray()
        json.key("topics"); json.beginArray(); json.endArray()
        json.key("error"); json.beginObject()
        json.key("code"); json.string(error.code.rawValue)
        json.key("message"); json.string(error.cause.map { "\(error.message) (\($0))" } ?? error.message)
        json.endObject()
        json.endObject()
        return json.output
    }
}
