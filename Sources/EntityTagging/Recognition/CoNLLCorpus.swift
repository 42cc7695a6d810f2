#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GazetteCore

/// A CoNLL-2003 style corpus (`word POS chunk label` per line, blank lines between sentences,
/// `-DOCSTART-` between documents) turned into plain-text documents with gold labels.
///
/// Each document's text is its tokens joined by single spaces and its sentences by newlines, the
/// same text the evaluation feeds to `gazette tag`, so gold spans are byte ranges into it.
public struct CoNLLDocument: Sendable {
    /// `conll-<n>`, counting documents from 1.
    public var id: String
    /// Tokens joined by spaces, sentences by newlines.
    public var text: String
    /// Byte range of each corpus token in `text`.
    public var tokenRanges: [TextRange]
    /// Gold label of each corpus token.
    public var labels: [NERTag]

    /// Gold entity spans as (byte range, span class 1 PER, 2 LOC, 3 ORG, 4 MISC).
    public var spans: [(range: TextRange, spanClass: Int)] {
        var out: [(TextRange, Int)] = []
        var k = 0
        while k < labels.count {
            let tag = labels[k]
            guard tag != .outside else { k += 1; continue }
            var j = k + 1
            while j < labels.count, labels[j] == .inside(tag.spanClass) { j += 1 }
            out.append((TextRange(start: tokenRanges[k].start, end: tokenRanges[j - 1].end), tag.spanClass))
            k = j
        }
        return out
    }

    /// Gold labels for another tokenisation of `text` (ours), by byte offsets: a token starting a
    /// corpus token takes its label, a token inside one continues it (`I-`), others are `O`.
    public func labels(for tokens: [Token]) -> [NERTag] {
        var out = [NERTag](repeating: .outside, count: tokens.count)
        var c = 0
        for (k, t) in tokens.enumerated() {
            while c < tokenRanges.count, tokenRanges[c].end <= t.range.start { c += 1 }
            guard c < tokenRanges.count, tokenRanges[c].start <= t.range.start else { continue }
            let label = labels[c]
            guard label != .outside else { continue }
            out[k] = t.range.start == tokenRanges[c].start ? label : .inside(label.spanClass)
        }
        return out
    }
}

/// Reads CoNLL-2003 files.
public enum CoNLLCorpus {
    /// Reads the documents of a CoNLL file (IOB1 labels are converted to BIO).
    public static func read(path: String) throws(GazetteError) -> [CoNLLDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GazetteError(.io, "cannot read the CoNLL file \(path)")
        }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// Parses CoNLL text.
    public static func parse(_ content: String) -> [CoNLLDocument] {
        var documents: [CoNLLDocument] = []
        var sentences: [[(Substring, Substring)]] = []
        var sentence: [(Substring, Substring)] = []
        func flushSentence() {
            if !sentence.isEmpty { sentences.append(sentence) }
            sentence = []
        }
        func flushDocument() {
            flushSentence()
            guard !sentences.isEmpty else { return }
            var text = ""
            var ranges: [TextRange] = []
            var labels: [NERTag] = []
            var offset = 0
            for (s, tokens) in sentences.enumerated() {
                if s > 0 { text += "\n"; offset += 1 }
                var previous: NERTag = .outside
                for (t, (word, label)) in tokens.enumerated() {
                    if t > 0 { text += " "; offset += 1 }
                    text += word
                    let count = word.utf8.count
                    ranges.append(TextRange(start: offset, end: offset + count))
                    offset += count
                    var tag = NERTag(conll: label)
                    // IOB1: an I- that does not continue a span of its class begins one.
                    if tag.isInside, previous.spanClass != tag.spanClass { tag = .begin(tag.spanClass) }
                    labels.append(tag)
                    previous = tag
                }
            }
            documents.append(CoNLLDocument(id: "conll-\(documents.count + 1)", text: text, tokenRanges: ranges, labels: labels))
            sentences = []
        }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ")
            if fields.isEmpty { flushSentence(); continue }
            if fields[0] == "-DOCSTART-" { flushDocument(); continue }
            sentence.append((fields[0], fields[fields.count - 1]))
        }
        flushDocument()
        return documents
    }
}
