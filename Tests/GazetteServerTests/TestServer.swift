import Foundation
import Gazette
import GazetteTestSupport
import Logging
import ServiceLifecycle
import Testing
@testable import GazetteServer

/// A `GazetteServer` running in this process on a free port, in a service group the test controls.
final class TestServer: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.task = task
    }

    /// The standard pipeline, loaded once for every test (about 0.2 s with the gazetteer cache).
    static let standard: Result<Pipeline, GazetteError> = Result(catching: { () throws(GazetteError) -> Pipeline in try Pipeline.standard() })

    /// Starts a server for `pipeline` (default: the standard one) on a free port.
    static func start(
        pipeline: Pipeline? = nil, limits: Limits = Limits(), jobs: Int = 2, queueLimit: Int? = nil,
        timeout: Duration = .seconds(120)
    ) async throws -> TestServer {
        let pipeline = try pipeline ?? standard.get()
        var options = PipelineOptions()
        options.limits = limits
        let server = GazetteServer(
            pipeline: pipeline, options: options,
            configuration: .init(port: 0, jobs: jobs, queueLimit: queueLimit, timeout: timeout))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "gazette.test")
        logger.logLevel = .error
        let group = ServiceGroup(configuration: .init(services: [server.service { continuation.yield($0) }], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            try await task.value
            throw LoopbackHTTP.Failure(description: "the server did not start")
        }
        return TestServer(port: port, group: group, task: task)
    }

    /// Sends one request; waits up to `timeout` seconds for the answer (long: the whole suite runs
    /// in parallel, on a machine others may be loading, and some requests wait at a gate).
    func send(
        _ method: String = "GET", _ path: String, headers: [(String, String)] = [], body: [UInt8] = [], timeout: Double = 600
    ) async throws -> LoopbackHTTP.Reply {
        try await LoopbackHTTP.send(port: port, method: method, path: path, headers: headers, body: body, timeout: timeout)
    }

    /// Posts a JSON body to `/v1/tag`.
    func tag(json: String, query: String = "") async throws -> LoopbackHTTP.Reply {
        try await send("POST", "/v1/tag" + query, headers: [("Content-Type", "application/json")], body: Array(json.utf8))
    }

    /// Starts a graceful shutdown and waits until the server has stopped.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}

/// A pipeline stage that holds each article until the test opens the gate: it makes "a worker is
/// busy" a state the test controls rather than a race.
struct GateStage: PipelineStage {
    let gate: Gate
    var name: String { "gate" }
    var reads: ArticleLayers { [] }
    var writes: ArticleLayers { [] }

    func process(_ article: inout Article) throws(GazetteError) {
        gate.pass()
    }
}

/// The gate ``GateStage`` waits at.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    private var waiting = 0

    /// Waits until the gate is open.
    func pass() {
        condition.lock()
        waiting += 1
        condition.broadcast()
        while !isOpen { condition.wait() }
        waiting -= 1
        condition.unlock()
    }

    /// Lets everyone through, now and later.
    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// Articles held at the gate now.
    var held: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting
    }

    /// Waits (up to 30 s) until `count` articles are held at the gate.
    func waitForHeld(_ count: Int) async throws {
        for _ in 0..<3000 {
            if held >= count { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw LoopbackHTTP.Failure(description: "fewer than \(count) articles reached the gate")
    }

    /// A pipeline of just this gate.
    var pipeline: Pipeline {
        get throws { try Pipeline(stages: [GateStage(gate: self)]) }
    }
}
