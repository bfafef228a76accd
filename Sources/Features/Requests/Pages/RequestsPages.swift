import Foundation
import Hummingbird
import LinliKit
import Regions
import Residents

/// Staff console of the closed loop: queues, the request page with its actions, intake.
struct RequestsPages {
    let requests: RequestService
    let catalog: CatalogService
    let regions: RegionService
    let residents: ResidentService
    let web: Web
    let clock: any Clock

    struct QueueModel {
        let csrf: String, queue: String, queueLabel: String, total: Int, queues: [SelectOption], categories: [SelectOption], states: [SelectOption]
        let channels: [SelectOption], regionCode: String, items: [SummaryView], bulk: Bool
        /// Whom the ticked requests may go to, by name.
        let handlers: [SelectOption], handlersComplete: Bool, noteLength: Int
        let canIntake: Bool, previous: String?, next: String?, error: String?
    }

    func queuePage(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        var fields = Fields.query(request)
        var filter = QueueFilter(&fields)
        // Someone who only handles what is sent to them opens on that list.
        if !actor.may(.requestView) && !fields.has("queue") { filter.query.queue = .mine }
        let regionCode = fields.text("regionCode", "区域", maxLength: 60)
        var page = Page<RequestSummary>(items: [], total: 0, limit: 50, offset: 0)
        var problem = error
        do {
            try fields.finish()
            if let regionCode { filter.query.regionId = try await regions.node(named: regionCode, field: "regionCode", actor: actor).id }
            page = try await requests.queue(filter.query, actor: actor)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .notFound {
            problem = error
        }
        let catalog = try await catalog.catalog(actor: actor)
        let now = clock.now()
        let bulk = filter.query.queue == .dispatch && actor.may(.requestDispatch)
        let targets = bulk ? try await requests.dispatchTargets(actor: actor) : (people: [], complete: true)
        let load = try await requests.openLoad(of: targets.people.map(\.id))
        let handlers = targets.people.map { SelectOption(value: String($0.id), label: Self.handlerLabel($0, load: load)) }
        let carried = Fields.carriedQuery(request, dropping: ["offset"])
        func link(_ offset: Int) -> String { "/requests?" + (carried.isEmpty ? "" : carried + "&") + "offset=\(offset)" }
        let visibleQueues: [RequestQueue] = actor.may(.requestView) ? RequestQueue.allCases : [.mine, .all]
        let model = QueueModel(
            csrf: context.csrfToken, queue: filter.query.queue.rawValue, queueLabel: filter.query.queue.label, total: page.total,
            queues: visibleQueues.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.query.queue) },
            categories: catalog.categories.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == filter.query.categoryId) },
            states: RequestState.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.query.state) },
            channels: IntakeChannel.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.query.channel) },
            regionCode: regionCode ?? "", items: page.items.map { SummaryView($0, now: now, bulk: bulk) }, bulk: bulk,
            handlers: handlers, handlersComplete: targets.complete, noteLength: BulkDispatchInput.noteLength,
            canIntake: actor.may(.requestIntake), previous: page.hasPrevious ? link(max(0, page.offset - page.limit)) : nil,
            next: page.hasNext ? link(page.offset + page.limit) : nil, error: problem?.message)
        return web.page("requests.queue", title: "诉求办理", model: model, request: request, context: context,
                        status: problem.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    // MARK: The request page

    struct RequestView {
        let trackingCode: String, state: String, channel: String, submitted: String, due: String?, stage: String, overdue: Bool
        let escalation: String?, description: String, place: String, anonymous: Bool, rework: Int, reopen: Int, extensions: Int, rating: Int?
        let urgent: Bool
        /// Who was on duty and told at once (an urgent request out of hours).
        let dutyNotified: String?
    }
    struct ActionView {
        struct Handlers {
            let options: [HandlerOption]
            /// Other ways to choose, from later features (匹配五社资源).
            var links: [Link] = []
        }
        struct Link { let label: String, href: String }
        struct HandlerOption { let id: Int64, label: String }
        let kind: String, label: String, requestId: Int64, csrf: String, text: Bool, textLabel: String, required: Bool
        let hours: Bool, score: Bool, photos: Bool, handlers: Handlers?, primary: Bool, danger: Bool, irreversible: Bool
        /// After an error in this form: the note as typed and the photos kept.
        var note = "", kept: [KeptPhotos.Kept] = [], hasKept = false
        /// Where the form goes on the page: the main steps, then the others, then the dangerous.
        var rank: Int { primary ? 0 : danger ? 2 : 1 }
    }
    struct EventView {
        struct Photo { let id: Int64 }
        let label: String, at: String, actor: String, role: String, note: String?, isInternal: Bool, photos: [Photo], requestId: Int64
    }
    struct Contact { let name: String, phone: String }
    struct DetailModel {
        let r: RequestView, itemName: String, categoryName: String, answers: [AnswerView], contact: Contact?, handler: String?
        let coHandlers: String?, pending: String?, hasActions: Bool, actions: [ActionView], events: [EventView], error: String?
        /// 待定位: what was given, and the place being chosen (for a dispatcher).
        var placing: Placing? = nil
    }
    struct Placing { let requestId: Int64, csrf: String, address: String, point: String?, picker: PlacePicker }

    /// 刘芳（网格员，在办 3 件）: a person to hand work to, by name, role and what they hold now.
    static func handlerLabel(_ person: StaffMember, load: [Int64: Int], suggested: Bool = false) -> String {
        "\(person.displayName)（\(person.role.label)，在办 \(load[person.id] ?? 0) 件\(suggested ? "，推荐" : "")）"
    }

    /// The note field each action asks for, and whether it must be filled in.
    static func textField(_ kind: RequestActionKind) -> (label: String, required: Bool)? {
        switch kind {
        case .claim: nil
        case .register, .dispatch, .approveExtension, .approveSuspension, .resume, .verifyPass, .withdraw: ("说明（选填）", false)
        case .reject: ("不予受理的原因", true)
        case .void: ("作废原因", true)
        case .sendBack: ("回退原因", true)
        case .requestExtension: ("延期原因", true)
        case .requestSuspension: ("挂起原因", true)
        case .denyExtension, .denySuspension: ("驳回原因", true)
        case .report: ("处置结果", true)
        case .verifyFail: ("不通过的原因", true)
        case .rate: ("回访记录（选填）", false)
        case .addInformation: ("补充内容", true)
        case .comment: ("内部备注（居民看不到）", true)
        }
    }

    func detailPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil,
                    retry: RequestHTTP.Retry? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let d = try await requests.detail(id, actor: actor)
        let now = clock.now()
        var handlerOptions: ActionView.Handlers?
        if d.actions.contains(.dispatch) {
            let (suggested, others) = try await requests.candidates(for: id, actor: actor)
            let load = try await requests.openLoad(of: (suggested + others).map(\.id))
            handlerOptions = .init(options: suggested.map { .init(id: $0.id, label: "★ " + Self.handlerLabel($0, load: load, suggested: true)) }
                                   + others.map { .init(id: $0.id, label: Self.handlerLabel($0, load: load)) },
                                   links: web.pageLinks.at(.requestDispatch, subject: id, actor: actor).map { .init(label: $0.label, href: $0.href) })
        }
        let offered = d.actions.map { kind in
            let text = Self.textField(kind)
            var view = ActionView(kind: kind.rawValue, label: kind.label, requestId: id, csrf: context.csrfToken, text: text != nil,
                              textLabel: text?.label ?? "", required: text?.required ?? false, hours: kind == .requestExtension,
                              score: kind == .rate, photos: kind == .report || kind == .addInformation,
                              handlers: kind == .dispatch ? handlerOptions : nil,
                              primary: [.register, .dispatch, .claim, .report, .verifyPass, .approveExtension, .approveSuspension, .resume].contains(kind),
                              danger: [.reject, .void, .verifyFail].contains(kind),
                              irreversible: RequestActionKind.irreversible.contains(kind))
            if let retry, retry.kind == kind.rawValue {
                view.note = retry.note
                view.kept = view.photos ? retry.kept : []
                view.hasKept = !view.kept.isEmpty
            }
            return view
        }
        // The main steps first, the dangerous ones (作废, 不予受理, 核查不通过) last.
        let actions = offered.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
        let r = d.request
        let p = r.progress
        let pending: String? = p.pending.map { decision in
            switch decision {
            case .extensionOf(_, let reason), .suspension(let reason): "\(decision.label)：\(reason)"
            }
        }
        let model = DetailModel(
            r: RequestView(trackingCode: r.trackingCode, state: r.state.label, channel: r.channel.label, submitted: p.submittedAt.shanghaiText,
                           due: p.currentDue?.shanghaiText, stage: r.state.stage?.label ?? "", overdue: p.isOverdue(at: now),
                           escalation: p.escalationLevel > 0 ? EscalationRules.label(p.escalationLevel) : nil, description: r.description,
                           place: d.place, anonymous: r.anonymous, rework: p.reworkCount, reopen: p.reopenCount, extensions: p.extensionCount,
                           rating: p.rating, urgent: r.urgent, dutyNotified: d.events.first { $0.kind == .submit }?.data["duty"]),
            itemName: d.item.name, categoryName: d.categoryName, answers: RequestFormat.answers(r.answers, questions: d.item.questions),
            contact: d.showsContact && (r.contactName != nil || r.phoneMasked != nil) ? Contact(name: r.contactName ?? "", phone: r.phoneMasked ?? "") : nil,
            handler: d.handler.map { "\($0.displayName)（\($0.role.label)）" },
            coHandlers: d.coHandlers.isEmpty ? nil : d.coHandlers.map(\.displayName).joined(separator: "、"), pending: pending,
            hasActions: !actions.isEmpty, actions: actions,
            events: d.events.reversed().map { e in
                EventView(label: e.label, at: e.at.shanghaiText, actor: e.actorName, role: e.actorRole,
                          note: [e.note, e.data["unit"].map { "承接单位：\($0)" }, e.data["handler"].map { "主办：\($0)" }, e.data["score"].map { "\($0) 星" }].compactMap { $0 }.joined(separator: "\n").nilIfEmpty,
                          isInternal: e.isInternal, photos: e.photoIds.map(EventView.Photo.init), requestId: id)
            },
            error: error?.message,
            placing: try await placing(d, request: request, context: context, actor: actor))
        return web.page("requests.detail", title: d.item.name, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    /// The 确定地点 part of a 待定位 request's page, for whoever may dispatch it: a picker that
    /// starts where the request waits.
    func placing(_ d: RequestDetail, request: Request, context: AppContext, actor: Actor) async throws -> Placing? {
        let r = d.request
        guard r.awaitingPlace, r.state.isOpen, actor.may(.requestDispatch) else { return nil }
        var query = Fields.query(request)
        let selected = query.integer("regionId", "地点") ?? r.regionId
        let words = query.text("placeQuery", "按名称查找", maxLength: 30) ?? ""
        let link = { (id: Int64) in "/requests/\(r.id)?regionId=\(id)" }
        // A place out of reach in the link (typed by hand) starts the picker where the request waits.
        var picker = try? await PlacePicker.build(regions: regions, actor: actor, selected: selected, query: words, link: link)
        if picker == nil { picker = try await PlacePicker.build(regions: regions, actor: actor, selected: r.regionId, query: words, link: link) }
        let point = r.latitude.flatMap { lat in r.longitude.map { String(format: "%.6f, %.6f", lat, $0) } }
        return Placing(requestId: r.id, csrf: context.csrfToken, address: r.address.isEmpty ? "（未填写）" : r.address, point: point,
                       picker: picker!)
    }

    func place(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        do {
            let input = try await request.input(context, PlaceInput.init)
            _ = try await requests.place(id, regionId: input.regionId, actor: actor)
            return web.redirect(to: "/requests/\(id)", flash: "已确定地点")
        } catch let error as DomainError where error.kind == .invalid {
            return try await detailPage(id, request, context, error: error)
        }
    }

    func act(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        do {
            var done: (kind: RequestActionKind, visible: Bool)?
            try await RequestHTTP.pageStep(request, context, requests: requests) { action, photos in
                let detail = try await requests.act(id, action, photos: photos, actor: actor)
                done = (action.kind, Participation.mayView(actor, detail.request))
            }
            guard let done else { return web.redirect(to: "/requests/\(id)") }
            // Someone who can no longer see the request after their step goes back to the queue.
            return web.redirect(to: done.visible ? "/requests/\(id)" : "/requests", flash: "已\(done.kind.label)")
        } catch let failed as RequestHTTP.RetryableStep {
            return try await detailPage(id, request, context, error: failed.error, retry: failed.retry)
        } catch let error as DomainError where error.kind != .notFound && error.kind != .unauthenticated {
            return try await detailPage(id, request, context, error: error)
        }
    }

    // MARK: Intake by staff

    struct CallerView { let name: String, address: String, phone: String, href: String }
    struct Callers { let items: [CallerView] }
    struct ItemGroup { struct Entry { let id: Int64, name: String, selected: Bool }; let name: String, items: [Entry] }
    /// `origin`: the visit or patrol a request is raised from (`RequestDraft.origin`), kept through every step.
    struct IntakeValues { var description = "", regionId: Int64? = nil, address = "", contactName = "", phone = "", origin = "" }
    struct IntakeItem {
        let id: Int64, name: String, description: String, csrf: String, key: String, channels: [SelectOption], questions: [QuestionView]
        let allowsAnonymous: Bool, v: IntakeValues, kept: [KeptPhotos.Kept], hasKept: Bool
    }
    struct IntakeModel {
        let caller: String, callers: Callers?, noCaller: Bool, groups: [ItemGroup], itemId: String, item: IntakeItem?, v: IntakeValues
        let place: PlacePicker, error: String?
    }

    /// The intake page's URL with what has been chosen so far: each step of the page (caller,
    /// item, place) is a GET that keeps the others.
    static func intakeLink(caller: String, itemId: Int64?, contactName: String, regionId: Int64?, origin: String = "") -> String {
        var parts: [String] = []
        if !origin.isEmpty { parts.append("origin=" + origin.urlQueryEscaped) }
        if !caller.isEmpty { parts.append("caller=" + caller.urlQueryEscaped) }
        if let itemId { parts.append("itemId=\(itemId)") }
        if !contactName.isEmpty { parts.append("contactName=" + contactName.urlQueryEscaped) }
        if let regionId { parts.append("regionId=\(regionId)") }
        return "/requests/new" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }

    func intakePage(_ request: Request, _ context: AppContext, values: IntakeValues? = nil, answers: Answers = [:], itemId: Int64? = nil,
                    channel: IntakeChannel? = nil, kept: [KeptPhotos.Kept] = [], error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.requestIntake)
        var query = Fields.query(request)
        let selectedId = itemId ?? query.integer("itemId", "服务事项")
        let caller = query.text("caller", "来电号码", maxLength: 20) ?? ""
        var v = values ?? IntakeValues()
        let placeQuery = query.text("placeQuery", "地点名称", maxLength: 30) ?? ""
        if values == nil {
            v.regionId = query.integer("regionId", "地点")
            v.contactName = query.text("contactName", "联系人", maxLength: 50) ?? ""
            v.phone = caller
            v.origin = query.text("origin", "来源", maxLength: 40) ?? ""
        }
        var callers: Callers?
        if !caller.isEmpty, actor.may(.residentView), (try? PhoneNumber(caller)) != nil {
            var query = ResidentQuery()
            query.phone = caller
            query.limit = 10
            let found = try await residents.search(query, actor: actor)
            callers = Callers(items: try await found.items.asyncCompactMap { resident in
                guard let node = try await regions.lookup(resident.regionId) else { return nil }
                return CallerView(name: resident.name, address: resident.address, phone: resident.phoneMasked ?? "",
                                  href: Self.intakeLink(caller: caller, itemId: selectedId, contactName: resident.name, regionId: node.id,
                                                                  origin: v.origin))
            })
        }
        let catalog = try await catalog.catalog(actor: actor)
        let offered = catalog.offered(on: .hotline)
        let groups = offered.categories.map { category in
            ItemGroup(name: category.name, items: offered.items(in: category.id).map { .init(id: $0.id, name: $0.name, selected: $0.id == selectedId) })
        }
        let channels: [IntakeChannel] = [.hotline, .onBehalf] + ([Role.gridWorker, .gridLeader].contains(actor.role) ? [.gridWorker] : [])
        let defaultChannel = channel ?? ([Role.gridWorker, .gridLeader].contains(actor.role) ? .gridWorker : .hotline)
        let item = selectedId.flatMap { catalog.item($0) }.map { item in
            IntakeItem(id: item.id, name: item.name, description: item.description, csrf: context.csrfToken, key: RequestFormat.idempotencyKey(),
                       channels: channels.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == defaultChannel) },
                       questions: item.questions.map { QuestionView($0, answers: answers) }, allowsAnonymous: item.allowsAnonymous, v: v,
                       kept: kept, hasKept: !kept.isEmpty)
        }
        var problem = error
        let place: PlacePicker
        do {
            place = try await PlacePicker.build(regions: regions, actor: actor, selected: v.regionId, query: placeQuery) { [v] id in
                Self.intakeLink(caller: caller, itemId: selectedId, contactName: v.contactName, regionId: id, origin: v.origin)
            }
        } catch let error as DomainError where error.kind == .notFound {
            problem = problem ?? DomainError.invalid("regionId", "所选地点不存在或不在您的管辖范围内")
            place = try await PlacePicker.build(regions: regions, actor: actor, selected: nil, query: placeQuery) { [v] id in
                Self.intakeLink(caller: caller, itemId: selectedId, contactName: v.contactName, regionId: id, origin: v.origin)
            }
        }
        let model = IntakeModel(caller: caller, callers: callers, noCaller: callers?.items.isEmpty == true, groups: groups,
                                itemId: selectedId.map(String.init) ?? "", item: item, v: v, place: place, error: problem?.message)
        return web.page("requests.new", title: "登记诉求", model: model, request: request, context: context,
                        status: problem.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func submitIntake(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestIntake)
        var request = request
        let form = try await MultipartForm.from(&request)
        var fields = form.fields
        let photos = try await KeptPhotos.read(&fields, uploaded: PhotoInput.fromMultipart(form), requests: requests, context: context)
        let input = DraftInput(&fields, channel: nil, photos: photos.all)
        let values = IntakeValues(description: input.draft.description, regionId: input.draft.regionId, address: input.draft.address ?? "",
                                  contactName: input.draft.contactName ?? "", phone: input.draft.phone ?? "",
                                  origin: input.draft.origin ?? "")
        do {
            try fields.finish()
            let submission = try await requests.submit(input.draft, actor: actor)
            try await photos.sent(requests)
            return web.redirect(to: "/requests/\(submission.request.id)",
                                flash: submission.repeated ? "该诉求已登记过（查询码 \(submission.request.trackingCode)）" : "已登记，查询码 \(submission.request.trackingCode)，请告知诉求人")
        } catch let error as DomainError where error.kind == .invalid || error.kind == .payloadTooLarge {
            return try await intakePage(request, context, values: values, answers: input.draft.answers, itemId: input.draft.itemId,
                                        channel: input.draft.channel, kept: try await photos.keptAgain(requests), error: error)
        }
    }

    func bulkDispatch(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestDispatch)
        do {
            let input = try await request.input(context, BulkDispatchInput.init)
            let results = try await requests.dispatchMany(input.ids, handler: input.handler, coHandlers: input.coHandlers,
                                                          note: input.note, actor: actor)
            let failed = results.filter { if case .failure = $0.value { true } else { false } }
            let message = failed.isEmpty ? "已派遣 \(results.count) 件" : "已派遣 \(results.count - failed.count) 件；\(failed.count) 件未派遣：" +
                failed.compactMap { if case .failure(let e) = $0.value { "#\($0.key) \(e.message)" } else { nil } }.joined(separator: "；")
            return web.redirect(to: "/requests?queue=dispatch", flash: message)
        } catch let error as DomainError where error.kind == .invalid {
            return try await queuePage(request, context, error: error)
        }
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("requests") { request, context in try await queuePage(request, context) }
        router.get("requests/new") { request, context in try await intakePage(request, context) }
        router.post("requests/new") { request, context in try await submitIntake(request, context) }
        router.post("requests/dispatch") { request, context in try await bulkDispatch(request, context) }
        router.get("requests/:id") { request, context in try await detailPage(try context.pathID(), request, context) }
        router.post("requests/:id/actions") { request, context in try await act(request, context) }
        router.post("requests/:id/place") { request, context in try await place(request, context) }
        router.get("requests/:id/photos/:photo") { _, context in
            let actor = try context.requireActor()
            return RequestHTTP.photo(try await requests.photo(try context.pathID("photo"), actor: actor))
        }
    }
}
