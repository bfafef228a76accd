import LinliKit
import SQLKit

/// A grid and one member's duty in its team.
public struct GridMembership: Sendable, Equatable {
    public let grid: RegionNode
    public let duty: GridDuty
}

/// Who serves where, for features that plan a grid team's work (visits, patrols).
extension TeamService {
    /// The grids `userId` serves on (not retired), leader's first.
    public func memberships(of userId: Int64) async throws -> [GridMembership] {
        try await database.read { tx in
            let rows = try await tx.sql.raw("""
                SELECT region_id, duty FROM grid_team_members WHERE user_id = \(bind: userId) ORDER BY \(unsafeRaw: TeamStore.dutyOrder), region_id
                """).all()
            let duties = try rows.map { (try $0.decode(column: "region_id", as: Int64.self),
                                         try $0.decode(known: "duty", as: GridDuty.self, row: "team member \(userId)")) }
            let nodes = Dictionary(try await RegionStore.find(tx, ids: duties.map(\.0)).map { ($0.id, $0) }) { a, _ in a }
            return duties.compactMap { id, duty in nodes[id].flatMap { $0.retired ? nil : GridMembership(grid: $0, duty: duty) } }
        }
    }

    /// The team of every grid at or under `path` (or the grid above it), by grid id.
    public func teams(covering path: String) async throws -> [Int64: [TeamMember]] {
        let above = Scope.ancestorPaths(of: path).filter { $0 != path }
        let rows = try await database.read { tx in
            var query: SQLQueryString = """
                SELECT m.region_id, m.user_id, m.duty FROM grid_team_members m JOIN regions r ON r.id = m.region_id
                WHERE \(tx.engine.pathWithin("r.path", path))
                """
            if !above.isEmpty { query += " OR r.path IN (\(binds: above))" }
            return try await tx.sql.raw(query).all().map { (grid: try $0.decode(column: "region_id", as: Int64.self), userId: try $0.decode(column: "user_id", as: Int64.self),
                                  duty: try $0.decode(known: "duty", as: GridDuty.self, row: "grid team")) }
        }
        let named = try await self.named(rows.map { ($0.userId, $0.duty) })
        var teams: [Int64: [TeamMember]] = [:]
        for (row, member) in zip(rows, named) { teams[row.grid, default: []].append(member) }
        return teams
    }
}
