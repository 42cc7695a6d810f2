import ArticleIO
import ServiceLifecycle

/// The threads that tag: `jobs` OS threads running synchronous, CPU-bound jobs off the NIO event
/// loops, fed from one FIFO queue of bounded length.
///
/// A request that would make the queue longer than `queueLimit` while every thread is busy is
/// refused at once
/// (``Overloaded``; the server answers 503 with `Retry-After`), so a burst costs the client a retry,
/// not the server its memory. A job whose task is cancelled (the request timed out or the client
/// left) leaves the queue if it has not started; one already running finishes on its thread and
/// its result is dropped.
///
/// As a `Service` the pool lives as long as the server: on graceful shutdown it lets the queued
/// jobs finish, then stops its threads.
final class TagWorkers: Service, @unchecked Sendable {
    /// The queue was full.
    struct Overloaded: Error {}

    /// Threads that tag.
    let jobs: Int
    /// Jobs waiting for a thread, at most, beyond one running on each thread (the jobs of a stream
    /// already admitted, `bypassingLimit`, can go past it).
    let queueLimit: Int

    private let lock = ConditionLock()
    // State below is guarded by `lock`.
    private var queue: [Job] = []
    private var queueStart = 0
    private var running = 0
    private var stopping = false
    private var threads: [WorkerThread] = []

    /// Starts `jobs` threads (at least one); ``stop()`` ends them.
    init(jobs: Int, queueLimit: Int) {
        self.jobs = max(1, jobs)
        self.queueLimit = max(0, queueLimit)
        for _ in 0..<self.jobs {
            // The threads hold the pool until ``stop()`` ends them.
            if let thread = WorkerThread({ self.work() }) { threads.append(thread) }
        }
        startedNoThread = threads.isEmpty
    }

    /// No worker thread could be started (set once, in `init`).
    private var startedNoThread = false

    /// Jobs waiting and jobs running, now.
    var load: (queued: Int, running: Int) {
        lock.withLock { (queue.count - queueStart, running) }
    }

    /// Whether a new request would be refused now.
    var isFull: Bool {
        lock.withLock { stopping || !hasRoom }
    }

    /// Whether one more job fits: at most `jobs + queueLimit` jobs queued or running. Call with
    /// the lock held.
    private var hasRoom: Bool {
        queue.count - queueStart + running < jobs + queueLimit
    }

    /// Runs `work` on a worker thread and returns its result. Throws ``Overloaded`` when the queue
    /// is full (unless `bypassingLimit`: the records of a stream already admitted) or the pool is
    /// stopping, and `CancellationError` when the calling task is cancelled first.
    func run<T: Sendable>(bypassingLimit: Bool = false, _ work: @escaping @Sendable () -> T) async throws -> T {
        // The system refused every thread: tag on the caller's rather than never.
        if startedNoThread { return work() }
        let job = Job()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                job.body = { job in
                    let value = work()
                    if self.finish(job) { continuation.resume(returning: value) }
                }
                job.fail = { continuation.resume(throwing: $0) }
                let refusal: (any Error)? = lock.withLock {
                    if job.state == .cancelled { return CancellationError() }
                    if stopping || (!bypassingLimit && !hasRoom) {
                        job.state = .finished
                        return Overloaded()
                    }
                    job.state = .queued
                    queue.append(job)
                    lock.broadcast()
                    return nil
                }
                if let refusal { continuation.resume(throwing: refusal) }
            }
        } onCancel: {
            cancel(job)
        }
    }

    /// Waits for graceful shutdown, then lets the queue drain and stops the threads.
    func run() async throws {
        try? await gracefulShutdown()
        stop()
    }

    /// Stops taking jobs, lets the queued ones finish and joins the threads.
    func stop() {
        let joining: [WorkerThread] = lock.withLock {
            stopping = true
            lock.broadcast()
            defer { threads = [] }
            return threads
        }
        for thread in joining { thread.join() }
    }

    // MARK: Workers

    /// One queued piece of work. `state` is touched under the pool's lock; `body` and `fail` are
    /// set before the job is queued.
    private final class Job: @unchecked Sendable {
        enum State {
            /// Not queued yet.
            case created
            /// Cancelled before it was queued: it never will be.
            case cancelled
            case queued
            case running
            /// Its caller was answered (result, refusal or cancellation).
            case finished
        }
        var state = State.created
        var body: (Job) -> Void = { _ in }
        var fail: (any Error) -> Void = { _ in }
    }

    private func work() {
        while let job = next() {
            job.body(job)
            lock.withLock { running -= 1 }
        }
    }

    /// The next queued job, waiting for one; nil once stopping and the queue is empty.
    private func next() -> Job? {
        lock.withLock {
            while true {
                if queueStart < queue.count {
                    let job = queue[queueStart]
                    queueStart += 1
                    if queueStart > 64, queueStart * 2 > queue.count {
                        queue.removeFirst(queueStart)
                        queueStart = 0
                    }
                    guard job.state == .queued else { continue }
                    job.state = .running
                    running += 1
                    return job
                }
                if stopping { return nil }
                lock.wait()
            }
        }
    }

    /// Marks `job` finished; false when its caller was already answered (cancelled).
    private func finish(_ job: Job) -> Bool {
        lock.withLock {
            guard job.state == .running else { return false }
            job.state = .finished
            return true
        }
    }

    private func cancel(_ job: Job) {
        let fail: ((any Error) -> Void)? = lock.withLock {
            switch job.state {
            case .created:
                job.state = .cancelled
                return nil
            case .queued, .running:
                // Queued: the worker that dequeues it skips it. Running: its result is dropped.
                job.state = .finished
                return job.fail
            case .cancelled, .finished:
                return nil
            }
        }
        fail?(CancellationError())
    }
}
