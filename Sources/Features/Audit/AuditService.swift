import LinliKit
import SQLKit

extension Permission {
    /// 查看审计日志（管辖范围内）
    public static let auditView = Permission("audit.view")
    /// 校验审计链
    public static let auditVerify = Permission("audit.verify")
}

/// Reading the audit trail: admins see the entries of their subtree; entries with no region
/// (e.g. failed logins of unknown names) only those whose scope is a whole district.
public struct AuditService: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public struct Filter: Sendable {
        public var action: String?
        public var entityType: String?
        public var entityId: String?
        public var actorName: String?
        /// Show rows with seq below this (paging backwards from the newest).
        public var before: Int64?
        public var limit: Int = 50
        public init(action: String? = nil, entityType: String? = nil, entityId: String? = nil, actorName: String? = nil,
                    before: Int64? = nil, limit: Int = 50) {
            self.action = action
            self.entityType = entityType
            self.entityId = entityId
            self.actorName = actorName
            self.before = before
            self.limit = limit
        }
    }

    public func entries(_ filter: Filter, actor: Actor) async throws -> [AuditRecord] {
        try actor.require(.auditView)
        let seesUnplaced = actor.scope.path.split(separator: "/").count <= 1
        var query: SQLQueryString = "SELECT * FROM audit_log WHERE (\(database.engine.pathWithin("region_path", actor.scope.path))"
        query += (seesUnplaced ? " OR region_path IS NULL)" : ")")
        if let action = filter.action { query += " AND action = \(bind: action)" }
        if let entityType = filter.entityType { query += " AND entity_type = \(bind: entityType)" }
        if let entityId = filter.entityId { query += " AND entity_id = \(bind: entityId)" }
        if let actorName = filter.actorName { query += " AND actor_name = \(bind: actorName)" }
        if let before = filter.before { query += " AND seq < \(bind: before)" }
        query += " ORDER BY seq DESC LIMIT \(unsafeRaw: String(min(max(filter.limit, 1), 200)))"
        let finalQuery = query
        return try await database.read { tx in try await tx.sql.raw(finalQuery).all().map(AuditRecord.init(row:)) }
    }

    public func verify(actor: Actor) async throws -> AuditChainFinding {
        try actor.require(.auditVerify)
        return try await AuditLog.verify(database)
    }
}
