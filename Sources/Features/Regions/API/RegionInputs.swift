import LinliKit

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
    let parentId: Int64
    let name: String
    let segment: String?

    init(_ fields: inout Fields) throws {
        let parentId = fields.integer("parentId", "上级区域", required: true)
        let name = fields.text("name", "名称", required: true, maxLength: 50)
        segment = fields.text("segment", "编号", maxLength: 6)
        self.parentId = try fields.present(parentId)
        self.name = try fields.present(name)
    }
}

struct RenameRegionInput {
    let name: String
    init(_ fields: inout Fields) throws { name = try fields.present(fields.text("name", "名称", required: true, maxLength: 50)) }
}

struct MoveRegionInput {
    let parentId: Int64
    init(_ fields: inout Fields) throws { parentId = try fields.present(fields.integer("parentId", "新上级", required: true)) }
}

/// A member of a grid's or a thematic grid's team, by login name, with a duty.
struct TeamMemberInput {
    let username: String
    let duty: GridDuty

    init(_ fields: inout Fields) throws {
        let username = fields.text("username", "账号", required: true, maxLength: 50)
        let duty = fields.choice("duty", "职责", required: true, parse: GridDuty.parse)
        self.username = try fields.present(username)
        self.duty = try fields.present(duty)
    }
}

/// The fields of a new thematic grid, shared by the form and the JSON API.
struct ThematicGridInput {
    let regionId: Int64
    let name: String
    let colour: String
    let tags: [String]
    let description: String?

    init(_ fields: inout Fields) throws {
        let regionId = fields.integer("regionId", "所属区域", required: true)
        let name = fields.text("name", "名称", required: true, maxLength: 50)
        let colour = fields.text("colour", "颜色", required: true, maxLength: 7)
        tags = fields.list("tags", "服务对象标签", maxCount: 20, maxLength: 20)
        description = fields.text("description", "说明", maxLength: 500)
        self.regionId = try fields.present(regionId)
        self.name = try fields.present(name)
        self.colour = try fields.present(colour)
    }
}

/// 定位: a point (both of lat and long), an address text, or both.
struct LocateInput {
    let point: GeoPoint?
    let address: String?

    init(_ fields: inout Fields) throws {
        let lat = fields.decimal("lat", "纬度", range: -90...90)
        let long = fields.decimal("long", "经度", range: -180...180)
        address = fields.text("address", "地址", maxLength: 200)
        try fields.finish()
        if (lat == nil) != (long == nil) { throw DomainError.invalid(lat == nil ? "lat" : "long", "纬度和经度须同时给出") }
        point = lat.flatMap { lat in long.map { GeoPoint(lon: $0, lat: lat) } }
    }
}
