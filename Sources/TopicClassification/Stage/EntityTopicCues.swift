public import GazetteCore
/// Topic evidence from the tagged entities: an article about athletes and clubs leans to sport, one
/// about armed forces and militant groups to conflict, one about courts to crime and justice.
///
/// Built from the gazetteer's entity subtypes (``subtypeCues``); the topic stage multiplies the odds
/// of a cued topic by `exp(min(cap, Σ weight × salience))` over the article's cued entities, then
/// renormalises. Cues only apply to topics the model has, so user models with their own labels are
/// unaffected.
///
/// The standard pipeline looks each entity's subtype up in the gazetteer when an article comes
/// (``init(subtype:)``): a table of every cued entity (45,000 of them) took a fifth of start-up.
public struct EntityTopicCues: Sendable {
    /// A topic an entity points to and how strongly.
    public struct Cue: Sendable, Hashable {
        /// Topic id, e.g. `medtop:15000000`.
        public var topic: String
        /// Log-odds added per unit of salience.
        public var weight: Double

        /// Creates a cue.
        public init(topic: String, weight: Double) {
            self.topic = topic
            self.weight = weight
        }
    }

    /// Gazetteer subtype → topic cue. Subtypes found in every kind of story (media outlets, companies,
    /// places, officials) give none.
    public static let subtypeCues: [String: Cue] = [
        "athlete": Cue(topic: "medtop:15000000", weight: 2.0),
        "club": Cue(topic: "medtop:15000000", weight: 2.0),
        "sports-body": Cue(topic: "medtop:15000000", weight: 2.0),
        "military": Cue(topic: "medtop:16000000", weight: 1.6),
        "militant": Cue(topic: "medtop:16000000", weight: 1.6),
        "court": Cue(topic: "medtop:02000000", weight: 1.2),
        "party": Cue(topic: "medtop:11000000", weight: 1.0),
        "politician": Cue(topic: "medtop:11000000", weight: 0.6),
        "ministry": Cue(topic: "medtop:11000000", weight: 0.6),
        "entertainer": Cue(topic: "medtop:01000000", weight: 1.2),
        "university": Cue(topic: "medtop:05000000", weight: 0.6),
        "religious": Cue(topic: "medtop:12000000", weight: 1.2),
    ]

    /// The most log-odds the entities can add to one topic.
    public var cap: Double = 1.5
    /// Cue per entity id, for the entities given to ``init(entities:)``.
    public var cues: [String: Cue]
    /// The subtype of an entity id (`nil` for an id it does not know), for ``init(subtype:)``.
    private let subtypeOf: (@Sendable (String) -> String?)?

    /// Creates cues for `(id, subtype)` pairs, keeping those whose subtype has a cue.
    public init(entities: [(id: String, subtype: String)]) {
        var cues: [String: Cue] = [:]
        for (id, subtype) in entities {
            if let cue = Self.subtypeCues[subtype] { cues[id] = cue }
        }
        self.cues = cues
        self.subtypeOf = nil
    }

    /// Creates cues that look the subtype of each tagged entity up when an article comes:
    /// `subtype` gives an entity id's gazetteer subtype, or `nil` for an id it does not know.
    public init(subtype: @escaping @Sendable (String) -> String?) {
        self.cues = [:]
        self.subtypeOf = subtype
    }

    /// The cue of an entity id, if its subtype has one.
    public func cue(for id: String) -> Cue? {
        if let cue = cues[id] { return cue }
        guard let subtypeOf, let subtype = subtypeOf(id) else { return nil }
        return Self.subtypeCues[subtype]
    }

    /// Log-odds to add per label (in `labels` order) for an article's entities.
    public func bonus(for entities: [Entity], labels: [String]) -> [Double] {
        var bonus = [Double](repeating: 0, count: labels.count)
        guard !entities.isEmpty, !cues.isEmpty || subtypeOf != nil else { return bonus }
        for entity in entities {
            guard let cue = cue(for: entity.id), let c = labels.firstIndex(of: cue.topic) else { continue }
            bonus[c] += cue.weight * max(0, min(1, entity.salience))
        }
        return bonus.map { min(cap, $0) }
    }
}
