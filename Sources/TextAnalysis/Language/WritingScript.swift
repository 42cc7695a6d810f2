/// The writing systems the language identifier tells apart, with what it needs to know of each
/// character: its script, whether it is a letter, and its lowercase form.
enum WritingScript: UInt8, Sendable, CaseIterable {
    case latin, cyrillic, greek, arabic, hebrew, devanagari, bengali, gurmukhi, gujarati, tamil, telugu,
         kannada, malayalam, sinhala, thai, lao, georgian, armenian, ethiopic, khmer, myanmar, hangul, kana, han

    /// The script of an ISO 15924 code used in the profiles file (`Latn`, `Cyrl`, `Arab`, `Deva`).
    init?(iso15924 code: String) {
        switch code {
        case "Latn": self = .latin
        case "Cyrl": self = .cyrillic
        case "Arab": self = .arabic
        case "Deva": self = .devanagari
        case "Grek": self = .greek
        case "Hebr": self = .hebrew
        default: return nil
        }
    }

    /// The language of a script that one language dominates, when n-grams are not needed to tell.
    var soleLanguage: String? {
        switch self {
        case .greek: "el"
        case .hebrew: "he"
        case .bengali: "bn"
        case .gurmukhi: "pa"
        case .gujarati: "gu"
        case .tamil: "ta"
        case .telugu: "te"
        case .kannada: "kn"
        case .malayalam: "ml"
        case .sinhala: "si"
        case .thai: "th"
        case .lao: "lo"
        case .georgian: "ka"
        case .armenian: "hy"
        case .ethiopic: "am"
        case .khmer: "km"
        case .myanmar: "my"
        case .hangul: "ko"
        case .kana: "ja"
        case .latin, .cyrillic, .arabic, .devanagari, .han: nil
        }
    }

    /// The script of a letter and its lowercase form, or `nil` for anything that is not a letter
    /// (digits, punctuation, symbols, spaces, marks outside the scripts above).
    @inline(__always)
    static func letter(_ scalar: UInt32) -> (script: WritingScript, lower: UInt32)? {
        if scalar < 0x80 {
            if scalar >= 0x61 && scalar <= 0x7A { return (.latin, scalar) }
            if scalar >= 0x41 && scalar <= 0x5A { return (.latin, scalar | 0x20) }
            return nil
        }
        switch scalar {
        case 0xC0...0xDE where scalar != 0xD7: return (.latin, scalar + 0x20)
        case 0xDF...0xFF where scalar != 0xF7: return (.latin, scalar)
        case 0x130: return (.latin, 0x69)  // İ: Turkish capital i
        case 0x100...0x137, 0x14A...0x177, 0x1E00...0x1EFF, 0x218...0x21B:
            // Upper case at even code points, lower case at odd ones; ș ț become ş ţ as in the profiles.
            let lower = scalar | 1
            if lower == 0x219 { return (.latin, 0x15F) }
            if lower == 0x21B { return (.latin, 0x163) }
            return (.latin, lower)
        case 0x139...0x148, 0x179...0x17E:
            // Upper case at odd code points here.
            return (.latin, scalar & 1 == 1 ? scalar + 1 : scalar)
        case 0x178: return (.latin, 0xFF)
        case 0x138, 0x149, 0x17F...0x217, 0x21C...0x24F: return (.latin, scalar)
        case 0x386...0x3FF where scalar != 0x387: return (.greek, (0x391...0x3AB).contains(scalar) ? scalar + 0x20 : scalar)
        case 0x400...0x40F: return (.cyrillic, scalar + 0x50)
        case 0x410...0x42F: return (.cyrillic, scalar + 0x20)
        case 0x430...0x45F: return (.cyrillic, scalar)
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return (.cyrillic, scalar | 1)
        case 0x4C0...0x4CF: return (.cyrillic, scalar)
        case 0x5D0...0x5EA, 0x5F0...0x5F2: return (.hebrew, scalar)
        case 0x620...0x64A, 0x66E...0x6D3, 0x6D5, 0x6EE, 0x6EF, 0x6FA...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFC:
            return (.arabic, scalar)
        case 0x900...0x963, 0x971...0x97F: return (.devanagari, scalar)
        case 0x980...0x9E3, 0x9F0, 0x9F1: return (.bengali, scalar)
        case 0xA00...0xA65: return (.gurmukhi, scalar)
        case 0xA80...0xAE3: return (.gujarati, scalar)
        case 0xB80...0xBE5: return (.tamil, scalar)
        case 0xC00...0xC65: return (.telugu, scalar)
        case 0xC80...0xCE5: return (.kannada, scalar)
        case 0xD00...0xD65: return (.malayalam, scalar)
        case 0xD80...0xDF4: return (.sinhala, scalar)
        case 0xE01...0xE4E: return (.thai, scalar)
        case 0xE81...0xEDF: return (.lao, scalar)
        case 0x10A0...0x10FF: return (.georgian, scalar)
        case 0x531...0x587: return (.armenian, scalar)
        case 0x1200...0x137F: return (.ethiopic, scalar)
        case 0x1780...0x17D3: return (.khmer, scalar)
        case 0x1000...0x103F: return (.myanmar, scalar)
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return (.hangul, scalar)
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF: return (.kana, scalar)
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return (.han, scalar)
        default: return nil
        }
    }
}
