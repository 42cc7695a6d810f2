public import Gazette
import GazetteCore
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
public import ServiceLifecycle
import UnixSignals

/// Gazette over HTTP: tags articles sent to `POST /v1/tag` with one shared, immutable ``Pipeline``,
/// on a bounded pool of worker threads, and serves a page at `/` to try it in a browser.
///
/// Endpoints: `POST /v1/tag` (see docs/serve.md), `GET /healthz`, `GET /v1/info`, `GET /metrics`
/// (Prometheus text), `GET /openapi.yaml`, and the page (`/`, `/app.js`, `/app.css`).
///
/// ```swift
/// let pipeline = try Pipeline.standard()
/// let server = GazetteServer(pipeline: pipeline, configuration: .init(port: 8080, jobs: 4))
/// try await server.run()      // until SIGTERM or SIGINT, then drains what is in flight
/// ```
public struct GazetteServer: Sendable {
    /// Where the server listens and how much work it takes on.
    public struct Configuration: Sendable {
        /// Address to bind (`127.0.0.1`; `0.0.0.0` for every interface).
        public var host: String
        /// TCP port; 0 picks a free one (reported to `onListening`).
        public var port: Int
        /// Worker threads that tag (at least 1).
        public var jobs: Int
        /// Requests waiting for a worker, at most; one more is answered 503 with `Retry-After`.
        public var queueLimit: Int
        /// Longest a request may take, body upload and queueing included (a stream: per record);
        /// an idle connection is closed 10 seconds after it.
        public var timeout: Duration

        /// Creates a configuration; `queueLimit` defaults to 64 requests per worker.
        public init(host: String = "127.0.0.1", port: Int = 8080, jobs: Int, queueLimit: Int? = nil, timeout: Duration = .seconds(30)) {
            self.host = host
            self.port = port
            self.jobs = max(1, jobs)
            self.queueLimit = max(0, queueLimit ?? 64 * max(1, jobs))
            self.timeout = timeout
        }
    }

    /// The pipeline every request goes through.
    public let pipeline: Pipeline
    /// What the pipeline was built from (limits, model paths for `/v1/info`).
    public let options: PipelineOptions
    /// Address, workers, queue and timeout.
    public let configuration: Configuration

    /// A server for `pipeline`, which was built from `options` (their limits bound the bodies).
    public init(pipeline: Pipeline, options: PipelineOptions = PipelineOptions(), configuration: Configuration) {
        self.pipeline = pipeline
        self.options = options
        self.configuration = configuration
    }

    /// Runs until SIGTERM or SIGINT, then stops accepting connections, finishes the requests in
    /// flight (each is bounded by the timeout) and returns. `onListening` gets the bound port.
    /// Throws when the address cannot be bound.
    public func run(onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [service(onListening: onListening)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Self.logger))
        try await group.run()
    }

    /// The server as a `Service`, to run in a `ServiceGroup` of your own: it listens once
    /// `run()` starts and, on graceful shutdown, drains like ``run(onListening:)``.
    public func service(onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) -> any Service {
        let workers = TagWorkers(jobs: configuration.jobs, queueLimit: configuration.queueLimit)
        let responder = GazetteResponder(
            tag: TagEndpoint(
                pipeline: pipeline, workers: workers, metrics: ServerMetrics(), limits: options.limits,
                timeout: configuration.timeout),
            info: ServerInfo.json(pipeline: pipeline, options: options, configuration: configuration),
            assets: WebAssets.load())
        // A connection silent for longer than a request may take is closed; the margin lets a
        // stalled upload get its 503 timeout answer first, even on a loaded machine.
        let idle = configuration.timeout.components.seconds + 10
        return Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .seconds(idle))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "gazette/\(GazetteVersion.current)"),
            services: [workers],
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: Self.logger)
    }

    /// Warnings and errors of the HTTP layer go to standard error; the CLI prints its own lines.
    static var logger: Logger {
        var logger = Logger(label: "gazette.serve")
        logger.logLevel = .warning
        return logger
    }
}

/// Routes each request to its endpoint and answers every error with JSON; records the request in
/// the metrics.
struct GazetteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let tag: TagEndpoint
    /// The `/v1/info` body.
    let info: String
    let assets: WebAssets

    /// The methods each path takes.
    static let methods: [String: HTTPRequest.Method] = [
        "/v1/tag": .post, "/healthz": .get, "/v1/info": .get, "/metrics": .get,
        "/": .get, "/app.css": .get, "/app.js": .get, "/openapi.yaml": .get,
    ]

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        let response = await route(request, path: path)
        tag.metrics.request(route: ServerMetrics.route(path), status: response.status.code, duration: .now - start)
        return response
    }

    private func route(_ request: Request, path: String) async -> Response {
        guard let method = Self.methods[path] else {
            return failure(GazetteError(.notFound, "no endpoint at \(path); see /openapi.yaml for the API"))
        }
        guard request.method == method || (method == .get && request.method == .head) else {
            var response = failure(GazetteError(.methodNotAllowed, "\(path) takes \(method.rawValue), not \(request.method.rawValue)"))
            response.headers[.allow] = method.rawValue
            return response
        }
        switch path {
        case "/v1/tag":
            return await tag.respond(to: request)
        case "/healthz":
            let (queued, running) = tag.workers.load
            return APIResponse.line("{\"status\":\"ok\",\"workers\":\(tag.workers.jobs),\"busy\":\(running),\"queued\":\(queued)}")
        case "/v1/info":
            return APIResponse.line(info)
        case "/metrics":
            let text = tag.metrics.exposition(load: tag.workers.load)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        default:
            guard let asset = assets.files[path] else {
                return failure(GazetteError(.internalError, assets.problem ?? "\(path) is missing"))
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: asset.contentType, .cacheControl: "no-cache",
                    .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
                    .xContentTypeOptions: "nosniff",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }

    private func failure(_ error: GazetteError) -> Response {
        tag.metrics.error(error.code)
        return APIResponse.error(error)
    }
}
