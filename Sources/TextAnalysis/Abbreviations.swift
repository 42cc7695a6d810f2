/// Words that keep their final dot as part of the token (`Mr.`, `Inc.`, `Gen.`), so a dot after
/// them does not end a sentence and gazetteer aliases such as `Amazon.com Inc.` match.
package enum Abbreviations {
    /// Lower-case abbreviations without the dot.
    package static let words: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "maj", "capt",
        "sgt", "cpl", "adm", "cmdr", "gov", "sen", "rep", "rev", "fr", "hon", "pres", "supt", "insp",
        "inc", "ltd", "corp", "co", "bros", "plc", "llc", "no", "nos", "vs", "etc", "approx", "dept",
        "univ", "assn", "ave", "blvd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "e.g", "i.e", "cf", "al", "ca", "est", "fig",
    ]

    /// True when the word in `start..<end` keeps a following dot: a single letter (an initial or the
    /// start of `U.S.`) or a listed abbreviation.
    package static func keepsDot(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        let length = end - start
        if length == 1 { return CharacterClass.isASCIILetter(bytes[start]) }
        guard length <= 6 else { return false }
        var lower = ""
        for i in start..<end {
            let b = bytes[i]
            guard b < 0x80 else { return false }
            lower.unicodeScalars.append(Unicode.Scalar(b | (CharacterClass.isASCIILetter(b) ? 0x20 : 0)))
        }
        return words.contains(lower)
    }
}
