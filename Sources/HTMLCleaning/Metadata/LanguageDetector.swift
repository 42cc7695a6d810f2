/// A cheap language guess for pages whose markup does not say: the dominant script, and for Latin
/// and Cyrillic text the language whose most common words occur most often.
public enum LanguageDetector {
    /// The primary language subtag of a BCP 47 tag or locale (`en-US`, `en_GB`, `EN` → `en`), or
    /// `nil` when `tag` is not one.
    public static func normalizeTag(_ tag: String) -> String? {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == " " || $0 == ";" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.utf8.count), primary.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
        return primary
    }

    /// Guesses the language of `text` from its first few thousand characters; `nil` when unsure.
    public static func detect(_ text: String) -> String? {
        var scripts: [Script: Int] = [:]
        var words: [String] = []
        var word: [UInt8] = []
        var scanned = 0
        func endWord() {
            if !word.isEmpty {
                if words.count < 1500 { words.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
        }
        var latinLetters = 0
        for scalar in text.unicodeScalars {
            scanned += 1
            if scanned > 6000 { break }
            let value = scalar.value
            if value < 0x80 {
                // ASCII: letters are Latin, everything else ends a word.
                if (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) {
                    latinLetters += 1
                    word.append(UInt8(value) | 0x20)
                } else {
                    endWord()
                }
                continue
            }
            let script = Script(scalar)
            if script == .other {
                endWord()
                continue
            }
            scripts[script, default: 0] += 1
            if script == .latin || script == .cyrillic {
                let lower = scalar.properties.lowercaseMapping
                word.append(contentsOf: lower.utf8)
            } else {
                endWord()
            }
        }
        endWord()
        scripts[.latin, default: 0] += latinLetters
        guard let (dominant, count) = scripts.max(by: { $0.value < $1.value }), count >= 10 else { return nil }
        switch dominant {
        case .han: return (scripts[.kana] ?? 0) * 10 > count ? "ja" : "zh"
        case .kana: return "ja"
        case .hangul: return "ko"
        case .arabic: return "ar"
        case .hebrew: return "he"
        case .greek: return "el"
        case .thai: return "th"
        case .devanagari: return "hi"
        case .other: return nil
        case .latin, .cyrillic:
            let table = dominant == .latin ? latinStopwords : cyrillicStopwords
            var hits: [String: Int] = [:]
            for word in words {
                for (language, list) in table where list.contains(word) { hits[language, default: 0] += 1 }
            }
            guard let best = hits.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }), best.value >= 3 else { return nil }
            // Prose is full of function words; name lists and results tables are not: a few short
            // words (`v`, `de`, `a`) among hundreds of names say nothing about the language.
            guard best.value * 12 >= min(words.count, 1500) else { return nil }
            // Languages share short words (`a`, `in`, `de`): a narrow lead is no evidence either.
            let runnerUp = hits.filter { $0.key != best.key }.map(\.value).max() ?? 0
            guard best.value * 2 >= runnerUp * 3 else { return nil }
            return best.key
        }
    }

    private enum Script: Hashable {
        case latin, cyrillic, greek, arabic, hebrew, han, kana, hangul, thai, devanagari, other

        init(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: self = .latin
            case 0x370...0x3FF: self = .greek
            case 0x400...0x52F: self = .cyrillic
            case 0x590...0x5FF: self = .hebrew
            case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
            case 0x900...0x97F: self = .devanagari
            case 0xE00...0xE7F: self = .thai
            case 0x3040...0x30FF: self = .kana
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: self = .han
            case 0xAC00...0xD7AF, 0x1100...0x11FF: self = .hangul
            default: self = .other
            }
        }
    }

    private static let latinStopwords: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "is", "that", "it", "was", "for", "with", "on", "are", "this", "be", "he", "she", "by", "have", "from", "they"],
        "de": ["der", "die", "und", "das", "ist", "nicht", "ein", "eine", "mit", "den", "sich", "auf", "für", "dem", "des", "von", "zu", "auch", "wird"],
        "fr": ["le", "la", "les", "et", "des", "est", "une", "du", "dans", "que", "pour", "qui", "pas", "sur", "au", "avec", "il", "elle", "ce"],
        "es": ["el", "la", "los", "las", "y", "que", "en", "es", "por", "con", "para", "una", "del", "se", "no", "al", "como", "más"],
        "it": ["il", "che", "di", "è", "per", "un", "una", "del", "della", "non", "sono", "con", "gli", "ha", "anche", "nel", "alla"],
        "pt": ["o", "os", "que", "do", "da", "em", "um", "uma", "para", "com", "não", "é", "por", "dos", "das", "mais", "ao"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor", "er", "die", "maar", "ook", "bij"],
        "sv": ["och", "att", "det", "är", "som", "på", "för", "med", "av", "inte", "har", "till", "den", "jag", "om", "var"],
        "da": ["og", "at", "det", "er", "som", "på", "for", "med", "af", "ikke", "har", "til", "den", "jeg", "om", "var"],
        "no": ["og", "at", "det", "er", "som", "på", "for", "med", "av", "ikke", "har", "til", "den", "jeg", "om", "var"],
        "fi": ["ja", "on", "ei", "se", "että", "hän", "oli", "ovat", "mutta", "kun", "myös", "tai", "joka", "ole", "sen"],
        "pl": ["i", "w", "na", "nie", "się", "z", "że", "do", "to", "jest", "jak", "ale", "po", "co", "tak", "przez", "od"],
        "cs": ["a", "se", "na", "je", "že", "v", "to", "s", "z", "do", "jsou", "by", "jako", "ale", "pro", "když"],
        "tr": ["ve", "bir", "bu", "da", "için", "ile", "çok", "ne", "olarak", "daha", "gibi", "ama", "olan"],
        "id": ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "tidak", "dalam", "akan", "pada", "juga", "ke", "ada", "karena"],
        "ro": ["și", "în", "la", "cu", "pe", "este", "că", "nu", "un", "din", "care", "mai", "pentru"],
        "hu": ["az", "és", "hogy", "nem", "egy", "is", "van", "meg", "ez", "volt", "csak"],
    ]

    private static let cyrillicStopwords: [String: Set<String>] = [
        "ru": ["и", "в", "не", "на", "что", "с", "по", "это", "как", "он", "из", "к", "но", "за", "его", "от", "же", "для", "был", "так"],
        "uk": ["і", "в", "не", "на", "що", "з", "та", "це", "як", "до", "за", "від", "але", "його", "було", "для", "й", "у"],
        "bg": ["и", "в", "на", "не", "да", "се", "за", "от", "че", "с", "е", "по", "са", "това", "като", "ще"],
    ]
}
