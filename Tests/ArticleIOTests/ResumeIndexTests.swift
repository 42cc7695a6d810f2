import Foundation
import Testing
@testable import ArticleIO

@Suite("resume index")
struct ResumeIndexTests {
    @Test func cutsPartialLastLineAndCountsIDs() throws {
        let directory = try TemporaryDirectory()
        let complete = [
            #"{"id":"a","url":null,"entities":[],"topics":[],"error":null}"#,
            #"{"id":"b","url":null,"entities":[],"topics":[],"error":null}"#,
            #"{"id":"a","url":null,"entities":[],"topics":[],"error":{"code":"duplicate_id","message":"x"}}"#,
        ].joined(separator: "\n") + "\n"
        let path = try directory.write("out.jsonl", complete + #"{"id":"c","url":null,"enti"#)
        var index = try ResumeIndex.load(path: path)
        #expect(index.recordCount == 3)
        #expect(index.truncatedBytes > 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == complete)
        let answers = ["a", "c", "b", "a", "a", "b"].map { index.consume(id: $0) }
        #expect(answers == [true, false, true, true, false, false])
    }

    @Test func missingFileIsEmptyAndCleanFileIsKept() throws {
        let directory = try TemporaryDirectory()
        var empty = try ResumeIndex.load(path: directory.path + "/none.jsonl")
        #expect(empty.recordCount == 0)
        let found = empty.consume(id: "x")
        #expect(!found)
        let clean = #"{"id":"x","error":null}"# + "\n"
        let path = try directory.write("clean.jsonl", clean)
        let index = try ResumeIndex.load(path: path)
        #expect(index.recordCount == 1)
        #expect(index.truncatedBytes == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == clean)
    }
}
