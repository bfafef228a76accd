import Hummingbird
import LinliKit

/// JSON API under /api/v1 for the region tree, grid teams and thematic grids.
struct RegionsAPI {
    let regions: RegionService
    let teams: TeamService

    struct NodeWithChildren: Encodable {
        let node: RegionNode
        let children: [RegionNode]
    }
    struct ThematicDetail: Encodable {
        let thematicGrid: ThematicGrid
        let team: [TeamMember]
    }

    func addRoutes(to router: Router<AppContext>) {
        let regions = router.group("api/v1/regions")
        regions.get(use: search)
        regions.post(use: create)
        regions.post("boundaries", use: importBoundaries)
        regions.get("locate", use: locate)
        let region = regions.group(":id")
        region.get(use: node)
        region.patch(use: rename)
        region.post("move", use: move)
        region.post("retire", use: retire)
        region.get("boundary", use: boundary)
        let team = region.group("team")
        team.get(use: self.team)
        team.post(use: assign)
        team.delete(":userId", use: unassign)
        let thematicGrids = router.group("api/v1/thematic-grids")
        thematicGrids.get(use: self.thematicGrids)
        thematicGrids.post(use: createThematicGrid)
        let thematicGrid = thematicGrids.group(":id")
        thematicGrid.get(use: self.thematicGrid)
        thematicGrid.post("retire", use: retireThematicGrid)
        thematicGrid.post("team", use: assignThematic)
        thematicGrid.delete("team/:userId", use: unassignThematic)
    }

    @Sendable func search(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let filter = try request.query(RegionSearchInput.init)
        return try Web.json(ItemList(try await regions.search(level: filter.level, term: filter.term, actor: actor)))
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, NewRegionInput.init)
        return try Web.json(try await regions.create(parentId: input.parentId, name: input.name, segment: input.segment, actor: actor),
                            status: .created)
    }

    @Sendable func node(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        let node = try await regions.node(id, actor: actor)
        return try Web.json(NodeWithChildren(node: node, children: try await regions.children(of: id, actor: actor)))
    }

    @Sendable func rename(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, RenameRegionInput.init)
        return try Web.json(try await regions.rename(try context.pathID(), to: input.name, actor: actor))
    }

    @Sendable func move(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, MoveRegionInput.init)
        return try Web.json(try await regions.move(try context.pathID(), toParent: input.parentId, actor: actor))
    }

    @Sendable func retire(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(try await regions.retire(try context.pathID(), actor: try context.requireActor()))
    }

    /// 导入边界: a GeoJSON FeatureCollection as the body (or the part `file` of a form).
    @Sendable func importBoundaries(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.regionManage)
        var request = request
        let data = try await request.uploadedFile(field: "file")
        return try Web.json(ItemList(try await regions.importBoundaries(data, actor: actor).nodes))
    }

    @Sendable func boundary(_ request: Request, context: AppContext) async throws -> Response {
        let collection = try await regions.boundaryCollection(of: try context.pathID(), actor: try context.requireActor())
        return Web.jsonText(collection)
    }

    struct LocatedDTO: Encodable {
        let found: Bool
        let node: RegionNode?
        let by: String?
        let addressLine: String?
    }

    @Sendable func locate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try request.query(LocateInput.init)
        guard let found = try await regions.locate(point: input.point, address: input.address, actor: actor) else {
            return try Web.json(LocatedDTO(found: false, node: nil, by: nil, addressLine: nil))
        }
        return try Web.json(LocatedDTO(found: true, node: found.node, by: found.by.rawValue,
                                       addressLine: try await regions.addressLine(for: found.node)))
    }

    @Sendable func team(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(ItemList(try await teams.team(ofGrid: try context.pathID(), actor: try context.requireActor())))
    }

    @Sendable func assign(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, TeamMemberInput.init)
        return try Web.json(ItemList(try await teams.assign(gridId: try context.pathID(), username: input.username, duty: input.duty,
                                                           actor: actor)))
    }

    @Sendable func unassign(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(ItemList(try await teams.remove(gridId: try context.pathID(), userId: try context.pathID("userId"),
                                                           actor: actor)))
    }

    @Sendable func thematicGrids(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(ItemList(try await teams.thematicGrids(actor: try context.requireActor())))
    }

    @Sendable func createThematicGrid(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, ThematicGridInput.init)
        let grid = try await teams.createThematicGrid(regionId: input.regionId, name: input.name, colour: input.colour,
                                                      tags: input.tags, description: input.description, actor: actor)
        return try Web.json(grid, status: .created)
    }

    @Sendable func thematicGrid(_ request: Request, context: AppContext) async throws -> Response {
        try await thematicDetail(try context.pathID(), try context.requireActor())
    }

    @Sendable func retireThematicGrid(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        try await teams.retireThematicGrid(id, actor: actor)
        return try await thematicDetail(id, actor)
    }

    @Sendable func assignThematic(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        let input = try await request.input(context, TeamMemberInput.init)
        try await teams.assignThematic(id, username: input.username, duty: input.duty, actor: actor)
        return try await thematicDetail(id, actor)
    }

    @Sendable func unassignThematic(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        try await teams.removeThematic(id, userId: try context.pathID("userId"), actor: actor)
        return try await thematicDetail(id, actor)
    }

    /// A thematic grid with its team, as every thematic-grid answer gives it.
    func thematicDetail(_ id: Int64, _ actor: Actor) async throws -> Response {
        let (grid, team) = try await teams.thematicGrid(id, actor: actor)
        return try Web.json(ThematicDetail(thematicGrid: grid, team: team))
    }
}
