import Foundation

/// A value as it arrived, in a form (always text) or in JSON.
public enum FieldValue: Sendable, Equatable, Decodable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case null
    case list([FieldValue])
    case object

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .text(value) }
        else if let value = try? container.decode([FieldValue].self) { self = .list(value) }
        else { _ = try container.decode([String: FieldValue].self); self = .object }
    }
}

/// One decoder for JSON bodies, url-encoded forms and query strings: input types read their
/// fields from here with `text`, `integer`, `choice`…, which collect a zh-CN message per bad
/// field; `finish()` then rejects unknown fields and throws every message at once.
public struct Fields: Sendable {
    public private(set) var values: [String: FieldValue]
    private var read: Set<String> = ["_csrf"]
    public private(set) var errors: [String: String] = [:]
    /// While recording (`Fields.rules(of:)`): what each accessor was asked to accept.
    private var recording = false
    public private(set) var rules: [String: FieldRule] = [:]
    public private(set) var ruleOrder: [String] = []

    public init(_ values: [String: FieldValue]) { self.values = values }

    /// What an input type accepts, read from the input type itself: `read` runs on empty
    /// fields that record every accessor call with its limits (type, required, length, range,
    /// choices). The OpenAPI document is built from this, so it cannot drift from the checks.
    public static func rules(of read: (inout Fields) -> Void) -> (rules: [String: FieldRule], order: [String]) {
        rules(given: [[:]], of: read)
    }

    /// The same for an input type that reads different fields depending on one of them (a
    /// workflow step and its `action`): run once per case in `given`, the rules merged. A
    /// field is required only where every case requires it.
    public static func rules(given cases: [[String: FieldValue]], of read: (inout Fields) -> Void)
        -> (rules: [String: FieldRule], order: [String]) {
        var merged: [String: FieldRule] = [:]
        var order: [String] = []
        for (index, values) in cases.enumerated() {
            var fields = Fields(values)
            fields.recording = true
            read(&fields)
            for name in fields.ruleOrder {
                guard var rule = fields.rules[name] else { continue }
                // Required only if every case read it as required: a field new in a later
                // case was absent from the earlier ones.
                if let known = merged[name] { rule.required = known.required && rule.required } else if index > 0 { rule.required = false }
                if !rule.required, rule.kind == .string { rule.minLength = nil }
                if merged[name] == nil { order.append(name) }
                merged[name] = rule
            }
            for name in merged.keys where fields.rules[name] == nil {
                merged[name]?.required = false
                if merged[name]?.kind == .string { merged[name]?.minLength = nil }
            }
        }
        return (merged, order)
    }

    private mutating func record(_ name: String, _ rule: FieldRule) {
        guard recording else { return }
        if rules[name] == nil { ruleOrder.append(name) }
        rules[name] = rule
    }

    public static func fromJSON(_ body: String) throws -> Fields {
        if body.trimmingWhitespace.isEmpty { return Fields([:]) }
        do {
            return Fields(try JSONDecoder().decode([String: FieldValue].self, from: Data(body.utf8)))
        } catch {
            throw DomainError.badRequest("请求内容不是有效的 JSON 对象")
        }
    }

    /// A url-encoded form body; a field whose percent-escapes are not UTF-8 is a 422.
    public static func fromURLEncoded(_ text: String) throws -> Fields {
        if let name = firstMalformedName(text) {
            throw DomainError.invalid(name, "「\(name)」的内容不是有效的 UTF-8 文本")
        }
        return Fields(parseURLEncoded(text))
    }

    /// The (readable part of the) name of the first pair whose escapes do not decode as UTF-8.
    public static func firstMalformedName(_ text: String) -> String? {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) where pair.contains("%") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.contains(where: { decodeComponent($0) == nil }) {
                let name = decodeComponent(parts[0]) ?? String(parts[0])
                return String(name.prefix(40))
            }
        }
        return nil
    }

    public static func parseURLEncodedForTests(_ text: String) -> [String: FieldValue] { parseURLEncoded(text) }

    public static func parseURLEncoded(_ text: String) -> [String: FieldValue] {
        var result: [String: FieldValue] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String { decodeComponent(part) ?? String(part) }
            let key = decode(parts[0])
            let value = FieldValue.text(parts.count > 1 ? decode(parts[1]) : "")
            switch result[key] {
            case nil: result[key] = value
            case .list(let items)?: result[key] = .list(items + [value])
            case let existing?: result[key] = .list([existing, value])
            }
        }
        return result
    }

    /// `+` as a space, then percent-escapes; nil when they are malformed or not UTF-8.
    public static func decodeComponent(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    public func has(_ name: String) -> Bool { values[name] != nil }

    /// Marks a field as handled by the caller without reading it through an accessor.
    public mutating func skip(_ name: String) { read.insert(name) }

    public mutating func fail(_ name: String, _ message: String) {
        if errors[name] == nil { errors[name] = message }
    }

    /// The value a required field was read as. An input type reads all its fields first and
    /// then asks for its required ones through this, so that a missing or bad one throws
    /// every field's error at once and no handler unwraps an optional.
    public func present<T>(_ value: T?) throws -> T {
        if let value { return value }
        let all = allErrors
        throw all.isEmpty ? DomainError.badRequest("请求缺少必填内容") : DomainError.invalid(fields: all)
    }

    /// Every field's error so far, fields nobody read ("未知字段") included.
    var allErrors: [String: String] {
        var all = errors
        for name in values.keys where !read.contains(name) {
            all[name] = "未知字段「\(name.prefix(40))」"
        }
        return all
    }

    /// Trimmed text; nil when absent or empty (and an error then, if required).
    public mutating func text(_ name: String, _ label: String, required: Bool = false, maxLength: Int = 200) -> String? {
        read.insert(name)
        record(name, FieldRule(kind: .string, label: label, required: required, minLength: required ? 1 : nil, maxLength: maxLength))
        let raw: String
        switch values[name] {
        case nil, .null?: raw = ""
        case .text(let value)?: raw = value
        default:
            // A JSON number or list where text is expected is an error, never converted.
            fail(name, "「\(label)」应为文本")
            return nil
        }
        let trimmed = raw.trimmingWhitespace
        if trimmed.isEmpty {
            if required { fail(name, "请填写「\(label)」") }
            return nil
        }
        if trimmed.count > maxLength {
            fail(name, "「\(label)」不能超过 \(maxLength) 个字")
            return nil
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
            fail(name, "「\(label)」含有不可见的控制字符")
            return nil
        }
        return trimmed
    }

    public mutating func integer(_ name: String, _ label: String, required: Bool = false,
                                 range: ClosedRange<Int64> = 1...Int64.max) -> Int64? {
        read.insert(name)
        record(name, FieldRule(kind: .integer, label: label, required: required,
                               minimum: Double(range.lowerBound), maximum: range.upperBound == .max ? nil : Double(range.upperBound)))
        guard let given = given(name, label, required: required) else { return nil }
        let number: Int64?
        switch given {
        case .text(let value): number = Int64(value.trimmingWhitespace)
        case .number(let value): number = Int64(exactly: value)
        default: number = nil
        }
        guard let number else {
            fail(name, "「\(label)」应为整数")
            return nil
        }
        guard range.contains(number) else {
            fail(name, range.upperBound == .max ? "「\(label)」应不小于 \(range.lowerBound)"
                                                : "「\(label)」应在 \(range.lowerBound) 到 \(range.upperBound) 之间")
            return nil
        }
        return number
    }

    /// A decimal number (hours, coordinates) within `range`: a JSON number, or text such as
    /// "1.5". Out of range, not finite or not a number is a zh-CN error naming the field, so
    /// no caller ever converts an unchecked double (1e300 hours) into an integer.
    public mutating func decimal(_ name: String, _ label: String, required: Bool = false,
                                 range: ClosedRange<Double>) -> Double? {
        read.insert(name)
        record(name, FieldRule(kind: .number, label: label, required: required, minimum: range.lowerBound, maximum: range.upperBound))
        guard let given = given(name, label, required: required) else { return nil }
        let value: Double?
        switch given {
        case .text(let text): value = text.trimmingWhitespace.count <= 30 ? Double(text.trimmingWhitespace) : nil
        case .number(let number): value = number
        default: value = nil
        }
        guard let value, value.isFinite else {
            fail(name, "「\(label)」应为数字")
            return nil
        }
        guard range.contains(value) else {
            fail(name, "「\(label)」应在 \(Self.plain(range.lowerBound)) 到 \(Self.plain(range.upperBound)) 之间")
            return nil
        }
        return value
    }

    /// The field's value; nil (and "请填写" when required) if it is absent, null or blank text.
    private mutating func given(_ name: String, _ label: String, required: Bool) -> FieldValue? {
        switch values[name] {
        case nil, .null?: break
        case .text(let text)? where text.trimmingWhitespace.isEmpty: break
        case let value?: return value
        }
        if required { fail(name, "请填写「\(label)」") }
        return nil
    }

    /// 0.5 → "0.5", 240.0 → "240".
    static func plain(_ value: Double) -> String {
        if let whole = Int64(exactly: value) { return String(whole) }
        return String(value)
    }

    public mutating func bool(_ name: String) -> Bool {
        read.insert(name)
        record(name, FieldRule(kind: .boolean, label: name))
        switch values[name] {
        case .bool(let value)?: return value
        case .text(let value)?: return ["on", "true", "1", "yes"].contains(value.lowercased())
        case .number(let value)?: return value != 0
        default: return false
        }
    }

    /// One of a fixed set of values (an enum's raw value, or its zh-CN label via `parse`).
    public mutating func choice<T>(_ name: String, _ label: String, required: Bool = false,
                                   parse: (String) -> T?) -> T? {
        oneOf(name, label, required: required, parse: parse)
    }

    private mutating func oneOf<T>(_ name: String, _ label: String, required: Bool, parse: (String) -> T?) -> T? {
        guard let raw = text(name, label, required: required, maxLength: 100) else { return nil }
        guard let value = parse(raw) else {
            fail(name, "「\(label)」的取值无效：\(raw)")
            return nil
        }
        return value
    }

    /// One of an enum's cases, by raw value (or what `parse` also accepts, such as the zh-CN
    /// label); the raw values are recorded as the field's choices.
    public mutating func choice<T: CaseIterable & RawRepresentable>(_ name: String, _ label: String, required: Bool = false,
                                                                   parse: (String) -> T?) -> T? where T.RawValue == String {
        let value = oneOf(name, label, required: required, parse: parse)
        if recording { rules[name]?.choices = T.allCases.map(\.rawValue) }
        return value
    }

    /// Several text values: a JSON array, repeated form fields, or one comma-separated field.
    public mutating func list(_ name: String, _ label: String, maxCount: Int = 50, maxLength: Int = 50) -> [String] {
        read.insert(name)
        record(name, FieldRule(kind: .array, label: label, maxLength: maxLength, maxItems: maxCount))
        var items: [String]
        switch values[name] {
        case nil, .null?: return []
        case .text(let value)?:
            items = value.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map(String.init)
        case .list(let values)?:
            items = []
            for value in values {
                switch value {
                case .text(let text): items.append(text)
                case .number(let number):
                    // Whole numbers only (ids); anything else is not a list item.
                    guard let whole = Int64(exactly: number) else {
                        fail(name, "「\(label)」应为文本列表")
                        return []
                    }
                    items.append(String(whole))
                default:
                    fail(name, "「\(label)」应为文本列表")
                    return []
                }
            }
        default:
            fail(name, "「\(label)」应为文本列表")
            return []
        }
        items = items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if items.count > maxCount { fail(name, "「\(label)」最多 \(maxCount) 项"); return [] }
        if let long = items.first(where: { $0.count > maxLength }) {
            fail(name, "「\(label)」中的「\(long.prefix(10))…」过长")
            return []
        }
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// Throws every collected error, and names fields nobody asked for.
    public func finish() throws {
        let all = allErrors
        if !all.isEmpty { throw DomainError.invalid(fields: all) }
    }
}

/// What one field accepts, as the input type checks it (recorded by `Fields.rules(of:)`).
public struct FieldRule: Sendable, Equatable {
    public enum Kind: String, Sendable { case string, integer, number, boolean, array }
    public var kind: Kind
    public var label: String
    public var required = false
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: Double?
    public var maximum: Double?
    public var maxItems: Int?
    public var choices: [String]?

    public init(kind: Kind, label: String, required: Bool = false, minLength: Int? = nil, maxLength: Int? = nil,
                minimum: Double? = nil, maximum: Double? = nil, maxItems: Int? = nil, choices: [String]? = nil) {
        self.kind = kind
        self.label = label
        self.required = required
        self.minLength = minLength
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.maxItems = maxItems
        self.choices = choices
    }
}

extension Fields {
    /// Every field given as text (a list's first text), as typed: to show a form again after an error.
    public var texts: [String: String] {
        values.compactMapValues { value in
            switch value {
            case .text(let text): text
            case .list(let items): items.lazy.compactMap { if case .text(let t) = $0 { t } else { nil } }.first
            case .number(let number): Int64(exactly: number).map(String.init) ?? String(number)
            default: nil
            }
        }
    }
}
