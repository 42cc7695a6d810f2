import Foundation
import Gazette
@_spi(GazetteInternal) import GazetteCore

/// What `gazette --version` prints: the program version, where its data is, the gazetteer build and
/// the models' provenance, so a user can tell which lists and models tagged a file.
enum VersionReport {
    /// The program version.
    static let programVersion = GazetteVersion.current

    static func text() -> String {
        var lines = ["gazette \(programVersion)"]
        let root: String
        do {
            root = try DataLocator.dataRoot()
        } catch {
            lines.append("data: not found (\(error.message))")
            return lines.joined(separator: "\n")
        }
        lines.append("data: \(root)")
        if let files = try? GazetteerFile.files(in: root + "/gazetteers") {
            var hash = StableHash.fnvOffset
            var rows = 0
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                hash = StableHash.extend(hash, StableHash.fnv1a(data))
                rows += data.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            }
            lines.append("gazetteers: \(files.count) lists, \(rows) lines, content \(String(hash, radix: 16)) (sources and licences: gazetteers/SOURCES.md)")
        }
        for (name, relative) in [("ner model", EntityRecognizer.defaultModelPath), ("topic model", TopicClassifier.defaultModelPath)] {
            guard let data = FileManager.default.contents(atPath: root + "/" + relative) else {
                lines.append("\(name): missing (\(relative))")
                continue
            }
            var line = "\(name): \(relative), \(data.count) bytes, content \(String(StableHash.fnv1a(data), radix: 16))"
            if relative == TopicClassifier.defaultModelPath, let model = try? LinearTopicModel(contentsOf: root + "/" + relative) {
                line += ", " + model.provenance.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
