import Foundation
import ZIPFoundation

/// One cell of a sheet that is written, not read: text stays text (ID and phone numbers keep
/// every digit), figures are numbers Excel can sum, rates are percentages.
public enum SheetCell: Sendable, Equatable {
    case text(String)
    /// A count or an amount, shown as it is.
    case number(Double)
    /// A value shown with one decimal, e.g. hours `3.5`.
    case decimal(Double)
    /// A fraction shown as a percentage with one decimal: `0.9` is `90.0%`.
    case percent(Double)
    case empty

    /// The cell's style in `styles.xml` (`cellXfs`): 0 text, 1 bold text, 2 general, 3 `0.0`, 4 `0.0%`.
    var style: Int {
        switch self {
        case .text, .empty: 0
        case .number: 2
        case .decimal: 3
        case .percent: 4
        }
    }
}

/// Writing: one sheet. `write(_ table:)` writes every cell as text, so ID and phone numbers
/// keep every digit; `write(header:rows:)` writes typed cells.
extension XLSXFormat {
    public static func write(_ table: SheetTable, sheetName: String = "Sheet1") throws -> Data {
        try write(header: table.header, rows: table.rows.map { $0.map { $0.isEmpty ? SheetCell.empty : .text($0) } }, sheetName: sheetName)
    }

    public static func write(header: [String], rows: [[SheetCell]], sheetName: String = "Sheet1") throws -> Data {
        try package(sheetXML: sheetXML(header: header, rows: rows), sheetName: sheetName)
    }

    /// A workbook around one worksheet's XML (also used by tests to build unusual files).
    public static func package(sheetXML: String, sheetName: String = "Sheet1") throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let files: [(String, String)] = [
            ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """),
            ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """),
            ("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(xmlEscape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """),
            ("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """),
            ("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ]
        for (path, text) in files {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    static func sheetXML(header: [String], rows: [[SheetCell]]) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>
        """
        func width(_ cell: SheetCell) -> Int {
            switch cell {
            case .text(let text): text.count
            case .number, .decimal, .percent: 8
            case .empty: 0
            }
        }
        for (index, title) in header.enumerated() {
            let widest = max(title.count * 2, rows.prefix(200).map { $0.count > index ? width($0[index]) : 0 }.max() ?? 0)
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(max(widest + 2, 8), 60))\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        for (rowIndex, row) in ([header.map(SheetCell.text)] + rows).enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = "\(columnName(columnIndex))\(rowIndex + 1)"
                switch cell {
                case .empty: continue
                case .text(let value):
                    guard !value.isEmpty else { continue }
                    let style = rowIndex == 0 ? 1 : 0
                    xml += "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xmlEscape(CellGuard.neutralise(value)))</t></is></c>"
                case .number(let value), .decimal(let value), .percent(let value):
                    guard value.isFinite else { continue }
                    xml += "<c r=\"\(reference)\" s=\"\(cell.style)\"><v>\(value)</v></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }
}
