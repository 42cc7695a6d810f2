/// Drops lines of the extracted body that are page furniture rather than prose: the headline again,
/// bylines, datelines, photo credits and captions, and call-to-action lines ("Advertisement",
/// "Sign up for our newsletter"), when they are short and not sentences.
enum BlockFilter {
    /// The blocks worth keeping, in order.
    static func filter(_ blocks: [TextBlock], title: String?) -> [TextBlock] {
        let titleKey = title.map(key)
        var kept: [TextBlock] = []
        kept.reserveCapacity(blocks.count)
        for block in blocks {
            if let titleKey, !titleKey.isEmpty, key(block.text) == titleKey { continue }
            if block.kind == .preformatted || block.kind == .tableRow { kept.append(block); continue }
            if isFurnitureLine(block.text) { continue }
            kept.append(block)
        }
        // Trailing headings with nothing after them are section labels of removed boxes.
        while let last = kept.last, last.kind == .heading { kept.removeLast() }
        return kept
    }

    /// Joins blocks: list items and table rows of one run by a newline, everything else by a blank line.
    static func join(_ blocks: [TextBlock]) -> String {
        var text = ""
        var previous: TextBlock.Kind?
        for block in blocks {
            if let previous {
                let tight = (previous == block.kind) && (block.kind == .listItem || block.kind == .tableRow)
                text += tight ? "\n" : "\n\n"
            }
            text += block.text
            previous = block.kind
        }
        return text
    }

    private static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }

    private static let linePrefixes = [
        "by ", "posted by", "written by", "updated", "published", "last updated", "last modified", "posted on", "posted:",
        "photo:", "photo by", "photos:", "photograph:", "image:", "image copyright", "image caption", "media caption",
        "picture:", "pictured:", "credit:", "source:", "caption:", "getty images", "(photo", "(image", "file photo", "copyright",
        "©", "read more", "read also", "see also", "related:", "advertisement", "sponsored", "sign up", "subscribe",
        "follow us", "share this", "share on", "click here", "download the", "get the app", "continue reading",
        "story continues", "article continues", "scroll to continue", "skip advertisement", "supported by",
    ]
    private static let agencyMarks = ["getty images", "reuters", "associated press", "ap photo", "afp", "shutterstock", "epa", "alamy", "istock"]

    /// A short line that is a byline, dateline, credit, caption label or call to action.
    static func isFurnitureLine(_ text: String) -> Bool {
        let length = text.unicodeScalars.count
        guard length < 160 else { return false }
        let lower = text.lowercased()
        let endsAsSentence = lower.unicodeScalars.last.map { ".!?。！？:\"”".unicodeScalars.contains($0) } ?? false
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        if words <= 14 && !endsAsSentence {
            for prefix in linePrefixes where lower.hasPrefix(prefix) { return true }
            for mark in agencyMarks where lower.hasSuffix(mark) || lower.hasSuffix(mark + ")") { return true }
            if looksLikeDate(lower) { return true }
        }
        if words <= 3 {
            for prefix in ["advertisement", "sponsored", "read more", "share", "comments", "related", "loading"] where lower.hasPrefix(prefix) {
                return true
            }
        }
        return false
    }

    /// A line that is mostly a date or time (`Nov. 19, 2019 10:30 a.m. ET`, `19/11/2019`).
    private static func looksLikeDate(_ lower: String) -> Bool {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let tokens = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard !tokens.isEmpty, tokens.count <= 10 else { return false }
        var dateish = 0
        for token in tokens {
            if token.allSatisfy(\.isNumber) { dateish += 1; continue }
            if months.contains(where: { token.hasPrefix($0) }) && token.count <= 9 { dateish += 1; continue }
            if ["am", "pm", "a", "m", "p", "et", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet", "at", "on", "updated", "published", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "th", "st", "nd", "rd"].contains(String(token)) {
                dateish += 1
            }
        }
        return dateish == tokens.count && tokens.contains(where: { $0.allSatisfy(\.isNumber) })
    }
}
