import Foundation
import Hummingbird
import LinliKit
import Regions
import Requests
import Residents

/// The grid work pages: the grid worker's day and visit form on the phone, a visit's record,
/// the plan and major events for staff, the rules in force.
struct GridWorkPages {
    let gridWork: GridWorkService
    let catalog: CatalogService
    let web: Web

    func addRoutes(to router: Router<AppContext>) {
        router.get("grid.js", use: script)
        router.get("grid", use: day)
        router.get("grid/visits/new", use: visitForm)
        router.post("grid/visits/new", use: recordVisit)
        router.get("grid/visits/:id", use: visit)
        router.get("grid/visits/:id/photos/:photo", use: photo)
        router.get("grid/plans", use: plans)
        router.post("grid/events", use: declareEvent)
        router.post("grid/events/:id/end", use: endEvent)
        router.get("grid/rules", use: rules)
        router.post("grid/rules/patrols", use: editQuota)
        router.post("grid/rules/scores", use: editScoreRules)
        router.post("grid/patrols", use: startPatrol)
        router.get("grid/patrols/:id", use: patrolPage)
        router.post("grid/patrols/:id/check-ins", use: checkIn)
        router.post("grid/patrols/:id/problems", use: reportProblem)
        router.post("grid/patrols/:id/end", use: endPatrol)
        router.get("grid/plates", use: platesPage)
        router.get("grid/plates/:code", use: plateLanding)
        router.get("grid/coverage", use: coverage)
        router.get("grid/scores", use: scores)
        router.get("grid/scores.xlsx", use: scoreSheet)
        router.get("grid/visits.xlsx", use: visitLedger)
        router.get("grid/patrols.xlsx", use: patrolLedger)
    }

    @Sendable func script(_ request: Request, context: AppContext) async throws -> Response {
        Web.script(GridWorkScript.source)
    }

    static func time(_ date: Date) -> String { date.shanghaiText }

    // MARK: The day

    struct VisitRow {
        let id: Int64, name: String, className: String, byEvent: Bool, due: String, address: String, tags: String, hasTags: Bool
        let phone: String, hasPhone: Bool, hasLast: Bool, lastWhen: String, lastMethod: String, lastNotes: String, hasLastNotes: Bool
        let concerns: String, hasConcerns: Bool, overdue: Bool
    }
    struct Group { let label: String, count: Int, rows: [VisitRow] }
    struct RequestItem { let title: String, status: String, detail: String, hasDetail: Bool, href: String }
    struct RequestListView { let title: String, href: String, count: Int, items: [RequestItem] }
    struct EventBanner { let kind: String, title: String, note: String, dueBy: String }
    struct PatrolLine {
        let gridId: Int64, gridName: String, doneToday: Int, perDay: Int, hasDue: Bool, dueCount: Int, everyDays: Int, dueNames: String
        let hasOpen: Bool, csrf: String, key: String
    }
    struct DayModel {
        let gridNames: String, hasGrids: Bool, unassigned: Bool, events: [EventBanner], counts: DueList.Counts, groups: [Group]
        let hasVisits: Bool, requestLists: [RequestListView], hasRequests: Bool
        let patrols: [PatrolLine], hasPatrols: Bool, hasOpen: Bool, openId: Int64, openSince: String
    }

    static func row(_ v: DayVisit) -> VisitRow {
        let p = v.plan, last = v.last
        let concerns = last?.concerns.map { $0.check.label + ($0.note.map { "：\($0)" } ?? "") }.joined(separator: "；") ?? ""
        return VisitRow(id: p.residentId, name: p.name, className: p.className, byEvent: v.event != nil, due: time(p.due), address: p.address,
                        tags: p.tags.joined(separator: "、"), hasTags: !p.tags.isEmpty, phone: p.phoneMasked ?? "", hasPhone: p.phoneMasked != nil,
                        hasLast: last != nil, lastWhen: last.map { time($0.visitedAt) } ?? "", lastMethod: last?.method.label ?? "",
                        lastNotes: last?.notes ?? "", hasLastNotes: last?.notes != nil, concerns: concerns, hasConcerns: !concerns.isEmpty,
                        overdue: v.bucket == .overdue)
    }

    @Sendable func day(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        try request.query { _ in () }
        let day = try await gridWork.day(actor: actor)
        let labels: [(DueWindow.Bucket, String)] = [(.overdue, "已超期"), (.today, "今天到期"), (.week, "7 天内到期")]
        let groups = labels.compactMap { bucket, label -> Group? in
            let rows = day.visits.filter { $0.bucket == bucket }.map(Self.row)
            return rows.isEmpty ? nil : Group(label: label, count: rows.count, rows: rows)
        }
        let hours = try await gridWork.visitRules(regionId: nil, actor: actor).effective.body.eventHours
        let events = day.events.map { e in
            EventBanner(kind: e.kind.label, title: e.title, note: e.note ?? "", dueBy: Self.time(e.declaredAt.addingTimeInterval(Double(hours) * 3600)))
        }
        let lists = day.requests.map { list in
            RequestListView(title: list.title, href: list.href, count: list.counts.total, items: list.items.map {
                RequestItem(title: $0.title, status: $0.status, detail: $0.detail ?? "", hasDetail: $0.detail != nil, href: $0.href)
            })
        }
        let model = DayModel(gridNames: day.grids.map { "\($0.grid.name)（\($0.duty.label)）" }.joined(separator: "、"), hasGrids: !day.grids.isEmpty,
                             unassigned: day.unassigned, events: events, counts: day.counts, groups: groups, hasVisits: !groups.isEmpty,
                             requestLists: lists, hasRequests: !lists.isEmpty,
                             patrols: day.patrols.map { grid, p in
                                 PatrolLine(gridId: grid.id, gridName: grid.name, doneToday: p.doneToday, perDay: p.quota.perDay,
                                            hasDue: !p.buildingsDue.isEmpty, dueCount: p.buildingsDue.count, everyDays: p.quota.buildingEveryDays,
                                            dueNames: p.buildingsDue.prefix(6).map(\.name).joined(separator: "、"), hasOpen: day.openPatrol != nil,
                                            csrf: context.csrfToken, key: UUID().uuidString)
                             },
                             hasPatrols: !day.patrols.isEmpty || day.openPatrol != nil, hasOpen: day.openPatrol != nil,
                             openId: day.openPatrol?.id ?? 0, openSince: day.openPatrol.map { Self.time($0.startedAt) } ?? "")
        return web.page("gridwork.day", title: "今日网格工作", model: model, request: request, context: context)
    }

    // MARK: Visits

    struct Choice { let value: String, label: String, selected: Bool }
    struct CheckRow { let code: String, label: String, ok: Bool, concern: Bool, note: String }
    struct FormModel {
        let csrf: String, key: String, residentId: Int64, name: String, address: String, hasPlan: Bool, className: String, due: String
        let tags: String, hasTags: Bool, error: String?, hadPhotos: Bool, visitedAt: String, now: String, methods: [Choice], contacts: [Choice]
        let checks: [CheckRow], notes: String, followUpBy: String
    }

    @Sendable func visitForm(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let residentId = try request.query { fields in try fields.present(fields.integer("residentId", "走访对象", required: true)) }
        return try await formPage(request, context, actor: actor, residentId: residentId, values: [:])
    }

    func formPage(_ request: Request, _ context: AppContext, actor: Actor, residentId: Int64, values: [String: String],
                  error: DomainError? = nil, hadPhotos: Bool = false) async throws -> Response {
        let resident = try await gridWork.visitable(residentId, actor: actor)
        let plan = try await gridWork.planEntry(residentId: resident.id, actor: actor)
        let rules = try await gridWork.visitRules(regionId: nil, actor: actor).effective.body
        let allowed = plan.flatMap { rules.visitClass($0.classCode) }?.methods ?? VisitMethod.allCases
        let now = gridWork.clock.now()
        let method = values["method"] ?? allowed.first?.rawValue ?? ""
        let contact = values["contact"] ?? VisitContact.resident.rawValue
        let model = FormModel(
            csrf: context.csrfToken, key: values["idempotencyKey"] ?? UUID().uuidString, residentId: resident.id, name: resident.name,
            address: resident.address, hasPlan: plan != nil, className: plan?.className ?? "", due: plan.map { Self.time($0.due) } ?? "",
            tags: resident.tags.joined(separator: "、"), hasTags: !resident.tags.isEmpty, error: error?.message, hadPhotos: hadPhotos,
            visitedAt: values["visitedAt"] ?? ChinaStandardTime.localMinuteText(now), now: ChinaStandardTime.localMinuteText(now.addingTimeInterval(300)),
            methods: allowed.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == method) },
            contacts: VisitContact.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == contact) },
            checks: VisitCheck.allCases.map { c in
                let state = values["findings.\(c.rawValue)"]
                return CheckRow(code: c.rawValue, label: c.label, ok: state == "ok", concern: state == "concern",
                                note: values["findings.\(c.rawValue).note"] ?? "")
            },
            notes: values["notes"] ?? "", followUpBy: values["followUpBy"] ?? "")
        return web.page("gridwork.visitForm", title: "登记走访", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func recordVisit(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        var request = request
        var (fields, photos): (Fields, [Data])
        do {
            (fields, photos) = try await request.fieldsAndFiles(context, fileField: "photos")
        } catch let error as DomainError where error.kind == .payloadTooLarge {
            return web.redirect(to: "/grid", flash: "照片太大，没有保存：请少选几张或压缩后再传（填好的内容仍保存在手机上）")
        }
        let typed = fields.texts
        do {
            let input = try VisitInput(&fields, photos: photos, now: gridWork.clock.now())
            let made = try await gridWork.recordVisit(input.draft, actor: actor)
            return web.redirect(to: "/grid/visits/\(made.visit.id)",
                                flash: made.repeated ? "这次走访已经登记过了" : "已登记走访\(made.visit.late ? "（逾期）" : "")")
        } catch let error as DomainError where error.kind == .invalid || error.kind == .payloadTooLarge {
            guard let residentId = typed["residentId"].flatMap({ Int64($0) }) else { throw error }
            return try await formPage(request, context, actor: actor, residentId: residentId, values: typed, error: error,
                                      hadPhotos: !photos.isEmpty)
        }
    }

    struct FindingRow { let label: String, concern: Bool, note: String, hasNote: Bool }
    struct PhotoLink { let href: String }
    struct RaisedRow { let id: Int64, itemName: String, state: String, code: String }
    struct VisitModel {
        let residentId: Int64, name: String, when: String, method: String, contact: String, visitor: String, late: Bool
        let findings: [FindingRow], hasFindings: Bool, notes: String, hasNotes: Bool, photos: [PhotoLink], hasPhotos: Bool
        let next: String, hasNext: Bool, requests: [RaisedRow], hasRequests: Bool, mayRaise: Bool, raiseHref: String
    }

    @Sendable func visit(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let detail = try await gridWork.visit(try context.pathID(), actor: actor)
        let v = detail.visit
        let plan = (try? await gridWork.planEntry(residentId: v.residentId, actor: actor)) ?? nil
        let resident = try? await gridWork.residents.resident(v.residentId, actor: actor)
        var raise = "/requests/new?origin=" + GridWorkService.origin(visit: v.id).urlQueryEscaped + "&contactName=" + v.residentName.urlQueryEscaped
        if let resident { raise += "&regionId=\(resident.regionId)" }
        let model = VisitModel(
            residentId: v.residentId, name: v.residentName, when: Self.time(v.visitedAt), method: v.method.label, contact: v.contact.label,
            visitor: v.visitorName, late: v.late,
            findings: v.findings.map { FindingRow(label: $0.check.label, concern: $0.concern, note: $0.note ?? "", hasNote: $0.note != nil) },
            hasFindings: !v.findings.isEmpty, notes: v.notes ?? "", hasNotes: v.notes != nil,
            photos: v.photoIds.map { PhotoLink(href: "/grid/visits/\(v.id)/photos/\($0)") }, hasPhotos: !v.photoIds.isEmpty,
            next: plan.map { Self.time($0.due) } ?? "", hasNext: plan != nil,
            requests: detail.requests.map { RaisedRow(id: $0.id, itemName: $0.itemName, state: $0.state.label, code: $0.trackingCode) },
            hasRequests: !detail.requests.isEmpty, mayRaise: actor.may(.requestIntake), raiseHref: raise)
        return web.page("gridwork.visit", title: "走访记录", model: model, request: request, context: context)
    }

    @Sendable func photo(_ request: Request, context: AppContext) async throws -> Response {
        let photo = try await gridWork.visitPhoto(try context.pathID("photo"), actor: try context.requireActor())
        return Web.photo(contentType: photo.contentType, data: photo.data)
    }

    // MARK: Plans and events

    struct NodeLink { let id: Int64, name: String }
    struct PlanRow { let name: String, className: String, byEvent: Bool, address: String, due: String, last: String, overdue: Bool }
    struct EventRow {
        let id: Int64, kind: String, title: String, region: String, declared: String, by: String, open: Bool, mayEnd: Bool
        let note: String, hasNote: Bool, csrf: String
    }
    struct PlansModel {
        let regionId: Int64, regionName: String, crumbs: [NodeLink], children: [NodeLink], hasChildren: Bool, counts: DueList.Counts
        let rows: [PlanRow], hasRows: Bool, events: [EventRow], hasEvents: Bool, mayDeclare: Bool, kinds: [SelectOption], csrf: String
        let eventHours: Int, error: String?
    }

    @Sendable func plans(_ request: Request, context: AppContext) async throws -> Response {
        try await plansPage(request, context)
    }

    func plansPage(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let regionId = try request.query { $0.integer("regionId", "区域") }
        let view = try await gridWork.plan(regionId: regionId, limit: 300, actor: actor)
        let crumbs = try await gridWork.regions.breadcrumb(for: view.region, actor: actor)
        let children = view.region.level < .grid ? try await gridWork.regions.children(of: view.region.id, actor: actor) : []
        let window = DueWindow(now: gridWork.clock.now())
        let events = try await gridWork.events(actor: actor)
        let hours = try await gridWork.visitRules(regionId: view.region.id, actor: actor).effective.body.eventHours
        let csrf = context.csrfToken
        let model = PlansModel(
            regionId: view.region.id, regionName: view.region.name, crumbs: crumbs.map { NodeLink(id: $0.id, name: $0.name) },
            children: children.map { NodeLink(id: $0.id, name: $0.name) }, hasChildren: !children.isEmpty, counts: view.counts,
            rows: view.entries.map { e in
                PlanRow(name: e.name, className: e.className, byEvent: e.eventId != nil, address: e.address, due: Self.time(e.due),
                        last: e.lastVisitAt.map(Self.time) ?? "未走访", overdue: window.bucket(of: e.due) == .overdue)
            },
            hasRows: !view.entries.isEmpty,
            events: events.map { e in
                EventRow(id: e.id, kind: e.kind.label, title: e.title, region: e.regionName, declared: Self.time(e.declaredAt), by: e.declaredBy,
                         open: e.isOpen, mayEnd: actor.may(.gridManage) && actor.scope.contains(path: e.regionPath), note: e.note ?? "",
                         hasNote: e.note != nil, csrf: csrf)
            },
            hasEvents: !events.isEmpty, mayDeclare: actor.may(.gridManage) && view.region.level <= .grid,
            kinds: MajorEventKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }, csrf: csrf, eventHours: hours,
            error: error?.message)
        return web.page("gridwork.plans", title: "走访计划", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func declareEvent(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridManage)
        return try await web.formPost(request, context, EventInput.init, { input in
            let made = try await gridWork.declareEvent(kind: input.kind, title: input.title, note: input.note, regionId: input.regionId, actor: actor)
            return ("/grid/plans?regionId=\(input.regionId)", "已发布「\(made.event.title)」：\(made.madeDue) 位高风险对象须在 \(Self.time(made.dueBy)) 前探访")
        }, orShow: { error in try await plansPage(request, context, error: error) })
    }

    @Sendable func endEvent(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridManage)
        let id = try context.pathID()
        return try await web.formPost(request, context, { _ in () }, { _ in
            let event = try await gridWork.endEvent(id, actor: actor)
            return ("/grid/plans?regionId=\(event.regionId)", "已结束「\(event.title)」")
        }, orShow: { error in try await plansPage(request, context, error: error) })
    }

    // MARK: Rules

    struct ClassRow { let name: String, cadence: String, methods: String, onEvents: Bool, eventHours: Int }
    struct RuleRow { let tags: String, hasAge: Bool, age: Int, className: String }
    struct DutyRow { let post: String, tasks: String }
    struct RulesModel {
        let regionName: String, visitVersion: Int, visitBy: String, dutyVersion: Int, dutyBy: String, classes: [ClassRow], rules: [RuleRow]
        let newcomerDays: Int, duties: [DutyRow]
        let settings: SettingsModel
    }

    @Sendable func rules(_ request: Request, context: AppContext) async throws -> Response {
        try await rulesPage(request, context, regionId: try request.query { $0.integer("regionId", "区域") })
    }

    func rulesPage(_ request: Request, _ context: AppContext, regionId: Int64?, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let visits = try await gridWork.visitRules(regionId: regionId, actor: actor)
        let duties = try await gridWork.duties(regionId: regionId, actor: actor)
        let r = visits.effective.body
        let model = RulesModel(
            regionName: visits.region.name, visitVersion: visits.effective.version, visitBy: visits.effective.editedBy,
            dutyVersion: duties.effective.version, dutyBy: duties.effective.editedBy,
            classes: r.classes.map { ClassRow(name: $0.name, cadence: $0.cadence.label, methods: $0.methods.map(\.label).joined(separator: "、"),
                                              onEvents: $0.onMajorEvents, eventHours: r.eventHours) },
            rules: r.rules.map { RuleRow(tags: $0.anyTags.joined(separator: "或"), hasAge: $0.minAge != nil, age: $0.minAge ?? 0,
                                         className: r.visitClass($0.visitClass)?.name ?? $0.visitClass) },
            newcomerDays: r.newcomerDays,
            duties: GridDuty.allCases.map { DutyRow(post: $0.label, tasks: duties.effective.body.tasks(of: $0).map(\.label).joined(separator: "、")) },
            settings: try await settingsModel(region: visits.region, actor: actor, csrf: context.csrfToken, error: error))
        return web.page("gridwork.rules", title: "走访规则", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }
}
