import Foundation

/// libFuzzer target for the CSV reader (UTF-8 or GBK, quotes, line ends).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(UnsafeBufferPointer(start: start, count: count))
    var limits = SheetTable.Limits()
    limits.maxRows = 2_000
    limits.maxColumns = 200
    if let table = try? CSVFormat.read(data, limits: limits) {
        for (index, _) in table.rows.enumerated() { _ = table.rowNumber(index) }
        _ = CSVFormat.write(table)
    }
    return 0
}
