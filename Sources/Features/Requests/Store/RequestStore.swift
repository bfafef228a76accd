import Foundation
import LinliKit
import SQLKit

/// SQL for requests, their events, photos and followers.
enum RequestStore {
    /// Every column a read gives back, in the order `request(_:)` decodes them.
    static let readColumns = [
        "id", "tracking_code", "item_id", "category_id", "channel", "description", "answers", "region_id", "region_path", "place",
        "address", "latitude", "longitude", "requester_user_id", "contact_name", "phone_masked", "anonymous", "entered_by", "urgent", "state",
        "pending_kind", "pending_minutes", "pending_reason", "handler_id", "handler_path", "co_handler_ids", "submitted_at",
        "stage_started_at", "respond_due", "handle_due", "verify_due", "paused_remaining", "responded_at", "reported_at", "closed_at",
        "rated_at", "rating", "respond_minutes", "handle_minutes", "verify_minutes", "respond_late", "handle_late", "verify_late",
        "rework_count", "reopen_count", "extension_count", "escalation_level", "warned", "version", "updated_at", "awaiting_place",
    ]
    static let columns = readColumns.joined(separator: ", ")
    /// The same, of the table named `alias` in a query that joins others.
    static func columns(of alias: String) -> String { readColumns.map { alias + "." + $0 }.joined(separator: ", ") }

    /// What a request is and where it came from: written once, when it is made.
    static func identityValues(_ r: NewRequest) -> [ColumnValue] {
        [("tracking_code", r.trackingCode), ("idempotency_key", r.idempotencyKey), ("item_id", r.itemId), ("category_id", r.categoryId),
         ("channel", r.channel.rawValue), ("description", r.description),
         ("answers", CanonicalJSON.object(r.answers)), ("region_id", r.regionId), ("region_path", r.regionPath), ("place", r.place),
         ("address", r.address), ("latitude", r.latitude), ("longitude", r.longitude), ("requester_user_id", r.requesterUserId),
         ("contact_name", r.contactName), ("phone_sealed", r.phoneSealed), ("phone_index", r.phoneIndex), ("phone_masked", r.phoneMasked),
         ("anonymous", r.anonymous ? 1 : 0), ("entered_by", r.enteredBy), ("urgent", r.urgent ? 1 : 0),
         ("origin", r.origin), ("awaiting_place", r.awaitingPlace ? 1 : 0)]
    }

    /// Where a request stands: written when it is made and at every step (its submission
    /// time, fixed at intake, is written by the inserts only).
    static func progressValues(_ p: RequestProgress, handlerPath: String?) -> [ColumnValue] {
        let pending = pendingColumns(p.pending)
        return [
            ("state", p.state.rawValue), ("pending_kind", pending.kind), ("pending_minutes", pending.minutes),
            ("pending_reason", pending.reason), ("handler_id", p.handlerId), ("handler_path", handlerPath),
            ("co_handler_ids", coHandlerColumn(p.coHandlerIds)), ("stage_started_at", p.stageStartedAt?.millis), ("respond_due", p.respondDue.millis), ("handle_due", p.handleDue?.millis),
            ("verify_due", p.verifyDue?.millis), ("current_due", p.currentDue?.millis), ("paused_remaining", p.pausedRemaining),
            ("responded_at", p.respondedAt?.millis), ("reported_at", p.reportedAt?.millis), ("closed_at", p.closedAt?.millis),
            ("rated_at", p.ratedAt?.millis), ("rating", p.rating), ("respond_minutes", p.respondMinutes),
            ("handle_minutes", p.handleMinutes), ("verify_minutes", p.verifyMinutes), ("respond_late", p.respondLate ? 1 : 0),
            ("handle_late", p.handleLate ? 1 : 0), ("verify_late", p.verifyLate ? 1 : 0), ("rework_count", p.reworkCount),
            ("reopen_count", p.reopenCount), ("extension_count", p.extensionCount), ("escalation_level", p.escalationLevel),
            ("warned", p.warned ? 1 : 0),
        ]
    }

    struct NewRequest: Sendable {
        let trackingCode: String, idempotencyKey: String?, itemId: Int64, categoryId: Int64, channel: IntakeChannel
        let description: String, answers: Answers, regionId: Int64, regionPath: String, place: String, address: String
        let latitude: Double?, longitude: Double?, requesterUserId: Int64?, contactName: String?
        let phoneSealed: String?, phoneIndex: String?, phoneMasked: String?, anonymous: Bool, enteredBy: Int64?
        var urgent = false
        var origin: String? = nil
        var awaitingPlace = false
    }

    /// Writes a new request and gives it back as a read would (times at the milliseconds they
    /// are stored at), without reading it. The caller adds it to the daily summary
    /// (`DailyCounts.record`) as late in its transaction as it can: on PostgreSQL the summary's
    /// row for the district is locked from that upsert to the commit, and every change in the
    /// district waits for it (16 intakes at once spent most of their time there).
    static func insert(_ tx: Tx, _ r: NewRequest, progress p: RequestProgress) async throws -> ServiceRequest {
        let written = identityValues(r) + [("submitted_at", p.submittedAt.millis)] + progressValues(p, handlerPath: nil)
            + [("version", 1), ("updated_at", p.submittedAt.millis)]
        let id = try await tx.sql.raw("INSERT INTO requests (" + .names(written) + ") VALUES " + .values(written) + " RETURNING id")
            .first()!.decode(column: "id", as: Int64.self)
        let stored = asStored(p)
        var request = ServiceRequest(
            id: id, trackingCode: r.trackingCode, itemId: r.itemId, categoryId: r.categoryId, channel: r.channel, description: r.description,
            answers: r.answers, regionId: r.regionId, regionPath: r.regionPath, place: r.place, address: r.address, latitude: r.latitude,
            longitude: r.longitude, requesterUserId: r.requesterUserId, contactName: r.contactName, phoneMasked: r.phoneMasked,
            anonymous: r.anonymous, enteredBy: r.enteredBy, urgent: r.urgent, handlerPath: nil, progress: stored, version: 1,
            updatedAt: stored.submittedAt)
        request.awaitingPlace = r.awaitingPlace
        return request
    }

    static func request(_ row: any SQLRow) throws -> ServiceRequest {
        let id = try row.decode(column: "id", as: Int64.self)
        func int(_ c: String) throws -> Int { Int(try row.decode(column: c, as: Int64.self)) }
        func bool(_ c: String) throws -> Bool { try row.decode(column: c, as: Int64.self) != 0 }
        func date(_ c: String) throws -> Date? { try row.decode(column: c, as: Int64?.self).map(Date.init(millis:)) }
        let pending: PendingDecision? = switch try row.decode(knownIfPresent: "pending_kind", as: PendingKind.self, row: "requests#\(id)") {
        case .extensionOf?:
            .extensionOf(minutes: try int("pending_minutes"), reason: try row.decode(column: "pending_reason", as: String?.self) ?? "")
        case .suspension?: .suspension(reason: try row.decode(column: "pending_reason", as: String?.self) ?? "")
        case nil: nil
        }
        let progress = RequestProgress(
            state: try row.decode(known: "state", as: RequestState.self, row: "requests#\(id)"), pending: pending,
            handlerId: try row.decode(column: "handler_id", as: Int64?.self),
            coHandlerIds: try row.decode(column: "co_handler_ids", as: String.self).split(separator: ",").compactMap { Int64($0) },
            submittedAt: try date("submitted_at")!, stageStartedAt: try date("stage_started_at"), respondDue: try date("respond_due")!,
            handleDue: try date("handle_due"), verifyDue: try date("verify_due"),
            pausedRemaining: try row.decode(column: "paused_remaining", as: Int64?.self).map(Int.init),
            respondedAt: try date("responded_at"), reportedAt: try date("reported_at"), closedAt: try date("closed_at"),
            ratedAt: try date("rated_at"), rating: try row.decode(column: "rating", as: Int64?.self).map(Int.init),
            respondMinutes: try row.decode(column: "respond_minutes", as: Int64?.self).map(Int.init),
            handleMinutes: try int("handle_minutes"), verifyMinutes: try int("verify_minutes"),
            respondLate: try bool("respond_late"), handleLate: try bool("handle_late"), verifyLate: try bool("verify_late"),
            reworkCount: try int("rework_count"), reopenCount: try int("reopen_count"), extensionCount: try int("extension_count"),
            escalationLevel: try int("escalation_level"), warned: try bool("warned"))
        let answersText = try row.decode(column: "answers", as: String.self)
        var request = ServiceRequest(
            id: id, trackingCode: try row.decode(column: "tracking_code", as: String.self),
            itemId: try row.decode(column: "item_id", as: Int64.self), categoryId: try row.decode(column: "category_id", as: Int64.self),
            channel: try row.decode(known: "channel", as: IntakeChannel.self, row: "requests#\(id)"),
            description: try row.decode(column: "description", as: String.self),
            answers: CanonicalJSON.stringListObject(answersText) ?? [:],
            regionId: try row.decode(column: "region_id", as: Int64.self), regionPath: try row.decode(column: "region_path", as: String.self),
            place: try row.decode(column: "place", as: String.self), address: try row.decode(column: "address", as: String.self),
            latitude: try row.decode(column: "latitude", as: Double?.self), longitude: try row.decode(column: "longitude", as: Double?.self),
            requesterUserId: try row.decode(column: "requester_user_id", as: Int64?.self),
            contactName: try row.decode(column: "contact_name", as: String?.self),
            phoneMasked: try row.decode(column: "phone_masked", as: String?.self), anonymous: try bool("anonymous"),
            enteredBy: try row.decode(column: "entered_by", as: Int64?.self), urgent: try bool("urgent"), handlerPath: try row.decode(column: "handler_path", as: String?.self),
            progress: progress, version: try row.decode(column: "version", as: Int64.self), updatedAt: try date("updated_at")!)
        request.awaitingPlace = try bool("awaiting_place")
        return request
    }

    static func find(_ tx: Tx, id: Int64, lock: Bool = false) async throws -> ServiceRequest? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM requests WHERE id = \(bind: id)\(unsafeRaw: lock ? tx.engine.rowLock : "")")
            .first().map(request)
    }

    static func find(_ tx: Tx, trackingCode: String, lock: Bool = false) async throws -> ServiceRequest? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM requests WHERE tracking_code = \(bind: trackingCode)\(unsafeRaw: lock ? tx.engine.rowLock : "")
            """).first().map(request)
    }

    static func find(_ tx: Tx, idempotencyKey: String) async throws -> ServiceRequest? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM requests WHERE idempotency_key = \(bind: idempotencyKey)").first().map(request)
    }

    /// Writes the workflow's new progress if nobody changed the request since it was read
    /// (`version` check); false when somebody did. The caller records the change in the daily
    /// summary, late in its transaction (see `insert`).
    static func saveProgress(_ tx: Tx, of request: ServiceRequest, _ p: RequestProgress, handlerPath: String?, now: Int64) async throws -> Bool {
        let written = progressValues(p, handlerPath: handlerPath) + [("updated_at", now)]
        let rows = try await tx.sql.raw("UPDATE requests SET " + .assignments(written) + """
            , version = version + 1 WHERE id = \(bind: request.id) AND version = \(bind: request.version) RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// The request after a `saveProgress` that succeeded, as a read would give it.
    static func saved(_ request: ServiceRequest, _ p: RequestProgress, handlerPath: String?, now: Int64) -> ServiceRequest {
        var saved = ServiceRequest(
            id: request.id, trackingCode: request.trackingCode, itemId: request.itemId, categoryId: request.categoryId, channel: request.channel,
            description: request.description, answers: request.answers, regionId: request.regionId, regionPath: request.regionPath,
            place: request.place, address: request.address, latitude: request.latitude, longitude: request.longitude,
            requesterUserId: request.requesterUserId, contactName: request.contactName, phoneMasked: request.phoneMasked,
            anonymous: request.anonymous, enteredBy: request.enteredBy, urgent: request.urgent, handlerPath: handlerPath, progress: asStored(p),
            version: request.version + 1, updatedAt: Date(millis: now))
        saved.awaitingPlace = request.awaitingPlace
        return saved
    }

    /// Moves a 待定位 request to the place staff chose: it is placed from now on.
    static func place(_ tx: Tx, _ request: ServiceRequest, at node: (id: Int64, path: String), place: String, now: Int64) async throws -> Bool {
        try await tx.sql.raw("""
            UPDATE requests SET region_id = \(bind: node.id), region_path = \(bind: node.path), place = \(bind: place), awaiting_place = 0,
            updated_at = \(bind: now), version = version + 1 WHERE id = \(bind: request.id) AND version = \(bind: request.version) RETURNING id
            """).first() != nil
    }

    /// Progress with its times at the milliseconds they are stored at.
    static func asStored(_ p: RequestProgress) -> RequestProgress {
        func stored(_ date: Date) -> Date { Date(millis: date.millis) }
        var p = p
        p.submittedAt = stored(p.submittedAt)
        p.stageStartedAt = p.stageStartedAt.map(stored)
        p.respondDue = stored(p.respondDue)
        p.handleDue = p.handleDue.map(stored)
        p.verifyDue = p.verifyDue.map(stored)
        p.respondedAt = p.respondedAt.map(stored)
        p.reportedAt = p.reportedAt.map(stored)
        p.closedAt = p.closedAt.map(stored)
        p.ratedAt = p.ratedAt.map(stored)
        return p
    }

    /// What `pending_kind` holds.
    enum PendingKind: String { case extensionOf = "extension", suspension }

    static func pendingColumns(_ pending: PendingDecision?) -> (kind: String?, minutes: Int?, reason: String?) {
        switch pending {
        case .extensionOf(let minutes, let reason)?: (PendingKind.extensionOf.rawValue, minutes, reason)
        case .suspension(let reason)?: (PendingKind.suspension.rawValue, nil, reason)
        case nil: (nil, nil, nil)
        }
    }

    /// `,12,34,` so that `LIKE '%,12,%'` finds a co-handler.
    static func coHandlerColumn(_ ids: [Int64]) -> String {
        ids.isEmpty ? "" : "," + ids.map(String.init).joined(separator: ",") + ","
    }

    // MARK: Events

    struct NewEvent: Sendable {
        let kind: RequestEventKind, fromState: RequestState?, toState: RequestState, actorUserId: Int64?, actorName: String, actorRole: String
        let note: String?, isInternal: Bool, data: [String: String]
    }

    @discardableResult
    static func appendEvent(_ tx: Tx, requestId: Int64, _ e: NewEvent, at: Int64) async throws -> Int64 {
        let data = e.data.isEmpty ? nil : CanonicalJSON.object(e.data)
        return try await tx.sql.raw("""
            INSERT INTO request_events (request_id, kind, from_state, to_state, actor_user_id, actor_name, actor_role, note, internal, data, at)
            VALUES (\(bind: requestId), \(bind: e.kind.rawValue), \(bind: e.fromState?.rawValue), \(bind: e.toState.rawValue), \(bind: e.actorUserId),
              \(bind: e.actorName), \(bind: e.actorRole), \(bind: e.note), \(bind: e.isInternal ? 1 : 0), \(bind: data), \(bind: at))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func events(_ tx: Tx, requestId: Int64) async throws -> [RequestEvent] {
        let rows = try await tx.sql.raw("""
            SELECT id, kind, from_state, to_state, actor_user_id, actor_name, actor_role, note, internal, data, at
            FROM request_events WHERE request_id = \(bind: requestId) ORDER BY id
            """).all()
        let photos = try await tx.sql.raw("SELECT id, event_id FROM request_photos WHERE request_id = \(bind: requestId) ORDER BY id").all()
        var photosByEvent: [Int64: [Int64]] = [:]
        for row in photos {
            guard let event = try row.decode(column: "event_id", as: Int64?.self) else { continue }
            photosByEvent[event, default: []].append(try row.decode(column: "id", as: Int64.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            let data = try row.decode(column: "data", as: String?.self)
            return RequestEvent(
                id: id, kind: try row.decode(known: "kind", as: RequestEventKind.self, row: "request_events#\(id)"),
                fromState: try row.decode(knownIfPresent: "from_state", as: RequestState.self, row: "request_events#\(id)"),
                toState: try row.decode(known: "to_state", as: RequestState.self, row: "request_events#\(id)"),
                actorUserId: try row.decode(column: "actor_user_id", as: Int64?.self),
                actorName: try row.decode(column: "actor_name", as: String.self), actorRole: try row.decode(column: "actor_role", as: String.self),
                note: try row.decode(column: "note", as: String?.self), isInternal: try row.decode(column: "internal", as: Int64.self) != 0,
                data: data.flatMap(CanonicalJSON.stringObject) ?? [:],
                at: Date(millis: try row.decode(column: "at", as: Int64.self)), photoIds: photosByEvent[id] ?? [])
        }
    }

    static func insertRating(_ tx: Tx, requestId: Int64, score: Int, at: Int64) async throws {
        try await tx.sql.raw("INSERT INTO request_ratings (request_id, score, at) VALUES (\(bind: requestId), \(bind: score), \(bind: at))").run()
    }

    // MARK: Photos

    static func insertPhoto(_ tx: Tx, requestId: Int64, eventId: Int64, _ photo: ValidPhoto, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO request_photos (request_id, event_id, content_type, byte_count, sha256, data, created_at)
            VALUES (\(bind: requestId), \(bind: eventId), \(bind: photo.contentType), \(bind: photo.data.count), \(bind: photo.sha256),
              \(bind: photo.data), \(bind: now))
            """).run()
    }

    static func photo(_ tx: Tx, id: Int64) async throws -> RequestPhoto? {
        guard let row = try await tx.sql.raw("SELECT id, request_id, event_id, content_type, data FROM request_photos WHERE id = \(bind: id)").first() else {
            return nil
        }
        return RequestPhoto(id: try row.decode(column: "id", as: Int64.self), requestId: try row.decode(column: "request_id", as: Int64.self),
                            eventId: try row.decode(column: "event_id", as: Int64?.self),
                            contentType: try row.decode(column: "content_type", as: String.self), data: try row.decode(column: "data", as: Data.self))
    }

    // MARK: Followers

    static func follow(_ tx: Tx, requestId: Int64, userId: Int64, now: Int64) async throws -> Bool {
        guard try await tx.sql.raw("SELECT user_id FROM request_followers WHERE request_id = \(bind: requestId) AND user_id = \(bind: userId)").first() == nil else {
            return false
        }
        try await tx.sql.raw("INSERT INTO request_followers (request_id, user_id, created_at) VALUES (\(bind: requestId), \(bind: userId), \(bind: now))").run()
        return true
    }

    static func followers(_ tx: Tx, requestId: Int64) async throws -> [Int64] {
        try await tx.sql.raw("SELECT user_id FROM request_followers WHERE request_id = \(bind: requestId) ORDER BY user_id").all()
            .map { try $0.decode(column: "user_id", as: Int64.self) }
    }

    /// Open requests for the same item at the same place in the last days: offered at intake
    /// so the resident can follow one instead of asking twice.
    static func similarOpen(_ tx: Tx, itemId: Int64, regionId: Int64, since: Int64) async throws -> [ServiceRequest] {
        let open = RequestState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM requests
            WHERE item_id = \(bind: itemId) AND region_id = \(bind: regionId) AND submitted_at >= \(bind: since)
              AND state IN (\(unsafeRaw: open))
            ORDER BY submitted_at DESC LIMIT 5
            """).all().map(request)
    }
}
