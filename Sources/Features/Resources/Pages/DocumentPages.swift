import Foundation
import Hummingbird
import LinliKit

/// 证照与年报 on an organisation's page: upload, download, delete.
extension ResourcesPages {
    struct DocumentRow { let documentId: Int64, organisationId: Int64, title: String, kindLabel: String, size: String, uploaded: String, by: String }

    static func documentRows(_ documents: [OrganisationDocument]) -> [DocumentRow] {
        documents.map { d in
            DocumentRow(documentId: d.id, organisationId: d.organisationId, title: d.title, kindLabel: d.kind.label, size: sizeText(d.byteCount),
                        uploaded: Date(millis: d.uploadedAt).shanghaiText, by: d.uploadedBy)
        }
    }

    static func sizeText(_ bytes: Int64) -> String {
        bytes < 1024 * 1024 ? "\(max(1, bytes / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    /// Where the organisation's page is for this actor: staff open it among the resources,
    /// its own staff as 本组织.
    func organisationHome(_ id: Int64, actor: Actor) -> String {
        actor.may(.resourcesView) ? "/resources/organisations/\(id)" : "/my/organisation"
    }

    @Sendable func addDocument(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        var request = request
        var (fields, files): (Fields, [Data])
        do {
            (fields, files) = try await request.fieldsAndFiles(context, fileField: "file")
        } catch let error as DomainError where error.kind == .payloadTooLarge {
            return web.redirect(to: organisationHome(id, actor: actor), flash: "文件太大，没有上传：单个文件不超过 10 MB")
        }
        return try await web.formAction({
            let input = try DocumentInput(&fields, file: files.first ?? Data())
            let saved = try await resources.addDocument(organisationId: id, input.draft, actor: actor)
            return (organisationHome(id, actor: actor) + "#organisation-documents", "已上传：\(saved.title)")
        }, orShow: { error in try await organisationPage(try await resources.organisation(id, actor: actor), request, context, error: error) })
    }

    @Sendable func document(_ request: Request, context: AppContext) async throws -> Response {
        try await ResourcesAPI.download(resources, context)
    }

    @Sendable func removeDocument(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID(), documentId = try context.pathID("document")
        return try await web.formPost(request, context, { _ in () }, {
            try await resources.removeDocument(organisationId: id, documentId: documentId, actor: actor)
            return (organisationHome(id, actor: actor) + "#organisation-documents", "已删除材料")
        }, orShow: { error in try await organisationPage(try await resources.organisation(id, actor: actor), request, context, error: error) })
    }
}
