import Foundation
import LinliKit
import Regions
import Requests
import Residents

/// A recorded visit, and whether this submission made it or found the one an earlier
/// submission of the same form made.
public struct VisitSubmission: Sendable {
    public let visit: VisitRecord
    public let repeated: Bool
    /// The person's line in the plan after the visit.
    public let plan: PlanEntry?
}

/// A visit with the requests raised from it.
public struct VisitDetail: Sendable {
    public let visit: VisitRecord
    public let requests: [RequestSummary]
}

extension GridWorkService {
    /// 登记走访: the resident must be in one of the visitor's grids (grid roles) or in their
    /// scope; the time is checked against now, the method against the person's class.
    public func recordVisit(_ draft: VisitDraft, actor: Actor) async throws -> VisitSubmission {
        try actor.require(.gridWork)
        let key = try draft.idempotencyKey.map { try Self.scopedKey($0, actor: actor) }
        if let key, let existing = try await database.read({ tx in try await VisitStore.find(tx, idempotencyKey: key) }) {
            return VisitSubmission(visit: existing, repeated: true, plan: nil)
        }
        let resident = try await visitable(draft.residentId, actor: actor)
        let photos = try PhotoRules.validate(draft.photos)
        let now = clock.now()
        do {
            return try await database.write { tx in
                let rules = try await VisitPlanner.rulesInForce(tx)
                let plan = try await PlanStore.entries(tx, residentIds: [resident.id])[resident.id]
                let visitClass = plan.flatMap { rules.at(resident.regionPath).body.visitClass($0.classCode) }
                try VisitChecks.check(draft, visitClass: visitClass, now: now)
                let id = try await VisitStore.insert(tx, .init(key: key, residentId: resident.id, residentName: resident.name,
                                                               regionPath: resident.regionPath, visitor: actor, draft: draft,
                                                               visitClass: plan?.classCode, dueAt: plan?.due,
                                                               late: plan.map { draft.visitedAt > $0.due } ?? false), now: now.millis)
                for photo in photos { try await VisitStore.insertPhoto(tx, visitId: id, photo, now: now.millis) }
                let planned = try await VisitPlanner.replan(tx, [resident.id], now: now, rules: rules).first
                let visit = try await VisitStore.find(tx, id: id, within: "/")!
                try await audit.append(tx, actor: actor, action: .visitRecord, entityId: String(id), regionPath: resident.regionPath,
                                       after: ["resident": resident.name, "visitedAt": visit.visitedAt.iso8601CST,
                                               "method": visit.method.label, "contact": visit.contact.label,
                                               "late": visit.late ? "是" : "否", "photos": String(photos.count)])
                return VisitSubmission(visit: visit, repeated: false, plan: planned)
            }
        } catch where Database.isUniqueViolation(error) {
            // The same form sent twice at one moment: the first one's record stands.
            if let key, let existing = try await database.read({ tx in try await VisitStore.find(tx, idempotencyKey: key) }) {
                return VisitSubmission(visit: existing, repeated: true, plan: nil)
            }
            throw error
        }
    }

    /// The resident, if the actor may visit them.
    func visitable(_ residentId: Int64, actor: Actor) async throws -> Resident {
        let resident: Resident
        do {
            resident = try await residents.resident(residentId, actor: actor)
        } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("residentId", "该居民不在您负责的网格内")
        }
        if actor.role.map(Self.gridRoles.contains) ?? false {
            let paths = try await workPaths(actor, task: .visits).paths
            guard paths.contains(where: { resident.regionPath.hasPrefix($0) }) else {
                throw DomainError.invalid("residentId", "该居民不在您负责的网格内")
            }
        }
        return resident
    }

    static func scopedKey(_ key: String, actor: Actor) throws -> String {
        let trimmed = key.trimmingWhitespace
        // At most 90, so that a problem's request key ("patrol-" + key) stays within the requests' 100.
        guard (8...90).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw DomainError.invalid("idempotencyKey", "幂等键应为 8–90 个可见 ASCII 字符")
        }
        return (actor.userId.map { "u\($0)" } ?? "c") + ":" + trimmed
    }

    public func visit(_ id: Int64, actor: Actor) async throws -> VisitDetail {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        guard let visit = try await database.read({ tx in try await VisitStore.find(tx, id: id, within: actor.scope.path) }) else {
            throw DomainError.notFound("走访记录")
        }
        return VisitDetail(visit: visit, requests: try await requests.raised(from: Self.origin(visit: id), actor: actor))
    }

    /// The resident's visits, newest first.
    public func visits(residentId: Int64, limit: Int = 50, actor: Actor) async throws -> [VisitRecord] {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        let resident = try await residents.resident(residentId, actor: actor)
        return try await database.read { tx in try await VisitStore.visits(tx, residentId: resident.id, limit: limit) }
            .filter { actor.scope.contains(path: $0.regionPath) }  // not what was written of them where they lived before
    }

    /// Visits made under a region in [from, to), newest first.
    public func visits(regionId: Int64?, from: Date, to: Date, limit: Int = 500, actor: Actor) async throws -> [VisitRecord] {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        return try await database.read { tx in try await VisitStore.visits(tx, within: region.path, from: from, to: to, limit: limit) }
    }

    public func visitPhoto(_ id: Int64, actor: Actor) async throws -> (contentType: String, data: Data) {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        guard let photo = try await database.read({ tx in try await VisitStore.photo(tx, id: id, within: actor.scope.path) }) else {
            throw DomainError.notFound("照片")
        }
        return photo
    }

    /// How a request raised during a visit names it (`RequestDraft.origin`).
    public static func origin(visit id: Int64) -> String { "visit:\(id)" }
}
