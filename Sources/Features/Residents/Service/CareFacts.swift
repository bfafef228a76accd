import LinliKit
import SQLKit

/// What features that plan work for people in care (visits) need of a resident: where they
/// live, their age and tags, and how they are shown (name, address, masked phone).
public struct CareFacts: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let regionPath: String
    public let address: String
    /// `yyyy-mm-dd`
    public let birthDate: String?
    public let phoneMasked: String?
    public let tags: Set<String>
}

extension ResidentService {
    /// The facts of `ids` (those that exist), read in the caller's transaction.
    public static func careFacts(_ tx: Tx, ids: [Int64]) async throws -> [CareFacts] {
        var facts: [CareFacts] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            start += chunk.count
            let rows = try await tx.sql.raw("""
                SELECT id, name, region_path, address, birth_date, phone_masked FROM residents WHERE id IN (\(binds: chunk))
                """).all()
            facts += try await Self.facts(tx, rows)
        }
        return facts
    }

    /// The ids of residents carrying any of `tags`, in id order after `afterId`, at most `limit`.
    public static func residentIds(_ tx: Tx, carrying tags: Set<String>, after afterId: Int64, limit: Int) async throws -> [Int64] {
        guard !tags.isEmpty else { return [] }
        return try await tx.sql.raw("""
            SELECT DISTINCT rt.resident_id FROM resident_tags rt JOIN tags t ON t.id = rt.tag_id
            WHERE t.name IN (\(binds: tags.sorted())) AND rt.resident_id > \(bind: afterId)
            ORDER BY rt.resident_id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "resident_id", as: Int64.self) }
    }

    /// Those of `ids` carrying any tag at all.
    public static func taggedAmong(_ tx: Tx, ids: [Int64]) async throws -> [Int64] {
        var tagged: [Int64] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            start += chunk.count
            tagged += try await tx.sql.raw("SELECT DISTINCT resident_id FROM resident_tags WHERE resident_id IN (\(binds: chunk))")
                .all().map { try $0.decode(column: "resident_id", as: Int64.self) }
        }
        return tagged
    }

    static func facts(_ tx: Tx, _ rows: [any SQLRow]) async throws -> [CareFacts] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        let tags = try await ResidentStore.tagNames(tx, residentIds: ids)
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return CareFacts(id: id, name: try row.decode(column: "name", as: String.self),
                             regionPath: try row.decode(column: "region_path", as: String.self),
                             address: try row.decode(column: "address", as: String.self),
                             birthDate: try row.decode(column: "birth_date", as: String?.self),
                             phoneMasked: try row.decode(column: "phone_masked", as: String?.self), tags: Set(tags[id] ?? []))
        }
    }
}
