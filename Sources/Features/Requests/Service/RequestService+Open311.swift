import Foundation
import LinliKit

/// A request as Open311 shows it: public facts only.
public struct Open311Request: Sendable {
    public let request: ServiceRequest
    public let itemCode: String
    public let itemName: String
    public let holder: String?
    public let regionCode: String?
    public let photoIds: [Int64]
}

extension RequestService {
    /// GET requests: by 查询码 (whoever holds one may read that request), or by item, period
    /// and open/closed — with an API key every request in the key's region, without one only
    /// problems in public places (items that accept anonymous reports): the spec lets anyone
    /// list requests, and residents' own matters are not public.
    /// Without a key (`actor` nil) every 查询码 asked for counts against `ip`'s lookup limit.
    public func open311Requests(codes: [String], itemCodes: [String], from: Date, to: Date, open: Bool?, actor: Actor?,
                                ip: String?) async throws -> [Open311Request] {
        if actor == nil, !codes.isEmpty { try spendTrackingLookups(codes.count, ip: ip) }
        let catalog = try await catalog.load()
        let itemIds = try itemCodes.map { code -> Int64 in
            guard let item = catalog.items.first(where: { $0.code == code }) else { throw DomainError.invalid("service_code", "没有服务代码 \(code)") }
            return item.id
        }
        if let actor { try actor.require(.requestIntake) }
        let filter = RequestQueries.Open311Filter(trackingCodes: codes.map(IntakeRules.normalisedTrackingCode), itemIds: itemIds,
                                                  from: from.millis, to: to.millis, open: open, pathPrefix: actor?.scope.path)
        let found = try await database.read { tx in try await RequestQueries.open311(tx, filter) }
        return try await found.asyncCompactMap { request in
            guard let item = catalog.item(request.itemId) else { return nil }
            let view = try await trackingView(request, events: try await database.read { tx in try await RequestStore.events(tx, requestId: request.id) })
            return Open311Request(request: request, itemCode: item.code, itemName: item.name, holder: view.holder,
                                  regionCode: try await regions.lookup(request.regionId)?.code, photoIds: view.steps.flatMap(\.photoIds))
        }
    }
}
