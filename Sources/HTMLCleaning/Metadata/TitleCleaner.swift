/// Removes the site name a page appends to (or puts before) its headline: `Headline | Site`.
enum TitleCleaner {
    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " « ", " » ", " ~ "]

    /// `title` without a segment naming `site`; for a `<title>` element also without a short trailing
    /// segment when no site name is known.
    static func removeSiteName(from title: String, site: String?, fromTitleElement: Bool) -> String {
        var segments = [title]
        for separator in separators {
            segments = segments.flatMap { $0.split(separator: separator, omittingEmptySubsequences: true).map(String.init) }
        }
        segments = segments.map { TextNormalization.cleanLine($0) }.filter { !$0.isEmpty }
        guard segments.count > 1 else { return title }
        if let site = site.map({ normalized($0) }), !site.isEmpty {
            var trimmed = segments
            while trimmed.count > 1, let last = trimmed.last, matchesSite(normalized(last), site) { trimmed.removeLast() }
            while trimmed.count > 1, let first = trimmed.first, matchesSite(normalized(first), site) { trimmed.removeFirst() }
            if trimmed.count < segments.count { return rejoin(trimmed, original: title) }
        }
        guard fromTitleElement else { return title }
        // No known site name: drop a short last segment when the rest reads like a headline.
        let head = Array(segments.dropLast())
        let tail = segments[segments.count - 1]
        let headWords = head.joined(separator: " ").split(separator: " ").count
        if tail.split(separator: " ").count <= 4 && headWords >= 3 { return rejoin(head, original: title) }
        return title
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }

    private static func matchesSite(_ segment: String, _ site: String) -> Bool {
        guard !segment.isEmpty else { return false }
        return segment == site || (segment.count >= 3 && site.contains(segment)) || (site.count >= 3 && segment.contains(site) && segment.count <= site.count + 12)
    }

    /// Joins kept segments back with the separator that stood between them in the original.
    private static func rejoin(_ segments: [String], original: String) -> String {
        guard let first = segments.first else { return original }
        if segments.count == 1 { return first }
        // Find the kept span in the original text to preserve its own separators.
        if let last = segments.last, let start = original.range(ofText: first), let end = original.range(ofText: last, from: start.lowerBound) {
            return String(original[start.lowerBound..<end.upperBound])
        }
        return segments.joined(separator: " - ")
    }
}

extension String {
    /// The first range of `needle` at or after `from` (plain code-unit comparison, no Foundation).
    func range(ofText needle: String, from: String.Index? = nil) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var index = from ?? startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
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
