import Hummingbird
import LinliKit
import Regions

/// 值班安排 — who is on duty for each community and street out of hours, and its duty phone.
public struct DutyFeature: Feature {
    public static let name = "duty"
    public static let migrations = DutyStore.migrations
    public static let permissions: [Permission] = [.dutyView, .dutyManage]
    public static let grants: [Role: Set<Permission>] = [
        .districtAdmin: [.dutyView, .dutyManage], .streetAdmin: [.dutyView, .dutyManage], .communityStaff: [.dutyView, .dutyManage],
    ]
    public static let templates = DutyTemplates.all
    public static let navigation = [NavigationItem.link("值班安排", href: "/duty", permission: .dutyView, order: 62)]
    public static var api: APIDescription { DutyAPI.api }
    public static var moveListeners: [any SubtreeMoveListener] { [DutyPathsListener()] }
    public static var auditActions: [AuditAction] { AuditAction.duty }

    public let duty: DutyService
    let clock: any Clock

    public init(context: FeatureContext) throws {
        let regions = try context.services.require(RegionService.self, by: Self.name)
        clock = context.clock
        duty = DutyService(database: context.database, audit: context.audit, clock: context.clock, regions: regions, staff: context.staff,
                           permissionTable: context.permissionTable)
    }

    public var services: [any Sendable] { [duty] }
    public var dueWork: [any DueWorkSource] { [DutyDueWork(duty: duty)] }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        DutyAPI(duty: duty).addRoutes(to: router)
        DutyPages(duty: duty, web: web, clock: clock).addRoutes(to: router)
    }
}

/// 我的值班 in 今日待办: the actor's shifts that start within the week and have not ended.
struct DutyDueWork: DueWorkSource {
    let duty: DutyService
    func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        let shifts = try await duty.myShifts(actor: actor, until: window.endOfWeek)
        guard !shifts.isEmpty else { return [] }
        let items = shifts.prefix(limit).map { shift in
            let from = DutyPages.moment(shift.startsAt), to = DutyPages.moment(shift.endsAt)
            let on = (from.map { $0 <= window.now } ?? false)
            return DueItem(title: "值班：\(shift.regionName)", status: on ? "正在值班" : "待值班",
                           detail: "\(from?.shanghaiText ?? shift.startsAt) 至 \(to?.shanghaiText ?? shift.endsAt)",
                           href: "/duty?regionId=\(shift.regionId)", due: on ? to : from, dueLabel: on ? "结束" : "开始")
        }
        // A shift is never overdue work: those still to come are counted by when they start.
        var counts = DueList.Counts(total: shifts.count)
        for shift in shifts {
            guard let from = DutyPages.moment(shift.startsAt), from > window.now else { continue }
            switch window.bucket(of: from) {
            case .today: counts.today += 1
            case .week: counts.week += 1
            default: break
            }
        }
        return [DueList(id: "due-duty", title: "我的值班", href: "/duty", counts: counts, items: Array(items), order: 30)]
    }
}

extension ServiceProvider {
    public var duty: DutyService { service(DutyService.self) }
}
