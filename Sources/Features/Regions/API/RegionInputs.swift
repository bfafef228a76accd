import LinliKit

/// What the API's bodies accept, read from the input types themselves (`Fields.rules(of:)`),
/// for the OpenAPI document: it cannot drift from the checks.
public enum RegionsAPIInputs {
    public static let all: [String: (rules: [String: FieldRule], order: [String])] = [
        "POST /api/v1/regions": Fields.rules { _ = NewRegionInput(&$0) },
        "PATCH /api/v1/regions/{id}": Fields.rules { _ = RenameRegionInput(&$0) },
        "POST /api/v1/regions/{id}/move": Fields.rules { _ = MoveRegionInput(&$0) },
        "POST /api/v1/regions/{id}/team": Fields.rules { _ = TeamMemberInput(&$0) },
        "POST /api/v1/thematic-grids": Fields.rules { _ = ThematicGridInput(&$0) },
        "POST /api/v1/thematic-grids/{id}/team": Fields.rules { _ = TeamMemberInput(&$0) },
    ]
    public static let queries: [String: (rules: [String: FieldRule], order: [String])] = [
        "GET /api/v1/regions": Fields.rules { _ = RegionSearchInput(&$0) },
    ]
}

/// Finding nodes in scope by level and a fragment of name or code.
struct RegionSearchInput {
    let level: RegionLevel?
    let term: String?
    init(_ fields: inout Fields) {
        level = fields.choice("level", "层级", parse: RegionLevel.init(rawValue:))
        term = fields.text("q", "关键词", maxLength: 50)
    }
}

/// A new node under `parentId`; the segment (编号) is given out when absent.
struct NewRegionInput {
    let parentId: Int64?
    let name: String?
    let segment: String?

    init(_ fields: inout Fields) {
        parentId = fields.integer("parentId", "上级区域", required: true)
        name = fields.text("name", "名称", required: true, maxLength: 50)
        segment = fields.text("segment", "编号", maxLength: 6)
    }
}

struct RenameRegionInput {
    let name: String?
    init(_ fields: inout Fields) { name = fields.text("name", "名称", required: true, maxLength: 50) }
}

struct MoveRegionInput {
    let parentId: Int64?
    init(_ fields: inout Fields) { parentId = fields.integer("parentId", "新上级", required: true) }
}

/// A member of a grid's or a thematic grid's team, by login name, with a duty.
struct TeamMemberInput {
    let username: String?
    let duty: GridDuty?

    init(_ fields: inout Fields) {
        username = fields.text("username", "账号", required: true, maxLength: 50)
        duty = fields.choice("duty", "职责", required: true, parse: GridDuty.parse)
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
