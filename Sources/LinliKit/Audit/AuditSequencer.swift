import Foundation
import SQLKit

/// 入链 — chains audit entries after their changes commit, one sequencer at a time across
/// instances (PostgreSQL: a transaction-level advisory lock; SQLite: its one writer). Each
/// round takes the unsequenced entries every earlier round could not see, in insert order,
/// gives them the next `seq` and their hashes, moves the head, and signs a checkpoint of it
/// when one is due — all in one transaction. Why this keeps one unbroken chain with every
/// committed entry in it exactly once: docs/architecture.md, "The audit chain".
public struct AuditSequencer: Sendable {
    public struct Settings: Sendable, Equatable {
        /// An entry unsequenced longer than this is a failure of `audit verify`
        /// (`LINLI_AUDIT_MAX_DELAY_SECONDS`).
        public var maxDelayMillis: Int64 = 60_000
        /// A checkpoint is signed when the head moved and this long has passed since the last
        /// one (`LINLI_AUDIT_CHECKPOINT_SECONDS`).
        public var checkpointMillis: Int64 = 300_000
        /// Entries chained per transaction.
        public var batch = 5000
        /// Public keys whose checkpoints `audit verify` accepts beside the instance's own
        /// (`LINLI_AUDIT_TRUSTED_KEYS`: other instances' keys when they do not share one).
        public var trustedKeys: Set<String> = []
        public init() {}

        public static func from(environment: [String: String]) throws -> Settings {
            var settings = Settings()
            func seconds(_ name: String, _ range: ClosedRange<Int64>) throws -> Int64? {
                guard let text = environment[name], !text.isEmpty else { return nil }
                guard let value = Int64(text), range.contains(value) else {
                    throw AuditKeyError("\(name) 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的秒数")
                }
                return value * 1000
            }
            if let delay = try seconds("LINLI_AUDIT_MAX_DELAY_SECONDS", 5...86_400) { settings.maxDelayMillis = delay }
            if let every = try seconds("LINLI_AUDIT_CHECKPOINT_SECONDS", 1...86_400) { settings.checkpointMillis = every }
            settings.trustedKeys = try AuditCheckpoint.keys(environment["LINLI_AUDIT_TRUSTED_KEYS"])
            return settings
        }
    }

    public enum Round: Sendable, Equatable {
        /// Another instance's sequencer holds the lock: it does this round's work.
        case elsewhere
        case sequenced(Int)
    }

    let database: Database
    let clock: any Clock
    let signer: AuditSigner?
    public let settings: Settings

    public init(database: Database, clock: any Clock, signer: AuditSigner?, settings: Settings = Settings()) {
        (self.database, self.clock, self.signer, self.settings) = (database, clock, signer, settings)
    }

    /// The keys a kept checkpoint must be signed with: this instance's and the trusted ones.
    public var trustedKeys: Set<String> { settings.trustedKeys.union(signer.map { [$0.publicKey] } ?? []) }

    /// Lock for "the sequencer" across instances ("LINLI" as a number).
    static let advisoryLock: Int64 = 0x4C_49_4E_4C_49

    /// One round: up to `batch` entries chained, and a checkpoint when due — or, with
    /// `checkpointNow`, when this round leaves nothing to chain. `wait` waits for another
    /// instance's round instead of leaving the work to it.
    @discardableResult
    public func round(checkpointNow: Bool = false, wait: Bool = false) async throws -> Round {
        let now = clock.now().millis
        return try await database.write { tx in
            if tx.engine == .postgres {
                if wait {
                    try await tx.sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLock))").run()
                } else {
                    let locked = try await tx.sql.raw("SELECT pg_try_advisory_xact_lock(\(bind: Self.advisoryLock)) AS locked").first()!
                    guard try locked.decode(column: "locked", as: Bool.self) else { return .elsewhere }
                }
            }
            guard let head = try await tx.sql.raw("""
                SELECT seq, hash, sequenced_at FROM audit_head WHERE id = 1\(unsafeRaw: tx.engine.rowLock)
                """).first() else {
                throw MissingHead()
            }
            var seq = try head.decode(column: "seq", as: Int64.self)
            var prevHash = try head.decode(column: "hash", as: String.self)
            let stamped = try head.decode(column: "sequenced_at", as: Int64?.self) ?? 0
            let rows = try await tx.sql.raw("""
                SELECT * FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT \(unsafeRaw: String(settings.batch))
                """).all().map(AuditRecord.init(row:))
            var links: [Link] = []
            links.reserveCapacity(rows.count)
            for record in rows {
                seq += 1
                let hash = record.hash(seq: seq, prevHash: prevHash)
                links.append(Link(id: record.id, seq: seq, prevHash: prevHash, hash: hash))
                prevHash = hash
            }
            try await Self.store(links, tx)
            // The time of the last round, so verify tells a stopped sequencer from a backlog.
            // An idle sequencer refreshes it at half the delay, not every second.
            if !rows.isEmpty || now - stamped >= settings.maxDelayMillis / 2 {
                try await tx.sql.raw("""
                    UPDATE audit_head SET seq = \(bind: seq), hash = \(bind: prevHash), sequenced_at = \(bind: now) WHERE id = 1
                    """).run()
            }
            if let signer, seq > 0 {
                let last = try await AuditCheckpointStore.latest(tx)
                let due = checkpointNow ? rows.count < settings.batch : now - (last?.at ?? 0) >= settings.checkpointMillis
                if (last?.seq ?? 0) < seq, due {
                    try await AuditCheckpointStore.insert(tx, try signer.sign(seq: seq, hash: prevHash, at: now))
                }
            }
            return .sequenced(rows.count)
        }
    }

    /// Rounds until nothing is left to chain here (a command before it exits, a test before it
    /// verifies); stops at once when another instance is sequencing, unless `checkpoint`
    /// asks for a checkpoint of the head it leaves (then it waits its turn).
    @discardableResult
    public func drain(checkpoint: Bool = false) async throws -> Int {
        var total = 0
        while true {
            switch try await round(checkpointNow: checkpoint, wait: checkpoint) {
            case .elsewhere: return total
            case .sequenced(let count):
                total += count
                if count < settings.batch { return total }
            }
        }
    }

    /// The checkpoints kept, oldest first (for `audit checkpoints --export`).
    public func checkpoints() async throws -> [AuditCheckpoint] {
        try await database.read { tx in try await AuditCheckpointStore.all(tx) }
    }

    /// One entry's place in the chain, as a round gives it.
    struct Link {
        let id: Int64, seq: Int64, prevHash: String, hash: String
    }

    /// Writes a round's links. Only rows still unsequenced are changed: a row is given its place
    /// once. Under the lock every row read is still unsequenced; a shortfall is a broken
    /// invariant, and the round rolls back rather than move the head past a gap.
    private static func store(_ links: [Link], _ tx: Tx) async throws {
        var updated = 0
        switch tx.engine {
        case .sqlite:
            // One prepared statement per row, in the process: SQLite plans `UPDATE … FROM
            // (VALUES …)` as a walk over every unsequenced row with the values scanned for each,
            // which took minutes a round behind a million-row import's backlog.
            for link in links {
                let row = try await tx.sql.raw("""
                    UPDATE audit_log SET seq = \(bind: link.seq), prev_hash = \(bind: link.prevHash), hash = \(bind: link.hash)
                    WHERE id = \(bind: link.id) AND seq IS NULL RETURNING id
                    """).first()
                if row != nil { updated += 1 }
            }
        case .postgres:
            // One statement per 500 rows: a round trip each, joined by hash or by the key.
            for chunk in stride(from: 0, to: links.count, by: 500).map({ links[$0..<min($0 + 500, links.count)] }) {
                var values: SQLQueryString = ""
                for (index, link) in chunk.enumerated() {
                    if index > 0 { values += ", " }
                    values += SQLQueryString.values([.integer(link.id), .integer(link.seq), .text(link.prevHash), .text(link.hash)])
                }
                updated += try await tx.sql.raw("""
                    WITH v(id, seq, prev_hash, hash) AS (VALUES \(values))
                    UPDATE audit_log SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
                    FROM v WHERE audit_log.id = v.id AND audit_log.seq IS NULL
                    RETURNING audit_log.id
                    """).all().count
            }
        }
        guard updated == links.count else { throw ChainedElsewhere(expected: links.count, updated: updated) }
    }

    struct ChainedElsewhere: Error, CustomStringConvertible {
        let expected: Int, updated: Int
        var description: String { "audit sequencer: \(expected) rows read unsequenced, \(updated) updated; round rolled back" }
    }

    /// The head row is made by migration `kernel.audit.002`.
    struct MissingHead: Error, CustomStringConvertible {
        var description: String { "audit_head has no row: the database was not migrated (linli migrate)" }
    }
}
