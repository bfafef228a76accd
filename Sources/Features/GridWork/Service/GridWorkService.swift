import Foundation
import LinliKit
import Notifications
import Regions
import Requests
import Residents

/// 网格工作 (五定): duties per post, the visit plan from the registry, visits, major events and
/// the grid worker's day (docs/grid-work.md).
public struct GridWorkService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let regions: RegionService
    let teams: TeamService
    let residents: ResidentService
    let requests: RequestService
    let notifications: NotificationService

    public init(database: Database, audit: AuditLog, clock: any Clock, regions: RegionService, teams: TeamService,
                residents: ResidentService, requests: RequestService, notifications: NotificationService) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.regions = regions
        self.teams = teams
        self.residents = residents
        self.requests = requests
        self.notifications = notifications
    }

    /// Grid roles work in the grids whose teams they are on; everyone else in their scope.
    static let gridRoles: Set<Role> = [.gridWorker, .gridLeader]

    /// Where the actor does `task`: their grids' paths (those whose post carries it), or
    /// their scope when they are not a grid role.
    func workPaths(_ actor: Actor, task: GridTask) async throws -> (paths: [String], grids: [GridMembership]) {
        guard actor.role.map(Self.gridRoles.contains) ?? false else { return ([actor.scope.path], []) }
        guard let userId = actor.userId else { return ([], []) }
        let duties = try await database.read { tx in try await Self.duties(tx) }
        let grids = try await teams.memberships(of: userId)
            .filter { duties.at($0.grid.path).body.carries($0.duty, task) && actor.scope.contains(path: $0.grid.path) }
        return (grids.map(\.grid.path), grids)
    }

    static func duties(_ tx: Tx) async throws -> RulesInForce<PostDuties> {
        RulesInForce(versions: try await GridRulesStore.all(tx, kind: .duties, as: PostDuties.self), defaults: defaultDuties)
    }

    static let defaultDuties = GridRulesVersion<PostDuties>(id: nil, regionId: nil, regionPath: "/", version: 0, body: .defaults,
                                                            note: "", editedBy: "系统默认", editedAt: nil)
}

extension ServiceProvider {
    public var gridWork: GridWorkService { service(GridWorkService.self) }
}
