import Foundation
@testable import LinliKit
import Testing

/// A shape with every kind of field the hand-written answers use, written both ways.
private struct Sample: Encodable, JSONWritable {
    struct Inner: Encodable, JSONWritable {
        let b: Bool, n: Int64?
        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("b", b)
                json.field("n", n)
            }
        }
    }
    let answers: [String: [String]], count: Int, data: [String: String], empty: [Int64], ids: [Int64], inner: Inner
    let inners: [Inner], lat: Double?, maybe: String?, text: String

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("answers", answers)
            json.field("count", count)
            json.field("data", data)
            json.field("empty", empty)
            json.field("ids", ids)
            json.field("inner", inner)
            json.key("inners")
            json.array(inners) { json, inner in json.value(inner) }
            json.field("lat", lat)
            json.field("maybe", maybe)
            json.field("text", text)
        }
    }
}

private struct Number: Encodable, JSONWritable {
    let v: Double
    func write(to json: inout JSONWriter) { json.object { json in json.field("v", v) } }
}

@Suite("JSON written by hand is the canonical encoder's text, and stored objects read back without JSONDecoder")
struct JSONWriterTests {
    /// Every control character, quotes, backslash, slash, Chinese, an emoji, U+2028 and DEL.
    static let texts: [String] = [
        "", "楼道灯不亮", "a/b", "say \"hi\"", #"back\slash"#, "line\nbreak\r\ttab", "\u{08}\u{0C}", "😀 3楼", "\u{2028}\u{7F}",
        String((0..<0x20).map { Character(UnicodeScalar($0)!) }), "</script>",
    ]

    @Test func aHandWrittenShapeGivesTheEncodersText() throws {
        for (offset, text) in Self.texts.enumerated() {
            let sample = Sample(
                answers: ["floor": [text, "3"], "B": [], "a": [text]], count: -offset, data: ["reason": text, "Z": "z", "_": ""],
                empty: [], ids: [1, Int64.max, Int64.min, 0], inner: .init(b: offset % 2 == 0, n: offset % 3 == 0 ? nil : 7),
                inners: [.init(b: true, n: nil), .init(b: false, n: -1)], lat: offset % 2 == 0 ? 34.263917 : nil,
                maybe: offset % 2 == 0 ? nil : text, text: text)
            #expect(JSONWriter.text(sample) == (try JSONEncoder.canonicalText(sample)), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func doublesAreWrittenAsTheEncoderWritesThem() throws {
        let values: [Double] = [0, -0.0, 1, -1, 120, 39.9042, 116.407396, 108.95, 0.1, -0.5, 1e-7, 123456789.125, 1e15, 1e16,
                                1e21, 1e300, 5e-324, Double.greatestFiniteMagnitude]
        for v in values {
            #expect(JSONWriter.text(Number(v: v)) == (try JSONEncoder.canonicalText(Number(v: v))), "\(v)")
        }
        // The encoder refuses these; the writer keeps the text JSON.
        #expect(JSONWriter.text(Number(v: .nan)) == #"{"v":null}"#)
        #expect(JSONWriter.text(Number(v: -.infinity)) == #"{"v":null}"#)
    }

    @Test func aStoredObjectOfStringsReadsBackAsJSONDecoderReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab \"\\/\n\t\u{01}\u{1F}楼道😀\u{2028}")
        var objects: [[String: String]] = [[:], ["": ""]]
        for text in Self.texts { objects.append(["note": text, text: "x"]) }
        for _ in 0..<200 {
            var values: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                let key = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                values[key] = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            }
            objects.append(values)
        }
        for values in objects {
            let text = CanonicalJSON.object(values)
            #expect(CanonicalJSON.readStringObject(text) == values, "\(text)")
            let lists = values.mapValues { $0.isEmpty ? [] : [$0, $0] }
            #expect(CanonicalJSON.readStringListObject(CanonicalJSON.object(lists)) == lists)
        }
        // Written by other writers: spaces, escaped slashes, \u escapes (a surrogate pair too).
        let foreign = #" { "a" : "x\/y" , "b":"\u697c\u9053\ud83d\ude00\u0041\u000a" ,"c":"" } "#
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(foreign.utf8))
        #expect(CanonicalJSON.readStringObject(foreign) == decoded)
        #expect(decoded["b"] == "楼道😀A\n")
    }

    @Test func textThatIsNotAFlatObjectOfStringsIsLeftToJSONDecoder() throws {
        let others = [#"{"a":1}"#, #"{"a":["x"]}"#, #"["a"]"#, #"{"a":"x""#, #"{"a":"x",}"#, #"{"a":"x"} x"#, #"{"a":"\ud800"}"#,
                      #"{"a":"\udc00"}"#, #"{"a":"\u12"}"#, #"{"a":"\q"}"#, "{\"a\":\"raw\nbreak\"}", "", "null", #"{a:"x"}"#]
        for text in others {
            #expect(CanonicalJSON.readStringObject(text) == nil, "\(text)")
            // What the store then reads is what JSONDecoder makes of it.
            #expect(CanonicalJSON.stringObject(text) == (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))), "\(text)")
        }
        #expect(CanonicalJSON.readStringListObject(#"{"a":["x",1]}"#) == nil)
        #expect(CanonicalJSON.readStringListObject(#"{"a":"x"}"#) == nil)
        #expect(CanonicalJSON.stringObject(#"{"a":1}"#) == nil)
    }
}
