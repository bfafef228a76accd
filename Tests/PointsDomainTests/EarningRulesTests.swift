import Points
import Testing

@Suite("积分规则: awards from rules, caps and versions")
struct EarningRulesTests {
    static let rules = EarningRules.common

    @Test(arguments: [
        (minutes: Int64(60), category: nil as String?, points: Int64(100)),
        (90, nil, 150),
        (90, "助老", 180),       // 1.5 h × 1.2
        (100, "助老", 200),      // 1.666… h × 1.2 = 2.0
        (50, "普通", 83),        // 0.8333… h, half-up to the hundredth
        (1, nil, 2),             // 0.0166… rounds up
    ])
    func serviceHoursEarnByCategoryTimesCoefficientRoundedToTheHundredth(minutes: Int64, category: String?, points: Int64) throws {
        let rules = try Self.rules.edited { $0.coefficients = ["助老": 120, "普通": 100] }.get()
        #expect(rules.award(.service(minutes: minutes, category: category), today: .zero, thisMonth: .zero)?.points == Points(hundredths: points))
    }

    @Test func aDistrictsOwnRateIsUsedAndTheAwardNamesItsVersion() throws {
        let tenAnHour = try Self.rules.edited { $0.perHour = Points(whole: 10) }.get()
        let plan = try #require(tenAnHour.award(.service(minutes: 90, category: nil), today: .zero, thisMonth: .zero))
        #expect(plan.points == Points(whole: 15) && plan.version == 2)
        #expect(Self.rules.award(.service(minutes: 90, category: nil), today: .zero, thisMonth: .zero)?.version == 1,
                "an award made before the change keeps version 1")
    }

    @Test func capsClipTheAwardAndAtTheCapNothingIsDue() throws {
        let capped = try Self.rules.edited { $0.dailyCap = Points(whole: 8); $0.monthlyCap = Points(whole: 100) }.get()
        let service = EarningReason.service(minutes: 180, category: nil)
        #expect(capped.award(service, today: Points(hundredths: 650), thisMonth: Points(whole: 20))
                == AwardPlan(points: Points(hundredths: 150), capped: true, version: 2))
        #expect(capped.award(service, today: Points(whole: 8), thisMonth: Points(whole: 20)) == nil)
        #expect(capped.award(service, today: .zero, thisMonth: Points(hundredths: 9_900))?.points == Points(whole: 1), "the month's cap")
        #expect(Self.rules.award(service, today: Points(whole: 1_000), thisMonth: Points(whole: 1_000))?.points == Points(whole: 3),
                "no caps by default")
    }

    @Test(arguments: [(5, true), (4, true), (3, false)])
    func aHandledRequestEarnsOnlyWithASatisfiedRating(rating: Int, earns: Bool) {
        #expect((Self.rules.award(.requestHandled(rating: rating), today: .zero, thisMonth: .zero) != nil) == earns)
    }

    @Test func aReviewerMayGrantAnotherAmountForAGoodDeed() {
        #expect(Self.rules.award(.goodDeed(granted: Points(whole: 5)), today: .zero, thisMonth: .zero)?.points == Points(whole: 5))
        #expect(Self.rules.award(.goodDeed(granted: nil), today: .zero, thisMonth: .zero)?.points == Points(whole: 1))
    }

    @Test func anEditWithMistakesNamesEveryFieldAndKeepsTheVersion() {
        let result = Self.rules.edited {
            $0.perHour = Points(whole: -1)
            $0.coefficients = ["助老": 5]
            $0.minRating = 6
            $0.dailyCap = Points(whole: 10)
            $0.monthlyCap = Points(whole: 5)
        }
        guard case .failure(let errors) = result else { Issue.record("accepted"); return }
        #expect(errors.fields == ["perHour": "积分应在 0 到 10000 之间", "coefficients": "「助老」的系数应在 0.1 到 10 之间",
                                  "minRating": "满意度应为 1 到 5 星", "monthlyCap": "每月上限不能小于每日上限"])
        #expect(Self.rules.version == 1)
    }
}
