/// Chooses the body among the extraction paths: the main extractor, the paragraph-cluster fallback,
/// and the `articleBody` of the page's JSON-LD.
///
/// The rule, in order:
/// 1. The main extractor's text stands when it is at least ``minimumPlausible`` characters.
/// 2. Otherwise the paragraph-cluster fallback runs. Its text replaces the main text when the main
///    text is empty or under ``minimumSure`` characters and the fallback found more; or when the main
///    text is under ``shortShare`` of the fallback's, and the fallback's cluster is a narrower part
///    of the page than the whole body that contains the main content or lies inside it (a cluster
///    elsewhere on the page is usually comments or teasers that the main extractor rightly left out).
/// 3. A JSON-LD `articleBody` replaces whatever won when it is at least twice as long and at least
///    ``structuredMinimum`` characters (pages that render their story with scripts).
/// 4. When every path is empty the body is empty: the page has no text shaped like prose.
struct ExtractionChoice {
    /// Which path supplied the body.
    enum Path: String, Sendable {
        case main = "main extractor"
        case paragraphClusters = "paragraph clusters"
        case structuredData = "JSON-LD articleBody"
        case none = "none"
    }

    /// Where the fallback's cluster lies relative to the main extractor's content.
    enum Relation: String, Sendable {
        /// The cluster holds the main content (the main extractor chose too narrow a part).
        case contains = "holds the main content"
        /// The cluster lies inside the main content (the main extractor dropped too much of it).
        case inside = "lies inside the main content"
        /// The cluster is the whole body: no part of the page stands out.
        case wholePage = "is the whole page"
        /// The cluster and the main content do not overlap.
        case disjoint = "lies elsewhere on the page"

        /// The relation of element `cluster` to the main extractor's `roots` in `tree`.
        init(cluster: Int, roots: [Int], in tree: DOMTree) {
            let clusterEnd = Int(tree.nodes[cluster].end)
            if tree.nodes[cluster].tag == .body || roots.contains(where: { tree.nodes[$0].tag == .body && $0 == cluster }) {
                self = .wholePage
            } else if roots.contains(where: { cluster <= $0 && $0 < clusterEnd }) {
                self = .contains
            } else if roots.contains(where: { $0 <= cluster && cluster < Int(tree.nodes[$0].end) }) {
                self = .inside
            } else {
                self = .disjoint
            }
        }
    }

    /// The winning path.
    var path: Path
    /// The body's blocks.
    var blocks: [TextBlock]
    /// Why, in words (for `gazette clean --explain`).
    var reason: String

    /// Main text at least this long is plausible on its own, whatever the fallback found.
    static let minimumPlausible = 1500
    /// Main text under this many characters gives way to any longer fallback text.
    static let minimumSure = 200
    /// Main text under this share of the fallback's text is implausibly short.
    static let shortShare = 0.33
    /// Smallest JSON-LD body that replaces the extracted one.
    static let structuredMinimum = 500

    /// Applies the rule. `fallback` runs only when the main text is not plausible on its own; it
    /// returns its blocks and where its cluster lies.
    static func choose(main: [TextBlock], structured: [String], fallback: () -> ([TextBlock], Relation)) -> ExtractionChoice {
        let mainChars = characters(main)
        var choice: ExtractionChoice
        if mainChars >= minimumPlausible {
            choice = ExtractionChoice(path: .main, blocks: main, reason: "the main extractor found \(mainChars) characters")
        } else {
            let (second, relation) = fallback()
            let secondChars = characters(second)
            let overlapping = relation == .contains || relation == .inside
            if secondChars > mainChars && mainChars < minimumSure {
                let why = mainChars == 0 ? "the main extractor found nothing" : "the main extractor found only \(mainChars) characters"
                choice = ExtractionChoice(path: .paragraphClusters, blocks: second, reason: "\(why), the paragraph clusters \(secondChars)")
            } else if Double(mainChars) < shortShare * Double(secondChars) && overlapping {
                choice = ExtractionChoice(
                    path: .paragraphClusters, blocks: second,
                    reason: "the main extractor's \(mainChars) characters are under \(Int(shortShare * 100)) % of the paragraph clusters' \(secondChars), whose cluster \(relation.rawValue)")
            } else if mainChars > 0 {
                choice = ExtractionChoice(path: .main, blocks: main, reason: "the main extractor found \(mainChars) characters; the paragraph clusters \(secondChars), whose cluster \(relation.rawValue)")
            } else {
                choice = ExtractionChoice(path: .none, blocks: [], reason: "no path found text shaped like prose")
            }
        }
        let chosenChars = characters(choice.blocks)
        let structuredChars = characters(structured.map { TextBlock(text: $0, kind: .paragraph) })
        if structuredChars >= structuredMinimum && structuredChars > 2 * chosenChars {
            choice = ExtractionChoice(
                path: .structuredData, blocks: structured.map { TextBlock(text: $0, kind: .paragraph) },
                reason: "the page's JSON-LD articleBody (\(structuredChars) characters) is more than twice the \(chosenChars) extracted (\(choice.path.rawValue))")
        }
        return choice
    }

    private static func characters(_ blocks: [TextBlock]) -> Int {
        blocks.reduce(0) { $0 + $1.characterCount }
    }
}
