import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Residents
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Ledger import and export on SQLite and PostgreSQL")
struct LedgerTests {
    /// A sheet of `count` valid residents at `code`, every ID number distinct.
    static func sheet(_ count: Int, code: String) -> SheetTable {
        var rows: [[String]] = []
        for i in 0..<count {
            // (birth date, sequence) pairs never repeat: the block of 1,000 fixes the year.
            let block = i / 1000, sequence = i % 1000
            let birth = String(format: "%04d%02d%02d", 1940 + block * 5, 1 + sequence % 12, 1 + sequence % 28)
            let id = IDNumber.completing("610103" + birth + String(format: "%03d", sequence))
            rows.append(["居民\(i)", id, String(format: "139%08d", i), code, i % 10 == 0 ? "独居老人" : "", "第\(i)行"])
        }
        return SheetTable(header: ["姓名", "身份证号码", "手机号", "居住地编码", "标签", "备注"], rows: rows)
    }

    static func size(_ engine: TestEngine) -> Int { engine == .sqlite ? 10_000 : 2_000 }

    @Test(arguments: TestEngine.all)
    func aSheetOfManyBadRowsReportsTheFirstThousandAndTheTotal(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            var table = Self.sheet(2_500, code: f.h1.code)
            for i in table.rows.indices { table.rows[i][4] = "火星人" }
            let report = try await system.ledger.importLedger(table, mode: .insert, defaultRegionCode: nil, actor: f.actor(.communityStaff))
            #expect(!report.imported)
            #expect(report.problemCount == 2_500)
            #expect(report.problems.count == 1_000)
            #expect(report.problems.first?.row == 2)
            #expect(report.problems.last?.row == 1_001)
            #expect(try await system.residents.search(ResidentQuery(), actor: f.actor(.communityStaff)).total == 0)
        }
    }

    @Test(arguments: TestEngine.all)
    func threeBadRowsAreReportedExactlyAndNothingIsImportedUntilFixed(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let count = Self.size(engine)
            var table = Self.sheet(count, code: f.h1.code)
            var good = table
            table.rows[100][1] = String(table.rows[100][1].dropLast()) + (table.rows[100][1].last == "1" ? "2" : "1")
            table.rows[count / 2][4] = "火星人"
            table.rows[count - 1][3] = f.foreignHousehold.code
            let staff = f.actor(.communityStaff)
            let before = try await f.auditCount()
            // Through real XLSX bytes, as a worker's file would arrive.
            table = try XLSXFormat.read(try XLSXFormat.write(table))
            let report = try await system.ledger.importLedger(table, mode: .insert, defaultRegionCode: nil, actor: staff)
            #expect(!report.imported)
            #expect(report.problems.map(\.row) == [102, count / 2 + 2, count + 1])
            #expect(report.problems.map(\.column) == ["身份证号", "标签", "居住地编码"])
            #expect(report.problems[0].message.contains("校验位"))
            #expect(try await f.auditCount() == before)
            #expect(try await system.residents.search(ResidentQuery(), actor: staff).total == 0)

            good.rows[count - 1][3] = f.h1.code
            let done = try await system.ledger.importLedger(try XLSXFormat.read(try XLSXFormat.write(good)), mode: .insert,
                                                            defaultRegionCode: nil, actor: staff)
            #expect(done.imported)
            #expect(done.inserted == count)
            // Every new resident has its own audit entry (written in bulk), plus one for the
            // import, and the hash chain still holds.
            #expect(try await f.auditCount() == before + count + 1)
            let created = try await system.auditTrail.entries(.init(action: "resident.create", limit: 3), actor: f.actor(.districtAdmin))
            #expect(created.map { $0.after?.contains("\"source\":\"import\"") == true } == [true, true, true])
            try await system.sequencer.drain()
            #expect(try await AuditLog.verify(system.database) == .intact(rows: Int64(before + count + 1)))
            var query = ResidentQuery()
            query.tags = ["独居老人"]
            #expect(try await system.residents.search(query, actor: staff).total == count / 10)
            query = ResidentQuery()
            query.idNumber = good.rows[7][1]
            let found = try await system.residents.search(query, actor: staff).items
            #expect(found.map(\.name) == ["居民7"])
            #expect(found.first?.birthDate == "1940-08-08")
        }
    }

    /// The highest progress an import reported.
    final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        var highest: Int { lock.withLock { done } }
        func report(_ value: Int, _ total: Int) { lock.withLock { done = max(done, value) } }
    }

    @Test(arguments: TestEngine.all)
    func aProblemFoundAfterEarlierBatchesWereWrittenKeepsNothingOfThem(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            var ledger = system.ledger
            ledger.importBatchRows = 300
            let count = 1_500
            var table = Self.sheet(count, code: f.h1.code)
            let good = table
            table.rows[1_250][4] = "火星人"       // fifth batch
            table.rows[1_400][1] = table.rows[20][1]  // the ID number of row 22, again
            let before = try await f.auditCount()
            let progress = Progress()
            let report = try await ledger.importLedger(table, mode: .insert, defaultRegionCode: nil, actor: staff, progress: { progress.report($0, $1) })
            #expect(!report.imported)
            #expect(report.problems.map(\.row) == [1_252, 1_402])
            #expect(report.problems.map(\.column) == ["标签", "身份证号"])
            #expect(report.problems[1].message == "与第 22 行的身份证号重复")
            // The four clean batches before the problem were written, then rolled back.
            #expect(progress.highest == 1_200)
            #expect(try await f.auditCount() == before)
            #expect(try await system.residents.search(ResidentQuery(), actor: staff).total == 0)

            // A sheet whose first rows are registered already: they update across batches, the rest are added.
            let first = SheetTable(header: good.header, rows: Array(good.rows.prefix(400)))
            #expect(try await ledger.importLedger(first, mode: .insert, defaultRegionCode: nil, actor: staff).inserted == 400)
            var changed = good
            for i in 0..<400 { changed.rows[i][0] = "改名\(i)" }
            let refused = try await ledger.importLedger(changed, mode: .insert, defaultRegionCode: nil, actor: staff)
            #expect(refused.problems.count == 400 && refused.problems.allSatisfy { $0.message.contains("已登记") })
            let done = try await ledger.importLedger(changed, mode: .upsert, defaultRegionCode: nil, actor: staff)
            #expect(done.imported && done.updated == 400 && done.inserted == count - 400)
            #expect(try await system.residents.search(ResidentQuery(), actor: staff).total == count)
            var renamed = ResidentQuery()
            renamed.name = "改名"
            #expect(try await system.residents.search(renamed, actor: staff).total == 400)
            #expect(try await f.auditCount() == before + 400 + 1 + 400 + (count - 400) + 1)
            try await system.sequencer.drain()
            #expect(try await AuditLog.verify(system.database) == .intact(rows: Int64(before + 400 + 1 + 400 + (count - 400) + 1)))
        }
    }

    @Test(arguments: TestEngine.all)
    func exportingAndImportingTheExportChangesNothing(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            let count = engine == .sqlite ? 2_000 : 500
            _ = try await system.ledger.importLedger(Self.sheet(count, code: f.h1.code), mode: .insert, defaultRegionCode: nil, actor: staff)
            var all = ResidentQuery()
            all.limit = 500
            all.sort = .birthDate
            let before = try await system.residents.search(all, actor: staff).items
            let exported = try await system.ledger.exportLedger(ResidentQuery(), full: true, actor: staff)
            #expect(exported.rows.count == count)
            // Through the file format and back, as a worker would.
            let reread = try XLSXFormat.read(try XLSXFormat.write(exported))
            let again = try await system.ledger.importLedger(reread, mode: .insert, defaultRegionCode: nil, actor: staff)
            #expect(!again.imported)
            #expect(again.problemCount == count)
            #expect(again.problems.allSatisfy { $0.message.contains("已登记") })
            let upsert = try await system.ledger.importLedger(reread, mode: .upsert, defaultRegionCode: nil, actor: staff)
            #expect(upsert.updated == count)
            let after = try await system.residents.search(all, actor: staff).items
            #expect(after.map(\.name) == before.map(\.name))
            #expect(after.map(\.idNumberMasked) == before.map(\.idNumberMasked))
            #expect(after.map(\.phoneMasked) == before.map(\.phoneMasked))
            #expect(after.map(\.tags) == before.map(\.tags))
            #expect(after.map(\.regionId) == before.map(\.regionId))
            #expect(after.map(\.notes) == before.map(\.notes))
        }
    }

    @Test(arguments: TestEngine.all)
    func exportsAreMaskedUnlessAllowedAndAlwaysAudited(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            _ = try await system.ledger.importLedger(Self.sheet(20, code: f.h1.code), mode: .insert, defaultRegionCode: nil,
                                                     actor: f.actor(.communityStaff))
            _ = try await system.residents.create(ResidentDraft(regionId: f.g3.id, name: "三网格居民", phone: "13700000000"), actor: f.cli)
            let masked = try await system.ledger.exportLedger(ResidentQuery(), full: false, actor: f.actor(.gridWorker))
            #expect(masked.rows.count == 20)
            #expect(masked.rows.allSatisfy { $0[3].contains("********") && $0[4].contains("****") })
            await #expect(throws: DomainError.forbidden) {
                try await system.ledger.exportLedger(ResidentQuery(), full: true, actor: f.actor(.gridWorker))
            }
            let full = try await system.ledger.exportLedger(ResidentQuery(), full: true, actor: f.actor(.districtAdmin))
            #expect(full.rows.count == 21)
            #expect(full.rows.contains { $0[4] == "13700000000" })
            let entries = try await system.auditTrail.entries(.init(action: "resident.export"), actor: f.actor(.districtAdmin))
            #expect(entries.count == 2)
            #expect(entries.map { $0.after?.contains("\"full\":\"true\"") == true }.sorted { !$0 && $1 } == [false, true])
        }
    }

    @Test(arguments: TestEngine.all)
    func aGridWorkerCannotImportIntoAnotherGrid(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let report = try await system.ledger.importLedger(Self.sheet(3, code: f.g3.code), mode: .insert, defaultRegionCode: nil,
                                                              actor: f.actor(.gridWorker))
            #expect(report.problems.count == 3)
            #expect(report.problems.allSatisfy { $0.column == "居住地编码" })
        }
    }

    static func gbk(_ text: String) -> Data {
        let converter = iconv_open("GB18030", "UTF-8")
        defer { iconv_close(converter) }
        var input = Array(text.utf8CString.dropLast())
        var output = [CChar](repeating: 0, count: input.count * 2 + 8)
        let written = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return outBuffer.count - outLeft
            }
        }
        return Data(output.prefix(written).map { UInt8(bitPattern: $0) })
    }

    @Test(arguments: TestEngine.all)
    func aGBKCSVFromChineseExcelImportsWithCorrectChinese(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let csv = "姓名,性别,出生日期,与户主关系,人口类别,民族,标签\r\n欧阳秀英,女,1938/5/6,户主,户籍,汉,独居老人、高龄老人\r\n"
            let data = Self.gbk(csv)
            #expect(String(data: data, encoding: .utf8) == nil)
            let table = try CSVFormat.read(data)
            let report = try await system.ledger.importLedger(table, mode: .insert, defaultRegionCode: f.h1.code, actor: f.actor(.communityStaff))
            #expect(report.imported)
            var query = ResidentQuery()
            query.name = "欧阳"
            let resident = try #require(try await system.residents.search(query, actor: f.actor(.communityStaff)).items.first)
            #expect(resident.name == "欧阳秀英")
            #expect(resident.birthDate == "1938-05-06")
            #expect(resident.ethnicity == "汉族")
            #expect(resident.relation == .head)
            #expect(resident.tags == ["独居老人", "高龄老人"])
        }
    }

    @Test func spreadsheetWordsAndDatesAreUnderstood() throws {
        #expect(LedgerRules.normaliseDate("1950/3/8") == "1950-03-08")
        #expect(LedgerRules.normaliseDate("19500308") == "1950-03-08")
        #expect(LedgerRules.normaliseDate("1950年3月8日") == "1950-03-08")
        #expect(LedgerRules.normaliseDate("18330") == "1950-03-08")
        #expect(LedgerRules.idNumberProblem("6.10103195E+17") != nil)
        let (map, ignored) = try LedgerRules.columns(of: ["姓名*", "公民身份号码", "籍贯"])
        #expect(map[0] == .name && map[1] == .idNumber)
        #expect(ignored == ["籍贯"])
        #expect(throws: DomainError.self) { try LedgerRules.columns(of: ["电话", "地址"]) }
    }
}
