public import GazetteCore
internal import Foundation

/// The pipeline stage that names the language of an article's text (stage name `language`), run
/// right after the HTML cleaner so plain-text records, cleaned pages and requests all get it.
///
/// The text's letters decide: the script most of them are written in names the language when one
/// language owns that script (Greek, Hebrew, Thai, Korean, …; Han with kana is Japanese, without
/// it Chinese); for scripts several languages share (Latin, Cyrillic, Arabic, Devanagari) the
/// character 1-, 2- and 3-grams of the text are scored against each candidate's profile
/// (``LanguageProfiles``) as a naive Bayes model, and the best score wins. The language the page
/// declares (`<html lang>` and the like, which the cleaner leaves in `article.language`) only
/// breaks near-ties: it wins when its score is within ``tieMargin`` per n-gram of the best.
/// Text with fewer than ``minimumLetters`` letters is too short to tell: the declared language (or
/// `nil`) stays. A short body is helped by the title and description.
public struct LanguageIdentifier: PipelineStage {
    /// `language`.
    public let name = "language"
    /// The body text, title and description (the declared language, when a cleaner left one, is
    /// read too but not required).
    public var reads: ArticleLayers { .text }
    /// The language code.
    public var writes: ArticleLayers { .language }
    /// The n-gram profiles.
    public let profiles: LanguageProfiles

    /// Fewest letters of a shared script the n-gram scores need.
    public static let minimumLetters = 20
    /// Fewest letters in words that do not start with a capital for the scores to use only those.
    public static let minimumLowercaseLetters = 60
    /// Fewest letters of a script one language owns that name the language.
    public static let minimumScriptLetters = 10
    /// How close (in nats per n-gram) the declared language's score must come to the best to win.
    public static let tieMargin = 0.03
    /// Letters read from a text; the rest adds nothing but time.
    static let sampleLetters = 3000
    /// Added to every n-gram probability (as in langdetect), so one unseen n-gram does not rule a
    /// language out.
    static let smoothing = 5e-5

    /// Creates the stage with the given profiles.
    public init(profiles: LanguageProfiles) {
        self.profiles = profiles
        var table = [Double](repeating: 0, count: 256)
        for value in 0..<255 { table[value] = Self.logarithm(exp10Negative(Double(value))) }
        table[255] = Self.logarithm(0)
        logProbability = table
    }

    /// Creates the stage with the shipped profiles.
    public init() throws(GazetteError) {
        self.init(profiles: try LanguageProfiles.standard())
    }

    /// `ln(p + smoothing)` for each stored byte.
    private let logProbability: [Double]

    /// The outcome of one identification, for `gazette clean --explain`.
    public struct Identification: Sendable, Equatable {
        /// The language named (primary subtag), or `nil` when the text is too short and nothing was declared.
        public var language: String?
        /// Why, in words.
        public var reason: String
    }

    /// Names the language of `text` (primary subtag such as `en`), or `nil` when it is too short to tell.
    public func identify(_ text: String, declared: String? = nil) -> String? {
        identification(of: text, declared: declared).language
    }

    /// Names the language of `text` and says why; `declared` is the page's own claim, if any.
    public func identification(of text: String, declared rawDeclared: String? = nil) -> Identification {
        let declared = rawDeclared.flatMap(Self.primarySubtag)
        var sample = Sample()
        var text = text
        text.withUTF8 { sample.read($0, limit: Self.sampleLetters) }
        guard let (script, letters) = sample.dominantScript() else {
            return Identification(language: declared, reason: declared.map { "no letters; the declared \($0) stays" } ?? "no letters")
        }
        if script == .han {
            guard letters >= Self.minimumScriptLetters else { return tooShort(letters, script, declared) }
            let kana = sample.scriptCounts[Int(WritingScript.kana.rawValue)]
            // Japanese mixes kana into kanji text; Chinese has none.
            let language = kana * 10 > letters ? "ja" : "zh"
            return Identification(language: language, reason: "\(letters) Han characters and \(kana) kana")
        }
        if let sole = script.soleLanguage {
            guard letters >= Self.minimumScriptLetters else { return tooShort(letters, script, declared) }
            return Identification(language: sole, reason: "\(letters) letters of the \(script) script")
        }
        guard letters >= Self.minimumLetters else { return tooShort(letters, script, declared) }
        let candidates = profiles.scripts.indices.filter { profiles.scripts[$0] == script }
        guard !candidates.isEmpty else {
            return Identification(language: declared, reason: "no profiles for the \(script) script")
        }
        // Names say little about the language they stand in (a results table of Serbian clubs in an
        // English report): score the words that do not start with a capital when there are enough.
        let lowercaseOnly = sample.lowercaseLetters >= Self.minimumLowercaseLetters
        let (scores, grams) = score(lowercaseOnly ? sample.lowercaseWords : sample.characters, candidates: candidates)
        let ranked = candidates.indices.sorted { scores[$0] > scores[$1] }
        let best = ranked[0]
        let perGram = { (index: Int) -> Double in grams > 0 ? (scores[best] - scores[index]) / Double(grams) : 0 }
        let runnerUp = ranked.count > 1 ? " before \(profiles.languages[candidates[ranked[1]]]) by \(Self.format(perGram(ranked[1]))) per n-gram" : ""
        let summary = "\(grams) n-grams of \(lowercaseOnly ? "the \(sample.lowercaseLetters) letters of uncapitalised words among " : "")\(letters) \(script) letters score \(profiles.languages[candidates[best]]) best\(runnerUp)"
        if let declared, declared != profiles.languages[candidates[best]],
           let position = candidates.firstIndex(where: { profiles.languages[$0] == declared }), perGram(position) <= Self.tieMargin {
            return Identification(language: declared, reason: "\(summary); the declared \(declared) is within \(Self.format(perGram(position))) and breaks the tie")
        }
        return Identification(language: profiles.languages[candidates[best]], reason: summary)
    }

    /// The n-gram scores of `text` under the profiles of `candidates` that share its script, for a
    /// text ``identification(of:declared:)`` may leave unnamed (``LanguageGuesser``): per n-gram,
    /// so texts of any length compare. `nil` when the text has no letters, more than
    /// `maximumLetters` letters, or no candidate is written in its script.
    func candidateScores(of text: String, among candidates: Set<String>, maximumLetters: Int = .max) -> CandidateScores? {
        var sample = Sample()
        var text = text
        let limit = maximumLetters < Self.sampleLetters ? maximumLetters + 1 : Self.sampleLetters
        text.withUTF8 { sample.read($0, limit: limit) }
        guard sample.scriptCounts.reduce(0, +) <= maximumLetters, let (script, letters) = sample.dominantScript() else { return nil }
        let columns = profiles.scripts.indices.filter { profiles.scripts[$0] == script && candidates.contains(profiles.languages[$0]) }
        guard !columns.isEmpty else { return nil }
        let (scores, grams) = score(sample.characters, candidates: columns, stopEarly: false)
        guard grams > 0 else { return nil }
        var perGram: [String: Double] = [:]
        for (slot, column) in columns.enumerated() { perGram[profiles.languages[column]] = scores[slot] / Double(grams) }
        return CandidateScores(letters: letters, grams: grams, perGram: perGram)
    }

    /// What ``candidateScores(of:among:maximumLetters:)`` found.
    struct CandidateScores: Sendable, Equatable {
        /// Letters of the text's main script.
        var letters: Int
        /// N-grams the profiles know.
        var grams: Int
        /// Mean log-probability per n-gram, by language.
        var perGram: [String: Double]
    }

    /// Replaces `article.language` (the declared language, if any) with the language of the text;
    /// the title and description help a short body.
    public func process(_ article: inout Article) throws(GazetteError) {
        article.language = identification(of: sampleText(of: article), declared: article.language).language
    }

    /// The text identified for `article`: its body, with title and description in front when the
    /// body alone is short.
    public func sampleText(of article: Article) -> String {
        guard article.text.utf8.count < 400 else { return article.text }
        return [article.title, article.metadata.description, article.text].compactMap { $0 }.joined(separator: "\n")
    }

    /// The primary language subtag of a BCP 47 tag or locale (`en-US`, `en_GB`, `EN` → `en`), or
    /// `nil` when `tag` is not one.
    public static func primarySubtag(_ tag: String) -> String? {
        let primary = tag.utf8.prefix { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";") }
        guard (2...3).contains(primary.count), primary.allSatisfy(CharacterClass.isASCIILetter) else { return nil }
        return String(decoding: primary.map { $0 | 0x20 }, as: UTF8.self)
    }

    // MARK: Scoring

    /// Sums `ln(p + smoothing)` over the sample's n-grams for each candidate column; n-grams no
    /// profile knows are skipped. N-grams are cut as langdetect cuts them: words padded with one
    /// space, no n-gram spanning two words. Unless `stopEarly` is false, scoring ends at a word's
    /// end once one language leads beyond doubt (``isDecided(_:grams:)``).
    private func score(_ characters: [UInt32], candidates: [Int], stopEarly: Bool = true) -> (scores: [Double], grams: Int) {
        var scores = [Double](repeating: 0, count: candidates.count)
        var grams = 0
        let table = profiles.rowStart
        scores.withUnsafeMutableBufferPointer { scores in
        candidates.withUnsafeBufferPointer { columns in
        profiles.rows.withUnsafeBufferPointer { rows in
            logProbability.withUnsafeBufferPointer { logs in
                func add(_ key: UInt64) {
                    guard let start = table[key] else { return }
                    grams += 1
                    let row = Int(start)
                    for slot in 0..<columns.count { scores[slot] += logs[Int(rows[row &+ columns[slot]])] }
                }
                var nextCheck = Self.checkInterval
                // The last one to three characters, oldest first.
                var first: UInt32 = 0x20, second: UInt32 = 0, third: UInt32 = 0
                var count = 1
                for character in characters {
                    let last = count == 3 ? third : count == 2 ? second : first
                    if last == 0x20 {
                        first = 0x20
                        count = 1
                        if character == 0x20 { continue }
                    } else if count == 3 {
                        first = second
                        second = third
                        count = 2
                    }
                    if count == 1 { second = character } else { third = character }
                    count += 1
                    if character != 0x20 { add(Self.key(character)) }
                    add(count == 2 ? Self.key(first, second) : Self.key(second, third))
                    if count == 3 { add(Self.key(first, second, third)) }
                    if stopEarly, character == 0x20, grams >= nextCheck {
                        if Self.isDecided(scores, grams: grams) { break }
                        nextCheck = grams + Self.checkInterval
                    }
                }
            }
        }
        }
        }
        return (scores, grams)
    }

    /// N-grams scored between two looks at whether the best language is already certain.
    static let checkInterval = 256
    /// Lead in nats of the best language over the second that ends the scoring early (with at
    /// least ``decisivePerGram`` per n-gram): a page of English is certain after a few hundred
    /// letters, and scoring all 3,000 took a tenth of the time for plain text.
    static let decisiveLead = 150.0
    /// Lead per n-gram the early end also needs, well above ``tieMargin`` so a declared language
    /// could not have broken the tie.
    static let decisivePerGram = 0.1

    /// Whether the best of `scores` leads the second by ``decisiveLead`` and ``decisivePerGram``.
    @inline(__always)
    static func isDecided(_ scores: UnsafeMutableBufferPointer<Double>, grams: Int) -> Bool {
        guard scores.count > 1 else { return true }
        var best = -Double.infinity, second = -Double.infinity
        for score in scores {
            if score > best { second = best; best = score } else if score > second { second = score }
        }
        let lead = best - second
        return lead >= decisiveLead && lead >= decisivePerGram * Double(grams)
    }

    /// The table key of a one-character n-gram.
    @inline(__always)
    static func key(_ a: UInt32) -> UInt64 { UInt64(a) }
    /// The table key of a two-character n-gram.
    @inline(__always)
    static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    /// The table key of a three-character n-gram.
    @inline(__always)
    static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 { UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c) }

    /// The table key of an n-gram of one to three scalars (21 bits each).
    @inline(__always)
    static func key(_ scalars: [UInt32]) -> UInt64 {
        var key: UInt64 = 0
        for scalar in scalars { key = key << 21 | UInt64(scalar & 0x1F_FFFF) }
        return key
    }

    private func tooShort(_ letters: Int, _ script: WritingScript, _ declared: String?) -> Identification {
        let why = "\(letters) \(script) letters are too few to tell"
        return Identification(language: declared, reason: declared.map { "\(why); the declared \($0) stays" } ?? why)
    }

    private static func logarithm(_ probability: Double) -> Double { log(probability + smoothing) }

    private static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

/// `e^(-value/10)`: the probability a profile byte stands for.
private func exp10Negative(_ value: Double) -> Double { exp(-value / 10) }

/// The letters of a text reduced to what the scorer reads: lowercase letters with one space between
/// words, and how many letters each script contributed.
private struct Sample {
    var characters: [UInt32] = []
    /// The same, without the words that start with a capital letter.
    var lowercaseWords: [UInt32] = []
    /// Letters in `lowercaseWords`.
    var lowercaseLetters = 0
    var scriptCounts = [Int](repeating: 0, count: WritingScript.allCases.count)

    /// Decodes UTF-8 by hand (malformed bytes count as spaces) until `limit` letters are read.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
        characters.reserveCapacity(min(bytes.count, limit * 2))
        var index = 0
        var letters = 0
        var pendingSpace = true
        var wordStart = 0
        var wordCapitalized = false
        /// Copies the word just ended into `lowercaseWords` unless it starts with a capital.
        func endWord() {
            guard !wordCapitalized, wordStart < characters.count else { return }
            if !lowercaseWords.isEmpty { lowercaseWords.append(0x20) }
            lowercaseWords.append(contentsOf: characters[wordStart...])
            lowercaseLetters += characters.count - wordStart
        }
        while index < bytes.count && letters < limit {
            let lead = bytes[index]
            var scalar = UInt32(lead)
            var width = 1
            if lead >= 0xC0 {
                width = CharacterClass.width(lead)
                if index + width <= bytes.count {
                    scalar = UInt32(lead) & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F)
                    for offset in 1..<width { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
                } else {
                    scalar = 0x20
                }
            } else if lead >= 0x80 {
                scalar = 0x20
            }
            index += width
            guard let (script, lower) = WritingScript.letter(scalar) else {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                if !characters.isEmpty {
                    endWord()
                    characters.append(0x20)
                }
                wordStart = characters.count
                wordCapitalized = lower != scalar
            }
            pendingSpace = false
            characters.append(lower)
            scriptCounts[Int(script.rawValue)] += 1
            letters += 1
        }
        endWord()
        characters.append(0x20)
        lowercaseWords.append(0x20)
    }

    /// The script most of the text is in, with its letter count. Kana counts with Han (the two
    /// decide between Japanese and Chinese), and a Han, kana or Hangul character weighs as much as
    /// three letters of an alphabet, about a syllable's worth.
    func dominantScript() -> (WritingScript, Int)? {
        var best: WritingScript?
        var bestWeight = 0
        let han = scriptCounts[Int(WritingScript.han.rawValue)], kana = scriptCounts[Int(WritingScript.kana.rawValue)]
        for script in WritingScript.allCases where script != .kana {
            var count = scriptCounts[Int(script.rawValue)]
            if script == .han { count += kana }
            let weight = script == .han || script == .hangul ? 3 * count : count
            if weight > bestWeight {
                best = script
                bestWeight = weight
            }
        }
        guard let best else { return nil }
        // Kana-only text (no kanji) is Japanese all the same.
        if best == .han && han == 0 { return (.kana, kana) }
        return (best, scriptCounts[Int(best.rawValue)] + (best == .han ? kana : 0))
    }
}
