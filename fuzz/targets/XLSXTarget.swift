import Foundation

/// libFuzzer target for the XLSX reader (zip directory, shared strings, sheet XML), with
/// small limits so that each run stays fast. Refusals are fine; a trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(UnsafeBufferPointer(start: start, count: count))
    var limits = SheetTable.Limits()
    limits.maxUncompressedBytes = 4 * 1024 * 1024
    limits.maxRows = 2_000
    limits.maxColumns = 200
    if let table = try? XLSXFormat.read(data, limits: limits) {
        for (index, row) in table.rows.enumerated() { _ = table.rowNumber(index); _ = row.count }
    }
    return 0
}
