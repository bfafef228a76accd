import Foundation
import GridWork
import LinliKit
import Regions
import Testing

/// Shanghai wall time → Date.
func cst(_ text: String) -> Date { ChinaStandardTime.moment(text)! }

@Suite struct CadenceTests {
    @Test(arguments: [
        // (moment, cadence, period start, period end)
        ("2026-12-02T10:00", Cadence.weekly, "2026-11-30T00:00", "2026-12-07T00:00"),   // a Wednesday
        ("2026-12-06T23:59", Cadence.weekly, "2026-11-30T00:00", "2026-12-07T00:00"),   // Sunday night is the same week
        ("2026-12-07T00:00", Cadence.weekly, "2026-12-07T00:00", "2026-12-14T00:00"),   // Monday midnight starts the next
        ("2026-12-31T23:59", Cadence.monthly, "2026-12-01T00:00", "2027-01-01T00:00"),
        ("2026-02-10T08:00", Cadence.monthly, "2026-02-01T00:00", "2026-03-01T00:00"),
        ("2026-11-15T08:00", Cadence.quarterly, "2026-10-01T00:00", "2027-01-01T00:00"),
        ("2026-01-01T00:00", Cadence.quarterly, "2026-01-01T00:00", "2026-04-01T00:00"),
        ("2026-06-30T23:00", Cadence.quarterly, "2026-04-01T00:00", "2026-07-01T00:00"),
    ])
    func periodsAreCalendarWeeksMonthsAndQuartersInShanghai(_ c: (String, Cadence, String, String)) {
        let period = c.1.period(containing: cst(c.0))
        #expect(period.start == cst(c.2))
        #expect(period.end == cst(c.3))
    }
}

@Suite struct VisitClassificationTests {
    let rules = VisitRules.defaults

    @Test(arguments: [
        (["独居老人"], 85, "high"),
        (["空巢老人"], 80, "high"),
        (["独居老人"], 79, "ordinary"),          // living alone below 80: in care, quarterly
        (["重病患者"], 40, "high"),
        (["残疾人"], 60, "key"),
        (["残疾人"], 59, "ordinary"),
        (["特困人员"], 30, "key"),
        (["低保户"], 50, "ordinary"),
        (["留守儿童"], 9, "ordinary"),
        (["党员"], 70, nil),                    // not a care tag
        ([], 90, nil),
        (["党员", "独居老人", "残疾人"], 82, "high"),  // the first rule that matches decides
    ] as [([String], Int, String?)])
    func theFirstMatchingRuleGivesTheClass(_ c: ([String], Int, String?)) {
        #expect(rules.classify(tags: Set(c.0), age: c.1)?.code == c.2)
    }

    @Test func anUnknownAgeNeverMeetsAnAgeThreshold() {
        #expect(rules.classify(tags: ["独居老人"], age: nil)?.code == "ordinary")
    }

    @Test func theDefaultsHaveNoProblems() {
        #expect(rules.problems().isEmpty)
    }

    @Test func rulesThatNameAMissingClassOrNoTagOrAnImpossibleAgeAreRefused() {
        var bad = rules
        bad.rules.append(VisitRule(anyTags: ["孤儿"], visitClass: "nosuch"))
        #expect(bad.problems()["rules"] != nil)
        bad = rules
        bad.rules[0].anyTags = []
        #expect(bad.problems()["rules"] != nil)
        bad = rules
        bad.rules[0].minAge = 200
        #expect(bad.problems()["rules"] != nil)
        bad = rules
        bad.classes[0].methods = []
        #expect(bad.problems()["classes"] != nil)
        bad = rules
        bad.eventHours = 0
        #expect(bad.problems()["eventHours"] != nil)
    }
}

@Suite struct VisitScheduleTests {
    let rules = VisitRules.defaults
    var high: VisitClass { rules.visitClass("high")! }
    var key: VisitClass { rules.visitClass("key")! }
    var ordinary: VisitClass { rules.visitClass("ordinary")! }

    @Test func aVisitThisPeriodMakesThePersonDueByTheEndOfTheNext() {
        let due = VisitSchedule.due(key, rules: rules, since: cst("2026-01-05T09:00"), lastVisit: cst("2026-12-02T10:00"), events: [])
        #expect(due.due == cst("2027-02-01T00:00"))
    }

    @Test func aMissedPeriodLeavesThePersonOverdueFromItsEnd() {
        // Last seen in October; November passed without a visit.
        let due = VisitSchedule.due(key, rules: rules, since: cst("2026-01-05T09:00"), lastVisit: cst("2026-10-20T10:00"), events: [])
        #expect(due.due == cst("2026-12-01T00:00"))
    }

    @Test func someoneNewIsDueByTheEndOfThePeriodButNotSoonerThanTheGrace() {
        let early = VisitSchedule.due(high, rules: rules, since: cst("2026-11-30T09:00"), lastVisit: nil, events: [])
        #expect(early.due == cst("2026-12-07T09:00"))  // grace of 7 days is later than Sunday's end
        let quarter = VisitSchedule.due(ordinary, rules: rules, since: cst("2026-10-02T09:00"), lastVisit: nil, events: [])
        #expect(quarter.due == cst("2027-01-01T00:00"))
        var changed = rules
        changed.newcomerDays = 0
        let noGrace = VisitSchedule.due(high, rules: changed, since: cst("2026-11-30T09:00"), lastVisit: nil, events: [])
        #expect(noGrace.due == cst("2026-12-07T00:00"))
    }

    @Test func aMajorEventMakesTheHighRiskDueWithinTheRulesHours() {
        let event = EventTrigger(eventId: 7, declaredAt: cst("2026-12-02T15:00"))
        let due = VisitSchedule.due(high, rules: rules, since: cst("2026-01-05T09:00"), lastVisit: cst("2026-12-01T10:00"), events: [event])
        #expect(due.event == event)
        #expect(due.due == cst("2026-12-03T15:00"))
        var changed = rules
        changed.eventHours = 12
        #expect(VisitSchedule.due(high, rules: changed, since: cst("2026-01-05T09:00"), lastVisit: cst("2026-12-01T10:00"),
                                  events: [event]).due == cst("2026-12-03T03:00"))
    }

    @Test func aVisitAfterTheEventAnswersIt() {
        let event = EventTrigger(eventId: 7, declaredAt: cst("2026-12-02T15:00"))
        let due = VisitSchedule.due(high, rules: rules, since: cst("2026-01-05T09:00"), lastVisit: cst("2026-12-02T18:00"), events: [event])
        #expect(due.event == nil)
        #expect(due.due == cst("2026-12-14T00:00"))
    }

    @Test func classesThatDoNotAnswerEventsIgnoreThem() {
        let event = EventTrigger(eventId: 7, declaredAt: cst("2026-12-02T15:00"))
        let due = VisitSchedule.due(key, rules: rules, since: cst("2026-01-05T09:00"), lastVisit: cst("2026-12-01T10:00"), events: [event])
        #expect(due.event == nil)
        #expect(due.due == cst("2027-02-01T00:00"))
    }

    @Test func theEarliestOutstandingEventCounts() {
        let a = EventTrigger(eventId: 1, declaredAt: cst("2026-12-02T15:00")), b = EventTrigger(eventId: 2, declaredAt: cst("2026-12-01T08:00"))
        let due = VisitSchedule.due(high, rules: rules, since: cst("2026-01-05T09:00"), lastVisit: cst("2026-11-28T10:00"), events: [a, b])
        #expect(due.event == b)
        #expect(due.due == cst("2026-12-02T08:00"))
    }

    @Test func aFollowUpTheVisitorAskedForComesSooner() {
        let due = VisitSchedule.due(ordinary, rules: rules, since: cst("2026-01-05T09:00"), lastVisit: cst("2026-12-02T10:00"),
                                    followUp: cst("2026-12-09T10:00"), events: [])
        #expect(due.due == cst("2026-12-09T10:00"))
    }
}

@Suite struct VisitChecksTests {
    let now = cst("2026-12-02T10:00")
    func draft(_ change: (inout VisitDraft) -> Void = { _ in }) -> VisitDraft {
        var d = VisitDraft(residentId: 1, visitedAt: cst("2026-12-02T09:30"), method: .home, contact: .resident)
        change(&d)
        return d
    }

    @Test func anOrdinaryVisitPasses() throws {
        try VisitChecks.check(draft(), visitClass: VisitRules.defaults.visitClass("high"), now: now)
    }

    /// Each case: the field that must be named, and what is wrong.
    static let wrong: [(field: String, what: String)] = [
        ("visitedAt", "future"), ("visitedAt", "old"), ("method", "phone for high risk"), ("followUpBy", "before the visit"),
        ("findings.safety.note", "concern without a note"), ("findings", "one check twice"),
    ]

    func spoil(_ d: inout VisitDraft, _ what: String) {
        switch what {
        case "future": d.visitedAt = cst("2026-12-02T10:30")
        case "old": d.visitedAt = cst("2026-10-01T10:00")
        case "phone for high risk": d.method = .phone
        case "before the visit": d.followUpBy = cst("2026-12-01T10:00")
        case "concern without a note": d.findings = [VisitFinding(check: .safety, concern: true, note: nil)]
        default: d.findings = [VisitFinding(check: .health, concern: false, note: nil), VisitFinding(check: .health, concern: false, note: nil)]
        }
    }

    @Test(arguments: wrong)
    func aVisitThatCannotBeTrueIsRefusedNamingTheField(_ c: (field: String, what: String)) {
        let bad = draft { spoil(&$0, c.what) }
        do {
            try VisitChecks.check(bad, visitClass: VisitRules.defaults.visitClass("high"), now: now)
            Issue.record("\(c.what) was accepted")
        } catch let e as DomainError {
            #expect(e.fields[c.field] != nil, "\(c.what): \(e.fields)")
        } catch { Issue.record("\(error)") }
    }

    @Test func aPhoneClockAFewMinutesAheadIsAccepted() throws {
        try VisitChecks.check(draft { $0.visitedAt = cst("2026-12-02T10:03") }, visitClass: nil, now: now)
    }
}

@Suite struct PostDutiesTests {
    func member(_ id: Int64, _ duty: GridDuty) -> TeamMember { TeamMember(userId: id, displayName: "人\(id)", duty: duty) }

    @Test func aFullTeamCoversEveryDuty() {
        let team = [member(1, .leader), member(2, .fullTime), member(3, .partTime)]
        #expect(PostDuties.defaults.uncovered(by: team).isEmpty)
    }

    @Test func aLeaderAloneLeavesVisitsPatrolsAndReportsUncovered() {
        #expect(PostDuties.defaults.uncovered(by: [member(1, .leader)]) == [.visits, .patrols, .reports])
    }

    @Test func aPartTimerCoversVisitsWithoutAFullTimer() {
        let coverage = PostDuties.defaults.coverage(of: [member(1, .leader), member(3, .partTime)])
        #expect(coverage.first { $0.task == .visits }?.people.map(\.userId) == [3])
        #expect(PostDuties.defaults.uncovered(by: [member(1, .leader), member(3, .partTime)]).isEmpty)
    }

    @Test func aDistrictThatGivesVisitsOnlyToFullTimersLeavesThemUncoveredByPartTimers() {
        let duties = PostDuties(tasks: [.leader: [.oversight], .fullTime: [.visits, .patrols], .partTime: [.patrols]])
        #expect(duties.uncovered(by: [member(1, .leader), member(3, .partTime)]) == [.visits])
    }
}
