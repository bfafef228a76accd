import Foundation
import LinliKit

extension RequestService {
    public func queue(_ query: RequestQuery, actor: Actor) async throws -> Page<RequestSummary> {
        guard actor.may(.requestView) || (actor.userId != nil && actor.may(.requestHandle)) else { throw DomainError.forbidden }
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

    /// The requests raised from a visit or a patrol (`RequestDraft.origin`) that the actor may see.
    public func raised(from origin: String, actor: Actor) async throws -> [RequestSummary] {
        guard actor.may(.requestView) || actor.may(.requestIntake) else { return [] }
        return try await database.read { tx in try await RequestQueries.raised(tx, from: origin, within: actor.scope.path) }
    }

    /// 我的诉求 — for a signed-in resident.
    public func mine(actor: Actor) async throws -> [RequestSummary] {
        try actor.require(.requestSubmit)
        guard let user = actor.userId else { throw DomainError.unauthenticated }
        return try await database.read { tx in try await RequestQueries.ofResident(tx, userId: user, limit: 100) }
    }
}

extension RequestService {
    /// 今日待办 of the closed loop: the queues this actor works from, each with its counts and
    /// first items; for a resident, their open requests and those waiting for their rating.
    public func dueWork(actor: Actor, window: DueWindow, limit: Int) async throws -> [DueList] {
        guard let user = actor.userId else { return [] }
        let limit = min(max(limit, 1), 50)
        let worked: [(RequestQueue, Permission)] = [(.unplaced, .requestDispatch), (.dispatch, .requestDispatch), (.mine, .requestHandle),
                                                    (.verify, .requestVerify), (.review, .requestReview)]
        let queues = worked.enumerated().filter { actor.may($0.element.1) }.map { (queue: $0.element.0, order: 10 + $0.offset) }
        let residentOnly = actor.may(.requestSubmit) && !actor.may(.requestIntake)
        let viewPath = actor.may(.requestView) ? actor.scope.path : nil
        return try await database.read { tx in
            var lists: [DueList] = []
            for (queue, order) in queues {
                let resolved = RequestQueries.Resolved(
                    queue: queue, userId: user, viewPath: viewPath, regionPath: nil, categoryId: nil, state: nil, channel: nil,
                    now: window.now.millis, soon: window.now.millis, limit: limit, offset: 0)
                let (counts, rows) = try await RequestQueries.due(tx, resolved, endOfToday: window.endOfToday.millis,
                                                                  endOfWeek: window.endOfWeek.millis)
                // 待定位 shows only when something waits: most days nothing does.
                if queue == .unplaced && counts.total == 0 { continue }
                lists.append(DueList(id: "due-requests-\(queue.rawValue)", title: queue.label, href: "/requests?queue=\(queue.rawValue)",
                                     counts: counts, items: rows.map(Self.dueItem), order: order))
            }
            if residentOnly {
                let open = try await RequestQueries.ofResident(tx, userId: user, limit: 100).filter { !$0.state.isFinal }
                lists.append(DueList(id: "due-requests-own", title: "我的诉求", href: "/my/requests", counts: .init(total: open.count),
                                     items: open.prefix(limit).map(Self.ownItem), hasTimeLimits: false, order: 5))
            }
            return lists
        }
    }

    static func dueItem(_ s: RequestSummary) -> DueItem {
        DueItem(title: s.itemName, status: s.urgent ? "紧急 · " + s.state.label : s.state.label, detail: s.place.isEmpty ? nil : s.place,
                href: "/requests/\(s.id)",
                due: s.state.stage == nil ? nil : s.currentDue.map(Date.init(millis:)))
    }

    /// A resident's own request: no deadline shown (the desk's clock is not theirs to watch),
    /// the state in their words.
    static func ownItem(_ s: RequestSummary) -> DueItem {
        DueItem(title: s.itemName, status: s.state.residentLabel, detail: "提交于 " + Date(millis: s.submittedAt).shanghaiText,
                href: "/my/requests/\(s.id)", due: nil)
    }
}
