/// One subject of a topic taxonomy: a stable code written as the topic `id` and a readable label.
public struct TopicCategory: Hashable, Sendable {
    /// Machine-readable id written to output, e.g. `medtop:15000000`.
    public var id: String
    /// Human-readable label written to output, e.g. `sport`.
    public var label: String

    /// Creates a category.
    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// The 17 top-level subjects of the IPTC Media Topics vocabulary, the codes news agencies file under.
///
/// Codes are QCodes (`medtop:NNNNNNNN`); ``uri(for:)`` gives the full concept URI.
public enum TopicTaxonomy {
    /// The QCode prefix of the IPTC Media Topics scheme.
    public static let scheme = "medtop"

    /// The 17 top-level IPTC Media Topics, in code order.
    public static let iptcTopLevel: [TopicCategory] = [
        TopicCategory(id: "medtop:01000000", label: "arts, culture, entertainment and media"),
        TopicCategory(id: "medtop:02000000", label: "crime, law and justice"),
        TopicCategory(id: "medtop:03000000", label: "disaster, accident and emergency incident"),
        TopicCategory(id: "medtop:04000000", label: "economy, business and finance"),
        TopicCategory(id: "medtop:05000000", label: "education"),
        TopicCategory(id: "medtop:06000000", label: "environment"),
        TopicCategory(id: "medtop:07000000", label: "health"),
        TopicCategory(id: "medtop:08000000", label: "human interest"),
        TopicCategory(id: "medtop:09000000", label: "labour"),
        TopicCategory(id: "medtop:10000000", label: "lifestyle and leisure"),
        TopicCategory(id: "medtop:11000000", label: "politics"),
        TopicCategory(id: "medtop:12000000", label: "religion"),
        TopicCategory(id: "medtop:13000000", label: "science and technology"),
        TopicCategory(id: "medtop:14000000", label: "society"),
        TopicCategory(id: "medtop:15000000", label: "sport"),
        TopicCategory(id: "medtop:16000000", label: "conflict, war and peace"),
        TopicCategory(id: "medtop:17000000", label: "weather"),
    ]

    /// The IPTC topic with `id`; accepts a full QCode (`medtop:15000000`) or the bare digits (`15000000`).
    public static func iptc(_ id: String) -> TopicCategory? {
        let code = id.hasPrefix("\(scheme):") ? id : "\(scheme):\(id)"
        return iptcTopLevel.first { $0.id == code }
    }

    /// The concept URI of an IPTC QCode (`http://cv.iptc.org/newscodes/mediatopic/15000000`), or `nil`
    /// for an id outside the scheme.
    public static func uri(for id: String) -> String? {
        guard id.hasPrefix("\(scheme):") else { return nil }
        return "http://cv.iptc.org/newscodes/mediatopic/" + id.dropFirst(scheme.count + 1)
    }

    /// The label to show for a model label: the IPTC label when `id` is an IPTC code, else `id` itself
    /// (user models use their own label as both id and label).
    public static func label(for id: String) -> String {
        iptc(id)?.label ?? id
    }
}
