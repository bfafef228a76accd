import Foundation
import LinliKit
import Regions

/// 值班安排 — who is on duty for each community and street, and their duty phones.
/// Outside working hours the closed loop sends urgent requests to whoever `onDuty` names.
public struct DutyService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let regions: RegionService
    let staff: any StaffDirectory
    let permissionTable: PermissionTable

    public init(database: Database, audit: AuditLog, clock: any Clock, regions: RegionService, staff: any StaffDirectory,
                permissionTable: PermissionTable) {
        self.permissionTable = permissionTable
        self.database = database
        self.audit = audit
        self.clock = clock
        self.regions = regions
        self.staff = staff
    }

    /// Duty is kept for communities and streets.
    static let levels: Set<RegionLevel> = [.community, .street]
    /// How far ahead the roster page and the API list shifts.
    public static let rosterDays = 14

    /// The places the actor keeps duty for, by name: streets and communities in their scope.
    public func places(actor: Actor) async throws -> [RegionNode] {
        try actor.require(.dutyView)
        var found: [RegionNode] = []
        for level in [RegionLevel.street, .community] {
            found += try await regions.search(level: level, term: nil, actor: actor, limit: 200).filter { !$0.retired }
        }
        if let own = try await regions.lookup(actor.scope.regionId), Self.levels.contains(own.level), !found.contains(where: { $0.id == own.id }) {
            found.insert(own, at: 0)
        }
        return found.sorted { $0.path < $1.path }
    }

    func place(_ id: Int64, actor: Actor) async throws -> RegionNode {
        let node: RegionNode
        do { node = try await regions.node(id, actor: actor) } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("regionId", "所选社区不存在或不在您的管辖范围内")
        }
        guard Self.levels.contains(node.level), !node.retired else { throw DomainError.invalid("regionId", "值班按社区或街道安排") }
        return node
    }

    /// Whom one may put on duty for a place: enabled staff whose own area covers all of it
    /// (bound to it or above it) and whose role keeps duty rosters — so that whoever is told of
    /// an urgent request can open it, see its place and act, and can open their own roster.
    public func eligiblePeople(for node: RegionNode) async throws -> [StaffMember] {
        try await staff.staffMembers(onPathTo: node.path)
            .filter { !$0.disabled && permissionTable.permissions(of: $0.role).contains(.dutyView) }
            .sorted { $0.displayName < $1.displayName }
    }

    public struct Roster: Sendable {
        public let place: RegionNode
        public let phone: String?
        public let shifts: [DutyShiftView]
        public let people: [StaffMember]
    }

    /// A place's phone, its shifts from now for `rosterDays`, and whom it may have on duty.
    public func roster(regionId: Int64, actor: Actor) async throws -> Roster {
        try actor.require(.dutyView)
        let node = try await place(regionId, actor: actor)
        let now = clock.now()
        let (phone, shifts) = try await database.read { tx in
            (try await DutyStore.phone(tx, regionId: node.id),
             try await DutyStore.shifts(tx, within: node.path, from: now.millis,
                                        to: now.addingTimeInterval(Double(Self.rosterDays) * 86_400).millis, limit: 500))
        }
        return Roster(place: node, phone: phone, shifts: try await views(shifts), people: try await eligiblePeople(for: node))
    }

    func views(_ shifts: [DutyShift]) async throws -> [DutyShiftView] {
        let people = try await staff.staffMembers(ids: Array(Set(shifts.map(\.userId))))
        var names: [Int64: String] = [:]
        for id in Set(shifts.map(\.regionId)) { names[id] = try await regions.lookup(id)?.name ?? "" }
        return shifts.map {
            DutyShiftView(id: $0.id, regionId: $0.regionId, regionName: names[$0.regionId] ?? "", userId: $0.userId,
                          displayName: people[$0.userId]?.displayName ?? "（已删除账号）",
                          startsAt: Date(millis: $0.startsAt).iso8601CST, endsAt: Date(millis: $0.endsAt).iso8601CST, note: $0.note,
                          cancelled: $0.cancelled)
        }
    }

    /// 值班电话: shown to residents with every urgent request there. nil removes it.
    public func setPhone(regionId: Int64, phone: String?, actor: Actor) async throws {
        try actor.require(.dutyManage)
        let node = try await place(regionId, actor: actor)
        let checked = try phone.flatMap { $0.trimmingWhitespace.isEmpty ? nil : try DutyRules.phone($0) }
        try await database.write { tx in
            let before = try await DutyStore.phone(tx, regionId: node.id)
            guard before != checked else { return }
            try await DutyStore.setPhone(tx, regionId: node.id, regionPath: node.path, phone: checked, now: clock.now().millis)
            try await audit.append(tx, actor: actor, action: .dutyPhoneSet, entityId: String(node.id), regionPath: node.path,
                                   before: before.map { ["phone": $0] }, after: checked.map { ["phone": $0] })
        }
    }

    /// Puts a person on duty, once or weekly for some more weeks, in one transaction.
    public func addShifts(_ draft: ShiftDraft, actor: Actor) async throws -> [DutyShiftView] {
        try actor.require(.dutyManage)
        let node = try await place(draft.regionId, actor: actor)
        try DutyRules.check(startsAt: draft.startsAt, endsAt: draft.endsAt, repeatWeeks: draft.repeatWeeks)
        guard let person = try await eligiblePeople(for: node).first(where: { $0.id == draft.userId }) else {
            throw DomainError.invalid("userId", "请从名单中选择「\(node.name)」的工作人员")
        }
        let now = clock.now().millis
        let ids = try await database.write { tx -> [Int64] in
            var ids: [Int64] = []
            for week in 0...draft.repeatWeeks {
                let shift = Double(week * 7 * 86_400)
                let id = try await DutyStore.insert(tx, regionId: node.id, regionPath: node.path, userId: person.id,
                                                    startsAt: draft.startsAt.addingTimeInterval(shift).millis,
                                                    endsAt: draft.endsAt.addingTimeInterval(shift).millis, note: draft.note, by: actor.userId, now: now)
                try await audit.append(tx, actor: actor, action: .dutyShiftAdd, entityId: String(id), regionPath: node.path,
                                       after: ["person": person.username, "from": draft.startsAt.addingTimeInterval(shift).iso8601CST,
                                               "to": draft.endsAt.addingTimeInterval(shift).iso8601CST])
                ids.append(id)
            }
            return ids
        }
        let shifts = try await database.read { tx in try await ids.asyncMap { try await DutyStore.find(tx, id: $0) } }.compactMap { $0 }
        return try await views(shifts)
    }

    public func cancel(shiftId: Int64, actor: Actor) async throws {
        try actor.require(.dutyManage)
        try await database.write { tx in
            guard let shift = try await DutyStore.find(tx, id: shiftId), actor.scope.contains(path: shift.regionPath) else {
                throw DomainError.notFound("值班")
            }
            guard !shift.cancelled else { return }
            try await DutyStore.cancel(tx, id: shiftId, now: clock.now().millis)
            try await audit.append(tx, actor: actor, action: .dutyShiftCancel, entityId: String(shiftId), regionPath: shift.regionPath,
                                   before: ["from": Date(millis: shift.startsAt).iso8601CST, "to": Date(millis: shift.endsAt).iso8601CST])
        }
    }

    /// Who is on duty at `moment` for the place at `path`: the people of the nearest community
    /// or street above it with a shift then, and the nearest duty phone. Asked by the closed
    /// loop as the system, for any place.
    public func onDuty(at moment: Date, path: String) async throws -> OnDuty {
        let ancestors = Scope.ancestorPaths(of: path)
        let (shifts, phones) = try await database.read { tx in
            (try await DutyStore.covering(tx, paths: ancestors, moment: moment.millis), try await DutyStore.phones(tx, paths: ancestors))
        }
        let nearestShiftPath = ancestors.reversed().first { p in shifts.contains { $0.regionPath == p } }
        let ids = shifts.filter { $0.regionPath == nearestShiftPath }.map(\.userId)
        let people = try await staff.staffMembers(ids: ids)
        let phone = ancestors.reversed().lazy.compactMap { phones[$0] }.first
        return OnDuty(people: ids.compactMap { people[$0] }.filter { !$0.disabled }, phone: phone)
    }

    /// The actor's own shifts that have not ended, starting within the window (for 今日待办).
    public func myShifts(actor: Actor, until: Date) async throws -> [DutyShiftView] {
        guard let user = actor.userId else { return [] }
        let now = clock.now()
        let shifts = try await database.read { tx in try await DutyStore.shifts(tx, userId: user, from: now.millis, to: until.millis) }
        return try await views(shifts)
    }
}
