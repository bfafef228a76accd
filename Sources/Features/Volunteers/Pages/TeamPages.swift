import Foundation
import Hummingbird
import LinliKit
import Regions

/// 志愿服务队: the list, a new team, a team's members and their approval.
extension VolunteersPages {
    struct TeamRow { let id: Int64, name: String, kindLabel: String, place: String, memberCount: Int, sponsor: String, hasSponsor: Bool }
    struct TeamsModel {
        let csrf: String, error: String?, rows: [TeamRow], hasTeams: Bool, mayManage: Bool
        let kinds: [SelectOption], places: [SelectOption], parents: [SelectOption]
    }

    @Sendable func teams(_ request: Request, context: AppContext) async throws -> Response {
        try await teamsPage(request, context)
    }

    func teamsPage(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let teams = try await volunteers.teams(actor: actor)
        var names: [Int64: String] = [:]
        for id in Set(teams.map(\.regionId)) { names[id] = try await regions.lookup(id)?.name ?? "" }
        var places: [RegionNode] = []
        if actor.may(.volunteerManage) {
            if let own = try await regions.lookup(actor.scope.regionId), own.level <= .community { places.append(own) }
            for level in [RegionLevel.street, .community] {
                places += try await regions.search(level: level, term: nil, actor: actor, limit: 200).filter { !$0.retired && $0.id != actor.scope.regionId }
            }
        }
        let model = TeamsModel(
            csrf: context.csrfToken, error: error?.message,
            rows: teams.map { TeamRow(id: $0.id, name: $0.name, kindLabel: $0.kind.label, place: names[$0.regionId] ?? "", memberCount: $0.memberCount,
                                      sponsor: $0.sponsor ?? "", hasSponsor: $0.sponsor != nil) },
            hasTeams: !teams.isEmpty, mayManage: actor.may(.volunteerManage),
            kinds: VolunteerTeamKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) },
            places: places.map { SelectOption(value: String($0.id), label: "\($0.level.label)：\($0.name)") },
            parents: teams.map { SelectOption(value: String($0.id), label: $0.name) })
        return web.page("volunteers.teams", title: "志愿服务队", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func createTeam(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        return try await post(request, context, TeamInput.init, { input in
            let team = try await volunteers.createTeam(input.draft, actor: actor)
            return ("/volunteer-teams/\(team.id)", "已新建：\(team.name)")
        }, orShow: { try await teamsPage(request, context, error: $0) })
    }

    struct MemberDecisionButton { let teamId: Int64, volunteerId: Int64, decision: String, label: String, csrf: String }
    struct MemberRow { let name: String, roleLabel: String, statusLabel: String, decisions: [MemberDecisionButton] }
    struct TeamModel { let id: Int64, csrf: String, error: String?, name: String, kindLabel: String, memberCount: Int, canJoin: Bool, members: [MemberRow] }

    @Sendable func team(_ request: Request, context: AppContext) async throws -> Response {
        try await teamPage(try context.pathID(), request, context)
    }

    func teamPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let page = try await volunteers.team(id, actor: actor)
        let me = try await volunteers.personIfKnown(actor)
        let member = page.members.contains { $0.volunteerId == me?.volunteer?.id }
        let staff = actor.may(.volunteerManage)
        let model = TeamModel(
            id: id, csrf: context.csrfToken, error: error?.message, name: page.team.name, kindLabel: page.team.kind.label,
            memberCount: page.team.memberCount, canJoin: me?.volunteer?.status == .active && !member && actor.may(.volunteerJoin),
            members: page.members.map { m in
                var decisions: [(String, String)] = []
                if page.mayManage {
                    switch m.status {
                    case .pending: decisions = [("approve", "通过"), ("reject", "不通过")]
                    case .active: decisions = (staff && m.role == .member ? [("make_leader", "设为队长")] : []) + [("remove", "移出")]
                    default: break
                    }
                }
                return MemberRow(name: m.name, roleLabel: m.role.label, statusLabel: m.status.label,
                                 decisions: decisions.map { MemberDecisionButton(teamId: id, volunteerId: m.volunteerId, decision: $0.0, label: $0.1,
                                                                                 csrf: context.csrfToken) })
            })
        return web.page("volunteers.team", title: page.team.name, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func joinTeam(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let id = try context.pathID()
        return try await post(request, context, { try CertificateInput(&$0) }, { _ in
            try await volunteers.askToJoin(teamId: id, actor: actor)
            return ("/volunteer-teams/\(id)", "已申请入队，队长审核后会通知您")
        }, orShow: { try await teamPage(id, request, context, error: $0) })
    }

    @Sendable func decideMember(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, TeamMemberInput.init, { input in
            _ = try await volunteers.decide(teamId: id, volunteerId: input.volunteerId, input.decision, actor: actor)
            return ("/volunteer-teams/\(id)", "已处理")
        }, orShow: { try await teamPage(id, request, context, error: $0) })
    }
}
