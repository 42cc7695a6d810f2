/// Finds a page's main content in a ``DOMTree`` and writes it as paragraphs of text.
///
/// 1. Furniture is removed: navigation, headers, footers, asides, forms, hidden elements, and
///    elements whose class, id or role name comments, sharing, related stories, cookie banners,
///    newsletters, ads and the like, unless such an element holds most of the page's paragraphs.
/// 2. Every text block scores its ancestors by length and commas (as readability does); candidates
///    are weighted by tag, class/id words, schema.org `articleBody`, and scaled down by link density.
/// 3. Prose between the headline and the content (a standfirst, a list of key points) comes first.
/// 4. The best candidate, with the siblings that belong to it, is written out block by block,
///    leaving out link-heavy boxes inside it, the headline, and short byline, dateline and
///    credit lines that are not sentences.
///
/// ``ParagraphClusterExtractor`` is the independent second strategy; ``ExtractionChoice`` chooses.
struct ContentExtractor {
    /// What the extractor found.
    struct Result {
        /// Paragraphs of the body, in order (a list's items or a table's rows are one line each).
        var blocks: [TextBlock]
        /// Characters of the whole cleaned body element (after furniture removal).
        var pageChars: Int
        /// Characters of link text in the cleaned body element.
        var pageLinkChars: Int
        /// Number of links with substantial text (teasers) in the cleaned body.
        var teaserLinks: Int
        /// Characters of the chosen content (before line filtering).
        var contentChars: Int
        /// Link characters in the chosen content.
        var contentLinkChars: Int
        /// The chosen content elements (the body element when nothing better was found).
        var roots: [Int]
    }

    let tree: DOMTree
    let title: String?
    private var removed: [Bool]
    private let measures: TextMeasures
    private var stats: PageStatistics
    /// The measures before furniture removal.
    private let fullStats: PageStatistics
    /// Decisions in words, collected only when not `nil` (for `gazette clean --explain`).
    var trace: [String]?

    /// Prepares extraction of `tree`; `title` is the headline, kept out of the body; `measures` are
    /// the page's text counts (``PageStatistics/measureText(_:)``).
    init(tree: DOMTree, title: String?, measures: TextMeasures) {
        self.tree = tree
        self.title = title
        self.removed = Array(repeating: false, count: tree.nodes.count)
        self.measures = measures
        stats = PageStatistics(tree: tree, measures: measures, removed: removed)
        fullStats = stats
    }

    /// The `<body>` element, or the root when the page has none.
    var bodyIndex: Int {
        for index in tree.nodes.indices where tree.nodes[index].tag == .body { return index }
        return 0
    }

    /// Runs the three steps.
    mutating func extract() -> Result {
        let body = bodyIndex
        if trace != nil { note("tree: \(tree.nodes.count) nodes, body #\(body) ends at \(tree.nodes[body].end), depth-limited \(tree.depthLimited)") }
        // Hidden elements first, so that text nobody sees does not make a pop-up around it look
        // like the page's main text.
        if removeFurniture(in: body, hiddenOnly: true) {
            stats = PageStatistics(tree: tree, measures: measures, removed: removed)
        }
        removeFurniture(in: body, hiddenOnly: false)
        stats = PageStatistics(tree: tree, measures: measures, removed: removed)
        let roots = chooseContent(in: body)
        var writer = BlockWriter(tree: tree, title: title)
        if roots.first != body {
            for block in introduction(to: roots, body: body) { write(block, into: &writer, keepingRemoved: true) }
        }
        var contentChars = 0, contentLinkChars = 0
        for root in roots {
            contentChars += Int(stats.chars[root])
            contentLinkChars += Int(stats.linkChars[root])
            write(root, into: &writer)
        }
        writer.finish()
        return Result(
            blocks: writer.blocks, pageChars: Int(stats.chars[body]), pageLinkChars: Int(stats.linkChars[body]),
            teaserLinks: countTeaserLinks(in: body), contentChars: contentChars, contentLinkChars: contentLinkChars, roots: roots)
    }

    // MARK: Step 1 — furniture

    /// Marks furniture as removed (only hidden elements when `hiddenOnly`); true when it removed any.
    @discardableResult
    private mutating func removeFurniture(in body: Int, hiddenOnly: Bool) -> Bool {
        let nodes = tree.nodes
        let bodyParagraphChars = max(1, Int(stats.paragraphChars[body]))
        let bodyChars = max(1, Int(stats.chars[body]))
        var index = body + 1
        let end = Int(nodes[body].end)
        var any = false
        while index < end {
            let node = nodes[index]
            if removed[index] { index = Int(node.end); continue }
            if node.tag == .text || (hiddenOnly && !node.flags.contains(.hidden)) { index += 1; continue }
            if isFurniture(index, bodyParagraphChars: bodyParagraphChars, bodyChars: bodyChars) {
                if trace != nil, stats.chars[index] > 0 { note("removed \(describe(index))") }
                for inner in index..<Int(node.end) { removed[inner] = true }
                any = true
                index = Int(node.end)
                continue
            }
            index += 1
        }
        return any
    }

    private func isFurniture(_ index: Int, bodyParagraphChars: Int, bodyChars: Int) -> Bool {
        let node = tree.nodes[index]
        let chars = Int(stats.chars[index])
        var suspect = false
        switch node.tag {
        case .nav, .aside, .footer, .header, .form, .menu, .fieldset, .label, .figcaption, .figure, .address:
            suspect = true
        case .h1:
            // The headline is the title, not part of the body.
            return true
        default:
            break
        }
        if node.flags.contains(.hidden) { suspect = true }
        if node.flags.contains(.furniture) {
            // A single paragraph of link-free prose is the story's own text (a lead styled as a
            // "teaser"), not a box of furniture.
            if !isLoneProseParagraph(index) { suspect = true }
        }
        if node.flags.contains(.metaLine) && !node.flags.contains(.contentCue) && chars < 300 { return true }
        guard suspect else { return false }
        if node.flags.contains(.articleBody) { return false }
        // Keep a "furniture" element that holds most of the page's text: some sites wrap everything
        // in a <form> or give the page wrapper a class like "has-sidebar".
        let paragraphShare = Double(stats.paragraphChars[index]) / Double(bodyParagraphChars)
        let charShare = Double(chars) / Double(bodyChars)
        let density = stats.linkDensity(index)
        // A hidden element (a closed pop-up, an unopened dialog) must hold nearly all of it.
        let keepShare = node.flags.contains(.hidden) ? 0.8 : 0.5
        if paragraphShare > keepShare || (charShare > 0.6 && density < 0.4 && !node.flags.contains(.hidden)) {
            return false
        }
        return true
    }

    /// A single `<p>` of link-free prose: the story's own text even when its class names furniture
    /// (a lead styled as a "teaser").
    private func isLoneProseParagraph(_ index: Int) -> Bool {
        tree.nodes[index].tag == .p && stats.linkChars[index] == 0 && stats.chars[index] >= 100 && stats.inlineStops[index] > 0
            && !tree.nodes[index].flags.contains(.hidden) && !tree.nodes[index].flags.contains(.metaLine)
    }

    // MARK: Step 2 — scoring

    private func baseScore(_ index: Int) -> Double {
        let node = tree.nodes[index]
        var score: Double
        switch node.tag {
        case .div, .article, .main, .section: score = 5
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        score += Double(node.weight)
        if node.tag == .article || node.tag == .main { score += 10 }
        if node.flags.contains(.articleBody) { score += 50 }
        return score
    }

    private mutating func chooseContent(in body: Int) -> [Int] {
        let nodes = tree.nodes
        var scores: [Int: Double] = [:]
        let end = Int(nodes[body].end)
        var index = body + 1
        while index < end {
            if removed[index] { index = Int(nodes[index].end); continue }
            let node = nodes[index]
            defer { index += 1 }
            guard node.tag != .text, node.tag.isBlock, node.tag != .body else { continue }
            let inline = Int(stats.inlineChars[index])
            guard inline >= 25 else { continue }
            if Double(stats.inlineLinkChars[index]) > 0.5 * Double(inline) { continue }
            if node.tag.isHeading { continue }
            var contentScore = 1 + Double(min(stats.commas[index], 50)) + min(Double(inline) / 100, 3)
            // List items are entries (references, specifications, links with blurbs), not paragraphs.
            if node.tag == .li || node.tag == .dd || node.tag == .dt { contentScore *= 0.25 }
            var ancestor = Int(node.parent)
            var level = 0
            while ancestor >= body, level < 5 {
                let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3
                if scores[ancestor] == nil { scores[ancestor] = baseScore(ancestor) }
                scores[ancestor, default: 0] += contentScore / divider
                if ancestor == body { break }
                ancestor = Int(nodes[ancestor].parent)
                level += 1
            }
        }
        guard !scores.isEmpty else { return [body] }
        var final: [(Int, Double)] = scores.map { ($0.key, $0.value * (1 - stats.linkDensity($0.key))) }
        final.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if trace != nil {
            for (candidate, score) in final.prefix(8) { note("candidate \(describe(candidate)) score=\(Int(score))") }
        }
        var top = final[0].0
        let topScore = final[0].1
        guard topScore > 0 else { return [body] }
        let finalScores = Dictionary(uniqueKeysWithValues: final)

        // Several near-equal candidates under one ancestor: the ancestor is the article.
        let alternatives = final.dropFirst().prefix(5).filter { $0.1 >= 0.75 * topScore }.map { $0.0 }
        if alternatives.count >= 3 {
            var ancestor = Int(nodes[top].parent)
            while ancestor > body {
                let contained = alternatives.filter { $0 > ancestor && $0 < Int(nodes[ancestor].end) }.count
                if contained >= 3 { top = ancestor; break }
                ancestor = Int(nodes[ancestor].parent)
            }
        }
        // An ancestor close by that scores nearly as well and holds much more prose is the article
        // (the best candidate was a part of it that scored on commas, such as a table of names).
        var ancestor = Int(nodes[top].parent)
        var levels = 0
        let topProse = Double(stats.paragraphChars[top])
        while ancestor > body, levels < 4 {
            if let score = finalScores[ancestor], score >= 0.8 * topScore, Double(stats.paragraphChars[ancestor]) >= 1.5 * topProse {
                top = ancestor
                break
            }
            ancestor = Int(nodes[ancestor].parent)
            levels += 1
        }
        // Climb while the parent scores better.
        var lastScore = finalScores[top] ?? topScore
        var parent = Int(nodes[top].parent)
        let threshold = lastScore / 3
        while parent > body {
            guard let parentScore = finalScores[parent] else { parent = Int(nodes[parent].parent); continue }
            if parentScore < threshold { break }
            if parentScore > lastScore { top = parent; break }
            lastScore = parentScore
            parent = Int(nodes[parent].parent)
        }
        // An only child stands for its parent.
        while Int(nodes[top].parent) > body, stats.inlineChars[Int(nodes[top].parent)] == 0,
              elementChildren(of: Int(nodes[top].parent)).filter({ !removed[$0] }).count == 1 {
            top = Int(nodes[top].parent)
        }

        // Siblings that belong to the article.
        let bestScore = finalScores[top] ?? topScore
        let siblingThreshold = max(10, bestScore * 0.2)
        let parentIndex = Int(nodes[top].parent)
        guard parentIndex >= 0 else { return [top] }
        var roots: [Int] = []
        for sibling in elementChildren(of: parentIndex) where !removed[sibling] {
            if sibling == top { roots.append(sibling); continue }
            if let score = finalScores[sibling], score >= siblingThreshold { roots.append(sibling); continue }
            if nodes[sibling].tag == .p {
                let chars = Int(stats.chars[sibling])
                let density = stats.linkDensity(sibling)
                if chars > 80 && density < 0.25 { roots.append(sibling); continue }
                if chars > 0 && chars <= 80 && density == 0 && endsSentence(sibling) { roots.append(sibling) }
            }
        }
        roots = addAlikeBlocks(to: roots, best: final[0].0, body: body)
        if trace != nil {
            for root in roots { note("content \(describe(root))") }
        }
        return roots
    }

    /// Most characters between the headline and the content for prose there to count as the
    /// article's introduction.
    static let introductionZone = 3000

    /// Prose between the headline and the content: the standfirst, lead or summary that pages put in
    /// the article's header, often inside a `<header>` or a teaser-styled box that step 1 removed.
    /// Only paragraph-shaped blocks with few links count, and only when little text separates the
    /// headline from the content (so a headline at the top of a long page brings nothing).
    private mutating func introduction(to roots: [Int], body: Int) -> [Int] {
        let nodes = tree.nodes
        func root(containing index: Int) -> Bool { roots.contains { $0 <= index && index < Int(nodes[$0].end) } }
        // The content starts at its first written line of prose.
        var start = -1
        for root in roots {
            var index = root
            while index < Int(nodes[root].end) {
                if removed[index] { index = Int(nodes[index].end); continue }
                if nodes[index].tag.isBlock && stats.inlineChars[index] >= 25 && stats.inlineLinkChars[index] * 2 < stats.inlineChars[index] {
                    start = index
                    break
                }
                index += 1
            }
            if start >= 0 { break }
        }
        guard start > body else { return [] }
        var headline = -1
        for index in (body + 1)..<start where nodes[index].tag == .h1 && Int(nodes[index].end) <= start { headline = index }
        guard headline >= 0 else { return [] }
        var blocks: [Int] = []
        var zoneChars = 0
        var index = Int(nodes[headline].end)
        while index < start {
            let node = nodes[index]
            if node.tag == .text {
                zoneChars += Int(measures.chars[index])
                index += 1
                continue
            }
            var skip = node.flags.contains(.hidden) || node.flags.contains(.metaLine)
            switch node.tag {
            case .nav, .aside, .footer, .form, .menu, .figure, .figcaption, .address, .label, .fieldset, .table: skip = true
            case .ul, .ol:
                // A summary of key points is part of the story; a list of links or tags is not. A
                // list the content writes anyway is not added twice.
                let items = max(1, elementChildren(of: index).count)
                let keyPoints = fullStats.linkDensity(index) < 0.1 && Int(fullStats.chars[index]) >= 25 * items
                if keyPoints && (removed[index] || !root(containing: index)) {
                    blocks.append(index)
                    zoneChars += Int(fullStats.chars[index])
                    index = Int(node.end)
                    continue
                }
                skip = true
            default: break
            }
            if node.flags.contains(.furniture) && fullStats.linkDensity(index) > 0.3 { skip = true }
            if skip {
                zoneChars += Int(fullStats.chars[index])
                index = Int(node.end)
                continue
            }
            let own = Int(fullStats.inlineChars[index])
            // A sentence or a long line, few links, and no more nested text than its own line.
            let prose = own >= 40 && (fullStats.inlineStops[index] > 0 || own >= 150)
            if node.tag.isBlock && prose && Int(fullStats.inlineLinkChars[index]) * 5 < own && Int(fullStats.chars[index]) * 2 < own * 3 {
                // Blocks the content will write anyway are not added twice.
                if removed[index] || !root(containing: index) { blocks.append(index) }
                zoneChars += Int(fullStats.chars[index])
                index = Int(node.end)
                continue
            }
            index += 1
        }
        guard zoneChars <= Self.introductionZone else {
            if !blocks.isEmpty { note("introduction: \(zoneChars) characters between the headline and the content, too far apart") }
            return []
        }
        if trace != nil {
            for block in blocks { note("introduction \(describe(block)): \(tree.collapsedText(of: block).prefix(60))") }
        }
        return blocks
    }

    /// Adds a line to the trace when tracing.
    private mutating func note(_ line: String) {
        guard trace != nil else { return }
        trace?.append(line)
    }

    /// A short description of a node for the trace.
    func describe(_ index: Int) -> String {
        let node = tree.nodes[index]
        let label = tree.labels[index].map { " \"\($0.prefix(60))\"" } ?? ""
        return "#\(index) <\(node.tag)>\(label) flags=\(node.flags.rawValue) weight=\(node.weight) chars=\(stats.chars[index]) links=\(stats.linkChars[index])"
    }

    /// Adds blocks elsewhere in the page styled like the best candidate (same tag and class), such as
    /// the later sections of a story split by a pull quote or an ad, when they are prose.
    private func addAlikeBlocks(to roots: [Int], best: Int, body: Int) -> [Int] {
        let model = tree.nodes[best]
        guard model.classHash != 0 else { return roots }
        var result = roots
        var index = body + 1
        let end = Int(tree.nodes[body].end)
        while index < end {
            if removed[index] { index = Int(tree.nodes[index].end); continue }
            let node = tree.nodes[index]
            if node.classHash == model.classHash && node.tag == model.tag {
                let inside = result.contains { $0 <= index && index < Int(tree.nodes[$0].end) }
                if !inside && stats.paragraphChars[index] >= 150 && stats.linkDensity(index) < 0.3 {
                    result.removeAll { index < $0 && $0 < Int(node.end) }
                    result.append(index)
                    index = Int(node.end)
                    continue
                }
            }
            index += 1
        }
        return result.sorted()
    }

    private func elementChildren(of index: Int) -> [Int] {
        var children: [Int] = []
        var child = index + 1
        let end = Int(tree.nodes[index].end)
        while child < end {
            if tree.nodes[child].tag != .text { children.append(child) }
            child = Int(tree.nodes[child].end)
        }
        return children
    }

    private func endsSentence(_ index: Int) -> Bool {
        let text = tree.collapsedText(of: index)
        guard let last = text.unicodeScalars.last else { return false }
        return ".!?。！？\"”'’".unicodeScalars.contains(last)
    }

    private func countTeaserLinks(in body: Int) -> Int {
        var count = 0
        var index = body + 1
        let end = Int(tree.nodes[body].end)
        while index < end {
            if removed[index] { index = Int(tree.nodes[index].end); continue }
            if tree.nodes[index].tag == .a, stats.chars[index] >= 25 { count += 1 }
            index += 1
        }
        return count
    }

    // MARK: Step 3 — writing

    /// Whether a container inside the content is a link box, a promo or other clutter.
    private func isClutter(_ index: Int, root: Int) -> Bool {
        let node = tree.nodes[index]
        switch node.tag {
        case .div, .section, .ul, .ol, .dl, .table, .span, .article, .other, .p, .blockquote, .center, .font:
            break
        default:
            return false
        }
        let chars = Int(stats.chars[index])
        guard chars > 0 else { return false }
        // A box that holds nearly all of the content is the content, whatever it looks like; the
        // boxes inside it are judged one by one.
        if chars * 10 >= Int(stats.chars[root]) * 9 { return false }
        let density = stats.linkDensity(index)
        let commas = Int(stats.commas[index])
        // A class word such as `card`, `media` or `header` alone does not make prose, a table or a
        // list clutter; links still do (below).
        let weakOnly = !node.flags.contains(.furniture) && !node.flags.contains(.metaLine)
        let prose = Int(stats.paragraphChars[index]) * 2 >= chars && density < 0.2
        let spared = (weakOnly && (prose || node.tag == .table || node.tag == .ul || node.tag == .ol)) || isLoneProseParagraph(index)
        if node.weight < 0 && commas < 10 && chars < 600 && !spared { return true }
        if commas >= 10 && density < 0.5 { return false }
        let limit = node.weight >= 25 ? 0.5 : 0.33
        if density > limit && ((node.tag != .p && node.tag != .blockquote) || density > 0.66) {
            return true
        }
        return false
    }

    /// Writes the subtree of `root`, leaving out removed elements (unless `keepingRemoved`) and clutter.
    private mutating func write(_ root: Int, into writer: inout BlockWriter, keepingRemoved: Bool = false) {
        let nodes = tree.nodes
        var stack: [Int] = []
        var index = root
        let rootEnd = Int(nodes[root].end)
        while true {
            while let open = stack.last, index >= Int(nodes[open].end) {
                writer.close(nodes[open].tag)
                stack.removeLast()
            }
            guard index < rootEnd else { break }
            if (removed[index] && !keepingRemoved) || (index != root && nodes[index].tag != .text && isClutter(index, root: root)) {
                if trace != nil, !removed[index], stats.chars[index] > 0 { note("clutter \(describe(index))") }
                // The heading or `…:` line just before a box of links is that box's label.
                if fullStats.chars[index] >= 30, fullStats.linkDensity(index) > 0.5 {
                    writer.dropTrailingLabel()
                }
                index = Int(nodes[index].end)
                continue
            }
            let node = nodes[index]
            if node.tag == .text {
                writer.append(tree.textBytes(of: index))
            } else {
                writer.open(node.tag)
                stack.append(index)
            }
            index += 1
        }
    }
}
