/// A light, immutable copy of a parsed page: elements and text nodes in document (pre-)order, the
/// few attributes the cleaner reads, and the JSON-LD blocks.
///
/// Built from libxml2's tree by ``HTMLParser`` and independent of it, so the C document is freed
/// before any analysis runs. Node 0 is a virtual document root.
struct DOMTree: Sendable {
    /// All nodes in pre-order; a node's subtree is `index + 1 ..< node.end`.
    var nodes: [DOMNode] = []
    /// The raw characters of all text nodes, concatenated (UTF-8).
    var text: [UInt8] = []
    /// The attributes kept for metadata, grouped by node (`node.attributeStart`, `attributeCount`).
    var attributes: [DOMAttribute] = []
    /// The contents of `<script type="application/ld+json">` elements, in page order.
    var jsonLD: [String] = []
    /// True when elements deeper than the depth limit were left out.
    var depthLimited = false
    /// `class` and `id` values by node, kept only when the tree is built for explaining decisions.
    var labels: [Int: String] = [:]

    /// The attribute `key` of node `index`, if kept.
    func attribute(_ key: AttributeKey, of index: Int) -> String? {
        let node = nodes[index]
        guard node.attributeCount > 0 else { return nil }
        let start = Int(node.attributeStart)
        for position in start..<(start + Int(node.attributeCount)) where attributes[position].key == key {
            return attributes[position].value
        }
        return nil
    }

    /// The text bytes of text node `index`.
    func textBytes(of index: Int) -> ArraySlice<UInt8> {
        let node = nodes[index]
        return text[Int(node.textStart)..<Int(node.textStart + node.textLength)]
    }

    /// The text of a subtree with whitespace collapsed, for short elements such as `<title>` or `<h1>`.
    func collapsedText(of index: Int) -> String {
        var bytes: [UInt8] = []
        var pendingSpace = false
        let end = Int(nodes[index].end)
        var position = index
        while position < end {
            let node = nodes[position]
            if node.tag == .text {
                for byte in textBytes(of: position) {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                        pendingSpace = !bytes.isEmpty
                    } else {
                        if pendingSpace { bytes.append(0x20); pendingSpace = false }
                        bytes.append(byte)
                    }
                }
            } else if node.tag.isBlock || node.tag == .br {
                pendingSpace = !bytes.isEmpty
            }
            position += 1
        }
        return TextNormalization.cleanLine(String(decoding: bytes, as: UTF8.self))
    }
}

/// One element or text node of a ``DOMTree``.
struct DOMNode: Sendable {
    /// Element name, or `.text` for a text node.
    var tag: HTMLTag
    /// Class/id/role/attribute cues.
    var flags: NodeFlags
    /// Class/id weight: positive for content words, negative for furniture words.
    var weight: Int8
    /// A hash of the `class` value (0 without one), to find elements styled alike.
    var classHash: UInt32
    /// Index of the parent node (-1 for the root).
    var parent: Int32
    /// One past the last node of this node's subtree.
    var end: Int32
    /// For text nodes: where the characters start in ``DOMTree/text``.
    var textStart: Int32
    /// For text nodes: how many bytes.
    var textLength: Int32
    /// First kept attribute in ``DOMTree/attributes``.
    var attributeStart: Int32
    /// Number of kept attributes.
    var attributeCount: UInt16
}

/// Facts about an element read from its attributes.
struct NodeFlags: OptionSet, Sendable {
    let rawValue: UInt16
    /// `hidden`, `aria-hidden="true"`, `display:none`, or a screen-reader-only class.
    static let hidden = NodeFlags(rawValue: 1 << 0)
    /// Class, id or role names page furniture (comments, share, related, cookie, newsletter …).
    static let furniture = NodeFlags(rawValue: 1 << 1)
    /// Class, id or role names content (article, story, body, content …).
    static let contentCue = NodeFlags(rawValue: 1 << 2)
    /// schema.org `itemprop="articleBody"`.
    static let articleBody = NodeFlags(rawValue: 1 << 3)
    /// Class or id names a byline, caption, credit, date or similar small metadata line.
    static let metaLine = NodeFlags(rawValue: 1 << 4)
}

/// The attributes kept in a ``DOMTree``.
enum AttributeKey: UInt8, Sendable {
    case name, property, content, httpEquiv, rel, href, lang, datetime, itemprop, type, charset
}

/// One kept attribute.
struct DOMAttribute: Sendable {
    var key: AttributeKey
    var value: String
}
