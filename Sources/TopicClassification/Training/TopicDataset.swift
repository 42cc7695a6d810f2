import Foundation
public import GazetteCore

/// Reads labelled documents from JSONL: one `{"text" | "html", "label" | "labels"}` object per line.
///
/// `title` is used too when present. Blank lines are skipped; every other problem stops the load with
/// an error naming the file and line, because a silently skipped record would skew training.
public enum TopicDataset {
    /// Turns an HTML page's bytes into article text (title and body); supplied by the caller, e.g.
    /// the CLI's HTML cleaner, since this module does not parse HTML.
    public typealias HTMLReader = @Sendable ([UInt8]) throws(GazetteError) -> [String]

    /// Loads every record of the JSONL file at `path`.
    ///
    /// Errors: an unreadable file (`io_error`), a file with no records (`empty_input`), a line that
    /// is not JSON (`invalid_json`, with its line number), a record without text or label or with
    /// `html` when no `htmlReader` is given (`invalid_record`).
    public static func load(_ path: String, htmlReader: HTMLReader? = nil) throws(GazetteError) -> [TopicExample] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw GazetteError(.io, "could not read the training data \(path)", cause: error.localizedDescription)
        }
        return try parse([UInt8](data), name: path, htmlReader: htmlReader)
    }

    /// Loads unlabelled records (`{"text", "title"?}` per line) for classification; labels are optional.
    public static func loadTexts(_ path: String, htmlReader: HTMLReader? = nil) throws(GazetteError) -> [TopicExample] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw GazetteError(.io, "could not read \(path)", cause: error.localizedDescription)
        }
        return try parse([UInt8](data), name: path, htmlReader: htmlReader, labelsRequired: false)
    }

    /// Parses JSONL bytes; `name` appears in error messages.
    public static func parse(_ bytes: [UInt8], name: String, htmlReader: HTMLReader? = nil, labelsRequired: Bool = true) throws(GazetteError) -> [TopicExample] {
        var examples: [TopicExample] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            examples.append(try record(line, origin: "\(name):\(lineNumber)", htmlReader: htmlReader, labelsRequired: labelsRequired))
        }
        guard !examples.isEmpty else {
            throw GazetteError(.emptyInput, "\(name) has no records: expected one JSON object per line with \"text\" and \"label\"")
        }
        return examples
    }

    static func record(_ line: ArraySlice<UInt8>, origin: String, htmlReader: HTMLReader?, labelsRequired: Bool) throws(GazetteError) -> TopicExample {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(line)) } catch {
            throw GazetteError(.invalidJSON, "\(origin): not valid JSON")
        }
        guard let record = object as? [String: Any] else {
            throw GazetteError(.invalidRecord, "\(origin): expected a JSON object with \"text\" and \"label\"")
        }
        var labels: [String] = []
        if let label = record["label"] {
            guard let label = label as? String, !label.isEmpty else {
                throw GazetteError(.invalidRecord, "\(origin): \"label\" must be a non-empty string")
            }
            labels = [label]
        } else if let list = record["labels"] {
            guard let list = list as? [String], !list.isEmpty, !list.contains(where: \.isEmpty) else {
                throw GazetteError(.invalidRecord, "\(origin): \"labels\" must be a non-empty list of non-empty strings")
            }
            labels = list
        } else if labelsRequired {
            throw GazetteError(.invalidRecord, "\(origin): record has no \"label\" or \"labels\"")
        }
        var parts: [String] = []
        if let text = record["text"] {
            guard let text = text as? String else { throw GazetteError(.invalidRecord, "\(origin): \"text\" must be a string") }
            if let title = record["title"] as? String { parts.append(title) }
            parts.append(text)
        } else if let html = record["html"] {
            guard let html = html as? String else { throw GazetteError(.invalidRecord, "\(origin): \"html\" must be a string") }
            guard let htmlReader else {
                throw GazetteError(.invalidRecord, "\(origin): \"html\" records need an HTML reader; give \"text\" instead")
            }
            do { parts = try htmlReader(Array(html.utf8)) } catch {
                throw GazetteError(error.code, "\(origin): \(error.message)", cause: error.cause)
            }
        } else {
            throw GazetteError(.invalidRecord, "\(origin): record has no \"text\" or \"html\"")
        }
        if parts.allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D } }) {
            throw GazetteError(.invalidRecord, "\(origin): record has empty text")
        }
        return TopicExample(parts: parts, labels: labels, origin: origin)
    }
}
