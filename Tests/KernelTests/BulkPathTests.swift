import Foundation
import LinliKit
import LinliTestSupport
import SQLKit
import Testing

/// The fast paths a district-scale import takes must give exactly what the general ones gave.
@Suite("Bulk paths: canonical JSON, trimming, row inserts")
struct BulkPathTests {
    /// Stored audit texts were written by JSONEncoder; the direct writer must not change a byte.
    @Test func canonicalObjectsAreByteForByteWhatJSONEncoderWrites() throws {
        let controls = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        let samples: [[String: String]] = [
            [:],
            ["name": "王芳", "idNumber": "610103********002X", "phone": "138****8000", "source": "import"],
            ["quote": "say \"hi\"", "back\\slash": "a\\b", "slash": "a/b", "controls": controls, "del": "\u{7F}"],
            ["B": "upper", "a": "lower", "_": "underscore", "10": "ten", "9": "nine", "é": "accent", "张": "汉字", "": "empty"],
            ["emoji": "👩‍👩‍👧 家庭", "line": "第一行\r\n第二行\t缩进", "nul": "a\u{0}b", "ls": "\u{2028}\u{2029}"],
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 \"\\/\n\t\u{1}\u{1F}é张👍-_")
        var random: [[String: String]] = []
        for _ in 0..<200 {
            var values: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let key = String((0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                values[key] = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            }
            random.append(values)
        }
        for values in samples + random {
            #expect(CanonicalJSON.object(values) == (try JSONEncoder.canonicalText(values)), "\(values)")
        }
        // Lists of strings (a request's answers) from the same texts, with empty lists among them.
        let lists: [[String: [String]]] = (samples + random).map { values in
            values.mapValues { value in value.isEmpty ? [] : value.split(separator: " ", omittingEmptySubsequences: false).map(String.init) }
        }
        for values in lists {
            #expect(CanonicalJSON.object(values) == (try JSONEncoder.canonicalText(values)), "\(values)")
        }
    }

    @Test func trimmingWhitespaceTrimsWhatFoundationTrims() {
        var samples = ["", " ", "张三", " 张三 ", "\t张三\r\n", "\u{3000}王芳\u{3000}", "a b", "\n\n", "  多 个 空 格  "]
        // Every scalar of the Basic Multilingual Plane, before and after a name.
        for value in UInt32(0)...0xFFFF {
            guard let scalar = UnicodeScalar(value) else { continue }
            samples.append("\(scalar)王芳\(scalar)")
        }
        for text in samples {
            #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func dayPartsReadsOnlyTheExactShape() {
        #expect(ChinaStandardTime.dayParts("1950-03-08")! == (1950, 3, 8))
        #expect(ChinaStandardTime.dayParts("1950-13-45")! == (1950, 13, 45))
        for text in ["1950-3-08", "1950/03/08", "+950-03-08", "19500308", "1950-03-0８", " 1950-03-08", ""] {
            #expect(ChinaStandardTime.dayParts(text) == nil, "\(text)")
        }
        #expect(ChinaStandardTime.dayText(year: 7, month: 3, day: 8) == "0007-03-08")
    }

    /// Rows written through `Tx.insert` read back as written, NULLs included, on both engines;
    /// a constraint failure fails the whole transaction.
    @Test(arguments: TestEngine.all)
    func rowInsertsReadBackAsWrittenAndAFailureRollsTheTransactionBack(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let database = system.database
            try await database.write { tx in
                try await tx.sql.raw("CREATE TABLE insert_probe (id BIGINT PRIMARY KEY, label TEXT, amount BIGINT)").run()
            }
            var rows: [[SQLCell]] = []
            for n in 1...1203 {
                let label: SQLCell = n % 7 == 0 ? .null : .text("第\(n)行 'quote' \"x\"")
                let amount: SQLCell = n % 5 == 0 ? .null : .integer(Int64(n * 10))
                rows.append([.integer(Int64(n)), label, amount])
            }
            let written = rows
            try await database.bulkWrite { tx in try await tx.insert(into: "insert_probe", columns: ["id", "label", "amount"], rows: written) }
            let read = try await database.read { tx in
                try await tx.sql.raw("SELECT id, label, amount FROM insert_probe ORDER BY id").all().map { row -> [SQLCell] in
                    [.integer(try row.decode(column: "id", as: Int64.self)), SQLCell(try row.decode(column: "label", as: String?.self)),
                     SQLCell(try row.decode(column: "amount", as: Int64?.self))]
                }
            }
            #expect(read == rows)
            await #expect(throws: (any Error).self) {
                try await database.write { tx in
                    try await tx.insert(into: "insert_probe", columns: ["id", "label", "amount"], rows: [[.integer(5000), .text("新"), .null]])
                    try await tx.insert(into: "insert_probe", columns: ["id", "label", "amount"], rows: [[.integer(1), .text("重复"), .null]])
                }
            }
            let count = try await database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM insert_probe").first()!.decode(column: "n", as: Int64.self)
            }
            #expect(count == 1203)
        }
    }
}
