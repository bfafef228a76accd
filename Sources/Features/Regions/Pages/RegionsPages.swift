import Hummingbird
import LinliKit

/// Console pages of the region tree. Each page handler maps the service's result to a
/// plain model; a form error re-renders the page with the message and what was typed.
struct RegionsPages {
    let regions: RegionService
    let teams: TeamService
    let web: Web

    struct NodeView {
        let id: Int64, name: String, code: String, levelLabel: String, childCount: Int, retired: Bool
        init(_ node: RegionNode) {
            id = node.id; name = node.name; code = node.code; levelLabel = node.level.label
            childCount = node.childCount; retired = node.retired
        }
    }
    struct MemberView {
        let userId: Int64, displayName: String, dutyLabel: String
        init(_ member: TeamMember) { userId = member.userId; displayName = member.displayName; dutyLabel = member.duty.label }
    }
    /// The boundaries drawn: the node's, then its children's over it, each a link.
    struct MapView {
        struct ShapeView { let id: Int64, name: String, path: String, labelX: Double, labelY: Double, isSelf: Bool }
        let width: Double, height: Double, shapes: [ShapeView], drawnChildren: Int
        init(_ drawing: BoundaryDrawing) {
            width = drawing.width; height = drawing.height
            shapes = drawing.shapes.map {
                ShapeView(id: $0.id, name: $0.name, path: $0.path, labelX: $0.labelX, labelY: $0.labelY, isSelf: $0.isSelf)
            }
            drawnChildren = drawing.shapes.filter { !$0.isSelf }.count
        }
    }
    struct Values { var name = "", segment = "", regionCode = "", tags = "", description = "" }

    static let duties = GridDuty.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }

    struct NodeModel {
        let csrf: String
        let node: NodeView
        let crumbs: [NodeView]
        let children: [NodeView]
        let childTotal: Int
        let hasChildren: Bool
        let childLevelLabel: String
        let segmentHint: String
        let canCreateChild: Bool
        let canEdit: Bool
        let canManageTeam: Bool
        let isGrid: Bool
        let team: [MemberView]
        let hasTeam: Bool
        let duties: [SelectOption]
        let showRetired: Bool
        let map: MapView?
        let canImportBoundaries: Bool
        let error: String?
        let values: Values
    }

    func nodePage(_ id: Int64, request: Request, context: AppContext, error: DomainError? = nil,
                  values: Values = Values()) async throws -> Response {
        let actor = try context.requireActor()
        let showRetired = Fields.query(request).values["retired"] != nil
        let node = try await regions.node(id, actor: actor)
        let children = try await regions.children(of: id, actor: actor, includeRetired: showRetired)
        let crumbs = try await regions.breadcrumb(for: node, actor: actor).dropLast()
        let team = node.level == .grid ? try await teams.team(ofGrid: id, actor: actor) : []
        let policy = RegionPolicy(actor: actor, node: node)
        let drawing = try await regions.drawing(of: node, children: children.filter { !$0.retired }, actor: actor)
        let childLevel = node.level.child
        let model = NodeModel(csrf: context.csrfToken, node: NodeView(node), crumbs: crumbs.map(NodeView.init),
                              children: children.map(NodeView.init), childTotal: children.count,
                              hasChildren: !children.isEmpty, childLevelLabel: childLevel?.label ?? "",
                              segmentHint: childLevel.map { "\($0.segmentWidth) 位数字" } ?? "",
                              canCreateChild: policy.canCreateChild, canEdit: policy.canEdit,
                              canManageTeam: policy.canManageTeam, isGrid: node.level == .grid,
                              team: team.map(MemberView.init), hasTeam: !team.isEmpty, duties: Self.duties,
                              showRetired: showRetired, map: drawing.map(MapView.init),
                              canImportBoundaries: policy.canImportBoundaries, error: error?.message, values: values)
        return web.page("regions.node", title: node.name, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    /// Runs a form action; on a user error shows the node page again with the message.
    func formAction(_ id: Int64, request: Request, context: AppContext, values: Values = Values(),
                    _ action: () async throws -> (location: String, flash: String)) async throws -> Response {
        try await web.formAction(action) { try await nodePage(id, request: request, context: context, error: $0, values: values) }
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get(RegionsPaths.tree, use: ownNode)
        router.get(RegionsPaths.node, use: node)
        router.post(RegionsPaths.children, use: addChild)
        router.post(RegionsPaths.rename, use: rename)
        router.post(RegionsPaths.move, use: move)
        router.post(RegionsPaths.retire, use: retire)
        router.post(RegionsPaths.boundaries, use: importBoundaries)
        router.post(RegionsPaths.team, use: assign)
        router.post(RegionsPaths.teamMember, use: unassign)
        ThematicPages(regions: regions, teams: teams, web: web).addRoutes(to: router)
    }

    @Sendable func ownNode(_ request: Request, context: AppContext) async throws -> Response {
        web.redirect(to: RegionsPaths.node.link(try context.requireActor(.regionView).scope.regionId))
    }

    @Sendable func node(_ request: Request, context: AppContext) async throws -> Response {
        try await nodePage(try context.pathID(), request: request, context: context)
    }

    @Sendable func addChild(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        var request = request
        var fields = try await request.fields(context)
        let name = fields.text("name", "名称", required: true, maxLength: 50)
        let segment = fields.text("segment", "编号", maxLength: 6)
        let values = Values(name: name ?? "", segment: segment ?? "")
        return try await formAction(id, request: request, context: context, values: values) {
            try fields.finish()
            let child = try await regions.create(parentId: id, name: name, segment: segment, actor: actor)
            return (RegionsPaths.node.link(id), "已新增\(child.level.label)「\(child.name)」，编码 \(child.code)")
        }
    }

    @Sendable func rename(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await formAction(id, request: request, context: context) {
            let input = try await request.input(context, RenameRegionInput.init)
            let node = try await regions.rename(id, to: input.name, actor: actor)
            return (RegionsPaths.node.link(id), "已改名为「\(node.name)」")
        }
    }

    @Sendable func move(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.regionManage)
        let id = try context.pathID()
        return try await formAction(id, request: request, context: context) {
            let parentCode = try await request.input(context) { fields in
                try fields.present(fields.text("parentCode", "新上级", required: true, maxLength: 60))
            }
            let parent = try await regions.node(named: parentCode, field: "parentCode", actor: actor)
            let node = try await regions.move(id, toParent: parent.id, actor: actor)
            return (RegionsPaths.node.link(id), "已移到「\(parent.name)」之下，新编码 \(node.code)")
        }
    }

    @Sendable func retire(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await formAction(id, request: request, context: context) {
            let node = try await regions.retire(id, actor: actor)
            return (RegionsPaths.node.link(node.parentId ?? id), "已撤销「\(node.name)」")
        }
    }

    /// 导入边界 from the node's page: the file goes to the same import as the API's.
    @Sendable func importBoundaries(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.regionManage)
        let id = try context.pathID()
        var request = request
        return try await formAction(id, request: request, context: context) {
            let data = try await request.uploadedFile(field: "file")
            let imported = try await regions.importBoundaries(data, under: id, actor: actor)
            return (RegionsPaths.node.link(id) + "#map", "已导入 \(imported.nodes.count) 个区域的边界")
        }
    }

    @Sendable func assign(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await formAction(id, request: request, context: context) {
            let input = try await request.input(context, TeamMemberInput.init)
            _ = try await teams.assign(gridId: id, username: input.username, duty: input.duty, actor: actor)
            return (RegionsPaths.node.link(id) + "#team", "已将「\(input.username)」设为\(input.duty.label)")
        }
    }

    @Sendable func unassign(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        let userId = try context.pathID("userId")
        return try await formAction(id, request: request, context: context) {
            _ = try await teams.remove(gridId: id, userId: userId, actor: actor)
            return (RegionsPaths.node.link(id) + "#team", "已移出队伍")
        }
    }
}
