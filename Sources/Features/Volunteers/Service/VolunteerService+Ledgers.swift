import Foundation
import LinliKit

/// 台账 — the register, a month's activities and the service records as spreadsheets, each
/// export audited (it carries people's names).
extension VolunteerService {
    /// More rows than this is a district's whole history: export by month or by community instead.
    public static let ledgerLimit = 100_000

    public func volunteerLedger(actor: Actor) async throws -> [Volunteer] {
        try actor.require(.volunteerView)
        return try await database.write { tx in
            let rows = try await VolunteerStore.all(tx, within: actor.scope.path, limit: Self.ledgerLimit)
            try await audit.append(tx, actor: actor, action: .volunteerExport, entityId: "volunteers", regionPath: actor.scope.path,
                                   after: ["rows": String(rows.count)])
            return rows
        }
    }

    public func activityLedger(from: Date, to: Date, actor: Actor) async throws -> [Activity] {
        try actor.require(.activityManage)
        return try await database.write { tx in
            let rows = try await ActivityStore.list(tx, within: actor.scope.path, states: [], from: from.millis, to: to.millis, limit: Self.ledgerLimit)
                .filter { $0.startsAt >= from.millis }
            try await audit.append(tx, actor: actor, action: .volunteerExport, entityId: "activities", regionPath: actor.scope.path,
                                   after: ["rows": String(rows.count), "from": Self.dayText(from.millis)])
            return rows
        }
    }

    /// Current records (corrections applied) of volunteers living in the actor's area, by date.
    public func recordLedger(from: Date, to: Date, actor: Actor) async throws -> [ServiceRecord] {
        try actor.require(.volunteerView)
        return try await database.write { tx in
            let rows = try await RecordStore.current(tx, within: actor.scope.path, from: Self.dayText(from.millis),
                                                     to: Self.dayText(to.millis - 1), limit: Self.ledgerLimit)
            try await audit.append(tx, actor: actor, action: .volunteerExport, entityId: "service_records", regionPath: actor.scope.path,
                                   after: ["rows": String(rows.count), "from": Self.dayText(from.millis)])
            return rows
        }
    }
}
