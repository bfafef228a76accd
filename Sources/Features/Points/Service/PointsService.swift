import Foundation
import LinliKit
import Notifications
import Regions
import Residents

/// 积分银行 — a double-entry, append-only ledger of points (docs/points.md). Every movement
/// is a transfer between two accounts under both accounts' row locks; the accounts' four sums
/// change in the same transaction as the entry; `verify` recomputes them from the journal.
public struct PointsService: Sendable {
    let database: Database
    let audit: AuditLog
    var clock: any Clock
    let regions: RegionService
    let residents: ResidentService
    let notifications: NotificationService
    let settings: PointsSettings

    public init(database: Database, audit: AuditLog, clock: any Clock, regions: RegionService, residents: ResidentService,
                notifications: NotificationService, settings: PointsSettings) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.regions = regions
        self.residents = residents
        self.notifications = notifications
        self.settings = settings
    }

    /// Background jobs and other features' awards without a person behind them act as this.
    static let system = Actor(userId: nil, username: "system", displayName: "系统（积分银行）", role: nil, scope: Scope(regionId: 0, path: "/"),
                              permissions: [], ip: nil)

    /// The ledger's refusals as the errors a person reads.
    static func ledger<T>(_ body: () throws(LedgerRefusal) -> T) throws -> T {
        do { return try body() } catch { throw error.domainError }
    }

    static func shop<T>(_ body: () throws(ShopRefusal) -> T) throws -> T {
        do { return try body() } catch { throw error.domainError }
    }

    /// The community a path lies in: the third node of the tree (区 / 街道 / 社区), since each
    /// level is one step below the one above it.
    static func communityPath(of path: String) -> String? {
        let ids = path.split(separator: "/")
        guard ids.count >= 3 else { return nil }
        return "/" + ids.prefix(3).joined(separator: "/") + "/"
    }

    static func lastId(of path: String) -> Int64? { path.split(separator: "/").last.flatMap { Int64($0) } }
}

extension LedgerRefusal {
    var domainError: DomainError {
        switch self {
        case .notPositive: DomainError.invalid("amount", message)
        case .sameAccount: DomainError.invalid("to", message)
        case .insufficient: DomainError(kind: .conflict, code: "insufficient_points", message: message)
        case .resolved: DomainError(kind: .conflict, code: "resolved", message: message)
        case .notPosted, .reversalOfReversal, .alreadyReversed: DomainError(kind: .conflict, code: "not_reversible", message: message)
        }
    }
}

extension ShopRefusal {
    var domainError: DomainError {
        switch self {
        case .offSale, .outOfStock: DomainError(kind: .conflict, code: "unavailable", message: message)
        case .notForArea, .notForTags: DomainError(kind: .forbidden, code: "not_eligible", message: message)
        case .overLimit: DomainError(kind: .conflict, code: "over_limit", message: message)
        case .done: DomainError(kind: .conflict, code: "resolved", message: message)
        }
    }
}
