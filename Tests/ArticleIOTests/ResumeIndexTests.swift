import Foundation
import GazetteTestSupport
import GazetteCore
import Testing
@testable import ArticleIO

@Suite("resume index")
struct ResumeIndexTests {
    private func line(_ id: String, error: String? = nil) -> String {
        let errorField = error.map { #"{"code":"\#($0)","message":"x"}"# } ?? "null"
        return #"{"id":"\#(id)","url":null,"entities":[],"topics":[],"error":\#(errorField)}"#
    }

    @Test func cutsPartialLastLineAndCountsRepeatedIDs() throws {
        let directory = try TemporaryDirectory()
        let complete = [line("a"), line("b"), line("a", error: "duplicate_id")].joined(separator: "\n") + "\n"
        let path = try directory.write("out.jsonl", complete + #"{"id":"c","url":null,"enti"#)
        let index = try ResumeIndex.load(path: path)
        #expect(index.truncatedBytes == #"{"id":"c","url":null,"enti"#.utf8.count)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == complete)
        // "c" breaks the order, so the rest of the output (b, a) goes into the table.
        let answers = try ["a", "c", "b", "a", "a", "b"].map { try index.consume(id: $0) }
        #expect(answers == [true, false, true, true, false, false])
        #expect(index.matchedCount == 3)
    }

    @Test func anInputInTheSameOrderIsMatchedWithoutATable() throws {
        // The common case: the same input resumed. Nothing is remembered, whatever the output size.
        let directory = try TemporaryDirectory()
        let ids = (0..<5_000).map { "page-\($0)" }
        let path = try directory.write("out.jsonl", ids.prefix(3_000).map { line($0) }.joined(separator: "\n") + "\n")
        let index = try ResumeIndex.load(path: path)
        var skipped = 0
        for id in ids where try index.consume(id: id) {
            skipped += 1
            #expect(index.tabledCount == 0)
        }
        #expect(skipped == 3_000)
        #expect(index.matchedCount == 3_000)
        #expect(index.truncatedBytes == 0)
    }

    @Test func anInputInAnotherOrderIsMatchedByTheTable() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("out.jsonl", ["x", "y", "z"].map { line($0) }.joined(separator: "\n") + "\n")
        let index = try ResumeIndex.load(path: path)
        let answers = try ["new", "z", "x", "y", "x"].map { try index.consume(id: $0) }
        #expect(answers == [false, true, true, true, false])
        #expect(index.tabledCount == 0)
    }

    @Test func missingEmptyAndCutOnlyFilesSkipNothing() throws {
        let directory = try TemporaryDirectory()
        let missing = try ResumeIndex.load(path: directory.path + "/none.jsonl")
        #expect(try missing.consume(id: "x") == false)
        let empty = try ResumeIndex.load(path: try directory.write("empty.jsonl", ""))
        #expect(try empty.consume(id: "x") == false)
        let cutPath = try directory.write("cut.jsonl", #"{"id":"x","ur"#)
        let cut = try ResumeIndex.load(path: cutPath)
        #expect(cut.truncatedBytes == 13)
        #expect(try cut.consume(id: "x") == false)
        #expect(try String(contentsOfFile: cutPath, encoding: .utf8) == "")
    }

    @Test func aLongCutOffLineIsFoundAcrossReadChunks() throws {
        // The partial line is longer than the 64 kB the cutter reads backwards at a time.
        let directory = try TemporaryDirectory()
        let complete = line("kept") + "\n"
        let partial = #"{"id":"cut","text":""# + String(repeating: "Kyiv ", count: 40_000)
        let path = try directory.write("long.jsonl", complete + partial)
        let index = try ResumeIndex.load(path: path)
        #expect(index.truncatedBytes == partial.utf8.count)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == complete)
        #expect(try index.consume(id: "kept"))
        #expect(try index.consume(id: "cut") == false)
    }

    @Test func linesAppendedDuringTheRunAreNotRead() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("out.jsonl", line("a") + "\n")
        let index = try ResumeIndex.load(path: path)
        let writer = try LineWriter(path: path, append: true)
        writer.write(line: line("b"))
        writer.flush()
        #expect(try index.consume(id: "a"))
        #expect(try index.consume(id: "b") == false)
    }
}
