/// JSON Schema pieces for `APIDescription`s: a type that writes a feature's description
/// conforms and uses them unqualified (`object(["id": integer])`).
public protocol APIDocumenting {}

/// The same pieces, qualified (`string`).
public enum APISchema: APIDocumenting {}

extension APIDocumenting {
    public static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        if !required.isEmpty { schema["required"] = required }
        return schema
    }
    public static var string: [String: Any] { ["type": "string"] }
    public static var integer: [String: Any] { ["type": "integer", "format": "int64"] }
    public static var number: [String: Any] { ["type": "number"] }
    public static var boolean: [String: Any] { ["type": "boolean"] }
    public static var time: [String: Any] { ["type": "string", "format": "date-time"] }
    public static func choice(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }
    public static func choice<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> [String: Any] where T.RawValue == String {
        choice(type.allCases.map(\.rawValue))
    }
    public static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    public static func array(_ schema: [String: Any]) -> [String: Any] { ["type": "array", "items": schema] }
    /// `{"items": [<name>]}`.
    public static func list(_ name: String) -> [String: Any] { object(["items": array(ref(name))], required: ["items"]) }
    /// `{"items", "total", "limit", "offset"}`, and `"totalExact": false` when counting stopped.
    public static func page(_ name: String) -> [String: Any] {
        object(["items": array(ref(name)), "total": integer, "limit": integer, "offset": integer,
                "totalExact": ["type": "boolean", "description": "只在为 false 时出现：计数到此为止，total 为下限（实际至少这么多）"]],
               required: ["items", "total", "limit", "offset"])
    }
    public static func nullable(_ schema: [String: Any]) -> [String: Any] { ["oneOf": [schema, ["type": "null"]]] }

    /// A request body as an input type reads it, with fields the service (not the input)
    /// requires, and any further keywords.
    public static func body(recorded: RecordedFields, alsoRequired: [String] = [], extra: [String: Any] = [:]) -> [String: Any] {
        var properties: [String: Any] = [:]
        for (name, rule) in recorded.rules { properties[name] = schema(of: rule) }
        let required = recorded.order.filter { recorded.rules[$0]?.required == true }
            + alsoRequired.filter { recorded.rules[$0]?.required != true }
        var body = object(properties, required: required)
        body.merge(extra) { _, given in given }
        return body
    }

    /// One field as its rule describes it; the label becomes the description.
    public static func schema(of rule: FieldRule) -> [String: Any] {
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
}
