import Foundation
import SQLKit

/// Field values before and after a change, as flat text so the trail reads the same in
/// every tool. Personal data must be masked by the caller before it gets here.
public typealias AuditValues = [String: String]

/// Appends to the audit trail inside the caller's transaction, so an audit entry exists
/// exactly when the change it describes was committed.
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

    @discardableResult
    public func append(_ tx: Tx, actor: Actor, action: AuditAction, entityId: String,
                       regionPath: String?, before: AuditValues? = nil, after: AuditValues? = nil) async throws -> AuditRecord {
        try await append(tx, actor: actor, entries: [Entry(action: action, entityId: entityId,
                                                          regionPath: regionPath, before: before, after: after)])[0]
    }

    /// Appends entries in order (a bulk import's one per resident): the chain is computed
    /// here link by link, the rows go in a few hundred per statement, the head moves once.
    @discardableResult
    public func append(_ tx: Tx, actor: Actor, entries: [Entry]) async throws -> [AuditRecord] {
        guard !entries.isEmpty else { return [] }
        // The head's row lock serialises appends across connections and app instances until
        // this transaction ends (SQLite already has a single writer). Everything from here to
        // the commit holds it, so it takes as few round trips as possible.
        guard let head = try await tx.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1\(unsafeRaw: tx.engine.rowLock)").first() else {
            throw MissingHead()
        }
        var seq = try head.decode(column: "seq", as: Int64.self)
        var prevHash = try head.decode(column: "hash", as: String.self)
        let at = clock.now().millis
        var records: [AuditRecord] = []
        records.reserveCapacity(entries.count)
        for entry in entries {
            seq += 1
            let beforeText = entry.before.map(Self.encode)
            let afterText = entry.after.map(Self.encode)
            let hash = AuditRecord.computeHash(seq: seq, at: at, actorId: actor.userId, actorName: actor.username, ip: actor.ip,
                                               action: entry.action.rawValue, entityType: entry.action.entity.rawValue, entityId: entry.entityId,
                                               regionPath: entry.regionPath, before: beforeText, after: afterText, prevHash: prevHash)
            records.append(AuditRecord(seq: seq, at: at, actorId: actor.userId, actorName: actor.username, ip: actor.ip,
                                       action: entry.action.rawValue, entityType: entry.action.entity.rawValue, entityId: entry.entityId,
                                       regionPath: entry.regionPath, before: beforeText, after: afterText, prevHash: prevHash, hash: hash))
            prevHash = hash
        }
        let rows: [[SQLCell]] = records.map { r in
            [.integer(r.seq), .integer(r.at), SQLCell(r.actorId), .text(r.actorName), SQLCell(r.ip), .text(r.action),
             .text(r.entityType), .text(r.entityId), SQLCell(r.regionPath), SQLCell(r.before), SQLCell(r.after),
             .text(r.prevHash), .text(r.hash)]
        }
        let moveHead: SQLQueryString = "UPDATE audit_head SET seq = \(bind: seq), hash = \(bind: prevHash) WHERE id = 1"
        if tx.engine == .postgres, rows.count == 1 {
            // One entry (every change made by hand): entry and head in one statement.
            try await tx.sql.raw("WITH moved AS (\(moveHead)) INSERT INTO audit_log (\(unsafeRaw: Self.columns.joined(separator: ", "))) VALUES \(SQLQueryString.values(rows[0]))").run()
        } else {
            try await tx.insert(into: "audit_log", columns: Self.columns, rows: rows)
            try await tx.sql.raw(moveHead).run()
        }
        return records
    }

    /// The head row is made by migration `kernel.audit.002`; without it appends would not
    /// be serialised.
    struct MissingHead: Error, CustomStringConvertible {
        var description: String { "audit_head has no row: the database was not migrated (linli migrate)" }
    }

    static let columns = ["seq", "at", "actor_id", "actor_name", "ip", "action", "entity_type", "entity_id", "region_path",
                          "before_json", "after_json", "prev_hash", "hash"]

    static func encode(_ values: AuditValues) -> String {
        CanonicalJSON.object(values)
    }

    /// Walks the whole chain in pages and reports the first break.
    public static func verify(_ database: Database, pageSize: Int = 2000) async throws -> AuditChainFinding {
        var walker = AuditChainWalker()
        var after: Int64 = 0
        while true {
            let cursor = after
            let page = try await database.read { tx in
                try await tx.sql.raw("SELECT * FROM audit_log WHERE seq > \(bind: cursor) ORDER BY seq LIMIT \(unsafeRaw: String(pageSize))").all()
            }
            if page.isEmpty { break }
            for row in page {
                let record = try AuditRecord(row: row)
                if let finding = walker.check(record) { return finding }
                after = record.seq
            }
        }
        let head = try await database.read { tx in try await tx.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first() }
        guard let head else { return walker.expectedSeq == 1 ? .intact(rows: 0) : .truncated(after: 0) }
        return walker.finish(headSeq: try head.decode(column: "seq", as: Int64.self),
                             headHash: try head.decode(column: "hash", as: String.self))
    }
}

extension AuditRecord {
    public init(row: any SQLRow) throws {
        self.init(seq: try row.decode(column: "seq", as: Int64.self),
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
                  prevHash: try row.decode(column: "prev_hash", as: String.self),
                  hash: try row.decode(column: "hash", as: String.self))
    }
}
