import EntityGraph
import Foundation
import GazetteCore
import Testing

@Suite struct GeoJSONExporterTests {
    /// Tag lines as `gazette tag` writes them, with coordinates for the places.
    private static let lines = [
        #"{"id":"a","entities":[{"id":"Q1899","type":"Place","name":"Kyiv","wikidata":"Q1899","country":"UA","coordinates":[50.45,30.5236],"salience":0.8,"mentions":[{"start":0,"end":4,"surface":"Kyiv"}]},{"id":"Q7184","type":"Organization","name":"NATO","wikidata":"Q7184","salience":0.5,"mentions":[{"start":9,"end":13,"surface":"NATO"},{"start":20,"end":24,"surface":"NATO"}]}],"topics":[],"error":null}"#,
        #"{"id":"b","entities":[{"id":"Q1899","type":"Place","name":"Kyiv","wikidata":"Q1899","country":"UA","coordinates":[50.45,30.5236],"salience":0.6,"mentions":[{"start":0,"end":4,"surface":"Kyiv"}]},{"id":"geonames:1","type":"Place","name":"Port \"Solace\"","coordinates":[-33.8123,151.2051],"salience":0.4,"mentions":[{"start":8,"end":19,"surface":"Port Solace"}]},{"id":"new:place:nowhere","type":"Place","name":"Nowhere","salience":0.1,"mentions":[]}],"topics":[],"error":null}"#,
    ]

    private func graph() throws -> GraphSnapshot {
        var graph = CooccurrenceGraph()
        for line in Self.lines {
            graph.add(try JSONDecoder().decode(TaggedArticle.self, from: Data(line.utf8)))
        }
        return graph.snapshot(GraphFilter())
    }

    @Test func placesWithCoordinatesBecomePointsWithTheirCounts() throws {
        let text = GeoJSONExporter.export(try graph())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["type"] as? String == "FeatureCollection")
        let features = try #require(document["features"] as? [[String: Any]])
        // Kyiv and Port Solace; NATO (no point) and Nowhere (no coordinates) are left out.
        #expect(features.count == 2)
        let kyiv = try #require(features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "Q1899" })
        let geometry = try #require(kyiv["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
        #expect(geometry["coordinates"] as? [Double] == [30.5236, 50.45])   // longitude first
        let properties = try #require(kyiv["properties"] as? [String: Any])
        #expect(properties["articles"] as? Int == 2 && properties["mentions"] as? Int == 2 && properties["country"] as? String == "UA")
        #expect(properties["degree"] as? Int == 3 && properties["wikidata"] as? String == "Q1899")
        let port = try #require(features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "geonames:1" })
        #expect((port["properties"] as? [String: Any])?["name"] as? String == "Port \"Solace\"")
    }

    @Test func aGraphWithoutPointsIsAnEmptyCollection() {
        let text = GeoJSONExporter.export(CooccurrenceGraph().snapshot(GraphFilter()))
        #expect(text == "{\"type\":\"FeatureCollection\",\"features\":[\n]}\n")
    }
}
