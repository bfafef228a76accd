import Foundation
import LinliKit

/// 活动变更 — the organiser changes an activity that has not begun; everyone signed up is
/// told what changed and why, and more places move the waiting list up.
extension VolunteerService {
    /// `wholeForm`: the change repeats every field (a page's form), so only what differs from
    /// the activity counts.
    public func change(activityId: Int64, _ change: ActivityChange, wholeForm: Bool = false, actor: Actor) async throws -> Activity {
        let led = try await ledTeams(actor)
        let now = clock.now()
        return try await database.write { tx in
            let activity = try await managedActivity(tx, activityId, actor: actor, ledTeams: led)
            let changed: ChangedActivity
            do {
                let asked = wholeForm ? change.differences(from: activity) : change
                changed = try Self.checked { try ActivityChangeRules.apply(asked, to: activity, now: now) }
            } catch let refusal as ActivityChangeRefusal {
                switch refusal {
                case .state: throw DomainError(kind: .conflict, code: "bad_state", message: refusal.message)
                case .nothingChanged: throw DomainError(kind: .invalid, code: "nothing_changed", message: refusal.message)
                }
            }
            try await ActivityStore.apply(tx, id: activity.id, changed, now: now.millis)
            try await audit.append(tx, actor: actor, action: .activityChange, entityId: String(activity.id), regionPath: activity.regionPath,
                                   before: ["title": activity.title, "startsAt": Date(millis: activity.startsAt).iso8601CST,
                                            "endsAt": Date(millis: activity.endsAt).iso8601CST],
                                   after: ["changes": changed.lines.joined(separator: "；"), "reason": change.reason])
            if changed.tellsSignedUp {
                let told = try await SignUpStore.activeUsers(tx, activityId: activity.id)
                let reason = change.reason.isEmpty ? "" : "原因：\(change.reason)。"
                try await tell(tx, told, title: "活动变更：\(changed.title)",
                               body: "\(changed.lines.joined(separator: "；"))。\(reason)不能参加的请取消报名，名额会留给候补的人。",
                               link: "/activities/\(activity.id)", event: "activity.changed")
            }
            let updated = try await ActivityStore.find(tx, id: activity.id)!
            guard !changed.widened.isEmpty else { return updated }
            for role in changed.widened { try await promote(tx, updated, roleId: role, now: now, actor: actor) }
            return try await ActivityStore.find(tx, id: activity.id)!  // the roles' counts after the holds
        }
    }
}
