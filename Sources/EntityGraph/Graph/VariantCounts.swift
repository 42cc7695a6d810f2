/// How many articles gave a node each of its names (or types, or Wikidata ids): the part of a
/// partial graph that lets shards disagreeing on a label merge to one deterministic choice.
public struct VariantCounts: Sendable, Hashable {
    /// Distinct values with their article counts, in first-seen order (usually one entry).
    public private(set) var entries: [(value: String, count: Int)] = []

    /// No values.
    public init() {}

    /// Adds `count` articles for `value`.
    public mutating func add(_ value: String, count: Int = 1) {
        if let index = entries.firstIndex(where: { $0.value == value }) {
            entries[index].count += count
        } else {
            entries.append((value, count))
        }
    }

    /// Adds every count of `other`.
    public mutating func add(_ other: VariantCounts) {
        for entry in other.entries { add(entry.value, count: entry.count) }
    }

    /// The most frequent value; ties go to the value whose UTF-8 bytes sort first.
    public var best: String? {
        var winner: (value: String, count: Int)?
        for entry in entries {
            guard let current = winner else { winner = entry; continue }
            if entry.count > current.count || (entry.count == current.count && entry.value.utf8Precedes(current.value)) {
                winner = entry
            }
        }
        return winner?.value
    }

    /// The entries sorted by value (UTF-8 byte order), for output.
    public var sorted: [(value: String, count: Int)] {
        entries.sorted { $0.value.utf8Precedes($1.value) }
    }

    public static func == (lhs: VariantCounts, rhs: VariantCounts) -> Bool {
        let left = lhs.sorted, right = rhs.sorted
        return left.count == right.count && zip(left, right).allSatisfy { $0.value == $1.value && $0.count == $1.count }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in sorted {
            hasher.combine(entry.value)
            hasher.combine(entry.count)
        }
    }
}

extension String {
    /// Byte-wise UTF-8 order: the same on every platform and independent of Unicode normalisation,
    /// which is what deterministic output needs.
    func utf8Precedes(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }
}
