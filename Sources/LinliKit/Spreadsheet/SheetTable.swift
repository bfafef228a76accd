/// A spreadsheet's first sheet as text: a header row and data rows. Row numbers in messages
/// are the spreadsheet's own (the header is row 1).
public struct SheetTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// The spreadsheet row number of each data row, where the file knows it (blank rows in an
    /// XLSX are skipped but keep their numbers); otherwise data row i is row i + 2.
    public var rowNumbers: [Int]? = nil

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    public func rowNumber(_ index: Int) -> Int { rowNumbers?[index] ?? index + 2 }

    /// Limits that keep a hostile or mistaken file from exhausting the server.
    public struct Limits: Sendable {
        public var maxFileBytes = 20 * 1024 * 1024
        public var maxUncompressedBytes: UInt64 = 200 * 1024 * 1024
        public var maxRows = 1_100_000
        public var maxColumns = 100
        public init() {}
    }
}

/// Why a file could not be read, in zh-CN.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var domainError: DomainError { DomainError.invalid("file", message) }
}

/// Spreadsheet formula injection (CSV/XLSX "formula injection"): text that Excel would run as a
/// formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage return — gets a leading `'`.
public enum CellGuard {
    public static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
