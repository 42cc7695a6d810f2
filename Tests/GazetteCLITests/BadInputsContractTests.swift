import Foundation
import Testing

/// `Tests/Fixtures/bad-inputs/expected.tsv` is the contract of the broken-input fixture: for every
/// output record, its id, whether it was tagged or became an error, the error code, and the entities
/// its note names. This suite holds `gazette tag` to each row.
@Suite("bad inputs: expected.tsv", .serialized)
struct BadInputsContractTests {
    struct Row {
        var file: String
        var id: String
        var outcome: String
        var code: String
        var note: String

        /// The entities the note lists after `entities` (up to the next `;`): nil when it lists
        /// none, `[]` when it says `entities []` (the record must have none).
        var entities: [String]? {
            guard let range = note.range(of: "entities ") else { return nil }
            let rest = note[range.upperBound...].prefix { $0 != ";" }
            if rest.hasPrefix("[]") { return [] }
            return rest.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    static let directory = GazetteBinary.packageRoot.appendingPathComponent("Tests/Fixtures/bad-inputs")

    static func rows() throws -> [Row] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var rows: [Row] = []
        for line in text.split(separator: "\n").dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 5, "expected.tsv rows have 5 columns: \(line)")
            rows.append(Row(file: fields[0], id: fields[1], outcome: fields[2], code: fields[3], note: fields[4]))
        }
        return rows
    }

    @Test func everyRecordMatchesItsRow() throws {
        let rows = try Self.rows()
        let run = try GazetteBinary().run(["tag", Self.directory.path, "--quiet"])
        #expect(run.status == 1, "error records give exit status 1")
        let records = try run.records()
        #expect(records.count == rows.count, "one row of expected.tsv per output record")
        // Records with the same id (a duplicate id) are matched in order.
        var recordsByID: [String: [[String: Any]]] = [:]
        for record in records { recordsByID[record["id"] as? String ?? "", default: []].append(record) }
        for row in rows {
            guard var matches = recordsByID[row.id], !matches.isEmpty else {
                Issue.record("no output record with id '\(row.id)' (\(row.file))")
                continue
            }
            let record = matches.removeFirst()
            recordsByID[row.id] = matches
            let error = record["error"] as? [String: Any]
            switch row.outcome {
            case "tagged":
                #expect(error == nil, "\(row.id) should be tagged, got \(error ?? [:])")
                // A listed name is an entity's canonical name or the surface of one of its mentions.
                let entities = record["entities"] as? [[String: Any]] ?? []
                var names = Set(entities.compactMap { $0["name"] as? String })
                for entity in entities {
                    for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                        if let surface = mention["surface"] as? String { names.insert(surface) }
                    }
                }
                if let expected = row.entities {
                    if expected.isEmpty { #expect(entities.isEmpty, "\(row.id) should have no entities, has \(names.sorted())") }
                    for name in expected {
                        #expect(names.contains(name), "\(row.id): entity '\(name)' missing; found \(names.sorted())")
                    }
                }
            case "error":
                #expect(error?["code"] as? String == row.code, "\(row.id): expected \(row.code), got \(error ?? [:])")
            default:
                Issue.record("unknown outcome '\(row.outcome)' in expected.tsv")
            }
        }
    }
}
