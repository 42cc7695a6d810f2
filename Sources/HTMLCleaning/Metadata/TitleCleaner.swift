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

/// Turns the date strings pages use into ISO 8601 (`2019-11-19`, `2019-11-19T10:30:00Z`).
enum DateNormalizer {
    /// The ISO 8601 form of `raw`, or `nil` when it does not start with a year-month-day date.
    static func iso8601(_ raw: String) -> String? {
        let bytes = Array(raw.utf8.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 })
        guard bytes.count >= 10 else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              bytes[4] == bytes[7], bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/"),
              (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var output = String(year) + "-" + pad(month) + "-" + pad(day)
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20,
              let hour = digits(11..<13), bytes[13] == UInt8(ascii: ":"), let minute = digits(14..<16),
              hour < 24, minute < 60 else { return output }
        output += "T" + pad(hour) + ":" + pad(minute)
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":"), let second = digits(17..<19), second < 61 {
            output += ":" + pad(second)
            index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            }
        } else {
            output += ":00"
        }
        // Time zone: Z, ±HH:MM, ±HHMM.
        if index < bytes.count {
            if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
                output += "Z"
            } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                let sign = bytes[index] == UInt8(ascii: "+") ? "+" : "-"
                if let zoneHour = digits((index + 1)..<(index + 3)) {
                    var zoneMinute = 0
                    if index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":") {
                        zoneMinute = digits((index + 4)..<(index + 6)) ?? 0
                    } else if let minutes = digits((index + 3)..<(index + 5)) {
                        zoneMinute = minutes
                    }
                    if zoneHour < 24 && zoneMinute < 60 { output += sign + pad(zoneHour) + ":" + pad(zoneMinute) }
                }
            }
        }
        return output
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
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
