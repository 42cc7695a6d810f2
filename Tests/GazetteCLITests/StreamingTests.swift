import Foundation
import Testing

/// Standard input is streamed: records come out while input is still open, WARC and gzip are
/// recognised on stdin, and `--stdin-name` reads stdin as a named file.
@Suite("gazette tag on standard input", .serialized)
struct StreamingTests {
    /// Lines of a pipe collected on a background thread.
    final class LineCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = Data()

        func start(_ handle: FileHandle) {
            Thread.detachNewThread {
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { return }
                    self.lock.lock(); self.buffer.append(chunk); self.lock.unlock()
                }
            }
        }

        var lineCount: Int {
            lock.lock(); defer { lock.unlock() }
            return buffer.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
    }

    @Test func firstRecordsComeOutBeforeInputEnds() throws {
        let binary = try GazetteBinary()
        let process = Process()
        process.executableURL = binary.url
        process.arguments = ["tag", "--quiet", "--jobs", "2"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let collector = LineCollector()
        collector.start(output.fileHandleForReading)
        var records = ""
        for i in 0..<5 { records += #"{"id":"live-\#(i)","text":"Live report \#(i) from Geneva."}"# + "\n" }
        input.fileHandleForWriting.write(Data(records.utf8))
        // Input stays open: the five records must still come out.
        let deadline = Date().addingTimeInterval(120)
        while collector.lineCount < 5 && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(collector.lineCount == 5, "records did not come out while standard input was open")
        #expect(process.isRunning)
        input.fileHandleForWriting.write(Data((#"{"id":"live-5","text":"Last one."}"# + "\n").utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(collector.lineCount == 6)
    }

    @Test func gzipAndWARCAreRecognisedOnStandardInput() throws {
        let page = "<html><head><title>Port reopens</title></head><body><p>The port of Odesa reopened on Monday.</p></body></html>"
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
        let warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:port-1>\r\nWARC-Target-URI: https://news.example/port\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(http.utf8.count)\r\n\r\n" + http + "\r\n\r\n"
        let scratch = try ScratchDirectory()
        let path = scratch.path("one.warc")
        try warc.write(toFile: path, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", path]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        let binary = try GazetteBinary()
        for data in [Data(warc.utf8), compressed] {
            let run = try binary.run(["tag", "--quiet"], stdin: data)
            #expect(run.status == 0, "stderr: \(run.stderr)")
            let records = try run.records()
            #expect(records.count == 1)
            #expect(records.first?["id"] as? String == "urn:uuid:port-1")
            #expect(records.first?["url"] as? String != nil)
        }
    }

    @Test func stdinNameGivesTheIDsOfADirectoryWalk() throws {
        let binary = try GazetteBinary()
        let page = Data("<html><body><p>Ministers met in Oslo on Friday.</p></body></html>".utf8)
        let run = try binary.run(["tag", "-", "--stdin-name", "europe/nordic/oslo-talks.html", "--quiet"], stdin: page)
        #expect(run.status == 0)
        #expect(try run.records().first?["id"] as? String == "europe/nordic/oslo-talks")
        let jsonl = Data(#"{"text":"No id here: Lima."}"#.utf8)
        let lines = try binary.run(["tag", "--stdin-name", "dumps/part-3.jsonl", "--quiet"], stdin: jsonl)
        #expect(try lines.records().first?["id"] as? String == "dumps/part-3.jsonl:1")
        #expect(try binary.run(["tag", "--stdin-name", "/abs/path.html"], stdin: page).status == 2)
    }
}
