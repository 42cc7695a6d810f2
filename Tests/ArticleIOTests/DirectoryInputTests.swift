import GazetteTestSupport
import Testing
import GazetteCore
@testable import ArticleIO

@Suite("directory input")
struct DirectoryInputTests {
    @Test func walksRecursivelyInNameOrderWithRelativeIDs() throws {
        let directory = try TemporaryDirectory()
        try directory.write("world/europe/2026-03-01-berlin.html", "<html><body><p>Berlin.</p></body></html>")
        try directory.write("world/europe/2026-03-01-Athens.HTM", "<html><body><p>Athens.</p></body></html>")
        try directory.write("world/asia.txt", "Tokyo and Seoul agreed on a trade deal.")
        try directory.write("world/feeds/wire.jsonl", #"{"id":"wire-1","text":"Lagos."}"# + "\n" + #"{"text":"Accra."}"# + "\n")
        try directory.write("world/archive/old.html.gz", gzipMember(Array("<html><p>Old story from Lima.</p></html>".utf8)))
        try directory.write("a-first.txt", "Ottawa.")
        try directory.write("README.md", "not an input")
        try directory.write(".hidden.html", "<p>hidden</p>")
        try directory.write("world/photo.jpg", [0xFF, 0xD8, 0xFF])
        let result = try readAll([directory.path])
        #expect(result.ids == [
            "a-first", "world/archive/old", "world/asia", "world/europe/2026-03-01-Athens",
            "world/europe/2026-03-01-berlin", "wire-1", "world/feeds/wire.jsonl:2",
        ])
        #expect(result.errorCodes.allSatisfy { $0 == nil })
        #expect(result.skipped.count == 2)  // README.md and photo.jpg; hidden files are not looked at
        #expect(result.records[1].html?.bytes == Array("<html><p>Old story from Lima.</p></html>".utf8))
        #expect(result.records[2].text == "Tokyo and Seoul agreed on a trade deal.")
    }

    @Test func fileGivenDirectlyUsesItsNameWithoutExtension() throws {
        let directory = try TemporaryDirectory()
        let page = try directory.write("nested/deeper/story.v2.html", "<p>Quito.</p>")
        let odd = try directory.write("nested/page.php", "<p>Served by PHP.</p>")
        let result = try readAll([page, odd])
        #expect(result.ids == ["story.v2", "page"])
        #expect(result.records[1].html != nil)
    }

    @Test func missingArgumentIsAUsageErrorBeforeAnythingIsRead() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: GazetteError.self) { try InputPlan.resolve(arguments: [directory.path + "/no-such-file.html"]) }
        do {
            _ = try InputPlan.resolve(arguments: [directory.path + "/missing"])
        } catch {
            #expect(error.code == .usage)
        }
        #expect(try InputPlan.resolve(arguments: []).items == [.standardInput])
    }

    @Test func plainTextInOtherEncodingsIsDecoded() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Zürich".utf8)) == "Zürich")
        #expect(TextDecoding.decode([0xFF, 0xFE, 0x4B, 0x00, 0x79, 0x00, 0x69, 0x00, 0x76, 0x00]) == "Kyiv")
        #expect(TextDecoding.decode(Array("M".utf8) + [0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x80]) == "Müller €")
    }

    @Test func totalBytesCountsFilesInDirectories() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "12345")
        try directory.write("sub/b.html", "1234567890")
        #expect(try InputPlan.resolve(arguments: [directory.path]).totalBytes() == 15)
        #expect(try InputPlan.resolve(arguments: ["-"]).totalBytes() == nil)
    }
}

@Suite("output file exclusion")
struct OutputExclusionTests {
    @Test func outputFileInsideTheInputDirectoryIsNotRead() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "Reykjavik.")
        let output = try directory.write("tags.jsonl", #"{"id":"a","error":null}"# + "\n")
        var plan = try InputPlan.resolve(arguments: [directory.path])
        plan.exclude(path: output)
        let stream = RecordStream(plan: plan, limits: Limits())
        var ids: [String] = []
        var skipped = 0
        while let event = stream.next() {
            switch event {
            case .record(let record): ids.append(record.id)
            case .skipped: skipped += 1
            }
        }
        #expect(ids == ["a"])
        #expect(skipped == 1)
    }
}
