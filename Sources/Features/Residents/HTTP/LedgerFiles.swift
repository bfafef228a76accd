import Foundation
import Hummingbird
import LinliKit

/// The resident ledger as files: what an upload is read as and how a download is answered,
/// for the console and the API alike.
enum LedgerFiles {
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// A ledger download as XLSX or CSV, named in Chinese.
    static func download(_ table: SheetTable, format: String, name: String) throws -> Response {
        let data = format == "csv" ? CSVFormat.write(table) : try XLSXFormat.write(table, sheetName: name)
        let file = "\(name).\(format == "csv" ? "csv" : "xlsx")"
        return Response(status: .ok, headers: [
            .contentType: format == "csv" ? "text/csv; charset=utf-8" : xlsxType,
            .contentDisposition: "attachment; filename=\"ledger.\(format == "csv" ? "csv" : "xlsx")\"; filename*=UTF-8''\(file.urlQueryEscaped)",
            .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 导出: the ledger of the query's filter as xlsx (default) or csv; `full=1` unmasked.
    static func export(_ request: Request, context: AppContext, ledger: LedgerService) async throws -> Response {
        let actor = try context.requireActor()
        var fields = Fields.query(request)
        let format = fields.choice("format", "格式", parse: { ["xlsx", "csv"].contains($0) ? $0 : nil }) ?? "xlsx"
        let full = fields.bool("full")
        var filter = ResidentFilter(&fields, place: .id)
        if let code = fields.text("regionCode", "区域", maxLength: 60) {
            filter.query.regionId = try await ledger.regions.node(named: code, field: "regionCode", actor: actor).id
        }
        try fields.finish()
        let table = try await ledger.exportLedger(filter.query, full: full, actor: actor)
        return try download(table, format: format, name: full ? "居民台账（完整）" : "居民台账")
    }
}
