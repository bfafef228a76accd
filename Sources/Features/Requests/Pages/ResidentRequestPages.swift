import Foundation
import Hummingbird
import LinliKit
import Regions

/// The resident's side, made for a phone: ask (category → item → questions → place →
/// photos → submit), my requests, and the public tracking page by 查询码.
struct ResidentRequestPages {
    let requests: RequestService
    let catalog: CatalogService
    let regions: RegionService
    let web: Web
    let clock: any Clock

    struct AskCategory { struct Entry { let id: Int64, name: String, description: String }; let name: String, description: String, items: [Entry] }
    struct AskModel {
        let query: String, searched: Bool, hasResults: Bool, results: [AskCategory.Entry], top: [AskCategory.Entry], categories: [AskCategory]
        /// 关怀模式 folds the whole catalog away behind the search and the short list.
        let care: Bool
    }
    /// How many items the short list shows.
    static let topCount = 8
    struct SimilarView { let id: Int64, itemName: String, state: String, submitted: String, place: String }
    struct AskValues { var description = "", address = "", phone = "" }
    struct AskModelForm {
        let item: CatalogItem, csrf: String, key: String, questions: [QuestionView], places: [SelectOption], v: AskValues
        let similar: [SimilarView], hasSimilar: Bool, kept: [KeptPhotos.Kept], hasKept: Bool, error: String?
    }

    func askPage(_ request: Request, _ context: AppContext) async throws -> Response {
        _ = try context.requireActor(.requestSubmit)
        var fields = Fields.query(request)
        let query = fields.text("q", "搜索", maxLength: 40) ?? ""
        try fields.finish()
        let offered = try await catalog.publicCatalog(on: .selfService)
        func entry(_ item: CatalogItem) -> AskCategory.Entry { .init(id: item.id, name: item.name, description: item.description) }
        let words = CatalogSearch.words(query)
        let results = words.isEmpty ? [] : offered.items.filter {
            CatalogSearch.matches($0, categoryName: offered.category($0.categoryId)?.name ?? "", words: words)
        }
        let top = CatalogSearch.top(offered.items, mostAsked: try await requests.mostAskedItemIds(), count: Self.topCount)
        let model = AskModel(query: query, searched: !words.isEmpty, hasResults: !results.isEmpty, results: results.map(entry), top: top.map(entry),
                             categories: offered.categories.map { c in
                                 AskCategory(name: c.name, description: c.description, items: offered.items(in: c.id).map(entry))
                             }, care: Web.careMode(request, context))
        return web.page("requests.ask", title: "我要办事", model: model, request: request, context: context)
    }

    /// The places a resident may ask about: their household and the nodes above it, down from the community.
    func places(for actor: Actor, selected: Int64?) async throws -> [SelectOption] {
        var options: [SelectOption] = []
        for idText in actor.scope.path.split(separator: "/").reversed() {
            guard let id = Int64(idText), let node = try await regions.lookup(id), node.level.depth >= RegionLevel.community.depth else { continue }
            let label = node.level == .household ? "我家（\(node.name)）" : "\(node.level.label)：\(node.name)"
            options.append(SelectOption(value: String(id), label: label, selected: id == (selected ?? actor.scope.regionId)))
        }
        return options
    }

    func askForm(_ itemId: Int64, _ request: Request, _ context: AppContext, values: AskValues = AskValues(), answers: Answers = [:],
                 regionId: Int64? = nil, kept: [KeptPhotos.Kept] = [], error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.requestSubmit)
        let item = try await catalog.item(itemId)
        guard item.active, item.channels.contains(.selfService) else { throw DomainError.notFound("服务事项") }
        let similar = try await requests.similar(itemId: itemId, regionId: regionId, actor: actor).map {
            SimilarView(id: $0.id, itemName: $0.itemName, state: $0.state.residentLabel, submitted: $0.submittedAt.shanghaiText, place: $0.place)
        }
        let model = AskModelForm(item: item, csrf: context.csrfToken, key: RequestFormat.idempotencyKey(),
                                 questions: item.questions.map { QuestionView($0, answers: answers) },
                                 places: try await places(for: actor, selected: regionId), v: values, similar: similar, hasSimilar: !similar.isEmpty,
                                 kept: kept, hasKept: !kept.isEmpty, error: error?.message)
        return web.page("requests.askForm", title: item.name, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func submit(_ itemId: Int64, _ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestSubmit)
        var request = request
        let form = try await MultipartForm.from(&request)
        var fields = form.fields
        let photos = try await KeptPhotos.read(&fields, uploaded: PhotoInput.fromMultipart(form), requests: requests, context: context)
        var input = DraftInput(&fields, channel: .selfService, photos: photos.all)
        input.draft.itemId = itemId
        let values = AskValues(description: input.draft.description, address: input.draft.address ?? "", phone: input.draft.phone ?? "")
        do {
            try fields.finish()
            let submission = try await requests.submit(input.draft, actor: actor)
            try await photos.sent(requests)
            let flash = submission.emergency == nil ? "已提交。查询码 \(submission.request.trackingCode)，凭它可随时查看进度"
                : "已提交。情况紧急请立即拨打下面的电话。查询码 \(submission.request.trackingCode)"
            return web.redirect(to: "/my/requests/\(submission.request.id)", flash: flash)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .payloadTooLarge {
            return try await askForm(itemId, request, context, values: values, answers: input.draft.answers, regionId: input.draft.regionId,
                                     kept: try await photos.keptAgain(requests), error: error)
        }
    }

    // MARK: My requests and tracking

    struct MineModel { let items: [SummaryView] }
    struct TrackView {
        struct Step { struct Photo { let id: Int64 }; let label: String, who: String, note: String?, at: String, photos: [Photo], photoBase: String }
        let code: String?, itemName: String, state: String, submitted: String, description: String, place: String, answers: [AnswerView]
        let holder: String?, due: String?, rating: Int?, canRate: Bool, canAddInformation: Bool, canWithdraw: Bool, steps: [Step]
        let emergency: Emergency?
    }
    /// What an urgent request's page says first. `waiting`: out of hours with nobody on duty told.
    struct Emergency { let numbers: [EmergencyRules.Number], dutyPhone: String?, dutyNotified: Bool, waiting: Bool }
    struct TrackModel {
        let v: TrackView, csrf: String, actionPath: String, error: String?
        /// After a failed 补充信息: what was typed and the photos kept.
        var note = "", kept: [KeptPhotos.Kept] = [], hasKept = false

        mutating func again(_ retry: RequestHTTP.Retry?) {
            guard let retry, retry.kind == RequestActionKind.addInformation.rawValue else { return }
            (note, kept, hasKept) = (retry.note, retry.kept, !retry.kept.isEmpty)
        }
    }
    struct LookupModel { let code: String, error: String? }

    static func view(_ t: TrackingView, photoBase: String) -> TrackView {
        TrackView(code: t.trackingCode.isEmpty ? nil : t.trackingCode, itemName: t.itemName, state: t.state.residentLabel, submitted: t.submittedAt.shanghaiText,
                  description: t.description, place: t.place, answers: t.answers.map { AnswerView(label: $0.label, value: $0.value) },
                  holder: t.holder, due: t.due?.shanghaiText, rating: t.rating, canRate: t.canRate, canAddInformation: t.canAddInformation,
                  canWithdraw: t.canWithdraw,
                  steps: t.steps.reversed().map { .init(label: $0.label, who: $0.who, note: $0.note, at: $0.at.shanghaiText,
                                                        photos: $0.photoIds.map(TrackView.Step.Photo.init), photoBase: photoBase) },
                  emergency: t.emergency.map { Emergency(numbers: $0.numbers, dutyPhone: $0.dutyPhone, dutyNotified: $0.dutyNotified,
                                                         waiting: $0.outOfHours && !$0.dutyNotified) })
    }

    func minePage(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestSubmit)
        let now = clock.now()
        return web.page("requests.mine", title: "我的诉求", model: MineModel(items: try await requests.mine(actor: actor).map { SummaryView($0, now: now, forResident: true) }),
                        request: request, context: context)
    }

    func myRequest(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil,
                   retry: RequestHTTP.Retry? = nil) async throws -> Response {
        let actor = try context.requireActor(.requestSubmit)
        let view = try await requests.track(id, actor: actor)
        var model = TrackModel(v: Self.view(view, photoBase: "/my/requests/\(id)/photos"), csrf: context.csrfToken,
                               actionPath: "/my/requests/\(id)/actions", error: error?.message)
        model.again(retry)
        return web.page("requests.track", title: view.itemName, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func trackPage(_ code: String, _ request: Request, _ context: AppContext, error: DomainError? = nil,
                   retry: RequestHTTP.Retry? = nil) async throws -> Response {
        let view = try await requests.track(code: code, ip: context.clientIP)
        // The page's forms work without an account: the visitor's double-submit token (CSRFMiddleware).
        var model = TrackModel(v: Self.view(view, photoBase: "/track/\(view.trackingCode)/photos"), csrf: context.csrfToken,
                               actionPath: "/track/\(view.trackingCode)/actions", error: error?.message)
        model.again(retry)
        var response = web.page("requests.track", title: view.itemName, model: model, request: request, context: context,
                                status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// One step by the requester, from the tracking page or "my requests".
    func act(_ request: Request, _ context: AppContext, perform: (RequestAction, [Data]) async throws -> Void,
             back: String, page: (DomainError, RequestHTTP.Retry?) async throws -> Response) async throws -> Response {
        do {
            var done: RequestActionKind?
            try await RequestHTTP.pageStep(request, context, requests: requests) { action, photos in
                try await perform(action, photos)
                done = action.kind
            }
            return web.redirect(to: back, flash: done.map { "已\($0.label)" })
        } catch let failed as RequestHTTP.RetryableStep {
            return try await page(failed.error, failed.retry)
        }
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("ask") { request, context in try await askPage(request, context) }
        router.get("ask/:id") { request, context in try await askForm(try context.pathID(), request, context) }
        router.post("ask/:id") { request, context in try await submit(try context.pathID(), request, context) }
        router.get("my/requests") { request, context in try await minePage(request, context) }
        router.get("my/requests/:id") { request, context in try await myRequest(try context.pathID(), request, context) }
        router.post("my/requests/:id/actions") { request, context in
            let actor = try context.requireActor(.requestSubmit)
            let id = try context.pathID()
            _ = try await requests.track(id, actor: actor)
            return try await act(request, context, perform: { action, photos in _ = try await requests.act(id, action, photos: photos, actor: actor) },
                                 back: "/my/requests/\(id)", page: { error, retry in try await myRequest(id, request, context, error: error, retry: retry) })
        }
        router.post("my/requests/:id/follow") { _, context in
            let actor = try context.requireActor(.requestSubmit)
            let id = try context.pathID()
            try await requests.follow(id, actor: actor)
            return web.redirect(to: "/my/requests/\(id)", flash: "已关注，办理进展会通知您")
        }
        router.get("my/requests/:id/photos/:photo") { _, context in
            let actor = try context.requireActor(.requestSubmit)
            let view = try await requests.track(try context.pathID(), actor: actor)
            return RequestHTTP.photo(try await requests.trackingPhoto(code: view.trackingCode.isEmpty ? "-" : view.trackingCode,
                                                                              photoId: try context.pathID("photo"), ip: context.clientIP))
        }
        router.get("track") { request, context in
            var query = Fields.query(request)
            let code = query.text("code", "查询码", maxLength: 30)
            if let code { return web.redirect(to: "/track/\(IntakeRules.normalisedTrackingCode(code).urlQueryEscaped)") }
            return web.page("requests.trackLookup", title: "查询办理进度", model: LookupModel(code: "", error: nil), request: request, context: context)
        }
        router.get("track/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            do { return try await trackPage(code, request, context) } catch let error as DomainError where error.kind == .notFound {
                return web.page("requests.trackLookup", title: "查询办理进度", model: LookupModel(code: code, error: error.message), request: request,
                                context: context, status: .notFound)
            }
        }
        router.post("track/:code/actions") { request, context in
            let code = context.parameters.get("code") ?? ""
            return try await act(request, context, perform: { action, photos in
                _ = try await requests.actByTrackingCode(code, action, photos: photos, ip: context.clientIP)
            }, back: "/track/\(IntakeRules.normalisedTrackingCode(code).urlQueryEscaped)", page: { error, retry in try await trackPage(code, request, context, error: error, retry: retry) })
        }
        router.get("track/:code/photos/:photo") { _, context in
            RequestHTTP.photo(try await requests.trackingPhoto(code: context.parameters.get("code") ?? "", photoId: try context.pathID("photo"),
                                                                             ip: context.clientIP))
        }
    }
}
