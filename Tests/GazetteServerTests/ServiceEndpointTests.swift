import Foundation
import Gazette
import GazetteTestSupport
import Testing
@testable import GazetteServer

/// `GET /healthz`, `/v1/info`, `/metrics` and the page's files.
@Suite("Service endpoints")
struct ServiceEndpointTests {
    @Test func healthAndInfoDescribeTheRunningServer() async throws {
        var limits = Limits()
        limits.maxRecordBytes = 1 << 20
        let server = try await TestServer.start(limits: limits, jobs: 3, queueLimit: 17)
        let health = try await server.send("GET", "/healthz")
        #expect(health.status == 200)
        #expect(health.object?["status"] as? String == "ok")
        #expect(health.object?["workers"] as? Int == 3)
        let info = try await server.send("GET", "/v1/info")
        #expect(info.status == 200)
        let object = try #require(info.object)
        #expect(object["version"] as? String == GazetteVersion.current)
        let gazetteer = try #require(object["gazetteer"] as? [String: Any])
        #expect((gazetteer["entries"] as? Int ?? 0) > 1000)
        let types = try #require(gazetteer["types"] as? [String: Int])
        #expect(Set(types.keys) == ["Person", "Place", "Organization"])
        let models = try #require(object["models"] as? [String: Any])
        let topics = try #require(models["topics"] as? [String: Any])
        #expect((topics["provenance"] as? [String: String])?.isEmpty == false)
        #expect((topics["fnv1a64"] as? String)?.count == 16)
        #expect((models["ner"] as? [String: Any])?["bytes"] as? Int ?? 0 > 0)
        #expect((models["language"] as? [String: Any])?["bytes"] as? Int ?? 0 > 0)
        #expect((object["limits"] as? [String: Any])?["max_record_bytes"] as? Int == 1 << 20)
        let settings = try #require(object["server"] as? [String: Any])
        #expect(settings["jobs"] as? Int == 3)
        #expect(settings["queue_limit"] as? Int == 17)
        try await server.stop()
    }

    @Test func metricsCountRequestsErrorsRecordsAndLatency() async throws {
        let server = try await TestServer.start()
        _ = try await server.tag(json: #"{"text":"Talks in Lisbon."}"#)
        _ = try await server.tag(json: #"{"text":"Talks in Madrid."}"#)
        _ = try await server.tag(json: #"{"text": broken"#)
        _ = try await server.send("GET", "/nowhere")
        let metrics = try await server.send("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        let text = metrics.text
        #expect(text.contains(#"gazette_http_requests_total{route="/v1/tag",status="200"} 2"#))
        #expect(text.contains(#"gazette_http_requests_total{route="/v1/tag",status="400"} 1"#))
        #expect(text.contains(#"gazette_http_requests_total{route="other",status="404"} 1"#))
        #expect(text.contains(#"gazette_errors_total{code="invalid_json"} 1"#))
        #expect(text.contains(#"gazette_errors_total{code="not_found"} 1"#))
        #expect(text.contains(#"gazette_records_total{outcome="tagged"} 2"#))
        #expect(text.contains(#"gazette_records_total{outcome="error"} 1"#))
        #expect(text.contains(#"gazette_http_request_duration_seconds_count{route="/v1/tag"} 3"#))
        #expect(text.contains(#"gazette_http_request_duration_seconds_bucket{route="/v1/tag",le="+Inf"} 3"#))
        // Three records within the last ten seconds (fewer when the test straddles the window).
        let rateLine = text.split(separator: "\n").first { $0.hasPrefix("gazette_records_per_second ") } ?? ""
        let rate = Double(rateLine.dropFirst("gazette_records_per_second ".count)) ?? -1
        #expect(rate > 0 && rate <= 0.3, "\(rateLine)")
        #expect(text.contains("gazette_workers_busy 0"))
        try await server.stop()
    }

    @Test func thePageAndItsFilesAreServedWithAStrictPolicy() async throws {
        let server = try await TestServer.start()
        let page = try await server.send("GET", "/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["content-security-policy"]?.contains("default-src 'self'") == true)
        #expect(page.text.contains(#"<script src="/app.js""#))
        // Offline: nothing is loaded from another host.
        for path in ["/", "/app.js", "/app.css"] {
            let file = try await server.send("GET", path)
            #expect(file.status == 200)
            #expect(!file.text.contains("src=\"http"), "\(path) loads something from another host")
            #expect(!file.text.contains("@import"), "\(path) imports a stylesheet")
        }
        #expect(try await server.send("GET", "/app.js").headers["content-type"] == "text/javascript; charset=utf-8")
        let spec = try await server.send("GET", "/openapi.yaml")
        #expect(spec.status == 200)
        #expect(spec.text.hasPrefix("openapi: 3."))
        try await server.stop()
    }
}

@Suite("Web assets")
struct WebAssetsTests {
    @Test func theFilesComeFromTheResourceBundleBesideTheBinary() {
        let assets = WebAssets.load()
        #expect(assets.problem == nil)
        #expect(assets.folder?.hasSuffix("/Gazette_GazetteServer.resources/Web") == true, "read from \(assets.folder ?? "nowhere")")
        #expect(Set(assets.files.keys) == Set(WebAssets.paths.map(\.path)))
    }
}

@Suite("Rate window")
struct RateWindowTests {
    @Test func countsTheLastSecondsAndForgetsOlderOnes() {
        var window = RateWindow(seconds: 4)
        let start = ContinuousClock.now
        for _ in 0..<8 { window.add(at: start) }
        window.add(at: start + .seconds(2))
        #expect(window.perSecond(at: start + .seconds(3)) == 9.0 / 4)
        #expect(window.perSecond(at: start + .seconds(5)) == 1.0 / 4)
        #expect(window.perSecond(at: start + .seconds(60)) == 0)
    }
}
