import GazetteCore
/// The shared state of a batch run: the queue of records to tag, the finished outputs waiting for
/// their turn, and the window that bounds both. Guarded by one lock.
///
/// The window is counted twice: in records (`window`) and in raw input bytes (`byteBudget`), so a
/// run of pages near the record size limit holds a few of them at a time, not `window` of them.
final class BatchState: @unchecked Sendable {
    private let lock = ConditionLock()
    private let window: Int
    private let byteBudget: Int
    /// Raw input bytes of the records submitted and not yet tagged.
    private var bytesInFlight = 0
    /// Records read but not yet taken by a worker; never longer than `window`, so removing from
    /// the front is cheap, and a taken record is released at once (its page may be megabytes).
    private var queue: [(Int, InputRecord)] = []
    private var ready: [Int: BatchRunner.Output] = [:]
    private var submitted = 0
    private var nextToWrite = 0
    private var readingDone = false
    private var counts = BatchStatistics()

    /// Creates the state for at most `window` records and about `byteBudget` bytes of raw input in
    /// flight; one record is always admitted, however large, when nothing else is in flight.
    init(window: Int, byteBudget: Int = .max) {
        self.window = window
        self.byteBudget = byteBudget
    }

    /// Queues a record for tagging, waiting while the window is full.
    func submit(_ record: InputRecord) {
        let size = record.rawByteCount
        lock.withLock {
            while submitted - nextToWrite >= window || (bytesInFlight > 0 && bytesInFlight + size > byteBudget) {
                lock.wait()
            }
            queue.append((submitted, record))
            bytesInFlight += size
            submitted += 1
            lock.broadcast()
        }
    }

    /// Marks the end of input.
    func finishReading() {
        lock.withLock {
            readingDone = true
            lock.broadcast()
        }
    }

    /// The next record to tag with its sequence number, or nil when input is done and drained.
    func take() -> (Int, InputRecord)? {
        lock.withLock {
            while queue.isEmpty {
                if readingDone { return nil }
                lock.wait()
            }
            return queue.removeFirst()
        }
    }

    /// Stores a finished output; `record` is the record it was made from, whose bytes no longer
    /// count against the budget.
    func complete(_ sequence: Int, _ output: BatchRunner.Output, of record: InputRecord) {
        lock.withLock {
            ready[sequence] = output
            bytesInFlight -= record.rawByteCount
            lock.broadcast()
        }
    }

    /// The outputs that are next in order; waits up to `timeout` seconds for one when `wait` is
    /// set. `finished` is true once every submitted record has been handed out and input is done.
    func takeReady(wait: Bool, timeout: Double) -> (batch: [BatchRunner.Output], finished: Bool) {
        lock.withLock {
            var batch: [BatchRunner.Output] = []
            while true {
                while let output = ready.removeValue(forKey: nextToWrite) {
                    batch.append(output)
                    nextToWrite += 1
                }
                let finished = readingDone && nextToWrite == submitted
                if !batch.isEmpty || finished || !wait {
                    if !batch.isEmpty { lock.broadcast() }
                    return (batch, finished)
                }
                lock.wait(seconds: timeout)
                if ready[nextToWrite] == nil && !(readingDone && nextToWrite == submitted) {
                    return (batch, false)  // a timeout: let the writer report progress
                }
            }
        }
    }

    /// Counts outputs that were written.
    func recordWritten(_ batch: [BatchRunner.Output]) {
        lock.withLock {
            for output in batch { counts.count(output.isError, position: output.inputPosition) }
        }
    }

    /// Adds a worker's stage times.
    func addProfile(_ profile: StageProfile) {
        lock.withLock { counts.profile.merge(profile) }
    }

    /// Records the state still holds, queued or ready to write; never more than the window.
    var heldRecords: Int { lock.withLock { queue.count + ready.count } }

    /// The counts so far.
    var statistics: BatchStatistics { lock.withLock { counts } }
}
