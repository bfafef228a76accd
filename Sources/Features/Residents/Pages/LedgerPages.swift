import Foundation
import Hummingbird
import LinliKit

/// The console's ledger pages: import (with a report of every problem), the template, export.
struct LedgerPages {
    let ledger: LedgerService
    let web: Web

    struct ImportModel {
        let csrf: String, report: ReportView?, community: String, upsert: Bool, error: String?
    }
    struct ReportView {
        let imported: Bool, total: Int, inserted: Int, updated: Int, problemCount: Int, problems: [ImportProblem], ignored: String
        /// A stored flag, since templates see only stored properties.
        let hasIgnored: Bool
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("residents/import", use: importForm)
        router.post("residents/import", use: importFile)
        router.get("residents/import/template.xlsx", use: template)
        router.get("residents/export", use: export)
    }

    func importPage(request: Request, context: AppContext, report: ImportReport? = nil, community: String = "",
                    upsert: Bool = false, error: DomainError? = nil) throws -> Response {
        _ = try context.requireActor(.residentManage)
        let view = report.map {
            ReportView(imported: $0.imported, total: $0.total, inserted: $0.inserted, updated: $0.updated,
                       problemCount: $0.problemCount, problems: Array($0.problems.prefix(500)),
                       ignored: $0.ignoredColumns.joined(separator: "、"), hasIgnored: !$0.ignoredColumns.isEmpty)
        }
        let failed = error != nil || report?.imported == false
        return web.page("residents.import", title: "导入居民台账",
                        model: ImportModel(csrf: context.csrfToken, report: view, community: community, upsert: upsert, error: error?.message),
                        request: request, context: context, status: failed ? .unprocessableContent : .ok)
    }

    @Sendable func importForm(_ request: Request, context: AppContext) async throws -> Response {
        try importPage(request: request, context: context)
    }

    @Sendable func importFile(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.residentManage)
        var request = request
        let form = try await MultipartForm.from(&request)
        let community = form.text("community") ?? ""
        let upsert = form.text("mode") == ImportMode.upsert.rawValue
        do {
            guard let file = form.part("file"), !file.data.isEmpty else { throw DomainError.invalid("file", "请选择要导入的文件") }
            let table = try SheetTable.upload(file.data, filename: file.filename)
            let report = try await ledger.importLedger(table, mode: upsert ? .upsert : .insert,
                                                      defaultRegionCode: community.isEmpty ? nil : community, actor: actor)
            return try importPage(request: request, context: context, report: report, community: community, upsert: upsert)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .payloadTooLarge {
            return try importPage(request: request, context: context, community: community, upsert: upsert, error: error)
        }
    }

    @Sendable func template(_ request: Request, context: AppContext) async throws -> Response {
        _ = try context.requireActor(.residentManage)
        return try LedgerFiles.download(LedgerService.template, format: "xlsx", name: "居民台账导入模板")
    }

    @Sendable func export(_ request: Request, context: AppContext) async throws -> Response {
        try await LedgerFiles.export(request, context: context, ledger: ledger)
    }
}
