import EntityGraph

/// Small tag records written for the tests: articles about a handful of well-known entities.
enum TagFixtures {
    typealias Entity = TaggedArticle.TaggedEntity

    static func person(_ id: String, _ name: String, salience: Double = 0.5, surfaces: [String] = []) -> Entity {
        entity(id, "Person", name, salience: salience, surfaces: surfaces)
    }

    static func place(_ id: String, _ name: String, salience: Double = 0.5, surfaces: [String] = []) -> Entity {
        entity(id, "Place", name, salience: salience, surfaces: surfaces)
    }

    static func organization(_ id: String, _ name: String, salience: Double = 0.5, surfaces: [String] = []) -> Entity {
        entity(id, "Organization", name, salience: salience, surfaces: surfaces)
    }

    static func entity(_ id: String, _ type: String, _ name: String, salience: Double, surfaces: [String]) -> Entity {
        let mentions = (surfaces.isEmpty ? [name] : surfaces).map { TaggedArticle.TaggedMention(surface: $0) }
        return Entity(id: id, type: type, name: name, wikidata: id.hasPrefix("Q") ? id : nil, salience: salience, mentions: mentions)
    }

    static let putin = person("Q7747", "Vladimir Putin", salience: 0.9, surfaces: ["Putin", "Vladimir Putin"])
    static let zelensky = person("Q3881270", "Volodymyr Zelensky", salience: 0.8, surfaces: ["Zelensky"])
    static let ukraine = place("Q212", "Ukraine", salience: 0.7)
    static let kyiv = place("Q1899", "Kyiv", salience: 0.4)
    static let nato = organization("Q7184", "NATO", salience: 0.6)
    static let un = organization("Q1065", "United Nations", salience: 0.3, surfaces: ["UN", "United Nations"])
    static let cast = [putin, zelensky, ukraine, kyiv, nato, un]

    /// A deterministic corpus of `count` articles, each with two to five of the cast.
    static func corpus(count: Int) -> [TaggedArticle] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { index in
            let size = 2 + next() % 4
            var chosen: [Entity] = []
            while chosen.count < size {
                let candidate = cast[next() % cast.count]
                if !chosen.contains(where: { $0.id == candidate.id }) { chosen.append(candidate) }
            }
            return TaggedArticle(id: "article-\(index)", url: "https://news.example/\(index)", title: "Story \(index)", entities: chosen)
        }
    }

    static func graph(_ articles: some Sequence<TaggedArticle>) -> CooccurrenceGraph {
        var graph = CooccurrenceGraph()
        for article in articles { graph.add(article) }
        return graph
    }
}
