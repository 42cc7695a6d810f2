/// Per-node text measures of a ``DOMTree``: visible characters, characters inside links, commas,
/// characters inside paragraphs, and characters not inside a nested block.
///
/// Computed bottom-up in one reverse pass; nodes marked removed contribute nothing.
struct PageStatistics {
    /// Visible (non-space) characters in each subtree.
    var chars: [Int32]
    /// Of those, the ones inside `<a>` elements.
    var linkChars: [Int32]
    /// Commas (Latin, CJK and Arabic) in each subtree.
    var commas: [Int32]
    /// Prose characters: the non-link text of blocks whose own line of text is at least 25
    /// characters and not mostly links.
    var paragraphChars: [Int32]
    /// Characters of an element that are not inside a nested block element (its own line of text).
    var inlineChars: [Int32]
    /// Link characters among ``inlineChars``.
    var inlineLinkChars: [Int32]
    /// Number of `<p>` elements in each subtree.
    var paragraphs: [Int32]
    /// Sentence-ending marks (`.`, `!`, `?` and their CJK forms) among ``inlineChars``.
    var inlineStops: [Int32]

    /// Measures `tree`, leaving out nodes for which `removed` is true.
    init(tree: DOMTree, measures: TextMeasures, removed: [Bool]) {
        let count = tree.nodes.count
        chars = Array(repeating: 0, count: count)
        linkChars = Array(repeating: 0, count: count)
        commas = Array(repeating: 0, count: count)
        paragraphChars = Array(repeating: 0, count: count)
        inlineChars = Array(repeating: 0, count: count)
        inlineLinkChars = Array(repeating: 0, count: count)
        paragraphs = Array(repeating: 0, count: count)
        inlineStops = Array(repeating: 0, count: count)
        let textChars = measures.chars, textCommas = measures.commas, textStops = measures.stops
        tree.nodes.withUnsafeBufferPointer { nodes in
            var index = count - 1
            while index > 0 {
                defer { index -= 1 }
                if removed[index] { continue }
                let node = nodes[index]
                let parent = Int(node.parent)
                if node.tag == .text {
                    chars[index] = textChars[index]
                    commas[index] = textCommas[index]
                    inlineChars[index] = textChars[index]
                    inlineStops[index] = textStops[index]
                } else {
                    switch node.tag {
                    case .a:
                        linkChars[index] = chars[index]
                        inlineLinkChars[index] = inlineChars[index]
                    case .p:
                        paragraphs[index] += 1
                    default: break
                    }
                    // Prose: the non-link text of a block's own line when it is long and not mostly links.
                    if node.tag.isBlock {
                        let own = inlineChars[index], ownLinks = inlineLinkChars[index]
                        if own >= 25 && ownLinks * 2 < own { paragraphChars[index] += own - ownLinks }
                    }
                }
                guard parent >= 0 else { continue }
                chars[parent] += chars[index]
                linkChars[parent] += linkChars[index]
                commas[parent] += commas[index]
                paragraphChars[parent] += paragraphChars[index]
                paragraphs[parent] += paragraphs[index]
                if !node.tag.isBlock {
                    inlineChars[parent] += inlineChars[index]
                    inlineLinkChars[parent] += inlineLinkChars[index]
                    inlineStops[parent] += inlineStops[index]
                }
            }
        }
    }

    /// Share of a subtree's characters that are link text (0 for an empty subtree).
    func linkDensity(_ index: Int) -> Double {
        let total = chars[index]
        return total > 0 ? Double(linkChars[index]) / Double(total) : 0
    }

    /// Counts visible characters, commas and sentence ends of every text node once.
    static func measureText(_ tree: DOMTree) -> TextMeasures {
        var chars = [Int32](repeating: 0, count: tree.nodes.count)
        var commas = [Int32](repeating: 0, count: tree.nodes.count)
        var stops = [Int32](repeating: 0, count: tree.nodes.count)
        tree.text.withUnsafeBufferPointer { text in
            for index in tree.nodes.indices where tree.nodes[index].tag == .text {
                let node = tree.nodes[index]
                var visible: Int32 = 0
                var commaCount: Int32 = 0
                var stopCount: Int32 = 0
                var position = Int(node.textStart)
                let end = position + Int(node.textLength)
                while position < end {
                    let byte = text[position]
                    if byte < 0x80 {
                        if byte > 0x20 { visible += 1 }
                        if byte == UInt8(ascii: ",") { commaCount += 1 }
                        // A stop followed by a space or the end of the text (not `3.5` or `www.x`).
                        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
                           position + 1 == end || TextNormalization.isSpace(text[position + 1]) { stopCount += 1 }
                    } else if byte & 0xC0 != 0x80 {
                        visible += 1
                        // ， (EF BC 8C), 、 (E3 80 81), ، (D8 8C)
                        if byte == 0xEF, position + 2 < end, text[position + 1] == 0xBC, text[position + 2] == 0x8C { commaCount += 1 }
                        if byte == 0xE3, position + 2 < end, text[position + 1] == 0x80, text[position + 2] == 0x81 { commaCount += 1 }
                        if byte == 0xD8, position + 1 < end, text[position + 1] == 0x8C { commaCount += 1 }
                        // 。 (E3 80 82), ！ (EF BC 81), ？ (EF BC 9F)
                        if byte == 0xE3, position + 2 < end, text[position + 1] == 0x80, text[position + 2] == 0x82 { stopCount += 1 }
                        if byte == 0xEF, position + 2 < end, text[position + 1] == 0xBC, text[position + 2] == 0x81 || text[position + 2] == 0x9F { stopCount += 1 }
                    }
                    position += 1
                }
                chars[index] = visible
                commas[index] = commaCount
                stops[index] = stopCount
            }
        }
        return TextMeasures(chars: chars, commas: commas, stops: stops)
    }
}

/// Per-text-node counts, measured once per page and shared by both extractors (0 for elements).
struct TextMeasures {
    /// Visible (non-space) characters.
    var chars: [Int32]
    /// Commas (Latin, CJK and Arabic).
    var commas: [Int32]
    /// Sentence ends: `.`, `!` or `?` before a space or the end of the node, and `。！？`.
    var stops: [Int32]
}
