/// Reads the dates pages write in prose and in URLs: `3. März 2024`, `3 mars 2024`,
/// `March 3, 2024`, `3 de marzo de 2024`, `3 marca 2024 r.`, `3 марта 2024`, `12.03.2024`,
/// `2024年3月12日`, `/2024/03/12/`. Byte-level: the text is cut into number and word tokens, and
/// month names are looked up in a table of full names and abbreviations in about a dozen languages.
enum DateText {
    /// A calendar day.
    struct Day: Equatable, Sendable {
        var year: Int
        var month: Int
        var day: Int

        /// `YYYY-MM-DD`.
        var iso: String {
            String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
        }
    }

    /// Years a publication date may have (the web's, up to next year).
    static let years = 1990...2100

    /// The first date written in `text`, or `nil`. Numeric dates with slashes are read month first
    /// when `monthFirst` (US English), day first otherwise; with dots or dashes always day first.
    static func firstDate(in text: String, monthFirst: Bool = false) -> Day? {
        let tokens = tokenize(Array(text.utf8))
        var index = 0
        while index < tokens.count {
            if let day = date(at: index, in: tokens, monthFirst: monthFirst) { return day }
            index += 1
        }
        return nil
    }

    /// A date in a URL path: `/2024/03/12/`, `/2024-03-12-`, `/20240312/`, or `_2024_03_12`.
    static func urlDate(_ url: String) -> Day? {
        let bytes = Array(url.utf8)
        // Skip the scheme and host.
        var start = 0
        if let scheme = firstIndex(of: Array("://".utf8), in: bytes) {
            start = scheme + 3
            while start < bytes.count, bytes[start] != UInt8(ascii: "/") { start += 1 }
        }
        var index = start
        while index + 8 <= bytes.count {
            defer { index += 1 }
            guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) else { continue }
            // YYYY sep MM sep DD
            if index + 10 <= bytes.count, let year = number(bytes, index, 4), isSeparator(bytes[index + 4]),
               let month = number(bytes, index + 5, 2), bytes[index + 7] == bytes[index + 4],
               let day = number(bytes, index + 8, 2), index + 10 == bytes.count || !isDigit(bytes[index + 10]),
               let valid = make(year, month, day) {
                return valid
            }
            // YYYYMMDD standing alone between separators.
            if let year = number(bytes, index, 4), let month = number(bytes, index + 4, 2), let day = number(bytes, index + 6, 2),
               index + 8 == bytes.count || !isDigit(bytes[index + 8]), index > 0, isSeparator(bytes[index - 1]),
               let valid = make(year, month, day) {
                return valid
            }
        }
        return nil
    }

    // MARK: Tokens

    enum Token: Equatable {
        /// Digits: value and how many.
        case number(Int, Int)
        /// A lowercased word (letters of any script).
        case word([UInt8])
        /// `.`
        case dot
        /// `/`
        case slash
        /// `-`
        case dash
        /// `年`, `月`, `日`
        case cjk(UInt8)
    }

    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count, tokens.count < 400 {
            let byte = bytes[index]
            if isDigit(byte) {
                var value = 0, count = 0
                while index < bytes.count, isDigit(bytes[index]), count < 9 {
                    value = value * 10 + Int(bytes[index] - 0x30)
                    count += 1
                    index += 1
                }
                tokens.append(.number(value, count))
                continue
            }
            // 年 E5 B9 B4, 月 E6 9C 88, 日 E6 97 A5
            if byte == 0xE5 || byte == 0xE6, index + 2 < bytes.count {
                let pair = (bytes[index + 1], bytes[index + 2])
                if byte == 0xE5 && pair == (0xB9, 0xB4) { tokens.append(.cjk(0)); index += 3; continue }
                if byte == 0xE6 && pair == (0x9C, 0x88) { tokens.append(.cjk(1)); index += 3; continue }
                if byte == 0xE6 && pair == (0x97, 0xA5) { tokens.append(.cjk(2)); index += 3; continue }
            }
            if isLetterStart(byte) {
                var word: [UInt8] = []
                while index < bytes.count, isLetterStart(bytes[index]) || (bytes[index] & 0xC0 == 0x80 && !word.isEmpty) {
                    let current = bytes[index]
                    word.append(current >= 0x41 && current <= 0x5A ? current | 0x20 : current)
                    index += 1
                }
                tokens.append(.word(lowercaseNonASCII(word)))
                continue
            }
            switch byte {
            case UInt8(ascii: "."): tokens.append(.dot)
            case UInt8(ascii: "/"): tokens.append(.slash)
            case UInt8(ascii: "-"): tokens.append(.dash)
            default: break
            }
            index += 1
        }
        return tokens
    }

    // MARK: Patterns

    private static func date(at index: Int, in tokens: [Token], monthFirst: Bool) -> Day? {
        guard case .number(let first, let firstDigits) = tokens[index] else {
            // MONTH D[st|.] [,] YYYY
            guard case .word(let word) = tokens[index], let month = monthNumber(word) else { return nil }
            var next = index + 1
            if next < tokens.count, tokens[next] == .dot { next += 1 }
            guard next < tokens.count, case .number(let day, let dayDigits) = tokens[next], dayDigits <= 2 else { return nil }
            next += 1
            if next < tokens.count, case .word(let suffix) = tokens[next], ordinalSuffixes.contains(suffix) { next += 1 }
            if next < tokens.count, tokens[next] == .dot { next += 1 }
            guard next < tokens.count, case .number(let year, 4) = tokens[next] else { return nil }
            return make(year, month, day)
        }
        // YYYY年M月D日
        if firstDigits == 4, index + 5 < tokens.count, tokens[index + 1] == .cjk(0), case .number(let month, _) = tokens[index + 2],
           tokens[index + 3] == .cjk(1), case .number(let day, _) = tokens[index + 4], tokens[index + 5] == .cjk(2) {
            return make(first, month, day)
        }
        // Numeric: D.M.YYYY, D/M/YYYY, D-M-YYYY, YYYY/M/D, M/D/YYYY.
        if index + 4 < tokens.count, case .number(let second, let secondDigits) = tokens[index + 2],
           case .number(let third, let thirdDigits) = tokens[index + 4], tokens[index + 1] == tokens[index + 3] {
            let separator = tokens[index + 1]
            if separator == .dot || separator == .slash || separator == .dash {
                if firstDigits == 4, secondDigits <= 2, thirdDigits <= 2 { return make(first, second, third) }
                if firstDigits <= 2, secondDigits <= 2, thirdDigits == 4 {
                    if separator == .slash && monthFirst { return make(third, first, second) ?? make(third, second, first) }
                    return make(third, second, first) ?? (separator == .slash ? make(third, first, second) : nil)
                }
            }
        }
        // D [.] [de|del] MONTH [de|del|,|.] YYYY
        guard firstDigits <= 2 else { return nil }
        var next = index + 1
        if next < tokens.count, tokens[next] == .dot { next += 1 }
        if next < tokens.count, case .word(let word) = tokens[next], ordinalSuffixes.contains(word) || linkWords.contains(word) { next += 1 }
        guard next < tokens.count, case .word(let word) = tokens[next], let month = monthNumber(word) else { return nil }
        next += 1
        if next < tokens.count, tokens[next] == .dot { next += 1 }
        if next < tokens.count, case .word(let link) = tokens[next], linkWords.contains(link) { next += 1 }
        guard next < tokens.count, case .number(let year, 4) = tokens[next] else { return nil }
        return make(year, month, first)
    }

    private static func make(_ year: Int, _ month: Int, _ day: Int) -> Day? {
        guard years.contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The month a (lowercased) name or abbreviation stands for.
    static func monthNumber(_ word: [UInt8]) -> Int? { monthTable[word] }

    private static let ordinalSuffixes: Set<[UInt8]> = Set(["st", "nd", "rd", "th", "er", "º", "°"].map { Array($0.utf8) })
    /// Words between day, month and year: Spanish and Portuguese `de`, Italian `del`.
    private static let linkWords: Set<[UInt8]> = Set(["de", "del"].map { Array($0.utf8) })

    private static let monthTable: [[UInt8]: Int] = {
        let names: [[String]] = [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari",
             "stycznia", "styczeń", "sty", "января", "январь", "янв", "січня", "ocak", "oca", "ledna", "tammikuuta"],
            ["february", "feb", "februar", "février", "févr", "fév", "febrero", "febbraio", "fevereiro", "fev", "februari",
             "lutego", "luty", "lut", "февраля", "февраль", "фев", "лютого", "şubat", "şub", "února"],
            ["march", "mar", "märz", "mär", "mrz", "mars", "marzo", "março", "maart", "mrt", "marca", "marzec",
             "марта", "март", "мар", "березня", "mart", "března"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "kwi", "апреля", "апрель", "апр",
             "квітня", "nisan", "nis", "dubna"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "мая", "май", "травня", "mayıs", "května"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec", "cze", "июня", "июнь", "июн",
             "червня", "haziran", "haz", "června"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec", "lip", "июля", "июль", "июл",
             "липня", "temmuz", "tem", "července"],
            ["august", "aug", "août", "agosto", "ago", "augustus", "sierpnia", "sierpień", "sie", "августа", "август", "авг",
             "серпня", "ağustos", "ağu", "srpna"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro", "września",
             "wrzesień", "wrz", "сентября", "сентябрь", "сен", "сент", "вересня", "eylül", "eyl", "září"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "października",
             "październik", "paź", "октября", "октябрь", "окт", "жовтня", "ekim", "eki", "října"],
            ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "lis", "ноября", "ноябрь", "ноя",
             "листопада", "kasım", "kas", "listopadu"],
            ["december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudnia",
             "grudzień", "gru", "декабря", "декабрь", "дек", "грудня", "aralık", "ara", "prosince"],
        ]
        var table: [[UInt8]: Int] = [:]
        for (month, words) in names.enumerated() {
            for word in words { table[Array(word.utf8)] = month + 1 }
        }
        return table
    }()

    // MARK: Bytes

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// ASCII letters and the lead bytes of Latin, Greek and Cyrillic letters (C3–D4); not CJK.
    @inline(__always)
    private static func isLetterStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0xC3 && byte <= 0xD4)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        return nil
    }

    /// Lowercases the two-byte capitals month names use: Latin-1 (`É`, `Ä`), `Ş`/`Ğ`/`İ`-free Latin
    /// Extended-A pairs, and Cyrillic.
    private static func lowercaseNonASCII(_ word: [UInt8]) -> [UInt8] {
        guard word.contains(where: { $0 >= 0xC3 }) else { return word }
        var result = word
        var index = 0
        while index + 1 < result.count {
            let lead = result[index], next = result[index + 1]
            if lead == 0xC3, next >= 0x80, next <= 0x9E, next != 0x97 {
                result[index + 1] = next + 0x20  // À–Þ → à–þ
            } else if lead == 0xC5, next == 0x9E {
                result[index + 1] = 0x9F  // Ş → ş
            } else if lead == 0xC5, next == 0x9A {
                result[index + 1] = 0x9B  // Ś → ś
            } else if lead == 0xD0, next >= 0x90, next <= 0x9F {
                result[index + 1] = next + 0x20  // А–П → а–п
            } else if lead == 0xD0, next >= 0xA0, next <= 0xAF {
                result[index] = 0xD1
                result[index + 1] = next - 0x20  // Р–Я → р–я
            } else if lead == 0xD0, next >= 0x80, next <= 0x8F {
                result[index] = 0xD1
                result[index + 1] = next + 0x10  // Ѐ–Џ → ѐ–џ
            }
            index += lead >= 0xC0 ? 2 : 1
        }
        return result
    }
}
