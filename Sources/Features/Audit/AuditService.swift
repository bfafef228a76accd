import Foundation
import LinliKit
import SQLKit

/// Reading the audit trail: admins see the entries of their subtree (`AuditStore`).
public struct AuditService: Sendable {
    let database: Database
    let clock: any Clock
    /// The longest an entry may wait for its place in the chain (`LINLI_AUDIT_MAX_DELAY_SECONDS`),
    /// and the keys kept checkpoints must be signed with (this instance's and
    /// `LINLI_AUDIT_TRUSTED_KEYS`); a bad value stopped the server before the features were built.
    let maxDelayMillis: Int64, trustedKeys: Set<String>

    public init(database: Database, clock: any Clock, dataDirectory: String) {
        (self.database, self.clock) = (database, clock)
        let environment = ProcessInfo.processInfo.environment
        let settings = (try? AuditSequencer.Settings.from(environment: environment)) ?? AuditSequencer.Settings()
        let own = (try? AuditSigner.load(environment: environment, dataDirectory: dataDirectory, create: false)) ?? nil
        (maxDelayMillis, trustedKeys) = (settings.maxDelayMillis, settings.trustedKeys.union(own.map { [$0.publicKey] } ?? []))
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
        return try await AuditLog.verify(database, trustedKeys: trustedKeys, maxDelayMillis: maxDelayMillis, now: clock.now().millis)
    }
}
