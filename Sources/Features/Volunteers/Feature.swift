import Hummingbird
import LinliKit
import Notifications
import Regions
import Residents

/// 志愿服务与活动 — volunteers and teams, activities with capacity and waiting lists, QR
/// check-in, service records, stars and certificates (docs/volunteers.md).
public struct VolunteersFeature: Feature {
    public static let name = "volunteers"
    public static let migrations = VolunteerMigrations.all
    public static let permissions: [Permission] = [.activityView, .volunteerJoin, .activityManage, .volunteerView, .volunteerManage]
    public static let grants: [Role: Set<Permission>] = {
        let everyone = Set(Role.allCases)
        let organisers: Set<Role> = [.communityStaff, .streetAdmin, .districtAdmin, .socialOrganization, .socialWorker]
        let register: Set<Role> = [.communityStaff, .streetAdmin, .districtAdmin, .socialWorker, .socialOrganization, .gridLeader]
        let stewards: Set<Role> = [.communityStaff, .streetAdmin, .districtAdmin]
        var grants: [Role: Set<Permission>] = [:]
        for role in everyone {
            // Anyone may volunteer and join activities as the registry person they are (staff
            // live in the district too), and whoever creates an account must hold its permissions.
            var granted: Set<Permission> = [.activityView, .volunteerJoin]
            if organisers.contains(role) { granted.insert(.activityManage) }
            if register.contains(role) { granted.insert(.volunteerView) }
            if stewards.contains(role) { granted.insert(.volunteerManage) }
            grants[role] = granted
        }
        return grants
    }()
    public static var moveListeners: [any SubtreeMoveListener] { [VolunteerPathsListener()] }
    public static let templates = VolunteersTemplates.all
    public static let navigation = [
        NavigationItem.link("活动", href: "/activities", permission: .activityView, order: 40),
        NavigationItem.link("志愿服务", href: "/volunteer", permission: .volunteerJoin, hiddenBy: .volunteerView, order: 41),
        NavigationItem.link("志愿者", href: "/volunteers", permission: .volunteerView, order: 42),
    ]
    public static var api: APIDescription { VolunteersAPI.api }
    public static var auditActions: [AuditAction] { AuditAction.volunteers }

    public let volunteers: VolunteerService
    let residents: ResidentService
    let regions: RegionService
    let clock: any Clock

    public init(context: FeatureContext) throws {
        residents = try context.services.require(ResidentService.self, by: Self.name)
        regions = try context.services.require(RegionService.self, by: Self.name)
        clock = context.clock
        volunteers = VolunteerService(
            database: context.database, audit: context.audit, clock: context.clock,
            regions: try context.services.require(RegionService.self, by: Self.name),
            residents: try context.services.require(ResidentService.self, by: Self.name),
            notifications: try context.services.require(NotificationService.self, by: Self.name),
            settings: context.configuration[VolunteersSettings.self], vault: context.vault,
            awards: context.services.all(PointAwarding.self).first)
    }

    public var services: [any Sendable] { [volunteers] }
    public var dueWork: [any DueWorkSource] { [VolunteersDueWork(volunteers: volunteers)] }
    public var homeSections: [any HomeSection] { [OpenActivitiesSection(volunteers: volunteers)] }
    public var jobs: [BackgroundJob] {
        // Each instance may run them: every activity is handled under its row lock.
        [.every(.seconds(60), "waiting-list holds") { [volunteers] _ in _ = try await volunteers.sweepHolds() },
         .every(.seconds(600), "activity reminders") { [volunteers] _ in _ = try await volunteers.remind() }]
    }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        VolunteersAPI(volunteers: volunteers, residents: residents).addRoutes(to: router)
        VolunteersPages(volunteers: volunteers, residents: residents, regions: regions, web: web, clock: clock).addRoutes(to: router)
    }
}

struct VolunteersDueWork: DueWorkSource {
    let volunteers: VolunteerService
    func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        try await volunteers.dueWork(for: actor, in: window, limit: limit)
    }
}

/// 社区活动 on a resident's or volunteer's home: what they may sign up for, one tap each.
struct OpenActivitiesSection: HomeSection {
    let volunteers: VolunteerService
    static let count = 4
    func content(for actor: Actor) async throws -> HomeContent? {
        guard actor.may(.volunteerJoin), !actor.may(.activityManage) else { return nil }
        let open = try await volunteers.openToMe(actor: actor, limit: Self.count)
        return HomeContent(id: "open-activities", title: "社区活动", text: open.isEmpty ? "现在没有可报名的活动，看看全部活动" : "全部活动",
                           href: "/activities",
                           links: open.map { HomeContent.Link($0.title, href: "/activities/\($0.id)", note: VolunteersText.span($0.startsAt, $0.endsAt)) },
                           order: 3)
    }
}

extension ServiceProvider {
    public var volunteers: VolunteerService { service(VolunteerService.self) }
}
