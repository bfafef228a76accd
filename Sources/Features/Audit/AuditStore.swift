import LinliKit
import SQLKit

/// The audit trail's reads. Entries with no region (e.g. failed logins of unknown names)
/// are seen only by actors whose scope is a whole district.
enum AuditStore {
    static func entries(_ tx: Tx, _ filter: AuditService.Filter, within scope: Scope) async throws -> [AuditRecord] {
        let seesUnplaced = scope.path.split(separator: "/").count <= 1
        var query: SQLQueryString = "SELECT * FROM audit_log WHERE (\(tx.engine.pathWithin("region_path", scope.path))"
        query += (seesUnplaced ? " OR region_path IS NULL)" : ")")
        if let action = filter.action { query += " AND action = \(bind: action)" }
        if let entityType = filter.entityType { query += " AND entity_type = \(bind: entityType)" }
        if let entityId = filter.entityId { query += " AND entity_id = \(bind: entityId)" }
        if let actorName = filter.actorName { query += " AND actor_name = \(bind: actorName)" }
        if let before = filter.before { query += " AND id < \(bind: before)" }
        // Newest written first: an entry shows at once, before the sequencer gives it a seq.
        query += " ORDER BY id DESC LIMIT \(bind: min(max(filter.limit, 1), 200))"
        return try await tx.sql.raw(query).all().map(AuditRecord.init(row:))
    }
}
