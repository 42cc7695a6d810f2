@testable import ArticleIO
import GazetteCore

/// What a reader made of its input, reduced to what must not depend on how the bytes arrived
/// (chunk size, gzip or not): one line per event.
public func summarize(_ next: () -> InputEvent?, limits: Limits) -> [String] {
    var lines: [String] = []
    while let event = next() {
        switch event {
        case .skipped:
            lines.append("skipped")
        case .record(let record):
            switch record.content {
            case .success(let article):
                guard article.input.byteCount <= limits.maxRecordBytes else {
                    fatalError("record \(record.id) has \(article.input.byteCount) bytes, over the limit \(limits.maxRecordBytes)")
                }
                guard article.id == record.id else { fatalError("article id \(article.id) differs from record id \(record.id)") }
                lines.append("article \(record.id) \(record.url ?? "-") \(article.input.byteCount)")
            case .failure(let error):
                lines.append("error \(record.id) \(error.code)")
            }
        }
        if lines.count > 1_000_000 { fatalError("reader does not terminate") }
    }
    return lines
}
