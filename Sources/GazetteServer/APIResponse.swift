import GazetteCore
import HTTPTypes
import Hummingbird
import NIOCore

extension GazetteError.Code {
    // Codes only the server answers with; the record codes are the CLI's.
    /// No route has this path.
    static let notFound = GazetteError.Code(rawValue: "not_found")
    /// The path exists, the method does not.
    static let methodNotAllowed = GazetteError.Code(rawValue: "method_not_allowed")
    /// A `Content-Type` or `Content-Encoding` the endpoint does not read.
    static let unsupportedMediaType = GazetteError.Code(rawValue: "unsupported_media_type")
    /// A query parameter has a value the endpoint does not take.
    static let invalidRequest = GazetteError.Code(rawValue: "invalid_request")
    /// The queue of work is full (or the server is shutting down): retry after `Retry-After`.
    static let overloaded = GazetteError.Code(rawValue: "overloaded")
    /// The request took longer than the server's per-request timeout.
    static let timeout = GazetteError.Code(rawValue: "timeout")
    /// A failure of the server itself.
    static let internalError = GazetteError.Code(rawValue: "internal_error")
}

/// The JSON answers the server builds: request-level errors `{"error": {"code", "message"}}`, and
/// the HTTP status of each Gazette error code.
enum APIResponse {
    /// `application/json`.
    static let json = "application/json"

    /// The HTTP status for a record or request error of `code`.
    static func status(for code: GazetteError.Code) -> HTTPResponse.Status {
        switch code {
        case .invalidJSON, .invalidRecord, .truncated, .invalidRequest, .duplicateID: .badRequest
        case .limitExceeded: .contentTooLarge
        case .emptyInput, .binaryInput, .encoding, .parse, .unsupported: .unprocessableContent
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .unsupportedMediaType: .unsupportedMediaType
        case .overloaded, .timeout: .serviceUnavailable
        default: .internalServerError
        }
    }

    /// A JSON body `{"error": {"code", "message"}}` for a request that never became a record.
    static func error(_ error: GazetteError, headers extra: HTTPFields = [:]) -> Response {
        var json = JSONWriter()
        json.beginObject()
        json.key("error"); json.beginObject()
        json.key("code"); json.string(error.code.rawValue)
        json.key("message"); json.string(error.message)
        json.endObject()
        json.endObject()
        return line(json.output, status: status(for: error.code), headers: extra)
    }

    /// 503 with `Retry-After`: the queue is full or the server is stopping.
    static func overloaded(_ message: String) -> Response {
        error(GazetteError(.overloaded, message), headers: [.retryAfter: "1"])
    }

    /// One JSON document (a tag record, an error record, an info object) and a newline, so answers
    /// can be appended to a JSONL file as they are.
    static func line(_ json: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var text = json
        text.append("\n")
        var headers: HTTPFields = [.contentType: Self.json]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
