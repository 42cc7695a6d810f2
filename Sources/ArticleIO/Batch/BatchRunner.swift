#if os(Linux)
import CMalloc
#endif
public import GazetteCore

/// Tags a stream of input records on several threads and writes one output line per record, in
/// input order, with a bounded number of records in flight.
///
/// The calling thread reads; `jobs` worker threads run the pipeline; one writer thread puts results
/// back in order and writes them as soon as they are ready, so output streams while input is
/// still being read. At most `window` records are read but not yet written, which bounds memory
/// whatever the input size.
public struct BatchRunner: Sendable {
    /// How to run a batch.
    public struct Options: Sendable {
        /// Worker threads (at least 1).
        public var jobs: Int
        /// Records read but not yet written, at most (default 4 × jobs).
        public var window: Int
        /// Raw input bytes read but not yet tagged, at most, except that one record is always
        /// admitted (default 24 MiB, or 2 MiB × jobs when more). Tagging a page takes several times
        /// its size in memory, so pages near the 16 MiB record limit are tagged one at a time while
        /// ordinary pages still fill every worker.
        public var byteBudget: Int
        /// What each output record includes.
        public var record: TagRecord.Options
        /// Measure time per stage.
        public var profile: Bool

        /// Creates options; `window` defaults to 4 × `jobs`, `byteBudget` to 24 MiB or 2 MiB × `jobs`,
        /// whichever is more.
        public init(
            jobs: Int, window: Int? = nil, byteBudget: Int? = nil, record: TagRecord.Options = TagRecord.Options(),
            profile: Bool = false
        ) {
            self.jobs = max(1, jobs)
            self.window = max(1, window ?? 4 * max(1, jobs))
            self.byteBudget = max(1, byteBudget ?? max(24 << 20, (2 << 20) * max(1, jobs)))
            self.record = record
            self.profile = profile
        }
    }

    /// The pipeline each record goes through.
    public let pipeline: Pipeline
    /// How the batch runs.
    public let options: Options

    /// Creates a runner.
    public init(pipeline: Pipeline, options: Options) {
        self.pipeline = pipeline
        self.options = options
    }

    /// Reads events from `next` until it returns nil, tags the records and writes their lines to
    /// `writer`; `progress` is called on the writer thread about every `progressInterval` seconds.
    public func run(
        next: () -> InputEvent?,
        writer: LineWriter,
        progressInterval: Double = 0.5,
        progress: (@Sendable (BatchStatistics) -> Void)? = nil
    ) -> BatchStatistics {
        let state = BatchState(window: options.window, byteBudget: options.byteBudget)
        let clock = ContinuousClock()
        let start = clock.now
        let pipeline = self.pipeline
        let options = self.options

        var workers: [WorkerThread] = []
        for _ in 0..<options.jobs {
            guard let thread = WorkerThread({ BatchRunner.work(state: state, pipeline: pipeline, options: options) }) else { break }
            workers.append(thread)
        }
        let writerThread = WorkerThread {
            BatchRunner.write(state: state, writer: writer, start: start, interval: progressInterval, progress: progress)
        }
        if workers.isEmpty || writerThread == nil {
            // The system refused threads: run everything on this thread.
            state.finishReading()
            return runSequentially(next: next, writer: writer, start: start)
        }

        var skipped = 0
        while let event = next() {
            switch event {
            case .skipped: skipped += 1
            case .record(let record): state.submit(record)
            }
        }
        state.finishReading()
        for worker in workers { worker.join() }
        writerThread?.join()
        writer.flush()
        var statistics = state.statistics
        statistics.skipped = skipped
        statistics.seconds = (clock.now - start).seconds
        return statistics
    }

    /// The single-threaded fallback.
    private func runSequentially(next: () -> InputEvent?, writer: LineWriter, start: ContinuousClock.Instant) -> BatchStatistics {
        var statistics = BatchStatistics()
        var profile = StageProfile()
        while let event = next() {
            switch event {
            case .skipped: statistics.skipped += 1
            case .record(let record):
                let result = BatchRunner.tag(record, pipeline: pipeline, options: options, profile: &profile)
                writer.write(line: result.line)
                statistics.count(result.isError, position: record.inputPosition)
            }
        }
        writer.flush()
        statistics.profile = profile
        statistics.seconds = (ContinuousClock.now - start).seconds
        return statistics
    }

    /// One tagged (or failed) record as an output line.
    package struct Output: Sendable {
        /// The JSON line, without newline.
        package var line: String
        /// The error code when the line is an error record.
        package var error: GazetteError.Code?
        /// The record's input position (progress).
        package var inputPosition: Int

        /// Whether the line is an error record.
        package var isError: Bool { error != nil }

        /// An output line; `error` is the code of an error record.
        package init(line: String, error: GazetteError.Code?, inputPosition: Int) {
            self.line = line
            self.error = error
            self.inputPosition = inputPosition
        }
    }

    /// Tags one record and encodes its output line: the one place that turns an input record into
    /// the line `gazette tag` writes (the server answers with the same line).
    package static func tag(_ record: InputRecord, pipeline: Pipeline, options: Options, profile: inout StageProfile) -> Output {
        switch record.content {
        case .failure(let error):
            return Output(line: TagRecord.encodeError(id: record.id, url: record.url, error: error), error: error.code, inputPosition: record.inputPosition)
        case .success(let article):
            do {
                let tagged = options.profile ? try pipeline.tag(article, profile: &profile) : try pipeline.tag(article)
                return Output(line: TagRecord.encode(tagged, options: options.record), error: nil, inputPosition: record.inputPosition)
            } catch {
                return Output(line: TagRecord.encodeError(id: record.id, url: record.url, error: error), error: error.code, inputPosition: record.inputPosition)
            }
        }
    }

    private static func work(state: BatchState, pipeline: Pipeline, options: Options) {
        var profile = StageProfile()
        while let (sequence, record) = state.take() {
            let output = tag(record, pipeline: pipeline, options: options, profile: &profile)
            state.complete(sequence, output, of: record)
            releaseFreedMemory(after: record)
        }
        state.addProfile(profile)
    }

    /// Records at least this large (raw bytes) hand the memory freed after tagging them back to
    /// the system.
    static let trimThreshold = 1 << 20

    /// A multi-megabyte page leaves its thread's malloc arena holding tens of megabytes of freed
    /// blocks, which glibc keeps for reuse; with a few such arenas the process would sit well above
    /// what it uses. After a record of at least ``trimThreshold`` raw bytes, `malloc_trim` returns
    /// those pages (a few milliseconds, only after large pages).
    package static func releaseFreedMemory(after record: InputRecord) {
        guard record.rawByteCount >= trimThreshold else { return }
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }

    private static func write(
        state: BatchState, writer: LineWriter, start: ContinuousClock.Instant, interval: Double,
        progress: (@Sendable (BatchStatistics) -> Void)?
    ) {
        var lastReport = start
        var unflushed = false
        while true {
            let (batch, finished) = state.takeReady(wait: !unflushed, timeout: interval)
            for output in batch { writer.write(line: output.line) }
            if !batch.isEmpty {
                unflushed = true
                state.recordWritten(batch)
            } else if unflushed {
                writer.flush()
                unflushed = false
            }
            if let progress, ContinuousClock.now - lastReport >= .milliseconds(Int(interval * 1000)) {
                lastReport = ContinuousClock.now
                var snapshot = state.statistics
                snapshot.seconds = (lastReport - start).seconds
                progress(snapshot)
            }
            if finished { break }
        }
        writer.flush()
    }
}
