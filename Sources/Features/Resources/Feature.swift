import Hummingbird
import LinliKit
import Regions
import Requests
import Residents
import Volunteers

/// 五社资源 — social organisations, social workers and charity resources (issue 21). Composed
/// so far: donors, donations, their uses and the check (docs/resources.md).
public struct ResourcesFeature: Feature {
    public static let name = "resources"
    public static let migrations = ResourcesMigrations.all
    public static let permissions: [Permission] = [.resourcesView, .resourcesManage, .organisationOwn]
    public static let grants: [Role: Set<Permission>] = {
        let stewards: Set<Role> = [.communityStaff, .streetAdmin, .districtAdmin]
        var grants: [Role: Set<Permission>] = [:]
        for role in stewards { grants[role] = [.resourcesView, .resourcesManage] }
        for role in [Role.socialWorker, .gridLeader] { grants[role] = [.resourcesView] }
        grants[.socialOrganization] = [.organisationOwn]
        return grants
    }()
    public static var auditActions: [AuditAction] { AuditAction.resources }
    public static var moveListeners: [any SubtreeMoveListener] { [ResourcesPathsListener()] }

    public let resources: ResourcesService
    let regions: RegionService, catalog: CatalogService, staff: any StaffDirectory, clock: any Clock

    public init(context: FeatureContext) throws {
        let settings = context.configuration[ResourcesSettings.self]
        if !settings.problems.isEmpty { throw ResourcesSettingsError(problems: settings.problems) }
        regions = try context.services.require(RegionService.self, by: Self.name)
        catalog = try context.services.require(CatalogService.self, by: Self.name)
        (staff, clock) = (context.staff, context.clock)
        resources = ResourcesService(database: context.database, audit: context.audit, clock: context.clock, regions: regions,
                                     requests: try context.services.require(RequestService.self, by: Self.name), catalog: catalog,
                                     calendar: try context.services.require(CalendarService.self, by: Self.name),
                                     staff: context.staff,
                                     residents: try context.services.require(ResidentService.self, by: Self.name), volunteers: context.services.all(VolunteerService.self).first, settings: settings)
    }

    public static var api: APIDescription { ResourcesAPI.api }
    public static let templates = ResourcesTemplates.all
    public static let navigation = [
        NavigationItem.link("本组织", href: "/my/organisation", permission: .organisationOwn, order: 22),
        NavigationItem.link("五社资源", href: "/resources", permission: .resourcesView, order: 44),
    ]
    public static var pageLinks: [PageLink] { [PageLink(.requestDispatch, "按五社资源匹配承接方", href: "/requests/{id}/match", permission: .resourcesView)] }

    public var services: [any Sendable] { [resources] }
    public var dueWork: [any DueWorkSource] { [ResourcesDueWork(resources: resources)] }
    public func addRoutes(to router: Router<AppContext>, web: Web) {
        ResourcesAPI(resources: resources, clock: clock).addRoutes(to: router)
        ResourcesPages(resources: resources, regions: regions, catalog: catalog, staff: staff, web: web, clock: clock).addRoutes(to: router)
    }
}

/// Settings the environment gave that cannot be used: the server does not start on them.
public struct ResourcesSettingsError: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "五社资源设置有误：" + problems.joined(separator: "；") }
}

/// Region moves re-root the paths copied onto donors and donations.
struct ResourcesPathsListener: SubtreeMoveListener {
    func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        for table in ["donors", "donations", "organisations", "organisation_areas", "social_workers", "incubations"] { try await tx.rebasePaths(table: table, column: "region_path", from: oldPath, to: newPath) }
    }
}

extension ServiceProvider {
    public var resources: ResourcesService { service(ResourcesService.self) }
}
