/// Finds when a page was first published, in the order htmldate trusts the evidence: structured
/// markup (JSON-LD `datePublished`, publication meta tags, `itemprop`), a date in the URL, the
/// first `<time datetime>`, a visible date line near the headline or in the story ("3. März 2024",
/// "Published March 3, 2024"), and only then a last-modified date. A line that says it is an
/// update ("Aktualisiert am …", "Updated …") never counts as the original.
enum PublicationDate {
    /// The date and where it came from (for `gazette clean --explain`).
    struct Found: Equatable {
        var date: String
        var source: String
    }

    /// ISO 8601 for a date value from markup (`2024-03-12T09:30:00Z`, or a written date such as
    /// `12.03.2024` or `March 12, 2024`), or `nil`; years before 1990 are refused (placeholder dates
    /// such as 1970-01-01).
    static func normalize(_ raw: String) -> String? {
        if let iso = DateNormalizer.iso8601(raw) {
            guard let year = Int(iso.prefix(4)), DateText.years.contains(year) else { return nil }
            return iso
        }
        guard raw.utf8.count <= 80 else { return nil }
        return DateText.firstDate(in: raw)?.iso
    }

    /// Applies the order of evidence; `zone` is the part of the page searched for visible date
    /// lines (from the headline to the end of the content).
    static func find(metadata: PageMetadata, url: String?, tree: DOMTree, zone: Range<Int>, monthFirst: Bool) -> Found? {
        if let date = metadata.published { return Found(date: date, source: "structured markup") }
        if let url, let day = DateText.urlDate(url) {
            // A <time> on the same day says the hour too.
            if let time = metadata.firstTime, time.hasPrefix(day.iso) { return Found(date: time, source: "the URL and the first <time> element") }
            return Found(date: day.iso, source: "the URL")
        }
        if let date = metadata.firstTime { return Found(date: date, source: "the first <time> element") }
        let lines = visibleDates(in: tree, zone: zone, monthFirst: monthFirst)
        if let day = lines.published { return Found(date: day.iso, source: "a visible publication line") }
        if let day = lines.plain { return Found(date: day.iso, source: "a visible date line") }
        if let date = metadata.modified { return Found(date: date, source: "the last-modified date (no original found)") }
        if let day = lines.updated { return Found(date: day.iso, source: "a visible update line (no original found)") }
        return nil
    }

    /// Dates in short lines of text in `zone`: the first line that says it is the publication, the
    /// first date line that says nothing, and the first update line.
    static func visibleDates(in tree: DOMTree, zone: Range<Int>, monthFirst: Bool) -> (published: DateText.Day?, plain: DateText.Day?, updated: DateText.Day?) {
        var plain: DateText.Day?, updated: DateText.Day?
        var tried = Set<Int>()
        var lines = 0
        let nodes = tree.nodes
        var index = max(zone.lowerBound, 0)
        let end = min(zone.upperBound, nodes.count)
        while index < end, lines < 200 {
            defer { index += 1 }
            guard nodes[index].tag == .text, nodes[index].textLength <= 200 else { continue }
            // The line is the nearest element around the text that stays short.
            var element = Int(nodes[index].parent)
            guard element >= 0, !tried.contains(element) else { continue }
            if !nodes[element].tag.isBlock, nodes[element].parent >= 0, textBytes(of: Int(nodes[element].parent), in: tree, limit: 240) <= 200 {
                element = Int(nodes[element].parent)
            }
            guard tried.insert(element).inserted, textBytes(of: element, in: tree, limit: 240) <= 200, hasDigit(element, in: tree) else { continue }
            lines += 1
            let line = tree.collapsedText(of: element)
            guard line.utf8.count >= 6, let day = DateText.firstDate(in: line, monthFirst: monthFirst) else { continue }
            let lower = Array(line.lowercased().utf8)
            if updateWords.contains(where: { lower.containsBytes($0) }) {
                if updated == nil { updated = day }
            } else if publishWords.contains(where: { lower.containsBytes($0) }) {
                return (day, plain, updated)
            } else if plain == nil {
                plain = day
            }
        }
        return (nil, plain, updated)
    }

    /// True when the text of the subtree of `index` has a digit (every date line does).
    private static func hasDigit(_ index: Int, in tree: DOMTree) -> Bool {
        for inner in index..<Int(tree.nodes[index].end) where tree.nodes[inner].tag == .text {
            if tree.textBytes(of: inner).contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
        }
        return false
    }

    /// Bytes of text in the subtree of `index`, counted up to `limit`.
    private static func textBytes(of index: Int, in tree: DOMTree, limit: Int) -> Int {
        var total = 0
        for inner in index..<Int(tree.nodes[index].end) where tree.nodes[inner].tag == .text {
            total += Int(tree.nodes[inner].textLength)
            if total > limit { return total }
        }
        return total
    }

    private static let publishWords: [[UInt8]] = [
        "published", "posted", "veröffentlicht", "erschienen", "publié", "publicado", "publicada", "pubblicato",
        "opublikowano", "опубликовано", "gepubliceerd", "yayınlan", "publicerad", "udgivet", "publikováno",
    ].map { Array($0.utf8) }
    private static let updateWords: [[UInt8]] = [
        "updated", "update", "modified", "aktualisiert", "geändert", "mis à jour", "actualizado", "actualizada", "atualizado",
        "aggiornato", "zaktualizowano", "обновлено", "bijgewerkt", "güncellen", "uppdaterad", "opdateret", "aktualizováno",
    ].map { Array($0.utf8) }
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

