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
    public static var api: APIDescription { VolunteersAPI.api }
    public static var auditActions: [AuditAction] { AuditAction.volunteers }

    public let volunteers: VolunteerService
    let residents: ResidentService

    public init(context: FeatureContext) throws {
        residents = try context.services.require(ResidentService.self, by: Self.name)
        volunteers = VolunteerService(
            database: context.database, audit: context.audit, clock: context.clock,
            regions: try context.services.require(RegionService.self, by: Self.name),
            residents: try context.services.require(ResidentService.self, by: Self.name),
            notifications: try context.services.require(NotificationService.self, by: Self.name),
            settings: context.configuration[VolunteersSettings.self], vault: context.vault)
    }

    public var services: [any Sendable] { [volunteers] }
    public var jobs: [BackgroundJob] {
        // Each instance may run them: every activity is handled under its row lock.
        [.every(.seconds(60), "waiting-list holds") { [volunteers] _ in _ = try await volunteers.sweepHolds() },
         .every(.seconds(600), "activity reminders") { [volunteers] _ in _ = try await volunteers.remind() }]
    }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        VolunteersAPI(volunteers: volunteers, residents: residents).addRoutes(to: router)
    }
}

extension ServiceProvider {
    public var volunteers: VolunteerService { service(VolunteerService.self) }
}
