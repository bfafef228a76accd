import Foundation

extension SheetTable {
    /// An uploaded file read as XLSX or CSV, by its name or its content; an old `.xls` or an
    /// unreadable file is a zh-CN input error.
    public static func upload(_ data: Data, filename: String?) throws -> SheetTable {
        do {
            let name = filename?.lowercased() ?? ""
            if name.hasSuffix(".csv") || name.hasSuffix(".txt") { return try CSVFormat.read(data) }
            if name.hasSuffix(".xls") && !data.starts(with: [0x50, 0x4B]) {
                throw SpreadsheetError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入")
            }
            return data.starts(with: [0x50, 0x4B]) || name.hasSuffix(".xlsx") ? try XLSXFormat.read(data) : try CSVFormat.read(data)
        } catch let error as SpreadsheetError {
            throw error.domainError
        }
    }
}
