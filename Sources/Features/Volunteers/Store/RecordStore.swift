import LinliKit
import SQLKit

/// SQL for service records (appended only), corrections and certificates.
enum RecordStore {
    static let columns = """
        r.id, r.volunteer_id, v.number, v.name, r.activity_id, r.activity_title, r.role, r.service_date, r.place, r.beneficiary,
        r.content, r.minutes, r.rating, r.lead, r.recorder, r.source, r.supersedes, r.flagged, r.recorded_at,
        (SELECT n.id FROM service_records n WHERE n.supersedes = r.id) AS superseded_by
        """

    static func record(_ row: any SQLRow) throws -> ServiceRecord {
        let id = try row.decode(column: "id", as: Int64.self)
        return ServiceRecord(
            id: id, volunteerId: try row.decode(column: "volunteer_id", as: Int64.self), volunteerNumber: try row.decode(column: "number", as: String?.self),
            name: try row.decode(column: "name", as: String.self), activityId: try row.decode(column: "activity_id", as: Int64?.self),
            activityTitle: try row.decode(column: "activity_title", as: String.self), role: try row.decode(column: "role", as: String.self),
            serviceDate: try row.decode(column: "service_date", as: String.self), place: try row.decode(column: "place", as: String.self),
            beneficiary: try row.decode(column: "beneficiary", as: String.self), content: try row.decode(column: "content", as: String.self),
            minutes: try row.decode(column: "minutes", as: Int64.self), rating: try row.decode(column: "rating", as: Int?.self),
            lead: try row.decode(column: "lead", as: String.self), recorder: try row.decode(column: "recorder", as: String.self),
            source: try row.decode(known: "source", as: RecordSource.self, row: "service_records#\(id)"),
            supersedes: try row.decode(column: "supersedes", as: Int64?.self), supersededBy: try row.decode(column: "superseded_by", as: Int64?.self),
            flagged: try row.decode(column: "flagged", as: Int.self) != 0, recordedAt: try row.decode(column: "recorded_at", as: Int64.self))
    }

    struct Written: Sendable {
        let volunteerId: Int64, activityId: Int64?, signUpId: Int64?, activityTitle: String, role: String, serviceDate: String
        let place: String, beneficiary: String, content: String, minutes: Int64, rating: Int?, lead: String
        let recorderId: Int64?, recorder: String, source: RecordSource, supersedes: Int64?, flagged: Bool
    }

    static func insert(_ tx: Tx, _ w: Written, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO service_records (volunteer_id, activity_id, signup_id, activity_title, role, service_date, place, beneficiary,
              content, minutes, rating, lead, recorder_id, recorder, source, supersedes, flagged, recorded_at)
            VALUES (\(bind: w.volunteerId), \(bind: w.activityId), \(bind: w.signUpId), \(bind: w.activityTitle), \(bind: w.role),
              \(bind: w.serviceDate), \(bind: w.place), \(bind: w.beneficiary), \(bind: w.content), \(bind: w.minutes), \(bind: w.rating),
              \(bind: w.lead), \(bind: w.recorderId), \(bind: w.recorder), \(bind: w.source.rawValue), \(bind: w.supersedes),
              \(bind: w.flagged ? 1 : 0), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    /// Whether an imported record with these facts is already stored (a ledger brought in twice).
    static func imported(_ tx: Tx, volunteerId: Int64, date: String, content: String, minutes: Int64) async throws -> Bool {
        try await tx.sql.raw("""
            SELECT 1 AS found FROM service_records WHERE volunteer_id = \(bind: volunteerId) AND source = 'imported'
            AND service_date = \(bind: date) AND content = \(bind: content) AND minutes = \(bind: minutes) LIMIT 1
            """).first() != nil
    }

    static func find(_ tx: Tx, id: Int64) async throws -> ServiceRecord? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id WHERE r.id = \(bind: id)
            """).first().map(record)
    }

    /// A volunteer's records, the superseded ones included (the trail), newest first.
    static func records(_ tx: Tx, volunteerId: Int64, limit: Int) async throws -> [ServiceRecord] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id
            WHERE r.volunteer_id = \(bind: volunteerId) ORDER BY r.service_date DESC, r.id DESC LIMIT \(bind: limit)
            """).all().map(record)
    }

    static func records(_ tx: Tx, activityId: Int64) async throws -> [ServiceRecord] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id
            WHERE r.activity_id = \(bind: activityId) ORDER BY r.id
            """).all().map(record)
    }

    /// Current (not superseded) records of volunteers living at or below `path`, within dates.
    static func current(_ tx: Tx, within path: String, from: String, to: String, limit: Int) async throws -> [ServiceRecord] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id
            WHERE \(tx.engine.pathWithin("v.region_path", path)) AND r.service_date >= \(bind: from) AND r.service_date <= \(bind: to)
            AND NOT EXISTS (SELECT 1 FROM service_records n WHERE n.supersedes = r.id)
            ORDER BY r.service_date, r.id LIMIT \(bind: limit)
            """).all().map(record)
    }

    /// Certified minutes, record count and first and last dates over a volunteer's current records.
    static func totals(_ tx: Tx, volunteerId: Int64) async throws -> (minutes: Int64, count: Int, first: String?, last: String?) {
        let row = try await tx.sql.raw("""
            SELECT CAST(COALESCE(SUM(r.minutes), 0) AS BIGINT) AS minutes, COUNT(*) AS n, MIN(r.service_date) AS first, MAX(r.service_date) AS last
            FROM service_records r WHERE r.volunteer_id = \(bind: volunteerId)
            AND NOT EXISTS (SELECT 1 FROM service_records n WHERE n.supersedes = r.id)
            """).first()!
        return (try row.decode(column: "minutes", as: Int64.self), try row.decode(column: "n", as: Int.self),
                try row.decode(column: "first", as: String?.self), try row.decode(column: "last", as: String?.self))
    }

    // MARK: Corrections

    static let correctionColumns = """
        c.id, c.record_id, c.volunteer_id, v.name, r.activity_title, r.minutes AS current_minutes, c.proposed_minutes, c.reason, c.state,
        c.decision_note, c.new_record_id, c.asked_at
        """

    static func correction(_ row: any SQLRow) throws -> Correction {
        let id = try row.decode(column: "id", as: Int64.self)
        return Correction(id: id, recordId: try row.decode(column: "record_id", as: Int64.self),
                          volunteerId: try row.decode(column: "volunteer_id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                          activityTitle: try row.decode(column: "activity_title", as: String.self),
                          currentMinutes: try row.decode(column: "current_minutes", as: Int64.self),
                          proposedMinutes: try row.decode(column: "proposed_minutes", as: Int64.self),
                          reason: try row.decode(column: "reason", as: String.self),
                          state: try row.decode(known: "state", as: CorrectionState.self, row: "record_corrections#\(id)"),
                          decisionNote: try row.decode(column: "decision_note", as: String?.self),
                          newRecordId: try row.decode(column: "new_record_id", as: Int64?.self), askedAt: try row.decode(column: "asked_at", as: Int64.self))
    }

    static let correctionFrom = """
        FROM record_corrections c JOIN service_records r ON r.id = c.record_id JOIN volunteers v ON v.id = c.volunteer_id
        """

    static func insertCorrection(_ tx: Tx, recordId: Int64, volunteerId: Int64, askedBy: Int64?, reason: String, proposedMinutes: Int64,
                                 now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO record_corrections (record_id, volunteer_id, asked_by, reason, proposed_minutes, state, asked_at)
            VALUES (\(bind: recordId), \(bind: volunteerId), \(bind: askedBy), \(bind: reason), \(bind: proposedMinutes), 'pending', \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    /// Decisions on one correction, one at a time (the row lock on PostgreSQL).
    static func lockCorrection(_ tx: Tx, id: Int64) async throws {
        try await tx.sql.raw("SELECT id FROM record_corrections WHERE id = \(bind: id)\(unsafeRaw: tx.engine.rowLock)").run()
    }

    static func findCorrection(_ tx: Tx, id: Int64) async throws -> Correction? {
        try await tx.sql.raw("SELECT \(unsafeRaw: correctionColumns) \(unsafeRaw: correctionFrom) WHERE c.id = \(bind: id)").first().map(correction)
    }

    static func decide(_ tx: Tx, id: Int64, state: CorrectionState, note: String?, newRecordId: Int64?, by: Int64?, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE record_corrections SET state = \(bind: state.rawValue), decision_note = \(bind: note), new_record_id = \(bind: newRecordId),
            decided_by = \(bind: by), decided_at = \(bind: now) WHERE id = \(bind: id) AND state = 'pending'
            """).run()
    }

    static func corrections(_ tx: Tx, volunteerId: Int64) async throws -> [Correction] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: correctionColumns) \(unsafeRaw: correctionFrom) WHERE c.volunteer_id = \(bind: volunteerId) ORDER BY c.id DESC LIMIT 50
            """).all().map(correction)
    }

    /// Pending corrections of records whose activity took place at or below `path` (or, for
    /// imported records, of volunteers living there).
    static func pendingCorrections(_ tx: Tx, within path: String, limit: Int) async throws -> [Correction] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: correctionColumns) \(unsafeRaw: correctionFrom) LEFT JOIN activities a ON a.id = r.activity_id
            WHERE c.state = 'pending' AND ((a.id IS NOT NULL AND \(tx.engine.pathWithin("a.region_path", path)))
              OR (a.id IS NULL AND \(tx.engine.pathWithin("v.region_path", path))))
            ORDER BY c.asked_at, c.id LIMIT \(bind: limit)
            """).all().map(correction)
    }

    // MARK: Certificates

    static let certificateColumns = """
        c.id, c.number, c.volunteer_id, v.number AS volunteer_number, v.name, c.issuer, c.minutes, c.records, c.first_date, c.last_date,
        c.issued_at, c.token, c.revoked_at, c.revoke_reason
        """

    static func certificate(_ row: any SQLRow) throws -> Certificate {
        Certificate(id: try row.decode(column: "id", as: Int64.self), number: try row.decode(column: "number", as: String.self),
                    volunteerId: try row.decode(column: "volunteer_id", as: Int64.self),
                    volunteerNumber: try row.decode(column: "volunteer_number", as: String?.self) ?? "",
                    name: try row.decode(column: "name", as: String.self), issuer: try row.decode(column: "issuer", as: String.self),
                    minutes: try row.decode(column: "minutes", as: Int64.self), records: try row.decode(column: "records", as: Int.self),
                    firstDate: try row.decode(column: "first_date", as: String?.self), lastDate: try row.decode(column: "last_date", as: String?.self),
                    issuedAt: try row.decode(column: "issued_at", as: Int64.self), token: try row.decode(column: "token", as: String.self),
                    revokedAt: try row.decode(column: "revoked_at", as: Int64?.self), revokeReason: try row.decode(column: "revoke_reason", as: String?.self))
    }

    static func insertCertificate(_ tx: Tx, volunteerId: Int64, issuer: String, minutes: Int64, records: Int, first: String?, last: String?,
                                  by: Int64?, token: String, now: Int64, year: Int) async throws -> Int64 {
        let id = try await tx.sql.raw("""
            INSERT INTO volunteer_certificates (number, volunteer_id, issuer, minutes, records, first_date, last_date, issued_by, issued_at, token)
            VALUES (\(bind: "pending-" + token), \(bind: volunteerId), \(bind: issuer), \(bind: minutes), \(bind: records), \(bind: first),
                    \(bind: last), \(bind: by), \(bind: now), \(bind: token)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        let digits = String(id)
        let number = "ZYZM\(year)" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        try await tx.sql.raw("UPDATE volunteer_certificates SET number = \(bind: number) WHERE id = \(bind: id)").run()
        return id
    }

    static func findCertificate(_ tx: Tx, id: Int64) async throws -> Certificate? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: certificateColumns) FROM volunteer_certificates c JOIN volunteers v ON v.id = c.volunteer_id WHERE c.id = \(bind: id)
            """).first().map(certificate)
    }

    static func findCertificate(_ tx: Tx, token: String) async throws -> Certificate? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: certificateColumns) FROM volunteer_certificates c JOIN volunteers v ON v.id = c.volunteer_id
            WHERE c.token = \(bind: token)
            """).first().map(certificate)
    }

    static func certificates(_ tx: Tx, volunteerId: Int64) async throws -> [Certificate] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: certificateColumns) FROM volunteer_certificates c JOIN volunteers v ON v.id = c.volunteer_id
            WHERE c.volunteer_id = \(bind: volunteerId) ORDER BY c.id DESC
            """).all().map(certificate)
    }

    static func revoke(_ tx: Tx, id: Int64, reason: String, by: Int64?, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE volunteer_certificates SET revoked_at = \(bind: now), revoke_reason = \(bind: reason), revoked_by = \(bind: by)
            WHERE id = \(bind: id) AND revoked_at IS NULL
            """).run()
    }
}
