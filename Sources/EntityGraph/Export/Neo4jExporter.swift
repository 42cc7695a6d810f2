import GazetteCore

/// Writes a graph as the two CSV files `neo4j-admin database import full` reads:
/// `nodes.csv` (`entityId:ID,name,type,wikidata,articles:int,mentions:int,:LABEL`, labels
/// `Entity;<Type>`) and `relationships.csv` (`:START_ID,:END_ID,articles:int,npmi:float,:TYPE`,
/// type `CO_OCCURS_WITH`).
///
/// Import with `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv <db>`.
/// Line breaks inside names become spaces, so every record is one line.
public enum Neo4jExporter {
    /// File name of the nodes file.
    public static let nodesFile = "nodes.csv"
    /// File name of the relationships file.
    public static let relationshipsFile = "relationships.csv"
    /// The relationship type written.
    public static let relationshipType = "CO_OCCURS_WITH"

    /// The files to write, by name.
    public static func export(_ graph: GraphSnapshot) -> [(name: String, contents: String)] {
        var nodes = "entityId:ID,name,type,wikidata,articles:int,mentions:int,:LABEL\n"
        for node in graph.nodes {
            let label = labelName(node.type)
            let fields = [
                MarkupEscaping.csv(node.id, flattenLines: true),
                MarkupEscaping.csv(node.name, flattenLines: true),
                MarkupEscaping.csv(node.type, flattenLines: true),
                MarkupEscaping.csv(node.wikidata ?? "", flattenLines: true),
                String(node.articles),
                String(node.mentions),
                MarkupEscaping.csv(label.isEmpty ? "Entity" : "Entity;\(label)", flattenLines: true),
            ]
            nodes += fields.joined(separator: ",") + "\n"
        }
        var relationships = ":START_ID,:END_ID,articles:int,npmi:float,:TYPE\n"
        for edge in graph.edges {
            let fields = [
                MarkupEscaping.csv(edge.source, flattenLines: true),
                MarkupEscaping.csv(edge.target, flattenLines: true),
                String(edge.articles),
                JSONWriter.format(edge.npmi, digits: 6),
                relationshipType,
            ]
            relationships += fields.joined(separator: ",") + "\n"
        }
        return [(nodesFile, nodes), (relationshipsFile, relationships)]
    }

    /// A type name usable as a Neo4j label: letters, digits and `_` only.
    static func labelName(_ type: String) -> String {
        String(type.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
            .map(Character.init))
    }
}
