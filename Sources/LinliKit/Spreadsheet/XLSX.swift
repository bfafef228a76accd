import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Office Open XML spreadsheets (.xlsx): reads the first sheet as text (with `ZIPReader`, no
/// ZIPFoundation), and writes one sheet whose cells are all text (XLSX+Write.swift). Files
/// Excel, WPS and LibreOffice write are read; files we write open in all three.
public enum XLSXFormat {
    // MARK: Reading

    public static func read(_ data: Data, limits: SheetTable.Limits = .init()) throws -> SheetTable {
        guard data.count <= limits.maxFileBytes else {
            throw SpreadsheetError("文件过大（超过 \(limits.maxFileBytes / 1024 / 1024) MB）")
        }
        guard data.starts(with: [0x50, 0x4B]) else {
            throw SpreadsheetError("这不是有效的 Excel 文件（.xlsx）。如果是 .xls，请在 Excel 中另存为 .xlsx 后再导入")
        }
        // A zip bomb declares (or, lying, produces) far more bytes than it holds: refused
        // before anything is inflated, and again while inflating.
        let archive = try ZIPReader(data, maxUncompressed: limits.maxUncompressedBytes)
        var budget = limits.maxUncompressedBytes
        func contents(_ path: String) throws -> Data? {
            guard let entry = archive.entry(path) else { return nil }
            return try archive.contents(entry, budget: &budget)
        }
        let shared = try contents("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
        let sheetPath = try firstSheetPath(workbook: contents("xl/workbook.xml"), relations: contents("xl/_rels/workbook.xml.rels"))
        guard let sheet = try contents(sheetPath) ?? contents("xl/worksheets/sheet1.xml") else {
            throw SpreadsheetError("Excel 文件中没有工作表")
        }
        return try SheetParser.parse(sheet, sharedStrings: shared, limits: limits)
    }

    static func firstSheetPath(workbook: Data?, relations: Data?) -> String {
        guard let workbook, let relations else { return "xl/worksheets/sheet1.xml" }
        let sheetRelation = AttributeScanner.first(element: "sheet", attribute: "r:id", in: workbook)
        guard let id = sheetRelation,
              let target = AttributeScanner.all(element: "Relationship", in: relations).first(where: { $0["Id"] == id })?["Target"] else {
            return "xl/worksheets/sheet1.xml"
        }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// A → 0, AA → 26; nil for anything else, and for more than Excel's three letters (XFD),
    /// so that no reference can overflow the arithmetic.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int(scalar.value - 64)
        }
        return letters > 0 ? index - 1 : nil
    }

    static func xmlEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids other control characters: drop them.
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// Reads `<si>` items of sharedStrings.xml (plain or rich text).
final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false

    static func parse(_ data: Data) throws -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        guard parser.parse() else { throw SpreadsheetError("Excel 文件的共享字符串表已损坏") }
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { XMLStop.now(parser) }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// Reads the cells of a worksheet into rows of text.
final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    let limits: SheetTable.Limits
    var rows: [Int: [Int: String]] = [:]
    var rowNumber = 0
    var column = 0
    var type = ""
    var value = ""
    var inValue = false
    var failure: SpreadsheetError?

    /// Excel's last row (1,048,576); a larger `r` is a damaged or hostile file.
    static let maxRowNumber = 1_048_576

    init(shared: [String], limits: SheetTable.Limits) {
        self.shared = shared
        self.limits = limits
    }

    static func parse(_ data: Data, sharedStrings: [String], limits: SheetTable.Limits) throws -> SheetTable {
        let delegate = SheetParser(shared: sharedStrings, limits: limits)
        // A stream feeds libxml2 in chunks; given the whole document at once it refuses
        // anything over about 10 MB, which a sheet of 200,000 residents exceeds.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard ok else { throw SpreadsheetError("Excel 工作表已损坏，无法读取") }
        let numbers = delegate.rows.keys.sorted()
        guard let first = numbers.first else { throw SpreadsheetError("工作表是空的") }
        let width = (delegate.rows.values.flatMap(\.keys).max() ?? 0) + 1
        func line(_ n: Int) -> [String] { (0..<width).map { delegate.rows[n]?[$0] ?? "" } }
        var header = line(first).map { $0.trimmingCharacters(in: .whitespaces) }
        while header.last == "" { header.removeLast() }
        var table = SheetTable(header: header, rows: [])
        var lineNumbers: [Int] = []
        for n in numbers.dropFirst() {
            let cells = Array(line(n).prefix(max(header.count, 1)))
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            table.rows.append(cells)
            lineNumbers.append(n)
        }
        table.rowNumbers = lineNumbers
        return table
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { XMLStop.now(parser) }

    func fail(_ message: String, _ parser: XMLParser) {
        if failure == nil { failure = SpreadsheetError(message) }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            if let reference = attributes["r"] {
                guard let number = Int(reference), (1...Self.maxRowNumber).contains(number) else {
                    fail("工作表的行号「\(reference.prefix(20))」无效，文件已损坏", parser)
                    return
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            column = -1
            if rows.count > limits.maxRows { fail("行数超过上限 \(limits.maxRows)，请分批导入", parser) }
        case "c":
            guard failure == nil else { return }
            if let reference = attributes["r"] {
                guard let index = XLSXFormat.columnIndex(reference) else {
                    fail("第 \(rowNumber) 行的单元格位置「\(reference.prefix(20))」无效，文件已损坏", parser)
                    return
                }
                column = index
            } else {
                column += 1
            }
            if column >= limits.maxColumns {
                fail("第 \(rowNumber) 行超过 \(limits.maxColumns) 列，请只保留需要导入的列", parser)
            }
            type = attributes["t"] ?? "n"
            value = ""
        case "f":
            fail("第 \(rowNumber) 行 \(XLSXFormat.columnName(column)) 列是公式。请把公式复制后“粘贴为数值”再导入", parser)
        case "v", "t":
            inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch name {
        case "v", "t": inValue = false
        case "c":
            let text: String
            switch type {
            case "s":
                guard let index = Int(value), shared.indices.contains(index) else {
                    fail("第 \(rowNumber) 行 \(XLSXFormat.columnName(column)) 列引用的文字不存在，文件已损坏", parser)
                    return
                }
                text = shared[index]
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            case "n": text = Self.plainNumber(value)
            default: text = value
            }
            if !text.isEmpty { rows[rowNumber, default: [:]][column] = text }
        default: break
        }
    }

    /// Excel keeps numbers as doubles: write integral ones without exponent or ".0".
    static func plainNumber(_ text: String) -> String {
        guard let number = Double(text), number.rounded() == number, abs(number) < 1e15 else { return text }
        return String(Int64(number))
    }
}

/// Reads attributes of elements from small XML parts (workbook and relations).
final class AttributeScanner: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []
    init(element: String) { self.element = element }

    static func all(element: String, in data: Data) -> [[String: String]] {
        let scanner = AttributeScanner(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = scanner
        _ = parser.parse()
        return scanner.found
    }
    static func first(element: String, attribute: String, in data: Data) -> String? {
        all(element: element, in: data).first?[attribute]
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == element || qualifiedName == element { found.append(attributes) }
    }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { XMLStop.now(parser) }
}

/// Foundation's XMLParser on Linux goes on after a well-formedness error, and some
/// malformed element names that follow one make it trap (found by fuzz/targets/XLSXTarget:
/// `<te8=…</t><te手</t>` with a default namespace). Every delegate stops at the first error.
enum XMLStop {
    static func now(_ parser: XMLParser) { parser.abortParsing() }
}
