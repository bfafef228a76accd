import Hummingbird
import LinliKit

/// Console pages of thematic grids (五色网格).
struct ThematicPages {
    let regions: RegionService
    let teams: TeamService
    let web: Web

    struct GridView {
        let id: Int64, regionId: Int64, regionName: String, name: String, colour: String, tagText: String, retired: Bool
        let description: String?
        init(_ grid: ThematicGrid) {
            id = grid.id; regionId = grid.regionId; regionName = grid.regionName; name = grid.name; colour = grid.colour
            tagText = grid.tags.joined(separator: "、"); retired = grid.retired; description = grid.description
        }
    }
    struct Colour { let name: String, hex: String }
    struct ListModel {
        let csrf: String, grids: [GridView], hasGrids: Bool, canManage: Bool, colours: [Colour]
        let error: String?, values: RegionsPages.Values
    }
    struct DetailModel {
        let csrf: String, grid: GridView, tagText: String, team: [RegionsPages.MemberView], hasTeam: Bool
        let canManage: Bool, duties: [SelectOption], error: String?
    }

    func listPage(request: Request, context: AppContext, error: DomainError? = nil,
                  values: RegionsPages.Values = .init()) async throws -> Response {
        let actor = try context.requireActor()
        let grids = try await teams.thematicGrids(actor: actor)
        let model = ListModel(csrf: context.csrfToken, grids: grids.map(GridView.init), hasGrids: !grids.isEmpty,
                              canManage: actor.may(.thematicManage),
                              colours: ThematicGridRules.suggestedColours.map { Colour(name: $0.name, hex: $0.hex) },
                              error: error?.message, values: values)
        return web.page("regions.thematic-list", title: "专题网格", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func detailPage(_ id: Int64, request: Request, context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let (grid, team) = try await teams.thematicGrid(id, actor: actor)
        let model = DetailModel(csrf: context.csrfToken, grid: GridView(grid), tagText: grid.tags.joined(separator: "、"),
                                team: team.map(RegionsPages.MemberView.init), hasTeam: !team.isEmpty,
                                canManage: actor.may(.thematicManage) && !grid.retired, duties: RegionsPages.duties,
                                error: error?.message)
        return web.page("regions.thematic", title: grid.name, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func detailAction(_ id: Int64, request: Request, context: AppContext,
                      _ action: () async throws -> (location: String, flash: String)) async throws -> Response {
        try await web.formAction(action) { try await detailPage(id, request: request, context: context, error: $0) }
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get(ThematicPaths.list, use: list)
        router.post(ThematicPaths.list, use: create)
        router.get(ThematicPaths.grid, use: detail)
        router.post(ThematicPaths.team, use: assign)
        router.post(ThematicPaths.teamMember, use: unassign)
        router.post(ThematicPaths.retire, use: retire)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        try await listPage(request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.thematicManage)
        var request = request
        var fields = try await request.fields(context)
        let name = fields.text("name", "名称", required: true, maxLength: 50)
        let regionCode = fields.text("regionCode", "所属区域", required: true, maxLength: 60)
        let colour = fields.text("colour", "颜色", required: true, maxLength: 7)
        let tags = fields.list("tags", "服务对象标签", maxCount: 20, maxLength: 20)
        let description = fields.text("description", "说明", maxLength: 500)
        let values = RegionsPages.Values(name: name ?? "", regionCode: regionCode ?? "",
                                         tags: tags.joined(separator: "、"), description: description ?? "")
        do {
            let code = try fields.present(regionCode)
            try fields.finish()
            let anchor = try await regions.node(named: code, field: "regionCode", actor: actor)
            let grid = try await teams.createThematicGrid(regionId: anchor.id, name: name, colour: colour, tags: tags,
                                                          description: description, actor: actor)
            return web.redirect(to: ThematicPaths.grid.link(grid.id), flash: "已新建专题网格「\(grid.name)」")
        } catch let error as DomainError where error.kind != .forbidden && error.kind != .unauthenticated {
            return try await listPage(request: request, context: context, error: error, values: values)
        }
    }

    @Sendable func detail(_ request: Request, context: AppContext) async throws -> Response {
        try await detailPage(try context.pathID(), request: request, context: context)
    }

    @Sendable func assign(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await detailAction(id, request: request, context: context) {
            let input = try await request.input(context, TeamMemberInput.init)
            try await teams.assignThematic(id, username: input.username, duty: input.duty, actor: actor)
            return (ThematicPaths.grid.link(id), "已将「\(input.username)」加入队伍")
        }
    }

    @Sendable func unassign(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        let userId = try context.pathID("userId")
        return try await detailAction(id, request: request, context: context) {
            try await teams.removeThematic(id, userId: userId, actor: actor)
            return (ThematicPaths.grid.link(id), "已移出队伍")
        }
    }

    @Sendable func retire(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await detailAction(id, request: request, context: context) {
            try await teams.retireThematicGrid(id, actor: actor)
            return (ThematicPaths.list.link(), "已撤销专题网格")
        }
    }
}
