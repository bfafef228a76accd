import Foundation
import Hummingbird
import LinliKit
import Requests

/// JSON API under /api/v1/grid: the day, the plan, visits, major events, the rules.
struct GridWorkAPI {
    let gridWork: GridWorkService

    struct PlanView: Encodable {
        let residentId: Int64, name: String, address: String, phoneMasked: String?, tags: [String], visitClass: String
        let className: String, rulesVersion: Int, since: Int64, lastVisitAt: Int64?, periodDueAt: Int64, eventId: Int64?
        let eventDueAt: Int64?, dueAt: Int64
        init(_ e: PlanEntry) {
            (residentId, name, address, phoneMasked, tags) = (e.residentId, e.name, e.address, e.phoneMasked, e.tags)
            (visitClass, className, rulesVersion, since) = (e.classCode, e.className, e.rulesVersion, e.since.millis)
            (lastVisitAt, periodDueAt, eventId, eventDueAt, dueAt) = (e.lastVisitAt?.millis, e.periodDue.millis, e.eventId, e.eventDue?.millis,
                                                                      e.due.millis)
        }
    }
    struct FindingView: Encodable { let check: VisitCheck, concern: Bool, note: String? }
    struct VisitView: Encodable {
        let id: Int64, residentId: Int64, residentName: String, visitorName: String, visitedAt: Int64, method: VisitMethod
        let contact: VisitContact, findings: [FindingView], notes: String?, visitClass: String?, dueAt: Int64?, late: Bool
        let followUpBy: Int64?, photoIds: [Int64], recordedAt: Int64
        init(_ v: VisitRecord) {
            (id, residentId, residentName, visitorName, visitedAt) = (v.id, v.residentId, v.residentName, v.visitorName, v.visitedAt.millis)
            (method, contact, notes, visitClass, dueAt, late) = (v.method, v.contact, v.notes, v.visitClass, v.dueAt?.millis, v.late)
            findings = v.findings.map { FindingView(check: $0.check, concern: $0.concern, note: $0.note) }
            (followUpBy, photoIds, recordedAt) = (v.followUpBy?.millis, v.photoIds, v.recordedAt.millis)
        }
    }
    struct SubmissionView: Encodable {
        let visit: VisitView, repeated: Bool, plan: PlanView?
    }
    struct VisitDetailView: Encodable {
        let visit: VisitView, requests: [RaisedView]
    }
    struct RaisedView: Encodable {
        let id: Int64, trackingCode: String, itemName: String, state: String
        init(_ r: RequestSummary) { (id, trackingCode, itemName, state) = (r.id, r.trackingCode, r.itemName, r.state.rawValue) }
    }
    struct EventView: Encodable {
        let id: Int64, kind: MajorEventKind, title: String, note: String?, regionId: Int64, regionName: String, declaredAt: Int64
        let declaredBy: String, endedAt: Int64?
        init(_ e: MajorEvent) {
            (id, kind, title, note, regionId, regionName) = (e.id, e.kind, e.title, e.note, e.regionId, e.regionName)
            (declaredAt, declaredBy, endedAt) = (e.declaredAt.millis, e.declaredBy, e.endedAt?.millis)
        }
    }
    struct DeclarationView: Encodable { let event: EventView, madeDue: Int, dueBy: Int64 }
    struct CountsView: Encodable {
        let overdue: Int, today: Int, week: Int, total: Int
        init(_ c: DueList.Counts) { (overdue, today, week, total) = (c.overdue, c.today, c.week, c.total) }
    }
    struct DayVisitView: Encodable {
        let plan: PlanView, bucket: String, methods: [VisitMethod], lastVisit: VisitView?, eventId: Int64?
    }
    struct DayView: Encodable {
        let grids: [GridRef], unassigned: Bool, counts: CountsView, visits: [DayVisitView], events: [EventView], patrols: [DayPatrol]
        let openPatrolId: Int64?
    }
    struct DayPatrol: Encodable { let gridId: Int64, gridName: String, perDay: Int, doneToday: Int, patrolsLeft: Int, buildingsDue: Int }
    struct GridRef: Encodable { let id: Int64, name: String, duty: String }
    struct PlanBody: Encodable { let regionId: Int64, regionName: String, counts: CountsView, items: [PlanView] }
    struct RulesBody<Body: Encodable>: Encodable {
        let regionId: Int64, regionName: String, version: Int, rules: Body, note: String, editedBy: String, editedAt: Int64?
    }

    static func bucketName(_ b: DueWindow.Bucket) -> String {
        switch b {
        case .overdue: "overdue"
        case .today: "today"
        case .week: "week"
        case .later: "later"
        }
    }

    struct CheckInView: Encodable {
        let buildingId: Int64, buildingName: String, at: Int64, way: CheckInWay
    }
    struct ProblemView: Encodable {
        let id: Int64, description: String, buildingId: Int64?, outcome: ProblemOutcome, handledNote: String?, requestId: Int64?, at: Int64
    }
    struct PatrolView: Encodable {
        let id: Int64, gridId: Int64, gridName: String, patrollerName: String, startedAt: Int64, endedAt: Int64?, notes: String?
        let checkIns: [CheckInView], problems: [ProblemView]
        init(_ p: PatrolRecord) {
            (id, gridId, gridName, patrollerName, startedAt, endedAt, notes) = (p.id, p.gridId, p.gridName, p.patrollerName, p.startedAt.millis,
                                                                                p.endedAt?.millis, p.notes)
            checkIns = p.checkIns.map { CheckInView(buildingId: $0.buildingId, buildingName: $0.buildingName, at: $0.at.millis, way: $0.way) }
            problems = p.problems.map { ProblemView(id: $0.id, description: $0.description, buildingId: $0.buildingId, outcome: $0.outcome,
                                                    handledNote: $0.handledNote, requestId: $0.requestId, at: $0.at.millis) }
        }
    }
    struct BuildingDue: Encodable { let id: Int64, name: String, lastPassed: Int64? }
    struct ProgressView: Encodable { let perDay: Int, buildingEveryDays: Int, doneToday: Int, patrolsLeft: Int, buildingsDue: [BuildingDue] }

    func addRoutes(to router: Router<AppContext>) {
        let api = router.group("api/v1/grid")
        api.get("day", use: day)
        api.get("plan", use: plan)
        api.get("visits", use: visits)
        api.post("visits", use: recordVisit)
        api.get("visits/:id", use: visit)
        api.get("events", use: events)
        api.post("events", use: declareEvent)
        api.post("events/:id/end", use: endEvent)
        api.post("patrols", use: startPatrol)
        api.get("patrols", use: patrols)
        api.post("patrols/past", use: pastPatrol)
        api.get("patrols/progress", use: progress)
        api.get("patrols/:id", use: patrol)
        api.post("patrols/:id/check-ins", use: checkIn)
        api.post("patrols/:id/problems", use: problem)
        api.post("patrols/:id/end", use: endPatrol)
        api.get("rules/patrols", use: quota)
        api.get("coverage", use: coverage)
        api.get("rules/visits", use: visitRules)
        api.get("rules/duties", use: duties)
        api.get("rules/scores", use: scoreRules)
        api.put("rules/patrols", use: editQuota)
        api.put("rules/scores", use: editScoreRules)
        api.get("scores", use: scores)
    }

    @Sendable func day(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        try request.query { _ in () }
        let day = try await gridWork.day(actor: actor)
        return try Web.json(DayView(
            grids: day.grids.map { GridRef(id: $0.grid.id, name: $0.grid.name, duty: $0.duty.rawValue) }, unassigned: day.unassigned,
            counts: CountsView(day.counts),
            visits: day.visits.map { DayVisitView(plan: PlanView($0.plan), bucket: Self.bucketName($0.bucket), methods: $0.methods,
                                                  lastVisit: $0.last.map(VisitView.init), eventId: $0.event?.id) },
            events: day.events.map(EventView.init),
            patrols: day.patrols.map { DayPatrol(gridId: $0.grid.id, gridName: $0.grid.name, perDay: $0.progress.quota.perDay,
                                                 doneToday: $0.progress.doneToday, patrolsLeft: $0.progress.patrolsLeft,
                                                 buildingsDue: $0.progress.buildingsDue.count) },
            openPatrolId: day.openPatrol?.id))
    }

    @Sendable func plan(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = try request.query(PlanQuery.init)
        let window = DueWindow(now: gridWork.clock.now())
        let before = query.dueWithinDays.map { $0 == 0 ? window.now : window.endOfToday.addingTimeInterval(Double($0 - 1) * 86_400) }
        let view = try await gridWork.plan(regionId: query.regionId, dueBefore: before, limit: query.limit, actor: actor)
        return try Web.json(PlanBody(regionId: view.region.id, regionName: view.region.name, counts: CountsView(view.counts),
                                     items: view.entries.map(PlanView.init)))
    }

    @Sendable func visits(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = try request.query(VisitsQuery.init)
        if let residentId = query.residentId {
            return try Web.json(ItemList(try await gridWork.visits(residentId: residentId, actor: actor).map(VisitView.init)))
        }
        let month = query.month ?? { let r = ChinaStandardTime.reading(gridWork.clock.now()); return (r.year, r.month) }()
        let from = ChinaStandardTime.startOfDay(year: month.year, month: month.month, day: 1)
        let to = Cadence.monthly.period(containing: from).end
        return try Web.json(ItemList(try await gridWork.visits(regionId: query.regionId, from: from, to: to, actor: actor).map(VisitView.init)))
    }

    @Sendable func recordVisit(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        var request = request
        var (fields, photos) = try await request.fieldsAndFiles(context, fileField: "photos")
        let input = try VisitInput(&fields, photos: photos, now: gridWork.clock.now())
        let submission = try await gridWork.recordVisit(input.draft, actor: actor)
        return try Web.json(SubmissionView(visit: VisitView(submission.visit), repeated: submission.repeated, plan: submission.plan.map(PlanView.init)),
                            status: submission.repeated ? .ok : .created)
    }

    @Sendable func visit(_ request: Request, context: AppContext) async throws -> Response {
        let detail = try await gridWork.visit(try context.pathID(), actor: try context.requireActor())
        return try Web.json(VisitDetailView(visit: VisitView(detail.visit), requests: detail.requests.map(RaisedView.init)))
    }

    @Sendable func events(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(ItemList(try await gridWork.events(actor: try context.requireActor()).map(EventView.init)))
    }

    @Sendable func declareEvent(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridManage)
        let input = try await request.input(context, EventInput.init)
        let made = try await gridWork.declareEvent(kind: input.kind, title: input.title, note: input.note, regionId: input.regionId, actor: actor)
        return try Web.json(DeclarationView(event: EventView(made.event), madeDue: made.madeDue, dueBy: made.dueBy.millis), status: .created)
    }

    @Sendable func endEvent(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(EventView(try await gridWork.endEvent(try context.pathID(), actor: try context.requireActor(.gridManage))))
    }

    @Sendable func visitRules(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let regionId = try request.query { $0.integer("regionId", "区域") }
        let view = try await gridWork.visitRules(regionId: regionId, actor: actor)
        return try Web.json(Self.rulesBody(view))
    }

    @Sendable func duties(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let regionId = try request.query { $0.integer("regionId", "区域") }
        let view = try await gridWork.duties(regionId: regionId, actor: actor)
        return try Web.json(Self.rulesBody(view))
    }

    @Sendable func startPatrol(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let input = try await request.input(context, PatrolStartInput.init)
        return try Web.json(PatrolView(try await gridWork.startPatrol(gridId: input.gridId, idempotencyKey: input.idempotencyKey, actor: actor)),
                            status: .created)
    }

    @Sendable func pastPatrol(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let i = try await request.input(context, PastPatrolInput.init)
        return try Web.json(PatrolView(try await gridWork.recordPastPatrol(gridId: i.gridId, startedAt: i.startedAt, endedAt: i.endedAt,
                                                                           buildingIds: i.buildingIds, notes: i.notes, actor: actor)),
                            status: .created)
    }

    @Sendable func patrols(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = try request.query(VisitsQuery.init)
        let month = query.month ?? { let r = ChinaStandardTime.reading(gridWork.clock.now()); return (r.year, r.month) }()
        let from = ChinaStandardTime.startOfDay(year: month.year, month: month.month, day: 1)
        return try Web.json(ItemList(try await gridWork.patrols(regionId: query.regionId, from: from, to: Cadence.monthly.period(containing: from).end,
                                                                actor: actor).map(PatrolView.init)))
    }

    @Sendable func progress(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let gridId = try request.query { fields in try fields.present(fields.integer("gridId", "网格", required: true)) }
        let p = try await gridWork.patrolProgress(gridId: gridId, actor: actor)
        return try Web.json(ProgressView(perDay: p.quota.perDay, buildingEveryDays: p.quota.buildingEveryDays, doneToday: p.doneToday,
                                         patrolsLeft: p.patrolsLeft,
                                         buildingsDue: p.buildingsDue.map { BuildingDue(id: $0.id, name: $0.name, lastPassed: $0.lastPassed?.millis) }))
    }

    @Sendable func patrol(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(PatrolView(try await gridWork.patrol(try context.pathID(), actor: try context.requireActor())))
    }

    @Sendable func checkIn(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let input = try await request.input(context, CheckInInput.init)
        return try Web.json(PatrolView(try await gridWork.checkIn(patrolId: try context.pathID(), buildingId: input.buildingId, plate: input.plate,
                                                                  actor: actor)))
    }

    @Sendable func problem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        var request = request
        var (fields, photos) = try await request.fieldsAndFiles(context, fileField: "photos")
        let input = try ProblemFields(&fields, photos: photos)
        return try Web.json(PatrolView(try await gridWork.reportProblem(patrolId: try context.pathID(), input.input, actor: actor)), status: .created)
    }

    @Sendable func endPatrol(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let input = try await request.input(context, PatrolEndInput.init)
        return try Web.json(PatrolView(try await gridWork.endPatrol(try context.pathID(), notes: input.notes, actor: actor)))
    }

    struct FiguresView: Encodable {
        let inCare: Int, visited: Int, overdue: Int, visits: Int, lateVisits: Int, eventDue: Int, eventMissed: Int, rate: Double?
        init(_ f: CoverageFigures) {
            (inCare, visited, overdue, visits, lateVisits) = (f.inCare, f.visited, f.overdue, f.visits, f.lateVisits)
            (eventDue, eventMissed, rate) = (f.eventDue, f.eventMissed, f.rate)
        }
    }
    struct CoverageRowView: Encodable { let regionId: Int64, regionName: String, figures: FiguresView }
    struct CoverageView: Encodable { let regionId: Int64, regionName: String, from: Int64, to: Int64, total: FiguresView, children: [CoverageRowView] }

    @Sendable func coverage(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridView)
        let (regionId, year, month) = try regionMonth(request)
        let c = try await gridWork.coverage(regionId: regionId, year: year, month: month, actor: actor)
        return try Web.json(CoverageView(regionId: c.region.id, regionName: c.region.name, from: c.from.millis, to: c.to.millis,
                                         total: FiguresView(c.total),
                                         children: c.children.map { CoverageRowView(regionId: $0.region.id, regionName: $0.region.name,
                                                                                    figures: FiguresView($0.figures)) }))
    }

    /// `regionId` and `month` (`2026-12`; this month when absent) of a report's query.
    func regionMonth(_ request: Request) throws -> (regionId: Int64?, year: Int, month: Int) {
        let query = try request.query(VisitsQuery.init)
        let r = ChinaStandardTime.reading(gridWork.clock.now())
        let (year, month) = query.month ?? (r.year, r.month)
        return (query.regionId, year, month)
    }

    @Sendable func quota(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let regionId = try request.query { $0.integer("regionId", "区域") }
        return try Web.json(Self.rulesBody(try await gridWork.patrolQuota(regionId: regionId, actor: actor)))
    }

    static func rulesBody<Body>(_ view: GridWorkService.RulesView<Body>) -> RulesBody<Body> {
        RulesBody(regionId: view.region.id, regionName: view.region.name, version: view.effective.version, rules: view.effective.body,
                  note: view.effective.note, editedBy: view.effective.editedBy, editedAt: view.effective.editedAt?.millis)
    }
}
