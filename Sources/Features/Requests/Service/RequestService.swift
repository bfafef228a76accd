import Duty
import Foundation
import LinliKit
import Notifications
import Regions

/// 诉求办理 — the closed loop: intake on every channel, the workflow, the trace, queues.
/// Every write is one transaction with its events and audit entries.
public struct RequestService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let regions: RegionService
    let teams: TeamService
    let staff: any StaffDirectory
    let vault: PersonalDataVault
    let catalog: CatalogService
    let notifications: NotificationService
    /// Who is on duty out of hours, for urgent requests.
    let duty: DutyService
    /// Which roles hold which permission: to find who should be told (dispatchers, verifiers …).
    let permissionTable: PermissionTable
    /// The points bank, when the district runs one: volunteers who handled a request that was
    /// rated well earn points.
    let awards: (any PointAwarding)?
    /// 查询码 lookups per client address, on pages, the API and Open311 alike: a code is the
    /// only key to a request, so guessing must be slow.
    let trackingLookups: RateLimiter
    let popular = PopularItems()

    /// Default: 120 lookups at once (Open311 asks for up to 100 codes a call), then one a second.
    public static let trackingLookupRule = RateLimiter.Rule(burst: 120, perMinute: 60)

    public init(database: Database, audit: AuditLog, clock: any Clock, regions: RegionService, teams: TeamService,
                staff: any StaffDirectory, vault: PersonalDataVault, catalog: CatalogService, notifications: NotificationService,
                duty: DutyService, permissionTable: PermissionTable, trackingLookupRule: RateLimiter.Rule = RequestService.trackingLookupRule,
                awards: (any PointAwarding)? = nil) {
        self.trackingLookups = RateLimiter(trackingLookupRule, clock: clock)
        self.database = database
        self.audit = audit
        self.clock = clock
        self.regions = regions
        self.teams = teams
        self.staff = staff
        self.vault = vault
        self.catalog = catalog
        self.notifications = notifications
        self.duty = duty
        self.permissionTable = permissionTable
        self.awards = awards
    }

    /// Days back that an open request for the same item and place counts as "the same".
    public static let similarWindowDays = 14

    // MARK: Reading

    /// A request as staff (or the signed-in requester) see it, with the actions open to them.
    public func detail(_ id: Int64, actor: Actor) async throws -> RequestDetail {
        let (request, events) = try await database.read { tx in
            guard let request = try await RequestStore.find(tx, id: id) else { throw DomainError.notFound("诉求") }
            return (request, try await RequestStore.events(tx, requestId: id))
        }
        try Self.requireView(actor, request)
        return try await detail(request, events: events, roles: Participation.roles(of: actor, in: request))
    }

    func detail(_ request: ServiceRequest, events: [RequestEvent], roles: Set<Participant>) async throws -> RequestDetail {
        let (item, categoryName) = try await catalog.itemWithCategory(request.itemId)
        let people = try await staff.staffMembers(ids: ([request.progress.handlerId] + request.progress.coHandlerIds.map(Optional.some)).compactMap { $0 })
        let staffView = !roles.isDisjoint(with: [.dispatcher, .handler, .coHandler, .verifier, .approver, .reviewer])
        return RequestDetail(
            request: request, item: item, categoryName: categoryName, place: [request.place, request.address].filter { !$0.isEmpty }.joined(separator: " "),
            events: staffView ? events : events.filter { !$0.isInternal }, roles: roles,
            // 待定位: placed first, dispatched after.
            actions: Workflow.available(request.progress, roles: roles).filter { !(request.awaitingPlace && $0 == .dispatch) },
            handler: request.progress.handlerId.flatMap { people[$0] },
            coHandlers: request.progress.coHandlerIds.compactMap { people[$0] },
            showsContact: staffView && !request.anonymous || roles.contains(.requester))
    }

    /// A photo, for someone who may see the request.
    public func photo(_ id: Int64, actor: Actor) async throws -> RequestPhoto {
        let found = try await database.read { tx -> (RequestPhoto, ServiceRequest)? in
            guard let photo = try await RequestStore.photo(tx, id: id), let request = try await RequestStore.find(tx, id: photo.requestId) else { return nil }
            return (photo, request)
        }
        guard let (photo, request) = found else { throw DomainError.notFound("照片") }
        try Self.requireView(actor, request)
        return photo
    }

    // MARK: Shared by the writes

    /// Runs a change to one request in a transaction: reads the row under its lock (on
    /// PostgreSQL; SQLite has one writer) and hands it to `body`. A lost race is `body`'s to
    /// say: `RequestStore.update` checks the version and the caller throws `raceLost`.
    func change<T: Sendable>(_ id: Int64, _ body: @escaping @Sendable (Tx, ServiceRequest) async throws -> T) async throws -> T {
        try await database.write { tx in
            guard let request = try await RequestStore.find(tx, id: id, lock: true) else { throw DomainError.notFound("诉求") }
            return try await body(tx, request)
        }
    }

    /// Someone the request does not concern: 404 for staff who see requests (it is outside
    /// their region), 403 for everyone else (they see none).
    static func requireView(_ actor: Actor, _ request: ServiceRequest) throws {
        guard !Participation.mayView(actor, request) else { return }
        throw actor.may(.requestView) ? DomainError.notFound("诉求") : DomainError.forbidden
    }

    static let raceLost = DomainError.conflict("诉求刚被他人处理过，请刷新后再试")

    static func auditValues(_ request: ServiceRequest) -> AuditValues {
        var values: AuditValues = ["state": request.state.rawValue, "item": String(request.itemId), "channel": request.channel.rawValue]
        if let handler = request.progress.handlerId { values["handler"] = String(handler) }
        return values
    }
}

/// Everything a request page shows.
public struct RequestDetail: Sendable {
    public let request: ServiceRequest
    public let item: CatalogItem
    public let categoryName: String
    public let place: String
    public let events: [RequestEvent]
    public let roles: Set<Participant>
    public let actions: [RequestActionKind]
    public let handler: StaffMember?
    public let coHandlers: [StaffMember]
    /// Contact details are shown to staff unless the report was anonymous.
    public let showsContact: Bool
}
