import Foundation
import LinliKit
import SQLKit

/// 承接单位 — an organisation or a team a request is dispatched to. Its 接单人 (intake
/// account) becomes the handler and signs for it in the usual workflow; the unit is kept on
/// the request so that its load and its residents' ratings are read from the requests.
public struct HandlerUnit: Sendable {
    /// `organisation:5`: the kind of unit and its id in the feature that keeps it.
    public let key: String
    public let name: String
    public let intakeUserId: Int64
    /// Run in the dispatch's own transaction before anything is written: the unit's feature
    /// locks the unit and checks again that it may take the request (still serving, this
    /// 接单人 still its own), so a change made meanwhile is not missed.
    public let verify: @Sendable (Tx) async throws -> Void

    public init(key: String, name: String, intakeUserId: Int64, verify: @escaping @Sendable (Tx) async throws -> Void) {
        (self.key, self.name, self.intakeUserId, self.verify) = (key, name, intakeUserId, verify)
    }
}

/// What a handler holds now and how residents rated what it handled.
public struct HandlerFigures: Sendable, Equatable {
    /// 在办 — dispatched, signed for, or suspended.
    public var open = 0
    public var ratings = 0
    public var meanRating = 0.0
    public init(open: Int = 0, ratings: Int = 0, meanRating: Double = 0) {
        (self.open, self.ratings, self.meanRating) = (open, ratings, meanRating)
    }
}

extension RequestService {
    /// 派给单位: the dispatcher gives a request to a unit (registering it first if it was only
    /// received). The caller has checked that the unit serves the place.
    public func dispatch(_ id: Int64, to unit: HandlerUnit, note: String?, actor: Actor) async throws -> RequestDetail {
        try actor.require(.requestDispatch)
        if try await detail(id, actor: actor).request.state == .received { _ = try await act(id, .register(note: nil), actor: actor) }
        return try await act(id, .dispatch(handler: unit.intakeUserId, coHandlers: [], note: note), photos: [], unit: unit, actor: actor)
    }

    /// The load and ratings of units (by key) and of people (by account), for ranking who
    /// might take a request. Open: held now; ratings: every rated request they handled.
    public func handlerFigures(units: [String], people: [Int64]) async throws -> (units: [String: HandlerFigures], people: [Int64: HandlerFigures]) {
        let held = RequestQueries.states([.dispatched, .inProgress, .suspended])
        return try await database.read { tx in
            var byUnit: [String: HandlerFigures] = [:], byPerson: [Int64: HandlerFigures] = [:]
            for chunk in units.chunked(1000) {
                for row in try await tx.sql.raw("""
                    SELECT handler_unit AS who, \(unsafeRaw: Self.figureColumns(held))
                    FROM requests WHERE handler_unit IN (\(binds: Array(chunk))) GROUP BY handler_unit
                    """).all() {
                    byUnit[try row.decode(column: "who", as: String.self)] = try Self.figures(row)
                }
            }
            for chunk in people.chunked(1000) {
                for row in try await tx.sql.raw("""
                    SELECT handler_id AS who, \(unsafeRaw: Self.figureColumns(held))
                    FROM requests WHERE handler_id IN (\(binds: Array(chunk))) GROUP BY handler_id
                    """).all() {
                    byPerson[try row.decode(column: "who", as: Int64.self)] = try Self.figures(row)
                }
            }
            return (byUnit, byPerson)
        }
    }

    /// SUM of integers is numeric on PostgreSQL: cast back so both engines give BIGINT.
    static func figureColumns(_ held: String) -> String {
        """
        CAST(SUM(CASE WHEN state IN (\(held)) THEN 1 ELSE 0 END) AS BIGINT) AS open,
        CAST(SUM(CASE WHEN rating IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS ratings, CAST(SUM(COALESCE(rating, 0)) AS BIGINT) AS stars
        """
    }

    static func figures(_ row: any SQLRow) throws -> HandlerFigures {
        let ratings = try row.decode(column: "ratings", as: Int64.self), stars = try row.decode(column: "stars", as: Int64.self)
        return HandlerFigures(open: Int(try row.decode(column: "open", as: Int64.self)), ratings: Int(ratings),
                              meanRating: ratings > 0 ? Double(stars) / Double(ratings) : 0)
    }

    /// Requests given to a unit, newest first: those within `path`, or all of them for the
    /// unit's own staff (nil; the caller decides who that is).
    public func requests(givenTo unitKey: String, within path: String?, limit: Int = 100) async throws -> [RequestSummary] {
        try await database.read { tx in
            let place: SQLQueryString = path.map { " AND " + tx.engine.pathWithin("r.region_path", $0) } ?? ""
            return try await tx.sql.raw("""
                SELECT \(unsafeRaw: RequestQueries.summaryColumns) FROM requests r JOIN request_items i ON i.id = r.item_id
                WHERE r.handler_unit = \(bind: unitKey)
                """ + place + " ORDER BY r.submitted_at DESC, r.id DESC LIMIT \(bind: limit)").all().map(RequestQueries.summary)
        }
    }
}

extension RequestStore {
    static func setHandlerUnit(_ tx: Tx, requestId: Int64, _ key: String?) async throws {
        try await tx.sql.raw("UPDATE requests SET handler_unit = \(bind: key) WHERE id = \(bind: requestId)").run()
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
