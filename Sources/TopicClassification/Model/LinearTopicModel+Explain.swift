import Foundation

/// How much one word or word pair of a text counted for a topic.
public struct FeatureContribution: Sendable, Hashable {
    /// The word or word pair as it appears in the text, lowercased (a pair spans the stop words between);
    /// `~word` is the word's cluster (words used like it), for models with word cluster features.
    public var feature: String
    /// What it added to the topic's log-odds against the average topic (calibrated scale): positive
    /// pushes towards the topic, negative away from it.
    public var weight: Double

    /// Creates a contribution.
    public init(feature: String, weight: Double) {
        self.feature = feature
        self.weight = weight
    }
}

extension LinearTopicModel {
    /// The words and word pairs of a document that pushed it most towards `label` (at most `limit`,
    /// strongest first, only those that pushed towards it), so a user can see why a story was
    /// called "economy".
    ///
    /// A feature's contribution is its weighted value in the document times its weight for the topic
    /// minus its mean weight over all topics (a word every topic weighs alike explains nothing),
    /// divided by the calibration temperature. Returns an empty list for an unknown label.
    public func explain(_ parts: [String], label: String, limit: Int = 10) -> [FeatureContribution] {
        guard let c = labels.firstIndex(of: label), limit > 0 else { return [] }
        let vector = extractor.features(parts)
        var value: [Int32: Float] = [:]
        for (index, v) in zip(vector.indices, vector.values) { value[index] = v }
        let k = labels.count
        var seen = Set<Int>()
        var contributions: [FeatureContribution] = []
        for part in parts {
            var copy = part
            copy.withUTF8 { bytes in
                func add(_ bucket: Int, _ range: Range<Int>, prefix: String) {
                    guard seen.insert(bucket).inserted, let v = value[Int32(bucket)] else { return }
                    var sum: Float = 0
                    for j in 0..<k { sum += weight(bucket: bucket, label: j) }
                    let delta = v * (weight(bucket: bucket, label: c) - sum / Float(k)) / temperature
                    guard delta > 0 else { return }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                    contributions.append(FeatureContribution(feature: prefix + words.joined(separator: " "), weight: Double(delta)))
                }
                extractor.hasher.forEachFeature(inBytes: bytes) { add($0, $1, prefix: "") }
                extractor.forEachClusterBucket(inBytes: bytes) { add($0, $1, prefix: "~") }
            }
        }
        // A word's clusters at several granularities are one feature, `~word`.
        var merged: [String: Double] = [:]
        for contribution in contributions { merged[contribution.feature, default: 0] += contribution.weight }
        contributions = merged.map { FeatureContribution(feature: $0.key, weight: $0.value) }
        contributions.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.feature < $1.feature }
        return Array(contributions.prefix(limit))
    }

    /// The weight of hash bucket `bucket` for class index `label` (dequantised for int8 storage).
    func weight(bucket: Int, label: Int) -> Float {
        let i = bucket * labels.count + label
        switch storage {
        case .float32(let w): return w[i]
        case .int8(let q, let scales): return Float(q[i]) * scales[label]
        }
    }
}
