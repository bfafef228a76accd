import Foundation
import Testing
@testable import Volunteers

@Suite("活动状态: every state × action pair")
struct ActivityWorkflowTests {
    static let expected: [ActivityState: [ActivityAction: ActivityState]] = [
        .draft: [.publish: .published, .cancel: .cancelled],
        .published: [.close: .closed, .start: .inProgress, .finish: .finished, .cancel: .cancelled],
        .closed: [.start: .inProgress, .finish: .finished, .cancel: .cancelled],
        .inProgress: [.finish: .finished],
        .finished: [.certify: .certified],
        .certified: [:],
        .cancelled: [:],
    ]

    @Test(arguments: ActivityState.allCases)
    func eachStateAllowsExactlyItsActions(state: ActivityState) {
        for action in ActivityAction.allCases {
            #expect(ActivityWorkflow.next(state, action) == Self.expected[state]?[action], "\(state) × \(action)")
        }
    }

    @Test func aRefusalSaysTheStateAndTheActionInWords() {
        #expect(ActivityWorkflow.refusal(.certified, .cancel) == "活动「已认证时长」时不能取消活动")
    }

    @Test func onlyAPublishedActivityTakesSignUpsAndAttendanceEndsWithTheActivity() {
        #expect(ActivityState.allCases.filter(\.takesSignUps) == [.published])
        #expect(ActivityState.allCases.filter(\.takesAttendance) == [.published, .closed, .inProgress])
    }
}

@Suite("服务时长: from check-in to check-out within the slot")
struct ServiceHoursTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var end: Date { start.addingTimeInterval(3 * 3600) }

    @Test func earlyArrivalAndLateLeavingDoNotCount() {
        let served = ServiceHours.served(checkIn: start.addingTimeInterval(-1800), checkOut: end.addingTimeInterval(3600), slotStart: start,
                                         slotEnd: end, defaultMinutes: 60)
        #expect(served == .init(minutes: 180, flagged: false))
    }

    @Test func aMissingCheckOutCountsTheDefaultFlaggedAndNeverMoreThanTheSlot() {
        #expect(ServiceHours.served(checkIn: start, checkOut: nil, slotStart: start, slotEnd: end, defaultMinutes: 90) == .init(minutes: 90, flagged: true))
        #expect(ServiceHours.served(checkIn: start, checkOut: nil, slotStart: start, slotEnd: end, defaultMinutes: 900)?.minutes == 180)
    }

    @Test func noCheckInIsNoRecordAndACheckOutBeforeTheSlotIsZero() {
        #expect(ServiceHours.served(checkIn: nil, checkOut: nil, slotStart: start, slotEnd: end, defaultMinutes: 60) == nil)
        #expect(ServiceHours.served(checkIn: start.addingTimeInterval(-7200), checkOut: start.addingTimeInterval(-3600), slotStart: start,
                                    slotEnd: end, defaultMinutes: 60)?.minutes == 0)
    }

    @Test func hoursReadAsPeopleSayThem() {
        #expect(ServiceHours.text(minutes: 45) == "45 分钟")
        #expect(ServiceHours.text(minutes: 120) == "2 小时")
        #expect(ServiceHours.text(minutes: 150) == "2.5 小时")
    }

    @Test func theNoShowRuleNeedsApprovalAtTheLimitAndZeroTurnsItOff() {
        #expect(!NoShowRule.common.needsApproval(noShows: 2) && NoShowRule.common.needsApproval(noShows: 3))
        #expect(!NoShowRule(limit: 0, days: 90).needsApproval(noShows: 10))
        #expect(NoShowRule(limit: 1, days: 30).needsApproval(noShows: 1))
    }
}

@Suite("活动规则: a draft's times and roles")
struct ActivityRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func draft(_ change: (inout ActivityDraft) -> Void = { _ in }) -> ActivityDraft {
        var d = ActivityDraft(title: "探访", kind: .service, regionId: 1, startsAt: now.addingTimeInterval(86_400),
                              endsAt: now.addingTimeInterval(86_400 + 3 * 3600), roles: [.init(name: "陪伴", capacity: 5)])
        change(&d)
        return d
    }

    func fields(_ d: ActivityDraft) -> [String: String] {
        do {
            _ = try ActivityRules.check(d, now: now, defaultHoldHours: 12, defaultCutoffHours: 2)
            return [:]
        } catch let error as VolunteerRuleError { return error.fields } catch { return ["?": "\(error)"] }
    }

    @Test func defaultsOpenNowCloseAtTheStartAndCancelUntilTheClose() throws {
        let checked = try ActivityRules.check(draft(), now: now, defaultHoldHours: 12, defaultCutoffHours: 2)
        #expect(checked.signUpOpens == now && checked.signUpCloses == draft().startsAt && checked.cancelDeadline == draft().startsAt)
        #expect(checked.holdMinutes == 720 && checked.cutoffMinutes == 120)
        #expect(checked.roles.first?.defaultMinutes == 180, "a role's default is its whole slot")
    }

    @Test func badTimesAndRolesNameTheirFields() {
        #expect(fields(draft { $0.endsAt = $0.startsAt })["endsAt"] != nil)
        #expect(fields(draft { $0.roles = [] })["roles"] != nil)
        #expect(fields(draft { $0.roles = [.init(name: "陪伴", capacity: 0)] })["roles.0.capacity"] != nil)
        #expect(fields(draft { $0.roles = [.init(name: "a", capacity: 1), .init(name: "a", capacity: 1)] })["roles.1.name"] != nil)
        #expect(fields(draft { $0.roles = [.init(name: "早班", capacity: 1, startsAt: $0.startsAt.addingTimeInterval(-60))] })["roles.0.startsAt"] != nil)
        #expect(fields(draft { $0.cancelDeadline = $0.startsAt.addingTimeInterval(60) })["cancelDeadline"] != nil)
        #expect(fields(draft { $0.kind = .resident; $0.roles = [.init(name: "a", capacity: 1), .init(name: "b", capacity: 1)] })["roles"] != nil)
        #expect(fields(draft { $0.targetTag = "独居老人" })["targetTag"] != nil, "volunteer services recruit by area, not by care tag")
    }
}
