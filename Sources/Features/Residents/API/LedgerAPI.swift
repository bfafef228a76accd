import Foundation
import Hummingbird
import LinliKit

/// The ledger files over the API: export, and import of a whole sheet sent as the body.
struct LedgerAPI {
    let ledger: LedgerService

    func addRoutes(to router: Router<AppContext>) {
        router.get("api/v1/residents/export", use: export)
        router.post("api/v1/residents/import", use: importSheet)
    }

    @Sendable func export(_ request: Request, context: AppContext) async throws -> Response {
        try await LedgerFiles.export(request, context: context, ledger: ledger)
    }

    /// 导入: the body is the xlsx or csv file; nothing is written unless every row is right.
    @Sendable func importSheet(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.residentManage)
        var query = Fields.query(request)
        let mode = query.choice("mode", "导入方式", parse: ImportMode.init(rawValue:)) ?? .insert
        let community = query.text("community", "默认社区编码", maxLength: 30)
        let format = query.choice("format", "格式", parse: { ["xlsx", "csv"].contains($0) ? $0 : nil })
        try query.finish()
        var request = request
        let table = try await request.uploadedSheet(format: format)
        let report = try await ledger.importLedger(table, mode: mode, defaultRegionCode: community, actor: actor)
        return try Web.json(report, status: report.imported ? .ok : .unprocessableContent)
    }
}
