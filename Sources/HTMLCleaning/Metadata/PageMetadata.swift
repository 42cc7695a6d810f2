/// Everything the cleaner reads about a page besides its body text.
struct PageMetadata: Equatable {
    var title: String?
    /// The publication date from structured markup (JSON-LD, meta tags, `itemprop`), ISO 8601.
    var published: String?
    /// The first `<time datetime>` on the page, ISO 8601.
    var firstTime: String?
    /// The last-modified date from structured markup, ISO 8601 (used only when nothing gives the original).
    var modified: String?
    var authors: [String] = []
    var canonicalURL: String?
    var site: String?
    var language: String?
    var description: String?
    /// True when markup says the page is an article (JSON-LD type, `og:type`, `articleBody`).
    var declaresArticle = false
    /// A non-article page kind declared by markup (`index`, `search`, `gallery`).
    var declaredPageType: String?
    /// The article body a JSON-LD block carries, as paragraphs (a fallback for script-rendered pages).
    var structuredBody: [String] = []
}

/// Reads ``PageMetadata`` from a ``DOMTree``: JSON-LD first, then Open Graph and other `<meta>`
/// tags, then the page's own elements (`<h1>`, `<title>`, `<time>`, `<html lang>`).
enum MetadataReader {
    static func read(_ tree: DOMTree) -> PageMetadata {
        var meta: [String: String] = [:]  // lowercased name/property/itemprop → first content
        var htmlLang: String?
        var contentLanguage: String?
        var titleElement: String?
        var firstH1: String?
        var canonical: String?
        var firstTimeDatetime: String?
        var itempropDate: String?
        var itempropModified: String?
        var itempropAuthors: [String] = []
        var relAuthors: [String] = []
        var articleBodyMarkup = false

        let nodes = tree.nodes
        var index = 1
        while index < nodes.count {
            let node = nodes[index]
            defer { index += 1 }
            if node.tag == .text { continue }
            if node.flags.contains(.articleBody) { articleBodyMarkup = true }
            switch node.tag {
            case .html:
                if htmlLang == nil { htmlLang = tree.attribute(.lang, of: index) }
            case .title:
                if titleElement == nil { titleElement = tree.collapsedText(of: index) }
            case .h1:
                if firstH1 == nil {
                    let text = tree.collapsedText(of: index)
                    if !text.isEmpty && !node.flags.contains(.hidden) { firstH1 = text }
                }
            case .meta:
                guard let content = tree.attribute(.content, of: index) else { continue }
                let value = TextNormalization.cleanLine(content)
                guard !value.isEmpty else { continue }
                for key in [AttributeKey.name, .property, .itemprop] {
                    if let name = tree.attribute(key, of: index)?.lowercased(), meta[name] == nil { meta[name] = value }
                }
                if let equiv = tree.attribute(.httpEquiv, of: index)?.lowercased(), equiv == "content-language" {
                    contentLanguage = value
                }
            case .link:
                if canonical == nil, let rel = tree.attribute(.rel, of: index)?.lowercased(), rel.split(separator: " ").contains("canonical") {
                    canonical = tree.attribute(.href, of: index)
                }
            case .time:
                if firstTimeDatetime == nil, let datetime = tree.attribute(.datetime, of: index) { firstTimeDatetime = datetime }
            default:
                break
            }
            guard let itemprop = tree.attribute(.itemprop, of: index)?.lowercased(), node.tag != .meta else {
                if node.tag == .a, let rel = tree.attribute(.rel, of: index)?.lowercased(), rel == "author", relAuthors.count < 10 {
                    let name = tree.collapsedText(of: index)
                    if !name.isEmpty { relAuthors.append(name) }
                }
                continue
            }
            switch itemprop {
            case "datepublished", "datecreated":
                if itempropDate == nil { itempropDate = tree.attribute(.datetime, of: index) ?? tree.attribute(.content, of: index) ?? tree.collapsedText(of: index) }
            case "datemodified":
                if itempropModified == nil { itempropModified = tree.attribute(.datetime, of: index) ?? tree.attribute(.content, of: index) }
            case "author", "creator":
                if itempropAuthors.count < 10 {
                    let name = tree.attribute(.content, of: index) ?? tree.collapsedText(of: index)
                    if !name.isEmpty { itempropAuthors.append(name) }
                }
            default: break
            }
        }

        let jsonLD = JSONLDReader.read(tree.jsonLD)
        var result = PageMetadata()
        result.site = firstNonEmpty(meta["og:site_name"], jsonLD.publisher, meta["application-name"], meta["twitter:site"].flatMap { $0.hasPrefix("@") ? nil : $0 })
        let rawTitle = firstNonEmpty(jsonLD.headline, meta["og:title"], firstH1, meta["twitter:title"], titleElement)
        result.title = rawTitle.map { TitleCleaner.removeSiteName(from: $0, site: result.site, fromTitleElement: $0 == titleElement && $0 != firstH1) }
        if let title = result.title, title.isEmpty { result.title = nil }
        // Original dates before modified ones, as htmldate does; `PublicationDate` adds the URL, the
        // first <time> and visible date lines after these.
        let dateCandidates = [
            jsonLD.published, meta["article:published_time"], meta["og:published_time"], meta["datepublished"], itempropDate,
            meta["datecreated"], meta["publishdate"], meta["publish_date"], meta["publish-date"], meta["pubdate"], meta["pub_date"],
            meta["article.published"], meta["dc.date.issued"], meta["dcterms.issued"], meta["dc.date.created"], meta["dcterms.created"],
            meta["dc.date"], meta["citation_publication_date"], meta["citation_date"], meta["citation_online_date"],
            meta["sailthru.date"], meta["parsely-pub-date"], meta["originalpublicationdate"], meta["date"],
        ]
        result.published = dateCandidates.lazy.compactMap { $0.flatMap(PublicationDate.normalize) }.first
        result.firstTime = firstTimeDatetime.flatMap(PublicationDate.normalize)
        let modifiedCandidates = [
            jsonLD.modified, meta["article:modified_time"], meta["og:updated_time"], meta["datemodified"], itempropModified,
            meta["last-modified"], meta["dc.date.modified"], meta["dcterms.modified"],
        ]
        result.modified = modifiedCandidates.lazy.compactMap { $0.flatMap(PublicationDate.normalize) }.first
        var authors = jsonLD.authors
        if authors.isEmpty, let author = meta["author"] ?? meta["article:author"] ?? meta["byl"] ?? meta["parsely-author"] { authors = [author] }
        if authors.isEmpty { authors = itempropAuthors }
        if authors.isEmpty { authors = relAuthors }
        result.authors = AuthorCleaner.clean(authors)
        result.canonicalURL = [canonical, meta["og:url"], jsonLD.url].lazy.compactMap { $0 }.first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        result.description = firstNonEmpty(meta["og:description"], meta["description"], jsonLD.description, meta["twitter:description"])
        let languageMarkup = firstNonEmpty(htmlLang, jsonLD.language, meta["og:locale"], contentLanguage, meta["language"], meta["dc.language"])
        result.language = languageMarkup.flatMap(languageSubtag)
        result.structuredBody = jsonLD.articleBody
        let ogType = meta["og:type"]?.lowercased()
        result.declaresArticle = jsonLD.isArticle || ogType == "article" || articleBodyMarkup
        if let pageType = jsonLD.pageType, !jsonLD.isArticle {
            result.declaredPageType = pageType == "searchresultspage" ? "search" : pageType.hasSuffix("gallery") ? "gallery" : "index"
        }
        return result
    }

    /// The primary subtag of a BCP 47 tag or locale (`en-US`, `en_GB`, `EN` → `en`), or `nil` when
    /// the value is not one.
    static func languageSubtag(_ tag: String) -> String? {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == " " || $0 == ";" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.utf8.count), primary.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
        return primary
    }

    private static func firstNonEmpty(_ values: String?...) -> String? {
        for value in values {
            if let value {
                let clean = TextNormalization.cleanLine(value)
                if !clean.isEmpty { return clean }
            }
        }
        return nil
    }
}
