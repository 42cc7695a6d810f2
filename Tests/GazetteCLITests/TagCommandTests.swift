import Foundation
import Testing

/// End-to-end tests of `gazette tag`: they run the built binary.
@Suite("gazette tag end to end", .serialized)
struct TagCommandTests {
    static let contractKeys = ["id", "url", "title", "published", "language", "entities", "topics", "error"]
    static let optionalKeys: Set<String> = ["authors", "site", "description", "page_type", "text"]

    /// Top-level keys of a JSON object line, in the order they are written.
    static func keyOrder(_ line: String) -> [String] {
        var keys: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var current = ""
        var expectingKey = false
        for character in line {
            if inString {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" {
                    inString = false
                    if expectingKey && depth == 1 { keys.append(current) }
                    expectingKey = false
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; expectingKey = character == "{" && depth == 1
            case "}", "]": depth -= 1
            case ",": expectingKey = depth == 1
            default: break
            }
        }
        return keys
    }

    @discardableResult
    static func checkContract(_ run: GazetteBinary.Run) throws -> [[String: Any]] {
        let records = try run.records()
        for (record, line) in zip(records, run.lines) {
            let keys = keyOrder(line).filter { !optionalKeys.contains($0) }
            #expect(keys == contractKeys, "keys of \(line.prefix(120))")
            #expect(record["id"] is String)
            #expect(record["entities"] is [Any])
            #expect(record["topics"] is [Any])
        }
        return records
    }

    /// Records a directory should give: one per .html/.htm/.txt file, one per non-blank JSONL line.
    static func expectedRecordCount(in directory: URL) throws -> Int {
        var count = 0
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let file = walker?.nextObject() as? URL {
            if file.lastPathComponent.hasPrefix(".") { continue }
            switch file.pathExtension.lowercased() {
            case "html", "htm", "txt": count += 1
            case "jsonl":
                // Bytes, not Characters: "\r\n" is one Character in Swift.
                let bytes = [UInt8](try Data(contentsOf: file))
                count += bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
                    .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }.count
            default: break
            }
        }
        return count
    }

    @Test func samplesGiveOneValidRecordEach() throws {
        let samples = GazetteBinary.packageRoot.appendingPathComponent("samples")
        try #require(FileManager.default.fileExists(atPath: samples.path), "samples/ is part of the repository")
        let run = try GazetteBinary().run(["tag", "samples", "--jobs", "2"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let records = try Self.checkContract(run)
        #expect(records.count == (try Self.expectedRecordCount(in: samples)))
        #expect(run.stderr.contains("records"))
        let ids = records.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count, "sample ids are unique")
    }

    @Test func badInputsGiveOneRecordPerInputAndExitOne() throws {
        let directory = GazetteBinary.packageRoot.appendingPathComponent("Tests/Fixtures/bad-inputs")
        try #require(FileManager.default.fileExists(atPath: directory.path), "Tests/Fixtures/bad-inputs is part of the repository")
        let run = try GazetteBinary().run(["tag", directory.path, "--quiet"])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        let records = try Self.checkContract(run)
        #expect(records.count == (try Self.expectedRecordCount(in: directory)))
        let errors = records.filter { !($0["error"] is NSNull) }
        #expect(!errors.isEmpty)
        for error in errors {
            let body = try #require(error["error"] as? [String: Any])
            #expect(body["code"] is String)
            #expect((body["message"] as? String)?.isEmpty == false)
        }
        #expect(run.stderr.isEmpty, "--quiet prints nothing: \(run.stderr)")
        // The JSONL reader's part of the fixture contract (Tests/Fixtures/bad-inputs/README.md).
        let jsonl = records.filter { record in
            guard let id = record["id"] as? String else { return false }
            return ["a", "c", "d", "e"].contains(id) || id.hasPrefix("broken.jsonl:")
        }
        let codes = jsonl.map { ($0["error"] as? [String: Any])?["code"] as? String ?? "-" }
        #expect(jsonl.compactMap { $0["id"] as? String } == ["a", "broken.jsonl:2", "broken.jsonl:3", "c", "broken.jsonl:5", "a", "d", "broken.jsonl:10", "e"])
        #expect(codes == ["-", "invalid_json", "invalid_record", "invalid_record", "invalid_record", "duplicate_id", "invalid_record", "invalid_record", "-"])
    }

    @Test func threeHundredStdinRecordsComeOutInOrder() throws {
        var input = ""
        for i in 0..<300 {
            let body = i % 2 == 0
                ? #""text":"Report \#(i): NATO ministers met in Brussels while Vladimir Putin spoke in Moscow.""#
                : #""html":"<html><head><title>Story \#(i)</title></head><body><p>Kyiv, Warsaw and Berlin: item \#(i).</p></body></html>""#
            input += #"{"id":"s\#(i)",\#(body)}"# + "\n"
        }
        let run = try GazetteBinary().run(["tag", "--jobs", "2", "--quiet"], stdin: Data(input.utf8))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let records = try Self.checkContract(run)
        #expect(records.compactMap { $0["id"] as? String } == (0..<300).map { "s\($0)" })
    }

    @Test func usageErrorsExitTwo() throws {
        let binary = try GazetteBinary()
        let missing = try binary.run(["tag", "no/such/input.html"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/input.html"))
        #expect(missing.stdout.isEmpty)
        #expect(try binary.run(["tag", "--jobs", "0", "samples"]).status == 2)
        #expect(try binary.run(["tag", "--no-such-flag"]).status == 2)
    }

    @Test func outputFileAndIncludeText() throws {
        let scratch = try ScratchDirectory()
        let input = #"{"id":"t1","text":"Emmanuel Macron visited Dakar."}"# + "\n"
        let output = scratch.path("out.jsonl")
        let run = try GazetteBinary().run(["tag", "-", "-o", output, "--include-text", "--quiet"], stdin: Data(input.utf8))
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let line = try String(contentsOfFile: output, encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["text"] as? String == "Emmanuel Macron visited Dakar.")
    }
}
