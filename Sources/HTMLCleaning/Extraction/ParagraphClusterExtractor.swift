/// A second, independent way to find a page's article, used when the main ``ContentExtractor``
/// comes back empty or implausibly short: it reads no class, id or role names, only the shape of
/// the text.
///
/// 1. Only hidden elements and the tags that never hold the story (`nav`, `aside`, `footer`,
///    `menu`, form labels, the `h1` headline) are set aside, and a `header` only when it is mostly
///    links; none of them when it holds most of the page's prose.
/// 2. Every block's own line of text is classified as in jusText, without word lists: *good* when it
///    is a sentence-shaped run of text with few links, *bad* when it is mostly links, *short* otherwise.
/// 3. The article is the element that maximises good characters minus a share of everything else
///    beneath it (the dense cluster of paragraphs, as in body-text extraction): a page wrapper holds
///    every paragraph but also all the menus and teasers, a single paragraph holds too little.
/// 4. Inside it, the text from the first to the last good block is written, leaving out boxes that
///    are mostly links.
struct ParagraphClusterExtractor {
    let tree: DOMTree
    let measures: TextMeasures
    private var removed: [Bool]
    private var stats: PageStatistics
    /// Decisions in words, collected only when not `nil`.
    var trace: [String]?

    /// Prepares extraction of `tree` with the text measures the main extractor also used.
    init(tree: DOMTree, measures: TextMeasures) {
        self.tree = tree
        self.measures = measures
        removed = Array(repeating: false, count: tree.nodes.count)
        stats = PageStatistics(tree: tree, measures: measures, removed: removed)
    }

    /// Characters of a block's own line that make it a paragraph on their own.
    static let longBlock = 150
    /// Characters of a block's own line that make it a paragraph when it also ends a sentence.
    static let sentenceBlock = 50
    /// Largest share of link characters in a good block.
    static let goodLinkShare = 0.25
    /// What each character that is not in a good block costs a candidate, against one per good character.
    static let otherCharCost = 0.5

    /// What the fallback found.
    struct Result {
        /// The article's blocks, in page order (empty when the page has no prose at all).
        var blocks: [TextBlock]
        /// The element chosen as the densest cluster (`nil` when there is no prose).
        var cluster: Int?
    }

    /// Finds the densest cluster of paragraphs under `body` and writes it.
    mutating func extract(body: Int) -> Result {
        setAside(in: body)
        stats = PageStatistics(tree: tree, measures: measures, removed: removed)
        let nodes = tree.nodes
        let end = Int(nodes[body].end)
        // Good characters per subtree.
        var good = [Int32](repeating: 0, count: nodes.count)
        var isGood = [Bool](repeating: false, count: nodes.count)
        var index = end - 1
        while index > body {
            defer { index -= 1 }
            if removed[index] { continue }
            let node = nodes[index]
            if node.tag != .text, node.tag.isBlock, isGoodBlock(index) {
                isGood[index] = true
                good[index] += stats.inlineChars[index]
            }
            let parent = Int(node.parent)
            if parent >= 0 { good[parent] += good[index] }
        }
        guard good[body] > 0 else {
            note("paragraph clusters: no paragraph-shaped text on the page")
            return Result(blocks: [], cluster: nil)
        }
        // The densest cluster.
        var best = body
        var bestScore = -Double.infinity
        for candidate in body..<end where !removed[candidate] && nodes[candidate].tag != .text && good[candidate] > 0 {
            let goodChars = Double(good[candidate])
            let other = Double(stats.chars[candidate]) - goodChars
            let score = goodChars - Self.otherCharCost * other
            if score > bestScore {
                bestScore = score
                best = candidate
            }
        }
        // The first and last good block inside it bound the text.
        var first = -1, last = -1
        for inner in best..<Int(nodes[best].end) where isGood[inner] && !removed[inner] {
            if first < 0 { first = inner }
            last = inner
        }
        note("paragraph clusters: \(good[body]) good characters on the page; densest cluster \(describe(best)) with \(good[best]) good of \(stats.chars[best]), score \(Int(bestScore))")
        var writer = BlockWriter(tree: tree, title: nil)
        write(best, first: first, lastEnd: Int(nodes[last].end), good: good, into: &writer)
        writer.finish()
        return Result(blocks: writer.blocks, cluster: best)
    }

    /// Whether a block's own line of text is a paragraph: long, or a sentence, and not mostly links.
    private func isGoodBlock(_ index: Int) -> Bool {
        let own = Int(stats.inlineChars[index])
        guard own >= Self.sentenceBlock else { return false }
        if Double(stats.inlineLinkChars[index]) > Self.goodLinkShare * Double(own) { return false }
        if tree.nodes[index].tag.isHeading { return false }
        return own >= Self.longBlock || stats.inlineStops[index] > 0
    }

    private mutating func setAside(in body: Int) {
        let nodes = tree.nodes
        let bodyProse = max(1, Int(stats.paragraphChars[body]))
        var index = body + 1
        let end = Int(nodes[body].end)
        while index < end {
            let node = nodes[index]
            var drop = node.flags.contains(.hidden)
            switch node.tag {
            case .nav, .aside, .footer, .menu, .label, .fieldset, .h1: drop = true
            case .header: drop = stats.linkDensity(index) > 0.5
            default: break
            }
            if drop && Int(stats.paragraphChars[index]) * 2 < bodyProse {
                for inner in index..<Int(node.end) { removed[inner] = true }
                index = Int(node.end)
                continue
            }
            index += 1
        }
    }

    /// Writes the blocks of `root` from the one at `first` to the end of the subtree ending at
    /// `lastEnd`, leaving out link boxes that hold no good block.
    private func write(_ root: Int, first: Int, lastEnd: Int, good: [Int32], into writer: inout BlockWriter) {
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
            let node = nodes[index]
            let outside = Int(node.end) <= first || index >= lastEnd
            let linkBox = index != root && node.tag != .text && good[index] == 0 && stats.linkDensity(index) > 0.5
            if removed[index] || outside || linkBox {
                index = Int(node.end)
                continue
            }
            if node.tag == .text {
                writer.append(tree.textBytes(of: index))
            } else {
                writer.open(node.tag)
                stack.append(index)
            }
            index += 1
        }
    }

    private mutating func note(_ line: String) {
        guard trace != nil else { return }
        trace?.append(line)
    }

    private func describe(_ index: Int) -> String {
        let node = tree.nodes[index]
        let label = tree.labels[index].map { " \"\($0.prefix(60))\"" } ?? ""
        return "#\(index) <\(node.tag)>\(label)"
    }
}
