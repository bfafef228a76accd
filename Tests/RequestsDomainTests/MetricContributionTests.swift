import Foundation
import LinliKit
import Requests
import Testing

/// What one request adds to the daily summary, at each point of its life.
@Suite struct MetricContributionTests {
    static let calendar = WorkCalendar(exceptions: [:])
    static let limits = StageLimits.hours(2, 16, 8)

    /// Walks the loop, one action per hour from Monday 2026-11-23 09:00 (Shanghai).
    static func walk(_ actions: [(RequestAction, Participant)], hoursApart: Double = 1) throws -> RequestProgress {
        var at = LocalDay("2026-11-23")!.start!.addingTimeInterval(9 * 3600)
        var p = RequestProgress.start(at: at, limits: limits, calendar: calendar)
        for (action, who) in actions {
            at = at.addingTimeInterval(hoursApart * 3600)
            p = try Workflow.apply(p, action, roles: [who], at: at, limits: limits, calendar: calendar)
        }
        return p
    }

    static let toClosed: [(RequestAction, Participant)] = [
        (.register(note: nil), .dispatcher), (.dispatch(handler: 7, coHandlers: [], note: nil), .dispatcher), (.claim, .handler),
        (.report(result: "已修复"), .handler), (.verifyPass(note: nil), .verifier),
    ]

    @Test func aNewRequestCountsAsSubmittedAndAcceptedOnly() throws {
        let c = MetricContribution.of(try Self.walk([]))
        #expect(c.submitted == 1 && c.accepted == 1)
        #expect(c.responded == 0 && c.closed == 0 && c.ratings == 0 && c.overdue == 0 && c.unrespondedOverdue == 0)
    }

    @Test func aRejectedRequestIsSubmittedButNotAccepted() throws {
        let c = MetricContribution.of(try Self.walk([(.reject(reason: "不属于受理范围"), .dispatcher)]))
        #expect(c.submitted == 1 && c.accepted == 0)
    }

    @Test func aClosedRequestCarriesItsWorkingMinutesPerStage() throws {
        // Half an hour apart: signed for 1½ hours after intake, inside the 2-hour 签收 limit.
        let p = try Self.walk(Self.toClosed, hoursApart: 0.5)
        let c = MetricContribution.of(p)
        #expect(c.responded == 1 && c.respondedInTime == 1 && c.closed == 1 && c.closedInTime == 1)
        #expect(c.respondMinutes == p.respondMinutes! && c.respondCount == 1)
        #expect(c.handleMinutes == p.handleMinutes && c.handleCount == 1 && c.verifyMinutes == p.verifyMinutes && c.verifyCount == 1)
    }

    @Test func anUnsatisfiedRatingThenASatisfiedOneAreTwoRatingsOneSatisfiedAndOneReopening() throws {
        let redone = try Self.walk(Self.toClosed + [(.rate(score: 2, comment: nil), .reviewer), (.report(result: "重新处理"), .handler),
                                                    (.verifyPass(note: nil), .verifier), (.rate(score: 4, comment: nil), .reviewer)])
        let c = MetricContribution.of(redone)
        #expect(c.ratings == 2 && c.satisfiedRatings == 1 && c.reopened == 1 && c.everRated == 1 && c.closed == 1)
        let reopened = MetricContribution.of(try Self.walk(Self.toClosed + [(.rate(score: 1, comment: nil), .reviewer)]))
        #expect(reopened.ratings == 1 && reopened.satisfiedRatings == 0 && reopened.closed == 0)
    }

    @Test func aMissedDeadlineStaysCountedAsOverdueAfterClosing() throws {
        // Four hours apart: the 2-hour 签收 limit is missed at the claim.
        let p = try Self.walk(Self.toClosed, hoursApart: 4)
        #expect(p.respondLate)
        let c = MetricContribution.of(p)
        #expect(c.overdue == 1 && c.respondedInTime == 0 && c.responded == 1)
    }

    @Test func theChangeOfOneStepIsTheDifferenceOfTwoContributions() throws {
        let before = try Self.walk(Array(Self.toClosed.prefix(4)))
        let after = try Self.walk(Self.toClosed)
        let delta = MetricContribution.of(after) - MetricContribution.of(before)
        #expect(delta.closed == 1 && delta.submitted == 0 && delta.handleMinutes == after.handleMinutes)
        #expect(MetricContribution.of(before) + delta == MetricContribution.of(after))
        #expect((delta - delta).isZero)
    }
}
