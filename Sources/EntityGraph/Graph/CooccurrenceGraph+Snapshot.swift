#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CooccurrenceGraph {
    /// Normalised PMI of two entities from article counts: with p(x) = x/N and p(xy) = xy/N,
    /// `log(p(xy) / (p(x) p(y))) / -log(p(xy))`; 1 when both occur in every article (p(xy) = 1),
    /// -1 when they never co-occur.
    public static func npmi(pairArticles: Int, articlesX: Int, articlesY: Int, total: Int) -> Double {
        guard total > 0, pairArticles > 0, articlesX > 0, articlesY > 0 else { return -1 }
        let n = Double(total)
        let pxy = Double(pairArticles) / n
        if pairArticles >= total { return 1 }
        let px = Double(articlesX) / n, py = Double(articlesY) / n
        let value = log(pxy / (px * py)) / -log(pxy)
        return min(1, max(-1, value))
    }

    /// The graph resolved for output, after `filter`; nodes by id, edges by endpoint ids.
    public func snapshot(_ filter: GraphFilter = GraphFilter()) -> GraphSnapshot {
        let minArticles = max(1, filter.minArticles)
        var keep = [Bool](repeating: false, count: ids.count)
        var resolvedType = [String](repeating: "", count: ids.count)
        for index in ids.indices {
            let tally = tallies[index]
            let type = tally.types.best ?? ""
            resolvedType[index] = type
            keep[index] = tally.articles >= minArticles && (filter.types.map { $0.contains(type) } ?? true)
        }
        var edgeKeys: [(UInt32, UInt32, Int)] = []
        for (key, count) in pairCounts where count >= minArticles {
            let (a, b) = Self.pairIndexes(key)
            if keep[Int(a)] && keep[Int(b)] { edgeKeys.append((a, b, count)) }
        }
        if let top = filter.top {
            var degree = [Int](repeating: 0, count: ids.count)
            var strength = [Int](repeating: 0, count: ids.count)
            for (a, b, count) in edgeKeys {
                degree[Int(a)] += 1; degree[Int(b)] += 1
                strength[Int(a)] += count; strength[Int(b)] += count
            }
            let ranked = ids.indices.filter { keep[$0] }.sorted { x, y in
                if degree[x] != degree[y] { return degree[x] > degree[y] }
                if strength[x] != strength[y] { return strength[x] > strength[y] }
                if tallies[x].articles != tallies[y].articles { return tallies[x].articles > tallies[y].articles }
                return ids[x].utf8Precedes(ids[y])
            }
            keep = [Bool](repeating: false, count: ids.count)
            for index in ranked.prefix(max(0, top)) { keep[index] = true }
            edgeKeys.removeAll { !keep[Int($0.0)] || !keep[Int($0.1)] }
        }

        // Order node indexes by id once; nodes and edges then sort by integer rank.
        let order = ids.indices.filter { keep[$0] }.sorted { ids[$0].utf8Precedes(ids[$1]) }
        var rank = [Int](repeating: -1, count: ids.count)
        for (position, index) in order.enumerated() { rank[index] = position }

        var nodes: [GraphSnapshot.Node] = []
        nodes.reserveCapacity(order.count)
        for index in order {
            let tally = tallies[index]
            nodes.append(GraphSnapshot.Node(
                id: ids[index], type: resolvedType[index], name: tally.names.best ?? ids[index],
                wikidata: tally.wikidata.best, articles: tally.articles, mentions: tally.mentions,
                typeCounts: tally.types, nameCounts: tally.names, wikidataCounts: tally.wikidata,
                coordinates: tally.coordinates, country: tally.country
            ))
        }

        var ranked: [(first: Int, second: Int, a: UInt32, b: UInt32, count: Int)] = edgeKeys.map { a, b, count in
            let ra = rank[Int(a)], rb = rank[Int(b)]
            return ra < rb ? (ra, rb, a, b, count) : (rb, ra, b, a, count)
        }
        ranked.sort { $0.first != $1.first ? $0.first < $1.first : $0.second < $1.second }
        var edges: [GraphSnapshot.Edge] = []
        edges.reserveCapacity(ranked.count)
        for edge in ranked {
            let value = Self.npmi(
                pairArticles: edge.count, articlesX: tallies[Int(edge.a)].articles,
                articlesY: tallies[Int(edge.b)].articles, total: articleCount
            )
            edges.append(GraphSnapshot.Edge(source: ids[Int(edge.a)], target: ids[Int(edge.b)], articles: edge.count, npmi: value))
        }
        let pruned = includesPrunedInput || nodes.count < ids.count || edges.count < pairCounts.count
        return GraphSnapshot(articleCount: articleCount, nodes: nodes, edges: edges, isPruned: pruned)
    }
}
