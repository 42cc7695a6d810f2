/// Drops lines of the extracted body that are page furniture rather than prose: the headline again,
/// bylines, datelines, photo credits and captions, and call-to-action lines ("Advertisement",
/// "Sign up for our newsletter"), when they are short and not sentences.
enum BlockFilter {
    /// The blocks worth keeping, in order.
    static func filter(_ blocks: [TextBlock], title: String?) -> [TextBlock] {
        let titleKey = title.map(key) ?? []
        let titleLength = title?.utf8.count ?? 0
        var kept: [TextBlock] = []
        kept.reserveCapacity(blocks.count)
        for block in blocks {
            let length = block.text.utf8.count
            if !titleKey.isEmpty, length <= titleLength * 2 + 8, length * 2 + 8 >= titleLength, key(block.text) == titleKey { continue }
            if block.kind == .preformatted || block.kind == .tableRow { kept.append(block); continue }
            if isFurnitureLine(block.text) { continue }
            kept.append(block)
        }
        // Trailing headings with nothing after them are section labels of removed boxes.
        // (A heading that is a sentence is a pull quote or a last word, and stays.)
        while let last = kept.last, last.kind == .heading, !endsSentence(last.text) { kept.removeLast() }
        return kept
    }

    /// Joins blocks: list items and table rows of one run by a newline, everything else by a blank line.
    static func join(_ blocks: [TextBlock]) -> String {
        var text = ""
        text.reserveCapacity(blocks.reduce(0) { $0 + $1.text.utf8.count + 2 })
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

    /// The text's bytes without ASCII punctuation and spaces, ASCII letters lowercased, for comparing
    /// a block with the title.
    private static func key(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: bytes.append(byte)
            default: continue
            }
        }
        return bytes
    }

    private static let linePrefixes = [
        "by ", "posted by", "written by", "updated", "published", "last updated", "last modified", "posted on", "posted:",
        "photo:", "photo by", "photos:", "photograph:", "image:", "image copyright", "image caption", "media caption",
        "picture:", "pictured:", "credit:", "source:", "caption:", "getty images", "(photo", "(image", "file photo", "copyright",
        "©", "read more", "read also", "see also", "related:", "advertisement", "sponsored", "sign up", "subscribe",
        "follow us", "share this", "share on", "click here", "download the", "get the app", "continue reading",
        "story continues", "article continues", "scroll to continue", "skip advertisement", "supported by",
        // The same labels in other languages: sources, pictures, credits, categories, bylines,
        // update and publication stamps, and "read also" pointers.
        "quelle:", "quellen:", "quellenangaben", "foto:", "fotos:", "bild:", "abbildung:", "grafik:", "(credit", "(foto",
        "crédit", "source :", "fuente:", "fuentes:", "fonte:", "bron:", "źródło:", "kategorie:", "category:", "catégorie",
        "categoría:", "von:", "kontakt:", "originalartikel", "weitere artikel", "weitere infos", "mehr zum thema",
        "lesen sie auch", "lire aussi", "à lire aussi", "lee también", "leggi anche", "zobacz też", "vergrößern",
        "aktualisiert", "veröffentlicht am", "veröffentlichung:", "mis à jour", "publié le", "actualizado", "publicado el",
        "aggiornato", "pubblicato il",
    ]
    /// Phrases of newsletter, follow, app and script notices.
    private static let callsToAction = [
        "requires javascript", "enable javascript", "javascript is disabled", "javascript must be enabled",
        "sign up for our", "sign up to our", "subscribe to our", "newsletters", "in your inbox", "to your inbox",
        "follow us on", "follow him on", "follow her on", "follow them on", "like us on facebook",
        "download our app", "download the app", "get our app", "this video is not available", "your browser does not support",
    ]
    /// Words that open a byline.
    private static let bylinePrefixBytes = ["by ", "von ", "par ", "por ", "di ", "door ", "av ", "przez "].map { Array($0.utf8) }
    /// Credit marks inside a line: a picture credit after a caption.
    private static let creditMarkBytes = [". foto: ", ". photo: ", ". bild: ", ". fotos: ", ". photos: ", " © ", "(foto: ", "(photo: ", "(bild: "]
        .map { Array($0.utf8) }
    private static let agencyMarks = ["getty images", "reuters", "associated press", "ap photo", "afp", "shutterstock", "epa", "alamy", "istock"]

    /// A short line that is a byline, dateline, credit, caption label or call to action.
    static func isFurnitureLine(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count < 480 else { return false }
        // ASCII-lowercased bytes; other bytes kept as they are.
        let lower = utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let length = lower.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        guard length < 160 else { return false }
        var words = 0
        var inWord = false
        for byte in lower {
            let space = byte == 0x20 || byte == 0x0A
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        let last = text.unicodeScalars.last.map { sentenceEnds.contains($0) } ?? false
        if words <= 14 && !last {
            for prefix in linePrefixBytes where lower.starts(with: prefix) { return true }
            for mark in agencyMarkBytes where lower.ends(with: mark) || lower.ends(with: mark + [UInt8(ascii: ")")]) { return true }
            if looksLikeDate(lower) { return true }
        }
        // A date with a word or two around it ("Veröffentlichung: 2. Februar 2022", "3 mars 2024 à 14h05"),
        // or a byline with a date ("Von Jana Berg, Berlin · 05.12.2025, 11:32 Uhr · Lesezeit: 4 Min.").
        if words <= 20, words <= 6 || bylinePrefixBytes.contains(where: { lower.starts(with: $0) }), DateText.firstDate(in: text) != nil {
            return true
        }
        if words <= 3 {
            for prefix in shortLabelBytes where lower.starts(with: prefix) { return true }
        }
        if words <= 30 {
            for phrase in callToActionBytes where lower.containsBytes(phrase) { return true }
        }
        // A caption with its credit after it ("… im Plenarsaal. Foto: M. Brandt", "… © Agency").
        if words <= 25 {
            for mark in creditMarkBytes where lower.containsBytes(mark) { return true }
        }
        return false
    }

    private static let sentenceEnds = Set(".!?。！？:\"”".unicodeScalars)

    /// True when the text ends with `.`, `!`, `?` or their CJK forms (a sentence, not a label).
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return ".!?。！？".unicodeScalars.contains(last)
    }
    private static let linePrefixBytes = linePrefixes.map { Array($0.utf8) }
    private static let agencyMarkBytes = agencyMarks.map { Array($0.utf8) }
    private static let callToActionBytes = callsToAction.map { Array($0.utf8) }
    private static let shortLabelBytes = [
        "advertisement", "advert", "ad", "anzeige", "publicité", "publicidad", "pubblicità", "reklama", "sponsored",
        "read more", "share", "comments", "related", "loading", "close", "menu",
    ].map { Array($0.utf8) }
    private static let monthBytes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { Array($0.utf8) }
    private static let dateWords: Set<[UInt8]> = Set([
        "am", "pm", "a", "m", "p", "et", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet", "at", "on", "updated", "published",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "th", "st", "nd", "rd",
    ].map { Array($0.utf8) })

    /// A line that is mostly a date or time (`Nov. 19, 2019 10:30 a.m. ET`, `19/11/2019`).
    private static func looksLikeDate(_ lower: [UInt8]) -> Bool {
        var tokens: [ArraySlice<UInt8>] = []
        var start: Int?
        for index in 0...lower.count {
            let byte = index < lower.count ? lower[index] : 0x20
            let wordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            if wordByte { if start == nil { start = index } } else if let begin = start {
                tokens.append(lower[begin..<index])
                start = nil
                if tokens.count > 10 { return false }
            }
        }
        guard !tokens.isEmpty else { return false }
        var hasNumber = false
        for token in tokens {
            if token.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { hasNumber = true; continue }
            if token.count <= 9, monthBytes.contains(where: { token.starts(with: $0) }) { continue }
            if dateWords.contains(Array(token)) { continue }
            return false
        }
        return hasNumber
    }
}

extension Array where Element == UInt8 {
    /// True when the array ends with `suffix`.
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    /// True when `needle` occurs in the array.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var index = 0
        let last = count - needle.count
        while index <= last {
            if self[index] == first && self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
