import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CSV as community workers' Excel saves it: UTF-8 (with or without BOM) or, from a Chinese
/// Excel, GBK/GB18030. Quoted fields, doubled quotes, CRLF or LF.
public enum CSVFormat {
    public static func read(_ data: Data, limits: SheetTable.Limits = .init()) throws -> SheetTable {
        guard data.count <= limits.maxFileBytes else {
            throw SpreadsheetError("文件过大（超过 \(limits.maxFileBytes / 1024 / 1024) MB）")
        }
        // Text never holds a NUL byte; an image or a PDF does, in its first few bytes.
        guard !data.prefix(4096).contains(0) else { throw SpreadsheetError("这不是表格文件：请上传 Excel（.xlsx）或 CSV 文件") }
        let text = try decode(data)
        var records = try parse(text, maxColumns: limits.maxColumns, maxRows: limits.maxRows + 1)
        while let last = records.last, last.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { records.removeLast() }
        guard let header = records.first else { throw SpreadsheetError("文件是空的") }
        return SheetTable(header: header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
    }

    /// UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK and GB2312).
    public static func decode(_ data: Data) throws -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let text = gb18030(bytes) { return text }
        throw SpreadsheetError("无法识别文件编码（应为 UTF-8 或 GBK）")
    }

    static func gb18030(_ data: Data) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (i, byte) in raw.enumerated() { input[i] = CChar(bitPattern: byte) }
        }
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(decoding: output.prefix(converted).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func parse(_ text: String, maxColumns: Int, maxRows: Int) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endField() throws {
            record.append(field)
            field = ""
            if record.count > maxColumns { throw SpreadsheetError("第 \(records.count + 1) 行超过 \(maxColumns) 列，请只保留需要导入的列") }
        }
        func endRecord() throws {
            try endField()
            records.append(record)
            record = []
            if records.count > maxRows { throw SpreadsheetError("行数超过上限 \(maxRows - 1)，请分批导入") }
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",": try endField()
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                try endRecord()
            case "\n": try endRecord()
            default: field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw SpreadsheetError("文件末尾有未闭合的引号") }
        if !field.isEmpty || !record.isEmpty { try endRecord() }
        return records
    }

    /// UTF-8 with a BOM (so Excel shows Chinese correctly), CRLF line ends, neutralised cells.
    public static func write(_ table: SheetTable) -> Data {
        func escape(_ text: String) -> String {
            let safe = CellGuard.neutralise(text)
            return safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }
        var text = ([table.header] + table.rows).map { $0.map(escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        text = "\u{FEFF}" + text
        return Data(text.utf8)
    }
}
