import Foundation
import LinliKit

/// Grid teams ("1+1+X") and thematic grids (五色网格) with their teams.
public struct TeamService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let staff: any StaffDirectory

    public init(database: Database, audit: AuditLog, clock: any Clock, staff: any StaffDirectory) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.staff = staff
    }

    public func team(ofGrid gridId: Int64, actor: Actor) async throws -> [TeamMember] {
        try actor.require(.regionView)
        let rows = try await database.read { tx in
            let node = try await RegionService.scopedNode(tx, gridId, actor)
            guard node.level == .grid else { return [(userId: Int64, duty: GridDuty)]() }
            return try await TeamStore.members(tx, gridId: gridId)
        }
        return try await named(rows)
    }

    func named(_ rows: [(userId: Int64, duty: GridDuty)]) async throws -> [TeamMember] {
        let people = try await staff.staffMembers(ids: rows.map(\.userId))
        return rows.map { TeamMember(userId: $0.userId, displayName: people[$0.userId]?.displayName ?? "（已删除账号）", duty: $0.duty) }
    }

    /// The member must hold an active account whose own region covers the grid: a grid worker
    /// who could not see the grid could not serve it.
    func eligibleMember(username: String, for node: RegionNode, actor: Actor) async throws -> StaffMember {
        guard let member = try await staff.staffMember(username: username), !member.disabled else {
            throw DomainError.invalid("username", "账号「\(username)」不存在或已停用")
        }
        let memberRegion = try await database.read { tx in
            try await RegionStore.find(tx, id: member.regionId, within: Scope(regionId: 0, path: "/"))
        }
        guard let memberRegion, node.path.hasPrefix(memberRegion.path), actor.scope.contains(path: memberRegion.path) else {
            throw DomainError.invalid("username", "账号「\(username)」的管辖范围不包含「\(node.name)」，或不在您的管辖范围内")
        }
        return member
    }

    public func assign(gridId: Int64, username: String, duty: GridDuty, actor: Actor) async throws -> [TeamMember] {
        try actor.require(.regionTeam)
        let node = try await database.read { tx in try await RegionService.scopedNode(tx, gridId, actor) }
        guard node.level == .grid else { throw DomainError.invalid("gridId", "只有网格才有网格队伍") }
        guard !node.retired else { throw DomainError.conflict("「\(node.name)」已撤销") }
        let member = try await eligibleMember(username: username, for: node, actor: actor)
        let now = clock.now().millis
        try await database.write { tx in
            // The rule is checked under the grid's row lock, so two concurrent assignments
            // cannot both become the one leader.
            try await RegionStore.lockChildren(tx, of: gridId)
            let current = try await named(try await TeamStore.members(tx, gridId: gridId))
            try GridTeamRules.checkAssign(userId: member.id, duty: duty, members: current)
            let previous = current.first { $0.userId == member.id }?.duty.rawValue
            try await TeamStore.upsertMember(tx, gridId: gridId, userId: member.id, duty: duty, now: now)
            try await audit.append(tx, actor: actor, action: .regionTeamAssign, entityId: String(gridId),
                                   regionPath: node.path,
                                   before: previous.map { ["user": member.username, "duty": $0] },
                                   after: ["user": member.username, "duty": duty.rawValue])
        }
        return try await team(ofGrid: gridId, actor: actor)
    }

    public func remove(gridId: Int64, userId: Int64, actor: Actor) async throws -> [TeamMember] {
        try actor.require(.regionTeam)
        try await database.write { tx in
            let node = try await RegionService.scopedNode(tx, gridId, actor)
            let members = try await TeamStore.members(tx, gridId: gridId)
            guard let existing = members.first(where: { $0.userId == userId }) else { throw DomainError.notFound("队员") }
            try await TeamStore.removeMember(tx, gridId: gridId, userId: userId)
            try await audit.append(tx, actor: actor, action: .regionTeamRemove, entityId: String(gridId),
                                   regionPath: node.path, before: ["userId": String(userId), "duty": existing.duty.rawValue])
        }
        return try await team(ofGrid: gridId, actor: actor)
    }

    // MARK: Thematic grids (五色网格)

    public func thematicGrids(actor: Actor) async throws -> [ThematicGrid] {
        try actor.require(.regionView)
        return try await database.read { tx in try await TeamStore.thematicGrids(tx, within: actor.scope) }
    }

    public func thematicGrid(_ id: Int64, actor: Actor) async throws -> (grid: ThematicGrid, team: [TeamMember]) {
        try actor.require(.regionView)
        let (grid, rows) = try await database.read { tx in
            guard let grid = try await TeamStore.thematicGrid(tx, id: id, within: actor.scope) else { throw DomainError.notFound("专题网格") }
            return (grid, try await TeamStore.thematicMembers(tx, id: id))
        }
        return (grid, try await named(rows))
    }

    public func createThematicGrid(regionId: Int64, name: String?, colour: String?, tags: [String], description: String?,
                                   actor: Actor) async throws -> ThematicGrid {
        try actor.require(.thematicManage)
        let now = clock.now().millis
        return try await database.write { tx in
            let anchor = try await RegionService.scopedNode(tx, regionId, actor)
            try ThematicGridRules.checkAnchor(anchor)
            let name = try RegionRules.validateName(name)
            let colour = try ThematicGridRules.validateColour(colour)
            guard !tags.isEmpty else { throw DomainError.invalid("tags", "请至少填写一个服务对象标签，例如 独居老人") }
            let id = try await TeamStore.insertThematic(tx, regionId: regionId, name: name, colour: colour, tags: tags,
                                                        description: description, now: now)
            try await audit.append(tx, actor: actor, action: .thematicCreate, entityId: String(id),
                                   regionPath: anchor.path,
                                   after: ["name": name, "colour": colour, "tags": tags.joined(separator: "、"), "region": anchor.code])
            return try await TeamStore.thematicGrid(tx, id: id, within: actor.scope)!
        }
    }

    public func retireThematicGrid(_ id: Int64, actor: Actor) async throws {
        try actor.require(.thematicManage)
        let now = clock.now().millis
        try await database.write { tx in
            guard let grid = try await TeamStore.thematicGrid(tx, id: id, within: actor.scope) else { throw DomainError.notFound("专题网格") }
            guard !grid.retired else { throw DomainError.conflict("该专题网格已撤销") }
            try await TeamStore.retireThematic(tx, id: id, now: now)
            let anchor = try await RegionService.scopedNode(tx, grid.regionId, actor)
            try await audit.append(tx, actor: actor, action: .thematicRetire, entityId: String(id),
                                   regionPath: anchor.path, before: ["name": grid.name])
        }
    }

    public func assignThematic(_ id: Int64, username: String, duty: GridDuty, actor: Actor) async throws {
        try actor.require(.thematicManage)
        let (grid, _) = try await thematicGrid(id, actor: actor)
        let anchor = try await database.read { tx in try await RegionService.scopedNode(tx, grid.regionId, actor) }
        guard !grid.retired else { throw DomainError.conflict("该专题网格已撤销") }
        let member = try await eligibleMember(username: username, for: anchor, actor: actor)
        let now = clock.now().millis
        try await database.write { tx in
            try await TeamStore.lockThematic(tx, id: id)
            let current = try await named(try await TeamStore.thematicMembers(tx, id: id))
            try GridTeamRules.checkAssign(userId: member.id, duty: duty, members: current)
            try await TeamStore.upsertThematicMember(tx, id: id, userId: member.id, duty: duty, now: now)
            try await audit.append(tx, actor: actor, action: .thematicTeamAssign, entityId: String(id),
                                   regionPath: anchor.path, after: ["user": member.username, "duty": duty.rawValue])
        }
    }

    public func removeThematic(_ id: Int64, userId: Int64, actor: Actor) async throws {
        try actor.require(.thematicManage)
        try await database.write { tx in
            guard let grid = try await TeamStore.thematicGrid(tx, id: id, within: actor.scope) else { throw DomainError.notFound("专题网格") }
            let anchor = try await RegionService.scopedNode(tx, grid.regionId, actor)
            guard try await TeamStore.thematicMembers(tx, id: id).contains(where: { $0.userId == userId }) else {
                throw DomainError.notFound("队员")
            }
            try await TeamStore.removeThematicMember(tx, id: id, userId: userId)
            try await audit.append(tx, actor: actor, action: .thematicTeamRemove, entityId: String(id),
                                   regionPath: anchor.path, before: ["userId": String(userId)])
        }
    }
}
