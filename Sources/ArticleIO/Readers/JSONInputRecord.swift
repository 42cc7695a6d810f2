package import GazetteCore
import GazetteIO

/// Decodes one JSON input record `{"id"?, "url"?, "html" | "text"}` into an article or an error
/// record: the rules of a JSONL line, shared by the JSONL reader and the HTTP server, so a line of
/// a dump and a request body are judged by the same code.
///
/// Rules (documented in docs/batch.md):
/// - `id`: a string is used as is; missing, `null` or `""` gives the fallback id (`FILE:LINE`); any
///   other type (a number too: no silent coercion) makes the record `invalid_record`.
/// - `url`: a string, `null` or missing; any other type is `invalid_record`.
/// - `html` wins over `text` when both are present; each must be a string.
/// - bytes that are not JSON → `invalid_json`; JSON that is not an object, or an object without a
///   string `html`/`text` → `invalid_record`; a page over the record limit → `limit_exceeded`.
/// - extra boolean keys the caller names (the server's `include_text`) must be `true`, `false` or
///   `null`; anything else is `invalid_record`. Other keys are ignored.
package enum JSONInputRecord {
    /// The keys every JSON input record may carry.
    package static let keys: Set<String> = ["id", "url", "html", "text"]

    /// A decoded record and the values of the extra boolean keys it set.
    package struct Decoded: Sendable {
        /// The article to tag, or the error record to write.
        package var record: InputRecord
        /// Extra boolean keys present with `true` or `false` (absent and `null` keys are missing).
        package var flags: [String: Bool]

        /// A decoded record; `flags` from its extra keys.
        package init(record: InputRecord, flags: [String: Bool] = [:]) {
            self.record = record
            self.flags = flags
        }
    }

    /// Decodes `bytes` (one JSON document). `fallbackID` is the id when the record has no usable
    /// one, `origin` names the record in messages; `checkID` is asked about every id the record
    /// sets itself (the JSONL reader's duplicate check) and may turn it into an error.
    package static func decode(
        _ bytes: [UInt8], fallbackID: String, origin: String, limits: Limits, inputPosition: Int = 0,
        flags flagKeys: Set<String> = [],
        checkID: (String) -> GazetteError? = { _ in nil }
    ) -> Decoded {
        func failure(_ id: String, url: String? = nil, _ error: GazetteError) -> Decoded {
            Decoded(record: InputRecord(id: id, url: url, origin: origin, error: error, inputPosition: inputPosition), flags: [:])
        }
        let fields: [String: JSONField]?
        do {
            fields = try JSONReader.members(of: bytes, wanted: flagKeys.isEmpty ? keys : keys.union(flagKeys))
        } catch {
            return failure(fallbackID, GazetteError(.invalidJSON, "\(origin) is not valid JSON: \(error.reason) at byte \(error.offset + 1)"))
        }
        guard let fields else {
            return failure(fallbackID, GazetteError(.invalidRecord, "\(origin) is JSON but not an object; expected {\"id\", \"url\", \"html\" or \"text\"}"))
        }
        var id = fallbackID
        switch fields["id"] {
        case .string(let value) where !value.isEmpty: id = String(decoding: value, as: UTF8.self)
        case .none, .null, .string: break
        case .some(let other):
            return failure(fallbackID, GazetteError(.invalidRecord, "\(origin): \"id\" is a \(other.typeName); ids must be strings"))
        }
        if id != fallbackID, let error = checkID(id) { return failure(id, error) }
        var url: String?
        switch fields["url"] {
        case .string(let value) where !value.isEmpty: url = String(decoding: value, as: UTF8.self)
        case .none, .null, .string: break
        case .some(let other):
            return failure(id, GazetteError(.invalidRecord, "\(origin): \"url\" is a \(other.typeName); use a string"))
        }
        var flags: [String: Bool] = [:]
        for key in flagKeys.sorted() {
            switch fields[key] {
            case .bool(let value): flags[key] = value
            case .none, .null: break
            case .some(let other):
                return failure(id, url: url, GazetteError(.invalidRecord, "\(origin): \"\(key)\" is a \(other.typeName); use true or false"))
            }
        }
        let input: ArticleInput
        switch (fields["html"], fields["text"]) {
        case (.string(let html), _):
            input = .html(html, charset: "utf-8")
        case (.some(let other), _) where other != .null:
            return failure(id, url: url, GazetteError(.invalidRecord, "\(origin): \"html\" is a \(other.typeName); use a string"))
        case (_, .string(let text)):
            input = .text(String(decoding: text, as: UTF8.self))
        case (_, .some(let other)) where other != .null:
            return failure(id, url: url, GazetteError(.invalidRecord, "\(origin): \"text\" is a \(other.typeName); use a string"))
        default:
            return failure(id, url: url, GazetteError(.invalidRecord, "\(origin) has neither \"html\" nor \"text\"; each record needs one of them as a string"))
        }
        if input.byteCount > limits.maxRecordBytes {
            return failure(id, url: url, GazetteError(
                .limitExceeded,
                "\(origin) holds \(input.byteCount) bytes, more than the record limit of \(limits.maxRecordBytes) (raise it with --max-record-bytes)"))
        }
        let article = Article(id: id, url: url, input: input, origin: origin)
        return Decoded(record: InputRecord(article: article, origin: origin, inputPosition: inputPosition), flags: flags)
    }
}
