import CLibXML2
@_spi(GazetteInternal) import GazetteCore

/// Parses UTF-8 HTML with libxml2 and copies the result into a ``DOMTree``; the C document never
/// leaves this file.
///
/// The parser runs with recovery on, no network, no DTD loading and no entity expansion; the tree is
/// walked iteratively down to a depth limit, and the document is freed before `parse` returns.
enum HTMLParser {
    /// Initialises libxml2 exactly once, before the first parse on any thread (never cleaned up).
    private static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// RECOVER | NOERROR | NOWARNING | NONET | COMPACT | IGNORE_ENC, plus HUGE so deep trees are not
    /// silently cut at 256 levels (the caller caps the input size instead).
    private static let options: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_HUGE.rawValue
    )

    /// Parses `utf8` (already transcoded to UTF-8) into a tree no deeper than `maxDepth`.
    static func parse(_ utf8: [UInt8], maxDepth: Int, keepLabels: Bool = false) throws(GazetteError) -> DOMTree {
        precondition(libraryReady)
        guard !utf8.isEmpty else { throw GazetteError(.emptyInput, "the page is empty") }
        let pointer: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            let context = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlCreateMemoryParserCtxt(chars, Int32(clamping: buffer.count))
            }
            guard let context else { return nil }
            defer { htmlFreeParserCtxt(context) }
            _ = htmlCtxtUseOptions(context, options)
            // Element and attribute names from the parser's dictionary: one copy per name instead of
            // one allocation per node, and stable addresses the tree walk can cache lookups by.
            context.pointee.dictNames = 1
            if let handler = xmlFindCharEncodingHandler("UTF-8") { _ = xmlSwitchToEncoding(context, handler) }
            _ = htmlParseDocument(context)
            let document = context.pointee.myDoc
            context.pointee.myDoc = nil
            // The document now holds the dictionary its names live in; the context must not free it.
            if let document, document.pointee.dict == context.pointee.dict { context.pointee.dict = nil }
            return document
        }
        guard let pointer else {
            throw GazetteError(.parse, "the page could not be parsed as HTML")
        }
        let document = ParsedDocument(pointer: pointer)
        var builder = TreeBuilder(maxDepth: maxDepth)
        builder.keepLabels = keepLabels
        return builder.build(document)
    }
}

/// Owns a libxml2 document and frees it exactly once.
struct ParsedDocument: ~Copyable {
    let pointer: htmlDocPtr

    deinit { xmlFreeDoc(pointer) }
}

/// Copies a libxml2 tree into a ``DOMTree`` with an iterative walk.
private struct TreeBuilder {
    let maxDepth: Int
    var keepLabels = false
    var tree = DOMTree()
    var cues = ClassCues()
    /// Tag lookups by interned-name address: libxml2 stores each element name once per document.

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    /// The attribute names the builder reads.
    enum AttributeName: Sendable {
        case classList, id, role, style, hidden, ariaHidden, kept(AttributeKey), ignored
    }

    mutating func build(_ document: borrowing ParsedDocument) -> DOMTree {
        tree.nodes.reserveCapacity(4096)
        tree.text.reserveCapacity(64 * 1024)
        tree.nodes.append(DOMNode(tag: .other, flags: [], weight: 0, classHash: 0, parent: -1, end: 1, textStart: 0, textLength: 0, attributeStart: 0, attributeCount: 0))
        var open: [Int32] = [0]
        var current = document.pointer.pointee.children
        var depth = 0
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = tagOf(node)
                if tag == .script {
                    captureJSONLD(node)
                } else if !tag.isSkippedWithContent {
                    let index = appendElement(node, tag: tag, parent: open[open.count - 1])
                    if node.pointee.children != nil {
                        if depth < maxDepth {
                            descend = true
                            open.append(index)
                        } else {
                            tree.depthLimited = true
                        }
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                appendText(node, parent: open[open.count - 1])
            default:
                break
            }
            if descend {
                depth += 1
                current = node.pointee.children
                continue
            }
            // Move to the next sibling, climbing out of finished elements.
            var position = node
            current = nil
            while true {
                if let sibling = position.pointee.next {
                    current = sibling
                    break
                }
                guard depth > 0, let parent = position.pointee.parent else { break }
                let closing = Int(open.removeLast())
                tree.nodes[closing].end = Int32(tree.nodes.count)
                depth -= 1
                position = parent
            }
        }
        while let last = open.popLast() { tree.nodes[Int(last)].end = Int32(tree.nodes.count) }
        return tree
    }

    private func tagOf(_ node: xmlNodePtr) -> HTMLTag {
        guard let name = node.pointee.name else { return .other }
        return HTMLTag.nameTable.value(name) ?? .other
    }

    private func attributeName(_ name: UnsafePointer<xmlChar>) -> AttributeName {
        TreeBuilder.attributeNames.value(name) ?? .ignored
    }

    private static let attributeNames = NameTable<AttributeName>([
        ("class", .classList), ("id", .id), ("role", .role), ("style", .style), ("hidden", .hidden),
        ("aria-hidden", .ariaHidden), ("name", .kept(.name)), ("property", .kept(.property)),
        ("content", .kept(.content)), ("http-equiv", .kept(.httpEquiv)), ("rel", .kept(.rel)),
        ("href", .kept(.href)), ("lang", .kept(.lang)), ("xml:lang", .kept(.lang)), ("datetime", .kept(.datetime)),
        ("itemprop", .kept(.itemprop)), ("type", .kept(.type)), ("charset", .kept(.charset)),
    ])

    /// Which kept attributes an element of this kind stores (the rest are only used for cues).
    private func keeps(_ key: AttributeKey, tag: HTMLTag, hasItemprop: Bool) -> Bool {
        switch tag {
        case .meta: return key != .href && key != .datetime
        case .link: return key == .rel || key == .href || key == .type || key == .itemprop
        case .html: return key == .lang
        case .time: return key == .datetime || key == .itemprop
        case .a: return key == .rel || key == .itemprop || (hasItemprop && key == .href)
        default: return key == .itemprop || (hasItemprop && (key == .content || key == .datetime))
        }
    }

    private static func value(of attribute: xmlAttrPtr) -> UnsafePointer<UInt8>? {
        guard let child = attribute.pointee.children, let content = child.pointee.content else { return nil }
        return UnsafePointer(content)
    }

    private mutating func appendElement(_ node: xmlNodePtr, tag: HTMLTag, parent: Int32) -> Int32 {
        let index = Int32(tree.nodes.count)
        var flags: NodeFlags = []
        var weight = 0
        let attributeStart = Int32(tree.attributes.count)
        var hasKept = false
        var hasItemprop = false
        var classHash: UInt32 = 0
        var attribute = node.pointee.properties
        var seen = 0
        while let current = attribute, seen < 1024 {
            seen += 1
            attribute = current.pointee.next
            guard let name = current.pointee.name else { continue }
            let kind = attributeName(name)
            let value = TreeBuilder.value(of: current)
            switch kind {
            case .classList, .id, .role:
                guard let value else { continue }
                if keepLabels { tree.labels[Int(index), default: ""] += String(cString: value) + " " }
                let cue = cues.cue(of: value)
                flags.formUnion(cue.flags)
                weight += Int(cue.weight)
                if case .role = kind { flags.formUnion(TreeBuilder.roleFlags(value)) }
                if case .classList = kind { classHash = TreeBuilder.hash(value) }
            case .style:
                if let value, TreeBuilder.styleHides(value) { flags.insert(.hidden) }
            case .hidden:
                flags.insert(.hidden)
            case .ariaHidden:
                if let value, value[0] | 0x20 == UInt8(ascii: "t") { flags.insert(.hidden) }
            case .kept(let key):
                guard let value else { continue }
                if key == .itemprop {
                    hasItemprop = true
                    if TreeBuilder.equalsIgnoringCase(value, "articlebody") { flags.insert(.articleBody) }
                }
                hasKept = true
            case .ignored:
                continue
            }
        }
        if hasKept {
            // Second pass over the (short) attribute list: keep what this element needs as strings.
            var kept = node.pointee.properties
            var count = 0
            while let current = kept, count < 1024 {
                count += 1
                kept = current.pointee.next
                guard let name = current.pointee.name, case .kept(let key) = attributeName(name),
                      keeps(key, tag: tag, hasItemprop: hasItemprop), let value = TreeBuilder.value(of: current) else { continue }
                tree.attributes.append(DOMAttribute(key: key, value: String(cString: value)))
            }
        }
        let attributeCount = UInt16(clamping: tree.attributes.count - Int(attributeStart))
        tree.nodes.append(DOMNode(
            tag: tag, flags: flags, weight: Int8(clamping: weight), classHash: classHash, parent: parent, end: index + 1,
            textStart: 0, textLength: 0, attributeStart: attributeStart, attributeCount: attributeCount))
        return index
    }

    private mutating func appendText(_ node: xmlNodePtr, parent: Int32) {
        guard let content = node.pointee.content else { return }
        let start = tree.text.count
        var length = 0
        while content[length] != 0 { length += 1 }
        guard length > 0 else { return }
        tree.text.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
        let index = Int32(tree.nodes.count)
        tree.nodes.append(DOMNode(
            tag: .text, flags: [], weight: 0, classHash: 0, parent: parent, end: index + 1,
            textStart: Int32(start), textLength: Int32(length), attributeStart: 0, attributeCount: 0))
    }

    private mutating func captureJSONLD(_ node: xmlNodePtr) {
        var isJSONLD = false
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            if let name = current.pointee.name, case .kept(.type) = attributeName(name), let value = TreeBuilder.value(of: current) {
                isJSONLD = String(cString: value).lowercased().contains("ld+json")
            }
        }
        guard isJSONLD, tree.jsonLD.count < 32 else { return }
        var bytes: [UInt8] = []
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            if let content = current.pointee.content {
                var length = 0
                while content[length] != 0 { length += 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
            }
        }
        if !bytes.isEmpty { tree.jsonLD.append(String(decoding: bytes, as: UTF8.self)) }
    }

    /// FNV-1a of a NUL-terminated value, never 0.
    private static func hash(_ value: UnsafePointer<UInt8>) -> UInt32 {
        var hash = StableHash.fnv32Offset
        var index = 0
        while value[index] != 0 && index < 1024 {
            hash = StableHash.fnv1a32(hash, value[index])
            index += 1
        }
        return hash == 0 ? 1 : hash
    }

    private static func equalsIgnoringCase(_ value: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            for index in 0..<expected.count where value[index] | 0x20 != expected[index] | 0x20 { return false }
            return value[expected.count] == 0 || value[expected.count] == 0x20
        }
    }

    /// `display:none` or `visibility:hidden` in a style attribute.
    private static func styleHides(_ value: UnsafePointer<UInt8>) -> Bool {
        var compact: [UInt8] = []
        var index = 0
        while value[index] != 0, index < 2048 {
            let byte = value[index]
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { compact.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)) }
            index += 1
        }
        return contains(compact, "display:none") || contains(compact, "visibility:hidden")
    }

    private static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern in
            guard haystack.count >= pattern.count else { return false }
            outer: for start in 0...(haystack.count - pattern.count) {
                for offset in 0..<pattern.count where haystack[start + offset] != pattern[offset] { continue outer }
                return true
            }
            return false
        }
    }

    /// ARIA landmark roles that are not the article.
    private static func roleFlags(_ value: UnsafePointer<UInt8>) -> NodeFlags {
        let role = String(cString: value).lowercased()
        switch role {
        case "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar", "form":
            return .furniture
        case "main", "article":
            return .contentCue
        default:
            return []
        }
    }
}
