import GazetteCore

/// Writes the entities that have coordinates (places, as the lists give them) as a GeoJSON
/// FeatureCollection (RFC 7946): one Point feature a line, `[longitude, latitude]`.
///
/// Feature properties: `id`, `name`, `type`, `wikidata` and `country` (when known), `articles`
/// (articles naming the entity), `mentions`, and `degree` (how many other entities it shares
/// articles with). Edges have no place on a map and are left out; entities without coordinates
/// too (they are counted in the command's summary line).
public enum GeoJSONExporter {
    /// The GeoJSON document.
    public static func export(_ graph: GraphSnapshot) -> String {
        var degree: [String: Int] = [:]
        for edge in graph.edges {
            degree[edge.source, default: 0] += 1
            degree[edge.target, default: 0] += 1
        }
        var out = "{\"type\":\"FeatureCollection\",\"features\":["
        var first = true
        for node in graph.nodes {
            guard let point = node.coordinates else { continue }
            var json = JSONWriter()
            json.beginObject()
            json.key("type"); json.string("Feature")
            json.key("geometry"); json.beginObject()
            json.key("type"); json.string("Point")
            json.key("coordinates"); json.beginArray()
            json.number(point.longitude, digits: 6); json.number(point.latitude, digits: 6)
            json.endArray()
            json.endObject()
            json.key("properties"); json.beginObject()
            json.key("id"); json.string(node.id)
            json.key("name"); json.string(node.name)
            json.key("type"); json.string(node.type)
            if let wikidata = node.wikidata { json.key("wikidata"); json.string(wikidata) }
            if let country = node.country { json.key("country"); json.string(country) }
            json.key("articles"); json.int(node.articles)
            json.key("mentions"); json.int(node.mentions)
            json.key("degree"); json.int(degree[node.id, default: 0])
            json.endObject()
            json.endObject()
            out += (first ? "\n" : ",\n") + json.output
            first = false
        }
        out += "\n]}\n"
        return out
    }
}
