import Foundation
public import GazetteCore

/// Indicative words and phrases per topic, read from a TSV file (`code<TAB>term, term, …`).
///
/// The shipped `models/topics/lexicon.tsv` holds one for each of the 17 IPTC top-level topics; the
/// default model is trained partly on documents generated from it (see ``DefaultModelRecipe``).
public struct TopicLexicon: Sendable, Hashable {
    /// Topic ids (`medtop:…`) in first-seen order.
    public var topics: [String]
    /// Terms per topic id; a term is a lowercase word or phrase.
    public var terms: [String: [String]]

    /// Creates a lexicon.
    public init(topics: [String], terms: [String: [String]]) {
        self.topics = topics
        self.terms = terms
    }

    /// Reads a lexicon file; bare 8-digit codes become `medtop:` QCodes. `#` starts a comment line.
    public init(contentsOf path: String) throws(GazetteError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw GazetteError(.io, "could not read the topic lexicon \(path)", cause: error.localizedDescription)
        }
        var topics: [String] = []
        var terms: [String: [String]] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2 else {
                throw GazetteError(.invalidRecord, "\(path):\(n + 1): expected a topic code, a tab and comma-separated terms")
            }
            var code = fields[0].trimmingCharacters(in: .whitespaces)
            if code.count == 8, code.allSatisfy(\.isNumber) { code = "\(TopicTaxonomy.scheme):\(code)" }
            let list = fields[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            guard !list.isEmpty else { throw GazetteError(.invalidRecord, "\(path):\(n + 1): no terms for \(code)") }
            if terms[code] == nil { topics.append(code) }
            terms[code, default: []] += list
        }
        guard topics.count >= 2 else { throw GazetteError(.invalidRecord, "\(path): a lexicon needs terms for at least two topics") }
        self.init(topics: topics, terms: terms)
    }
}
