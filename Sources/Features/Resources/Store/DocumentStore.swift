import Foundation
import LinliKit
import SQLKit

/// SQL for an organisation's 证照与年报.
enum DocumentStore {
    static let columns = "id, organisation_id, kind, title, content_type, byte_count, sha256, uploaded_by_name, uploaded_at"

    static func document(_ row: any SQLRow) throws -> OrganisationDocument {
        let id = try row.decode(column: "id", as: Int64.self)
        return OrganisationDocument(
            id: id, organisationId: try row.decode(column: "organisation_id", as: Int64.self),
            kind: try row.decode(known: "kind", as: DocumentKind.self, row: "organisation_documents#\(id)"),
            title: try row.decode(column: "title", as: String.self), contentType: try row.decode(column: "content_type", as: String.self),
            byteCount: try row.decode(column: "byte_count", as: Int64.self), sha256: try row.decode(column: "sha256", as: String.self),
            uploadedBy: try row.decode(column: "uploaded_by_name", as: String.self), uploadedAt: try row.decode(column: "uploaded_at", as: Int64.self))
    }

    static func insert(_ tx: Tx, organisationId: Int64, _ d: ValidDocument, by name: String, now: Int64) async throws -> OrganisationDocument {
        let row = try await tx.sql.raw("""
            INSERT INTO organisation_documents (organisation_id, kind, title, content_type, byte_count, sha256, data, uploaded_by_name, uploaded_at)
            VALUES (\(bind: organisationId), \(bind: d.kind.rawValue), \(bind: d.title), \(bind: d.contentType), \(bind: Int64(d.data.count)),
              \(bind: d.sha256), \(bind: d.data), \(bind: name), \(bind: now))
            RETURNING \(unsafeRaw: columns)
            """).first()!
        return try document(row)
    }

    /// An organisation's documents without their bytes, newest first.
    static func list(_ tx: Tx, organisationId: Int64) async throws -> [OrganisationDocument] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM organisation_documents WHERE organisation_id = \(bind: organisationId) ORDER BY id DESC
            """).all().map(document)
    }

    static func count(_ tx: Tx, organisationId: Int64) async throws -> Int {
        Int(try await tx.sql.raw("SELECT COUNT(*) AS n FROM organisation_documents WHERE organisation_id = \(bind: organisationId)")
            .first()!.decode(column: "n", as: Int64.self))
    }

    static func find(_ tx: Tx, id: Int64, organisationId: Int64) async throws -> OrganisationDocument? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM organisation_documents WHERE id = \(bind: id) AND organisation_id = \(bind: organisationId)
            """).first().map(document)
    }

    static func data(_ tx: Tx, id: Int64) async throws -> Data? {
        try await tx.sql.raw("SELECT data FROM organisation_documents WHERE id = \(bind: id)").first()?.decode(column: "data", as: Data.self)
    }

    static func delete(_ tx: Tx, id: Int64) async throws {
        try await tx.sql.raw("DELETE FROM organisation_documents WHERE id = \(bind: id)").run()
    }
}
