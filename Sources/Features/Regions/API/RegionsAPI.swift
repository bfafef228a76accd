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
        let api = router.group("api/v1")
        api.get("regions") { request, context in
            let actor = try context.requireActor()
            var query = Fields.query(request)
            let filter = RegionSearchInput(&query)
            try query.finish()
            return try Web.json(ItemList(try await regions.search(level: filter.level, term: filter.term, actor: actor)))
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
            let input = NewRegionInput(&fields)
            try fields.finish()
            return try Web.json(try await regions.create(parentId: input.parentId!, name: input.name, segment: input.segment, actor: actor),
                                status: .created)
        }
        api.patch("regions/:id") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let input = RenameRegionInput(&fields)
            try fields.finish()
            return try Web.json(try await regions.rename(try context.pathID(), to: input.name, actor: actor))
        }
        api.post("regions/:id/move") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let input = MoveRegionInput(&fields)
            try fields.finish()
            return try Web.json(try await regions.move(try context.pathID(), toParent: input.parentId!, actor: actor))
        }
        api.post("regions/:id/retire") { _, context in
            let actor = try context.requireActor()
            return try Web.json(try await regions.retire(try context.pathID(), actor: actor))
        }
        api.get("regions/:id/team") { _, context in
            let actor = try context.requireActor()
            return try Web.json(ItemList(try await teams.team(ofGrid: try context.pathID(), actor: actor)))
        }
        api.post("regions/:id/team") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let input = TeamMemberInput(&fields)
            try fields.finish()
            return try Web.json(ItemList(try await teams.assign(gridId: try context.pathID(), username: input.username!, duty: input.duty!,
                                                                   actor: actor)))
        }
        api.delete("regions/:id/team/:userId") { _, context in
            let actor = try context.requireActor()
            return try Web.json(ItemList(try await teams.remove(gridId: try context.pathID(), userId: try context.pathID("userId"), actor: actor)))
        }
        api.get("thematic-grids") { _, context in
            let actor = try context.requireActor()
            return try Web.json(ItemList(try await teams.thematicGrids(actor: actor)))
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
            let input = TeamMemberInput(&fields)
            try fields.finish()
            try await teams.assignThematic(id, username: input.username!, duty: input.duty!, actor: actor)
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
