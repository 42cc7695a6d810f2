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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        while value[length] != 0 && length < 4096 {
            hash = (hash ^ UInt64(value[length])) &* 0x0000_0100_0000_01b3
            length += 1
        }
        if let known = cache[hash] { return known }
        let cue = ClassCues.analyse(UnsafeBufferPointer(start: value, count: length))
        cache[hash] = cue
        return cue
    }

    /// The cue of a value given as bytes.
    static func analyse(_ value: UnsafeBufferPointer<UInt8>) -> Cue {
        var words: [String] = []
        var word: [UInt8] = []
        var previousWasLower = false
        func flush() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
        }
        for byte in value {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                word.append(byte)
                previousWasLower = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousWasLower { flush() }
                word.append(byte | 0x20)
                previousWasLower = false
            default:
                flush()
                previousWasLower = false
            }
            if words.count > 64 { break }
        }
        flush()
        return analyse(words: words)
    }

    /// The cue of a list of lowercase words.
    static func analyse(words: [String]) -> Cue {
        var cue = Cue()
        var positive = false, negative = false
        for (index, word) in words.enumerated() {
            if index > 0, let kind = bigrams[words[index - 1] + " " + word] {
                apply(kind, to: &cue, positive: &positive, negative: &negative)
            }
            if let kind = vocabulary[word] ?? compoundKind(word) {
                apply(kind, to: &cue, positive: &positive, negative: &negative)
            }
        }
        if negative { cue.weight = -25 } else if positive { cue.weight = 25 }
        return cue
    }

    private enum Kind {
        case content, furniture, hidden, metaLine, weakNegative
    }

    private static func apply(_ kind: Kind, to cue: inout Cue, positive: inout Bool, negative: inout Bool) {
        switch kind {
        case .content: positive = true; cue.flags.insert(.contentCue)
        case .furniture: negative = true; cue.flags.insert(.furniture)
        case .hidden: cue.flags.insert(.furniture)
        case .metaLine: negative = true; cue.flags.insert(.metaLine)
        case .weakNegative: negative = true
        }
    }

    /// Words glued into one (`relatedarticles`, `socialshare`, `newsletterbox`).
    private static func compoundKind(_ word: String) -> Kind? {
        guard word.utf8.count > 6 else { return nil }
        for prefix in furniturePrefixes where word.hasPrefix(prefix) { return .furniture }
        for suffix in furnitureSuffixes where word.hasSuffix(suffix) { return .furniture }
        for prefix in contentPrefixes where word.hasPrefix(prefix) { return .content }
        return nil
    }

    private static let furniturePrefixes = [
        "comment", "related", "share", "social", "newsletter", "cookie", "advert", "sponsor", "recommend",
        "promo", "subscri", "breadcrumb", "sidebar", "footer", "navbar", "navigation", "consent", "popup",
        "trending", "mostread", "mostpopular", "outbrain", "taboola", "paywall", "signup", "byline",
    ]
    private static let furnitureSuffixes = ["sidebar", "comments", "share", "sharing", "footer", "banner", "newsletter", "widget", "promo", "ads"]
    private static let contentPrefixes = ["articlebody", "storybody", "postbody", "entrycontent", "articletext", "storytext", "maincontent", "postcontent", "articlecontent"]

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
            "byline", "bylines", "author", "authors", "dateline", "caption", "captions", "credit", "credits",
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
