import Foundation

/// Reads article facts from schema.org JSON-LD blocks (`NewsArticle`, `Article`,
/// `ReportageNewsArticle`, `BlogPosting` …), including objects inside `@graph` arrays.
struct JSONLDReader {
    /// Facts found, each `nil` when absent.
    struct Facts: Equatable {
        var headline: String?
        var published: String?
        var modified: String?
        var authors: [String] = []
        var publisher: String?
        var description: String?
        var url: String?
        var language: String?
        /// The `articleBody` text, paragraphs split at line breaks (empty when absent or HTML).
        var articleBody: [String] = []
        /// True when an article-type object was found.
        var isArticle = false
        /// The schema.org type of a non-article page object (`CollectionPage`, `SearchResultsPage` …).
        var pageType: String?
    }

    /// The schema.org types that describe a news or blog story.
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
        "techarticle", "scholarlyarticle", "report", "socialmediaposting", "posting", "satiricalarticle",
    ]

    /// Reads every block; the first article object supplies the facts, publisher and page type may
    /// come from other objects.
    static func read(_ blocks: [String]) -> Facts {
        var facts = Facts()
        var objects: [[String: Any]] = []
        for block in blocks {
            guard let value = parse(block) else { continue }
            collect(value, into: &objects, depth: 0)
        }
        if let article = objects.first(where: { types(of: $0).contains(where: articleTypes.contains) }) {
            facts.isArticle = true
            facts.headline = string(article["headline"]) ?? string(article["name"])
            facts.published = string(article["datePublished"]) ?? string(article["dateCreated"])
            facts.modified = string(article["dateModified"])
            facts.authors = names(article["author"])
            if facts.authors.isEmpty { facts.authors = names(article["creator"]) }
            facts.publisher = names(article["publisher"]).first
            facts.description = string(article["description"])
            facts.url = string(article["url"]) ?? string((article["mainEntityOfPage"] as? [String: Any])?["@id"]) ?? string(article["mainEntityOfPage"])
            facts.language = string(article["inLanguage"])
            if let body = article["articleBody"] as? String, !body.contains("<p"), !body.contains("<div") {
                facts.articleBody = body.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                    .map { TextNormalization.cleanLine(String($0)) }.filter { !$0.isEmpty }
            }
        }
        for object in objects {
            let objectTypes = types(of: object)
            if facts.publisher == nil, objectTypes.contains("organization") || objectTypes.contains("newsmediaorganization") || objectTypes.contains("website") {
                facts.publisher = string(object["name"])
            }
            if facts.pageType == nil, let page = objectTypes.first(where: { ["collectionpage", "searchresultspage", "itemlist", "imagegallery", "mediagallery"].contains($0) }) {
                facts.pageType = page
            }
        }
        return facts
    }

    private static func parse(_ block: String) -> Any? {
        // Pages put raw newlines and tabs inside JSON strings; JSON forbids them, so they become spaces.
        var bytes = Array(block.utf8)
        for index in bytes.indices where bytes[index] < 0x20 { bytes[index] = 0x20 }
        // Some pages wrap the JSON in an HTML comment or CDATA.
        let data = Data(bytes)
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    private static func collect(_ value: Any, into objects: inout [[String: Any]], depth: Int) {
        guard depth < 8, objects.count < 200 else { return }
        if let array = value as? [Any] {
            for element in array { collect(element, into: &objects, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { collect(graph, into: &objects, depth: depth + 1) }
            if let main = object["mainEntity"] as? [String: Any] { collect(main, into: &objects, depth: depth + 1) }
        }
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return types.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let clean = TextNormalization.cleanLine(text)
            return clean.isEmpty ? nil : clean
        }
        if let array = value as? [Any], let first = array.first { return string(first) }
        return nil
    }

    /// Names from a string, a `Person`/`Organization` object, or an array of them.
    private static func names(_ value: Any?) -> [String] {
        if let text = string(value as? String) { return [text] }
        if let object = value as? [String: Any] {
            if let name = string(object["name"]) { return [name] }
            return []
        }
        if let array = value as? [Any] { return array.prefix(20).flatMap { names($0) } }
        return []
    }
}
