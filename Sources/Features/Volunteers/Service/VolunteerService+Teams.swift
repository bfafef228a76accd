import Foundation
import LinliKit
import SQLKit
import Regions

/// 志愿服务队 — district, street and community teams and those of organisations and 双报到
/// units; leaders approve who joins.
extension VolunteerService {
    public struct TeamDraft: Sendable, Equatable {
        public var name: String
        public var kind: VolunteerTeamKind
        public var regionId: Int64
        public var parentId: Int64?
        public var sponsor: String?
        public init(name: String, kind: VolunteerTeamKind, regionId: Int64, parentId: Int64? = nil, sponsor: String? = nil) {
            self.name = name
            self.kind = kind
            self.regionId = regionId
            self.parentId = parentId
            self.sponsor = sponsor
        }
    }

    public func createTeam(_ draft: TeamDraft, actor: Actor) async throws -> VolunteerTeam {
        try actor.require(.volunteerManage)
        let place = try await node(draft.regionId, field: "regionId", actor: actor, what: "所属区域")
        guard place.level <= .community else { throw DomainError.invalid("regionId", "志愿服务队属于区、街道或社区") }
        var errors: [String: String] = [:]
        if draft.name.isEmpty || draft.name.count > 40 { errors["name"] = "队名应为 1–40 个字" }
        if draft.kind != .community && (draft.sponsor ?? "").isEmpty { errors["sponsor"] = "请填写所属的社会组织或单位" }
        if !errors.isEmpty { throw DomainError.invalid(fields: errors) }
        let now = clock.now().millis
        return try await database.write { tx in
            if let parentId = draft.parentId {
                // The parent is a team at or above the new team's place: district → street → community.
                guard let parent = try await VolunteerTeamStore.find(tx, id: parentId), place.path.hasPrefix(parent.regionPath) else {
                    throw DomainError.invalid("parentId", "上级队伍应是本区域或上级区域的志愿服务队")
                }
            }
            let id = try await VolunteerTeamStore.insert(tx, name: draft.name, kind: draft.kind, regionId: place.id, regionPath: place.path,
                                                         parentId: draft.parentId, sponsor: draft.kind == .community ? nil : draft.sponsor, now: now)
            try await audit.append(tx, actor: actor, action: .teamCreate, entityId: String(id), regionPath: place.path,
                                   after: ["name": draft.name, "kind": draft.kind.rawValue])
            return try await VolunteerTeamStore.find(tx, id: id)!
        }
    }

    /// Teams in the actor's area; for a volunteer, the teams of their home community and above
    /// (those they could join) and their own.
    public func teams(actor: Actor) async throws -> [VolunteerTeam] {
        if actor.may(.volunteerView) {
            return try await database.read { tx in try await VolunteerTeamStore.teams(tx, within: actor.scope.path, limit: 500) }
        }
        try actor.require(.activityView)
        guard let me = try await personIfKnown(actor) else { return [] }
        let community = try await self.community(above: me.resident.regionPath)
        return try await database.read { tx in
            var found = try await VolunteerTeamStore.teams(tx, within: community?.path ?? me.resident.regionPath, limit: 200)
            let own = try await VolunteerTeamStore.teams(tx, ids: Array(me.teamIds.subtracting(found.map(\.id))))
            found += own
            return found
        }
    }

    public struct TeamPage: Sendable {
        public let team: VolunteerTeam
        public let members: [VolunteerTeamMember]
        /// The actor may approve members and name leaders.
        public let mayManage: Bool
    }

    public func team(_ id: Int64, actor: Actor) async throws -> TeamPage {
        try actor.require(.activityView)
        let led = try await ledTeams(actor)
        let me = try await personIfKnown(actor)
        return try await database.read { tx in
            guard let team = try await VolunteerTeamStore.find(tx, id: id), Self.sees(team, actor: actor, me: me) else {
                throw DomainError.notFound("志愿服务队")
            }
            let staff = actor.may(.volunteerView) && actor.scope.contains(path: team.regionPath)
            let manager = (actor.may(.volunteerManage) && actor.scope.contains(path: team.regionPath)) || led.contains(id)
            let members = try await VolunteerTeamStore.members(tx, teamId: id)
            // Others see the team and its leaders, not the member list.
            return TeamPage(team: team, members: staff || manager ? members : members.filter { $0.role == .leader && $0.status == .active },
                            mayManage: manager)
        }
    }

    /// Staff see the teams of their area; everyone sees the teams above where they live or act
    /// (their community's, street's and district's) and their own.
    static func sees(_ team: VolunteerTeam, actor: Actor, me: Person?) -> Bool {
        if actor.scope.contains(path: team.regionPath) || actor.scope.path.hasPrefix(team.regionPath) { return true }
        guard let me else { return false }
        return me.resident.regionPath.hasPrefix(team.regionPath) || me.teamIds.contains(team.id)
            || me.areaPaths.contains { $0.hasPrefix(team.regionPath) }
    }

    /// A volunteer asks to join a team; the leader or the community approves.
    public func askToJoin(teamId: Int64, actor: Actor) async throws {
        try actor.require(.volunteerJoin)
        let me = try await person(actor)
        guard let volunteer = me.volunteer, volunteer.status == .active else {
            throw DomainError.invalid("teamId", "请先登记为志愿者并通过审核，再申请入队")
        }
        let now = clock.now().millis
        try await database.write { tx in
            guard let team = try await VolunteerTeamStore.find(tx, id: teamId), Self.sees(team, actor: actor, me: me) else {
                throw DomainError.notFound("志愿服务队")
            }
            if let existing = try await VolunteerTeamStore.membership(tx, teamId: teamId, volunteerId: volunteer.id),
               existing.status == .active || existing.status == .pending {
                throw DomainError.invalid("teamId", existing.status == .active ? "您已是这支队伍的队员" : "您的入队申请正在审核")
            }
            try await VolunteerTeamStore.upsert(tx, teamId: teamId, volunteerId: volunteer.id, role: .member, status: .pending, now: now)
            try await audit.append(tx, actor: actor, action: .teamMember, entityId: String(teamId), regionPath: team.regionPath,
                                   after: ["volunteer": volunteer.number ?? String(volunteer.id), "status": "pending"])
        }
    }

    public enum MemberDecision: String, Sendable, CaseIterable {
        case approve, reject, makeLeader = "make_leader", remove
    }

    /// The leader or community staff decide on a member: approve, reject, make leader, remove.
    public func decide(teamId: Int64, volunteerId: Int64, _ decision: MemberDecision, actor: Actor) async throws -> [VolunteerTeamMember] {
        let led = try await ledTeams(actor)
        guard actor.may(.volunteerManage) || !led.isEmpty else { throw DomainError.forbidden }
        let now = clock.now().millis
        return try await database.write { tx in
            let found = try await VolunteerTeamStore.find(tx, id: teamId)
            let staff = found.map { actor.may(.volunteerManage) && actor.scope.contains(path: $0.regionPath) } ?? false
            guard let team = found, staff || led.contains(teamId) else { throw DomainError.notFound("志愿服务队") }
            // Leaders are named by the community, not by each other.
            if decision == .makeLeader && !staff { throw DomainError.forbidden }
            if decision == .remove && !staff, try await VolunteerTeamStore.membership(tx, teamId: teamId, volunteerId: volunteerId)?.role == .leader {
                throw DomainError.forbidden
            }
            guard let member = try await VolunteerTeamStore.membership(tx, teamId: teamId, volunteerId: volunteerId) else {
                throw DomainError.notFound("队员")
            }
            switch (decision, member.status) {
            case (.approve, .pending): try await VolunteerTeamStore.decide(tx, teamId: teamId, volunteerId: volunteerId, status: .active, now: now)
            case (.reject, .pending): try await VolunteerTeamStore.decide(tx, teamId: teamId, volunteerId: volunteerId, status: .rejected, now: now)
            case (.makeLeader, .active), (.makeLeader, .pending):
                try await VolunteerTeamStore.upsert(tx, teamId: teamId, volunteerId: volunteerId, role: .leader, status: .active, now: now)
            case (.remove, .active): try await VolunteerTeamStore.decide(tx, teamId: teamId, volunteerId: volunteerId, status: .left, now: now)
            default: throw DomainError(kind: .conflict, code: "bad_status", message: "队员「\(member.status.label)」时不能这样处理")
            }
            try await audit.append(tx, actor: actor, action: .teamMember, entityId: String(teamId), regionPath: team.regionPath,
                                   before: ["volunteer": member.number ?? String(volunteerId), "status": member.status.rawValue],
                                   after: ["decision": decision.rawValue])
            return try await VolunteerTeamStore.members(tx, teamId: teamId)
        }
    }
}

extension VolunteerService {
    /// The accounts of the active leaders of each team (volunteers who have an account), for
    /// features that give work to a team through its leader.
    public func teamLeaders(teamIds: [Int64]) async throws -> [Int64: [Int64]] {
        guard !teamIds.isEmpty else { return [:] }
        return try await database.read { tx in
            var leaders: [Int64: [Int64]] = [:]
            for start in stride(from: 0, to: teamIds.count, by: 1000) {
                let chunk = Array(teamIds[start..<min(start + 1000, teamIds.count)])
                for row in try await tx.sql.raw("""
                    SELECT m.team_id, v.user_id FROM volunteer_team_members m JOIN volunteers v ON v.id = m.volunteer_id
                    WHERE m.team_id IN (\(binds: chunk)) AND m.role = \(bind: VolunteerTeamRole.leader.rawValue)
                      AND m.status = \(bind: MembershipStatus.active.rawValue) AND v.user_id IS NOT NULL
                    ORDER BY m.team_id, v.user_id
                    """).all() {
                    leaders[try row.decode(column: "team_id", as: Int64.self), default: []].append(try row.decode(column: "user_id", as: Int64.self))
                }
            }
            return leaders
        }
    }
}
