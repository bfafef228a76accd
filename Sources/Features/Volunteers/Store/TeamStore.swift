import LinliKit
import SQLKit

/// SQL for 志愿服务队 and their members.
enum VolunteerTeamStore {
    static let columns = """
        t.id, t.name, t.kind, t.region_id, t.region_path, t.parent_id, t.sponsor,
        (SELECT COUNT(*) FROM volunteer_team_members m WHERE m.team_id = t.id AND m.status = 'active') AS member_count
        """

    static func team(_ row: any SQLRow) throws -> VolunteerTeam {
        let id = try row.decode(column: "id", as: Int64.self)
        return VolunteerTeam(id: id, name: try row.decode(column: "name", as: String.self),
                    kind: try row.decode(known: "kind", as: VolunteerTeamKind.self, row: "volunteer_teams#\(id)"),
                    regionId: try row.decode(column: "region_id", as: Int64.self), regionPath: try row.decode(column: "region_path", as: String.self),
                    parentId: try row.decode(column: "parent_id", as: Int64?.self), sponsor: try row.decode(column: "sponsor", as: String?.self),
                    memberCount: try row.decode(column: "member_count", as: Int.self))
    }

    static func find(_ tx: Tx, id: Int64) async throws -> VolunteerTeam? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM volunteer_teams t WHERE t.id = \(bind: id)").first().map(team)
    }

    static func teams(_ tx: Tx, within path: String, limit: Int) async throws -> [VolunteerTeam] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM volunteer_teams t WHERE \(tx.engine.pathWithin("t.region_path", path))
            ORDER BY t.region_path, t.name LIMIT \(bind: limit)
            """).all().map(team)
    }

    static func teams(_ tx: Tx, ids: [Int64]) async throws -> [VolunteerTeam] {
        guard !ids.isEmpty else { return [] }
        return try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM volunteer_teams t WHERE t.id IN (\(binds: ids)) ORDER BY t.name").all().map(team)
    }

    static func insert(_ tx: Tx, name: String, kind: VolunteerTeamKind, regionId: Int64, regionPath: String, parentId: Int64?, sponsor: String?,
                       now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO volunteer_teams (name, kind, region_id, region_path, parent_id, sponsor, created_at)
            VALUES (\(bind: name), \(bind: kind.rawValue), \(bind: regionId), \(bind: regionPath), \(bind: parentId), \(bind: sponsor), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func members(_ tx: Tx, teamId: Int64) async throws -> [VolunteerTeamMember] {
        try await tx.sql.raw("""
            SELECT m.team_id, m.volunteer_id, m.role, m.status, v.name, v.number FROM volunteer_team_members m
            JOIN volunteers v ON v.id = m.volunteer_id WHERE m.team_id = \(bind: teamId)
            ORDER BY CASE m.role WHEN 'leader' THEN 0 ELSE 1 END, m.asked_at, v.id
            """).all().map(member)
    }

    static func member(_ row: any SQLRow) throws -> VolunteerTeamMember {
        let team = try row.decode(column: "team_id", as: Int64.self), volunteer = try row.decode(column: "volunteer_id", as: Int64.self)
        return VolunteerTeamMember(teamId: team, volunteerId: volunteer, name: try row.decode(column: "name", as: String.self),
                          number: try row.decode(column: "number", as: String?.self),
                          role: try row.decode(known: "role", as: VolunteerTeamRole.self, row: "volunteer_team_members#\(team)/\(volunteer)"),
                          status: try row.decode(known: "status", as: MembershipStatus.self, row: "volunteer_team_members#\(team)/\(volunteer)"))
    }

    static func membership(_ tx: Tx, teamId: Int64, volunteerId: Int64) async throws -> VolunteerTeamMember? {
        try await tx.sql.raw("""
            SELECT m.team_id, m.volunteer_id, m.role, m.status, v.name, v.number FROM volunteer_team_members m
            JOIN volunteers v ON v.id = m.volunteer_id WHERE m.team_id = \(bind: teamId) AND m.volunteer_id = \(bind: volunteerId)
            """).first().map(member)
    }

    /// The teams a volunteer is an active member (or leader) of.
    static func memberships(_ tx: Tx, volunteerId: Int64) async throws -> [VolunteerTeamMember] {
        try await tx.sql.raw("""
            SELECT m.team_id, m.volunteer_id, m.role, m.status, v.name, v.number FROM volunteer_team_members m
            JOIN volunteers v ON v.id = m.volunteer_id WHERE m.volunteer_id = \(bind: volunteerId) AND m.status IN ('active', 'pending')
            """).all().map(member)
    }

    static func upsert(_ tx: Tx, teamId: Int64, volunteerId: Int64, role: VolunteerTeamRole, status: MembershipStatus, now: Int64) async throws {
        try await tx.sql.raw("DELETE FROM volunteer_team_members WHERE team_id = \(bind: teamId) AND volunteer_id = \(bind: volunteerId)").run()
        try await tx.sql.raw("""
            INSERT INTO volunteer_team_members (team_id, volunteer_id, role, status, asked_at, decided_at)
            VALUES (\(bind: teamId), \(bind: volunteerId), \(bind: role.rawValue), \(bind: status.rawValue), \(bind: now),
                    \(bind: status == .pending ? nil : now))
            """).run()
    }

    static func decide(_ tx: Tx, teamId: Int64, volunteerId: Int64, status: MembershipStatus, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE volunteer_team_members SET status = \(bind: status.rawValue), decided_at = \(bind: now)
            WHERE team_id = \(bind: teamId) AND volunteer_id = \(bind: volunteerId)
            """).run()
    }

    static func pendingMembers(_ tx: Tx, teamIds: [Int64]) async throws -> [VolunteerTeamMember] {
        guard !teamIds.isEmpty else { return [] }
        return try await tx.sql.raw("""
            SELECT m.team_id, m.volunteer_id, m.role, m.status, v.name, v.number FROM volunteer_team_members m
            JOIN volunteers v ON v.id = m.volunteer_id WHERE m.team_id IN (\(binds: teamIds)) AND m.status = 'pending' ORDER BY m.asked_at
            """).all().map(member)
    }
}
