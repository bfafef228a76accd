import Foundation
import LinliKit
import SQLKit

/// SQL for organisations, their services, areas, staff and record.
enum OrganisationStore {
    static let columns = """
        o.id, o.name, o.kind, o.credit_code, o.filing_number, o.fields, o.region_path, o.contact_name, o.contact_phone, o.address,
        o.summary, o.party_organisation, o.inspection_year, o.inspection_result, o.grade, o.grade_year, o.status, o.created_at, o.updated_at
        """

    static func organisation(_ row: any SQLRow) throws -> Organisation {
        let id = try row.decode(column: "id", as: Int64.self), name = "organisations#\(id)"
        let year = try row.decode(column: "inspection_year", as: Int64?.self)
        let result = try row.decode(knownIfPresent: "inspection_result", as: InspectionResult.self, row: name)
        let inspection = year.flatMap { year in result.map { AnnualInspection(year: Int(year), result: $0) } }
        return Organisation(
            id: id, name: try row.decode(column: "name", as: String.self), kind: try row.decode(known: "kind", as: OrganisationKind.self, row: name),
            creditCode: try row.decode(column: "credit_code", as: String?.self), filingNumber: try row.decode(column: "filing_number", as: String?.self),
            fields: try row.decode(column: "fields", as: String.self).split(separator: ",").map(String.init),
            regionPath: try row.decode(column: "region_path", as: String.self),
            contactName: try row.decode(column: "contact_name", as: String.self), contactPhone: try row.decode(column: "contact_phone", as: String.self),
            address: try row.decode(column: "address", as: String.self), summary: try row.decode(column: "summary", as: String.self),
            partyOrganisation: try row.decode(column: "party_organisation", as: Int64.self) != 0, inspection: inspection,
            grade: try row.decode(column: "grade", as: Int64?.self).map(Int.init), gradeYear: try row.decode(column: "grade_year", as: Int64?.self).map(Int.init),
            status: try row.decode(known: "status", as: OrganisationStatus.self, row: name),
            createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    /// The profile's columns as written by a registration or an edit.
    static func profileValues(_ p: OrganisationProfile) -> [ColumnValue] {
        [("name", p.name), ("kind", p.kind.rawValue), ("credit_code", p.creditCode), ("filing_number", p.filingNumber),
         ("fields", "," + p.fields.joined(separator: ",") + ","), ("contact_name", p.contactName), ("contact_phone", p.contactPhone),
         ("address", p.address), ("summary", p.summary), ("party_organisation", p.partyOrganisation ? 1 : 0)]
    }

    static func insert(_ tx: Tx, _ p: OrganisationProfile, regionPath: String, now: Int64) async throws -> Organisation {
        let values = profileValues(p) + [("region_path", regionPath), ("status", OrganisationStatus.active.rawValue),
                                         ("created_at", now), ("updated_at", now)]
        let id = try await tx.sql.raw("INSERT INTO organisations (" + .names(values) + ") VALUES " + .values(values) + " RETURNING id").first()!
            .decode(column: "id", as: Int64.self)
        return try await find(tx, id: id)!
    }

    static func update(_ tx: Tx, id: Int64, _ values: [ColumnValue], now: Int64) async throws {
        try await tx.sql.raw("UPDATE organisations SET " + .assignments(values + [("updated_at", now)]) + " WHERE id = \(bind: id)").run()
    }

    static func find(_ tx: Tx, id: Int64, lock: Bool = false) async throws -> Organisation? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM organisations o WHERE o.id = \(bind: id)\(unsafeRaw: lock ? tx.engine.rowLock : "")")
            .first().map(organisation)
    }

    /// The organisation holding a credit code or a 备案 number, other than `except`.
    static func holder(_ tx: Tx, creditCode: String?, filingNumber: String?, except: Int64?) async throws -> Organisation? {
        for (column, value) in [("credit_code", creditCode), ("filing_number", filingNumber)] {
            guard let value else { continue }
            if let found = try await tx.sql.raw("""
                SELECT \(unsafeRaw: columns) FROM organisations o WHERE o.\(unsafeRaw: column) = \(bind: value) AND o.id <> \(bind: except ?? -1)
                """).first().map(organisation) { return found }
        }
        return nil
    }

    /// Organisations a staff scope sees: registered in it, or serving a node in it or above it
    /// (a street's organisation serves each of its communities).
    static func visible(_ tx: Tx, scopePath: String, filter: OrganisationFilter, limit: Int) async throws -> [Organisation] {
        var conditions: [SQLQueryString] = ["(" + tx.engine.pathWithin("o.region_path", scopePath) + """
             OR EXISTS (SELECT 1 FROM organisation_areas a WHERE a.organisation_id = o.id AND (
            """ + tx.engine.pathWithin("a.region_path", scopePath) + " OR \(bind: scopePath) LIKE a.region_path || '%')))"]
        if let field = filter.field { conditions.append("o.fields LIKE \(bind: "%,\(field),%")") }
        if let item = filter.itemId {
            conditions.append("EXISTS (SELECT 1 FROM organisation_services s WHERE s.organisation_id = o.id AND s.item_id = \(bind: item))")
        }
        if let status = filter.status { conditions.append("o.status = \(bind: status.rawValue)") }
        if let term = filter.term, !term.isEmpty { conditions.append("o.name LIKE \(bind: "%\(term)%")") }
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM organisations o WHERE "
        for (position, condition) in conditions.enumerated() { query += (position == 0 ? "" : " AND ") + condition }
        return try await tx.sql.raw(query + " ORDER BY o.name, o.id LIMIT \(bind: limit)").all().map(organisation)
    }

    static func services(_ tx: Tx, of ids: [Int64]) async throws -> [Int64: [Int64]] {
        var found: [Int64: [Int64]] = [:]
        for chunk in ids.chunks(1000) {
            for row in try await tx.sql.raw("""
                SELECT organisation_id, item_id FROM organisation_services WHERE organisation_id IN (\(binds: chunk)) ORDER BY item_id
                """).all() {
                found[try row.decode(column: "organisation_id", as: Int64.self), default: []].append(try row.decode(column: "item_id", as: Int64.self))
            }
        }
        return found
    }

    static func areas(_ tx: Tx, of ids: [Int64]) async throws -> [Int64: [String]] {
        var found: [Int64: [String]] = [:]
        for chunk in ids.chunks(1000) {
            for row in try await tx.sql.raw("""
                SELECT organisation_id, region_path FROM organisation_areas WHERE organisation_id IN (\(binds: chunk)) ORDER BY region_path
                """).all() {
                found[try row.decode(column: "organisation_id", as: Int64.self), default: []]
                    .append(try row.decode(column: "region_path", as: String.self))
            }
        }
        return found
    }

    static func staff(_ tx: Tx, of ids: [Int64]) async throws -> [Int64: [(userId: Int64, intake: Bool)]] {
        var found: [Int64: [(userId: Int64, intake: Bool)]] = [:]
        for chunk in ids.chunks(1000) {
            for row in try await tx.sql.raw("""
                SELECT organisation_id, user_id, intake FROM organisation_staff WHERE organisation_id IN (\(binds: chunk)) ORDER BY user_id
                """).all() {
                found[try row.decode(column: "organisation_id", as: Int64.self), default: []]
                    .append((try row.decode(column: "user_id", as: Int64.self), try row.decode(column: "intake", as: Int64.self) != 0))
            }
        }
        return found
    }

    /// The organisation an account works for.
    static func employer(_ tx: Tx, userId: Int64) async throws -> (organisationId: Int64, intake: Bool)? {
        guard let row = try await tx.sql.raw("SELECT organisation_id, intake FROM organisation_staff WHERE user_id = \(bind: userId)").first() else {
            return nil
        }
        return (try row.decode(column: "organisation_id", as: Int64.self), try row.decode(column: "intake", as: Int64.self) != 0)
    }

    /// Which of `userIds` work for an organisation other than `organisationId`, and for which.
    static func employedElsewhere(_ tx: Tx, userIds: [Int64], organisationId: Int64) async throws -> [Int64: Int64] {
        guard !userIds.isEmpty else { return [:] }
        var found: [Int64: Int64] = [:]
        for row in try await tx.sql.raw("""
            SELECT user_id, organisation_id FROM organisation_staff WHERE user_id IN (\(binds: userIds)) AND organisation_id <> \(bind: organisationId)
            """).all() {
            found[try row.decode(column: "user_id", as: Int64.self)] = try row.decode(column: "organisation_id", as: Int64.self)
        }
        return found
    }

    static func replaceServices(_ tx: Tx, organisationId: Int64, _ items: [Int64]) async throws {
        try await tx.sql.raw("DELETE FROM organisation_services WHERE organisation_id = \(bind: organisationId)").run()
        for item in items {
            try await tx.sql.raw("INSERT INTO organisation_services (organisation_id, item_id) VALUES (\(bind: organisationId), \(bind: item))").run()
        }
    }

    static func replaceAreas(_ tx: Tx, organisationId: Int64, _ paths: [String]) async throws {
        try await tx.sql.raw("DELETE FROM organisation_areas WHERE organisation_id = \(bind: organisationId)").run()
        for path in paths {
            try await tx.sql.raw("INSERT INTO organisation_areas (organisation_id, region_path) VALUES (\(bind: organisationId), \(bind: path))").run()
        }
    }

    static func replaceStaff(_ tx: Tx, organisationId: Int64, _ userIds: [Int64], intake: Int64?) async throws {
        try await tx.sql.raw("DELETE FROM organisation_staff WHERE organisation_id = \(bind: organisationId)").run()
        for user in userIds {
            try await tx.sql.raw("""
                INSERT INTO organisation_staff (user_id, organisation_id, intake) VALUES (\(bind: user), \(bind: organisationId), \(bind: user == intake ? 1 : 0))
                """).run()
        }
    }

    static func appendEvent(_ tx: Tx, organisationId: Int64, kind: String, text: String, by name: String, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO organisation_events (organisation_id, kind, text, by_name, at)
            VALUES (\(bind: organisationId), \(bind: kind), \(bind: text), \(bind: name), \(bind: now))
            """).run()
    }

    static func events(_ tx: Tx, organisationId: Int64) async throws -> [OrganisationEvent] {
        try await tx.sql.raw("""
            SELECT kind, text, by_name, at FROM organisation_events WHERE organisation_id = \(bind: organisationId) ORDER BY id
            """).all().map { row in
            OrganisationEvent(kind: try row.decode(column: "kind", as: String.self), text: try row.decode(column: "text", as: String.self),
                              by: try row.decode(column: "by_name", as: String.self), at: try row.decode(column: "at", as: Int64.self))
        }
    }
}

extension Array {
    func chunks(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
