#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with one condition variable, for the batch runner's queues (threads wait on it for work,
/// results or a free slot in the window) and the server's worker pool.
package final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    /// Creates an unlocked lock.
    package init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Runs `body` with the mutex held.
    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits for a signal; call only from inside `withLock`.
    package func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits for a signal or until `seconds` have passed; call only from inside `withLock`.
    package func wait(seconds: Double) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let whole = Int(seconds)
        var deadline = timespec(
            tv_sec: now.tv_sec + whole,
            tv_nsec: now.tv_nsec + Int((seconds - Double(whole)) * 1e9)
        )
        if deadline.tv_nsec >= 1_000_000_000 {
            deadline.tv_sec += 1
            deadline.tv_nsec -= 1_000_000_000
        }
        pthread_cond_timedwait(condition, mutex, &deadline)
    }

    /// Wakes every waiting thread.
    package func broadcast() { pthread_cond_broadcast(condition) }
}

/// A started OS thread that can be joined; the batch runner's workers and writer, the server's
/// tagging workers.
package struct WorkerThread {
    private let handle: pthread_t

    /// Starts a thread running `body`; nil when the system refuses to create one.
    package init?(_ body: @escaping @Sendable () -> Void) {
        final class Box { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var handle = pthread_t()
        let status = pthread_create(&handle, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        self.handle = handle
    }

    /// Waits for the thread to finish.
    package func join() { pthread_join(handle, nil) }
}
