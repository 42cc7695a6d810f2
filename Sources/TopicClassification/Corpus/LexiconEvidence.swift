import Foundation

/// Counts how often each topic's lexicon terms occur in a text: the evidence the recipe uses to find
/// section-labelled articles that are really about another topic (a plane crash filed under WORLD
/// NEWS).
///
/// Words are lowercased runs of letters, digits, apostrophes and hyphens; a term matches a run of
/// whole words, the longest term wins where terms overlap ("plane crash" before "crash"), and a
/// word ending in "s" also matches a one-word term without it ("earthquakes", "landslides"). A term
/// listed under several topics counts for each. Used at training time only.
public struct LexiconEvidence: Sendable {
    /// The lexicon's topics, in its order.
    public let topics: [String]
    /// Terms by first word: (the term's words, the topics it counts for), longest first.
    let index: [String: [(words: [String], topics: [Int])]]

    /// Indexes the terms of `lexicon`.
    public init(lexicon: TopicLexicon) {
        topics = lexicon.topics
        var byTerm: [String: [Int]] = [:]
        var order: [String] = []
        for (t, topic) in lexicon.topics.enumerated() {
            for term in lexicon.terms[topic] ?? [] {
                let key = Self.words(term).joined(separator: " ")
                guard !key.isEmpty else { continue }
                if byTerm[key] == nil { order.append(key) }
                if !(byTerm[key]?.contains(t) ?? false) { byTerm[key, default: []].append(t) }
            }
        }
        var index: [String: [(words: [String], topics: [Int])]] = [:]
        for key in order {
            let words = key.split(separator: " ").map(String.init)
            index[words[0], default: []].append((words, byTerm[key] ?? []))
        }
        for key in index.keys { index[key]?.sort { $0.words.count > $1.words.count } }
        self.index = index
    }

    /// Occurrences of each topic's terms in `text`, in ``topics`` order.
    public func counts(_ text: String) -> [Int] {
        var counts = [Int](repeating: 0, count: topics.count)
        let words = Self.words(text)
        var i = 0
        outer: while i < words.count {
            let word = words[i]
            var candidates = index[word] ?? []
            if candidates.isEmpty, word.count > 3, word.hasSuffix("s") {
                candidates = (index[String(word.dropLast())] ?? []).filter { $0.words.count == 1 }
            }
            for term in candidates where i + term.words.count <= words.count {
                if term.words.count > 1 && !zip(term.words.dropFirst(), words[(i + 1)...]).allSatisfy({ $0 == $1 }) { continue }
                for t in term.topics { counts[t] += 1 }
                i += term.words.count
                continue outer
            }
            i += 1
        }
        return counts
    }

    /// The lowercased words of `text` (letters, digits, inner apostrophes and hyphens).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            while let last = current.last, last == "'" || last == "-" || last == "\u{2019}" { current.removeLast() }
            if !current.isEmpty { words.append(current.replacingOccurrences(of: "\u{2019}", with: "'")) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if (character == "'" || character == "-" || character == "\u{2019}") && !current.isEmpty {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}
