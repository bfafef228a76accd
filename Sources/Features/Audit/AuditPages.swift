import Foundation
import Hummingbird
import LinliKit

/// The audit trail in the console and the API.
struct AuditRoutes: APIDocumenting {
    let service: AuditService
    let vocabulary: AuditVocabulary
    let web: Web

    struct EntryView {
        struct Change { let field: String, before: String?, after: String?, both: Bool }
        let seq: String, time: String, actor: String, ip: String, actionLabel: String, entity: String
        /// The changed fields, readable; `raw` when a side is not a flat object of text.
        let changes: [Change], hasChanges: Bool, raw: String?
        init(_ record: AuditRecord, _ vocabulary: AuditVocabulary) {
            seq = record.seq.map(String.init) ?? "待入链"; time = Date(millis: record.at).shanghaiText; actor = record.actorName; ip = record.ip ?? ""
            actionLabel = vocabulary.label(action: record.action)
            entity = "\(vocabulary.label(entity: record.entityType)) \(record.entityId)"
            let lines = AuditChanges.lines(before: record.before, after: record.after)
            changes = (lines ?? []).map { Change(field: $0.field, before: $0.before, after: $0.after, both: $0.before != nil && $0.after != nil) }
            hasChanges = !changes.isEmpty
            raw = lines == nil ? [record.before, record.after].compactMap { $0 }.joined(separator: " → ") : nil
        }
    }
    struct ListModel {
        let csrf: String; let entries: [EntryView], next: String?, actions: [SelectOption], entities: [SelectOption], actorName: String
        let canVerify: Bool, finding: String?
    }
    struct APIEntry: Encodable {
        let id: Int64, seq: Int64?, at: Int64, actorId: Int64?, actorName: String, ip: String?, action: String, entityType: String
        let entityId: String, regionPath: String?, before: String?, after: String?, hash: String?
    }

    static func filter(_ fields: inout Fields) -> AuditService.Filter {
        AuditService.Filter(action: fields.text("action", "操作", maxLength: 60),
                            entityType: fields.text("entityType", "对象类型", maxLength: 60),
                            entityId: fields.text("entityId", "对象编号", maxLength: 60),
                            actorName: fields.text("actor", "操作人", maxLength: 60),
                            before: fields.integer("before", "从此编号之前"),
                            limit: Int(fields.integer("limit", "条数", range: 1...200) ?? 50))
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("audit", use: list)
        router.post("audit/verify", use: verify)
        router.get("api/v1/audit", use: apiList)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let filter = try request.query(Self.filter)
        let records = try await service.entries(filter, actor: actor)
        var next: String?
        if records.count == filter.limit, let last = records.last {
            var items = ["before=\(last.id)"]
            for (key, value) in [("action", filter.action), ("entityType", filter.entityType), ("actor", filter.actorName)] {
                if let value { items.append("\(key)=\(value.urlQueryEscaped)") }
            }
            next = "/audit?" + items.joined(separator: "&")
        }
        let model = ListModel(csrf: context.csrfToken, entries: records.map { EntryView($0, vocabulary) }, next: next,
                              actions: vocabulary.allActions.map { SelectOption(value: $0.name, label: $0.label, selected: $0.name == filter.action) },
                              entities: vocabulary.allEntities.map { SelectOption(value: $0.name, label: $0.label, selected: $0.name == filter.entityType) },
                              actorName: filter.actorName ?? "", canVerify: actor.may(.auditVerify), finding: nil)
        return web.page("audit.list", title: "审计日志", model: model, request: request, context: context)
    }

    @Sendable func verify(_ request: Request, context: AppContext) async throws -> Response {
        let finding = try await service.verify(actor: try context.requireActor())
        return web.redirect(to: "/audit", flash: finding.message)
    }

    @Sendable func apiList(_ request: Request, context: AppContext) async throws -> Response {
        let records = try await service.entries(try request.query(Self.filter), actor: try context.requireActor())
        return try Web.json(ItemList(records.map {
            APIEntry(id: $0.id, seq: $0.seq, at: $0.at, actorId: $0.actorId, actorName: $0.actorName, ip: $0.ip, action: $0.action,
                     entityType: $0.entityType, entityId: $0.entityId, regionPath: $0.regionPath, before: $0.before,
                     after: $0.after, hash: $0.hash)
        }))
    }

    static var api: APIDescription {
        APIDescription(operations: [
            APIOperation("get", "/api/v1/audit", "管辖范围内的审计日志（新到旧）", tag: "审计",
                         query: Fields.rules { _ = filter(&$0) }, answer: .json("AuditList")),
        ], schemas: [
            "AuditEntry": object(["id": integer, "seq": nullable(integer), "at": integer, "actorId": nullable(integer), "actorName": string,
                                  "ip": nullable(string), "action": string, "entityType": string, "entityId": string,
                                  "regionPath": nullable(string), "before": nullable(string), "after": nullable(string),
                                  "hash": nullable(string)],
                                 required: ["id", "at", "actorName", "action", "entityType", "entityId"]),
            "AuditList": list("AuditEntry"),
        ])
    }
}
