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

extension Optional {
    public func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
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
