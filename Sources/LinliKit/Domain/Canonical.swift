import Foundation

extension JSONEncoder {
    /// Sorted keys, unescaped slashes: the same value always gives the same text (audit hashes,
    /// stored answers, webhook payloads, API bodies).
    public static func canonical() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The canonical JSON text of a value.
    public static func canonicalText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try canonical().encode(value), as: UTF8.self)
    }
}

/// Canonical JSON of a string-to-string object written directly: the same text as
/// `JSONEncoder.canonicalText` gives for `[String: String]` (tested against it), without the
/// encoder's generic containers — audit entries and request events are written by the
/// million in a district's import and history.
public enum CanonicalJSON {
    public static func object(_ values: [String: String]) -> String {
        object(values) { value, out in appendString(value, to: &out) }
    }

    /// The same for lists of strings (a request's answers).
    public static func object(_ values: [String: [String]]) -> String {
        object(values) { list, out in
            out += "["
            for (offset, value) in list.enumerated() {
                if offset > 0 { out += "," }
                appendString(value, to: &out)
            }
            out += "]"
        }
    }

    private static func object<Value>(_ values: [String: Value], _ appendValue: (Value, inout String) -> Void) -> String {
        var out = "{"
        for (offset, key) in values.keys.sorted().enumerated() {
            if offset > 0 { out += "," }
            appendString(key, to: &out)
            out += ":"
            appendValue(values[key]!, &out)
        }
        return out + "}"
    }

    private static let hexDigits = Array("0123456789abcdef".unicodeScalars)

    static func appendString(_ text: String, to out: inout String) {
        out.unicodeScalars.append("\"")
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out.unicodeScalars.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                out += "\\u00"
                out.unicodeScalars.append(hexDigits[Int(scalar.value >> 4)])
                out.unicodeScalars.append(hexDigits[Int(scalar.value & 0xF)])
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.unicodeScalars.append("\"")
    }
}

extension Optional {
    public func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }

    /// `asyncMap` for a transform that may find nothing: one optional, not two (with
    /// `asyncMap`, "not found" was `.some(nil)`, which is not `nil`).
    public func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

extension Sequence {
    public func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }

    public func asyncCompactMap<T>(_ transform: (Element) async throws -> T?) async rethrows -> [T] {
        var result: [T] = []
        for element in self { if let value = try await transform(element) { result.append(value) } }
        return result
    }
}
