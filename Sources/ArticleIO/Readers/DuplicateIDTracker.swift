/// Remembers the record ids seen in one input file (as 64-bit hashes) so a repeated id becomes a
/// `duplicate_id` error record.
///
/// Memory is 12 bytes per table slot, about 16 to 32 bytes per record of the current file (the
/// table doubles as it fills); past ``capacity`` ids the tracker stops remembering, so a file that
/// large is checked for its first four million records only rather than exhausting memory.
package struct DuplicateIDTracker {
    /// Most ids remembered per file.
    package static let capacity = 4_000_000

    private var seen: [UInt64: UInt32] = [:]

    /// An empty tracker.
    package init() {}

    /// Records `id` at `position` (a line number or record index); returns the position of its
    /// earlier occurrence when the id was seen before.
    package mutating func firstPosition(of id: String, at position: Int) -> Int? {
        let key = ResumeIndex.hash(id.utf8)
        if let earlier = seen[key] { return Int(earlier) }
        if seen.count < DuplicateIDTracker.capacity { seen[key] = UInt32(clamping: position) }
        return nil
    }
}
