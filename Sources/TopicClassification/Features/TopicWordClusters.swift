import Foundation
@_spi(GazetteInternal) public import GazetteCore

/// Distributional word classes for topic features: each word of a table (learned from unlabelled
/// news, `word<TAB>id<TAB>id…` per line) has one cluster id per granularity, so a headline word
/// one source never used still fires the feature its cluster learned from other sources' words.
///
/// Words are keyed by the topic hasher's folded word hash (lowercase, digits as `0`, apostrophes
/// dropped); table entries that the hasher reads as several words are skipped.
public struct TopicWordClusters: Sendable, Hashable {
    /// Folded word hashes, sorted ascending.
    let hashes: [UInt64]
    /// Cluster ids, `levels` per word, in hash order.
    let ids: [UInt16]
    /// Granularities per word (columns of the table).
    public let levels: Int
    /// The table's file name (a model file names it; it is kept next to the model).
    public let fileName: String

    /// Number of words.
    public var count: Int { hashes.count }

    /// Creates a table from word hashes and their ids (`levels` per word); sorts by hash and keeps the
    /// first entry of a repeated hash.
    init(entries: [(hash: UInt64, ids: [UInt16])], levels: Int, fileName: String) {
        let sorted = entries.enumerated().sorted { ($0.element.hash, $0.offset) < ($1.element.hash, $1.offset) }
        var hashes: [UInt64] = [], ids: [UInt16] = []
        for (_, entry) in sorted where hashes.last != entry.hash {
            hashes.append(entry.hash)
            ids += entry.ids
        }
        self.hashes = hashes
        self.ids = ids
        self.levels = levels
        self.fileName = fileName
    }

    /// Reads a cluster table (`# comment` lines, then `word<TAB>id<TAB>id…`; every line the same number of ids).
    public init(contentsOf path: String) throws(GazetteError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw GazetteError(.io, "could not read the word clusters \(path)", cause: error.localizedDescription)
        }
        let hasher = WordHasher(options: FeatureOptions())
        var entries: [(hash: UInt64, ids: [UInt16])] = []
        var levels = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let ids = fields.dropFirst().compactMap { UInt16($0) }
            guard fields.count >= 2, ids.count == fields.count - 1, levels == 0 || ids.count == levels else {
                throw GazetteError(.invalidRecord, "\(path):\(number + 1): expected word<TAB>cluster ids, the same number on every line")
            }
            levels = ids.count
            var hashes: [UInt64] = []
            var word = String(fields[0])
            word.withUTF8 { bytes in hasher.forEachWordHash(bytes) { hash, _ in hashes.append(hash) } }
            if hashes.count == 1 { entries.append((hashes[0], ids)) }
        }
        guard levels > 0 else { throw GazetteError(.invalidRecord, "\(path): no word clusters") }
        self.init(entries: entries, levels: levels, fileName: (path as NSString).lastPathComponent)
    }

    /// The position of a word hash in the table, or nil.
    @inline(__always) func find(_ hash: UInt64) -> Int? {
        var lo = 0, hi = hashes.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if hashes[mid] < hash { lo = mid + 1 } else { hi = mid }
        }
        return lo < hashes.count && hashes[lo] == hash ? lo : nil
    }

    /// The cluster id of the word at position `index` at granularity `level`.
    @inline(__always) func id(at index: Int, level: Int) -> UInt16 { ids[index * levels + level] }

    /// The bucket of cluster `id` at granularity `level` in a hash space with `mask`.
    @inline(__always) static func bucket(level: Int, id: UInt16, mask: UInt64) -> Int {
        Int(StableHash.finalize(0xC1_0570_0000_0000 | UInt64(level) << 20 | UInt64(id)) & mask)
    }
}
