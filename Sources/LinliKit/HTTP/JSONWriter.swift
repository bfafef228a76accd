import Foundation

/// A value that writes its own JSON: the hot reads (a request's detail, a resident) answer with
/// `Web.json(writing:)` instead of Foundation's `JSONEncoder`, whose generic containers cost more
/// than the database's work on those reads (docs/benchmarks.md, sixth round). The text is the
/// same as `JSONEncoder.canonical()` gives for the type's `Encodable` shape — keys in sorted
/// order, `nil` left out, slashes unescaped — and each writer is tested against it.
public protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

/// Writes JSON text into a byte buffer. Keys are written in the order given: a caller writes
/// them sorted, as the canonical encoder does (the tests compare the two).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// A value was written at this level: the next one needs a comma first.
    private var needsComma = false
    /// A key was just written: its value follows without a comma.
    private var afterKey = false

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// The JSON text of one value.
    public static func text(_ value: some JSONWritable) -> String {
        var json = JSONWriter()
        value.write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private mutating func startValue() {
        if needsComma && !afterKey { bytes.append(UInt8(ascii: ",")) }
        afterKey = false
    }

    // MARK: Containers

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        startValue()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        startValue()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    public mutating func array<S: Sequence>(_ elements: S, _ each: (inout JSONWriter, S.Element) -> Void) {
        array { json in
            for element in elements { each(&json, element) }
        }
    }

    /// An object's key; its value is the next thing written.
    public mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: Values

    public mutating func value(_ text: String) {
        startValue()
        appendString(text)
        needsComma = true
    }

    public mutating func value(_ number: Int64) {
        startValue()
        appendInteger(number)
        needsComma = true
    }

    public mutating func value(_ number: Int) { value(Int64(number)) }

    public mutating func value(_ flag: Bool) {
        startValue()
        bytes.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        needsComma = true
    }

    /// A double as `JSONEncoder` writes it: its shortest exact form, without a trailing `.0`.
    /// Not a number or infinite (which the encoder refuses): `null`, so that the text stays JSON.
    public mutating func value(_ number: Double) {
        startValue()
        if number.isFinite {
            let text = number.description.utf8
            bytes.append(contentsOf: text.count > 2 && text.suffix(2).elementsEqual(".0".utf8) ? text.dropLast(2) : text[...])
        } else {
            bytes.append(contentsOf: Self.nullBytes)
        }
        needsComma = true
    }

    public mutating func value(_ strings: [String]) {
        array(strings) { json, text in json.value(text) }
    }

    public mutating func value(_ numbers: [Int64]) {
        array(numbers) { json, number in json.value(number) }
    }

    /// A string-keyed object of strings, keys sorted.
    public mutating func value(_ values: [String: String]) {
        object { json in
            for key in values.keys.sorted() { json.field(key, values[key]!) }
        }
    }

    /// A string-keyed object of string lists, keys sorted (a request's answers).
    public mutating func value(_ values: [String: [String]]) {
        object { json in
            for key in values.keys.sorted() { json.field(key, values[key]!) }
        }
    }

    public mutating func value(_ value: some JSONWritable) {
        value.write(to: &self)
    }

    // MARK: Fields — a key and its value; an optional that is nil is left out

    public mutating func field(_ name: String, _ text: String) { key(name); value(text) }
    public mutating func field(_ name: String, _ number: Int64) { key(name); value(number) }
    public mutating func field(_ name: String, _ number: Int) { key(name); value(number) }
    public mutating func field(_ name: String, _ flag: Bool) { key(name); value(flag) }
    public mutating func field(_ name: String, _ number: Double) { key(name); value(number) }
    public mutating func field(_ name: String, _ strings: [String]) { key(name); value(strings) }
    public mutating func field(_ name: String, _ numbers: [Int64]) { key(name); value(numbers) }
    public mutating func field(_ name: String, _ values: [String: String]) { key(name); value(values) }
    public mutating func field(_ name: String, _ values: [String: [String]]) { key(name); value(values) }
    public mutating func field(_ name: String, _ nested: some JSONWritable) { key(name); value(nested) }

    public mutating func field(_ name: String, _ text: String?) { if let text { field(name, text) } }
    public mutating func field(_ name: String, _ number: Int64?) { if let number { field(name, number) } }
    public mutating func field(_ name: String, _ number: Int?) { if let number { field(name, number) } }
    public mutating func field(_ name: String, _ flag: Bool?) { if let flag { field(name, flag) } }
    public mutating func field(_ name: String, _ number: Double?) { if let number { field(name, number) } }

    // MARK: Text

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `number` with leading zeros to `width` digits (a year past 9999 keeps all its digits).
    private mutating func appendDigits(_ number: Int, _ width: Int) {
        let digits = String(number).utf8
        if digits.count < width { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        bytes.append(contentsOf: digits)
    }

    private mutating func appendInteger(_ number: Int64) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `JSONEncoder` writes them,
    /// everything else (Chinese, `/`) as it is.
    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: utf8[start..<index])
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: utf8[start...])
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
