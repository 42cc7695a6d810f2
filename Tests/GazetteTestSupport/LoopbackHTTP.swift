#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 client over a plain TCP socket to 127.0.0.1, for tests of `gazette serve`: it
/// sends exactly the bytes a test asks for (a short body, a lying `Content-Length`) and reads
/// `Content-Length` and chunked answers. Each call opens one connection (`Connection: close`).
package enum LoopbackHTTP {
    /// An answer: status, headers (names in lowercase) and body.
    package struct Reply: Sendable {
        package var status: Int
        package var headers: [String: String]
        package var body: [UInt8]

        /// The body as UTF-8 text.
        package var text: String { String(decoding: body, as: UTF8.self) }

        /// The body parsed as one JSON value.
        package func json() throws -> Any {
            try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        }

        /// The body parsed as a JSON object, or nil.
        package var object: [String: Any]? { (try? json()) as? [String: Any] }

        /// `error.code` of a JSON error answer.
        package var errorCode: String? { (object?["error"] as? [String: Any])?["code"] as? String }

        /// The body's lines (a JSON Lines answer), without the final empty piece.
        package var lines: [String] {
            text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
    }

    /// A failure to connect, send or read.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String

        /// A failure saying `description`.
        package init(description: String) { self.description = description }
    }

    /// Sends one request and reads the answer, on a thread of its own (the socket calls block).
    package static func send(
        port: Int, method: String = "GET", path: String, headers: [(String, String)] = [], body: [UInt8] = [],
        timeout: Double = 300
    ) async throws -> Reply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !headers.contains(where: { $0.0.lowercased() == "content-length" || $0.0.lowercased() == "transfer-encoding" }),
           method != "GET" || !body.isEmpty {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        return try await exchange(port: port, raw: Array(head.utf8) + body, timeout: timeout)
    }

    /// Sends `raw` bytes as they are and reads one answer; the connection stays open for writing
    /// until the answer is read (so a test can send less body than it announced). With `rest`, it
    /// sends `raw`, calls `between` (the request is then surely in flight), waits `pause` seconds
    /// and sends `rest`.
    package static func exchange(
        port: Int, raw: [UInt8], rest: [UInt8] = [], pause: Double = 0, between: @escaping @Sendable () -> Void = {},
        timeout: Double = 300
    ) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try blockingExchange(port: port, parts: [raw, rest], pause: pause, between: between, timeout: timeout)
                })
            }
            thread.start()
        }
    }

    private static func blockingExchange(
        port: Int, parts: [[UInt8]], pause: Double, between: () -> Void, timeout: Double
    ) throws -> Reply {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: \(errno)") }
        defer { close(descriptor) }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to 127.0.0.1:\(port) failed: \(errno)") }
        for (index, raw) in parts.enumerated() where !raw.isEmpty {
            if index > 0 {
                between()
                usleep(useconds_t(pause * 1_000_000))
            }
            var sent = 0
            while sent < raw.count {
                #if canImport(Glibc)
                let n = raw[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                #else
                let n = raw[sent...].withUnsafeBytes { Darwin.send(descriptor, $0.baseAddress, $0.count, 0) }
                #endif
                // The server may answer (413, 415) and close before taking the whole body: read on.
                if n <= 0 { break }
                sent += n
            }
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            if let reply = try parse(received) { return reply }
            let n = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if n < 0 { throw Failure(description: "no complete answer within \(timeout) s (errno \(errno)); got \(received.count) bytes") }
            if n == 0 {
                if let reply = try parse(received, atEnd: true) { return reply }
                throw Failure(description: "the connection closed after \(received.count) bytes, before a complete answer")
            }
            received.append(contentsOf: chunk[0..<n])
        }
    }

    /// A complete answer in `bytes`, or nil when more must be read.
    private static func parse(_ bytes: [UInt8], atEnd: Bool = false) throws -> Reply? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headEnd = bytes.firstRange(of: separator) else { return nil }
        let headLines = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = headLines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(headLines[0])") }
        var headers: [String: String] = [:]
        for line in headLines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = Array(bytes[headEnd.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoded: [UInt8] = []
            var position = 0
            while true {
                guard let lineEnd = body[position...].firstRange(of: [13, 10]) else { return nil }
                let sizeText = String(decoding: body[position..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw Failure(description: "bad chunk size \(sizeText)")
                }
                let start = lineEnd.upperBound
                if size == 0 { return Reply(status: status, headers: headers, body: decoded) }
                guard body.count >= start + size + 2 else { return nil }
                decoded.append(contentsOf: body[start..<(start + size)])
                position = start + size + 2
            }
        }
        if let length = headers["content-length"].flatMap({ Int($0) }) {
            guard body.count >= length else { return nil }
            return Reply(status: status, headers: headers, body: Array(body[..<length]))
        }
        return atEnd ? Reply(status: status, headers: headers, body: body) : nil
    }
}
