import Foundation
import Synchronization
import Gazette
import GazetteTestSupport
import Testing
@testable import GazetteServer

/// Bounded work, timeouts and graceful shutdown, with a gate stage that holds articles until the
/// test lets them go, so "every worker is busy" is a state rather than a race.
@Suite("Load, timeouts and shutdown")
struct LoadAndLifecycleTests {
    @Test func pastTheQueueLimitTheServerAnswers503WithRetryAfter() async throws {
        let gate = Gate()
        // A long timeout: on a loaded machine the steps below may take a while, and the held
        // request must not time out meanwhile.
        let server = try await TestServer.start(pipeline: try gate.pipeline, jobs: 1, queueLimit: 1, timeout: .seconds(600))
        async let running = server.tag(json: #"{"id":"first","text":"Held at the gate."}"#)
        try await gate.waitForHeld(1)
        async let queued = server.tag(json: #"{"id":"second","text":"Waits in the queue."}"#)
        // Wait until the second request sits in the queue.
        for _ in 0..<500 {
            let health = try await server.send("GET", "/healthz")
            if health.object?["queued"] as? Int == 1 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        let refused = try await server.tag(json: #"{"id":"third","text":"No room."}"#)
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "1")
        #expect(refused.errorCode == "overloaded")
        let stream = try await server.send("POST", "/v1/tag", headers: [("Content-Type", "application/x-ndjson")], body: Array("{\"text\":\"x\"}\n".utf8))
        #expect(stream.status == 503)
        gate.open()
        let (first, second) = try await (running, queued)
        #expect(first.status == 200)
        #expect(second.status == 200)
        #expect(second.object?["id"] as? String == "second")
        try await server.stop()
    }

    @Test func aRequestOverTheTimeoutIs503AndTheWorkerIsFreedForOthers() async throws {
        let gate = Gate()
        let server = try await TestServer.start(pipeline: try gate.pipeline, jobs: 1, timeout: .milliseconds(400))
        let slow = try await server.tag(json: #"{"id":"slow","text":"Held past the timeout."}"#)
        #expect(slow.status == 503)
        #expect(slow.errorCode == "timeout")
        gate.open()
        let next = try await server.tag(json: #"{"id":"next","text":"Through at once."}"#)
        #expect(next.status == 200)
        try await server.stop()
    }

    @Test func aClientThatSendsLessBodyThanItAnnouncedTimesOut() async throws {
        let server = try await TestServer.start(timeout: .milliseconds(400))
        let head = "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"text\":\"Oslo"
        // The stalled upload is answered 503 `timeout`; when the connection is torn down first
        // (stopping the body read closes it, which can win on a loaded machine), there is no
        // answer at all. Either way the server holds nothing for it and stays healthy.
        do {
            let reply = try await LoopbackHTTP.exchange(port: server.port, raw: Array(head.utf8), timeout: 60)
            #expect(reply.status == 503)
            #expect(reply.errorCode == "timeout")
        } catch let failure as LoopbackHTTP.Failure {
            #expect(failure.description.contains("closed after 0 bytes"), "\(failure)")
        }
        #expect(try await server.send("GET", "/healthz").status == 200)
        try await server.stop()
    }

    @Test func gracefulShutdownFinishesTheRequestInFlight() async throws {
        let gate = Gate()
        let server = try await TestServer.start(pipeline: try gate.pipeline, jobs: 1, timeout: .seconds(600))
        async let inFlight = server.tag(json: #"{"id":"in-flight","text":"Tagged while the server stops."}"#)
        try await gate.waitForHeld(1)
        async let stopped: Void = server.stop()
        try await Task.sleep(for: .milliseconds(200))
        gate.open()
        let reply = try await inFlight
        #expect(reply.status == 200)
        #expect(reply.object?["id"] as? String == "in-flight")
        try await stopped
        // Stopped: nothing listens any more.
        await #expect(throws: (any Error).self) { try await server.send("GET", "/healthz", timeout: 2) }
    }
}

@Suite("Worker pool")
struct TagWorkersTests {
    @Test func jobsRunOffTheCallerAndCancelledQueuedJobsNeverRun() async throws {
        let gate = Gate()
        let workers = TagWorkers(jobs: 1, queueLimit: 4)
        async let first = workers.run { gate.pass(); return 1 }
        try await gate.waitForHeld(1)
        let ran = Mutex(false)
        let queued = Task { try await workers.run { ran.withLock { $0 = true }; return 2 } }
        try await Task.sleep(for: .milliseconds(50))
        #expect(workers.load.queued == 1)
        queued.cancel()
        await #expect(throws: CancellationError.self) { _ = try await queued.value }
        gate.open()
        #expect(try await first == 1)
        #expect(try await workers.run { 3 } == 3)
        #expect(ran.withLock { $0 } == false)
        workers.stop()
        await #expect(throws: TagWorkers.Overloaded.self) { try await workers.run { 4 } }
    }
}
