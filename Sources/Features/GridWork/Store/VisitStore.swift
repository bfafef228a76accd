import Foundation
import LinliKit
import Requests
import SQLKit

enum VisitStore {
    static let columns = """
        v.id, v.resident_id, v.resident_name, v.region_path, v.visitor_id, v.visitor_name, v.visited_at, v.method, v.contact,
        v.findings, v.notes, v.visit_class, v.due_at, v.late, v.follow_up_by, v.recorded_at
        """

    static func record(_ row: any SQLRow, photos: [Int64]) throws -> VisitRecord {
        let id = try row.decode(column: "id", as: Int64.self)
        let findings = try row.decode(known: "findings", row: "visits#\(id)") { text in
            try? JSONDecoder().decode([VisitFinding].self, from: Data(text.utf8))
        }
        return VisitRecord(
            id: id, residentId: try row.decode(column: "resident_id", as: Int64.self),
            residentName: try row.decode(column: "resident_name", as: String.self),
            regionPath: try row.decode(column: "region_path", as: String.self),
            visitorId: try row.decode(column: "visitor_id", as: Int64?.self), visitorName: try row.decode(column: "visitor_name", as: String.self),
            visitedAt: Date(millis: try row.decode(column: "visited_at", as: Int64.self)),
            method: try row.decode(known: "method", as: VisitMethod.self, row: "visits#\(id)"),
            contact: try row.decode(known: "contact", as: VisitContact.self, row: "visits#\(id)"),
            findings: findings, notes: try row.decode(column: "notes", as: String?.self),
            visitClass: try row.decode(column: "visit_class", as: String?.self),
            dueAt: try row.decode(column: "due_at", as: Int64?.self).map(Date.init(millis:)),
            late: try row.decode(column: "late", as: Int64.self) != 0,
            followUpBy: try row.decode(column: "follow_up_by", as: Int64?.self).map(Date.init(millis:)),
            photoIds: photos, recordedAt: Date(millis: try row.decode(column: "recorded_at", as: Int64.self)))
    }

    static func records(_ tx: Tx, _ rows: [any SQLRow]) async throws -> [VisitRecord] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        var photos: [Int64: [Int64]] = [:]
        for row in try await chunked(ids, { chunk in
            try await tx.sql.raw("SELECT id, visit_id FROM visit_photos WHERE visit_id IN (\(binds: chunk)) ORDER BY id").all()
        }) {
            photos[try row.decode(column: "visit_id", as: Int64.self), default: []].append(try row.decode(column: "id", as: Int64.self))
        }
        return try rows.map { try record($0, photos: photos[try $0.decode(column: "id", as: Int64.self)] ?? []) }
    }

    static func find(_ tx: Tx, id: Int64, within path: String) async throws -> VisitRecord? {
        try await records(tx, try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM visits v WHERE v.id = \(bind: id) AND \(tx.engine.pathWithin("v.region_path", path))
            """).all()).first
    }

    static func find(_ tx: Tx, idempotencyKey key: String) async throws -> VisitRecord? {
        try await records(tx, try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM visits v WHERE v.idempotency_key = \(bind: key)").all()).first
    }

    static func visits(_ tx: Tx, residentId: Int64, limit: Int) async throws -> [VisitRecord] {
        try await records(tx, try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM visits v WHERE v.resident_id = \(bind: residentId) ORDER BY v.visited_at DESC, v.id DESC LIMIT \(bind: limit)
            """).all())
    }

    /// Visits under `path` between `from` and `to`, newest first.
    static func visits(_ tx: Tx, within path: String, from: Date, to: Date, limit: Int) async throws -> [VisitRecord] {
        try await records(tx, try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM visits v WHERE \(tx.engine.pathWithin("v.region_path", path))
            AND v.visited_at >= \(bind: from.millis) AND v.visited_at < \(bind: to.millis)
            ORDER BY v.visited_at DESC, v.id DESC LIMIT \(bind: limit)
            """).all())
    }

    struct NewVisit {
        let key: String?, residentId: Int64, residentName: String, regionPath: String, visitor: Actor, draft: VisitDraft
        let visitClass: String?, dueAt: Date?, late: Bool
    }

    static func insert(_ tx: Tx, _ v: NewVisit, now: Int64) async throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let findings = String(decoding: try encoder.encode(v.draft.findings), as: UTF8.self)
        return try await tx.sql.raw("""
            INSERT INTO visits (idempotency_key, resident_id, resident_name, region_path, visitor_id, visitor_name, visited_at, method,
              contact, findings, notes, visit_class, due_at, late, follow_up_by, recorded_at)
            VALUES (\(bind: v.key), \(bind: v.residentId), \(bind: v.residentName), \(bind: v.regionPath), \(bind: v.visitor.userId),
              \(bind: v.visitor.displayName), \(bind: v.draft.visitedAt.millis), \(bind: v.draft.method.rawValue),
              \(bind: v.draft.contact.rawValue), \(bind: findings), \(bind: v.draft.notes), \(bind: v.visitClass), \(bind: v.dueAt?.millis),
              \(bind: v.late ? 1 : 0), \(bind: v.draft.followUpBy?.millis), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func insertPhoto(_ tx: Tx, visitId: Int64, _ photo: ValidPhoto, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO visit_photos (visit_id, content_type, byte_count, sha256, data, created_at)
            VALUES (\(bind: visitId), \(bind: photo.contentType), \(bind: Int64(photo.data.count)), \(bind: photo.sha256), \(bind: photo.data),
              \(bind: now))
            """).run()
    }

    /// A photo of a visit under `path`.
    static func photo(_ tx: Tx, id: Int64, within path: String) async throws -> (contentType: String, data: Data)? {
        guard let row = try await tx.sql.raw("""
            SELECT p.content_type, p.data FROM visit_photos p JOIN visits v ON v.id = p.visit_id
            WHERE p.id = \(bind: id) AND \(tx.engine.pathWithin("v.region_path", path))
            """).first() else { return nil }
        return (try row.decode(column: "content_type", as: String.self), try row.decode(column: "data", as: Data.self))
    }
}

enum EventStore {
    static let columns = "id, kind, title, note, region_id, region_path, region_name, declared_at, declared_by_name, ended_at"

    static func event(_ row: any SQLRow) throws -> MajorEvent {
        let id = try row.decode(column: "id", as: Int64.self)
        return MajorEvent(id: id, kind: try row.decode(known: "kind", as: MajorEventKind.self, row: "major_events#\(id)"),
                          title: try row.decode(column: "title", as: String.self), note: try row.decode(column: "note", as: String?.self),
                          regionId: try row.decode(column: "region_id", as: Int64.self),
                          regionPath: try row.decode(column: "region_path", as: String.self),
                          regionName: try row.decode(column: "region_name", as: String.self),
                          declaredAt: Date(millis: try row.decode(column: "declared_at", as: Int64.self)),
                          declaredBy: try row.decode(column: "declared_by_name", as: String.self),
                          endedAt: try row.decode(column: "ended_at", as: Int64?.self).map(Date.init(millis:)))
    }

    /// Every open event: a handful at any time, district-wide.
    static func open(_ tx: Tx) async throws -> [MajorEvent] {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM major_events WHERE ended_at IS NULL ORDER BY declared_at").all().map(event)
    }

    /// Events declared at or under `path`, or above it (those cover it too), newest first.
    static func touching(_ tx: Tx, path: String, limit: Int) async throws -> [MajorEvent] {
        let above = Scope.ancestorPaths(of: path).filter { $0 != path }
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM major_events WHERE \(tx.engine.pathWithin("region_path", path))"
        if !above.isEmpty { query += " OR region_path IN (\(binds: above))" }
        query += " ORDER BY declared_at DESC, id DESC LIMIT \(bind: limit)"
        return try await tx.sql.raw(query).all().map(event)
    }

    static func find(_ tx: Tx, id: Int64) async throws -> MajorEvent? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM major_events WHERE id = \(bind: id)").first().map(event)
    }

    static func insert(_ tx: Tx, kind: MajorEventKind, title: String, note: String?, region: (id: Int64, path: String, name: String),
                       actor: Actor, now: Int64) async throws -> MajorEvent {
        try event(try await tx.sql.raw("""
            INSERT INTO major_events (kind, title, note, region_id, region_path, region_name, declared_at, declared_by, declared_by_name)
            VALUES (\(bind: kind.rawValue), \(bind: title), \(bind: note), \(bind: region.id), \(bind: region.path), \(bind: region.name),
              \(bind: now), \(bind: actor.userId), \(bind: actor.displayName))
            RETURNING \(unsafeRaw: columns)
            """).first()!)
    }

    static func end(_ tx: Tx, id: Int64, actor: Actor, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE major_events SET ended_at = \(bind: now), ended_by_name = \(bind: actor.displayName) WHERE id = \(bind: id) AND ended_at IS NULL
            """).run()
    }
}

/// `query` over `ids` a thousand at a time (a month's ledger may hold more ids than a statement
/// may bind), the rows in order.
func chunked(_ ids: [Int64], _ query: ([Int64]) async throws -> [any SQLRow]) async throws -> [any SQLRow] {
    var rows: [any SQLRow] = []
    var start = 0
    while start < ids.count {
        let chunk = Array(ids[start..<min(start + 1000, ids.count)])
        start += chunk.count
        rows += try await query(chunk)
    }
    return rows
}
