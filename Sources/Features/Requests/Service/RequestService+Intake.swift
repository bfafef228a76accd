import Foundation
import LinliKit
import Notifications
import Regions

/// The result of a submission. `repeated` when the same idempotency key was seen before:
/// the request the first submission made is returned and nothing new is written.
public struct Submission: Sendable {
    public let request: ServiceRequest
    public let repeated: Bool
    /// For an urgent request: the emergency numbers and the duty phone, shown at once.
    public var emergency: EmergencyNotice? = nil
}

/// An open request like the one about to be made, offered so the resident can follow it.
public struct SimilarRequest: Sendable {
    public let id: Int64
    public let itemName: String
    public let state: RequestState
    public let submittedAt: Date
    public let place: String
}

extension RequestService {
    public func submit(_ draft: RequestDraft, actor: Actor) async throws -> Submission {
        try actor.require(draft.channel == .selfService ? .requestSubmit : .requestIntake)
        if draft.channel == .gridWorker, ![Role.gridWorker, .gridLeader].contains(actor.role) {
            throw DomainError.invalid("channel", "只有网格员可以选择“网格员上报”渠道")
        }
        let key = try draft.idempotencyKey.map { try Self.scopedKey($0, actor: actor) }
        if let key, let existing = try await database.read({ tx in try await RequestStore.find(tx, idempotencyKey: key) }) {
            return Submission(request: existing, repeated: true)
        }
        try IntakeRules.checkOrigin(draft.origin)
        if draft.origin != nil, draft.channel == .selfService {
            throw DomainError.invalid("origin", "居民自助提交的诉求不能注明来源走访或巡查")
        }
        let item = try await item(for: draft)
        let valid = try IntakeRules.validate(draft, item: item)
        let (node, awaitingPlace) = try await intakeRegion(draft, address: valid.address, latitude: valid.latitude,
                                                          longitude: valid.longitude, actor: actor)
        let place = try await regions.addressLine(for: node)
        let phone = try valid.phone.map { (sealed: try vault.seal($0.value), index: vault.blindIndex($0.value, kind: "phone"), masked: $0.masked) }
        let contactName = valid.anonymous ? nil : valid.contactName ?? (draft.channel == .selfService ? actor.displayName : nil)
        let urgent = EmergencyRules.isUrgent(item: item, answers: valid.answers)
        var attempt = 0
        while true {
            attempt += 1
            let new = RequestStore.NewRequest(
                trackingCode: IntakeRules.newTrackingCode(), idempotencyKey: key, itemId: item.id, categoryId: item.categoryId,
                channel: draft.channel, description: valid.description, answers: valid.answers, regionId: node.id, regionPath: node.path,
                place: place, address: valid.address ?? "", latitude: valid.latitude, longitude: valid.longitude,
                requesterUserId: draft.channel == .selfService ? actor.userId : nil, contactName: contactName,
                phoneSealed: phone?.sealed, phoneIndex: phone?.index, phoneMasked: phone?.masked, anonymous: valid.anonymous,
                enteredBy: draft.channel == .selfService ? nil : actor.userId, urgent: urgent, origin: draft.origin,
                awaitingPlace: awaitingPlace)
            do {
                let (request, emergency) = try await insert(new, item: item, photos: valid.photos, actor: actor)
                return Submission(request: request, repeated: false, emergency: emergency)
            } catch where Database.isUniqueViolation(error) {
                // Two submissions with one key at the same moment: the first one's request wins.
                if let key, let existing = try await database.read({ tx in try await RequestStore.find(tx, idempotencyKey: key) }) {
                    return Submission(request: existing, repeated: true)
                }
                if attempt >= 3 { throw error }  // three tracking-code collisions in a row: a fault, not bad luck
            }
        }
    }

    func insert(_ new: RequestStore.NewRequest, item: CatalogItem, photos: [ValidPhoto], actor: Actor) async throws
        -> (ServiceRequest, EmergencyNotice?) {
        let staffOnPath = try await staff.staffMembers(onPathTo: new.regionPath)
        // Who is on duty is read before the write, like the staff on the path: out of hours an
        // urgent request goes to them in the same transaction that makes it.
        let onDuty = new.urgent ? try await duty.onDuty(at: clock.now(), path: new.regionPath) : nil
        return try await database.write { tx in
            let (working, _) = try await CalendarStore.calendar(tx)
            let now = clock.now()
            let calendar = EmergencyRules.calendar(urgent: new.urgent, working: working)
            let outOfHours = new.urgent && !working.isWorkingTime(now)
            let progress = RequestProgress.start(at: now, limits: item.limits, calendar: calendar)
            let request = try await RequestStore.insert(tx, new, progress: progress)
            let id = request.id
            let dutyPeople = outOfHours ? onDuty?.people ?? [] : []
            var data = ["item": item.code]
            if new.urgent { data["urgent"] = "true" }
            if !dutyPeople.isEmpty { data["duty"] = dutyPeople.map(\.displayName).joined(separator: "、") }
            let event = RequestStore.NewEvent(kind: .submit, fromState: nil, toState: .received, actorUserId: actor.userId,
                                              actorName: new.anonymous ? "匿名" : actor.displayName, actorRole: new.channel.label,
                                              note: nil, isInternal: false, data: data)
            let eventId = try await RequestStore.appendEvent(tx, requestId: id, event, at: now.millis)
            for photo in photos { try await RequestStore.insertPhoto(tx, requestId: id, eventId: eventId, photo, now: now.millis) }
            try await notify(tx, request: request, kind: .submit, note: nil, itemName: item.name, staffOnPath: staffOnPath)
            if !dutyPeople.isEmpty {
                try await notifyOnDuty(tx, request: request, itemName: item.name, people: dutyPeople, at: now)
            }
            // Last, the rows every change in the district locks until the commit on PostgreSQL:
            // the summary's (one shard of the district's row for the day), then the audit chain's head.
            try await DailyCounts.record(tx, regionPath: new.regionPath, submittedAt: progress.submittedAt, before: nil, after: progress, now: now)
            try await audit.append(tx, actor: actor, action: .request(.submit), entityId: String(id),
                                   regionPath: request.regionPath,
                                   after: ["item": item.code, "channel": new.channel.rawValue, "region": String(new.regionId),
                                           "photos": String(photos.count), "anonymous": String(new.anonymous), "urgent": String(new.urgent)])
            let emergency = new.urgent ? EmergencyNotice(numbers: EmergencyRules.numbers, dutyPhone: onDuty?.phone, outOfHours: outOfHours,
                                                         dutyNotified: !dutyPeople.isEmpty) : nil
            return (request, emergency)
        }
    }

    func item(for draft: RequestDraft) async throws -> CatalogItem {
        do {
            if let id = draft.itemId { return try await catalog.item(id) }
            if let code = draft.itemCode, !code.isEmpty { return try await catalog.item(code: code) }
        } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("itemId", "没有这个服务事项")
        }
        throw DomainError.invalid("itemId", "请选择服务事项")
    }

    /// Residents ask for their own household or the places around it (building, grid,
    /// community); staff for any place in their scope. Staff who give no place but an address
    /// or a point have it found (`RegionService.locate`); what is found nowhere below the
    /// street stays at the deepest level found (at least the actor's own) and is 待定位 —
    /// taken in, never refused, and placed by hand later.
    func intakeRegion(_ draft: RequestDraft, address: String?, latitude: Double?, longitude: Double?,
                      actor: Actor) async throws -> (node: RegionNode, awaitingPlace: Bool) {
        if draft.channel == .selfService {
            let id = draft.regionId ?? actor.scope.regionId
            guard let node = try await regions.lookup(id), !node.retired, actor.scope.path.hasPrefix(node.path),
                  node.level.depth >= RegionLevel.community.depth else {
                throw DomainError.invalid("regionId", "只能为自己家或所在的楼栋、网格、社区提交诉求")
            }
            return (node, false)
        }
        guard let id = draft.regionId else {
            let point = latitude.flatMap { lat in longitude.map { GeoPoint(lon: $0, lat: lat) } }
            guard point != nil || address != nil else { throw DomainError.invalid("regionId", "请选择诉求发生的地点（网格、楼栋或户）") }
            // Read again from the table: the boundary index may be a second behind a move or a retirement.
            let located = try await regions.locate(point: point, address: address, within: actor.scope)?.node
            var found = try await located.asyncMap { try await regions.lookup($0.id) } ?? nil
            if let node = found, node.retired || !actor.scope.contains(path: node.path) { found = nil }
            if found == nil { found = try await regions.lookup(actor.scope.regionId) }
            guard let node = found, !node.retired else {
                throw DomainError.invalid("regionId", "请选择诉求发生的地点（网格、楼栋或户）")
            }
            return (node, node.level.depth < RegionLevel.community.depth)
        }
        let node: RegionNode
        do { node = try await regions.node(id, actor: actor) } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("regionId", "所选地点不存在或不在您的管辖范围内")
        }
        guard !node.retired, node.level.depth >= RegionLevel.community.depth else {
            throw DomainError.invalid("regionId", "请选择社区及以下的地点")
        }
        return (node, false)
    }

    /// Keys are per person (or per API token): one client's key never finds another's request.
    static func scopedKey(_ key: String, actor: Actor) throws -> String {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        guard (8...100).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw DomainError.invalid("idempotencyKey", "幂等键应为 8–100 个可见 ASCII 字符")
        }
        let who = actor.tokenId.map { "t\($0)" } ?? actor.userId.map { "u\($0)" } ?? "c"
        return who + ":" + trimmed
    }

    /// Open requests for the same item at the same place in the last two weeks.
    public func similar(itemId: Int64, regionId: Int64?, actor: Actor) async throws -> [SimilarRequest] {
        guard actor.may(.requestSubmit) || actor.may(.requestIntake) else { throw DomainError.forbidden }
        let region = regionId ?? actor.scope.regionId
        let since = clock.now().addingTimeInterval(-Double(Self.similarWindowDays) * 86_400).millis
        let item = try await catalog.item(itemId)
        let found = try await database.read { tx in try await RequestStore.similarOpen(tx, itemId: itemId, regionId: region, since: since) }
        return found.filter { actor.may(.requestIntake) ? actor.scope.contains(path: $0.regionPath) : actor.scope.path.hasPrefix($0.regionPath) || $0.regionPath.hasPrefix(actor.scope.path) }
            .map { SimilarRequest(id: $0.id, itemName: item.name, state: $0.state, submittedAt: $0.progress.submittedAt, place: $0.place) }
    }

    /// 关注: a resident follows an open request instead of making the same one again, and
    /// is told of its progress like the requester.
    public func follow(_ id: Int64, actor: Actor) async throws {
        try actor.require(.requestSubmit)
        guard let user = actor.userId else { throw DomainError.unauthenticated }
        try await change(id) { tx, request in
            let near = actor.scope.path.hasPrefix(request.regionPath) || request.regionPath.hasPrefix(actor.scope.path)
            guard near, request.state.isOpen else { throw DomainError.notFound("诉求") }
            guard try await RequestStore.follow(tx, requestId: id, userId: user, now: clock.now().millis) else { return }
            try await RequestStore.appendEvent(tx, requestId: id, .init(kind: .follow, fromState: request.state, toState: request.state,
                                                                        actorUserId: user, actorName: "居民", actorRole: "关注人", note: nil,
                                                                        isInternal: false, data: [:]), at: clock.now().millis)
            try await audit.append(tx, actor: actor, action: .request(.follow), entityId: String(id), regionPath: request.regionPath)
        }
    }
}
