import Foundation
import LinliKit

extension RequestService {
    public func queue(_ query: RequestQuery, actor: Actor) async throws -> Page<RequestSummary> {
        guard actor.userId != nil || actor.may(.requestView) else { throw DomainError.forbidden }
        let now = clock.now()
        let regionPath = try await query.regionId.asyncMap { try await regions.node($0, actor: actor).path }
        let limit = min(max(query.limit, 1), 200), offset = max(query.offset, 0)
        let page = try await database.read { tx in
            let (calendar, warn) = try await CalendarStore.calendar(tx)
            let resolved = RequestQueries.Resolved(
                queue: query.queue, userId: actor.userId, viewPath: actor.may(.requestView) ? actor.scope.path : nil,
                regionPath: regionPath, categoryId: query.categoryId, state: query.state, channel: query.channel,
                now: now.millis, soon: calendar.adding(workingMinutes: warn, to: now).millis, limit: limit, offset: offset)
            return try await RequestQueries.search(tx, resolved)
        }
        return Page(items: page.items, total: page.total, limit: limit, offset: offset)
    }

    /// 我的诉求 — for a signed-in resident.
    public func mine(actor: Actor) async throws -> [RequestSummary] {
        try actor.require(.requestSubmit)
        guard let user = actor.userId else { throw DomainError.unauthenticated }
        return try await database.read { tx in try await RequestQueries.ofResident(tx, userId: user, limit: 100) }
    }
}
