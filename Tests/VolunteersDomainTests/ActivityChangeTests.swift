import Foundation
import LinliKit
import Testing
@testable import Volunteers

@Suite("活动变更: what may change, what follows, what people are told")
struct ActivityChangeTests {
    static let hour: Int64 = 3_600_000
    // 2026-12-09 09:00–11:00 China time.
    static let start = Int64(1_796_778_000_000)
    static let now = Date(millis: start - 48 * hour)

    static func role(_ id: Int64, _ name: String, capacity: Int = 10, from: Int64 = start, to: Int64 = start + 2 * hour,
                     confirmed: Int = 0, held: Int = 0, waiting: Int = 0) -> ActivityRole {
        ActivityRole(id: id, name: name, capacity: capacity, startsAt: from, endsAt: to, qualification: nil, defaultMinutes: Int((to - from) / 60_000),
                     confirmed: confirmed, held: held, waiting: waiting)
    }

    static func activity(_ state: ActivityState = .published, roles: [ActivityRole] = [role(1, "参加")], closes: Int64 = start,
                         cancel: Int64 = start) -> Activity {
        Activity(id: 7, title: "敬老义剪", kind: .service, state: state, description: "理发", regionId: 1, regionPath: "/1/", placeName: "活动室",
                 targetRegionId: 1, targetPath: "/1/", targetTag: nil, teamId: nil, beneficiary: "老人", lead: "王芳", startsAt: start,
                 endsAt: start + 2 * hour, signUpOpens: start - 96 * hour, signUpCloses: closes, cancelDeadline: cancel,
                 waitingList: .automatic, holdMinutes: 720, cutoffMinutes: 120, cancelReason: nil, createdBy: 1, roles: roles)
    }

    @Test(arguments: ActivityState.allCases)
    func onlyAnActivityNotYetBegunMayChange(state: ActivityState) {
        let change = ActivityChange(title: "新名称", reason: "改名")
        if [.draft, .published, .closed].contains(state) {
            #expect(throws: Never.self) { try ActivityChangeRules.apply(change, to: Self.activity(state), now: Self.now) }
        } else {
            #expect(throws: ActivityChangeRefusal.state(state)) { try ActivityChangeRules.apply(change, to: Self.activity(state), now: Self.now) }
        }
    }

    @Test func movingTheStartMovesTheEndRolesAndDefaultDeadlinesWithIt() throws {
        let slot = Self.role(2, "引导", from: Self.start + Self.hour, to: Self.start + 2 * Self.hour)
        let changed = try ActivityChangeRules.apply(ActivityChange(startsAt: Date(millis: Self.start + 24 * Self.hour), reason: "下雨改期"),
                                                    to: Self.activity(roles: [Self.role(1, "理发"), slot]), now: Self.now)
        let day = 24 * Self.hour
        #expect(changed.startsAt == Self.start + day && changed.endsAt == Self.start + 2 * Self.hour + day)
        #expect(changed.roles.map(\.startsAt) == [Self.start + day, Self.start + Self.hour + day])
        #expect(changed.signUpCloses == Self.start + day && changed.cancelDeadline == Self.start + day)
        #expect(changed.timeMoved && changed.tellsSignedUp)
        #expect(changed.lines.first == "时间：2026-12-09 09:00–11:00 → 2026-12-10 09:00–11:00")
    }

    @Test func aDeadlineSetByHandStaysWhenTheStartMoves() throws {
        let closes = Self.start - 24 * Self.hour
        let changed = try ActivityChangeRules.apply(ActivityChange(startsAt: Date(millis: Self.start + Self.hour), reason: "推迟"),
                                                    to: Self.activity(closes: closes, cancel: closes), now: Self.now)
        #expect(changed.signUpCloses == closes && changed.cancelDeadline == closes)
    }

    @Test func aShorterActivityMustStillHoldEveryRoleSlot() {
        let late = Self.role(2, "收尾", from: Self.start + Self.hour, to: Self.start + 2 * Self.hour)
        let change = ActivityChange(endsAt: Date(millis: Self.start + Self.hour), reason: "提前结束")
        #expect(throws: VolunteerRuleError(fields: ["roles.2.startsAt": "岗位「收尾」的时段不在新的活动时间内，请先调整活动时间"])) {
            try ActivityChangeRules.apply(change, to: Self.activity(roles: [Self.role(1, "理发"), late]), now: Self.now)
        }
    }

    @Test func aPublishedActivityCannotBeMovedIntoThePast() {
        let change = ActivityChange(startsAt: Self.now.addingTimeInterval(-60), reason: "提前")
        #expect(throws: VolunteerRuleError.self) { try ActivityChangeRules.apply(change, to: Self.activity(), now: Self.now) }
    }

    @Test func placesCannotFallBelowThoseAlreadyTakenIncludingHolds() throws {
        let full = Self.activity(roles: [Self.role(1, "参加", capacity: 10, confirmed: 7, held: 1, waiting: 3)])
        #expect(throws: VolunteerRuleError(fields: ["roles.1.capacity": "岗位「参加」已有 8 人报名（含递补保留），名额不能少于 8"])) {
            try ActivityChangeRules.apply(ActivityChange(capacities: [1: 7], reason: "场地小"), to: full, now: Self.now)
        }
        let eight = try ActivityChangeRules.apply(ActivityChange(capacities: [1: 8], reason: "场地小"), to: full, now: Self.now)
        #expect(eight.roles.first?.capacity == 8 && eight.widened.isEmpty && eight.lines == ["名额：10 → 8"])
    }

    @Test func morePlacesAreNotToldToThoseSignedUpButMoveTheWaitingListUp() throws {
        let changed = try ActivityChangeRules.apply(ActivityChange(capacities: [1: 12], reason: "加座"),
                                                    to: Self.activity(roles: [Self.role(1, "参加", waiting: 2)]), now: Self.now)
        #expect(!changed.tellsSignedUp && !changed.timeMoved && changed.widened == [1])
    }

    @Test func aPlaceCountForAnotherActivitysRoleIsRefused() {
        #expect(throws: VolunteerRuleError(fields: ["roles.9.capacity": "所选岗位不属于这个活动"])) {
            try ActivityChangeRules.apply(ActivityChange(capacities: [9: 5], reason: "x"), to: Self.activity(), now: Self.now)
        }
    }

    @Test func aPublishedActivityNeedsAReasonADraftDoesNot() throws {
        let change = ActivityChange(title: "敬老义剪（二期）")
        #expect(throws: VolunteerRuleError(fields: ["reason": "请写明变更原因，报名的人会收到"])) {
            try ActivityChangeRules.apply(change, to: Self.activity(), now: Self.now)
        }
        #expect(try ActivityChangeRules.apply(change, to: Self.activity(.draft), now: Self.now).title == "敬老义剪（二期）")
    }

    @Test func aChangeThatChangesNothingIsRefused() {
        #expect(throws: ActivityChangeRefusal.nothingChanged) {
            try ActivityChangeRules.apply(ActivityChange(title: "敬老义剪", capacities: [1: 10], reason: "无"), to: Self.activity(), now: Self.now)
        }
    }

    @Test func aWholeFormCountsOnlyWhatDiffersSoAnUntouchedCloseStillFollowsTheStart() throws {
        let a = Self.activity()
        let form = ActivityChange(title: a.title, description: a.description, startsAt: Date(millis: Self.start + Self.hour),
                                  endsAt: Date(millis: a.endsAt + Self.hour), signUpCloses: Date(millis: a.signUpCloses),
                                  cancelDeadline: Date(millis: a.cancelDeadline), capacities: [1: 10], reason: "推迟一小时")
        let changed = try ActivityChangeRules.apply(form.differences(from: a), to: a, now: Self.now)
        #expect(changed.signUpCloses == Self.start + Self.hour && changed.cancelDeadline == Self.start + Self.hour)
        #expect(changed.lines.count == 3, "time, sign-up close and cancel deadline; not the title: \(changed.lines)")
    }
}
