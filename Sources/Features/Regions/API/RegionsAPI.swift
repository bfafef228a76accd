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
    struct List<T: Encodable>: Encodable { let items: [T] }
    struct ThematicDetail: Encodable {
        let thematicGrid: ThematicGrid
        let team: [TeamMember]
    }

    func addRoutes(to router: Router<AppContext>) {
        let api = router.group("api/v1")
        api.get("regions") { request, context in
            let actor = try context.requireActor()
            var query = Fields.query(request)
            let level = query.choice("level", "层级", parse: RegionLevel.init(rawValue:))
            let term = query.text("q", "关键词", maxLength: 50)
            try query.finish()
            return try Web.json(List(items: try await regions.search(level: level, term: term, actor: actor)))
        }
        api.get("regions/:id") { _, context in
            let actor = try context.requireActor()
            let id = try context.pathID()
            let node = try await regions.node(id, actor: actor)
            return try Web.json(NodeWithChildren(node: node, children: try await regions.children(of: id, actor: actor)))
        }
        api.post("regions") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let parentId = fields.integer("parentId", "上级区域", required: true)
            let name = fields.text("name", "名称", required: true, maxLength: 50)
            let segment = fields.text("segment", "编号", maxLength: 6)
            try fields.finish()
            return try Web.json(try await regions.create(parentId: parentId!, name: name, segment: segment, actor: actor), status: .created)
        }
        api.patch("regions/:id") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let name = fields.text("name", "名称", required: true, maxLength: 50)
            try fields.finish()
            return try Web.json(try await regions.rename(try context.pathID(), to: name, actor: actor))
        }
        api.post("regions/:id/move") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let parentId = fields.integer("parentId", "新上级", required: true)
            try fields.finish()
            return try Web.json(try await regions.move(try context.pathID(), toParent: parentId!, actor: actor))
        }
        api.post("regions/:id/retire") { _, context in
            let actor = try context.requireActor()
            return try Web.json(try await regions.retire(try context.pathID(), actor: actor))
        }
        api.get("regions/:id/team") { _, context in
            let actor = try context.requireActor()
            return try Web.json(List(items: try await teams.team(ofGrid: try context.pathID(), actor: actor)))
        }
        api.post("regions/:id/team") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let username = fields.text("username", "账号", required: true, maxLength: 50)
            let duty = fields.choice("duty", "职责", required: true, parse: GridDuty.parse)
            try fields.finish()
            return try Web.json(List(items: try await teams.assign(gridId: try context.pathID(), username: username!, duty: duty!, actor: actor)))
        }
        api.delete("regions/:id/team/:userId") { _, context in
            let actor = try context.requireActor()
            return try Web.json(List(items: try await teams.remove(gridId: try context.pathID(), userId: try context.pathID("userId"), actor: actor)))
        }
        api.get("thematic-grids") { _, context in
            let actor = try context.requireActor()
            return try Web.json(List(items: try await teams.thematicGrids(actor: actor)))
        }
        api.post("thematic-grids") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let input = ThematicGridInput(&fields)
            try fields.finish()
            let grid = try await teams.createThematicGrid(regionId: input.regionId!, name: input.name, colour: input.colour,
                                                          tags: input.tags, description: input.description, actor: actor)
            return try Web.json(grid, status: .created)
        }
        api.get("thematic-grids/:id") { _, context in
            let actor = try context.requireActor()
            let (grid, team) = try await teams.thematicGrid(try context.pathID(), actor: actor)
            return try Web.json(ThematicDetail(thematicGrid: grid, team: team))
        }
        api.post("thematic-grids/:id/retire") { _, context in
            let actor = try context.requireActor()
            let id = try context.pathID()
            try await teams.retireThematicGrid(id, actor: actor)
            let (grid, team) = try await teams.thematicGrid(id, actor: actor)
            return try Web.json(ThematicDetail(thematicGrid: grid, team: team))
        }
        api.post("thematic-grids/:id/team") { request, context in
            let actor = try context.requireActor()
            let id = try context.pathID()
            var request = request
            var fields = try await request.fields(context)
            let username = fields.text("username", "账号", required: true, maxLength: 50)
            let duty = fields.choice("duty", "职责", required: true, parse: GridDuty.parse)
            try fields.finish()
            try await teams.assignThematic(id, username: username!, duty: duty!, actor: actor)
            let (grid, team) = try await teams.thematicGrid(id, actor: actor)
            return try Web.json(ThematicDetail(thematicGrid: grid, team: team))
        }
        api.delete("thematic-grids/:id/team/:userId") { _, context in
            let actor = try context.requireActor()
            let id = try context.pathID()
            try await teams.removeThematic(id, userId: try context.pathID("userId"), actor: actor)
            let (grid, team) = try await teams.thematicGrid(id, actor: actor)
            return try Web.json(ThematicDetail(thematicGrid: grid, team: team))
        }
    }
}

/// The fields of a new thematic grid, shared by the form and the JSON API.
struct ThematicGridInput {
    let regionId: Int64?
    let name: String?
    let colour: String?
    let tags: [String]
    let description: String?

    init(_ fields: inout Fields) {
        regionId = fields.integer("regionId", "所属区域", required: true)
        name = fields.text("name", "名称", required: true, maxLength: 50)
        colour = fields.text("colour", "颜色", required: true, maxLength: 7)
        tags = fields.list("tags", "服务对象标签", maxCount: 20, maxLength: 20)
        description = fields.text("description", "说明", maxLength: 500)
    }
}
