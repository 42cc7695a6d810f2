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

/// Reads labelled corpora in the CoNLL family of column formats and turns them into documents:
///
/// * CoNLL-2003 (`word POS chunk label`, IOB1 or BIO) and WikiGold (`word label`, IO), space
///   separated, `-DOCSTART-` between documents;
/// * the Broad Twitter Corpus (`word<TAB>label`, BIO), one tweet per sentence, no document
///   markers: each sentence is then a document of its own;
/// * Universal NER (`index word label …`, `# newdoc`, `# sent_id`, `# text =` comment lines): a file
///   whose first line is a `# key = value` comment; `# newdoc` starts a document.
/// * WikiANN (`index<TAB>word<TAB>label`, no comments): a file whose first line has three tab-separated
///   fields, the first `0`; every sentence is a document.
///
/// Labels are normalised to BIO over PER, LOC, ORG, MISC: an `I-X` that does not continue a span
/// of class X begins one (IOB1 and IO), other labels (`B-OTHER`) are `O`.
public enum CoNLLCorpus {
    /// Reads the documents of a corpus file.
    public static func read(path: String) throws(GazetteError) -> [CoNLLDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GazetteError(.io, "cannot read the CoNLL file \(path)")
        }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// Every `heldOutEvery`-th document (the 5th, 10th, …) of a corpus is held out: never trained on,
    /// scored by `gazette ner eval --held-out` and `Scripts/eval-ner.sh --held-out` (the same rule).
    public static let heldOutEvery = 5

    /// True when document `index` (counting from 0) belongs to the held-out slice.
    public static func isHeldOut(_ index: Int) -> Bool { index % heldOutEvery == heldOutEvery - 1 }

    /// Parses corpus text (format detected from its first line, see ``CoNLLCorpus``).
    public static func parse(_ content: String) -> [CoNLLDocument] {
        // Universal NER opens with a comment such as `# newdoc id = …` (a tweet may open with `#tag`).
        let firstLine = content.prefix { $0 != "\n" }
        let universal = firstLine.hasPrefix("# ") && firstLine.contains(" = ")
        // WikiANN (`index<TAB>word<TAB>label`, counting from 0 in each sentence) reads like Universal NER.
        let firstFields = firstLine.split(separator: "\t")
        let indexed = universal || (firstFields.count == 3 && firstFields[0] == "0")
        var documents: [CoNLLDocument] = []
        var sentences: [[(Substring, Substring)]] = []
        var sentence: [(Substring, Substring)] = []
        // Without document markers (tweets) every sentence is a document.
        let oneSentencePerDocument = !content.contains(universal ? "# newdoc" : "-DOCSTART-")
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
                    // IOB1 and IO: an I- that does not continue a span of its class begins one.
                    if tag.isInside, previous.spanClass != tag.spanClass { tag = .begin(tag.spanClass) }
                    labels.append(tag)
                    previous = tag
                }
            }
            documents.append(CoNLLDocument(id: "conll-\(documents.count + 1)", text: text, tokenRanges: ranges, labels: labels))
            sentences = []
        }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            if universal, line.hasPrefix("#") {
                if line.hasPrefix("# newdoc") { flushDocument() }
                continue
            }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty {
                if oneSentencePerDocument { flushDocument() } else { flushSentence() }
                continue
            }
            if fields[0] == "-DOCSTART-" { flushDocument(); continue }
            if indexed {
                guard fields.count >= 3 else { continue }
                sentence.append((fields[1], fields[2]))
            } else {
                sentence.append((fields[0], fields[fields.count - 1]))
            }
        }
        flushDocument()
        return documents
    }
}
