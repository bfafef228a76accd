import Foundation
import LinliKit
import Regions

extension RequestService {
    /// One step of the workflow by a signed-in person (staff, or the requester).
    public func act(_ id: Int64, _ action: RequestAction, photos: [Data] = [], actor: Actor) async throws -> RequestDetail {
        try await act(id, action, photos: photos, unit: nil, actor: actor)
    }

    func act(_ id: Int64, _ action: RequestAction, photos: [Data], unit: HandlerUnit?, actor: Actor) async throws -> RequestDetail {
        let request = try await perform(action, photos: photos, actor: actor, actorName: actor.displayName, extraRoles: [], unit: unit) { tx in
            guard let request = try await RequestStore.find(tx, id: id, lock: true) else { throw DomainError.notFound("诉求") }
            try Self.requireView(actor, request)
            return request
        }
        try Self.requireView(actor, request)  // a step can leave its actor without the request (sent back to the dispatcher)
        let events = try await database.read { tx in try await RequestStore.events(tx, requestId: request.id) }
        return try await detail(request, events: events, roles: Participation.roles(of: actor, in: request))
    }

    /// Applies `action` to the request `load` finds (and locks), in one transaction with its
    /// event, photos, audit entry and notices.
    func perform(_ action: RequestAction, photos: [Data], actor: Actor, actorName: String, extraRoles: Set<Participant>,
                 unit: HandlerUnit? = nil, load: @escaping @Sendable (Tx) async throws -> ServiceRequest) async throws -> ServiceRequest {
        let kind = action.kind
        if !photos.isEmpty && kind != .report && kind != .addInformation {
            throw DomainError.invalid("photos", "“\(kind.label)”不能附照片")
        }
        let validPhotos = try PhotoRules.validate(photos)
        let assignees = try await assignees(of: action)
        let now = clock.now()
        return try await database.write { tx in
            let request = try await load(tx)
            let roles = Participation.roles(of: actor, in: request).union(extraRoles)
            // A unit's 接单人 may serve outside their own account's node: the unit's service
            // area decided that (the caller checked it); the place must still be known.
            if case .dispatch = action, let problem = Self.placeProblem(unit == nil ? assignees : [], request: request) { throw problem }
            if case .dispatch = action, let unit { try await unit.verify(tx) }
            let item = try await CatalogStore.item(tx, id: request.itemId)!
            let (working, _) = try await CalendarStore.calendar(tx)
            let calendar = EmergencyRules.calendar(urgent: request.urgent, working: working)
            let next = try Workflow.apply(request.progress, action, roles: roles, at: now, limits: item.limits, calendar: calendar)
            // A unit's 接单人 may be bound anywhere: the level above is the request's own place.
            let dispatchedPath = unit == nil ? assignees.first?.regionPath : request.regionPath
            let handlerPath = kind == .dispatch ? dispatchedPath : next.handlerId == nil ? nil : request.handlerPath
            guard try await RequestStore.saveProgress(tx, of: request, next, handlerPath: handlerPath,
                                                      now: now.millis) else { throw Self.raceLost }
            if kind == .dispatch || (next.handlerId == nil && request.progress.handlerId != nil) {
                try await RequestStore.setHandlerUnit(tx, requestId: request.id, kind == .dispatch ? unit?.key : nil)
            }
            let role = Self.acting(kind, roles: roles)
            let eventId = try await RequestStore.appendEvent(tx, requestId: request.id, .init(
                kind: .action(kind), fromState: request.state, toState: next.state, actorUserId: actor.userId, actorName: actorName,
                actorRole: role.label, note: action.text?.trimmingWhitespace.nilIfEmpty,
                isInternal: kind.isInternal, data: Self.eventData(action, assignees: assignees, unit: unit)), at: now.millis)
            for photo in validPhotos { try await RequestStore.insertPhoto(tx, requestId: request.id, eventId: eventId, photo, now: now.millis) }
            if case .rate(let score, _) = action {
                try await RequestStore.insertRating(tx, requestId: request.id, score: score, at: now.millis)
                if next.state == .rated { try await awardHandlers(tx, request, next, rating: score, actor: actor) }
            }
            let updated = RequestStore.saved(request, next, handlerPath: handlerPath, now: now.millis)
            try await notify(tx, request: updated, kind: .action(kind), note: action.text, itemName: item.name)
            // Last, the rows locked until the commit on PostgreSQL: the summary's, the audit head.
            try await DailyCounts.record(tx, regionPath: request.regionPath, submittedAt: next.submittedAt, before: request.progress, after: next, now: now)
            var after = Self.auditValues(updated)
            if kind == .dispatch, let unit { after["unit"] = unit.key }
            try await audit.append(tx, actor: actor, action: .request(.action(kind)), entityId: String(request.id),
                                   regionPath: request.regionPath, before: Self.auditValues(request), after: after)
            return updated
        }
    }

    /// 协助办结: the volunteers among the handlers of a request rated satisfied earn points,
    /// once each per request (the points bank applies its own least rating).
    func awardHandlers(_ tx: Tx, _ request: ServiceRequest, _ next: RequestProgress, rating: Int, actor: Actor) async throws {
        guard let awards else { return }
        let handlers = ([next.handlerId] + next.coHandlerIds.map(Optional.some)).compactMap { $0 }
        let people = try await staff.staffMembers(ids: handlers)
        try await awards.award(tx, handlers.filter { people[$0]?.role == .volunteer }.map { id in
            PointEarning(.account(id), deed: .requestHandled(rating: rating), key: "request:\(request.id):\(id)",
                         memo: "协助办结诉求 \(request.trackingCode)")
        }, actor: actor)
    }

    /// The accounts a dispatch names, checked before the transaction: real, enabled staff.
    func assignees(of action: RequestAction) async throws -> [StaffMember] {
        guard case .dispatch(let handler, let coHandlers, _) = action else { return [] }
        let ids = [handler] + coHandlers
        let found = try await staff.staffMembers(ids: ids)
        return try ids.map { id in
            guard let member = found[id], !member.disabled, member.role != .resident else {
                throw DomainError.invalid(id == handler ? "handlerId" : "coHandlers", "承办人账号不存在或已停用")
            }
            return member
        }
    }

    /// A handler must be able to act where the request is: bound to its node or one above.
    static func placeProblem(_ assignees: [StaffMember], request: ServiceRequest) -> DomainError? {
        if request.awaitingPlace { return DomainError.invalid("regionId", "这件诉求还没有确定地点（待定位），请先确定地点再派遣") }
        guard let outside = assignees.first(where: { !request.regionPath.hasPrefix($0.regionPath) }) else { return nil }
        return DomainError.invalid("handlerId", "“\(outside.displayName)”的管辖范围不包含诉求所在地，不能派给他")
    }

    /// Which of the actor's roles the event records (the one the action needs).
    static func acting(_ kind: RequestActionKind, roles: Set<Participant>) -> Participant {
        let needed = Workflow.performers[kind]!
        return Participant.allCases.first { needed.contains($0) && roles.contains($0) } ?? Participant.allCases.first { roles.contains($0) } ?? .dispatcher
    }

    static func eventData(_ action: RequestAction, assignees: [StaffMember], unit: HandlerUnit? = nil) -> [String: String] {
        switch action {
        case .dispatch:
            var data = ["handler": assignees[0].displayName, "handlerId": String(assignees[0].id)]
            if let unit { (data["unit"], data["unitKey"]) = (unit.name, unit.key) }
            if assignees.count > 1 { data["coHandlers"] = assignees.dropFirst().map(\.displayName).joined(separator: "、") }
            return data
        case .requestExtension(let minutes, _): return ["minutes": String(minutes)]
        case .rate(let score, _): return ["score": String(score)]
        default: return [:]
        }
    }

    /// 批量派遣: each request on its own (one failing does not stop the others).
    public func dispatchMany(_ ids: [Int64], handler: Int64, coHandlers: [Int64] = [], note: String? = nil,
                             actor: Actor) async throws -> [Int64: Result<RequestState, DomainError>] {
        try actor.require(.requestDispatch)
        guard !ids.isEmpty, ids.count <= 200 else { throw DomainError.invalid("ids", "一次可派遣 1–200 件诉求") }
        // A handler who is nobody is one mistake, said once, not once per ticked request.
        guard let member = try await staff.staffMembers(ids: [handler])[handler], !member.disabled, member.role != .resident else {
            throw DomainError.invalid("handlerId", "所选承办人不存在或已停用")
        }
        var results: [Int64: Result<RequestState, DomainError>] = [:]
        for id in Array(Set(ids)).sorted() {
            do {
                var request = try await detail(id, actor: actor).request
                if request.state == .received { request = try await act(id, .register(note: nil), actor: actor).request }
                results[id] = .success(try await act(id, .dispatch(handler: handler, coHandlers: coHandlers, note: note), actor: actor).request.state)
            } catch let error as DomainError {
                results[id] = .failure(error)
            }
        }
        return results
    }

    /// Whom the dispatcher may choose for a request: suggestions by the item's assignment
    /// rule first, then everyone else who can act there.
    public func candidates(for id: Int64, actor: Actor) async throws -> (suggested: [StaffMember], others: [StaffMember]) {
        try actor.require(.requestDispatch)
        let detail = try await detail(id, actor: actor)
        guard detail.roles.contains(.dispatcher) else { throw DomainError.forbidden }
        let everyone = try await staff.staffMembers(onPathTo: detail.request.regionPath)
        var suggestedIds: [Int64] = []
        let path = Scope.ancestorPaths(of: detail.request.regionPath)
        switch detail.item.assignment {
        case .grid:
            if path.count > RegionLevel.grid.depth, let gridId = Int64(path[RegionLevel.grid.depth].split(separator: "/").last ?? "") {
                let team = try await teams.team(ofGrid: gridId, actor: actor)
                suggestedIds = team.sorted { $0.duty.order < $1.duty.order }.map(\.userId)
            }
        case .thematic(let tag):
            if path.count > RegionLevel.community.depth, let communityId = Int64(path[RegionLevel.community.depth].split(separator: "/").last ?? "") {
                for grid in try await teams.thematicGrids(actor: actor) where grid.regionId == communityId && grid.tags.contains(tag) && !grid.retired {
                    suggestedIds += try await teams.thematicGrid(grid.id, actor: actor).team.sorted { $0.duty.order < $1.duty.order }.map(\.userId)
                }
            }
        case .account(let username):
            if let member = try await staff.staffMember(username: username) { suggestedIds = [member.id] }
        }
        let byId = Dictionary(everyone.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<Int64> = []
        let suggested = suggestedIds.compactMap { id -> StaffMember? in
            guard seen.insert(id).inserted else { return nil }
            return byId[id]
        }
        let preferred = Self.preferredRoles(detail.item.handlerType)
        // The handler type's roles first, then the nearest to the request, then by name.
        func rank(_ m: StaffMember) -> (Int, Int, String) { (preferred.contains(m.role) ? 0 : 1, -m.regionPath.count, m.displayName) }
        let others = everyone.filter { !seen.contains($0.id) }.sorted { rank($0) < rank($1) }
        return (suggested, others)
    }

    static func preferredRoles(_ type: HandlerType) -> Set<Role> {
        switch type {
        case .gridWorker: [.gridWorker, .gridLeader]
        case .communityStaff: [.communityStaff]
        case .socialWorker: [.socialWorker]
        case .socialOrganization: [.socialOrganization]
        case .volunteerTeam: [.volunteer]
        case .department: [.department]
        }
    }
}

extension GridDuty {
    var order: Int {
        switch self {
        case .leader: 1
        case .fullTime: 0
        case .partTime: 2
        }
    }
}

extension RequestService {
    /// A staff account by login name, for forms that name the handler.
    /// Whom the actor may dispatch to in bulk, by name: staff bound at their node or above it
    /// (who may handle anything in it), then staff below it (who may handle what is in their
    /// own area; a request outside it is refused on its own). At most `limit` of the latter;
    /// `complete` says whether that was all of them.
    public func dispatchTargets(actor: Actor, limit: Int = 500) async throws -> (people: [StaffMember], complete: Bool) {
        try actor.require(.requestDispatch)
        let above = try await staff.staffMembers(onPathTo: actor.scope.path)
        let below = try await staff.staffMembers(within: actor.scope.path, limit: limit + 1)
        let seen = Set(above.map(\.id))
        return (above + below.prefix(limit).filter { !seen.contains($0.id) }, below.count <= limit)
    }
}

extension RequestService {
    /// 在办 — how many requests each person holds as 主办 now (dispatched, in progress or
    /// suspended): what a dispatcher weighs before giving them one more.
    public func openLoad(of ids: [Int64]) async throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { tx in
            let rows = try await tx.sql.raw("""
                SELECT handler_id, COUNT(*) AS n FROM requests WHERE handler_id IN (\(binds: ids))
                AND state IN ('dispatched', 'in_progress', 'suspended') GROUP BY handler_id
                """).all()
            return Dictionary(try rows.map { (try $0.decode(column: "handler_id", as: Int64.self), try $0.decode(column: "n", as: Int.self)) },
                              uniquingKeysWith: { a, _ in a })
        }
    }
}

extension RequestService {
    /// The account a catalog item names (`account:` rules), by its login name.
    public func staffMember(username: String) async throws -> StaffMember? { try await staff.staffMember(username: username) }
}
