import Foundation
import GazetteTestSupport
import Testing

/// A running `gazette serve` and the port it reported.
final class ServeProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    private let errors: Pipe

    init(_ arguments: [String] = []) throws {
        let (process, _, errors) = try GazetteBinary().start(["serve", "--port", "0", "--jobs", "2"] + arguments)
        self.process = process
        self.errors = errors
        // The first line on standard error names the port: "… listening on http://127.0.0.1:PORT/ …".
        var line = Data()
        let handle = errors.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://127.0.0.1:"),
              let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw LoopbackHTTP.Failure(description: "gazette serve did not report a port: \(text)")
        }
        self.port = port
    }

    /// Sends SIGTERM and returns the exit status and the rest of standard error.
    func terminate() -> (status: Int32, stderr: String) {
        kill(process.processIdentifier, SIGTERM)
        let rest = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: rest, as: UTF8.self))
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// `gazette serve` as a user runs it: the built binary on a free port, answered exactly as
/// `gazette tag` answers, stopped by SIGTERM with a request in flight.
@Suite("gazette serve")
struct ServeCommandTests {
    @Test func eachSampleGetsTheLineGazetteTagWritesForIt() async throws {
        let server = try ServeProcess()
        let golden = try String(contentsOf: GazetteBinary.packageRoot.appendingPathComponent("Tests/Fixtures/golden/tag-samples.out"), encoding: .utf8)
        var expected: [String: String] = [:]
        for line in golden.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let id = object?["id"] as? String { expected[id] = String(line) }
        }
        let samples = GazetteBinary.packageRoot.appendingPathComponent("samples")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".html") || $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 5)
        for file in files {
            let stem = String(file.prefix { $0 != "." })
            let body = try [UInt8](Data(contentsOf: samples.appendingPathComponent(file)))
            let reply = try await LoopbackHTTP.send(
                port: server.port, method: "POST", path: "/v1/tag?id=\(stem)&include_text=true",
                headers: [("Content-Type", file.hasSuffix(".txt") ? "text/plain" : "text/html")], body: body)
            #expect(reply.status == 200, "\(file)")
            #expect(reply.text == (expected[stem] ?? "(no golden line)") + "\n", "\(file)")
        }
        // The JSONL dump as a stream: the records with their own ids are the golden lines.
        let dump = try [UInt8](Data(contentsOf: samples.appendingPathComponent("dump.jsonl")))
        let stream = try await LoopbackHTTP.send(
            port: server.port, method: "POST", path: "/v1/tag?include_text=true", headers: [("Content-Type", "application/x-ndjson")], body: dump)
        #expect(stream.status == 200)
        var compared = 0
        for line in stream.lines {
            let id = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String ?? ""
            if let golden = expected[id] {
                #expect(line == golden)
                compared += 1
            }
        }
        #expect(compared >= 2)
        let (status, stderr) = server.terminate()
        #expect(status == 0)
        #expect(stderr.contains("gazette serve: stopped"))
    }

    @Test func sigtermFinishesTheRequestInFlightThenExits() async throws {
        let server = try ServeProcess()
        var lines: [String] = []
        for index in 0..<12 {
            lines.append(#"{"id":"s\#(index)","text":"Ministers met in Brussels and Warsaw. Donald Tusk spoke for Poland. "#
                + String(repeating: "Talks on grain went on late into the night. ", count: 20) + "\"}")
        }
        // Half the stream; once the server has had time to read the head and start the stream
        // (a request not yet read when the signal comes is not in flight), SIGTERM; then the rest.
        let first = Array((lines[..<6].joined(separator: "\n") + "\n").utf8)
        let rest = Array((lines[6...].joined(separator: "\n") + "\n").utf8)
        let head = Array("POST /v1/tag HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-ndjson\r\nContent-Length: \(first.count + rest.count)\r\n\r\n".utf8)
        let pid = server.process.processIdentifier
        let reply = try await LoopbackHTTP.exchange(port: server.port, raw: head + first, rest: rest, pause: 0.5, between: {
            usleep(500_000)
            kill(pid, SIGTERM)
        })
        let (status, stderr) = server.terminate()
        #expect(reply.status == 200)
        #expect(reply.lines.count == 12)
        #expect(reply.lines.last?.contains(#""id":"s11""#) == true)
        #expect(status == 0)
        #expect(stderr.contains("stopped"))
    }

    @Test func aPortInUseIsAClearErrorWithStatus2() throws {
        let first = try ServeProcess()
        let second = try GazetteBinary().run(["serve", "--port", String(first.port)])
        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot serve on 127.0.0.1:\(first.port)"))
        _ = first.terminate()
    }
}
