import Foundation
import Hummingbird
import LinliKit

/// 消息 — the signed-in person's inbox and where else they want to be told.
struct InboxPages {
    let notifications: NotificationService
    let web: Web

    struct MessageView { let id: Int64, title: String, body: String, at: String, unread: Bool, csrf: String }
    struct InboxModel { let items: [MessageView], unread: Int, total: Int, csrf: String, previous: String?, next: String? }
    struct SettingsModel { let csrf: String, email: String, webhook: String, error: String? }

    /// Only links into the console: a message never sends anyone elsewhere.
    static func safeLink(_ link: String?) -> String {
        guard let link, link.hasPrefix("/"), !link.hasPrefix("//"), !link.contains("\\") else { return "/inbox" }
        return link
    }

    func inboxPage(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var query = Fields.query(request)
        let offset = Int(query.integer("offset", "起始位置", range: 0...1_000_000) ?? 0)
        try query.finish()
        let inbox = try await notifications.inbox(actor: actor, limit: 30, offset: offset)
        let page = inbox.page
        let model = InboxModel(items: page.items.map { MessageView(id: $0.id, title: $0.title, body: $0.body, at: $0.createdAt.shanghaiText,
                                                                   unread: !$0.isRead, csrf: context.csrfToken) },
                               unread: inbox.unread, total: page.total, csrf: context.csrfToken,
                               previous: page.hasPrevious ? "/inbox?offset=\(max(0, page.offset - page.limit))" : nil,
                               next: page.hasNext ? "/inbox?offset=\(page.offset + page.limit)" : nil)
        return web.page("notifications.inbox", title: "消息", model: model, request: request, context: context)
    }

    func settingsPage(_ request: Request, _ context: AppContext, targets: NotificationService.Targets? = nil, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let current = if let targets { targets } else { try await notifications.targets(actor: actor) }
        return web.page("notifications.settings", title: "通知方式",
                        model: SettingsModel(csrf: context.csrfToken, email: current.email ?? "", webhook: current.webhook ?? "", error: error?.message),
                        request: request, context: context, status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func addRoutes(to router: Router<AppContext>) {
        let inbox = router.group("inbox")
        inbox.get(use: self.inbox)
        inbox.post(":id/read", use: markRead)
        inbox.post("read-all", use: markAllRead)
        inbox.get("settings", use: settings)
        inbox.post("settings", use: saveSettings)
        let api = router.group("api/v1/notifications")
        api.get(use: apiInbox)
        api.post(":id/read", use: apiMarkRead)
        api.post("read-all", use: apiMarkAllRead)
    }

    @Sendable func inbox(_ request: Request, context: AppContext) async throws -> Response {
        try await inboxPage(request, context)
    }

    @Sendable func markRead(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        try await notifications.markRead(id, actor: actor)
        let message = try await notifications.message(id, actor: actor)
        return web.redirect(to: Self.safeLink(message.link))
    }

    @Sendable func markAllRead(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let count = try await notifications.markRead(nil, actor: actor)
        return web.redirect(to: "/inbox", flash: "已将 \(count) 条消息标为已读")
    }

    @Sendable func settings(_ request: Request, context: AppContext) async throws -> Response {
        try await settingsPage(request, context)
    }

    @Sendable func saveSettings(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var request = request
        var fields = try await request.fields(context)
        let targets = NotificationService.Targets(email: fields.text("email", "电子邮件", maxLength: 200),
                                                  webhook: fields.text("webhook", "Webhook 地址", maxLength: 500))
        do {
            try fields.finish()
            try await notifications.saveTargets(targets, actor: actor)
            return web.redirect(to: "/inbox/settings", flash: "已保存通知方式")
        } catch let error as DomainError where error.kind == .invalid {
            return try await settingsPage(request, context, targets: targets, error: error)
        }
    }

    @Sendable func apiInbox(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var query = Fields.query(request)
        let filter = InboxFilter(&query)
        try query.finish()
        let inbox = try await notifications.inbox(actor: actor, unreadOnly: filter.unreadOnly, limit: filter.limit, offset: filter.offset)
        return try Web.json(InboxDTO(items: inbox.page.items.map(MessageDTO.init), total: inbox.page.total, unread: inbox.unread,
                                     limit: inbox.page.limit, offset: inbox.page.offset))
    }

    @Sendable func apiMarkRead(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        try await notifications.markRead(try context.pathID(), actor: actor)
        return try Web.json(MessageDTO(try await notifications.message(try context.pathID(), actor: actor)))
    }

    @Sendable func apiMarkAllRead(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(["marked": try await notifications.markRead(nil, actor: actor)])
    }
}

struct MessageDTO: Encodable {
    let id: Int64, title: String, body: String, link: String?, createdAt: Int64, readAt: Int64?
    init(_ m: InboxMessage) {
        id = m.id
        title = m.title
        body = m.body
        link = m.link
        createdAt = m.createdAt.millis
        readAt = m.readAt?.millis
    }
}

struct InboxDTO: Encodable {
    let items: [MessageDTO], total: Int, unread: Int, limit: Int, offset: Int
}

enum NotificationsTemplates {
    static let all: [String: String] = ["notifications.inbox": inbox, "notifications.settings": settings]

    static let inbox = """
    <header class="page-head"><h1>消息</h1><p class="muted">{{unread}} 条未读，共 {{total}} 条 · <a href="/inbox/settings">通知方式</a></p></header>
    {{#unread}}<form method="post" action="/inbox/read-all" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn" id="read-all">全部标为已读</button></form>{{/unread}}
    <section class="card"><ul class="messages" id="inbox">
    {{#items}}<li{{#unread}} class="unread"{{/unread}}><form method="post" action="/inbox/{{id}}/read" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
      <button class="link"><strong>{{title}}</strong></button></form> <small class="muted">{{at}}</small><br><span>{{body}}</span></li>{{/items}}
    </ul>{{^items}}<p class="muted">没有消息。</p>{{/items}}
    <nav class="pager">{{#previous}}<a href="{{previous}}">上一页</a>{{/previous}} {{#next}}<a href="{{next}}">下一页</a>{{/next}}</nav></section>
    """

    static let settings = """
    <nav class="crumbs"><a href="/inbox">消息</a><span>›</span><strong>通知方式</strong></nav>
    <section class="card narrow"><h1>通知方式</h1>
      <p class="muted">站内消息总会收到。还可以同时发到电子邮箱，或推送到 Webhook（如企业微信群机器人）。</p>
      {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
      <form method="post" action="/inbox/settings" class="form-stack" id="notification-settings"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>电子邮件 <input name="email" type="email" maxlength="200" value="{{email}}"></label>
        <label>Webhook 地址 <input name="webhook" type="url" maxlength="500" value="{{webhook}}" placeholder="https://"></label>
        <button class="btn btn-primary">保存</button></form></section>
    """
}

/// The inbox list's query: unread only, and a page.
struct InboxFilter {
    let unreadOnly: Bool
    let limit: Int
    let offset: Int
    init(_ fields: inout Fields) {
        unreadOnly = fields.bool("unread")
        limit = Int(fields.integer("limit", "每页条数", range: 1...200) ?? 30)
        offset = Int(fields.integer("offset", "起始位置", range: 0...1_000_000) ?? 0)
    }
}
