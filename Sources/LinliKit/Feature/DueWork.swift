import Foundation

/// 今日待办 — the window the home page sorts an actor's work into: overdue, due today, due
/// within the next seven days (so a Sunday evening's list does not go empty), and the rest.
public struct DueWindow: Sendable, Equatable {
    public enum Bucket: Int, Sendable, Comparable, CaseIterable {
        /// 已超期
        case overdue
        /// 今天到期
        case today
        /// 7 天内到期
        case week
        /// Later, or without a time limit.
        case later

        public static func < (a: Bucket, b: Bucket) -> Bool { a.rawValue < b.rawValue }
    }

    public let now: Date
    /// Midnight that ends today, China Standard Time.
    public let endOfToday: Date
    /// Midnight that ends the sixth day after today.
    public let endOfWeek: Date

    public init(now: Date) {
        let r = ChinaStandardTime.reading(now)
        let today = ChinaStandardTime.startOfDay(year: r.year, month: r.month, day: r.day)
        self.now = now
        endOfToday = today.addingTimeInterval(86_400)
        endOfWeek = today.addingTimeInterval(7 * 86_400)
    }

    public func bucket(of due: Date?) -> Bucket {
        guard let due else { return .later }
        if due < now { return .overdue }
        if due < endOfToday { return .today }
        if due < endOfWeek { return .week }
        return .later
    }
}

/// One piece of work waiting for the actor.
public struct DueItem: Sendable {
    public let title: String
    /// Where it stands, in the words of the actor's pages (待签收, 待核查, 已办好，请评价 …).
    public let status: String
    /// A second line: the place, the person.
    public let detail: String?
    public let href: String
    /// When it falls due; nil when it has no time limit.
    public let due: Date?
    /// What the time is called beside it: 时限 for work, 开始 for a shift.
    public let dueLabel: String

    public init(title: String, status: String, detail: String? = nil, href: String, due: Date?, dueLabel: String = "时限") {
        self.title = title
        self.status = status
        self.detail = detail
        self.href = href
        self.due = due
        self.dueLabel = dueLabel
    }
}

/// One list of work a feature keeps for the actor: counts over the whole list, and its most
/// urgent items (overdue first, then by due time).
public struct DueList: Sendable {
    public struct Counts: Sendable, Equatable {
        public var overdue: Int, today: Int, week: Int, total: Int
        public init(overdue: Int = 0, today: Int = 0, week: Int = 0, total: Int = 0) {
            self.overdue = overdue
            self.today = today
            self.week = week
            self.total = total
        }

        public static func + (a: Counts, b: Counts) -> Counts {
            Counts(overdue: a.overdue + b.overdue, today: a.today + b.today, week: a.week + b.week, total: a.total + b.total)
        }
    }

    /// Element id on the home page.
    public let id: String
    public let title: String
    /// The full list.
    public let href: String
    public let counts: Counts
    public let items: [DueItem]
    /// Whether its items have time limits (a queue), or are only things to look at or answer
    /// (a resident's own requests): the home page counts overdue work only for the first.
    public let hasTimeLimits: Bool
    /// Order among the lists (lower first).
    public let order: Int

    public init(id: String, title: String, href: String, counts: Counts, items: [DueItem], hasTimeLimits: Bool = true, order: Int) {
        self.id = id
        self.title = title
        self.href = href
        self.counts = counts
        self.items = items
        self.hasTimeLimits = hasTimeLimits
        self.order = order
    }
}

extension DueList {
    /// A list of `items` counted into the window's buckets, overdue first then by due time, at
    /// most `limit` shown; nil when there is nothing.
    public static func of(_ id: String, _ title: String, href: String, _ items: [DueItem], window: DueWindow, limit: Int,
                          order: Int) -> DueList? {
        guard !items.isEmpty else { return nil }
        var counts = Counts(total: items.count)
        for item in items {
            switch window.bucket(of: item.due) {
            case .overdue: counts.overdue += 1
            case .today: counts.today += 1
            case .week: counts.week += 1
            case .later: break
            }
        }
        let sorted = items.sorted { (window.bucket(of: $0.due), $0.due ?? .distantFuture) < (window.bucket(of: $1.due), $1.due ?? .distantFuture) }
        return DueList(id: id, title: title, href: href, counts: counts, items: Array(sorted.prefix(limit)), order: order)
    }
}

/// What a feature has waiting for an actor: the home page's "today" asks every feature's
/// sources and merges their lists. A source answers only lists the actor may open, and an
/// empty array when it has nothing for them.
public protocol DueWorkSource: Sendable {
    /// At most `limit` items per list; counts cover the whole list.
    func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList]
}
