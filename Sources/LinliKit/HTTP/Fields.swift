import Foundation
import Hummingbird

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

    public init(_ values: [String: FieldValue]) { self.values = values }

    public static let maximumBodySize = 1024 * 1024

    /// Reads the body as JSON (`application/json`) or as a url-encoded form.
    public static func from(_ request: inout Request, context: AppContext) async throws -> Fields {
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            throw DomainError(kind: .payloadTooLarge, code: "payload_too_large", message: "提交的内容过大")
        }
        let body = String(buffer: buffer)
        let contentType = request.headers[.contentType] ?? ""
        if contentType.hasPrefix("application/json") {
            return try fromJSON(body)
        }
        if contentType.isEmpty || contentType.hasPrefix("application/x-www-form-urlencoded") {
            return Fields(parseURLEncoded(body))
        }
        throw DomainError(kind: .invalid, code: "unsupported_media_type", message: "不支持的内容类型：\(contentType)")
    }

    public static func fromJSON(_ body: String) throws -> Fields {
        if body.trimmingWhitespace.isEmpty { return Fields([:]) }
        do {
            return Fields(try JSONDecoder().decode([String: FieldValue].self, from: Data(body.utf8)))
        } catch {
            throw DomainError.badRequest("请求内容不是有效的 JSON 对象")
        }
    }

    public static func query(_ request: Request) -> Fields {
        Fields(parseURLEncoded(request.uri.query ?? ""))
    }

    public static func parseURLEncodedForTests(_ text: String) -> [String: FieldValue] { parseURLEncoded(text) }

    /// The request's query as `key=value&…` (re-encoded, sorted, empty values dropped), less
    /// `dropping` — for pager and export links that keep the current filters.
    public static func carriedQuery(_ request: Request, dropping: Set<String>) -> String {
        parseURLEncoded(request.uri.query ?? "").compactMap { key, value -> [String]? in
            guard !dropping.contains(key) else { return nil }
            let texts: [String]
            switch value {
            case .text(let text): texts = [text]
            case .list(let items): texts = items.compactMap { if case .text(let t) = $0 { t } else { nil } }
            default: texts = []
            }
            return texts.filter { !$0.isEmpty }.map { "\(key.urlQueryEscaped)=\($0.urlQueryEscaped)" }
        }.flatMap { $0 }.sorted().joined(separator: "&")
    }

    static func parseURLEncoded(_ text: String) -> [String: FieldValue] {
        var result: [String: FieldValue] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
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

    public func has(_ name: String) -> Bool { values[name] != nil }

    /// Marks a field as handled by the caller without reading it through an accessor.
    public mutating func skip(_ name: String) { read.insert(name) }

    public mutating func fail(_ name: String, _ message: String) {
        if errors[name] == nil { errors[name] = message }
    }

    /// Trimmed text; nil when absent or empty (and an error then, if required).
    public mutating func text(_ name: String, _ label: String, required: Bool = false, maxLength: Int = 200) -> String? {
        read.insert(name)
        let raw: String
        switch values[name] {
        case nil, .null?: raw = ""
        case .text(let value)?: raw = value
        case .number(let value)?: raw = value.rounded() == value ? String(Int64(value)) : String(value)
        default:
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
        let number: Int64?
        switch values[name] {
        case nil, .null?:
            if required { fail(name, "请填写「\(label)」") }
            return nil
        case .text(let value)?:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if required { fail(name, "请填写「\(label)」") }
                return nil
            }
            number = Int64(trimmed)
        case .number(let value)?:
            number = value.rounded() == value && abs(value) < 9e15 ? Int64(value) : nil
        default:
            number = nil
        }
        guard let number else {
            fail(name, "「\(label)」应为整数")
            return nil
        }
        guard range.contains(number) else {
            fail(name, "「\(label)」超出允许范围")
            return nil
        }
        return number
    }

    public mutating func bool(_ name: String) -> Bool {
        read.insert(name)
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
        guard let raw = text(name, label, required: required, maxLength: 100) else { return nil }
        guard let value = parse(raw) else {
            fail(name, "「\(label)」的取值无效：\(raw)")
            return nil
        }
        return value
    }

    /// Several text values: a JSON array, repeated form fields, or one comma-separated field.
    public mutating func list(_ name: String, _ label: String, maxCount: Int = 50, maxLength: Int = 50) -> [String] {
        read.insert(name)
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
                case .number(let number) where number.rounded() == number && abs(number) < 9e15: items.append(String(Int64(number)))
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
        var all = errors
        for name in values.keys where !read.contains(name) {
            all[name] = "未知字段「\(name.prefix(40))」"
        }
        if !all.isEmpty { throw DomainError.invalid(fields: all) }
    }
}
