import Foundation
import LinliKit
import SQLKit

/// Reading the audit trail: admins see the entries of their subtree (`AuditStore`).
public struct AuditService: Sendable {
    let database: Database
    let clock: any Clock
    /// The longest an entry may wait for its place in the chain (`LINLI_AUDIT_MAX_DELAY_SECONDS`;
    /// a bad value stopped the server before the features were built).
    let maxDelayMillis: Int64

    public init(database: Database, clock: any Clock) {
        (self.database, self.clock) = (database, clock)
        maxDelayMillis = (try? AuditSequencer.Settings.from(environment: ProcessInfo.processInfo.environment))?.maxDelayMillis
            ?? AuditSequencer.Settings().maxDelayMillis
    }

    public struct Filter: Sendable {
        public var action: String?
        public var entityType: String?
        public var entityId: String?
        public var actorName: String?
        /// Show rows written before the one with this id (paging backwards from the newest).
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
        return try await database.read { tx in try await AuditStore.entries(tx, filter, within: actor.scope) }
    }

    public func verify(actor: Actor) async throws -> AuditChainFinding {
        try actor.require(.auditVerify)
        return try await AuditLog.verify(database, maxDelayMillis: maxDelayMillis, now: clock.now().millis)
    }
}
