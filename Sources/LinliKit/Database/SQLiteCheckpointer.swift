import Foundation
import Logging
import NIOConcurrencyHelpers
import VaporCSQLite

/// Copies the write-ahead log back into the database file on a thread and connection of its
/// own.
///
/// Left to itself, SQLite does this inside the commit that takes the log past 1,000 pages, on
/// the writer's connection — and the next write waits behind the copy and its two `fsync`s,
/// however many are queued (an intake profile: a tenth of the CPU, and iowait that kept the
/// cores a quarter idle, docs/benchmarks.md). A passive checkpoint needs no write lock, so
/// here the writer only notes that the log is long and goes on; the durability is the same
/// (the commits' own syncs, with `synchronous=FULL`, are untouched; checkpoints are synced).
///
/// The log starts again from its beginning only after a checkpoint that copied all of it,
/// which one running beside continuous writes never quite does: past `writerPages` the writer
/// copies the last pages the background has not reached itself, and the next write starts
/// the log again (without that it grew by 130 MB a second under intake; 8,000 pages keep it
/// under 32 MiB).
final class SQLiteCheckpointer: @unchecked Sendable {
    /// As SQLite's own automatic checkpoint.
    static let pages: Int32 = 1000
    static let writerPages: Int32 = 8000

    private let connection: SQLiteConnectionHandle
    private let logger: Logger
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let state = NIOLockedValueBox(State())

    private struct State {
        var requested = false
        var stopped = false
        var completed = 0
    }

    init(path: String, logger: Logger) throws {
        connection = try SQLiteConnectionHandle(path: path, logger: logger)
        self.logger = logger
        let thread = Thread { [self] in run() }
        thread.name = "linli-sqlite-checkpoint"
        thread.start()
    }

    /// Takes over the writer's checkpoints (its hook replaces SQLite's automatic one).
    func watch(_ writer: SQLiteConnectionHandle) {
        writer.onCommit { [self] walPages in
            if walPages >= Self.pages { request() }
            return walPages >= Self.writerPages
        }
    }

    /// Checkpoints completed so far (for tests).
    var completed: Int { state.withLockedValue { $0.completed } }

    private func request() {
        let signal = state.withLockedValue { state -> Bool in
            defer { state.requested = true }
            return !state.requested && !state.stopped
        }
        if signal { wake.signal() }
    }

    private func run() {
        while true {
            wake.wait()
            let stop = state.withLockedValue { state -> Bool in
                state.requested = false
                return state.stopped
            }
            if stop { break }
            let status = connection.checkpoint()
            if status == SQLITE_OK {
                state.withLockedValue { $0.completed += 1 }
            } else if status != SQLITE_BUSY {
                logger.error("SQLite checkpoint failed", metadata: ["status": "\(status)"])
            }
        }
        connection.close()
        finished.signal()
    }

    /// Waits for a checkpoint in progress, then closes the connection.
    func stop() {
        let first = state.withLockedValue { state -> Bool in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        wake.signal()
        finished.wait()
    }
}
