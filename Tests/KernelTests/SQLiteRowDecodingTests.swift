import Foundation
@testable import LinliKit
import SQLiteKit
import Testing

@Suite("SQLite values read directly as SQLiteKit's decoder reads them")
struct SQLiteRowDecodingTests {
    static let values: [SQLiteData] = [.integer(0), .integer(-7), .integer(Int(Int64.max)), .text(""), .text("楼道灯 \"3\""), .text("42"),
                                       .float(34.263917), .float(-0.0), .null, .blob(ByteBuffer(bytes: [1, 2]))]

    func check<D: Decodable & Equatable>(_ type: D.Type) {
        let decoder = SQLiteDataDecoder()
        for value in Self.values {
            let expected = try? decoder.decode(D.self, from: value)
            let direct = SQLiteValuesRow.direct(value, as: D.self)
            // Either read directly, and then as the decoder reads it, or left to the decoder.
            if let direct { #expect(direct == expected, "\(value) as \(D.self)") }
        }
    }

    @Test func everyDirectReadingAgreesWithTheDecoder() {
        check(Int64.self)
        check(Int64?.self)
        check(Int.self)
        check(Int?.self)
        check(String.self)
        check(String?.self)
        check(Double.self)
        check(Double?.self)
        check(Bool.self)
    }

    @Test func theCommonCasesAreReadDirectly() {
        #expect(SQLiteValuesRow.direct(.integer(5), as: Int64.self) == 5)
        #expect(SQLiteValuesRow.direct(.integer(5), as: Int64?.self) == .some(5))
        #expect(SQLiteValuesRow.direct(.null, as: Int64?.self) == .some(nil))
        #expect(SQLiteValuesRow.direct(.null, as: String?.self) == .some(nil))
        #expect(SQLiteValuesRow.direct(.text("张三"), as: String?.self) == .some("张三"))
        #expect(SQLiteValuesRow.direct(.float(1.5), as: Double.self) == 1.5)
        // A NULL where a value must be, or text read as a number, is the decoder's to refuse or convert.
        #expect(SQLiteValuesRow.direct(.null, as: Int64.self) == nil)
        #expect(SQLiteValuesRow.direct(.text("42"), as: Int64.self) == nil)
    }
}
