import Foundation
import LinliKit

/// 今日待办: a person's own activities (a hold to accept first), and for organisers the
/// activities to run and to certify, registrations to approve and corrections to decide.
extension VolunteerService {
    static let dueLimit = 200

    public func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        var lists: [DueList] = []
        if actor.may(.volunteerJoin), let mine = try await myDue(actor, window, limit) { lists.append(mine) }
        if actor.may(.activityManage), let organised = try await organiserDue(actor, window, limit) { lists.append(organised) }
        if actor.may(.volunteerManage), let register = try await registerDue(actor, window, limit) { lists.append(register) }
        return lists
    }

    static func list(_ id: String, _ title: String, href: String, _ items: [DueItem], window: DueWindow, limit: Int, order: Int) -> DueList? {
        DueList.of(id, title, href: href, items, window: window, limit: limit, order: order)
    }

    func myDue(_ actor: Actor, _ window: DueWindow, _ limit: Int) async throws -> DueList? {
        let mine = try await mySignUps(actor: actor, limit: Self.dueLimit)
        let items = mine.compactMap { m -> DueItem? in
            let s = m.signUp, a = m.activity
            let when = VolunteersText.span(a.startsAt, a.endsAt)
            switch s.status {
            case .held: return DueItem(title: a.title, status: "有名额空出，请确认", detail: when, href: "/activities/\(a.id)",
                                       due: s.holdUntil.map(Date.init(millis:)), dueLabel: "确认截止")
            case .confirmed, .waiting, .awaitingApproval:
                return DueItem(title: a.title, status: s.status.label, detail: "\(when) · \(a.placeName)", href: "/activities/\(a.id)",
                               due: Date(millis: a.startsAt), dueLabel: "开始")
            default: return nil
            }
        }
        // Activities still to come are not overdue work; those under way are due at their end.
        let adjusted = items.map { item in
            guard let due = item.due, due < window.now, item.dueLabel == "开始" else { return item }
            return DueItem(title: item.title, status: "进行中", detail: item.detail, href: item.href, due: nil, dueLabel: item.dueLabel)
        }
        return Self.list("due-activities-mine", "我的活动", href: "/volunteer", adjusted, window: window, limit: limit, order: 35)
    }

    func organiserDue(_ actor: Actor, _ window: DueWindow, _ limit: Int) async throws -> DueList? {
        let respond = TimeInterval(settings.responseDays * 86_400)
        let (finished, coming) = try await database.read { tx in
            (try await ActivityStore.list(tx, within: actor.scope.path, states: [.finished], from: nil, to: nil, limit: Self.dueLimit),
             try await ActivityStore.list(tx, within: actor.scope.path, states: [.published, .closed, .inProgress], from: window.now.millis,
                                          to: window.endOfWeek.millis, limit: Self.dueLimit))
        }
        var items = finished.map {
            DueItem(title: $0.title, status: "待认证时长", detail: VolunteersText.span($0.startsAt, $0.endsAt), href: "/activities/\($0.id)",
                    due: Date(millis: $0.endsAt).addingTimeInterval(respond), dueLabel: "认证截止")
        }
        items += coming.map { a in
            let taken = a.roles.reduce(0) { $0 + $1.confirmed + $1.held }, places = a.roles.reduce(0) { $0 + $1.capacity }
            return DueItem(title: a.title, status: "\(a.state.label) · 已报 \(taken)/\(places)", detail: a.placeName, href: "/activities/\(a.id)/signups",
                           due: a.startsAt > window.now.millis ? Date(millis: a.startsAt) : nil, dueLabel: "开始")
        }
        let corrections = try await pendingCorrections(actor: actor, limit: Self.dueLimit)
        items += corrections.map {
            DueItem(title: "更正申请：\($0.name)", status: "\(VolunteersText.hours($0.currentMinutes)) → \(VolunteersText.hours($0.proposedMinutes))",
                    detail: $0.activityTitle, href: "/volunteers", due: Date(millis: $0.askedAt).addingTimeInterval(respond), dueLabel: "处理截止")
        }
        return Self.list("due-activities", "活动与服务记录", href: "/activities", items, window: window, limit: limit, order: 36)
    }

    func registerDue(_ actor: Actor, _ window: DueWindow, _ limit: Int) async throws -> DueList? {
        let respond = TimeInterval(settings.responseDays * 86_400)
        let pending = try await pendingRegistrations(actor: actor, limit: Self.dueLimit)
        let items = pending.map {
            DueItem(title: "志愿者登记：\($0.name)", status: "待审核", href: "/volunteers/\($0.id)",
                    due: Date(millis: $0.appliedAt).addingTimeInterval(respond), dueLabel: "审核截止")
        }
        return Self.list("due-volunteers", "志愿者审核", href: "/volunteers", items, window: window, limit: limit, order: 37)
    }
}

/// Times and hours as the pages and notices write them.
public enum VolunteersText {
    /// "2026-12-05 09:00–12:00", or across days "… 至 …".
    public static func span(_ from: Int64, _ to: Int64) -> String {
        let a = Date(millis: from).shanghaiText, b = Date(millis: to).shanghaiText
        return a.prefix(10) == b.prefix(10) ? "\(a)–\(b.suffix(5))" : "\(a) 至 \(b)"
    }

    public static func hours(_ minutes: Int64) -> String { ServiceHours.text(minutes: minutes) }
}
