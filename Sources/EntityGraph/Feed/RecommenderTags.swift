import GazetteCore

/// Weighted tags per article for recommenders: entity tags `person:<id>`, `place:<id>`,
/// `organization:<id>` weighted by salience, then topic tags (`medtop:…`) weighted by score, in the
/// order of the tag record.
public enum RecommenderTags {
    /// One weighted tag.
    public struct Tag: Sendable, Hashable {
        /// `person:Q7747`, `medtop:11000000`, …
        public var tag: String
        /// Salience of the entity or score of the topic.
        public var weight: Double
    }

    /// The tags of an article, entities first.
    public static func tags(for article: TaggedArticle) -> [Tag] {
        var tags: [Tag] = []
        var seen: Set<String> = []
        for entity in article.entities ?? [] {
            guard let id = entity.id, !id.isEmpty else { continue }
            let tag = "\(prefix(forType: entity.type)):\(id)"
            guard seen.insert(tag).inserted else { continue }
            tags.append(Tag(tag: tag, weight: entity.salience ?? 0))
        }
        for topic in article.topics ?? [] {
            guard let id = topic.id, !id.isEmpty, seen.insert(id).inserted else { continue }
            tags.append(Tag(tag: id, weight: topic.score ?? 0))
        }
        return tags
    }

    /// The tag prefix for an entity type name: `person`, `place`, `organization`, or the type
    /// name lower-cased for other kinds.
    public static func prefix(forType type: String?) -> String {
        guard let type else { return "entity" }
        if let known = EntityType(name: type) { return known.rawValue.lowercased() }
        return type.isEmpty ? "entity" : type.lowercased()
    }

    /// `{"id":…,"tags":[{"tag":…,"weight":…},…]}`.
    public static func jsonLine(for article: TaggedArticle) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("id"); json.string(article.id ?? "")
        json.key("tags"); json.beginArray()
        for tag in tags(for: article) {
            json.beginObject()
            json.key("tag"); json.string(tag.tag)
            json.key("weight"); json.number(tag.weight)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }

    /// `item,tag,weight` rows (no header), each ending in a newline.
    public static func csvRows(for article: TaggedArticle) -> String {
        let item = MarkupEscaping.csv(article.id ?? "", flattenLines: true)
        var out = ""
        for tag in tags(for: article) {
            out += "\(item),\(MarkupEscaping.csv(tag.tag, flattenLines: true)),\(JSONWriter.format(tag.weight))\n"
        }
        return out
    }
}
