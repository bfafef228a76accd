import Foundation
import LinliKit
import SQLKit

/// A stored version of one kind of a district's grid rules.
public struct GridRulesVersion<Body: Codable & Sendable & Equatable>: Sendable, Equatable {
    /// nil: the built-in defaults, never stored.
    public let id: Int64?
    public let regionId: Int64?
    public let regionPath: String
    public let version: Int
    public let body: Body
    public let note: String
    public let editedBy: String
    public let editedAt: Date?
}

/// The kinds of rules a district sets, each with its defaults.
enum GridRulesKind: String {
    case visits, duties, patrols, scores
}

enum GridRulesStore {
    static let columns = "id, region_id, region_path, version, body, note, edited_by_name, edited_at"

    static func decode<Body: Codable & Sendable & Equatable>(_ row: any SQLRow, as _: Body.Type) throws -> GridRulesVersion<Body> {
        let id = try row.decode(column: "id", as: Int64.self)
        let body = try row.decode(known: "body", row: "gridwork_rules#\(id)") { text in
            try? JSONDecoder().decode(Body.self, from: Data(text.utf8))
        }
        return GridRulesVersion(id: id, regionId: try row.decode(column: "region_id", as: Int64.self),
                                regionPath: try row.decode(column: "region_path", as: String.self),
                                version: Int(try row.decode(column: "version", as: Int64.self)), body: body,
                                note: try row.decode(column: "note", as: String.self),
                                editedBy: try row.decode(column: "edited_by_name", as: String.self),
                                editedAt: Date(millis: try row.decode(column: "edited_at", as: Int64.self)))
    }

    /// The newest version of every region that set `kind`: few (one per district that set them).
    static func all<Body: Codable & Sendable & Equatable>(_ tx: Tx, kind: GridRulesKind, as type: Body.Type) async throws
        -> [GridRulesVersion<Body>] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM gridwork_rules g WHERE kind = \(bind: kind.rawValue)
            AND version = (SELECT MAX(version) FROM gridwork_rules h WHERE h.region_id = g.region_id AND h.kind = g.kind)
            """).all().map { try decode($0, as: type) }
    }

    /// The version of every region that set `kind` that was in force just before `time` (a
    /// past month is scored by the rules of its own time).
    static func all<Body: Codable & Sendable & Equatable>(_ tx: Tx, kind: GridRulesKind, as type: Body.Type, before time: Date) async throws
        -> [GridRulesVersion<Body>] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM gridwork_rules g WHERE kind = \(bind: kind.rawValue) AND edited_at < \(bind: time.millis)
            AND version = (SELECT MAX(version) FROM gridwork_rules h WHERE h.region_id = g.region_id AND h.kind = g.kind
                           AND h.edited_at < \(bind: time.millis))
            """).all().map { try decode($0, as: type) }
    }

    static func history<Body: Codable & Sendable & Equatable>(_ tx: Tx, regionId: Int64, kind: GridRulesKind, as type: Body.Type,
                                                             limit: Int) async throws -> [GridRulesVersion<Body>] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM gridwork_rules WHERE region_id = \(bind: regionId) AND kind = \(bind: kind.rawValue)
            ORDER BY version DESC LIMIT \(bind: limit)
            """).all().map { try decode($0, as: type) }
    }

    static func insert<Body: Codable & Sendable & Equatable>(_ tx: Tx, regionId: Int64, regionPath: String, kind: GridRulesKind,
                                                            version: Int, body: Body, note: String, actor: Actor, now: Int64) async throws
        -> GridRulesVersion<Body> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(body), as: UTF8.self)
        return try decode(try await tx.sql.raw("""
            INSERT INTO gridwork_rules (region_id, region_path, kind, version, body, note, edited_by, edited_by_name, edited_at)
            VALUES (\(bind: regionId), \(bind: regionPath), \(bind: kind.rawValue), \(bind: Int64(version)), \(bind: text), \(bind: note),
              \(bind: actor.userId), \(bind: actor.displayName), \(bind: now))
            RETURNING \(unsafeRaw: columns)
            """).first()!, as: Body.self)
    }
}

/// The rules in force at a place: the newest version set at the nearest region above it.
struct RulesInForce<Body: Codable & Sendable & Equatable>: Sendable {
    let versions: [GridRulesVersion<Body>]
    let defaults: GridRulesVersion<Body>

    func at(_ path: String) -> GridRulesVersion<Body> {
        versions.filter { path.hasPrefix($0.regionPath) }.max { $0.regionPath.count < $1.regionPath.count } ?? defaults
    }
}
