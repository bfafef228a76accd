import Foundation
import LinliKit
import Testing
import ZIPFoundation

@Suite("Spreadsheets: XLSX and CSV in, XLSX and CSV out")
struct SpreadsheetTests {
    static let table = SheetTable(header: ["姓名", "身份证号", "电话", "备注"],
                                  rows: [["张伟", "11010519491231002X", "13800138000", "=HYPERLINK(\"http://evil\")"],
                                         ["欧阳娜娜", "440304200111090038", "", "含,逗号与\"引号\"\n和换行"]])

    @Test func anXLSXWeWriteReadsBackWithEveryDigitAndFormulasNeutralised() throws {
        let data = try XLSXFormat.write(Self.table, sheetName: "居民台账")
        let read = try XLSXFormat.read(data)
        #expect(read.header == Self.table.header)
        #expect(read.rows[0][1] == "11010519491231002X")
        #expect(read.rows[0][2] == "13800138000")
        #expect(read.rows[0][3] == "'=HYPERLINK(\"http://evil\")")
        #expect(read.rows[1][3] == Self.table.rows[1][3])
        #expect(read.rowNumber(1) == 3)
    }

    /// Issue 17: in 办理统计's XLSX every figure was text ('13', '100.0%'), so Excel could not sum it.
    @Test func typedCellsAreNumbersAndPercentagesWhileCodesStayText() throws {
        let data = try XLSXFormat.write(header: ["区域", "编码", "受理量", "结案率", "平均处置（小时）"], rows: [
            [.text("东关街道"), .text("610103001"), .number(13), .percent(0.9), .decimal(3.5)],
            [.text("西华街道"), .text("610103002"), .number(0), .empty, .empty],
        ])
        let archive = try Archive(data: data, accessMode: .read)
        func text(_ path: String) throws -> String {
            var bytes = Data()
            _ = try archive.extract(try #require(archive[path])) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let sheet = try text("xl/worksheets/sheet1.xml"), styles = try text("xl/styles.xml")
        #expect(sheet.contains("<c r=\"C2\" s=\"2\"><v>13.0</v></c>"))
        #expect(sheet.contains("<c r=\"D2\" s=\"4\"><v>0.9</v></c>"))
        #expect(sheet.contains("<c r=\"E2\" s=\"3\"><v>3.5</v></c>"))
        #expect(sheet.contains("<c r=\"B2\" s=\"0\" t=\"inlineStr\"><is><t xml:space=\"preserve\">610103001</t>"), "codes keep their digits")
        #expect(!sheet.contains("r=\"D3\""), "a rate with nothing to count is left empty")
        #expect(styles.contains("formatCode=\"0.0%\"") && styles.contains("<cellXfs count=\"5\">"))
        // Our own reader still reads it (figures as their text).
        let read = try XLSXFormat.read(data)
        #expect(read.rows[0][0] == "东关街道" && read.rows[0][1] == "610103001")
    }

    @Test func aCSVWeWriteStartsWithABOMAndQuotesWhatNeedsIt() throws {
        let data = CSVFormat.write(Self.table)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let read = try CSVFormat.read(data)
        #expect(read.rows[0][3] == "'=HYPERLINK(\"http://evil\")")
        #expect(read.rows[1][3] == Self.table.rows[1][3])
    }

    @Test func aGBKCSVFromChineseExcelReadsAsChinese() throws {
        let gbk: [UInt8] = [208, 213, 195, 251, 44, 181, 231, 187, 176, 44, 181, 216, 214, 183, 13, 10, 213, 197, 206, 176, 44, 49, 51, 56, 48,
                            48, 49, 51, 56, 48, 48, 48, 44, 34, 182, 171, 185, 216, 189, 214, 181, 192, 44, 189, 168, 201, 232, 201, 231, 199, 248, 34, 13, 10]
        let table = try CSVFormat.read(Data(gbk))
        #expect(table.header == ["姓名", "电话", "地址"])
        #expect(table.rows == [["张伟", "13800138000", "东关街道,建设社区"]])
    }

    @Test func somethingRenamedToXLSXIsRefusedPlainly() {
        #expect(throws: SpreadsheetError.self) { try XLSXFormat.read(Data("姓名,电话\n".utf8)) }
        #expect(throws: SpreadsheetError.self) { try XLSXFormat.read(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])) }
    }

    @Test func aZipBombIsRefusedBeforeItIsInflated() throws {
        // 5 MB of one repeated row compresses to a few kilobytes.
        let row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>炸</t></is></c></row>"
        let sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + String(repeating: row, count: 5 * 1024 * 1024 / row.utf8.count) + "</sheetData></worksheet>"
        let data = try XLSXFormat.package(sheetXML: sheet)
        #expect(data.count < 200_000)
        var limits = SheetTable.Limits()
        limits.maxUncompressedBytes = 1024 * 1024
        #expect(throws: SpreadsheetError("文件解压后过大，已拒绝（疑似压缩炸弹）")) { try XLSXFormat.read(data, limits: limits) }
    }

    @Test func aFileOverTheSizeLimitIsRefused() {
        var limits = SheetTable.Limits()
        limits.maxFileBytes = 1000
        #expect(throws: SpreadsheetError.self) { try XLSXFormat.read(Data(count: 2000), limits: limits) }
        #expect(throws: SpreadsheetError.self) { try CSVFormat.read(Data(count: 2000), limits: limits) }
    }

    @Test func tenThousandColumnsAreRefused() throws {
        let wide = SheetTable(header: (0..<10_000).map { "列\($0)" }, rows: [])
        do {
            _ = try XLSXFormat.read(try XLSXFormat.write(wide))
            Issue.record("accepted")
        } catch let error as SpreadsheetError {
            #expect(error.message.contains("超过 100 列"))
        }
        let csv = Data(((0..<10_000).map { "c\($0)" }.joined(separator: ",") + "\n").utf8)
        #expect(throws: SpreadsheetError.self) { try CSVFormat.read(csv) }
    }

    @Test func formulaCellsAreRefusedWithWhereTheyAre() throws {
        let sheet = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>
        <row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>
        """
        #expect(throws: SpreadsheetError("第 2 行 A 列是公式。请把公式复制后“粘贴为数值”再导入")) {
            try XLSXFormat.read(try XLSXFormat.package(sheetXML: sheet))
        }
    }

    @Test func sharedStringsNumbersAndBlankRowsAreReadAsExcelWritesThem() throws {
        let sheet = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
        <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>13800138000</v></c><c r="C3"><v>1.3800138001E10</v></c></row>
        </sheetData></worksheet>
        """
        let archive = try Archive(data: try XLSXFormat.package(sheetXML: sheet), accessMode: .update)
        let shared = Data("""
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><r><t>电</t></r><r><t>话</t></r></si><si><t>张伟</t></si></sst>
        """.utf8)
        try archive.addEntry(with: "xl/sharedStrings.xml", type: .file, uncompressedSize: Int64(shared.count)) { position, size in
            shared.subdata(in: Int(position)..<Int(position) + size)
        }
        let table = try XLSXFormat.read(archive.data!)
        #expect(table.header == ["姓名", "", "电话"])
        #expect(table.rows == [["张伟", "13800138000", "13800138001"]])
        #expect(table.rowNumber(0) == 3)
    }

    @Test(arguments: ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx"])
    func dangerousCellsAreNeutralised(text: String) {
        #expect(CellGuard.neutralise(text) == "'" + text)
    }

    @Test func ordinaryCellsAreLeftAlone() {
        #expect(CellGuard.neutralise("张伟") == "张伟")
        #expect(CellGuard.neutralise("13800138000") == "13800138000")
    }
}

@Suite("Spreadsheets: large sheets")
struct LargeSheetTests {
    @Test func aSheetLargerThanTenMegabytesStillReads() throws {
        // libxml2 refuses a document over about 10 MB handed over in one piece; we stream it.
        let row = "<row><c t=\"inlineStr\"><is><t>张伟</t></is></c><c t=\"inlineStr\"><is><t>13800138000</t></is></c></row>"
        let count = 12 * 1024 * 1024 / row.utf8.count
        let sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + String(repeating: row, count: count) + "</sheetData></worksheet>"
        let table = try XLSXFormat.read(try XLSXFormat.package(sheetXML: sheet))
        #expect(table.rows.count == count - 1)
        #expect(table.rows.last == ["张伟", "13800138000"])
    }
}
