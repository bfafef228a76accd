import Foundation
import GridWork
import Testing

@Suite("考核定分: a month's counts become points by the rule table, every point with its reason")
struct ScoreRulesTests {
    static func figures(_ change: (inout ScoreFigures) -> Void) -> ScoreFigures {
        var f = ScoreFigures()
        change(&f)
        return f
    }

    /// (counts, expected points per line in the default table's order, expected total).
    @Test(arguments: [
        // Everything done: 100.
        (ScoreRulesTests.figures { $0.visits = 10; $0.inCare = 8; $0.visited = 8; $0.patrols = 40; $0.patrolQuota = 40; $0.closed = 4; $0.closedInTime = 4
                   $0.rated = 2; $0.satisfied = 2; $0.problems = 7 }, [25, 30, 20, 10, 10, 5], 100.0),
        // Half of everything, one problem: 25·½ + 30·½ + 20·½ + 10·½ + 10·½ + 1 = 48.5.
        (ScoreRulesTests.figures { $0.visits = 10; $0.lateVisits = 5; $0.inCare = 8; $0.visited = 4; $0.patrols = 20; $0.patrolQuota = 40; $0.closed = 4
                   $0.closedInTime = 2; $0.rated = 2; $0.satisfied = 1; $0.problems = 1 }, [12.5, 15, 10, 5, 5, 1], 48.5),
        // More patrols than the quota earn no more than the quota's points.
        (ScoreRulesTests.figures { $0.visits = 4; $0.inCare = 4; $0.visited = 4; $0.patrols = 90; $0.patrolQuota = 40; $0.closed = 1; $0.closedInTime = 1
                   $0.rated = 1; $0.satisfied = 1 }, [25, 30, 20, 10, 10, 0], 95.0),
        // No request closed and none rated: those lines are not counted; 80 possible, 75 earned → 93.8.
        (ScoreRulesTests.figures { $0.visits = 3; $0.inCare = 3; $0.visited = 3; $0.patrols = 40; $0.patrolQuota = 40 }, [25, 30, 20, 0, 0, 0], 93.8),
        // Nothing at all to count but the problems line: 0 of 5.
        (ScoreFigures(), [0, 0, 0, 0, 0, 0], 0.0),
    ])
    func pointsFollowTheDefaultTable(_ c: (ScoreFigures, [Double], Double)) {
        let card = ScoreCard(c.0, rules: .defaults)
        #expect(card.lines.map(\.points) == c.1)
        #expect(card.total == c.2)
    }

    @Test func aShareWithNothingToCountIsLeftOutAndSaysSo() {
        let card = ScoreCard(Self.figures { $0.inCare = 2; $0.visited = 1 }, rules: .defaults)
        let coverage = card.lines.first { $0.measure == .coverage }!
        #expect(coverage.counted && coverage.part == 1 && coverage.whole == 2 && coverage.points == 15)
        #expect(!card.lines.first { $0.measure == .requestsOnTime }!.counted)
        #expect(card.lines.first { $0.measure == .problemsFound }!.whole == nil)
    }

    @Test func aDistrictsOwnTableChangesThePoints() {
        let rules = ScoreRules(items: [ScoreItem(.coverage, points: 60), ScoreItem(.problemsFound, points: 40, perUnit: 10)])
        let card = ScoreCard(Self.figures { $0.inCare = 4; $0.visited = 3; $0.problems = 2 }, rules: rules)
        #expect(card.lines.map(\.points) == [45, 20])
        #expect(card.total == 65)
        #expect(rules.problems().isEmpty)
    }

    @Test(arguments: [
        ScoreRules(items: []),
        ScoreRules(items: [ScoreItem(.coverage, points: 50), ScoreItem(.coverage, points: 50)]),
        ScoreRules(items: [ScoreItem(.coverage, points: 0)]),
        ScoreRules(items: [ScoreItem(.coverage, points: 101)]),
        ScoreRules(items: [ScoreItem(.problemsFound, points: 5)]),
        ScoreRules(items: [ScoreItem(.problemsFound, points: 5, perUnit: 6)]),
    ])
    func aTableThatCannotScoreIsRefused(_ rules: ScoreRules) {
        #expect(!rules.problems().isEmpty)
    }

    @Test func ranksAreSharedOnATieAndCountedWithinEachGroup() {
        let ranks = ScoreRanking.ranks([(key: "a", group: 1, total: 90), (key: "b", group: 1, total: 95), (key: "c", group: 1, total: 90),
                                        (key: "d", group: 1, total: 80), (key: "e", group: 2, total: 10)])
        #expect(ranks == ["b": 1, "a": 2, "c": 2, "d": 4, "e": 1])
    }
}
