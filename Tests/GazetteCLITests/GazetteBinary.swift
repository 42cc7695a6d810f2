import Foundation
import Testing

/// Runs the built `gazette` executable, as a user would.
struct GazetteBinary {
    /// The result of one run.
    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String

        /// Standard output split into lines (without the final empty piece).
        var lines: [String] {
            let text = String(decoding: stdout, as: UTF8.self)
            var pieces = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if text.hasSuffix("\n") || text.isEmpty { pieces.removeLast() }
            return pieces
        }

        /// Each output line parsed as a JSON object.
        func records() throws -> [[String: Any]] {
            try lines.map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                return try #require(object as? [String: Any], "not a JSON object: \(line.prefix(200))")
            }
        }
    }

    /// The package root (this file is Tests/GazetteCLITests/GazetteBinary.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test binary, or in `.build/debug`.
    static func locate() throws -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            var directory = executable.deletingLastPathComponent()
            // On Linux the test binary sits in the build directory; on macOS inside an .xctest bundle.
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("gazette"))
                directory = directory.deletingLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/gazette"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        Issue.record("the gazette executable was not found (looked in \(candidates.map(\.path))); run `swift build` first")
        throw CocoaError(.fileNoSuchFile)
    }

    let url: URL

    init() throws { url = try GazetteBinary.locate() }

    /// Starts `gazette ARGUMENTS` with `stdin` as input, without waiting.
    func start(_ arguments: [String], stdin: Data? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = GazetteBinary.packageRoot
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        if let stdin {
            // Feed from another thread so a full pipe cannot deadlock with our reads.
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(stdin)
                try? writer.close()
            }
        }
        return (process, outPipe, errPipe)
    }

    /// Runs `gazette ARGUMENTS` to completion.
    func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let (process, outPipe, errPipe) = try start(arguments, stdin: stdin)
        let errors = ErrorCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errors.data = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: output, stderr: String(decoding: errors.data, as: UTF8.self))
    }

    /// Standard error read on another thread.
    private final class ErrorCollector: @unchecked Sendable {
        var data = Data()
    }
}

/// A scratch directory removed at the end of a test.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
