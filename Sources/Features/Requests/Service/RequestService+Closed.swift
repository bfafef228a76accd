import Foundation
import LinliKit
import SQLKit

/// A request closed in a period, as assessments (考核) count it.
public struct ClosedRequest: Sendable, Equatable {
    public let id: Int64
    public let handlerId: Int64?
    public let regionPath: String
    /// 处置 kept its deadline (按期办结).
    public let inTime: Bool
}

/// A 回访评价 given in a period, with the request's handler and place: every rating counts,
/// also one that sent the request back (满意率 as the metrics count it).
public struct GivenRating: Sendable, Equatable {
    public let handlerId: Int64?
    public let regionPath: String
    public let score: Int
    public var satisfied: Bool { score >= Workflow.satisfiedFrom }
}

extension RequestService {
    /// Requests closed (结案) in [from, to) under `path`. The caller has checked the reader's
    /// scope on `path`.
    public func closed(under path: String, from: Date, to: Date) async throws -> [ClosedRequest] {
        try await database.read { tx in
            try await tx.sql.raw("""
                SELECT id, handler_id, region_path, handle_late FROM requests
                WHERE \(tx.engine.pathWithin("region_path", path)) AND closed_at >= \(bind: from.millis) AND closed_at < \(bind: to.millis)
                """).all().map { row in
                ClosedRequest(id: try row.decode(column: "id", as: Int64.self), handlerId: try row.decode(column: "handler_id", as: Int64?.self),
                              regionPath: try row.decode(column: "region_path", as: String.self),
                              inTime: try row.decode(column: "handle_late", as: Int64.self) == 0)
            }
        }
    }

    /// Ratings given in [from, to) to requests under `path`.
    public func ratings(under path: String, from: Date, to: Date) async throws -> [GivenRating] {
        try await database.read { tx in
            try await tx.sql.raw("""
                SELECT r.handler_id, r.region_path, g.score FROM request_ratings g JOIN requests r ON r.id = g.request_id
                WHERE \(tx.engine.pathWithin("r.region_path", path)) AND g.at >= \(bind: from.millis) AND g.at < \(bind: to.millis)
                """).all().map { row in
                GivenRating(handlerId: try row.decode(column: "handler_id", as: Int64?.self), regionPath: try row.decode(column: "region_path", as: String.self),
                            score: Int(try row.decode(column: "score", as: Int64.self)))
            }
        }
    }
}
