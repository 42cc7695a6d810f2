/// An error that stops one record, one file or one command, with a message a user can act on.
///
/// Every failure in Gazette is one of these: readers turn it into an error record
/// (`"error": {"code", "message"}`) and the batch goes on; the CLI prints it and exits.
public struct GazetteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error kind, written as the `code` of an error record.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The snake_case name written to output (`"empty_input"`).
        public let rawValue: String
        /// Wraps a code name; prefer the predefined constants.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The input held no bytes or only whitespace.
        public static let emptyInput = Code(rawValue: "empty_input")
        /// The input is not text (NUL-heavy or undecodable binary data).
        public static let binaryInput = Code(rawValue: "binary_input")
        /// The bytes could not be decoded in any supported encoding.
        public static let encoding = Code(rawValue: "encoding_error")
        /// The input exceeds a configured limit (record size, nesting, tokens, line length).
        public static let limitExceeded = Code(rawValue: "limit_exceeded")
        /// The HTML or another markup could not be parsed at all.
        public static let parse = Code(rawValue: "parse_error")
        /// A JSONL line is not valid JSON.
        public static let invalidJSON = Code(rawValue: "invalid_json")
        /// A record is valid JSON but lacks required fields or has wrong types.
        public static let invalidRecord = Code(rawValue: "invalid_record")
        /// A file or stream ended early or is damaged (truncated gzip or WARC).
        public static let truncated = Code(rawValue: "truncated_input")
        /// A file could not be opened, read or written.
        public static let io = Code(rawValue: "io_error")
        /// A gazetteer file is malformed.
        public static let gazetteer = Code(rawValue: "gazetteer_error")
        /// A model file is missing or malformed.
        public static let model = Code(rawValue: "model_error")
        /// Bad command-line usage or option values.
        public static let usage = Code(rawValue: "usage_error")
        /// The input is of a kind Gazette does not process (e.g. a non-HTML WARC payload).
        public static let unsupported = Code(rawValue: "unsupported_input")
        /// A pipeline's stages are in an impossible order (a layer read before any stage writes it) or
        /// share a name.
        public static let pipeline = Code(rawValue: "pipeline_error")
        /// A record id was already seen earlier in the same run.
        public static let duplicateID = Code(rawValue: "duplicate_id")
    }

    /// What kind of failure this is.
    public var code: Code
    /// One sentence saying what went wrong and, where possible, what to do about it.
    public var message: String
    /// The underlying cause (a system error, a library message), if any.
    public var cause: String?

    /// Creates an error; `message` should name the item and the problem.
    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause { return "\(code): \(message) (\(cause))" }
        return "\(code): \(message)"
    }
}
