import Foundation

/// Puts the features' `APIDescription`s together into one OpenAPI 3.1 document. The answers
/// every operation shares (errors, the security schemes) are written here once.
public enum OpenAPIBuilder {
    static func errorResponse(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": APISchema.ref("Error")]]]
    }

    static var errorSchema: [String: Any] { APISchema.object(["error": APISchema.object(
        ["code": APISchema.string, "message": APISchema.string, "requestId": APISchema.string,
         "fields": ["type": "object", "additionalProperties": APISchema.string]],
        required: ["code", "message"])], required: ["error"]) }

    /// Every error an operation can answer: any operation 401/403/404/422 (a bad query or
    /// path is a 422 too); a change 409 when it conflicts with the current state (a name
    /// taken, a step not allowed now, a region still in use); a body 413 past its size limit;
    /// rate-limited lookups 429.
    static func errorResponses(for operation: APIOperation) -> [String: Any] {
        var responses: [String: Any] = [
            "401": errorResponse("未登录或令牌无效"), "403": errorResponse("无权限"),
            "404": errorResponse("不存在或不在管辖范围内"), "422": errorResponse("输入有误（fields 指明字段）"),
        ]
        if operation.method != "get" { responses["409"] = errorResponse("与当前状态冲突（如名称已被占用、此时不能执行该操作）") }
        if operation.body != nil || operation.method != "get" { responses["413"] = errorResponse("提交的内容过大") }
        if operation.rateLimited { responses["429"] = errorResponse("查询过于频繁") }
        return responses
    }

    static func parameters(of operation: APIOperation) -> [[String: Any]] {
        var parameters: [[String: Any]] = []
        var rest = Substring(operation.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            let schema = operation.textParameters.contains(name) ? APISchema.string : APISchema.integer
            parameters.append(["name": name, "in": "path", "required": true, "schema": schema])
            rest = rest[rest.index(after: close)...]
        }
        if let (rules, order) = operation.query {
            for name in order {
                guard let rule = rules[name] else { continue }
                parameters.append(["name": name, "in": "query", "required": rule.required, "description": rule.label,
                                   "schema": APISchema.schema(of: rule)])
            }
        } else {
            for (name, description) in operation.hints {
                parameters.append(["name": name, "in": "query", "required": false, "description": description, "schema": APISchema.string])
            }
        }
        return parameters
    }

    static func binary(_ types: [String]) -> [String: Any] {
        Dictionary(uniqueKeysWithValues: types.map { ($0, ["schema": ["type": "string", "contentEncoding": "binary"]]) })
    }

    static func success(of operation: APIOperation) -> [String: Any] {
        switch operation.answer {
        case .empty: ["description": "成功（无内容）"]
        case .photo: ["description": "照片", "content": binary(["image/jpeg", "image/png", "image/webp"])]
        case .file(let types): ["description": "文件（下载）", "content": binary(types)]
        case .spreadsheet:
            ["description": "台账文件", "content": binary(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
                .merging(["text/csv": ["schema": APISchema.string]]) { a, _ in a }]
        case .json(let name): ["description": "成功", "content": ["application/json": ["schema": APISchema.ref(name)]]]
        }
    }

    static func requestBody(of operation: APIOperation, _ body: [String: Any]) -> [String: Any] {
        if operation.spreadsheetBody {
            return ["required": true, "content": binary(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
                .merging(["text/csv": ["schema": APISchema.string]]) { a, _ in a }]
        }
        if let file = operation.fileField {
            var schema = body
            var properties = body["properties"] as? [String: Any] ?? [:]
            properties[file] = ["type": "string", "contentEncoding": "binary"]
            schema["properties"] = properties
            schema["required"] = ((body["required"] as? [String]) ?? []) + [file]
            return ["required": true, "content": ["multipart/form-data": ["schema": schema]]]
        }
        var content: [String: Any] = ["application/json": ["schema": body], "application/x-www-form-urlencoded": ["schema": body]]
        if operation.multipart {
            content["multipart/form-data"] = ["schema": ["type": "object", "properties": ["photos": APISchema.array([
                "type": "string", "contentMediaType": "image/jpeg"])], "additionalProperties": true]]
        }
        return ["required": true, "content": content]
    }

    static func operationId(_ operation: APIOperation) -> String {
        operation.method + operation.path.replacingOccurrences(of: "/api/v1", with: "")
            .split(whereSeparator: { "/{}-".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The document of `parts`, in their order.
    public static func document(_ parts: [APIDescription], title: String, description: String) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        var schemas: [String: Any] = ["Error": errorSchema]
        for part in parts {
            schemas.merge(part.schemas) { first, _ in first }
            for operation in part.operations {
                var responses = errorResponses(for: operation)
                responses[operation.status] = success(of: operation)
                var entry: [String: Any] = ["summary": operation.summary, "tags": [operation.tag],
                                            "operationId": operationId(operation), "responses": responses]
                let parameters = parameters(of: operation)
                if !parameters.isEmpty { entry["parameters"] = parameters }
                if let body = operation.body { entry["requestBody"] = requestBody(of: operation, body) }
                paths[operation.path, default: [:]][operation.method] = entry
            }
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": title, "version": "1.0.0", "description": description],
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

    /// The document as sorted, pretty JSON.
    public static func json(_ document: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
