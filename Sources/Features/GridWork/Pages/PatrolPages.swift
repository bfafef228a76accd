import Foundation
import Hummingbird
import LinliKit
import Regions
import Requests

/// 巡查 on the phone: begun from the day, buildings passed by a tap or a plate's QR code,
/// problems handled or raised as requests, ended with notes; the plates to print.
extension GridWorkPages {
    struct BuildingRow {
        let id: Int64, name: String, passed: Bool, when: String, way: String, open: Bool, patrolId: Int64, csrf: String
    }
    struct ProblemRow { let description: String, outcome: String, note: String, hasNote: Bool, requestId: Int64, hasRequest: Bool }
    struct ItemOption { let id: Int64, name: String }
    struct ItemGroup { let name: String, items: [ItemOption] }
    struct PatrolModel {
        let patrolId: Int64, gridName: String, patroller: String, started: String, ended: Bool, endedAt: String, open: Bool, csrf: String
        let buildings: [BuildingRow], passedCount: Int, buildingCount: Int, problems: [ProblemRow], hasProblems: Bool, groups: [ItemGroup]
        let problemKey: String, notes: String, hasNotes: Bool, error: String?
    }

    @Sendable func startPatrol(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        return try await web.formPost(request, context, PatrolStartInput.init, { input in
            let patrol = try await gridWork.startPatrol(gridId: input.gridId, idempotencyKey: input.idempotencyKey, actor: actor)
            return ("/grid/patrols/\(patrol.id)", "巡查已开始：\(patrol.gridName)")
        }, orShow: { error in web.redirect(to: "/grid", flash: error.message) })
    }

    @Sendable func patrolPage(_ request: Request, context: AppContext) async throws -> Response {
        try await patrolPage(try context.pathID(), request, context)
    }

    func patrolPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let patrol = try await gridWork.patrol(id, actor: actor)
        let open = patrol.isOpen && patrol.patrollerId == actor.userId
        let buildings = try await gridWork.regions.children(of: patrol.gridId, actor: actor).filter { $0.level == .building }
        let passed = Dictionary(patrol.checkIns.map { ($0.buildingId, $0) }) { a, _ in a }
        let csrf = context.csrfToken
        let catalog = try await catalog.catalog(actor: actor).offered(on: .gridWorker)
        let model = PatrolModel(
            patrolId: patrol.id, gridName: patrol.gridName, patroller: patrol.patrollerName, started: Self.time(patrol.startedAt),
            ended: !patrol.isOpen, endedAt: patrol.endedAt.map(Self.time) ?? "", open: open, csrf: csrf,
            buildings: buildings.map { b in
                let c = passed[b.id]
                return BuildingRow(id: b.id, name: b.name, passed: c != nil, when: c.map { ChinaStandardTime.localMinuteText($0.at).suffix(5).description } ?? "",
                                   way: c?.way.label ?? "", open: open, patrolId: patrol.id, csrf: csrf)
            },
            passedCount: patrol.checkIns.count, buildingCount: buildings.count,
            problems: patrol.problems.map { p in
                ProblemRow(description: p.description, outcome: p.outcome.label, note: p.handledNote ?? "", hasNote: p.handledNote != nil,
                           requestId: p.requestId ?? 0, hasRequest: p.requestId != nil)
            },
            hasProblems: !patrol.problems.isEmpty,
            groups: catalog.categories.map { c in ItemGroup(name: c.name, items: catalog.items(in: c.id).map { ItemOption(id: $0.id, name: $0.name) }) },
            problemKey: UUID().uuidString, notes: patrol.notes ?? "", hasNotes: patrol.notes != nil, error: error?.message)
        return web.page("gridwork.patrol", title: "巡查", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func checkIn(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let id = try context.pathID()
        return try await web.formPost(request, context, CheckInInput.init, { input in
            let patrol = try await gridWork.checkIn(patrolId: id, buildingId: input.buildingId, plate: input.plate, actor: actor)
            let last = patrol.checkIns.max { $0.at < $1.at }
            return ("/grid/patrols/\(id)", "已打卡：\(last?.buildingName ?? "")")
        }, orShow: { error in try await patrolPage(id, request, context, error: error) })
    }

    @Sendable func reportProblem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let id = try context.pathID()
        var request = request
        var (fields, photos) = try await request.fieldsAndFiles(context, fileField: "photos")
        return try await web.formAction({
            let input = try ProblemFields(&fields, photos: photos)
            let patrol = try await gridWork.reportProblem(patrolId: id, input.input, actor: actor)
            let made = patrol.problems.last
            return ("/grid/patrols/\(id)", made?.requestId != nil ? "已上报为诉求" : "已记录")
        }, orShow: { error in try await patrolPage(id, request, context, error: error) })
    }

    @Sendable func endPatrol(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let id = try context.pathID()
        return try await web.formPost(request, context, PatrolEndInput.init, { input in
            let patrol = try await gridWork.endPatrol(id, notes: input.notes, actor: actor)
            return ("/grid", "巡查已结束：经过 \(patrol.checkIns.count) 栋楼，发现 \(patrol.problems.count) 个问题")
        }, orShow: { error in try await patrolPage(id, request, context, error: error) })
    }

    struct PlateView { let name: String, code: String, qr: String }
    struct PlatesModel { let gridName: String, plates: [PlateView], hasPlates: Bool }

    @Sendable func platesPage(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridView)
        let gridId = try request.query { fields in try fields.present(fields.integer("gridId", "网格", required: true)) }
        let grid = try await gridWork.regions.node(gridId, actor: actor)
        let plates = try await gridWork.plates(gridId: gridId, actor: actor).map { b, code in
            PlateView(name: b.name, code: code, qr: (try? QRCode(plateURL(code, request: request)).svg(pixels: 180, label: b.name)) ?? "")
        }
        return web.page("gridwork.plates", title: "楼栋码", model: PlatesModel(gridName: grid.name, plates: plates, hasPlates: !plates.isEmpty),
                        request: request, context: context)
    }

    func plateURL(_ code: String, request: Request) -> String {
        let scheme = web.secureCookies ? "https" : "http"
        return "\(scheme)://\(request.head.authority ?? "localhost")/grid/plates/\(code)"
    }

    struct PlateModel {
        let buildingName: String, gridName: String, gridId: Int64, code: String, hasOpen: Bool, openId: Int64, csrf: String, key: String
        let error: String?
    }

    /// Where a plate's QR code leads: check in on the patrol under way, or begin one.
    @Sendable func plateLanding(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridWork)
        let code = (context.parameters.get("code") ?? "").uppercased()
        guard code.count <= 20, let building = try await gridWork.building(plate: code, actor: actor) else {
            throw DomainError.notFound("楼栋码")
        }
        let grid = try await gridWork.regions.lookup(building.parentId ?? 0)
        let open = try await gridWork.openPatrol(actor: actor)
        let model = PlateModel(buildingName: building.name, gridName: grid?.name ?? "", gridId: grid?.id ?? 0, code: code, hasOpen: open != nil,
                               openId: open?.id ?? 0, csrf: context.csrfToken, key: UUID().uuidString, error: nil)
        return web.page("gridwork.plate", title: building.name, model: model, request: request, context: context)
    }
}
