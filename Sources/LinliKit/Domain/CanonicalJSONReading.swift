import Foundation

extension CanonicalJSON {
    /// A flat JSON object of strings — what `object(_:)` writes for a request event's data —
    /// read without `JSONDecoder` (which cost a quarter of a request detail's event reading);
    /// any other text (a number, a nested value) goes to `JSONDecoder` as before, and text
    /// that is not such an object at all gives `nil`.
    public static func stringObject(_ text: String) -> [String: String]? {
        readStringObject(text) ?? (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)))
    }

    /// The same for an object of string lists (a request's answers).
    public static func stringListObject(_ text: String) -> [String: [String]]? {
        readStringListObject(text) ?? (try? JSONDecoder().decode([String: [String]].self, from: Data(text.utf8)))
    }

    /// The quick reading alone: `nil` for anything but a flat object of strings.
    static func readStringObject(_ text: String) -> [String: String]? {
        read(text) { reader in reader.string() }
    }

    static func readStringListObject(_ text: String) -> [String: [String]]? {
        read(text) { reader in
            guard reader.take(UInt8(ascii: "[")) else { return nil }
            var list: [String] = []
            if reader.take(UInt8(ascii: "]")) { return list }
            repeat {
                guard let value = reader.string() else { return nil }
                list.append(value)
            } while reader.take(UInt8(ascii: ","))
            return reader.take(UInt8(ascii: "]")) ? list : nil
        }
    }

    private static func read<Value>(_ text: String, _ value: (inout JSONTextReader) -> Value?) -> [String: Value]? {
        var text = text
        return text.withUTF8 { utf8 -> [String: Value]? in
            var reader = JSONTextReader(bytes: utf8)
            guard reader.take(UInt8(ascii: "{")) else { return nil }
            var object: [String: Value] = [:]
            if !reader.take(UInt8(ascii: "}")) {
                repeat {
                    guard let key = reader.string(), reader.take(UInt8(ascii: ":")), let item = value(&reader) else { return nil }
                    object[key] = item
                } while reader.take(UInt8(ascii: ","))
                guard reader.take(UInt8(ascii: "}")) else { return nil }
            }
            reader.skipWhitespace()
            return reader.atEnd ? object : nil
        }
    }
}

/// A cursor over JSON text that reads strings and punctuation; anything it does not know ends
/// the reading with `nil`.
struct JSONTextReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    /// Skips whitespace, then takes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A JSON string: escapes decoded, surrogate pairs joined; raw control characters, a lone
    /// surrogate or text that is not UTF-8 give `nil`.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // Plain strings (no escapes) are the rule: one copy, checked as UTF-8 once.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\\") else { return nil }
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20: return nil
            default: decoded.append(byte)
            }
        }
        return nil
    }

    /// After `\u`: four hex digits, and for a high surrogate the `\uXXXX` of its low half.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let first = hex4() else { return nil }
        switch first {
        case 0xD800...0xDBFF:
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
            index += 2
            guard let second = hex4(), (0xDC00...0xDFFF).contains(second) else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        case 0xDC00...0xDFFF: return nil
        default: return Unicode.Scalar(first)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
