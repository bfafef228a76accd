import Foundation
import Hummingbird
import LinliKit

/// 导入纸质台账: the form, the template, the upload.
extension VolunteersPages {
    struct ImportModel { let csrf: String, error: String?, imported: Int, hasImported: Bool, columns: String }

    @Sendable func importForm(_ request: Request, context: AppContext) async throws -> Response {
        try importPage(request, context)
    }

    func importPage(_ request: Request, _ context: AppContext, imported: Int? = nil, error: DomainError? = nil) throws -> Response {
        _ = try context.requireActor(.volunteerManage)
        let model = ImportModel(csrf: context.csrfToken, error: error?.message, imported: imported ?? 0, hasImported: imported != nil,
                                columns: PaperLedger.header.joined(separator: "、"))
        return web.page("volunteers.import", title: "导入服务记录", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func importFile(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        var request = request
        let form = try await MultipartForm.from(&request)
        do {
            guard let file = form.part("file"), !file.data.isEmpty else { throw DomainError.invalid("file", "请选择要导入的文件") }
            let count = try await volunteers.importLedger(try SheetTable.upload(file.data, filename: file.filename), actor: actor)
            return try importPage(request, context, imported: count)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .payloadTooLarge {
            return try importPage(request, context, error: error)
        }
    }

    @Sendable func importTemplate(_ request: Request, context: AppContext) async throws -> Response {
        _ = try context.requireActor(.volunteerManage)
        let example: [SheetCell] = [.text("61019900000001"), .text("2025-03-15"), .text("敬老院探访"), .text("建设社区"), .text("独居老人"),
                                    .decimal(2.5), .text("王队长")]
        return Self.xlsx(try XLSXFormat.write(header: PaperLedger.header, rows: [example], sheetName: "服务记录"), name: "服务记录导入模板.xlsx")
    }
}
