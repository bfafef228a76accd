import LinliKit

/// The region tree, grid teams and thematic grids in the OpenAPI document.
extension RegionsAPI: APIDocumenting {
    static var api: APIDescription {
        APIDescription(operations: [
            APIOperation("get", "/api/v1/regions", "在管辖范围内按层级或关键词查找区域", tag: "区域",
                         query: Fields.rules { _ = RegionSearchInput(&$0) }, answer: .json("RegionList")),
            APIOperation("post", "/api/v1/regions", "新增下级区域（编号可省略，自动分配）", tag: "区域",
                         body: body(recorded: Fields.rules { _ = try? NewRegionInput(&$0) }), answer: .json("Region"), status: "201"),
            APIOperation("get", "/api/v1/regions/{id}", "读取区域及其下级", tag: "区域", answer: .json("RegionWithChildren")),
            APIOperation("patch", "/api/v1/regions/{id}", "区域改名", tag: "区域",
                         body: body(recorded: Fields.rules { _ = try? RenameRegionInput(&$0) }), answer: .json("Region")),
            APIOperation("post", "/api/v1/regions/{id}/move", "移到同级的另一上级之下（编码随之重排）", tag: "区域",
                         body: body(recorded: Fields.rules { _ = try? MoveRegionInput(&$0) }), answer: .json("Region")),
            APIOperation("post", "/api/v1/regions/{id}/retire", "撤销区域（须无在用下级）", tag: "区域", answer: .json("Region")),
            APIOperation("post", "/api/v1/regions/boundaries", "导入区域边界（GeoJSON FeatureCollection，要素以 properties.code 指明区域编码；全部成功或全部不写）",
                         tag: "区域", body: ref("BoundaryFile"), answer: .json("RegionList")),
            APIOperation("get", "/api/v1/regions/{id}/boundary", "区域及其下级的边界（GeoJSON FeatureCollection）", tag: "区域",
                         answer: .json("BoundaryFile")),
            APIOperation("get", "/api/v1/regions/locate", "按坐标或地址定位到管辖范围内最深的区域", tag: "区域",
                         query: Fields.rules { _ = try? LocateInput(&$0) }, answer: .json("Located")),
            APIOperation("get", "/api/v1/regions/{id}/team", "网格队伍（1+1+X）", tag: "网格队伍", answer: .json("TeamList")),
            APIOperation("post", "/api/v1/regions/{id}/team", "加入或调整网格队伍成员", tag: "网格队伍",
                         body: body(recorded: Fields.rules { _ = try? TeamMemberInput(&$0) }), answer: .json("TeamList")),
            APIOperation("delete", "/api/v1/regions/{id}/team/{userId}", "移出网格队伍", tag: "网格队伍", answer: .json("TeamList")),
            APIOperation("get", "/api/v1/thematic-grids", "管辖范围内的专题网格（五色网格）", tag: "专题网格",
                         answer: .json("ThematicGridList")),
            APIOperation("post", "/api/v1/thematic-grids", "新建专题网格", tag: "专题网格",
                         body: body(recorded: Fields.rules { _ = try? ThematicGridInput(&$0) }), answer: .json("ThematicGrid"), status: "201"),
            APIOperation("get", "/api/v1/thematic-grids/{id}", "专题网格及其队伍", tag: "专题网格", answer: .json("ThematicGridDetail")),
            APIOperation("post", "/api/v1/thematic-grids/{id}/retire", "撤销专题网格", tag: "专题网格", answer: .json("ThematicGridDetail")),
            APIOperation("post", "/api/v1/thematic-grids/{id}/team", "加入专题网格队伍", tag: "专题网格",
                         body: body(recorded: Fields.rules { _ = try? TeamMemberInput(&$0) }), answer: .json("ThematicGridDetail")),
            APIOperation("delete", "/api/v1/thematic-grids/{id}/team/{userId}", "移出专题网格队伍", tag: "专题网格",
                         answer: .json("ThematicGridDetail")),
        ], schemas: [
            "Region": object(["id": integer, "parentId": nullable(integer), "level": choice(RegionLevel.self),
                              "code": string, "name": string, "path": string, "retired": boolean, "childCount": integer],
                             required: ["id", "level", "code", "name", "path", "retired", "childCount"]),
            "RegionWithChildren": object(["node": ref("Region"), "children": array(ref("Region"))], required: ["node", "children"]),
            "RegionList": list("Region"),
            // GeoJSON (RFC 7946) as the import reads it; other members of a feature are kept out of the check.
            "BoundaryFile": ["type": "object", "required": ["type", "features"], "properties": [
                "type": choice(["FeatureCollection"]),
                "features": array(["type": "object", "properties": [
                    "type": string, "properties": ["type": "object"],
                    "geometry": ["type": "object", "required": ["type", "coordinates"],
                                 "properties": ["type": choice(["Polygon", "MultiPolygon"]), "coordinates": ["type": "array"]]],
                ]]),
            ]] as [String: Any],
            // Without a place found, only `found: false`.
            "Located": object(["found": boolean, "node": ref("Region"), "by": choice(["point", "address"]), "addressLine": string],
                              required: ["found"]),
            "TeamMember": object(["userId": integer, "displayName": string, "duty": choice(GridDuty.self)],
                                 required: ["userId", "displayName", "duty"]),
            "TeamList": list("TeamMember"),
            "ThematicGrid": object(["id": integer, "regionId": integer, "regionName": string, "name": string, "colour": string,
                                    "tags": array(string), "description": nullable(string), "retired": boolean],
                                   required: ["id", "regionId", "name", "colour", "tags", "retired"]),
            "ThematicGridList": list("ThematicGrid"),
            "ThematicGridDetail": object(["thematicGrid": ref("ThematicGrid"), "team": array(ref("TeamMember"))],
                                         required: ["thematicGrid", "team"]),
        ])
    }
}
