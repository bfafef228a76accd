import Foundation
import Hummingbird
import LinliKit

/// JSON API of the closed loop (`/api/v1/requests…`) and the resident's tracking endpoints
/// (`/api/v1/track/{code}`); the catalog and the calendar are `CatalogAPI`'s.
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

    func addRoutes(to router: Router<AppContext>) {
        let api = router.group("api/v1")
        let requests = api.group("requests")
        requests.get(use: queue)
        requests.post(use: submit)
        requests.post("dispatch", use: dispatchMany)
        let request = requests.group(":id")
        request.get(use: detail)
        request.post("actions", use: act)
        request.post("place", use: place)
        request.get("candidates", use: candidates)
        request.get("photos/:photo", use: photo)
        let track = api.group("track/:code")
        track.get(use: self.track)
        track.post("actions", use: actByTrackingCode)
        CatalogAPI(catalog: catalog, calendar: calendar, clock: clock).addRoutes(to: api)
    }

    @Sendable func queue(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let filter = try request.query(QueueFilter.init)
        let page = try await requests.queue(filter.query, actor: actor)
        return try Web.json(Page(items: page.items.map(SummaryDTO.init), total: page.total, limit: page.limit, offset: page.offset))
    }

    @Sendable func submit(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var request = request
        var (fields, photos) = try await RequestHTTP.body(&request, context)
        var input = DraftInput(&fields, channel: nil, photos: photos)
        if let key = request.headers[.idempotencyKey], input.draft.idempotencyKey == nil { input.draft.idempotencyKey = key }
        try fields.finish()
        let submission = try await requests.submit(input.draft, actor: actor)
        let answer = SubmissionDTO(request: RequestDTO(submission.request, showsContact: true, now: clock.now()), repeated: submission.repeated,
                                  emergency: submission.emergency)
        return try Web.json(answer, status: submission.repeated ? .ok : .created)
    }

    @Sendable func detail(_ request: Request, context: AppContext) async throws -> Response {
        Web.json(writing: DetailDTO(try await requests.detail(try context.pathID(), actor: try context.requireActor()), now: clock.now()))
    }

    @Sendable func act(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        let (action, photos) = try await RequestHTTP.step(request, context)
        return Web.json(writing: DetailDTO(try await requests.act(id, action, photos: photos, actor: actor), now: clock.now()))
    }

    @Sendable func place(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, PlaceInput.init)
        return Web.json(writing: DetailDTO(try await requests.place(try context.pathID(), regionId: input.regionId, actor: actor), now: clock.now()))
    }

    @Sendable func candidates(_ request: Request, context: AppContext) async throws -> Response {
        let (suggested, others) = try await requests.candidates(for: try context.pathID(), actor: try context.requireActor())
        return try Web.json(suggested.map { Candidate(id: $0.id, displayName: $0.displayName, role: $0.role.rawValue, suggested: true) }
                            + others.map { Candidate(id: $0.id, displayName: $0.displayName, role: $0.role.rawValue, suggested: false) })
    }

    @Sendable func dispatchMany(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestDispatch)
        let input = try await request.input(context, BulkDispatchInput.init)
        let results = try await requests.dispatchMany(input.ids, handler: input.handler, coHandlers: input.coHandlers,
                                                      note: input.note, actor: actor)
        return try Web.json(results.keys.sorted().map { id in
            switch results[id]! {
            case .success(let state): DispatchResult(id: id, ok: true, state: state.rawValue, error: nil)
            case .failure(let error): DispatchResult(id: id, ok: false, state: nil, error: error.message)
            }
        })
    }

    @Sendable func photo(_ request: Request, context: AppContext) async throws -> Response {
        RequestHTTP.photo(try await requests.photo(try context.pathID("photo"), actor: try context.requireActor()))
    }

    @Sendable func track(_ request: Request, context: AppContext) async throws -> Response {
        RequestHTTP.noStore(try Web.json(TrackingDTO(try await requests.track(code: context.parameters.get("code") ?? "",
                                                                              ip: context.clientIP))))
    }

    @Sendable func actByTrackingCode(_ request: Request, context: AppContext) async throws -> Response {
        let (action, photos) = try await RequestHTTP.step(request, context)
        let view = try await requests.actByTrackingCode(context.parameters.get("code") ?? "", action, photos: photos, ip: context.clientIP)
        return RequestHTTP.noStore(try Web.json(TrackingDTO(view)))
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
            sortOrder: Int(fields.integer("sortOrder", "排序", range: 0...9999) ?? 100), urgent: fields.bool("urgent"))
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
