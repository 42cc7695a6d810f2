/// One paragraph-level piece of extracted text.
struct TextBlock: Sendable, Equatable {
    /// What sort of block it came from.
    enum Kind: Sendable, Equatable {
        case paragraph, heading, listItem, tableRow, preformatted
    }
    /// The block's text, whitespace collapsed (line breaks kept where the page had `<br>`).
    var text: String
    /// Its kind.
    var kind: Kind

    /// Characters (Unicode scalars) of the text, counted on its UTF-8 bytes.
    var characterCount: Int { text.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
}

/// Turns a stream of open/close/text events from the tree walk into ``TextBlock``s.
struct BlockWriter {
    let tree: DOMTree
    let title: String?
    private(set) var blocks: [TextBlock] = []
    private var current: [UInt8] = []
    private var pendingSpace = false
    private var listDepth = 0
    private var headingDepth = 0
    private var preDepth = 0
    private var rowDepth = 0
    private var cellCount = 0

    init(tree: DOMTree, title: String?) {
        self.tree = tree
        self.title = title
        current.reserveCapacity(4096)
    }

    mutating func open(_ tag: HTMLTag) {
        switch tag {
        case .br:
            if !current.isEmpty {
                trimTrailingSpace()
                current.append(0x0A)
            }
            pendingSpace = false
            return
        case .td, .th:
            if cellCount > 0 && !current.isEmpty { current.append(contentsOf: [0x20, 0x7C, 0x20]); pendingSpace = false }
            cellCount += 1
            return
        case .tr:
            flush()
            rowDepth += 1
            cellCount = 0
            return
        default:
            break
        }
        if tag.isBlock { flush() }
        switch tag {
        case .li, .dt, .dd: listDepth += 1
        case .h2, .h3, .h4, .h5, .h6: headingDepth += 1
        case .pre: preDepth += 1
        default: break
        }
    }

    mutating func close(_ tag: HTMLTag) {
        switch tag {
        case .br, .td, .th: return
        case .tr:
            flush()
            rowDepth -= 1
            return
        default: break
        }
        if tag.isBlock { flush() }
        switch tag {
        case .li, .dt, .dd: listDepth -= 1
        case .h2, .h3, .h4, .h5, .h6: headingDepth -= 1
        case .pre: flush(); preDepth -= 1
        default: break
        }
    }

    mutating func append(_ text: ArraySlice<UInt8>) {
        if preDepth > 0 {
            for byte in text where byte != 0x0D {
                current.append(byte == 0x09 ? 0x20 : byte)
            }
            return
        }
        var index = text.startIndex
        let end = text.endIndex
        while index < end {
            let byte = text[index]
            if TextNormalization.isSpace(byte) {
                pendingSpace = true
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < end, text[index + 1] == 0xA0 {
                pendingSpace = true
                index += 2
                continue
            }
            if pendingSpace {
                if !current.isEmpty && current[current.count - 1] != 0x0A { current.append(0x20) }
                pendingSpace = false
            }
            current.append(byte)
            index += 1
        }
    }

    private mutating func trimTrailingSpace() {
        while let last = current.last, last == 0x20 || last == 0x0A { current.removeLast() }
    }

    private mutating func flush() {
        pendingSpace = false
        trimTrailingSpace()
        guard !current.isEmpty else { return }
        let text = String(decoding: current, as: UTF8.self)
        current.removeAll(keepingCapacity: true)
        let kind: TextBlock.Kind =
            preDepth > 0 ? .preformatted : headingDepth > 0 ? .heading : rowDepth > 0 ? .tableRow : listDepth > 0 ? .listItem : .paragraph
        blocks.append(TextBlock(text: text, kind: kind))
    }

    /// Removes the last block when it is a label (a heading, or a short line ending in `:`), for a
    /// box of links that was left out after it; nothing when the box sat inside a line of text.
    mutating func dropTrailingLabel() {
        guard current.allSatisfy({ $0 == 0x20 || $0 == 0x0A }), let last = blocks.last, last.text.unicodeScalars.count <= 80 else { return }
        if last.kind == .heading || last.text.unicodeScalars.last == ":" { blocks.removeLast() }
    }

    /// Ends the last block.
    mutating func finish() { flush() }
}
