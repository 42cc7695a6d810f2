import Foundation
import Testing

/// `--resume`: a cut-off or killed run restarts without redoing work or duplicating lines.
@Suite("gazette tag --resume", .serialized)
struct ResumeTests {
    /// A JSONL dump of `count` stories, with a few bad lines and a duplicate id among them.
    static func dump(count: Int) -> String {
        var lines: [String] = []
        for i in 0..<count {
            switch i % 50 {
            case 13: lines.append(#"{"id":"story-\#(i)","text":"#)  // broken JSON
            case 29: lines.append(#"{"id":"story-\#(i - 1)","text":"Repeated id."}"#)
            default:
                let paragraph = "Item \(i): Olaf Scholz and Emmanuel Macron met in Paris; NATO and the European Union discussed Ukraine. "
                lines.append(#"{"id":"story-\#(i)","url":"https://news.example/\#(i)","html":"<html><head><title>Story \#(i)</title></head><body><article><p>\#(String(repeating: paragraph, count: 6))</p></article></body></html>"}"#)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func resumeAfterACutOffLineEqualsAnUninterruptedRun() throws {
        let scratch = try ScratchDirectory()
        let input = scratch.path("dump.jsonl")
        try Self.dump(count: 120).write(toFile: input, atomically: true, encoding: .utf8)
        let binary = try GazetteBinary()
        let reference = scratch.path("reference.jsonl")
        let first = try binary.run(["tag", input, "-o", reference, "--quiet"])
        #expect(first.status == 1)  // the dump holds bad lines
        let full = try Data(contentsOf: URL(fileURLWithPath: reference))
        // Keep 40 complete lines and half of the 41st, as a killed writer leaves them.
        var lineEnds: [Int] = []
        for (offset, byte) in full.enumerated() where byte == 0x0A { lineEnds.append(offset) }
        try #require(lineEnds.count == 120)
        let cut = full.prefix(lineEnds[39] + 1 + (lineEnds[40] - lineEnds[39]) / 2)
        let resumed = scratch.path("resumed.jsonl")
        try cut.write(to: URL(fileURLWithPath: resumed))
        let second = try binary.run(["tag", input, "--resume", resumed])
        #expect(second.status == 1)
        #expect(second.stderr.contains("40 already in"), "stderr: \(second.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: resumed)) == full)
    }

    /// Bytes up to and including the last newline (what resume keeps of a killed run's output).
    static func completeLinesLength(_ data: Data) -> Int {
        guard let last = data.lastIndex(of: 0x0A) else { return 0 }
        return data.distance(from: data.startIndex, to: last) + 1
    }

    @Test func killedAtRandomMomentsAndResumedGivesTheUninterruptedOutput() throws {
        let scratch = try ScratchDirectory()
        let input = scratch.path("dump.jsonl")
        try Self.dump(count: 400).write(toFile: input, atomically: true, encoding: .utf8)
        let binary = try GazetteBinary()
        let reference = scratch.path("reference.jsonl")
        let clock = ContinuousClock()
        let started = clock.now
        _ = try binary.run(["tag", input, "-o", reference, "--quiet", "--jobs", "2"])
        let fullSeconds = (clock.now - started) / .seconds(1)
        let expected = try Data(contentsOf: URL(fileURLWithPath: reference))

        let output = scratch.path("killed.jsonl")
        var killedWhileRunning = 0
        for _ in 0..<5 {
            let (process, _, _) = try binary.start(["tag", input, "--resume", output, "--quiet", "--jobs", "2"])
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...max(0.1, fullSeconds * 0.6)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedWhileRunning += 1
            }
            process.waitUntilExit()
        }
        let before = (try? Data(contentsOf: URL(fileURLWithPath: output))) ?? Data()
        let final = try binary.run(["tag", input, "--resume", output, "--quiet", "--jobs", "2"])
        let produced = try Data(contentsOf: URL(fileURLWithPath: output))
        // Exit 1 when this run wrote an error record; the killed runs may have written them all.
        let writtenNow = String(decoding: produced.suffix(from: min(produced.count, Self.completeLinesLength(before))), as: UTF8.self)
        #expect(final.status == (writtenNow.contains("\"error\":{") ? 1 : 0), "stderr: \(final.stderr)")
        #expect(produced == expected, "resumed output differs from an uninterrupted run (\(killedWhileRunning) kills while running)")
        #expect(killedWhileRunning > 0, "no run was still going when killed; the input is too small for this machine")
    }
}
