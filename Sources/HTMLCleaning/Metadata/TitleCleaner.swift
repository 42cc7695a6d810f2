/// Removes the site name a page appends to (or puts before) its headline: `Headline | Site`.
enum TitleCleaner {
    private static let separators: [[UInt8]] = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " « ", " » ", " ~ "].map { Array($0.utf8) }

    /// `title` without a segment naming `site`; for a `<title>` element also without a short trailing
    /// segment when no site name is known.
    static func removeSiteName(from title: String, site: String?, fromTitleElement: Bool) -> String {
        let bytes = Array(title.utf8)
        // Segments as byte ranges between separators.
        var segments: [Range<Int>] = []
        var segmentStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x20, let separator = separators.first(where: { bytes.count - index >= $0.count && bytes[index..<(index + $0.count)].elementsEqual($0) }) {
                if index > segmentStart { segments.append(segmentStart..<index) }
                index += separator.count
                segmentStart = index
                continue
            }
            index += 1
        }
        if bytes.count > segmentStart { segments.append(segmentStart..<bytes.count) }
        guard segments.count > 1 else { return title }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func span(_ kept: ArraySlice<Range<Int>>) -> String {
            guard let first = kept.first, let last = kept.last else { return title }
            return TextNormalization.cleanLine(text(first.lowerBound..<last.upperBound))
        }
        if let site = site.map({ normalized($0) }), !site.isEmpty {
            var kept = segments[...]
            while kept.count > 1, let last = kept.last, matchesSite(normalized(text(last)), site) { kept = kept.dropLast() }
            while kept.count > 1, let first = kept.first, matchesSite(normalized(text(first)), site) { kept = kept.dropFirst() }
            if kept.count < segments.count { return span(kept) }
        }
        guard fromTitleElement else { return title }
        // No known site name: drop a short last segment when the rest reads like a headline.
        let head = segments.dropLast()
        let tailWords = text(segments[segments.count - 1]).split(separator: " ").count
        let headWords = span(head).split(separator: " ").count
        if tailWords <= 4 && headWords >= 3 { return span(head) }
        return title
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }

    private static func matchesSite(_ segment: String, _ site: String) -> Bool {
        guard !segment.isEmpty else { return false }
        return segment == site || (segment.count >= 3 && site.contains(segment)) || (site.count >= 3 && segment.contains(site) && segment.count <= site.count + 12)
    }
}

/// Tidies author names: drops `By`, splits `A and B`, removes URLs and duplicates.
enum AuthorCleaner {
    static func clean(_ raw: [String]) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for entry in raw.prefix(20) {
            var text = TextNormalization.cleanLine(entry)
            for prefix in ["By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "di "] where text.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
            }
            var parts = [text]
            for separator in [" and ", " & ", ", ", " und ", " et ", " y ", " e "] {
                parts = parts.flatMap { $0.split(separator: separator).map(String.init) }
            }
            for part in parts {
                let name = TextNormalization.cleanLine(part)
                guard !name.isEmpty, name.count <= 80, !name.hasPrefix("http"), !name.contains("/"), !name.contains("@") else { continue }
                let key = name.lowercased()
                if seen.insert(key).inserted { result.append(name) }
                if result.count >= 10 { return result }
            }
        }
        return result
    }
}
