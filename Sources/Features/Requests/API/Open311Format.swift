import Foundation

/// One Open311 answer as plain values, written as JSON or XML (the spec's two formats).
/// Values are strings, numbers, booleans, nulls, lists and ordered objects.
indirect enum Open311Value {
    case string(String?)
    case number(Double?)
    case bool(Bool)
    case list(element: String, [Open311Value])
    case object([(String, Open311Value)])

    var json: Any {
        switch self {
        case .string(let s): s.map { $0 as Any } ?? NSNull()
        case .number(let n): n.map { $0 as Any } ?? NSNull()
        case .bool(let b): b
        case .list(_, let items): items.map(\.json)
        case .object(let pairs): Dictionary(pairs.map { ($0.0, $0.1.json) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func xml(_ name: String) -> String {
        switch self {
        case .string(let s): "<\(name)>\(Self.escape(s ?? ""))</\(name)>"
        case .number(let n): "<\(name)>\(n.map(Self.numberText) ?? "")</\(name)>"
        case .bool(let b): "<\(name)>\(b)</\(name)>"
        case .list(let element, let items): "<\(name)>" + items.map { $0.xml(element) }.joined() + "</\(name)>"
        case .object(let pairs): "<\(name)>" + pairs.map { $0.1.xml($0.0) }.joined() + "</\(name)>"
        }
    }

    static func numberText(_ n: Double) -> String { n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}

enum Open311Format: String {
    case json, xml

    /// `services.json` → ("services", .json); nil for any other suffix.
    static func split(_ file: String) -> (name: String, format: Open311Format)? {
        for format in [Open311Format.json, .xml] where file.hasSuffix("." + format.rawValue) {
            return (String(file.dropLast(format.rawValue.count + 1)), format)
        }
        return nil
    }

    /// The root element and the value: a list's root is its own name (e.g. `services`).
    func body(root: String, _ value: Open311Value) -> String {
        switch self {
        case .json:
            let data = try! JSONSerialization.data(withJSONObject: value.json, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        case .xml:
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + value.xml(root)
        }
    }

    var contentType: String { self == .json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8" }
}
