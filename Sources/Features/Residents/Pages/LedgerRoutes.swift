import Foundation
import Hummingbird
import LinliKit

/// Spreadsheet import and export of the resident ledger, for the console and the API.
struct LedgerRoutes {
    let ledger: LedgerService
    let web: Web

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    struct ImportModel {
        let csrf: String, report: ReportView?, community: String, upsert: Bool, error: String?
    }
    struct ReportView {
        let imported: Bool, total: Int, inserted: Int, updated: Int, problemCount: Int, problems: [ImportProblem], ignored: String
    }

    /// Reads an uploaded file as XLSX or CSV, by its name or content.
    static func table(_ data: Data, filename: String?) throws -> SheetTable {
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

    static func download(_ table: SheetTable, format: String, name: String) throws -> Response {
        let data = format == "csv" ? CSVFormat.write(table) : try XLSXFormat.write(table, sheetName: name)
        let file = "\(name).\(format == "csv" ? "csv" : "xlsx")"
        return Response(status: .ok, headers: [
            .contentType: format == "csv" ? "text/csv; charset=utf-8" : xlsxType,
            .contentDisposition: "attachment; filename=\"ledger.\(format == "csv" ? "csv" : "xlsx")\"; filename*=UTF-8''\(file.urlQueryEscaped)",
            .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func importPage(request: Request, context: AppContext, report: ImportReport? = nil, community: String = "",
                    upsert: Bool = false, error: DomainError? = nil) throws -> Response {
        _ = try context.requireActor(.residentManage)
        let view = report.map {
            ReportView(imported: $0.imported, total: $0.total, inserted: $0.inserted, updated: $0.updated,
                       problemCount: $0.problemCount, problems: Array($0.problems.prefix(500)),
                       ignored: $0.ignoredColumns.joined(separator: "、"))
        }
        let failed = error != nil || report?.imported == false
        return web.page("residents.import", title: "导入居民台账",
                        model: ImportModel(csrf: context.csrfToken, report: view, community: community, upsert: upsert, error: error?.message),
                        request: request, context: context, status: failed ? .unprocessableContent : .ok)
    }

    func export(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var fields = Fields.query(request)
        let format = fields.choice("format", "格式", parse: { ["xlsx", "csv"].contains($0) ? $0 : nil }) ?? "xlsx"
        let full = fields.bool("full")
        var filter = ResidentFilter(&fields, place: .id)
        if let code = fields.text("regionCode", "区域编码", maxLength: 30) {
            filter.query.regionId = try await ledger.regions.node(code: code, actor: actor).id
        }
        try fields.finish()
        let table = try await ledger.exportLedger(filter.query, full: full, actor: actor)
        return try Self.download(table, format: format, name: full ? "居民台账（完整）" : "居民台账")
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("residents/import") { request, context in try importPage(request: request, context: context) }
        router.post("residents/import") { request, context in
            let actor = try context.requireActor(.residentManage)
            var request = request
            let form = try await MultipartForm.from(&request)
            let community = form.text("community") ?? ""
            let upsert = form.text("mode") == ImportMode.upsert.rawValue
            do {
                guard let file = form.part("file"), !file.data.isEmpty else { throw DomainError.invalid("file", "请选择要导入的文件") }
                let table = try Self.table(file.data, filename: file.filename)
                let report = try await ledger.importLedger(table, mode: upsert ? .upsert : .insert,
                                                          defaultRegionCode: community.isEmpty ? nil : community, actor: actor)
                return try importPage(request: request, context: context, report: report, community: community, upsert: upsert)
            } catch let error as DomainError where error.kind == .invalid || error.kind == .payloadTooLarge {
                return try importPage(request: request, context: context, community: community, upsert: upsert, error: error)
            }
        }
        router.get("residents/import/template.xlsx") { _, context in
            _ = try context.requireActor(.residentManage)
            return try Self.download(LedgerService.template, format: "xlsx", name: "居民台账导入模板")
        }
        router.get("residents/export") { request, context in try await export(request, context: context) }
        router.get("api/v1/residents/export") { request, context in try await export(request, context: context) }
        router.post("api/v1/residents/import") { request, context in
            let actor = try context.requireActor(.residentManage)
            var query = Fields.query(request)
            let mode = query.choice("mode", "导入方式", parse: ImportMode.init(rawValue:)) ?? .insert
            let community = query.text("community", "默认社区编码", maxLength: 30)
            let format = query.choice("format", "格式", parse: { ["xlsx", "csv"].contains($0) ? $0 : nil })
            try query.finish()
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: MultipartForm.maximumBodySize)
            } catch {
                throw DomainError(kind: .payloadTooLarge, code: "payload_too_large", message: "上传的文件过大（上限 20 MB）")
            }
            let type = request.headers[.contentType] ?? ""
            let filename = format.map { "upload.\($0)" } ?? (type.contains("csv") ? "upload.csv" : nil)
            let table = try Self.table(Data(buffer: body), filename: filename)
            let report = try await ledger.importLedger(table, mode: mode, defaultRegionCode: community, actor: actor)
            return try Web.json(report, status: report.imported ? .ok : .unprocessableContent)
        }
    }
}
