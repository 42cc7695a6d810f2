/// A character encoding an HTML page can arrive in, as far as the cleaner distinguishes them.
enum TextEncoding: Hashable, Sendable {
    /// UTF-8 (the web's default and what the parser is always fed).
    case utf8
    /// UTF-16, little-endian.
    case utf16LE
    /// UTF-16, big-endian.
    case utf16BE
    /// windows-1252, which also stands for ISO-8859-1 and US-ASCII labels, as browsers do.
    case windows1252
    /// Any other encoding, converted with the system's iconv under this name (`CP932`, `KOI8-R`).
    case iconv(String)

    /// The name reported in `metadata.encoding` (a WHATWG-style lowercase label).
    var label: String {
        switch self {
        case .utf8: "utf-8"
        case .utf16LE: "utf-16le"
        case .utf16BE: "utf-16be"
        case .windows1252: "windows-1252"
        case .iconv(let name): TextEncoding.reportedNames[name] ?? name.lowercased()
        }
    }

    /// True for encodings whose bytes below 0x80 are ASCII, so a meta prescan can read them.
    var isASCIICompatible: Bool {
        switch self {
        case .utf16LE, .utf16BE: false
        default: true
        }
    }

    /// Finds the encoding for a charset label from HTTP, a record or a `<meta>` tag
    /// (case-insensitive, surrounding spaces and quotes ignored); `nil` for an empty label.
    init?(label raw: String) {
        var label = raw.lowercased()
        label = String(label.unicodeScalars.filter { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "\t" })
        if label.isEmpty { return nil }
        if let known = TextEncoding.labels[label] {
            self = known
            return
        }
        // ISO-8859-N and windows-125N under their many spellings.
        if let number = TextEncoding.suffixNumber(label, prefixes: ["iso-8859-", "iso8859-", "iso_8859-", "iso8859"]) {
            self = number == 1 ? .windows1252 : .iconv("ISO-8859-\(number)")
            return
        }
        if let number = TextEncoding.suffixNumber(label, prefixes: ["windows-", "cp", "x-cp"]), (1250...1258).contains(number) {
            self = number == 1252 ? .windows1252 : .iconv("CP\(number)")
            return
        }
        // Unknown to us: let iconv try the label as written.
        guard label.utf8.allSatisfy({ $0 < 0x80 && $0 > 0x20 }), label.utf8.count <= 40 else { return nil }
        self = .iconv(label.uppercased())
    }

    private static func suffixNumber(_ label: String, prefixes: [String]) -> Int? {
        for prefix in prefixes where label.hasPrefix(prefix) {
            if let number = Int(label.dropFirst(prefix.count)) { return number }
        }
        return nil
    }

    private static let labels: [String: TextEncoding] = [
        "utf-8": .utf8, "utf8": .utf8, "unicode-1-1-utf-8": .utf8, "x-unicode20utf8": .utf8,
        "utf-16": .utf16LE, "utf-16le": .utf16LE, "unicode": .utf16LE, "ucs-2": .utf16LE, "utf-16be": .utf16BE,
        "us-ascii": .windows1252, "ascii": .windows1252, "ansi_x3.4-1968": .windows1252,
        "latin1": .windows1252, "latin-1": .windows1252, "l1": .windows1252, "iso-ir-100": .windows1252,
        "windows-1252": .windows1252, "cp1252": .windows1252, "x-cp1252": .windows1252, "cp819": .windows1252,
        "shift_jis": .iconv("CP932"), "shift-jis": .iconv("CP932"), "sjis": .iconv("CP932"),
        "x-sjis": .iconv("CP932"), "ms_kanji": .iconv("CP932"), "windows-31j": .iconv("CP932"),
        "csshiftjis": .iconv("CP932"), "ms932": .iconv("CP932"), "cp932": .iconv("CP932"),
        "euc-jp": .iconv("EUC-JP"), "x-euc-jp": .iconv("EUC-JP"), "iso-2022-jp": .iconv("ISO-2022-JP"),
        "euc-kr": .iconv("CP949"), "ks_c_5601-1987": .iconv("CP949"), "cp949": .iconv("CP949"),
        "windows-949": .iconv("CP949"), "korean": .iconv("CP949"), "csksc56011987": .iconv("CP949"),
        "gb2312": .iconv("GB18030"), "gbk": .iconv("GB18030"), "x-gbk": .iconv("GB18030"),
        "gb18030": .iconv("GB18030"), "chinese": .iconv("GB18030"), "csgb2312": .iconv("GB18030"),
        "cp936": .iconv("GB18030"), "windows-936": .iconv("GB18030"),
        "big5": .iconv("BIG5-HKSCS"), "big5-hkscs": .iconv("BIG5-HKSCS"), "x-x-big5": .iconv("BIG5-HKSCS"),
        "koi8-r": .iconv("KOI8-R"), "koi8r": .iconv("KOI8-R"), "koi8": .iconv("KOI8-R"), "cskoi8r": .iconv("KOI8-R"),
        "koi8-u": .iconv("KOI8-U"), "koi8-ru": .iconv("KOI8-U"),
        "tis-620": .iconv("CP874"), "windows-874": .iconv("CP874"), "iso-8859-11": .iconv("CP874"),
        "x-mac-cyrillic": .iconv("MAC-CYRILLIC"), "macintosh": .iconv("MACINTOSH"), "x-mac-roman": .iconv("MACINTOSH"),
        "ibm866": .iconv("CP866"), "cp866": .iconv("CP866"),
    ]

    private static let reportedNames: [String: String] = [
        "CP932": "shift_jis", "CP949": "euc-kr", "GB18030": "gb18030", "BIG5-HKSCS": "big5",
        "KOI8-R": "koi8-r", "KOI8-U": "koi8-u", "EUC-JP": "euc-jp", "ISO-2022-JP": "iso-2022-jp",
        "CP874": "windows-874", "CP866": "ibm866", "MACINTOSH": "macintosh", "MAC-CYRILLIC": "x-mac-cyrillic",
    ]
}
