import CLibXML2
@_spi(GazetteInternal) import GazetteCore

/// Parses UTF-8 HTML with libxml2 into a ``DOMTree``; no libxml2 type leaves this file.
///
/// The parser runs with recovery on, no network, no DTD loading and no entity expansion; its SAX
/// events build the tree directly (libxml2 builds no document of its own), down to a depth limit.
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
        let builder = SAXTreeBuilder(maxDepth: maxDepth, keepLabels: keepLabels)
        let parsed: Bool = utf8.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            let context = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlCreateMemoryParserCtxt(chars, Int32(clamping: buffer.count))
            }
            guard let context, let sax = context.pointee.sax else { return false }
            defer { htmlFreeParserCtxt(context) }
            SAXTreeBuilder.install(on: sax)
            context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
            _ = htmlCtxtUseOptions(context, options)
            // Element names from the parser's dictionary: stable addresses, one copy per name.
            context.pointee.dictNames = 1
            if let handler = xmlFindCharEncodingHandler("UTF-8") { _ = xmlSwitchToEncoding(context, handler) }
            _ = htmlParseDocument(context)
            return true
        }
        guard parsed else {
            throw GazetteError(.parse, "the page could not be parsed as HTML")
        }
        return builder.finish()
    }
}

/// Builds a ``DOMTree`` from libxml2's SAX events while the parser reads the page, so libxml2
/// never builds (and frees) a tree of its own.
///
/// The result equals what walking libxml2's tree gave: the parser sends the same events either way
/// (whitespace included: blanks are kept, so `areBlanks`, the one check that reads the tree, decides
/// nothing), and the text chunks of one run are joined into one node as libxml2's tree builder joins
/// them.
private final class SAXTreeBuilder {
    let maxDepth: Int
    let keepLabels: Bool
    var tree = DOMTree()
    var cues = ClassCues()

    /// How the builder treats an open element's children.
    enum Mode {
        /// Children become nodes of the tree.
        case walked
        /// The element is in the tree at the depth limit: a child marks the tree depth-limited.
        case limited
        /// A `<script>`: text children are collected as JSON-LD when the type says so.
        case script(isJSONLD: Bool)
        /// Not in the tree, and neither are its children.
        case skipped
    }

    /// What the last event added, for joining text: libxml2 appends characters to the current
    /// element's last child when that is a text node (CDATA to CDATA).
    enum LastChild: Equatable {
        case other, text, cdata
    }

    struct OpenElement {
        var node: Int32
        var mode: Mode
    }

    var open: [OpenElement] = []
    var lastChild = LastChild.other
    /// The tree's node of the last text run while ``lastChild`` is text or CDATA, or -1.
    var joinableText: Int32 = -1
    var scriptText: [UInt8] = []

    init(maxDepth: Int, keepLabels: Bool) {
        self.maxDepth = maxDepth
        self.keepLabels = keepLabels
        tree.nodes.reserveCapacity(4096)
        tree.text.reserveCapacity(64 * 1024)
        tree.nodes.append(DOMNode(tag: .other, flags: [], weight: 0, classHash: 0, parent: -1, end: 1, textStart: 0, textLength: 0, attributeStart: 0, attributeCount: 0))
        open.reserveCapacity(64)
        open.append(OpenElement(node: 0, mode: .walked))
    }

    func finish() -> DOMTree {
        for element in open where element.node >= 0 { tree.nodes[Int(element.node)].end = Int32(tree.nodes.count) }
        return tree
    }

    /// Replaces the context's handlers with the builder's (the rest stay unset: no tree, no DTD).
    static func install(on sax: UnsafeMutablePointer<htmlSAXHandler>) {
        sax.initialize(to: htmlSAXHandler())
        sax.pointee.initialized = 1
        sax.pointee.startElement = { context, name, attributes in
            guard let name else { return }
            SAXTreeBuilder.of(context)?.start(name, attributes)
        }
        sax.pointee.endElement = { context, _ in SAXTreeBuilder.of(context)?.end() }
        sax.pointee.characters = { context, characters, length in
            guard let characters, length > 0 else { return }
            SAXTreeBuilder.of(context)?.text(UnsafeBufferPointer(start: characters, count: Int(length)), kind: .text)
        }
        sax.pointee.ignorableWhitespace = sax.pointee.characters
        sax.pointee.cdataBlock = { context, characters, length in
            guard let characters, length > 0 else { return }
            SAXTreeBuilder.of(context)?.text(UnsafeBufferPointer(start: characters, count: Int(length)), kind: .cdata)
        }
        sax.pointee.comment = { context, _ in SAXTreeBuilder.of(context)?.otherChild() }
        sax.pointee.processingInstruction = { context, _, _ in SAXTreeBuilder.of(context)?.otherChild() }
    }

    private static func of(_ context: UnsafeMutableRawPointer?) -> SAXTreeBuilder? {
        guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let builder = parser.pointee._private else { return nil }
        return Unmanaged<SAXTreeBuilder>.fromOpaque(builder).takeUnretainedValue()
    }

    // MARK: Events

    private func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        lastChild = .other
        let tag = HTMLTag.nameTable.value(name) ?? .other
        let parent = open.count - 1
        var element = OpenElement(node: -1, mode: .skipped)
        switch open[parent].mode {
        case .walked:
            if tag == .script {
                element.mode = .script(isJSONLD: SAXTreeBuilder.declaresJSONLD(attributes))
                scriptText.removeAll(keepingCapacity: true)
            } else if !tag.isSkippedWithContent {
                element.node = appendElement(tag: tag, attributes: attributes, parent: open[parent].node)
                // `<html>` (whose parent is the document, open[0]) is at depth 0, as in the tree walk.
                element.mode = parent < maxDepth ? .walked : .limited
            }
        case .limited:
            tree.depthLimited = true
        case .script, .skipped:
            break
        }
        open.append(element)
    }

    private func end() {
        lastChild = .other
        guard open.count > 1, let element = open.popLast() else { return }
        if element.node >= 0 { tree.nodes[Int(element.node)].end = Int32(tree.nodes.count) }
        if case .script(isJSONLD: true) = element.mode, !scriptText.isEmpty, tree.jsonLD.count < 32 {
            tree.jsonLD.append(String(decoding: scriptText, as: UTF8.self))
        }
    }

    private func text(_ text: UnsafeBufferPointer<UInt8>, kind: LastChild) {
        let joins = lastChild == kind
        lastChild = kind
        let top = open.count - 1
        switch open[top].mode {
        case .walked:
            let start = tree.text.count
            tree.text.append(contentsOf: text)
            if joins, joinableText >= 0 {
                tree.nodes[Int(joinableText)].textLength += Int32(text.count)
                return
            }
            let index = Int32(tree.nodes.count)
            tree.nodes.append(DOMNode(
                tag: .text, flags: [], weight: 0, classHash: 0, parent: open[top].node, end: index + 1,
                textStart: Int32(start), textLength: Int32(text.count), attributeStart: 0, attributeCount: 0))
            joinableText = index
        case .limited:
            tree.depthLimited = true
        case .script(isJSONLD: true):
            scriptText.append(contentsOf: text)
        case .script, .skipped:
            break
        }
    }

    /// A comment or processing instruction: no text, but a child that ends a run of text.
    private func otherChild() {
        lastChild = .other
        if case .limited = open[open.count - 1].mode { tree.depthLimited = true }
    }

    // MARK: Elements

    private func appendElement(tag: HTMLTag, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, parent: Int32) -> Int32 {
        let index = Int32(tree.nodes.count)
        var flags: NodeFlags = []
        var weight = 0
        let attributeStart = Int32(tree.attributes.count)
        var hasKept = false
        var hasItemprop = false
        var classHash: UInt32 = 0
        var pair = 0
        while let attributes, let name = attributes[pair], pair < 2048 {
            let value = attributes[pair + 1]
            pair += 2
            let kind = SAXTreeBuilder.attributeNames.value(name) ?? .ignored
            switch kind {
            case .classList, .id, .role:
                guard let value else { continue }
                if keepLabels { tree.labels[Int(index), default: ""] += String(cString: value) + " " }
                let cue = cues.cue(of: value)
                flags.formUnion(cue.flags)
                weight += Int(cue.weight)
                if case .role = kind { flags.formUnion(SAXTreeBuilder.roleFlags(value)) }
                if case .classList = kind { classHash = SAXTreeBuilder.hash(value) }
            case .style:
                if let value, SAXTreeBuilder.styleHides(value) { flags.insert(.hidden) }
            case .hidden:
                flags.insert(.hidden)
            case .ariaHidden:
                if let value, value[0] | 0x20 == UInt8(ascii: "t") { flags.insert(.hidden) }
            case .kept(let key):
                guard let value else { continue }
                if key == .itemprop {
                    hasItemprop = true
                    if SAXTreeBuilder.equalsIgnoringCase(value, "articlebody") { flags.insert(.articleBody) }
                }
                hasKept = true
            case .ignored:
                continue
            }
        }
        if hasKept, let attributes {
            // Second pass over the (short) attribute list: keep what this element needs as strings.
            var pair = 0
            while let name = attributes[pair], pair < 2048 {
                let value = attributes[pair + 1]
                pair += 2
                guard case .kept(let key) = SAXTreeBuilder.attributeNames.value(name) ?? .ignored,
                      SAXTreeBuilder.keeps(key, tag: tag, hasItemprop: hasItemprop), let value else { continue }
                tree.attributes.append(DOMAttribute(key: key, value: String(cString: value)))
            }
        }
        let attributeCount = UInt16(clamping: tree.attributes.count - Int(attributeStart))
        tree.nodes.append(DOMNode(
            tag: tag, flags: flags, weight: Int8(clamping: weight), classHash: classHash, parent: parent, end: index + 1,
            textStart: 0, textLength: 0, attributeStart: attributeStart, attributeCount: attributeCount))
        return index
    }

    private static func declaresJSONLD(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard let attributes else { return false }
        var isJSONLD = false
        var pair = 0
        while let name = attributes[pair], pair < 2048 {
            let value = attributes[pair + 1]
            pair += 2
            if case .kept(.type) = attributeNames.value(name) ?? .ignored, let value {
                isJSONLD = String(cString: value).lowercased().contains("ld+json")
            }
        }
        return isJSONLD
    }

    /// The attribute names the builder reads.
    enum AttributeName: Sendable {
        case classList, id, role, style, hidden, ariaHidden, kept(AttributeKey), ignored
    }

    private static let attributeNames = NameTable<AttributeName>([
        ("class", .classList), ("id", .id), ("role", .role), ("style", .style), ("hidden", .hidden),
        ("aria-hidden", .ariaHidden), ("name", .kept(.name)), ("property", .kept(.property)),
        ("content", .kept(.content)), ("http-equiv", .kept(.httpEquiv)), ("rel", .kept(.rel)),
        ("href", .kept(.href)), ("lang", .kept(.lang)), ("xml:lang", .kept(.lang)), ("datetime", .kept(.datetime)),
        ("itemprop", .kept(.itemprop)), ("type", .kept(.type)), ("charset", .kept(.charset)),
    ])

    /// Which kept attributes an element of this kind stores (the rest are only used for cues).
    private static func keeps(_ key: AttributeKey, tag: HTMLTag, hasItemprop: Bool) -> Bool {
        switch tag {
        case .meta: return key != .href && key != .datetime
        case .link: return key == .rel || key == .href || key == .type || key == .itemprop
        case .html: return key == .lang
        case .time: return key == .datetime || key == .itemprop
        case .a: return key == .rel || key == .itemprop || (hasItemprop && key == .href)
        default: return key == .itemprop || (hasItemprop && (key == .content || key == .datetime))
        }
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
