import Foundation
import LinliKit
import Requests
import Volunteers

/// 志愿服务队 as a resource: the catalog items a team offers (kept here; the team is the
/// volunteers feature's), and its active leader with an account as the 接单人 of what is
/// given to it.
extension ResourcesService {
    public struct TeamResource: Sendable {
        public let team: VolunteerTeam
        public let services: [(id: Int64, name: String)]
        /// Leaders who can take a dispatch (enabled staff accounts), the first the 接单人.
        public let leaders: [StaffMember]
        public let figures: HandlerFigures
        public let mayManage: Bool
        public var unitKey: String { ResourcesService.teamUnitKey(team.id) }
    }

    static func teamUnitKey(_ id: Int64) -> String { "volunteer_team:\(id)" }

    /// A team in the actor's scope, with what it offers.
    public func teamResource(_ id: Int64, actor: Actor) async throws -> TeamResource {
        try actor.require(.resourcesView)
        guard let volunteers, let team = try await volunteers.teams(actor: actor).first(where: { $0.id == id }) else {
            throw DomainError.notFound("志愿服务队")
        }
        let items = try await database.read { tx in try await Self.teamServices(tx, of: [id])[id] ?? [] }
        let catalog = try await self.catalog.catalog(actor: actor)
        let leaders = try await handlers(volunteers.teamLeaders(teamIds: [id])[id] ?? [])
        let figures = try await requests.handlerFigures(units: [Self.teamUnitKey(id)], people: []).units[Self.teamUnitKey(id)] ?? HandlerFigures()
        return TeamResource(team: team, services: items.compactMap { catalog.item($0).map { ($0.id, $0.name) } }, leaders: leaders,
                            figures: figures, mayManage: actor.may(.resourcesManage))
    }

    /// 服务项目 of a team in the actor's scope.
    public func setTeamServices(_ id: Int64, itemIds: [Int64], actor: Actor) async throws {
        try actor.require(.resourcesManage)
        let items = Array(Set(itemIds)).sorted()
        if items.count > 200 { throw DomainError.invalid("itemIds", "服务项目最多 200 项") }
        let team = try await teamResource(id, actor: actor).team
        let catalog = try await self.catalog.catalog(actor: actor)
        if let unknown = items.first(where: { catalog.item($0) == nil }) { throw DomainError.invalid("itemIds", "服务项目 \(unknown) 不在服务目录中") }
        try await database.write { tx in
            let before = try await Self.teamServices(tx, of: [id])[id] ?? []
            try await tx.sql.raw("DELETE FROM team_services WHERE team_id = \(bind: id)").run()
            for item in items { try await tx.sql.raw("INSERT INTO team_services (team_id, item_id) VALUES (\(bind: id), \(bind: item))").run() }
            try await audit.append(tx, actor: actor, action: .teamServices, entityId: String(id), regionPath: team.regionPath,
                                   before: ["items": before.map(String.init).joined(separator: ",")],
                                   after: ["items": items.map(String.init).joined(separator: ",")])
        }
    }

    /// Teams the actor sees that offer something and have a leader who can take work.
    func teamCandidates(actor: Actor) async throws -> [(team: VolunteerTeam, services: [Int64], intake: StaffMember)] {
        guard let volunteers, actor.may(.volunteerView) else { return [] }
        let teams = try await volunteers.teams(actor: actor)
        let services = try await database.read { tx in try await Self.teamServices(tx, of: teams.map(\.id)) }
        let offering = teams.filter { services[$0.id] != nil }
        let leaders = try await volunteers.teamLeaders(teamIds: offering.map(\.id))
        let people = try await handlers(Array(Set(leaders.values.flatMap { $0 })))
        let byId = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return offering.compactMap { team in
            guard let intake = (leaders[team.id] ?? []).compactMap({ byId[$0] }).first else { return nil }
            return (team, services[team.id] ?? [], intake)
        }
    }

    /// The accounts among `ids` a request can be dispatched to: enabled, not a resident's.
    func handlers(_ ids: [Int64]) async throws -> [StaffMember] {
        let found = try await staff.staffMembers(ids: ids)
        return ids.compactMap { found[$0] }.filter { !$0.disabled && $0.role != .resident }
    }

    static func teamServices(_ tx: Tx, of ids: [Int64]) async throws -> [Int64: [Int64]] {
        var found: [Int64: [Int64]] = [:]
        for chunk in ids.chunks(1000) {
            for row in try await tx.sql.raw("SELECT team_id, item_id FROM team_services WHERE team_id IN (\(binds: chunk)) ORDER BY item_id").all() {
                found[try row.decode(column: "team_id", as: Int64.self), default: []].append(try row.decode(column: "item_id", as: Int64.self))
            }
        }
        return found
    }
}
