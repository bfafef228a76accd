import Foundation
import LinliKit

/// 今日待办: a person's redemptions waiting for pickup (due at their hold's end); for staff,
/// pickups in their area and good deeds to review (due `reviewDays` after they were told).
extension PointsService {
    static let dueLimit = 200
    /// Working practice, not a rule: a deed is answered within a week.
    static let reviewDays = 7

    public func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        var lists: [DueList] = []
        if actor.may(.pointsUse), let userId = actor.userId, try await residents.identity(ofUser: userId) != nil {
            let mine = try await myRedemptions(actor: actor, limit: Self.dueLimit).filter { $0.state == .held }.map {
                DueItem(title: "领取「\($0.itemName)」", status: "待领取", detail: $0.pickupPlace, href: "/points#held",
                        due: Date(millis: $0.holdUntil), dueLabel: "保留至")
            }
            if let list = DueList.of("due-points-mine", "待领取的兑换", href: "/points", mine, window: window, limit: limit, order: 37) {
                lists.append(list)
            }
        }
        if actor.may(.pointsManage) {
            let deeds = try await goodDeedsToReview(actor: actor, limit: Self.dueLimit).map {
                DueItem(title: "\($0.name)：\($0.title)", status: "待审核", detail: "好人好事 · \($0.happenedOn)", href: "/points/manage#reviews",
                        due: Date(millis: $0.askedAt).addingTimeInterval(TimeInterval(Self.reviewDays * 86_400)))
            }
            if let list = DueList.of("due-good-deeds", "好人好事待审核", href: "/points/manage#reviews", deeds, window: window, limit: limit, order: 44) {
                lists.append(list)
            }
        }
        return lists
    }
}
