import Foundation
import Hummingbird
import LinliKit

/// JSON API of the closed loop (`/api/v1/requests…`, `/api/v1/catalog…`, `/api/v1/calendar…`)
/// and the resident's tracking endpoints (`/api/v1/track/{code}`).
struct RequestsAPI {
    let requests: RequestService
    let catalog: CatalogService
    let calendar: CalendarService
    let clock: any Clock

    struct DispatchResult: Encodable { let id: Int64; let ok: Bool; let state: String?; let error: String? }
    struct Candidate: Encodable { let id: Int64; let displayName: String; let role: String; let suggested: Bool }
    struct SummaryDTO: Encodable {
        let id: Int64, trackingCode: String, itemName: String, state: String, stateLabel: String, channel: String, place: String
        let submittedAt: String, due: String?, escalationLevel: Int
        init(_ s: RequestSummary) {
            id = s.id
            trackingCode = s.trackingCode
            itemName = s.itemName
            state = s.state.rawValue
            stateLabel = s.state.label
            channel = s.channel.rawValue
            place = s.place
            submittedAt = Date(millis: s.submittedAt).iso8601CST
            due = s.currentDue.map { Date(millis: $0).iso8601CST }
            escalationLevel = s.escalationLevel
        }
    }
    struct CalendarDTO: Encodable {
        let startMinute: Int, endMinute: Int, weekdays: [Int], warnMinutes: Int, years: [Int], days: [CalendarDay]
    }

    /// A body as fields plus photos: multipart (with `photos` parts), JSON or a form.
    static func body(_ request: inout Request, _ context: AppContext) async throws -> (Fields, [Data]) {
        if MultipartForm.boundary(of: request.headers[.contentType] ?? "") != nil {
            let form = try await MultipartForm.from(&request)
            return (form.fields, PhotoInput.fromMultipart(form))
        }
        return (try await request.fields(context), [])
    }

    func addRoutes(to router: Router<AppContext>) {
        let api = router.group("api/v1")
        api.get("catalog") { _, context in
            return try Web.json(CatalogDTO(try await catalog.catalog(actor: try context.requireActor())))
        }
        api.get("requests") { request, context in
            let actor = try context.requireActor()
            var query = Fields.query(request)
            let filter = QueueFilter(&query)
            try query.finish()
            let page = try await requests.queue(filter.query, actor: actor)
            return try Web.json(Page(items: page.items.map(SummaryDTO.init), total: page.total, limit: page.limit, offset: page.offset))
        }
        api.post("requests") { request, context in
            let actor = try context.requireActor()
            var request = request
            var (fields, photos) = try await Self.body(&request, context)
            var input = DraftInput(&fields, channel: nil, photos: photos)
            if let key = request.headers[.idempotencyKey], input.draft.idempotencyKey == nil { input.draft.idempotencyKey = key }
            try fields.finish()
            let submission = try await requests.submit(input.draft, actor: actor)
            return try Web.json(SubmissionDTO(request: RequestDTO(submission.request, showsContact: true, now: clock.now()), repeated: submission.repeated),
                                status: submission.repeated ? .ok : .created)
        }
        api.get("requests/:id") { _, context in
            let actor = try context.requireActor()
            return try Web.json(DetailDTO(try await requests.detail(try context.pathID(), actor: actor), now: clock.now()))
        }
        api.post("requests/:id/actions") { request, context in
            let actor = try context.requireActor()
            let id = try context.pathID()
            var request = request
            var (fields, photos) = try await Self.body(&request, context)
            let input = ActionInput(&fields)
            try fields.finish()
            return try Web.json(DetailDTO(try await requests.act(id, input.action!, photos: photos, actor: actor), now: clock.now()))
        }
        api.get("requests/:id/candidates") { _, context in
            let actor = try context.requireActor()
            let (suggested, others) = try await requests.candidates(for: try context.pathID(), actor: actor)
            return try Web.json(suggested.map { Candidate(id: $0.id, displayName: $0.displayName, role: $0.role.rawValue, suggested: true) }
                                + others.map { Candidate(id: $0.id, displayName: $0.displayName, role: $0.role.rawValue, suggested: false) })
        }
        api.post("requests/dispatch") { request, context in
            let actor = try context.requireActor()
            var request = request
            var fields = try await request.fields(context)
            let input = BulkDispatchInput(&fields)
            try fields.finish()
            let results = try await requests.dispatchMany(input.ids, handler: input.handler!, coHandlers: input.coHandlers,
                                                          note: input.note, actor: actor)
            return try Web.json(results.keys.sorted().map { id in
                switch results[id]! {
                case .success(let state): DispatchResult(id: id, ok: true, state: state.rawValue, error: nil)
                case .failure(let error): DispatchResult(id: id, ok: false, state: nil, error: error.message)
                }
            })
        }
        api.get("requests/:id/photos/:photo") { _, context in
            let actor = try context.requireActor()
            return Self.photoResponse(try await requests.photo(try context.pathID("photo"), actor: actor))
        }
        api.get("track/:code") { _, context in
            Self.noStore(try Web.json(TrackingDTO(try await requests.track(code: context.parameters.get("code") ?? "", ip: context.clientIP))))
        }
        api.post("track/:code/actions") { request, context in
            var request = request
            var (fields, photos) = try await Self.body(&request, context)
            let input = ActionInput(&fields)
            try fields.finish()
            let view = try await requests.actByTrackingCode(context.parameters.get("code") ?? "", input.action!, photos: photos, ip: context.clientIP)
            return Self.noStore(try Web.json(TrackingDTO(view)))
        }
        addCatalogRoutes(api)
    }

    func addCatalogRoutes(_ api: RouterGroup<AppContext>) {
        api.post("catalog/categories") { request, context in
            let actor = try context.requireActor(.catalogManage)
            var request = request
            var fields = try await request.fields(context)
            let draft = CategoryInput(&fields).draft
            try fields.finish()
            let saved = try await catalog.saveCategory(id: nil, draft, actor: actor)
            return try Web.json(CatalogDTO.Category(id: saved.id, code: saved.code, name: saved.name, description: saved.description, active: saved.active),
                                status: .created)
        }
        api.put("catalog/categories/:id") { request, context in
            let actor = try context.requireActor(.catalogManage)
            var request = request
            var fields = try await request.fields(context)
            let draft = CategoryInput(&fields).draft
            try fields.finish()
            let saved = try await catalog.saveCategory(id: try context.pathID(), draft, actor: actor)
            return try Web.json(CatalogDTO.Category(id: saved.id, code: saved.code, name: saved.name, description: saved.description, active: saved.active))
        }
        api.post("catalog/items") { request, context in
            let actor = try context.requireActor(.catalogManage)
            var request = request
            var fields = try await request.fields(context)
            let draft = ItemInput(&fields).draft
            try fields.finish()
            return try Web.json(CatalogDTO.Item(try await catalog.saveItem(id: nil, draft, actor: actor)), status: .created)
        }
        api.put("catalog/items/:id") { request, context in
            let actor = try context.requireActor(.catalogManage)
            var request = request
            var fields = try await request.fields(context)
            let draft = ItemInput(&fields).draft
            try fields.finish()
            return try Web.json(CatalogDTO.Item(try await catalog.saveItem(id: try context.pathID(), draft, actor: actor)))
        }
        api.get("calendar") { request, context in
            let actor = try context.requireActor()
            var query = Fields.query(request)
            let year = CalendarYearInput(&query).year ?? LocalDay(clock.now()).year
            try query.finish()
            let view = try await calendar.view(year: year, actor: actor)
            return try Web.json(CalendarDTO(startMinute: view.settings.startMinute, endMinute: view.settings.endMinute,
                                            weekdays: view.settings.weekdays.sorted(), warnMinutes: view.settings.warnMinutes,
                                            years: view.years, days: view.days))
        }
        api.put("calendar/days/:day") { request, context in
            let actor = try context.requireActor(.catalogManage)
            guard let day = LocalDay(context.parameters.get("day") ?? "") else { throw DomainError.notFound("日期") }
            var request = request
            var fields = try await request.fields(context)
            let input = CalendarDayInput(&fields)
            try fields.finish()
            try await calendar.put(CalendarDay(day: day, kind: input.kind!, name: input.name!), actor: actor)
            return Response(status: .noContent)
        }
        api.delete("calendar/days/:day") { _, context in
            let actor = try context.requireActor(.catalogManage)
            guard let day = LocalDay(context.parameters.get("day") ?? "") else { throw DomainError.notFound("日期") }
            try await calendar.remove(day, actor: actor)
            return Response(status: .noContent)
        }
        api.put("calendar/settings") { request, context in
            let actor = try context.requireActor(.catalogManage)
            var request = request
            var fields = try await request.fields(context)
            let settings = SettingsInput(&fields).settings
            try fields.finish()
            try await calendar.saveSettings(settings, actor: actor)
            return Response(status: .noContent)
        }
    }

    static func photoResponse(_ photo: RequestPhoto) -> Response {
        Response(status: .ok, headers: [.contentType: photo.contentType, .cacheControl: "private, max-age=3600",
                                        .contentTypeOptions: "nosniff",
                                        .contentSecurityPolicy: "default-src 'none'"],
                 body: .init(byteBuffer: ByteBuffer(bytes: photo.data)))
    }

    static func noStore(_ response: Response) -> Response {
        var response = response
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// Queue filters from a query string.
struct QueueFilter {
    var query = RequestQuery()
    init(_ fields: inout Fields) {
        query.queue = fields.choice("queue", "队列", parse: RequestQueue.init(rawValue:)) ?? .all
        query.regionId = fields.integer("regionId", "区域")
        query.categoryId = fields.integer("categoryId", "类别")
        query.state = fields.choice("state", "状态", parse: RequestState.init(rawValue:))
        query.channel = fields.choice("channel", "渠道", parse: IntakeChannel.init(rawValue:))
        query.limit = Int(fields.integer("limit", "每页条数", range: 1...200) ?? 50)
        query.offset = Int(fields.integer("offset", "起始位置", range: 0...10_000_000) ?? 0)
    }
}

struct CategoryInput {
    var draft: CatalogCategoryDraft
    init(_ fields: inout Fields) {
        draft = CatalogCategoryDraft(code: fields.text("code", "代码", required: true, maxLength: 20) ?? "",
                                     name: fields.text("name", "名称", required: true, maxLength: 30) ?? "",
                                     description: fields.text("description", "说明", maxLength: 200) ?? "",
                                     sortOrder: Int(fields.integer("sortOrder", "排序", range: 0...9999) ?? 100),
                                     active: !fields.has("active") || fields.bool("active"))
    }
}

struct ItemInput {
    var draft: CatalogItemDraft
    init(_ fields: inout Fields) {
        let questions = fields.text("questions", "问题（JSON）", maxLength: 20_000)
        var parsed: [CatalogQuestion] = []
        if let questions {
            do { parsed = try JSONDecoder().decode([CatalogQuestion].self, from: Data(questions.utf8)) } catch {
                fields.fail("questions", "问题应为 JSON 列表，每项含 code、label、kind、required、choices")
            }
        }
        let channelsGiven = fields.has("channels")
        let channels = fields.list("channels", "受理渠道", maxCount: 10).compactMap { raw -> IntakeChannel? in
            guard let channel = IntakeChannel(rawValue: raw) else { fields.fail("channels", "未知渠道：\(raw)"); return nil }
            return channel
        }
        draft = CatalogItemDraft(
            categoryId: fields.integer("categoryId", "类别", required: true), code: fields.text("code", "代码", required: true, maxLength: 20) ?? "",
            name: fields.text("name", "名称", required: true, maxLength: 40) ?? "", description: fields.text("description", "说明", maxLength: 500) ?? "",
            handlerType: fields.choice("handlerType", "承办类型", required: true, parse: HandlerType.init(rawValue:)),
            assignment: fields.text("assignment", "分派规则", maxLength: 100) ?? "grid",
            respondHours: fields.decimal("respondHours", "签收时限", required: true, range: CatalogRules.stageHours), handleHours: fields.decimal("handleHours", "处置时限", required: true, range: CatalogRules.stageHours),
            verifyHours: fields.decimal("verifyHours", "核查时限", required: true, range: CatalogRules.stageHours), questions: parsed,
            channels: channelsGiven ? Set(channels) : Set(IntakeChannel.allCases),
            allowsAnonymous: fields.bool("allowsAnonymous"), active: !fields.has("active") || fields.bool("active"),
            sortOrder: Int(fields.integer("sortOrder", "排序", range: 0...9999) ?? 100))
    }
}

struct SettingsInput {
    var settings: CalendarService.Settings
    init(_ fields: inout Fields) {
        func minutes(_ name: String, _ label: String) -> Int {
            guard let text = fields.text(name, label, required: true, maxLength: 5) else { return -1 }
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, (0...24).contains(parts[0]), (0...59).contains(parts[1]) else {
                fields.fail(name, "「\(label)」应写作 08:30")
                return -1
            }
            return parts[0] * 60 + parts[1]
        }
        let start = minutes("start", "上班时间"), end = minutes("end", "下班时间")
        let weekdays = Set(fields.list("weekdays", "工作日", maxCount: 7, maxLength: 1).compactMap { Int($0) })
        let warn = fields.decimal("warnHours", "提醒时间（工作小时）", range: CalendarService.warnHours) ?? 2
        settings = .init(startMinute: start, endMinute: end, weekdays: weekdays, warnMinutes: Int((warn * 60).rounded()))
    }
}
