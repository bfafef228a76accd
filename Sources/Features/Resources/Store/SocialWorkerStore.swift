import Foundation
import LinliKit
import SQLKit

/// SQL for social workers and the services they offer.
enum SocialWorkerStore {
    static let columns = """
        w.id, w.user_id, w.resident_id, w.certificate, w.certificate_number, w.post, w.organisation_id, w.region_path, w.training_hours,
        w.training_topics, w.individual_cases, w.group_cases, w.community_cases
        """

    static func values(_ d: SocialWorkerValues) -> [ColumnValue] {
        [("user_id", d.userId), ("resident_id", d.residentId), ("certificate", d.certificate?.rawValue), ("certificate_number", d.certificateNumber), ("post", d.post.rawValue),
         ("organisation_id", d.organisationId), ("region_path", d.regionPath), ("training_hours", Int64(d.trainingHours)),
         ("training_topics", d.trainingTopics), ("individual_cases", Int64(d.casework.individual)), ("group_cases", Int64(d.casework.group)),
         ("community_cases", Int64(d.casework.community))]
    }

    static func worker(_ row: any SQLRow, names: [Int64: String], services: [Int64: [Int64]]) throws -> SocialWorker {
        let id = try row.decode(column: "id", as: Int64.self), user = try row.decode(column: "user_id", as: Int64.self)
        func count(_ column: String) throws -> Int { Int(try row.decode(column: column, as: Int64.self)) }
        return SocialWorker(
            id: id, userId: user, name: names[user] ?? "账号 \(user)", residentId: try row.decode(column: "resident_id", as: Int64?.self),
            certificate: try row.decode(knownIfPresent: "certificate", as: CertificateLevel.self, row: "social_workers#\(id)"),
            certificateNumber: try row.decode(column: "certificate_number", as: String?.self),
            post: try row.decode(known: "post", as: SocialWorkPost.self, row: "social_workers#\(id)"),
            organisationId: try row.decode(column: "organisation_id", as: Int64?.self), regionPath: try row.decode(column: "region_path", as: String.self),
            trainingHours: try count("training_hours"), trainingTopics: try row.decode(column: "training_topics", as: String.self),
            casework: Casework(individual: try count("individual_cases"), group: try count("group_cases"), community: try count("community_cases")),
            services: services[id] ?? [])
    }

    static func insert(_ tx: Tx, _ d: SocialWorkerValues, now: Int64) async throws -> Int64 {
        let values = values(d) + [("created_at", now), ("updated_at", now)]
        return try await tx.sql.raw("INSERT INTO social_workers (" + .names(values) + ") VALUES " + .values(values) + " RETURNING id").first()!
            .decode(column: "id", as: Int64.self)
    }

    static func update(_ tx: Tx, id: Int64, _ d: SocialWorkerValues, now: Int64) async throws {
        try await tx.sql.raw("UPDATE social_workers SET " + .assignments(values(d) + [("updated_at", now)]) + " WHERE id = \(bind: id)").run()
    }

    static func replaceServices(_ tx: Tx, workerId: Int64, _ items: [Int64]) async throws {
        try await tx.sql.raw("DELETE FROM social_worker_services WHERE worker_id = \(bind: workerId)").run()
        for item in items {
            try await tx.sql.raw("INSERT INTO social_worker_services (worker_id, item_id) VALUES (\(bind: workerId), \(bind: item))").run()
        }
    }

    /// Rows as `(row, user id)`; the service names the accounts.
    static func rows(_ tx: Tx, where condition: SQLQueryString, limit: Int = 1000) async throws -> [any SQLRow] {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM social_workers w WHERE " + condition
                             + " ORDER BY w.region_path, w.id LIMIT \(bind: limit)").all()
    }

    static func services(_ tx: Tx, of ids: [Int64]) async throws -> [Int64: [Int64]] {
        var found: [Int64: [Int64]] = [:]
        for chunk in ids.chunks(1000) {
            for row in try await tx.sql.raw("""
                SELECT worker_id, item_id FROM social_worker_services WHERE worker_id IN (\(binds: chunk)) ORDER BY item_id
                """).all() {
                found[try row.decode(column: "worker_id", as: Int64.self), default: []].append(try row.decode(column: "item_id", as: Int64.self))
            }
        }
        return found
    }
}

/// A checked social worker's record.
struct SocialWorkerValues: Sendable {
    let userId: Int64, residentId: Int64?, certificate: CertificateLevel?, certificateNumber: String?, post: SocialWorkPost, organisationId: Int64?
    let regionPath: String, trainingHours: Int, trainingTopics: String, casework: Casework
}
