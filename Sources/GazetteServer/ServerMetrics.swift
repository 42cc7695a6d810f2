import CoreMetrics
import GazetteCore
import Synchronization
import Prometheus

/// The server's metrics, kept through swift-metrics in a Prometheus registry of its own (no global
/// `MetricsSystem` bootstrap, so several servers can live in one process, as the tests do) and
/// written at `GET /metrics` in the Prometheus text format:
///
/// - `gazette_http_requests_total{route, status}`: requests answered;
/// - `gazette_http_request_duration_seconds{route}`: latency histogram (to the response head; a
///   streamed body is counted when its head goes out);
/// - `gazette_errors_total{code}`: error answers and error records, by Gazette error code;
/// - `gazette_records_total{outcome}`: records tagged (`tagged`) or answered with an error record
///   (`error`);
/// - `gazette_records_per_second`: records finished per second over the last 10 seconds;
/// - `gazette_queue_length`, `gazette_workers_busy`: the worker pool, when scraped.
final class ServerMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let taggedRecords: CoreMetrics.Counter
    private let errorRecords: CoreMetrics.Counter
    private let rate: CoreMetrics.Gauge
    private let queueLength: CoreMetrics.Gauge
    private let busyWorkers: CoreMetrics.Gauge
    private let window = Mutex(RateWindow(seconds: 10))

    /// Routes counted by name; any other path is counted as `other`, which keeps the label set small.
    static let routes: Set<String> = ["/", "/app.js", "/app.css", "/healthz", "/metrics", "/openapi.yaml", "/v1/info", "/v1/tag"]

    /// Fresh metrics in a registry of their own.
    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
        ]
        self.factory = factory
        taggedRecords = CoreMetrics.Counter(label: "gazette_records_total", dimensions: [("outcome", "tagged")], factory: factory)
        errorRecords = CoreMetrics.Counter(label: "gazette_records_total", dimensions: [("outcome", "error")], factory: factory)
        rate = CoreMetrics.Gauge(label: "gazette_records_per_second", factory: factory)
        queueLength = CoreMetrics.Gauge(label: "gazette_queue_length", factory: factory)
        busyWorkers = CoreMetrics.Gauge(label: "gazette_workers_busy", factory: factory)
    }

    /// The route label for a request path.
    static func route(_ path: String) -> String {
        routes.contains(path) ? path : "other"
    }

    /// Counts an answered request and its time to the response head.
    func request(route: String, status: Int, duration: Duration) {
        CoreMetrics.Counter(label: "gazette_http_requests_total", dimensions: [("route", route), ("status", String(status))], factory: factory)
            .increment()
        let nanoseconds = duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        CoreMetrics.Timer(label: "gazette_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(nanoseconds)
    }

    /// Counts an error answer or error record by its code.
    func error(_ code: GazetteError.Code) {
        CoreMetrics.Counter(label: "gazette_errors_total", dimensions: [("code", code.rawValue)], factory: factory).increment()
    }

    /// Counts one finished record; an error record also counts under its code.
    func record(error code: GazetteError.Code?) {
        if let code {
            errorRecords.increment()
            error(code)
        } else {
            taggedRecords.increment()
        }
        window.withLock { $0.add(at: .now) }
    }

    /// The Prometheus text exposition, with the pool's current load.
    func exposition(load: (queued: Int, running: Int)) -> [UInt8] {
        queueLength.record(load.queued)
        busyWorkers.record(load.running)
        rate.record(window.withLock { $0.perSecond(at: .now) })
        return registry.emitToBuffer()
    }
}

/// Events per second over a sliding window of whole seconds.
struct RateWindow {
    private var counts: [Int]
    private var newest: Int64 = 0
    private let origin = ContinuousClock.now

    /// A window of `seconds` seconds.
    init(seconds: Int) {
        counts = Array(repeating: 0, count: max(1, seconds))
    }

    /// Counts one event at `instant`.
    mutating func add(at instant: ContinuousClock.Instant) {
        advance(to: instant)
        counts[Int(newest % Int64(counts.count))] += 1
    }

    /// Events per second over the window ending at `instant`.
    mutating func perSecond(at instant: ContinuousClock.Instant) -> Double {
        advance(to: instant)
        return Double(counts.reduce(0, +)) / Double(counts.count)
    }

    /// Moves the window so its newest slot is the second of `instant`, clearing the slots it passes.
    private mutating func advance(to instant: ContinuousClock.Instant) {
        let second = (instant - origin).components.seconds
        guard second > newest else { return }
        let steps = min(Int(second - newest), counts.count)
        for step in 1...steps { counts[Int((newest + Int64(step)) % Int64(counts.count))] = 0 }
        newest = second
    }
}
