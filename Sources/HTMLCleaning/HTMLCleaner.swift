public import GazetteCore

/// The pipeline stage that turns an HTML page into its article: body text with paragraph breaks,
/// title, date, authors, site, canonical URL, language, description and page type.
///
/// `language` is the language the markup declares (`<html lang>`, JSON-LD `inLanguage`, `og:locale`,
/// `Content-Language`), or `nil`: the `language` stage that follows (`LanguageIdentifier` in
/// TextAnalysis) names the language of the text and uses the declaration only to break ties.
/// Plain-text input is left as it is. Errors: an empty page
/// (`empty_input`), binary data (`binary_input`), a page over `limits.maxRecordBytes`
/// (`limit_exceeded`). A page with no article text still gives a record, with an empty body.
public struct HTMLCleaner: PipelineStage {
    /// `html`.
    public let name = "html"
    /// The raw page (or text).
    public var reads: ArticleLayers { .input }
    /// Body text, page metadata and the language.
    public var writes: ArticleLayers { [.text, .language] }
    /// The limits applied: input size and tree depth.
    public let limits: Limits

    /// Creates the stage with the given limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Cleans `article.input` into `article.text` and the metadata fields.
    public func process(_ article: inout Article) throws(GazetteError) {
        switch article.input {
        case .text:
            return
        case .html(let bytes, let charset):
            try clean(bytes, charset: charset, into: &article)
        }
    }

    /// Cleans `article` like ``process(_:)`` and also returns the extractor's decisions, one per line
    /// (what was removed as furniture, the best-scoring candidates, the chosen content).
    public func explain(_ article: inout Article) throws(GazetteError) -> [String] {
        guard case .html(let bytes, let charset) = article.input else { return [] }
        var trace: [String]? = []
        try clean(bytes, charset: charset, into: &article, trace: &trace)
        return trace ?? []
    }

    private func clean(_ bytes: [UInt8], charset: String?, into article: inout Article) throws(GazetteError) {
        var trace: [String]? = nil
        try clean(bytes, charset: charset, into: &article, trace: &trace)
    }

    private func clean(_ bytes: [UInt8], charset: String?, into article: inout Article, trace: inout [String]?) throws(GazetteError) {
        guard bytes.count <= limits.maxRecordBytes else {
            throw GazetteError(.limitExceeded, "the page is \(bytes.count) bytes, over the \(limits.maxRecordBytes)-byte record limit (raise it with --max-record-bytes)")
        }
        try InputCheck.check(bytes)
        let sniffed = CharsetSniffer.sniff(bytes, declared: charset)
        var encoding = sniffed.encoding
        var utf8: [UInt8]
        if let decoded = TranscodeToUTF8.transcode(bytes, encoding: encoding, bomLength: sniffed.bomLength, validation: sniffed.validation) {
            utf8 = decoded
        } else {
            // iconv does not know the declared encoding: fall back as if nothing was declared.
            encoding = UTF8Validation.scan(bytes).isValid ? .utf8 : .windows1252
            utf8 = TranscodeToUTF8.transcode(bytes, encoding: encoding, bomLength: 0) ?? []
        }
        if utf8.allSatisfy(TextNormalization.isSpace) {
            throw GazetteError(.emptyInput, "the page holds no text after decoding it as \(encoding.label)")
        }
        utf8 = MarkupPrefilter.strip(utf8)
        let tree = try HTMLParser.parse(utf8, maxDepth: limits.maxDepth, keepLabels: trace != nil)
        utf8 = []
        let metadata = MetadataReader.read(tree)
        let measures = PageStatistics.measureText(tree)
        var extractor = ContentExtractor(tree: tree, title: metadata.title, measures: measures)
        extractor.trace = trace
        let result = extractor.extract()
        trace = extractor.trace
        let main = BlockFilter.filter(result.blocks, title: metadata.title)
        let choice = ExtractionChoice.choose(main: main, structured: metadata.structuredBody) {
            var second = ParagraphClusterExtractor(tree: tree, measures: measures)
            second.trace = trace
            let found = second.extract(body: extractor.bodyIndex)
            trace = second.trace
            let relation = found.cluster.map { ExtractionChoice.Relation(cluster: $0, roots: result.roots, in: tree) } ?? .disjoint
            return (BlockFilter.filter(found.blocks, title: metadata.title), relation)
        }
        if trace != nil { trace?.append("chosen: \(choice.path.rawValue), because \(choice.reason)") }
        var blocks = choice.blocks

        let pageType = PageClassifier.classify(result: result, kept: blocks, metadata: metadata)
        if pageType != "article" && !metadata.declaresArticle {
            blocks = PageClassifier.introduction(of: blocks)
        }
        article.text = TextNormalization.composed(BlockFilter.join(blocks))
        article.title = metadata.title
        article.metadata.authors = metadata.authors
        article.metadata.site = metadata.site
        article.metadata.description = metadata.description
        article.metadata.pageType = pageType
        article.metadata.encoding = encoding.label
        if article.url == nil || article.url?.isEmpty == true { article.url = metadata.canonicalURL }
        let date = PublicationDate.find(metadata: metadata, url: article.url, tree: tree, zone: Self.dateZone(tree, roots: result.roots),
                                        monthFirst: metadata.language == "en")
        article.published = date?.date
        if trace != nil { trace?.append("published: \(date.map { "\($0.date) from \($0.source)" } ?? "no date found")") }
        article.language = metadata.language
    }
}

extension HTMLCleaner {
    /// Where visible date lines are looked for: from the headline (or the content, when no `<h1>`
    /// comes before it) to the end of the content.
    static func dateZone(_ tree: DOMTree, roots: [Int]) -> Range<Int> {
        guard let first = roots.min(), let last = roots.map({ Int(tree.nodes[$0].end) }).max() else { return 0..<0 }
        let headline = tree.nodes.indices.first { $0 < first && tree.nodes[$0].tag == .h1 } ?? first
        return headline..<last
    }
}

/// Tells articles from pages that only list other pages.
enum PageClassifier {
    /// `article`, `index`, `search`, `gallery`, or `empty` for a page without text.
    static func classify(result: ContentExtractor.Result, kept: [TextBlock], metadata: PageMetadata) -> String {
        let bodyChars = kept.reduce(0) { $0 + $1.characterCount }
        if let declared = metadata.declaredPageType, bodyChars < 2000 { return declared }
        if metadata.declaresArticle { return bodyChars > 0 ? "article" : "empty" }
        let pageLinkShare = result.pageChars > 0 ? Double(result.pageLinkChars) / Double(result.pageChars) : 0
        let contentLinkShare = result.contentChars > 0 ? Double(result.contentLinkChars) / Double(result.contentChars) : 0
        if result.teaserLinks >= 8 {
            if bodyChars < 400 || contentLinkShare > 0.5 { return "index" }
            if pageLinkShare > 0.6 && bodyChars < 1200 { return "index" }
        }
        return bodyChars > 0 ? "article" : "empty"
    }

    /// What an index page keeps of its text: a short introduction at most, never a wall of teasers.
    static func introduction(of blocks: [TextBlock]) -> [TextBlock] {
        guard let first = blocks.first(where: { $0.kind == .paragraph && $0.text.unicodeScalars.count >= 80 }) else { return [] }
        return first.text.unicodeScalars.count <= 600 ? [first] : []
    }
}

/// Refuses inputs that are empty or not text before any decoding work.
enum InputCheck {
    static func check(_ bytes: [UInt8]) throws(GazetteError) {
        guard bytes.contains(where: { !TextNormalization.isSpace($0) }) else {
            throw GazetteError(.emptyInput, "the page is empty")
        }
        if CharsetSniffer.byteOrderMark(bytes) != nil || CharsetSniffer.utf16WithoutBOM(bytes) != nil { return }
        let magic: [[UInt8]] = [[0x1F, 0x8B], [0x25, 0x50, 0x44, 0x46, 0x2D], [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x47, 0x49, 0x46, 0x38], [0x50, 0x4B, 0x03, 0x04], [0x7F, 0x45, 0x4C, 0x46]]
        for signature in magic where bytes.count >= signature.count && Array(bytes.prefix(signature.count)) == signature {
            throw GazetteError(.binaryInput, "the input is binary data (a compressed archive, image, PDF or program), not an HTML page")
        }
        let sample = bytes.prefix(8192)
        var control = 0, high = 0, angle = 0
        for byte in sample {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B { control += 1 }
            if byte >= 0x80 { high += 1 }
            if byte == UInt8(ascii: "<") { angle += 1 }
        }
        if control * 20 > sample.count {
            throw GazetteError(.binaryInput, "the input looks like binary data (\(control) control or NUL bytes in its first \(sample.count)), not an HTML page")
        }
        if angle == 0 && high * 3 > sample.count {
            let check = UTF8Validation.scan(Array(sample))
            if check.invalidSequences > check.multiByteSequences {
                throw GazetteError(.binaryInput, "the input looks like binary data (no markup, mostly undecodable bytes), not an HTML page")
            }
        }
    }
}
