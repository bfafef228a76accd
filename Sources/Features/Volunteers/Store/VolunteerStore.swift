import LinliKit
import Residents
import SQLKit

/// SQL for the volunteer register, skills and service areas.
enum VolunteerStore {
    static let columns = """
        v.id, v.number, v.resident_id, v.user_id, v.name, v.region_id, v.region_path, v.status, v.availability, v.consent_at,
        v.applied_at, v.approved_at, v.certified_minutes, v.stars
        """

    static func volunteer(_ row: any SQLRow, skills: [String], areas: [Int64]) throws -> Volunteer {
        let id = try row.decode(column: "id", as: Int64.self)
        let availability = try row.decode(column: "availability", as: String.self)
        return Volunteer(
            id: id, number: try row.decode(column: "number", as: String?.self),
            residentId: try row.decode(column: "resident_id", as: Int64.self), userId: try row.decode(column: "user_id", as: Int64?.self),
            name: try row.decode(column: "name", as: String.self), regionId: try row.decode(column: "region_id", as: Int64.self),
            regionPath: try row.decode(column: "region_path", as: String.self),
            status: try row.decode(known: "status", as: VolunteerStatus.self, row: "volunteers#\(id)"),
            skills: skills, availability: availability.isEmpty ? [] : availability.components(separatedBy: "、"), areaIds: areas,
            consentAt: try row.decode(column: "consent_at", as: Int64?.self), appliedAt: try row.decode(column: "applied_at", as: Int64.self),
            approvedAt: try row.decode(column: "approved_at", as: Int64?.self),
            certifiedMinutes: try row.decode(column: "certified_minutes", as: Int64.self), stars: try row.decode(column: "stars", as: Int.self))
    }

    static func volunteers(_ tx: Tx, rows: [any SQLRow]) async throws -> [Volunteer] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        guard !ids.isEmpty else { return [] }
        var skills: [Int64: [String]] = [:], areas: [Int64: [Int64]] = [:]
        for row in try await tx.sql.raw("SELECT volunteer_id, skill FROM volunteer_skills WHERE volunteer_id IN (\(binds: ids)) ORDER BY skill").all() {
            skills[try row.decode(column: "volunteer_id", as: Int64.self), default: []].append(try row.decode(column: "skill", as: String.self))
        }
        for row in try await tx.sql.raw("SELECT volunteer_id, region_id FROM volunteer_areas WHERE volunteer_id IN (\(binds: ids)) ORDER BY region_id").all() {
            areas[try row.decode(column: "volunteer_id", as: Int64.self), default: []].append(try row.decode(column: "region_id", as: Int64.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return try volunteer(row, skills: skills[id] ?? [], areas: areas[id] ?? [])
        }
    }

    static func find(_ tx: Tx, id: Int64, lock: Bool = false) async throws -> Volunteer? {
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM volunteers v WHERE v.id = \(bind: id)\(unsafeRaw: lock ? tx.engine.rowLock : "")").all()
        return try await volunteers(tx, rows: rows).first
    }

    static func find(_ tx: Tx, residentId: Int64) async throws -> Volunteer? {
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM volunteers v WHERE v.resident_id = \(bind: residentId)").all()
        return try await volunteers(tx, rows: rows).first
    }

    static func find(_ tx: Tx, number: String) async throws -> Volunteer? {
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM volunteers v WHERE v.number = \(bind: number)").all()
        return try await volunteers(tx, rows: rows).first
    }

    static func find(_ tx: Tx, ids: [Int64]) async throws -> [Volunteer] {
        guard !ids.isEmpty else { return [] }
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM volunteers v WHERE v.id IN (\(binds: ids))").all()
        return try await volunteers(tx, rows: rows)
    }

    struct Written: Sendable {
        let residentId: Int64, userId: Int64?, name: String, regionId: Int64, regionPath: String, status: VolunteerStatus
        let availability: [String], consentAt: Int64?, teamRequest: Int64?
    }

    static func insert(_ tx: Tx, _ w: Written, now: Int64) async throws -> Int64 {
        let id = try await tx.sql.raw("""
            INSERT INTO volunteers (resident_id, user_id, name, region_id, region_path, status, availability, consent_at, team_request,
              applied_at, certified_minutes, stars, updated_at)
            VALUES (\(bind: w.residentId), \(bind: w.userId), \(bind: w.name), \(bind: w.regionId), \(bind: w.regionPath),
              \(bind: w.status.rawValue), \(bind: w.availability.joined(separator: "、")), \(bind: w.consentAt), \(bind: w.teamRequest),
              \(bind: now), 0, 0, \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        try await tx.insert(into: "volunteer_name_grams", columns: ["gram", "volunteer_id"], rows: nameGrams(w.name, id: id))
        return id
    }

    /// The rows of `volunteer_name_grams` for a volunteer: the registry's two-character grams.
    static func nameGrams(_ name: String, id: Int64) -> [[SQLCell]] {
        ResidentRules.grams(name).filter { $0.count == 2 }.map { [.text($0), .integer(id)] }
    }

    static func setDetails(_ tx: Tx, id: Int64, availability: [String], consentAt: Int64?, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE volunteers SET availability = \(bind: availability.joined(separator: "、")), consent_at = \(bind: consentAt),
            updated_at = \(bind: now) WHERE id = \(bind: id)
            """).run()
    }

    static func setSkills(_ tx: Tx, id: Int64, skills: [String], regionPath: String) async throws {
        try await tx.sql.raw("DELETE FROM volunteer_skills WHERE volunteer_id = \(bind: id)").run()
        for skill in skills {
            try await tx.sql.raw("INSERT INTO volunteer_skills (volunteer_id, skill, region_path) VALUES (\(bind: id), \(bind: skill), \(bind: regionPath))").run()
        }
    }

    static func setAreas(_ tx: Tx, id: Int64, areas: [(id: Int64, path: String)]) async throws {
        try await tx.sql.raw("DELETE FROM volunteer_areas WHERE volunteer_id = \(bind: id)").run()
        for area in areas {
            try await tx.sql.raw("INSERT INTO volunteer_areas (volunteer_id, region_id, region_path) VALUES (\(bind: id), \(bind: area.id), \(bind: area.path))").run()
        }
    }

    static func areaPaths(_ tx: Tx, volunteerId: Int64) async throws -> [String] {
        try await tx.sql.raw("SELECT region_path FROM volunteer_areas WHERE volunteer_id = \(bind: volunteerId)").all()
            .map { try $0.decode(column: "region_path", as: String.self) }
    }

    static func teamRequest(_ tx: Tx, id: Int64) async throws -> Int64? {
        try await tx.sql.raw("SELECT team_request FROM volunteers WHERE id = \(bind: id)").first()?.decode(column: "team_request", as: Int64?.self)
    }

    static func linkUser(_ tx: Tx, id: Int64, userId: Int64, now: Int64) async throws {
        try await tx.sql.raw("UPDATE volunteers SET user_id = \(bind: userId), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    static func setStatus(_ tx: Tx, id: Int64, status: VolunteerStatus, now: Int64) async throws {
        try await tx.sql.raw("UPDATE volunteers SET status = \(bind: status.rawValue), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    static func approve(_ tx: Tx, id: Int64, number: String, by: Int64?, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE volunteers SET status = 'active', number = COALESCE(number, \(bind: number)), approved_at = \(bind: now),
            approved_by = \(bind: by), updated_at = \(bind: now) WHERE id = \(bind: id)
            """).run()
    }

    static func setStanding(_ tx: Tx, id: Int64, minutes: Int64, stars: Int, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE volunteers SET certified_minutes = \(bind: minutes), stars = \(bind: stars), updated_at = \(bind: now) WHERE id = \(bind: id)
            """).run()
    }

    static let byHoursAbove = 5_000
    static let countUpTo = 10_000

    /// 志愿者查询: by place, status, skill, stars, hours and name; most hours first.
    static func search(_ tx: Tx, _ q: VolunteerQuery.Resolved) async throws -> (items: [Volunteer], total: Int, exact: Bool) {
        var filter: SQLQueryString = "\(tx.engine.pathWithin("v.region_path", q.path))"
        if let status = q.status { filter += " AND v.status = \(bind: status.rawValue)" }
        if let skill = q.skill {
            // The skill's holders in the scope: one range of the (skill, place) index.
            filter += " AND v.id IN (SELECT s.volunteer_id FROM volunteer_skills s WHERE s.skill = \(bind: skill) AND "
                + tx.engine.pathWithin("s.region_path", q.path) + ")"
        }
        if let stars = q.minStars, stars > 0 { filter += " AND v.stars >= \(bind: stars)" }
        if let minutes = q.minMinutes, minutes > 0 { filter += " AND v.certified_minutes >= \(bind: minutes)" }
        if let name = q.name {
            // The gram index narrows the candidates; LIKE confirms the whole fragment.
            if let gram = ResidentRules.grams(name).first(where: { $0.count == 2 }) {
                filter += " AND v.id IN (SELECT g.volunteer_id FROM volunteer_name_grams g WHERE g.gram = \(bind: gram))"
            }
            filter += " AND v.name LIKE \(bind: "%" + name.likeEscaped + "%") ESCAPE '\\'"
        }
        // Counting stops past `countUpTo` (and past this page): the district's 150,000 took
        // 27 ms to count on PostgreSQL, the page itself 0.1 ms.
        let stop = max(countUpTo, q.offset + q.limit) + 1
        // When it reaches `stop`, the total is "at least that many".
        let total = try await tx.sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM volunteers v WHERE \(filter) LIMIT \(bind: stop)) c")
            .first()!.decode(column: "n", as: Int.self)
        // Many matches and no narrowing list of ids: walking the hours index from the top meets
        // a page of them in a few thousand entries, where the place index would sort them all.
        // SQLite has no statistics to see that; PostgreSQL's planner does.
        let byHours = q.skill == nil && q.name == nil && total > byHoursAbove
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM volunteers v\(unsafeRaw: byHours ? tx.engine.indexedBy("volunteers_by_hours") : "") WHERE \(filter)
            ORDER BY v.certified_minutes DESC, v.id LIMIT \(bind: q.limit) OFFSET \(bind: q.offset)
            """).all()
        return (try await volunteers(tx, rows: rows), total, total < stop)
    }

    /// Active volunteers living at or below `path` or serving an area there (for staffing).
    static func pending(_ tx: Tx, within path: String, limit: Int) async throws -> [Volunteer] {
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM volunteers v WHERE \(tx.engine.pathWithin("v.region_path", path)) AND v.status = 'pending'
            ORDER BY v.applied_at, v.id LIMIT \(bind: limit)
            """).all()
        return try await volunteers(tx, rows: rows)
    }

    static func pendingCount(_ tx: Tx, within path: String) async throws -> Int {
        try await tx.sql.raw("""
            SELECT COUNT(*) AS n FROM volunteers v WHERE \(tx.engine.pathWithin("v.region_path", path)) AND v.status = 'pending'
            """).first()!.decode(column: "n", as: Int.self)
    }
}

extension String {
    /// For a `LIKE … ESCAPE '\'` pattern: the user's `%`, `_` and `\` match themselves.
    var likeEscaped: String {
        replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}

extension VolunteerStore {
    /// Every volunteer at or below `path` for the 台账, by number.
    static func all(_ tx: Tx, within path: String, limit: Int) async throws -> [Volunteer] {
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM volunteers v WHERE \(tx.engine.pathWithin("v.region_path", path))
            ORDER BY v.number, v.id LIMIT \(bind: limit)
            """).all()
        return try await volunteers(tx, rows: rows)
    }
}
