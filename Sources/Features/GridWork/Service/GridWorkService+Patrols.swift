import Foundation
import LinliKit
import Regions
import Requests

/// 巡查定量: a patrol of one grid, begun and ended on the phone, buildings passed by picking
/// them or by a building's QR plate, problems found handled on the spot or raised as requests.
extension GridWorkService {
    /// The grids the actor patrols: their teams' (posts that carry patrols), or any grid in
    /// their scope for community staff.
    func patrolGrid(_ gridId: Int64?, actor: Actor) async throws -> RegionNode {
        if actor.role.map(Self.gridRoles.contains) ?? false {
            if let gridId { _ = try await regions.node(gridId, actor: actor) }  // outside their scope: not found
            let grids = try await workPaths(actor, task: .patrols).grids.map(\.grid)
            if let gridId, let grid = grids.first(where: { $0.id == gridId }) { return grid }
            if gridId == nil, grids.count == 1 { return grids[0] }
            throw DomainError.invalid("gridId", grids.isEmpty ? "您的岗位不负责巡查，或还没有加入网格队伍" : "请选择要巡查的网格（您负责的网格）")
        }
        guard let gridId else { throw DomainError.invalid("gridId", "请选择要巡查的网格") }
        let grid = try await regions.node(gridId, actor: actor)
        guard grid.level == .grid, !grid.retired else { throw DomainError.invalid("gridId", "请选择一个在用的网格") }
        return grid
    }

    /// 开始巡查. A patroller has one open patrol at a time: starting again returns it.
    public func startPatrol(gridId: Int64?, idempotencyKey: String?, actor: Actor) async throws -> PatrolRecord {
        try actor.require(.gridWork)
        guard let userId = actor.userId else { throw DomainError.forbidden }
        let key = try idempotencyKey.map { try Self.scopedKey($0, actor: actor) }
        let grid = try await patrolGrid(gridId, actor: actor)
        let now = clock.now()
        do {
            return try await database.write { tx in
                if let key, let existing = try await PatrolStore.find(tx, idempotencyKey: key) { return existing }
                if let open = try await PatrolStore.open(tx, patrollerId: userId) {
                    guard now.timeIntervalSince(open.startedAt) > PatrolRules.maxHours else { return open }
                    // Left open past the longest patrol: ended at that length, so a new one can begin.
                    try await PatrolStore.end(tx, id: open.id, at: open.startedAt.addingTimeInterval(PatrolRules.maxHours).millis,
                                              notes: open.notes ?? "（未点结束，按 12 小时自动结束）")
                }
                let id = try await PatrolStore.insert(tx, key: key, grid: (grid.id, grid.name, grid.path), actor: actor, now: now.millis)
                try await audit.append(tx, actor: actor, action: .patrolStart, entityId: String(id), regionPath: grid.path,
                                       after: ["grid": grid.name])
                return try await PatrolStore.find(tx, id: id, within: "/")!
            }
        } catch where Database.isUniqueViolation(error) {
            // The same form twice, or another start at the same moment: the patrol that began.
            if let key, let existing = try await database.read({ tx in try await PatrolStore.find(tx, idempotencyKey: key) }) { return existing }
            if let open = try await database.read({ tx in try await PatrolStore.open(tx, patrollerId: userId) }) { return open }
            throw error
        }
    }

    /// The actor's own open patrol, by id.
    func ownOpenPatrol(_ tx: Tx, _ id: Int64, actor: Actor) async throws -> PatrolRecord {
        guard let patrol = try await PatrolStore.find(tx, id: id, within: actor.scope.path), patrol.patrollerId == actor.userId else {
            throw DomainError.notFound("巡查记录")
        }
        guard patrol.isOpen else { throw DomainError.conflict("这次巡查已经结束") }
        return patrol
    }

    /// 补录巡查 — a patrol made without the phone (no signal, a paper round): its times, the
    /// buildings passed and notes, at most 31 days back, each building of the grid once.
    public func recordPastPatrol(gridId: Int64?, startedAt: Date, endedAt: Date, buildingIds: [Int64], notes: String?,
                                 actor: Actor) async throws -> PatrolRecord {
        try actor.require(.gridWork)
        let grid = try await patrolGrid(gridId, actor: actor)
        let now = clock.now()
        try PatrolRules.checkEnd(startedAt: startedAt, endedAt: endedAt, now: now)
        guard startedAt >= now.addingTimeInterval(-VisitChecks.maxAge) else { throw DomainError.invalid("startedAt", "只能补录 31 天以内的巡查") }
        let buildings = try await regions.children(of: grid.id, actor: actor).filter { $0.level == .building }
        let byId = Dictionary(buildings.map { ($0.id, $0) }) { a, _ in a }
        if let stranger = buildingIds.first(where: { byId[$0] == nil }) {
            throw DomainError.invalid("buildingIds", "楼栋 \(stranger) 不属于「\(grid.name)」")
        }
        return try await database.write { tx in
            let id = try await PatrolStore.insert(tx, key: nil, grid: (grid.id, grid.name, grid.path), actor: actor, now: startedAt.millis,
                                                  endedAt: endedAt.millis, notes: notes)
            for (n, buildingId) in Array(Set(buildingIds)).sorted().enumerated() {
                // Passed in order through the round, a minute apart (the paper gives no times).
                let at = startedAt.addingTimeInterval(min(Double(n + 1) * 60, endedAt.timeIntervalSince(startedAt)))
                try await PatrolStore.checkIn(tx, patrolId: id, building: (buildingId, byId[buildingId]!.name), way: .picked, now: at.millis)
            }
            try await audit.append(tx, actor: actor, action: .patrolEnd, entityId: String(id), regionPath: grid.path,
                                   after: ["grid": grid.name, "buildings": String(Set(buildingIds).count), "past": "补录"])
            return try await PatrolStore.find(tx, id: id, within: "/")!
        }
    }

    /// 经过楼栋: by its id (picked on the phone) or by its plate's code (scanned at the door).
    public func checkIn(patrolId: Int64, buildingId: Int64?, plate: String?, actor: Actor) async throws -> PatrolRecord {
        try actor.require(.gridWork)
        let now = clock.now()
        // Whose patrol first: someone else's is not found, whatever building is named.
        _ = try await database.read { tx in try await ownOpenPatrol(tx, patrolId, actor: actor) }
        let way: CheckInWay = plate != nil ? .plate : .picked
        var buildingId = buildingId
        if let plate {
            guard let found = try await database.read({ tx in try await PatrolStore.building(plate: plate.trimmingWhitespace.uppercased(), tx) }) else {
                throw DomainError.invalid("plate", "没有这个楼栋码，请重新扫描或手动勾选楼栋")
            }
            buildingId = found
        }
        guard let buildingId else { throw DomainError.invalid("buildingId", "请选择经过的楼栋") }
        // Scoped: a building outside the actor's area is not named to them.
        let building: RegionNode
        do { building = try await regions.node(buildingId, actor: actor) } catch let e as DomainError where e.kind == .notFound {
            throw DomainError.invalid(plate != nil ? "plate" : "buildingId", "这个楼栋不在您的管辖范围内，不能在这里打卡")
        }
        guard building.level == .building else { throw DomainError.invalid("buildingId", "所选不是楼栋") }
        return try await database.write { tx in
            let patrol = try await ownOpenPatrol(tx, patrolId, actor: actor)
            guard building.parentId == patrol.gridId else {
                let field = way == .plate ? "plate" : "buildingId"
                throw DomainError.invalid(field, "「\(building.name)」不属于本次巡查的「\(patrol.gridName)」，不能在这里打卡")
            }
            try await PatrolStore.checkIn(tx, patrolId: patrol.id, building: (building.id, building.name), way: way, now: now.millis)
            return try await PatrolStore.find(tx, id: patrol.id, within: "/")!
        }
    }

    /// 发现问题: handled on the spot (with what was done), or raised as a request of the catalog's
    /// item, placed at the building (or the grid) and linked to the patrol.
    public func reportProblem(patrolId: Int64, _ input: ProblemInput, actor: Actor) async throws -> PatrolRecord {
        try actor.require(.gridWork)
        let key = try input.idempotencyKey.map { try Self.scopedKey($0, actor: actor) }
        let patrol = try await database.read { tx in try await ownOpenPatrol(tx, patrolId, actor: actor) }
        if let key, try await database.read({ tx in try await PatrolStore.problemExists(tx, key: key) }) { return patrol }
        if let buildingId = input.buildingId {
            guard let building = try await regions.lookup(buildingId), building.parentId == patrol.gridId else {
                throw DomainError.invalid("buildingId", "所选楼栋不属于本次巡查的网格")
            }
        }
        var requestId: Int64?
        switch input.outcome {
        case .handled:
            guard input.handledNote != nil else { throw DomainError.invalid("handledNote", "请写明现场是怎么处理的") }
        case .reported:
            guard let itemId = input.itemId else { throw DomainError.invalid("itemId", "上报诉求请选择事项类别") }
            let place = try await problemPlace(input, patrol: patrol, actor: actor)
            var draft = RequestDraft(
                itemId: itemId, description: input.description, regionId: place,
                channel: actor.role.map(Self.gridRoles.contains) ?? false ? .gridWorker : .onBehalf,
                photos: input.photos, idempotencyKey: input.idempotencyKey.map { "patrol-" + $0 }, origin: Self.origin(patrol: patrol.id))
            draft.latitude = input.point?.lat
            draft.longitude = input.point?.lon
            let submitted = try await requests.submit(draft, actor: actor)
            requestId = submitted.request.id
        }
        let now = clock.now()
        let requestMade = requestId
        do {
            return try await database.write { tx in
                let patrol = try await ownOpenPatrol(tx, patrolId, actor: actor)
                try await PatrolStore.insertProblem(tx, key: key, patrolId: patrol.id, description: input.description, buildingId: input.buildingId,
                                                    outcome: input.outcome, handledNote: input.handledNote, requestId: requestMade, now: now.millis)
                try await audit.append(tx, actor: actor, action: .patrolProblem, entityId: String(patrol.id), regionPath: patrol.regionPath,
                                       after: ["problem": input.description, "outcome": input.outcome.label,
                                               "request": requestMade.map(String.init) ?? ""])
                return try await PatrolStore.find(tx, id: patrol.id, within: "/")!
            }
        } catch where Database.isUniqueViolation(error) {
            return patrol
        }
    }

    /// Where a problem's request goes: the building picked; else the node inside the patrol's
    /// grid whose boundary holds the phone's position; else the grid.
    func problemPlace(_ input: ProblemInput, patrol: PatrolRecord, actor: Actor) async throws -> Int64 {
        if let buildingId = input.buildingId { return buildingId }
        guard let point = input.point, let found = try await regions.locate(point: point, within: actor.scope),
              found.path.hasPrefix(patrol.regionPath) else { return patrol.gridId }
        return found.id
    }

    /// 结束巡查, with what was noticed on the way.
    public func endPatrol(_ id: Int64, notes: String?, actor: Actor) async throws -> PatrolRecord {
        try actor.require(.gridWork)
        let now = clock.now()
        return try await database.write { tx in
            guard let found = try await PatrolStore.find(tx, id: id, within: actor.scope.path), found.patrollerId == actor.userId else {
                throw DomainError.notFound("巡查记录")
            }
            // Ended already (a retried tap): the record as it stands.
            guard found.isOpen else { return found }
            let patrol = found
            // Left open past the longest patrol: it ended then.
            let end = min(now, patrol.startedAt.addingTimeInterval(PatrolRules.maxHours))
            try PatrolRules.checkEnd(startedAt: patrol.startedAt, endedAt: end, now: now)
            try await PatrolStore.end(tx, id: id, at: end.millis, notes: notes)
            try await audit.append(tx, actor: actor, action: .patrolEnd, entityId: String(id), regionPath: patrol.regionPath,
                                   after: ["grid": patrol.gridName, "buildings": String(patrol.checkIns.count),
                                           "problems": String(patrol.problems.count)])
            return try await PatrolStore.find(tx, id: id, within: "/")!
        }
    }

    public func patrol(_ id: Int64, actor: Actor) async throws -> PatrolRecord {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        guard let patrol = try await database.read({ tx in try await PatrolStore.find(tx, id: id, within: actor.scope.path) }) else {
            throw DomainError.notFound("巡查记录")
        }
        return patrol
    }

    /// The actor's patrol under way, if any.
    public func openPatrol(actor: Actor) async throws -> PatrolRecord? {
        guard let userId = actor.userId else { return nil }
        return try await database.read { tx in try await PatrolStore.open(tx, patrollerId: userId) }
    }

    public func patrols(regionId: Int64?, from: Date, to: Date, limit: Int = 500, actor: Actor) async throws -> [PatrolRecord] {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        return try await database.read { tx in try await PatrolStore.patrols(tx, within: region.path, from: from, to: to, limit: limit) }
    }

    /// Where a grid stands against its quota today.
    public func patrolProgress(gridId: Int64, actor: Actor) async throws -> PatrolProgress {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        let grid = try await regions.node(gridId, actor: actor)
        guard grid.level == .grid else { throw DomainError.invalid("gridId", "巡查按网格统计") }
        let buildings = try await regions.children(of: grid.id, actor: actor).filter { $0.level == .building }
        let now = clock.now()
        let window = DueWindow(now: now)
        return try await database.read { tx in
            let quota = try await Self.patrolQuota(tx).at(grid.path).body
            let done = try await PatrolStore.endedCount(tx, gridPath: grid.path, from: window.endOfToday.addingTimeInterval(-86_400),
                                                        to: window.endOfToday)
            let last = try await PatrolStore.lastPassed(tx, buildingIds: buildings.map(\.id))
            let cutoff = now.addingTimeInterval(-Double(quota.buildingEveryDays) * 86_400)
            return PatrolProgress(quota: quota, doneToday: done,
                                  buildingsDue: PatrolRules.due(buildings.map { ($0.id, $0.name) }, lastPassed: last, cutoff: cutoff))
        }
    }

    /// 楼栋码: each building of the grid with its plate's code, made the first time it is asked for.
    public func plates(gridId: Int64, actor: Actor) async throws -> [(building: RegionNode, code: String)] {
        try actor.require(.gridView)
        let grid = try await regions.node(gridId, actor: actor)
        guard grid.level == .grid else { throw DomainError.invalid("gridId", "楼栋码按网格打印") }
        let buildings = try await regions.children(of: grid.id, actor: actor).filter { $0.level == .building }
        let now = clock.now().millis
        let codes = try await database.write { tx in
            let known = try await PatrolStore.plates(tx, buildingIds: buildings.map(\.id))
            for b in buildings where known[b.id] == nil {
                try await PatrolStore.insertPlate(tx, buildingId: b.id, code: Self.plateCode(), now: now)
            }
            return try await PatrolStore.plates(tx, buildingIds: buildings.map(\.id))
        }
        return buildings.compactMap { b in codes[b.id].map { (b, $0) } }
    }

    /// The building a plate's code names, if it is in the actor's scope.
    public func building(plate code: String, actor: Actor) async throws -> RegionNode? {
        guard let id = try await database.read({ tx in try await PatrolStore.building(plate: code, tx) }),
              let building = try await regions.lookup(id), actor.scope.contains(path: building.path) else { return nil }
        return building
    }

    /// Ten characters from an alphabet without 0/O and 1/I, so a plate can also be typed.
    static func plateCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    static func patrolQuota(_ tx: Tx) async throws -> RulesInForce<PatrolQuota> {
        RulesInForce(versions: try await GridRulesStore.all(tx, kind: .patrols, as: PatrolQuota.self), defaults: defaultQuota)
    }

    static let defaultQuota = GridRulesVersion<PatrolQuota>(id: nil, regionId: nil, regionPath: "/", version: 0, body: .defaults,
                                                           note: "", editedBy: "系统默认", editedAt: nil)

    public static func origin(patrol id: Int64) -> String { "patrol:\(id)" }
}

/// 发现问题, from the phone's form or the API.
public struct ProblemInput: Sendable {
    public var description: String
    public var buildingId: Int64?
    public var outcome: ProblemOutcome
    public var handledNote: String?
    public var itemId: Int64?
    public var photos: [Data]
    public var idempotencyKey: String?
    /// Where it was found (the phone's position): places the request at the building whose
    /// boundary holds it when no building was picked.
    public var point: GeoPoint?

    public init(description: String, buildingId: Int64? = nil, outcome: ProblemOutcome, handledNote: String? = nil, itemId: Int64? = nil,
                photos: [Data] = [], idempotencyKey: String? = nil, point: GeoPoint? = nil) {
        self.point = point
        self.description = description
        self.buildingId = buildingId
        self.outcome = outcome
        self.handledNote = handledNote
        self.itemId = itemId
        self.photos = photos
        self.idempotencyKey = idempotencyKey
    }
}
