import LinliKit

/// Residents, tags and the ledger files in the OpenAPI document. A new resident also needs
/// `regionId` and `name`, which the service (not the shared input type) requires.
extension ResidentsAPI: APIDocumenting {
    static var api: APIDescription {
        APIDescription(operations: [
            APIOperation("get", "/api/v1/residents", "查找居民（脱敏；电话、身份证号精确匹配）", tag: "居民",
                         query: Fields.rules { _ = ResidentFilter(&$0, place: .id) }, answer: .json("ResidentPage")),
            APIOperation("post", "/api/v1/residents", "登记居民（有身份证号时出生日期、性别由其确定）", tag: "居民",
                         body: body(recorded: Fields.rules { _ = ResidentInput(&$0, place: .id) }, alsoRequired: ["regionId", "name"]),
                         answer: .json("Resident"), status: "201"),
            APIOperation("get", "/api/v1/residents/{id}", "读取居民（脱敏）", tag: "居民", answer: .json("Resident")),
            APIOperation("patch", "/api/v1/residents/{id}", "修改居民（只改所传字段；身份证号、电话传空串即删除）", tag: "居民",
                         body: body(recorded: Fields.rules { _ = ResidentInput(&$0, place: .id) }, extra: ["minProperties": 1]),
                         answer: .json("Resident")),
            APIOperation("post", "/api/v1/residents/{id}/reveal", "查看完整身份证号或电话（记入审计）", tag: "居民",
                         body: body(recorded: Fields.rules { _ = try? RevealInput(&$0) }), answer: .json("Revealed")),
            APIOperation("get", "/api/v1/tags", "关爱与服务标签", tag: "居民", answer: .json("TagList")),
            APIOperation("post", "/api/v1/tags", "新增标签", tag: "居民",
                         body: body(recorded: Fields.rules { _ = try? NewTagInput(&$0) }), answer: .json("TagList"), status: "201"),
            APIOperation("get", "/api/v1/residents/export", "导出台账（xlsx/csv；full=1 含完整号码，需导出权限；记入审计）", tag: "居民",
                         hints: [("format", "xlsx 或 csv"), ("full", "1 为完整号码"), ("regionId", "区域"), ("name", "姓名片段"),
                                 ("tag", "标签"), ("minAge", "最小年龄"), ("maxAge", "最大年龄"), ("status", "人口类别")],
                         answer: .spreadsheet),
            APIOperation("post", "/api/v1/residents/import",
                         "导入台账：请求体为 xlsx 或 csv（UTF-8/GBK）文件；全表校验无误才写入，否则 422 并列出每个问题", tag: "居民",
                         hints: [("mode", "insert 或 upsert"), ("community", "默认居住地编码"), ("format", "xlsx 或 csv")],
                         body: ["type": "string", "contentMediaType": "text/csv"], answer: .json("ImportReport"), spreadsheetBody: true),
        ], schemas: [
            "Resident": object(["id": integer, "regionId": integer, "regionPath": string, "address": string, "name": string,
                                "gender": choice(Gender.self), "birthDate": ["type": "string", "format": "date"],
                                "idNumberMasked": string, "phoneMasked": string, "ethnicity": string,
                                "politicalStatus": choice(PoliticalStatus.self), "relation": choice(Relation.self),
                                "status": choice(ResidenceStatus.self), "notes": string, "tags": array(string), "updatedAt": integer],
                               required: ["id", "regionId", "address", "name", "status", "tags"]),
            "ResidentPage": page("Resident"),
            "Revealed": object(["field": choice(PersonalField.self), "value": nullable(string)], required: ["field"]),
            "TagList": object(["items": array(string)], required: ["items"]),
            "ImportReport": object(["total": integer, "inserted": integer, "updated": integer,
                                    "problems": array(object(["row": integer, "column": string, "message": string],
                                                             required: ["row", "column", "message"])),
                                    "problemCount": ["type": "integer", "description": "问题总数（problems 只列前 1000 个）"],
                                    "ignoredColumns": array(string)],
                                   required: ["total", "inserted", "updated", "problems", "problemCount"]),
        ])
    }
}
