@_spi(GazetteInternal) import GazetteCore

/// Reads what `class`, `id` and `role` values say about an element, from generic web vocabulary
/// (`article-body`, `relatedStories`, `cookie-banner`), never from one site's names.
///
/// Values are split into lowercase words at punctuation, digits and camelCase humps; a value seen
/// before in the same page is answered from a cache keyed by its hash.
struct ClassCues {
    /// What one attribute value says.
    struct Cue: Sendable, Equatable {
        /// Positive for content words, negative for furniture words.
        var weight: Int8 = 0
        /// Flags the words imply.
        var flags: NodeFlags = []
    }

    private var cache: [UInt64: Cue] = [:]

    /// Creates an empty per-page cache.
    init() {}

    /// The cue of a NUL-terminated attribute value.
    mutating func cue(of value: UnsafePointer<UInt8>) -> Cue {
        var hash = StableHash.fnvOffset
        var length = 0
        while value[length] != 0 && length < 4096 {
            hash = StableHash.fnv1a(hash, value[length])
            length += 1
        }
        if let known = cache[hash] { return known }
        let cue = ClassCues.analyse(UnsafeBufferPointer(start: value, count: length))
        cache[hash] = cue
        return cue
    }

    /// The cue of a value given as bytes (one pass, no allocation: words are hashed as they are read).
    static func analyse(_ value: UnsafeBufferPointer<UInt8>) -> Cue {
        var state = Analysis()
        var hash: UInt64 = offsetBasis
        var wordStart = -1
        var previousWasLower = false
        var index = 0
        func endWord(_ end: Int) {
            if wordStart >= 0 {
                state.add(hash: hash, word: UnsafeBufferPointer(rebasing: value[wordStart..<end]))
                wordStart = -1
                hash = offsetBasis
            }
        }
        while index < value.count {
            let byte = value[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                if wordStart < 0 { wordStart = index }
                hash = StableHash.fnv1a(hash, byte)
                previousWasLower = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousWasLower { endWord(index) }
                if wordStart < 0 { wordStart = index }
                hash = StableHash.fnv1a(hash, byte | 0x20)
                previousWasLower = false
            default:
                endWord(index)
                previousWasLower = false
            }
            if state.words > 64 { break }
            index += 1
        }
        endWord(min(index, value.count))
        return state.finish()
    }

    /// The cue of a list of lowercase words.
    static func analyse(words: [String]) -> Cue {
        var state = Analysis()
        for word in words {
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { state.add(hash: hash(bytes), word: $0) }
        }
        return state.finish()
    }

    /// Word-by-word classification on byte hashes (no strings are built).
    private struct Analysis {
        var cue = Cue()
        var positive = false, negative = false, embed = false
        var previousHash: UInt64 = 0
        var words = 0

        mutating func add(hash: UInt64, word: UnsafeBufferPointer<UInt8>) {
            words += 1
            if previousHash != 0, let kind = ClassCues.bigramTable[ClassCues.combine(previousHash, hash)] { apply(kind) }
            previousHash = hash
            if hash == ClassCues.embedHash || hash == ClassCues.embeddedHash { embed = true }
            if let kind = ClassCues.wordTable[hash] ?? ClassCues.compoundKind(word) { apply(kind) }
        }

        mutating func apply(_ kind: Kind) {
            switch kind {
            case .content: positive = true; cue.flags.insert(.contentCue)
            case .furniture: negative = true; cue.flags.insert(.furniture)
            case .hidden: cue.flags.insert(.furniture)
            case .metaLine: negative = true; cue.flags.insert(.metaLine)
            case .weakNegative: negative = true
            }
        }

        mutating func finish() -> Cue {
            // An embedded post (`social-embed`) is quoted content, not a share widget.
            if embed {
                cue.flags.remove(.furniture)
                negative = false
            }
            if negative { cue.weight = -25 } else if positive { cue.weight = 25 }
            return cue
        }
    }

    private static let offsetBasis = StableHash.fnvOffset

    static func hash(_ word: [UInt8]) -> UInt64 { StableHash.fnv1a(word) }

    static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* StableHash.golden) ^ second
    }

    private static let embedHash = hash(Array("embed".utf8))
    private static let embeddedHash = hash(Array("embedded".utf8))
    private static let wordTable: [UInt64: Kind] = {
        var table: [UInt64: Kind] = [:]
        for (word, kind) in vocabulary { table[hash(Array(word.utf8))] = kind }
        return table
    }()
    private static let bigramTable: [UInt64: Kind] = {
        var table: [UInt64: Kind] = [:]
        for (pair, kind) in bigrams {
            let parts = pair.split(separator: " ").map { hash(Array($0.utf8)) }
            table[combine(parts[0], parts[1])] = kind
        }
        return table
    }()

    private enum Kind {
        case content, furniture, hidden, metaLine, weakNegative
    }

    /// Words glued into one (`relatedarticles`, `socialshare`, `newsletterbox`).
    private static func compoundKind(_ word: UnsafeBufferPointer<UInt8>) -> Kind? {
        guard word.count > 6 else { return nil }
        // Compound words are lowercase runs (camelCase humps were split already), except a leading capital.
        func matches(_ pattern: [UInt8], at start: Int) -> Bool {
            guard start >= 0, start + pattern.count <= word.count else { return false }
            for offset in 0..<pattern.count where word[start + offset] | 0x20 != pattern[offset] { return false }
            return true
        }
        for prefix in furniturePrefixes where matches(prefix, at: 0) { return .furniture }
        for suffix in furnitureSuffixes where word.count > suffix.count && matches(suffix, at: word.count - suffix.count) { return .furniture }
        for prefix in contentPrefixes where matches(prefix, at: 0) { return .content }
        return nil
    }

    private static let furniturePrefixes: [[UInt8]] = [
        "comment", "related", "share", "social", "newsletter", "cookie", "advert", "sponsor", "recommend",
        "promo", "subscri", "breadcrumb", "sidebar", "footer", "navbar", "navigation", "consent", "popup",
        "trending", "mostread", "mostpopular", "outbrain", "taboola", "paywall", "signup", "byline",
    ].map { Array($0.utf8) }
    private static let furnitureSuffixes: [[UInt8]] = ["sidebar", "comments", "share", "sharing", "footer", "banner", "newsletter", "widget", "promo", "ads"].map { Array($0.utf8) }
    private static let contentPrefixes: [[UInt8]] = ["articlebody", "storybody", "postbody", "entrycontent", "articletext", "storytext", "maincontent", "postcontent", "articlecontent"].map { Array($0.utf8) }

    private static let bigrams: [String: Kind] = [
        "sr only": .hidden, "screen reader": .hidden, "visually hidden": .hidden, "element invisible": .hidden,
        "most read": .furniture, "most popular": .furniture, "most viewed": .furniture, "most shared": .furniture,
        "more stories": .furniture, "more news": .furniture, "more from": .furniture, "read next": .furniture,
        "up next": .furniture, "also read": .furniture, "you may": .furniture, "you might": .furniture,
        "top stories": .furniture, "app banner": .furniture, "app promo": .furniture, "get app": .furniture, "download app": .furniture,
        "app download": .furniture, "app install": .furniture, "smart banner": .furniture, "app store": .furniture,
        "skip link": .furniture, "read more": .weakNegative, "see also": .furniture,
        "image credit": .metaLine, "photo credit": .metaLine, "published date": .metaLine,
    ]

    private static let vocabulary: [String: Kind] = {
        var table: [String: Kind] = [:]
        for word in [
            "article", "articles", "articlebody", "body", "content", "contents", "entry", "main", "post", "story",
            "text", "blog", "prose", "hentry", "richtext", "copy", "paragraph", "paragraphs", "storybody", "maincontent",
        ] { table[word] = .content }
        for word in [
            "comment", "comments", "commentlist", "disqus", "discussion", "replies", "respond",
            "related", "relatedposts", "recommended", "recommendation", "recommendations", "recirc", "recirculation",
            "share", "shares", "sharing", "sharebar", "sharetools", "social", "socials", "follow", "followus",
            "promo", "promos", "promotion", "promoted", "sponsor", "sponsored", "sponsors", "partner", "partners",
            "advert", "adverts", "advertisement", "advertising", "ad", "ads", "adsense", "adslot", "adunit", "dfp",
            "banner", "banners", "cookie", "cookies", "consent", "gdpr", "privacy",
            "newsletter", "newsletters", "subscribe", "subscription", "subscriptions", "signup", "paywall", "donate", "donation",
            "popup", "modal", "overlay", "lightbox", "sidebar", "widget", "widgets", "footer", "masthead",
            "nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "pagination", "pager",
            "outbrain", "taboola", "trending", "popular", "mostread", "tags", "tagcloud", "keywords", "topics",
            "login", "signin", "register", "toolbar", "tools", "print", "rail", "teaser", "teasers",
            "bio", "disclaimer", "copyright", "rating", "ratings", "reactions", "feedback", "survey", "poll",
            "cta", "upsell", "download", "skip", "jump", "carousel", "slider", "ticker",
        ] { table[word] = .furniture }
        for word in ["hidden", "hide", "invisible", "offscreen", "sronly", "visuallyhidden"] {
            table[word] = .hidden
        }
        for word in [
            "byline", "bylines", "author", "authors", "dateline", "caption", "captions", "legend", "credit", "credits",
            "timestamp", "date", "published", "updated", "kicker", "eyebrow", "source",
        ] { table[word] = .metaLine }
        for word in [
            "meta", "info", "extra", "aside", "card", "cards", "thumbnail", "thumb", "icon", "btn", "button",
            "links", "utility", "utilities", "media", "gallery", "photo", "image", "img", "video", "player", "figure",
            "headline", "header", "label", "badge", "hero",
        ] { table[word] = .weakNegative }
        return table
    }()
}
