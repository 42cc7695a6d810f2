#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
public import GazetteCore

/// Distributional word clusters: words that occur in similar contexts in unlabelled news share a
/// cluster id (`kiev`, `minsk`, `tbilisi`), at three granularities (coarse, middle, fine), so the
/// tagger generalises from names it was trained on to names it never saw.
///
/// Built by `Scripts/build-word-clusters` into `models/ner/clusters.tsv` (`word<TAB>coarse<TAB>middle<TAB>fine`,
/// `#` comment lines); a trained model carries the clusters it was trained with.
public struct WordClusters: Sendable {
    /// (lower-cased word hash, packed ids) sorted by hash: what the model file stores.
    private(set) var pairs: [(hash: UInt64, ids: UInt32)] = []
    /// Packed ids per word hash for look-ups (0 = not clustered).
    private var table = WordTable<UInt32>(capacity: 0)

    /// Largest id of each granularity plus one (coarse, middle, fine): 8, 10 and 12 bits of the packed value.
    static let limits = [256, 1024, 4096]
    static let shifts: [UInt32] = [0, 8, 18]
    /// Set in every packed value of a clustered word.
    static let known: UInt32 = 1 << 31

    /// No clusters (every word unknown).
    public init() {}

    /// Clusters from (word hash, packed ids) pairs, as the model file stores them.
    init(pairs: [(hash: UInt64, ids: UInt32)]) {
        self.pairs = pairs.sorted { $0.hash < $1.hash }
        table = WordTable(capacity: pairs.count)
        for p in self.pairs { table.set(p.hash, p.ids) }
    }

    /// Parses the cluster file's text.
    public init(tsv: String, origin: String = "clusters") throws(GazetteError) {
        var pairs: [(hash: UInt64, ids: UInt32)] = []
        var lineNumber = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, !fields[0].isEmpty,
                  let a = Int(fields[1]), let b = Int(fields[2]), let c = Int(fields[3]),
                  (0..<Self.limits[0]).contains(a), (0..<Self.limits[1]).contains(b), (0..<Self.limits[2]).contains(c) else {
                throw GazetteError(.model, "\(origin) line \(lineNumber): expected word<TAB>coarse<TAB>middle<TAB>fine with ids below \(Self.limits.map(String.init).joined(separator: ", "))")
            }
            pairs.append((FeatureHash.lowercased(String(fields[0])), Self.pack(a, b, c)))
        }
        self.init(pairs: pairs)
    }

    /// Reads a cluster file.
    public init(contentsOf path: String) throws(GazetteError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GazetteError(.io, "cannot read the word clusters \(path); rebuild them with Scripts/build-word-clusters")
        }
        try self.init(tsv: String(decoding: data, as: UTF8.self), origin: path)
    }

    /// Number of clustered words.
    public var count: Int { pairs.count }

    /// The three ids in one value, with the ``known`` bit.
    static func pack(_ coarse: Int, _ middle: Int, _ fine: Int) -> UInt32 {
        known | UInt32(coarse) << shifts[0] | UInt32(middle) << shifts[1] | UInt32(fine) << shifts[2]
    }

    /// The packed ids of the word with lower-cased hash `hash` (0 when it has none).
    @inline(__always)
    func ids(_ hash: UInt64) -> UInt32 { pairs.isEmpty ? 0 : table[hash] }

    /// Granularity `level` (0 coarse, 1 middle, 2 fine) of packed ids: the id plus one, 0 for none.
    @inline(__always)
    static func level(_ packed: UInt32, _ level: Int) -> UInt64 {
        guard packed & known != 0 else { return 0 }
        return UInt64((packed >> shifts[level]) & UInt32(limits[level] - 1)) + 1
    }
}
