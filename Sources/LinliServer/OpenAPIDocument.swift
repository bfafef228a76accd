import Accounts
import Foundation
import LinliKit
import Notifications
import Regions
import Requests
import Residents

/// The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json. Operations, answers and
/// summaries are written here; request bodies come from the features' input types
/// (`…APIInputs`, recorded by `Fields.rules(of:)`) wherever one exists, so their types,
/// required fields, lengths, ranges and choices are the ones enforced. `OpenAPIDocumentTests`
/// checks that the document and the router agree route by route.
public enum OpenAPIDocument {
    struct Operation {
        let method: String
        let path: String
        let summary: String
        let tag: String
        var query: [(String, String)] = []
        var body: [String: Any]? = nil
        var response: String
        var status: String = "200"
        /// Answers a spreadsheet download rather than JSON.
        var isFile = false
        /// Answers an image.
        var isPhoto = false
        /// Also takes multipart/form-data (with `photos` file parts).
        var multipart = false
    }

    static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        if !required.isEmpty { schema["required"] = required }
        return schema
    }
    static var string: [String: Any] { ["type": "string"] }
    static var integer: [String: Any] { ["type": "integer", "format": "int64"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func list(_ name: String) -> [String: Any] { object(["items": ["type": "array", "items": ref(name)]], required: ["items"]) }
    static func nullable(_ schema: [String: Any]) -> [String: Any] { ["oneOf": [schema, ["type": "null"]]] }

    static let roles = ["resident", "grid_worker", "grid_leader", "community_staff", "social_worker", "social_organization",
                        "volunteer", "department", "street_admin", "district_admin", "party_member"]

    static var schemas: [String: Any] { baseSchemas.merging(requestSchemas) { a, _ in a } }

    static var baseSchemas: [String: Any] { [
        "Error": object(["error": object(["code": string, "message": string, "requestId": string,
                                          "fields": ["type": "object", "additionalProperties": string]],
                                         required: ["code", "message"])], required: ["error"]),
        "Region": object(["id": integer, "parentId": nullable(integer),
                          "level": ["type": "string", "enum": ["district", "street", "community", "grid", "building", "unit", "household"]],
                          "code": string, "name": string, "path": string, "retired": boolean, "childCount": integer],
                         required: ["id", "level", "code", "name", "path", "retired", "childCount"]),
        "RegionWithChildren": object(["node": ref("Region"), "children": ["type": "array", "items": ref("Region")]], required: ["node", "children"]),
        "RegionList": list("Region"),
        "TeamMember": object(["userId": integer, "displayName": string, "duty": ["type": "string", "enum": ["leader", "full_time", "part_time"]]],
                             required: ["userId", "displayName", "duty"]),
        "TeamList": list("TeamMember"),
        "ThematicGrid": object(["id": integer, "regionId": integer, "regionName": string, "name": string, "colour": string,
                                "tags": ["type": "array", "items": string], "description": nullable(string), "retired": boolean],
                               required: ["id", "regionId", "name", "colour", "tags", "retired"]),
        "ThematicGridList": list("ThematicGrid"),
        "ThematicGridDetail": object(["thematicGrid": ref("ThematicGrid"), "team": ["type": "array", "items": ref("TeamMember")]],
                                     required: ["thematicGrid", "team"]),
        "Account": object(["id": integer, "username": string, "displayName": string, "role": ["type": "string", "enum": roles],
                           "regionId": integer, "regionPath": string, "disabled": boolean, "createdAt": integer],
                          required: ["id", "username", "displayName", "role", "regionId", "disabled"]),
        "AccountPage": object(["items": ["type": "array", "items": ref("Account")], "total": integer, "limit": integer, "offset": integer],
                              required: ["items", "total", "limit", "offset"]),
        "Me": object(["id": nullable(integer), "username": string, "displayName": string, "role": nullable(string),
                      "roleLabel": nullable(string), "regionId": integer, "regionPath": string,
                      "permissions": ["type": "array", "items": string]], required: ["username", "permissions"]),
        "APIToken": object(["id": integer, "userId": integer, "username": string, "name": string, "prefix": string,
                            "createdAt": integer, "lastUsedAt": nullable(integer), "revoked": boolean],
                           required: ["id", "userId", "name", "prefix", "revoked"]),
        "APITokenList": list("APIToken"),
        "IssuedToken": object(["token": ref("APIToken"), "secret": string], required: ["token", "secret"]),
        "AuditEntry": object(["seq": integer, "at": integer, "actorId": nullable(integer), "actorName": string, "ip": nullable(string),
                              "action": string, "entityType": string, "entityId": string, "regionPath": nullable(string),
                              "before": nullable(string), "after": nullable(string), "hash": string],
                             required: ["seq", "at", "actorName", "action", "entityType", "entityId", "hash"]),
        "AuditList": list("AuditEntry"),
        "Resident": object(["id": integer, "regionId": integer, "regionPath": string, "address": string, "name": string,
                            "gender": ["type": "string", "enum": ["male", "female"]], "birthDate": ["type": "string", "format": "date"],
                            "idNumberMasked": string, "phoneMasked": string, "ethnicity": string,
                            "politicalStatus": ["type": "string", "enum": ["party_member", "probationary", "league_member", "democratic_party", "masses"]],
                            "relation": ["type": "string", "enum": ["head", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other"]],
                            "status": ["type": "string", "enum": ["registered", "resident", "floating"]], "notes": string,
                            "tags": ["type": "array", "items": string], "updatedAt": integer],
                           required: ["id", "regionId", "address", "name", "status", "tags"]),
        "ResidentPage": object(["items": ["type": "array", "items": ref("Resident")], "total": integer, "limit": integer, "offset": integer],
                               required: ["items", "total", "limit", "offset"]),
        "Revealed": object(["field": ["type": "string", "enum": ["id_number", "phone"]], "value": nullable(string)], required: ["field"]),
        "TagList": object(["items": ["type": "array", "items": string]], required: ["items"]),
        "ImportReport": object(["total": integer, "inserted": integer, "updated": integer,
                                "problems": ["type": "array", "items": object(["row": integer, "column": string, "message": string],
                                                                              required: ["row", "column", "message"])],
                                "problemCount": ["type": "integer", "description": "问题总数（problems 只列前 1000 个）"],
                                "ignoredColumns": ["type": "array", "items": string]],
                               required: ["total", "inserted", "updated", "problems", "problemCount"]),
    ] }

    static var operations: [Operation] { baseOperations + requestOperations }

    static var baseOperations: [Operation] { [
        Operation(method: "get", path: "/api/v1/me", summary: "当前身份、管辖范围与权限", tag: "账号", response: "Me"),
        Operation(method: "get", path: "/api/v1/regions", summary: "在管辖范围内按层级或关键词查找区域", tag: "区域",
                  query: [("level", "层级"), ("q", "名称或编码片段")], response: "RegionList"),
        Operation(method: "post", path: "/api/v1/regions", summary: "新增下级区域（编号可省略，自动分配）", tag: "区域",
                  body: recorded("POST /api/v1/regions"),
                  response: "Region", status: "201"),
        Operation(method: "get", path: "/api/v1/regions/{id}", summary: "读取区域及其下级", tag: "区域", response: "RegionWithChildren"),
        Operation(method: "patch", path: "/api/v1/regions/{id}", summary: "区域改名", tag: "区域",
                  body: recorded("PATCH /api/v1/regions/{id}"), response: "Region"),
        Operation(method: "post", path: "/api/v1/regions/{id}/move", summary: "移到同级的另一上级之下（编码随之重排）", tag: "区域",
                  body: recorded("POST /api/v1/regions/{id}/move"), response: "Region"),
        Operation(method: "post", path: "/api/v1/regions/{id}/retire", summary: "撤销区域（须无在用下级）", tag: "区域", response: "Region"),
        Operation(method: "get", path: "/api/v1/regions/{id}/team", summary: "网格队伍（1+1+X）", tag: "网格队伍", response: "TeamList"),
        Operation(method: "post", path: "/api/v1/regions/{id}/team", summary: "加入或调整网格队伍成员", tag: "网格队伍",
                  body: recorded("POST /api/v1/regions/{id}/team"), response: "TeamList"),
        Operation(method: "delete", path: "/api/v1/regions/{id}/team/{userId}", summary: "移出网格队伍", tag: "网格队伍", response: "TeamList"),
        Operation(method: "get", path: "/api/v1/thematic-grids", summary: "管辖范围内的专题网格（五色网格）", tag: "专题网格", response: "ThematicGridList"),
        Operation(method: "post", path: "/api/v1/thematic-grids", summary: "新建专题网格", tag: "专题网格",
                  body: recorded("POST /api/v1/thematic-grids"),
                  response: "ThematicGrid", status: "201"),
        Operation(method: "get", path: "/api/v1/thematic-grids/{id}", summary: "专题网格及其队伍", tag: "专题网格", response: "ThematicGridDetail"),
        Operation(method: "post", path: "/api/v1/thematic-grids/{id}/retire", summary: "撤销专题网格", tag: "专题网格", response: "ThematicGridDetail"),
        Operation(method: "post", path: "/api/v1/thematic-grids/{id}/team", summary: "加入专题网格队伍", tag: "专题网格",
                  body: recorded("POST /api/v1/thematic-grids/{id}/team"), response: "ThematicGridDetail"),
        Operation(method: "delete", path: "/api/v1/thematic-grids/{id}/team/{userId}", summary: "移出专题网格队伍", tag: "专题网格",
                  response: "ThematicGridDetail"),
        Operation(method: "get", path: "/api/v1/users", summary: "管辖范围内的账号（分页）", tag: "账号",
                  query: [("role", "角色"), ("q", "登录名或姓名"), ("limit", "每页条数"), ("offset", "起始位置")], response: "AccountPage"),
        Operation(method: "post", path: "/api/v1/users", summary: "创建账号（角色不得高于自己）", tag: "账号",
                  body: recorded("POST /api/v1/users"),
                  response: "Account", status: "201"),
        Operation(method: "get", path: "/api/v1/users/{id}", summary: "读取账号", tag: "账号", response: "Account"),
        Operation(method: "post", path: "/api/v1/users/{id}/disable", summary: "停用账号（会话立即失效）", tag: "账号", response: "Account"),
        Operation(method: "post", path: "/api/v1/users/{id}/enable", summary: "启用账号", tag: "账号", response: "Account"),
        Operation(method: "post", path: "/api/v1/users/{id}/password", summary: "重置账号密码", tag: "账号",
                  body: recorded("POST /api/v1/users/{id}/password"), response: "Account"),
        Operation(method: "get", path: "/api/v1/tokens", summary: "API 令牌列表", tag: "API 令牌", response: "APITokenList"),
        Operation(method: "post", path: "/api/v1/tokens", summary: "签发 API 令牌（密钥只返回这一次）", tag: "API 令牌",
                  body: recorded("POST /api/v1/tokens"),
                  response: "IssuedToken", status: "201"),
        Operation(method: "delete", path: "/api/v1/tokens/{id}", summary: "吊销 API 令牌", tag: "API 令牌", response: "APIToken"),
        Operation(method: "get", path: "/api/v1/audit", summary: "管辖范围内的审计日志（新到旧）", tag: "审计",
                  query: [("action", "操作"), ("entityType", "对象类型"), ("entityId", "对象编号"), ("actor", "操作人"),
                          ("before", "只看此序号之前"), ("limit", "条数")], response: "AuditList"),
        Operation(method: "get", path: "/api/v1/residents", summary: "查找居民（脱敏；电话、身份证号精确匹配）", tag: "居民",
                  query: [("regionId", "区域（含下级）"), ("name", "姓名片段"), ("phone", "电话"), ("idNumber", "身份证号"),
                          ("address", "地址片段"), ("tag", "标签（可重复）"), ("minAge", "最小年龄"), ("maxAge", "最大年龄"),
                          ("status", "registered/resident/floating"), ("sort", "name/birth_date/recent"), ("limit", "每页条数"),
                          ("offset", "起始位置")], response: "ResidentPage"),
        Operation(method: "post", path: "/api/v1/residents", summary: "登记居民（有身份证号时出生日期、性别由其确定）", tag: "居民",
                  body: recorded("POST /api/v1/residents", alsoRequired: ResidentsAPIInputs.requiredOnCreate),
                  response: "Resident", status: "201"),
        Operation(method: "get", path: "/api/v1/residents/{id}", summary: "读取居民（脱敏）", tag: "居民", response: "Resident"),
        Operation(method: "patch", path: "/api/v1/residents/{id}", summary: "修改居民（只改所传字段；身份证号、电话传空串即删除）", tag: "居民",
                  body: recorded("PATCH /api/v1/residents/{id}", extra: ["minProperties": 1]), response: "Resident"),
        Operation(method: "post", path: "/api/v1/residents/{id}/reveal", summary: "查看完整身份证号或电话（记入审计）", tag: "居民",
                  body: recorded("POST /api/v1/residents/{id}/reveal"), response: "Revealed"),
        Operation(method: "get", path: "/api/v1/tags", summary: "关爱与服务标签", tag: "居民", response: "TagList"),
        Operation(method: "get", path: "/api/v1/residents/export", summary: "导出台账（xlsx/csv；full=1 含完整号码，需导出权限；记入审计）",
                  tag: "居民", query: [("format", "xlsx 或 csv"), ("full", "1 为完整号码"), ("regionId", "区域"), ("name", "姓名片段"),
                                       ("tag", "标签"), ("minAge", "最小年龄"), ("maxAge", "最大年龄"), ("status", "人口类别")],
                  response: "ImportReport", isFile: true),
        Operation(method: "post", path: "/api/v1/residents/import",
                  summary: "导入台账：请求体为 xlsx 或 csv（UTF-8/GBK）文件；全表校验无误才写入，否则 422 并列出每个问题", tag: "居民",
                  query: [("mode", "insert 或 upsert"), ("community", "默认居住地编码"), ("format", "xlsx 或 csv")],
                  body: ["type": "string", "contentMediaType": "text/csv"], response: "ImportReport"),
        Operation(method: "post", path: "/api/v1/tags", summary: "新增标签", tag: "居民",
                  body: recorded("POST /api/v1/tags"), response: "TagList", status: "201"),
    ] }

    /// (method, path) of every documented operation, e.g. ("GET", "/api/v1/regions/{id}").
    public static var documentedRoutes: [(method: String, path: String)] {
        operations.map { ($0.method.uppercased(), $0.path) }
    }

    /// Request bodies as the features' input types read them (`Fields.rules(of:)`).
    static let recordedBodies: [String: (rules: [String: FieldRule], order: [String])] = [
        RegionsAPIInputs.all, AccountsAPIInputs.all, ResidentsAPIInputs.all, RequestsAPIInputs.all,
    ].reduce(into: [:]) { all, feature in all.merge(feature) { first, _ in first } }

    /// Query strings as the features' filter types read them.
    static let recordedQueries: [String: (rules: [String: FieldRule], order: [String])] = [
        RegionsAPIInputs.queries, AccountsAPIInputs.queries, ResidentsAPIInputs.queries, RequestsAPIInputs.queries,
        NotificationsAPIInputs.queries,
    ].reduce(into: [:]) { all, feature in all.merge(feature) { first, _ in first } }

    /// The body of `key` ("POST /api/v1/regions") from its recorded input type, with fields
    /// the service (not the input) requires, and any further keywords.
    static func recorded(_ key: String, alsoRequired: [String] = [], extra: [String: Any] = [:]) -> [String: Any] {
        guard let (rules, order) = recordedBodies[key] else { preconditionFailure("no recorded input type for \(key)") }
        var properties: [String: Any] = [:]
        for (name, rule) in rules { properties[name] = schema(of: rule) }
        let required = order.filter { rules[$0]?.required == true } + alsoRequired.filter { rules[$0]?.required != true }
        var body = object(properties, required: required)
        body.merge(extra) { _, given in given }
        return body
    }

    static func schema(of rule: FieldRule) -> [String: Any] {
        var schema: [String: Any] = ["description": rule.label]
        switch rule.kind {
        case .string:
            schema["type"] = "string"
            if let length = rule.minLength { schema["minLength"] = length }
            if let length = rule.maxLength { schema["maxLength"] = length }
            if let choices = rule.choices { schema["enum"] = choices }
        case .integer:
            schema["type"] = "integer"
            schema["format"] = "int64"
            if let low = rule.minimum.flatMap(Int64.init(exactly:)) { schema["minimum"] = low }
            if let high = rule.maximum.flatMap(Int64.init(exactly:)) { schema["maximum"] = high }
        case .number:
            schema["type"] = "number"
            if let low = rule.minimum { schema["minimum"] = low }
            if let high = rule.maximum { schema["maximum"] = high }
        case .boolean:
            schema["type"] = "boolean"
        case .array:
            // Text items (ids may come as JSON numbers); a form may send one comma-separated field.
            var items: [String: Any] = ["type": ["string", "integer"]]
            if let length = rule.maxLength { items["maxLength"] = length }
            schema["type"] = "array"
            schema["items"] = items
            if let count = rule.maxItems { schema["maxItems"] = count }
        }
        return schema
    }

    static func errorResponse(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ref("Error")]]]
    }

    /// Every error an operation can answer: any operation 401/403/404/422 (a bad query or
    /// path is a 422 too); a change 409 when it conflicts with the current state (a name
    /// taken, a step not allowed now, a region still in use); a body 413 past its size limit;
    /// 查询码 lookups 429 past their rate.
    static func errorResponses(for operation: Operation) -> [String: Any] {
        var responses: [String: Any] = [
            "401": errorResponse("未登录或令牌无效"), "403": errorResponse("无权限"),
            "404": errorResponse("不存在或不在管辖范围内"), "422": errorResponse("输入有误（fields 指明字段）"),
        ]
        if operation.method != "get" { responses["409"] = errorResponse("与当前状态冲突（如名称已被占用、此时不能执行该操作）") }
        if operation.body != nil || operation.method != "get" { responses["413"] = errorResponse("提交的内容过大") }
        if operation.path.contains("/track/") { responses["429"] = errorResponse("查询过于频繁") }
        return responses
    }

    static func build() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            var parameters: [[String: Any]] = []
            for name in ["id", "userId", "photo"] where operation.path.contains("{\(name)}") {
                parameters.append(["name": name, "in": "path", "required": true, "schema": integer])
            }
            for name in ["code", "day"] where operation.path.contains("{\(name)}") {
                parameters.append(["name": name, "in": "path", "required": true, "schema": string])
            }
            if let (rules, order) = recordedQueries["\(operation.method.uppercased()) \(operation.path)"] {
                for name in order {
                    guard let rule = rules[name] else { continue }
                    parameters.append(["name": name, "in": "query", "required": rule.required, "description": rule.label,
                                       "schema": schema(of: rule)])
                }
            } else {
                for (name, description) in operation.query {
                    parameters.append(["name": name, "in": "query", "required": false, "description": description, "schema": string])
                }
            }
            let success: [String: Any] = operation.status == "204" ? ["description": "成功（无内容）"] : operation.isPhoto
                ? ["description": "照片", "content": ["image/jpeg": ["schema": ["type": "string", "contentEncoding": "binary"]],
                                                    "image/png": ["schema": ["type": "string", "contentEncoding": "binary"]],
                                                    "image/webp": ["schema": ["type": "string", "contentEncoding": "binary"]]]]
                : operation.isFile
                ? ["description": "台账文件", "content": [
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "contentEncoding": "binary"]],
                    "text/csv": ["schema": ["type": "string"]]]]
                : ["description": "成功", "content": ["application/json": ["schema": ref(operation.response)]]]
            var responses = errorResponses(for: operation)
            responses[operation.status] = success
            var entry: [String: Any] = [
                "summary": operation.summary, "tags": [operation.tag],
                "operationId": operation.method + operation.path.replacingOccurrences(of: "/api/v1", with: "")
                    .split(whereSeparator: { "/{}-".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                "responses": responses,
            ]
            if !parameters.isEmpty { entry["parameters"] = parameters }
            if let body = operation.body {
                entry["requestBody"] = ["required": true, "content": body["contentMediaType"] != nil
                    ? ["text/csv": ["schema": ["type": "string"]],
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "contentEncoding": "binary"]]]
                    : operation.multipart
                    ? ["application/json": ["schema": body], "application/x-www-form-urlencoded": ["schema": body],
                       "multipart/form-data": ["schema": ["type": "object", "properties": ["photos": ["type": "array", "items": [
                           "type": "string", "contentMediaType": "image/jpeg"]]], "additionalProperties": true]]]
                    : ["application/json": ["schema": body], "application/x-www-form-urlencoded": ["schema": body]]]
            }
            paths[operation.path, default: [:]][operation.method] = entry
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "邻里 Linli API", "version": "1.0.0",
                     "description": "社区治理与居民服务平台的 JSON 接口。以 Bearer 令牌（API 令牌）或登录会话（需带 X-CSRF-Token）调用；所有读写都限定在调用者账号的管辖范围内。"],
            "servers": [["url": "/"]],
            "security": [["bearer": []], ["session": []]],
            "components": [
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer"],
                    "session": ["type": "apiKey", "in": "cookie", "name": "linli_session"],
                ],
                "schemas": schemas,
            ],
            "paths": paths,
        ]
    }

    public static let json: String = {
        let data = try! JSONSerialization.data(withJSONObject: build(), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }()
}
