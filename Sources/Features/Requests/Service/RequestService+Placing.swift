import Foundation
import LinliKit
import Regions

extension RequestService {
    /// 确定地点: a dispatcher places a 待定位 request at a community or below, inside their
    /// scope and inside where it waits. The daily summary moves with it; the dispatchers of
    /// the new place are told.
    public func place(_ id: Int64, regionId: Int64, actor: Actor) async throws -> RequestDetail {
        try actor.require(.requestDispatch)
        // A place out of reach is told only once the request is known to be the actor's to see.
        let node: RegionNode?
        do { node = try await regions.node(regionId, actor: actor) } catch let error as DomainError where error.kind == .notFound { node = nil }
        let place = try await node.asyncMap { try await regions.addressLine(for: $0) }
        let staffOnPath = try await node.asyncMap { try await staff.staffMembers(onPathTo: $0.path) } ?? []
        let now = clock.now()
        let placed = try await database.write { tx in
            guard let request = try await RequestStore.find(tx, id: id, lock: true), actor.scope.contains(path: request.regionPath) else {
                throw DomainError.notFound("诉求")
            }
            guard let node, let place else { throw DomainError.invalid("regionId", "所选地点不存在或不在您的管辖范围内") }
            guard !node.retired, node.level.depth >= RegionLevel.community.depth else {
                throw DomainError.invalid("regionId", "请选择社区及以下的地点")
            }
            guard request.awaitingPlace, request.state.isOpen else {
                throw DomainError.invalid("regionId", "这件诉求已有确定的地点，不在待定位中")
            }
            guard node.path.hasPrefix(request.regionPath) else {
                throw DomainError.invalid("regionId", "所选地点不在这件诉求所在的区域内")
            }
            guard try await RequestStore.place(tx, request, at: (node.id, node.path), place: place, now: now.millis) else {
                throw Self.raceLost
            }
            try await RequestStore.appendEvent(tx, requestId: id, .init(
                kind: .place, fromState: request.state, toState: request.state, actorUserId: actor.userId, actorName: actor.displayName,
                actorRole: Participant.dispatcher.label, note: place, isInternal: false, data: ["region": String(node.id)]), at: now.millis)
            let updated = try await RequestStore.find(tx, id: id)!
            let item = try await CatalogStore.item(tx, id: request.itemId)!
            try await notify(tx, request: updated, kind: .place, note: place, itemName: item.name, staffOnPath: staffOnPath)
            try await DailyCounts.moved(tx, request, from: request.regionPath, to: node.path)
            try await audit.append(tx, actor: actor, action: .request(.place), entityId: String(id), regionPath: node.path,
                                   before: ["region": String(request.regionId)], after: ["region": String(node.id)])
            return updated
        }
        let events = try await database.read { tx in try await RequestStore.events(tx, requestId: id) }
        return try await detail(placed, events: events, roles: Participation.roles(of: actor, in: placed))
    }
}
