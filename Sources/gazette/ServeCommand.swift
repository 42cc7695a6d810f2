import ArgumentParser
import Gazette
import GazetteServer

/// `gazette serve`: tags articles over HTTP (`POST /v1/tag`) with the pipeline loaded once, and
/// serves a page to try it at `/`. The work is in ``GazetteServer``; this reads the flags.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Tag articles over HTTP, with a page to try it in a browser.",
        discussion: """
            POST /v1/tag takes {"id"?, "url"?, "html" | "text", "include_text"?} and answers the \
            record `gazette tag` writes; with Content-Type: application/x-ndjson it streams many. \
            GET /healthz, /v1/info, /metrics (Prometheus), /openapi.yaml; the page is at /. \
            SIGTERM or SIGINT stops accepting connections, finishes the requests in flight, then exits. \
            More: docs/serve.md.
            """
    )

    @Option(help: ArgumentHelp("Address to listen on (0.0.0.0 for every interface).", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("TCP port (0 picks a free one).", valueName: "PORT"))
    var port = 8080

    @Option(help: ArgumentHelp("Worker threads that tag (default: all cores).", valueName: "N"))
    var jobs: Int?

    @Option(name: .customLong("queue-limit"), help: ArgumentHelp(
        "Requests waiting for a worker before the server answers 503 (default: 64 per worker).", valueName: "N"))
    var queueLimit: Int?

    @Option(help: ArgumentHelp("Longest a request may take, in seconds (a stream: per record).", valueName: "SECONDS"))
    var timeout: Double = 30

    @OptionGroup var pipelineArguments: PipelineArguments

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let queueLimit, queueLimit < 0 { throw ValidationError("--queue-limit must be 0 or more") }
        if !(port >= 0 && port <= 65535) { throw ValidationError("--port must be between 0 and 65535") }
        if !(timeout > 0 && timeout <= 86_400) { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
    }

    func run() async throws {
        let options = pipelineArguments.options
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline.standard(options)
        } catch {
            StandardError.write("gazette serve: \(error)\n")
            throw ExitCode(2)
        }
        let configuration = GazetteServer.Configuration(
            host: host, port: port, jobs: jobs ?? TagCommand.coreCount(), queueLimit: queueLimit,
            timeout: .milliseconds(Int((timeout * 1000).rounded())))
        let server = GazetteServer(pipeline: pipeline, options: options, configuration: configuration)
        let host = self.host
        do {
            try await server.run { port in
                StandardError.write(
                    "gazette serve: listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ "
                        + "(\(configuration.jobs) workers, queue limit \(configuration.queueLimit))\n")
            }
        } catch {
            StandardError.write("gazette serve: cannot serve on \(host):\(port): \(error)\n")
            throw ExitCode(2)
        }
        StandardError.write("gazette serve: stopped\n")
    }
}
