import Foundation
import SQLKit

/// Field values before and after a change, as flat text so the trail reads the same in
/// every tool. Personal data must be masked by the caller before it gets here.
public typealias AuditValues = [String: String]

/// Appends to the audit trail inside the caller's transaction, so an audit entry exists
/// exactly when the change it describes was committed; `AuditSequencer` chains it after.
public struct AuditLog: Sendable {
    let clock: any Clock

    public init(clock: any Clock) { self.clock = clock }

    public static let migrations: [Migration] = [
        Migration("kernel.audit.001") { _ in [
            """
            CREATE TABLE audit_log (
              seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor_id BIGINT, actor_name TEXT NOT NULL, ip TEXT,
              action TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, region_path TEXT,
              before_json TEXT, after_json TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_log_region ON audit_log (region_path, seq)",
            "CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq)",
            // The head lets `audit verify` notice rows cut off the end of the chain.
            "CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL)",
        ] },
        // The head exists from the start, so an append locks it as a row (no separate lock).
        Migration("kernel.audit.002") { _ in [
            "INSERT INTO audit_head (id, seq, hash) SELECT 1, 0, '\(AuditRecord.genesisHash)' WHERE NOT EXISTS (SELECT 1 FROM audit_head)",
        ] },
        // Chained after commit: a change writes its row with an insert key only, the sequencer
        // gives it seq and hashes; signed checkpoints of the head are kept beside the chain.
        Migration("kernel.audit.003") { engine in [
            """
            CREATE TABLE audit_log_chained (
              id \(engine.autoIncrementPrimaryKey), seq BIGINT, at BIGINT NOT NULL, actor_id BIGINT, actor_name TEXT NOT NULL, ip TEXT,
              action TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, region_path TEXT,
              before_json TEXT, after_json TEXT, prev_hash TEXT, hash TEXT)
            """,
            """
            INSERT INTO audit_log_chained (id, seq, at, actor_id, actor_name, ip, action, entity_type, entity_id, region_path,
              before_json, after_json, prev_hash, hash)
            SELECT seq, seq, at, actor_id, actor_name, ip, action, entity_type, entity_id, region_path, before_json, after_json, prev_hash, hash
            FROM audit_log ORDER BY seq
            """,
            "DROP TABLE audit_log",
            "ALTER TABLE audit_log_chained RENAME TO audit_log",
        ] + (engine == .postgres ? [
            "SELECT setval(pg_get_serial_sequence('audit_log', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log), false)",
        ] : []) + [
            "CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq)",
            "CREATE INDEX audit_log_unsequenced ON audit_log (id) WHERE seq IS NULL",
            "CREATE INDEX audit_log_region ON audit_log (region_path, id)",
            "CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id)",
            // When a sequencer round last ran: verify tells a stopped sequencer from a backlog.
            "ALTER TABLE audit_head ADD COLUMN sequenced_at BIGINT",
            """
            CREATE TABLE audit_checkpoints (
              seq BIGINT PRIMARY KEY, hash TEXT NOT NULL, at BIGINT NOT NULL, public_key TEXT NOT NULL, signature TEXT NOT NULL)
            """,
        ] },
    ]

    /// One entry to append; see `append(_:actor:entries:)`.
    public struct Entry: Sendable {
        public let action: AuditAction, entityId: String, regionPath: String?
        public let before: AuditValues?, after: AuditValues?

        public init(action: AuditAction, entityId: String, regionPath: String?, before: AuditValues? = nil,
                    after: AuditValues? = nil) {
            self.action = action
            self.entityId = entityId
            self.regionPath = regionPath
            self.before = before
            self.after = after
        }
    }

    public func append(_ tx: Tx, actor: Actor, action: AuditAction, entityId: String,
                       regionPath: String?, before: AuditValues? = nil, after: AuditValues? = nil) async throws {
        try await append(tx, actor: actor, entries: [Entry(action: action, entityId: entityId,
                                                          regionPath: regionPath, before: before, after: after)])
    }

    /// Writes entries in order (a bulk import's one per resident), a few hundred per
    /// statement, outside the chain: nothing here waits for another writer. The sequencer
    /// chains them after this transaction commits (`AuditSequencer`, docs/architecture.md).
    public func append(_ tx: Tx, actor: Actor, entries: [Entry]) async throws {
        guard !entries.isEmpty else { return }
        let at = clock.now().millis
        let rows: [[SQLCell]] = entries.map { entry in
            [.integer(at), SQLCell(actor.userId), .text(actor.username), SQLCell(actor.ip), .text(entry.action.rawValue),
             .text(entry.action.entity.rawValue), .text(entry.entityId), SQLCell(entry.regionPath),
             SQLCell(entry.before.map(Self.encode)), SQLCell(entry.after.map(Self.encode))]
        }
        if rows.count == 1 {
            try await tx.sql.raw("INSERT INTO audit_log (\(unsafeRaw: Self.columns.joined(separator: ", "))) VALUES \(SQLQueryString.values(rows[0]))").run()
        } else {
            try await tx.insert(into: "audit_log", columns: Self.columns, rows: rows)
        }
    }

    /// The columns a change writes; `id` comes from the table, the chain's from the sequencer.
    static let columns = ["at", "actor_id", "actor_name", "ip", "action", "entity_type", "entity_id", "region_path",
                          "before_json", "after_json"]

    static func encode(_ values: AuditValues) -> String {
        CanonicalJSON.object(values)
    }

    /// Walks the chain up to the head in pages and reports the first break; checks every
    /// checkpoint kept beside it (signed by a key of `trustedKeys`, when given) and every one in
    /// `witnessed` (an outside copy) against the chain; then fails on entries unsequenced past
    /// `maxDelayMillis` while no sequencer round has run for as long.
    public static func verify(_ database: Database, witnessed: [AuditCheckpoint] = [], trustedKeys: Set<String> = [],
                              maxDelayMillis: Int64 = AuditSequencer.Settings().maxDelayMillis, now: Int64 = SystemClock().now().millis,
                              pageSize: Int = 2000) async throws -> AuditChainFinding {
        // The head and the kept checkpoints of one moment: rows after that head are a later
        // round's, not a break (a server keeps sequencing while this walks).
        let (head, kept) = try await database.read { tx in
            (try await tx.sql.raw("SELECT seq, hash, sequenced_at FROM audit_head WHERE id = 1").first(), try await AuditCheckpointStore.all(tx))
        }
        guard let head else { throw AuditSequencer.MissingHead() }
        let headSeq = try head.decode(column: "seq", as: Int64.self), headHash = try head.decode(column: "hash", as: String.self)
        var checkpoints: [Int64: [AuditCheckpoint]] = [:]
        for checkpoint in kept where !checkpoint.isSigned || !(trustedKeys.isEmpty || trustedKeys.contains(checkpoint.publicKey)) {
            return .badCheckpoint(seq: checkpoint.seq)
        }
        for checkpoint in kept + witnessed {
            guard checkpoint.isSigned else { return .badCheckpoint(seq: checkpoint.seq) }
            checkpoints[checkpoint.seq, default: []].append(checkpoint)
        }
        var walker = AuditChainWalker()
        var after: Int64 = 0
        while after < headSeq {
            let cursor = after
            let page = try await database.read { tx in
                try await tx.sql.raw("""
                    SELECT * FROM audit_log WHERE seq > \(bind: cursor) AND seq <= \(bind: headSeq) ORDER BY seq
                    LIMIT \(unsafeRaw: String(pageSize))
                    """).all()
            }
            if page.isEmpty { break }
            for row in page {
                let record = try AuditRecord(row: row)
                if let finding = walker.check(record) { return finding }
                if let seq = record.seq, let witnessed = checkpoints[seq], witnessed.contains(where: { $0.hash != record.hash }) {
                    return .rewritten(seq: seq)
                }
                after = record.seq ?? after
            }
        }
        let finding = walker.finish(headSeq: headSeq, headHash: headHash)
        guard finding.isIntact else { return finding }
        // A witness saw a longer chain than there is now: it was cut and written again.
        if let beyond = checkpoints.keys.filter({ $0 > headSeq }).min() { return .rewritten(seq: beyond) }
        let lastRound = try head.decode(column: "sequenced_at", as: Int64?.self) ?? 0
        guard now - lastRound > maxDelayMillis else { return finding }
        let late = try await database.read { tx in
            try await tx.sql.raw("""
                SELECT COUNT(*) AS n, MIN(at) AS oldest FROM audit_log WHERE seq IS NULL AND at < \(bind: now - maxDelayMillis)
                """).first()!
        }
        let count = try late.decode(column: "n", as: Int64.self)
        if count > 0 { return .unsequenced(count: count, oldestAt: try late.decode(column: "oldest", as: Int64.self)) }
        return finding
    }
}

extension AuditRecord {
    public init(row: any SQLRow) throws {
        self.init(id: try row.decode(column: "id", as: Int64.self), seq: try row.decode(column: "seq", as: Int64?.self),
                  at: try row.decode(column: "at", as: Int64.self),
                  actorId: try row.decode(column: "actor_id", as: Int64?.self),
                  actorName: try row.decode(column: "actor_name", as: String.self),
                  ip: try row.decode(column: "ip", as: String?.self),
                  action: try row.decode(column: "action", as: String.self),
                  entityType: try row.decode(column: "entity_type", as: String.self),
                  entityId: try row.decode(column: "entity_id", as: String.self),
                  regionPath: try row.decode(column: "region_path", as: String?.self),
                  before: try row.decode(column: "before_json", as: String?.self),
                  after: try row.decode(column: "after_json", as: String?.self),
                  prevHash: try row.decode(column: "prev_hash", as: String?.self),
                  hash: try row.decode(column: "hash", as: String?.self))
    }
}
