import Foundation
import Hummingbird
import LinliKit

/// The audit trail in the console and the API.
struct AuditRoutes {
    let service: AuditService
    let web: Web

    struct EntryView: Encodable {
        let seq: Int64, time: String, actor: String, ip: String, action: String, entity: String, before: String, after: String
        init(_ record: AuditRecord) {
            seq = record.seq; time = Date(millis: record.at).shanghaiText; actor = record.actorName; ip = record.ip ?? ""
            action = record.action; entity = "\(record.entityType)#\(record.entityId)"
            before = record.before ?? ""; after = record.after ?? ""
        }
    }
    struct ListModel { let csrf: String; let entries: [EntryView], next: String?, action: String, entityType: String, actorName: String, canVerify: Bool, finding: String? }
    struct APIEntry: Encodable {
        let seq: Int64, at: Int64, actorId: Int64?, actorName: String, ip: String?, action: String, entityType: String
        let entityId: String, regionPath: String?, before: String?, after: String?, hash: String
    }
    struct List<T: Encodable>: Encodable { let items: [T] }

    static func filter(_ fields: inout Fields) -> AuditService.Filter {
        AuditService.Filter(action: fields.text("action", "操作", maxLength: 60),
                            entityType: fields.text("entityType", "对象类型", maxLength: 60),
                            entityId: fields.text("entityId", "对象编号", maxLength: 60),
                            actorName: fields.text("actor", "操作人", maxLength: 60),
                            before: fields.integer("before", "起始序号"),
                            limit: Int(fields.integer("limit", "条数", range: 1...200) ?? 50))
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("audit") { request, context in
            let actor = try context.requireActor()
            var query = Fields.query(request)
            let filter = Self.filter(&query)
            try query.finish()
            let records = try await service.entries(filter, actor: actor)
            var next: String?
            if records.count == filter.limit, let last = records.last {
                var items = ["before=\(last.seq)"]
                for (key, value) in [("action", filter.action), ("entityType", filter.entityType), ("actor", filter.actorName)] {
                    if let value { items.append("\(key)=\(value.urlQueryEscaped)") }
                }
                next = "/audit?" + items.joined(separator: "&")
            }
            let model = ListModel(csrf: context.csrfToken, entries: records.map(EntryView.init), next: next, action: filter.action ?? "",
                                  entityType: filter.entityType ?? "", actorName: filter.actorName ?? "",
                                  canVerify: actor.may(.auditVerify), finding: nil)
            return web.page("audit.list", title: "审计日志", model: model, request: request, context: context)
        }
        router.post("audit/verify") { request, context in
            let actor = try context.requireActor()
            let finding = try await service.verify(actor: actor)
            return web.redirect(to: "/audit", flash: finding.message)
        }
        router.get("api/v1/audit") { request, context in
            let actor = try context.requireActor()
            var query = Fields.query(request)
            let filter = Self.filter(&query)
            try query.finish()
            let records = try await service.entries(filter, actor: actor)
            return try Web.json(List(items: records.map {
                APIEntry(seq: $0.seq, at: $0.at, actorId: $0.actorId, actorName: $0.actorName, ip: $0.ip, action: $0.action,
                         entityType: $0.entityType, entityId: $0.entityId, regionPath: $0.regionPath, before: $0.before,
                         after: $0.after, hash: $0.hash)
            }))
        }
    }
}

/// 审计日志 — browsing and verifying the hash-chained audit trail.
public struct AuditFeature: Feature {
    public static let name = "audit"
    public static let migrations = AuditLog.migrations
    public static let permissions: [Permission: String] = [
        .auditView: "查看管辖范围内的审计日志",
        .auditVerify: "校验审计链完整性",
    ]
    public static let templates: [String: String] = ["audit.list": """
    <header class="page-head"><h1>审计日志</h1><p class="muted">每一次写操作都记录在案：谁、何时、从哪里、做了什么、改动前后。记录按哈希链相连，不可篡改。</p></header>
    <form method="get" action="/audit" class="form-inline card">
      <label>操作 <input name="action" maxlength="60" value="{{action}}" placeholder="如 region.create"></label>
      <label>对象类型 <input name="entityType" maxlength="60" value="{{entityType}}" placeholder="如 region"></label>
      <label>操作人 <input name="actor" maxlength="60" value="{{actorName}}"></label>
      <button class="btn">筛选</button>
    </form>
    {{#canVerify}}<form method="post" action="/audit/verify" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn">校验审计链</button></form>{{/canVerify}}
    <section class="card scroll-x">
    <table class="table" id="audit"><thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>IP</th><th>操作</th><th>对象</th><th>改动前</th><th>改动后</th></tr></thead><tbody>
    {{#entries}}<tr><td>{{seq}}</td><td class="nowrap">{{time}}</td><td>{{actor}}</td><td>{{ip}}</td><td><code>{{action}}</code></td><td>{{entity}}</td><td class="json">{{before}}</td><td class="json">{{after}}</td></tr>{{/entries}}
    </tbody></table>
    {{^entries}}<p class="muted">没有记录。</p>{{/entries}}
    {{#next}}<nav class="pager"><a href="{{next}}">更早的记录</a></nav>{{/next}}
    </section>
    """]
    public static let navigation = [NavigationItem("审计日志", href: "/audit", permission: .auditView, order: 90)]

    public let service: AuditService
    let web: Web

    public init(service: AuditService, web: Web) {
        self.service = service
        self.web = web
    }

    public func addRoutes(to router: Router<AppContext>) {
        AuditRoutes(service: service, web: web).addRoutes(to: router)
    }
}
