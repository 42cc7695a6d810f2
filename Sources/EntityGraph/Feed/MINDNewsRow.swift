import GazetteCore

/// One row of the MIND news recommendation dataset's `news.tsv` for a tagged article:
/// news id, category, subcategory, title, abstract, URL, title entities, abstract entities.
///
/// Category and subcategory are the labels of the best and second-best topic. The abstract is the
/// page description, else the first sentence of the text when the record includes it. Entity
/// columns list the article's entities found in the title or abstract string, with offsets in
/// Unicode scalars (Python `str` indices) into that string; `Confidence` is the entity's salience
/// (Gazette has no separate linking confidence). Tabs and line breaks in fields become spaces.
public enum MINDNewsRow {
    /// One entity occurrence list for the title or abstract column.
    public struct EntityOccurrences: Sendable, Hashable {
        /// Canonical name.
        public var label: String
        /// `P`, `O`, `G` (or the first letter of another type).
        public var type: String
        /// Wikidata QID, or empty when unknown.
        public var wikidataID: String
        /// The entity's salience in the article.
        public var confidence: Double
        /// Scalar offsets of each occurrence.
        public var offsets: [Int]
        /// The matched text of each occurrence, aligned with `offsets`.
        public var surfaceForms: [String]
    }

    /// The TSV row (without newline).
    public static func row(for article: TaggedArticle) -> String {
        let ranked = (article.topics ?? []).enumerated()
            .filter { !($0.element.id ?? "").isEmpty || !($0.element.label ?? "").isEmpty }
            .sorted { x, y in
                let a = x.element.score ?? 0, b = y.element.score ?? 0
                return a != b ? a > b : x.offset < y.offset
            }
            .map(\.element)
        func topicName(_ topic: TaggedArticle.TaggedTopic?) -> String {
            guard let topic else { return "" }
            if let label = topic.label, !label.isEmpty { return label }
            return topic.id ?? ""
        }
        let title = field(article.title ?? "")
        let abstract = field(abstract(of: article))
        let columns = [
            field(article.id ?? ""),
            field(topicName(ranked.first)),
            field(topicName(ranked.dropFirst().first)),
            title,
            abstract,
            field(article.url ?? ""),
            entityColumn(occurrences(of: article.entities ?? [], in: title)),
            entityColumn(occurrences(of: article.entities ?? [], in: abstract)),
        ]
        return columns.joined(separator: "\t")
    }

    /// The abstract: the description, else the first sentence of the text, else empty.
    public static func abstract(of article: TaggedArticle) -> String {
        if let description = article.description, !description.allSatisfy(\.isWhitespace) {
            return description
        }
        guard let text = article.text else { return "" }
        return firstSentence(of: text)
    }

    /// The text up to the first `.`, `!` or `?` followed by a space or line break (not after a
    /// single capital or `Mr`/`Mrs`/`Ms`/`Dr`/`St`), or up to the first line break.
    public static func firstSentence(of text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var begin = 0
        while begin < scalars.count, scalars[begin].properties.isWhitespace { begin += 1 }
        var index = begin
        var end = scalars.count
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { end = index; break }
            if scalar == "." || scalar == "!" || scalar == "?" {
                let next = index + 1
                if next == scalars.count || scalars[next].properties.isWhitespace {
                    if scalar != "." || !endsWithAbbreviation(scalars, before: index, from: begin) {
                        end = next
                        break
                    }
                }
            }
            index += 1
        }
        var string = String.UnicodeScalarView()
        string.append(contentsOf: scalars[begin..<end])
        return String(string).trimmingSpaces()
    }

    private static func endsWithAbbreviation(_ scalars: [Unicode.Scalar], before dot: Int, from begin: Int) -> Bool {
        var start = dot
        while start > begin, scalars[start - 1].properties.isAlphabetic { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<dot]))
        if word.count == 1, let first = word.unicodeScalars.first, first.properties.isUppercase { return true }
        return ["Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Prof"].contains(word)
    }

    /// Entities whose surface forms or name appear in `string` as whole words, with their offsets.
    public static func occurrences(of entities: [TaggedArticle.TaggedEntity], in string: String) -> [EntityOccurrences] {
        let haystack = Array(string.unicodeScalars)
        guard !haystack.isEmpty else { return [] }
        var result: [EntityOccurrences] = []
        var seenIDs: Set<String> = []
        for entity in entities {
            let key = entity.id ?? entity.name ?? ""
            guard seenIDs.insert(key).inserted else { continue }
            var forms: [String] = []
            for surface in (entity.mentions ?? []).compactMap(\.surface) + [entity.name].compactMap({ $0 })
            where !surface.isEmpty && !forms.contains(surface) {
                forms.append(surface)
            }
            forms.sort { $0.unicodeScalars.count > $1.unicodeScalars.count }
            var claimed: [Range<Int>] = []
            var found: [(offset: Int, surface: String)] = []
            for form in forms {
                let needle = Array(form.unicodeScalars)
                for start in matches(of: needle, in: haystack) {
                    let range = start..<(start + needle.count)
                    if claimed.contains(where: { $0.overlaps(range) }) { continue }
                    claimed.append(range)
                    found.append((start, form))
                }
            }
            guard !found.isEmpty else { continue }
            found.sort { $0.offset < $1.offset }
            result.append(EntityOccurrences(
                label: entity.name ?? key, type: typeLetter(entity.type), wikidataID: entity.wikidata ?? "",
                confidence: entity.salience ?? 0, offsets: found.map(\.offset), surfaceForms: found.map(\.surface)
            ))
        }
        return result
    }

    /// `P` for people, `O` for organisations, `G` for places, else the first letter of the type.
    public static func typeLetter(_ type: String?) -> String {
        switch type.flatMap(EntityType.init(name:)) {
        case .person: "P"
        case .organization: "O"
        case .place: "G"
        case nil: (type?.first).map { String($0).uppercased() } ?? "U"
        }
    }

    /// The JSON list of an entity column.
    public static func entityColumn(_ occurrences: [EntityOccurrences]) -> String {
        var json = JSONWriter()
        json.beginArray()
        for occurrence in occurrences {
            json.beginObject()
            json.key("Label"); json.string(occurrence.label)
            json.key("Type"); json.string(occurrence.type)
            json.key("WikidataId"); json.string(occurrence.wikidataID)
            json.key("Confidence"); json.number(occurrence.confidence)
            json.key("OccurrenceOffsets"); json.beginArray()
            for offset in occurrence.offsets { json.int(offset) }
            json.endArray()
            json.key("SurfaceForms"); json.beginArray()
            for surface in occurrence.surfaceForms { json.string(surface) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        return json.output
    }

    /// Start offsets of `needle` in `haystack` where it is a whole word (no letter or digit just
    /// before or after).
    static func matches(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var starts: [Int] = []
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            var equal = true
            for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                equal = false
                break
            }
            guard equal else { continue }
            let end = start + needle.count
            if start > 0 && isWordScalar(haystack[start - 1]) && isWordScalar(needle[0]) { continue }
            if end < haystack.count && isWordScalar(haystack[end]) && isWordScalar(needle[needle.count - 1]) { continue }
            starts.append(start)
        }
        return starts
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A field with tabs and line breaks replaced by spaces.
    static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            scalars.append(scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return String(scalars)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0, end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
