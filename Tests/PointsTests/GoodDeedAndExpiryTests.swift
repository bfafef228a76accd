import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Testing

@Suite("好人好事、过期与月报: reviewed deeds earn once, expiry is announced and posted, the month adds up")
struct GoodDeedAndExpiryTests {
    @Test(arguments: TestEngine.all)
    func anApprovedGoodDeedEarnsOnceAndARejectionNeedsAReason(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me()
            let input = GoodDeedInput(title: "拾金不昧", description: "在小区门口捡到钱包，交给物业找到失主", happenedOn: "2026-09-20",
                                      evidence: "物业张师傅")
            let deed = try await p.points.askGoodDeed(input, actor: me)
            #expect(deed.state == .submitted && deed.name == "刘阿姨")
            #expect(try await p.points.goodDeedsToReview(actor: p.staff).map(\.id) == [deed.id])
            #expect(await refused { _ = try await p.points.decideGoodDeed(deed.id, approve: false, note: " ", actor: p.staff) }?.fields["note"] != nil)
            let approved = try await p.points.decideGoodDeed(deed.id, approve: true, granted: Points(whole: 3), note: "属实", actor: p.staff)
            #expect(approved.state == .approved && approved.granted == Points(whole: 3))
            #expect(await refused { _ = try await p.points.decideGoodDeed(deed.id, approve: true, note: nil, actor: p.staff) }?.code == "decided")
            #expect(try await p.balance(person.id).posted == Points(whole: 3))
            let bad = await refused { _ = try await p.points.askGoodDeed(GoodDeedInput(title: "", happenedOn: "2999-01-01"), actor: me) }
            #expect(Set(bad?.fields.keys.map { $0 } ?? []) == ["title", "description", "evidence", "happenedOn"])
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func pointsExpireOnlyWhenTheDistrictSetsItAnnouncedOnceBeforeAndSpentPointsFirst(engine: TestEngine) async throws {
        for months in [0, 6] {
            // 2026-05-20 in Shanghai.
            let clock = ManualClock(Date(timeIntervalSince1970: 1_779_206_400))
            try await TestSystem.with(engine, clock: clock, configure: { config in
                config[PointsSettings.self] = PointsSettings(environment: ["LINLI_POINTS_EXPIRY_MONTHS": String(months)])
            }) { system in
                let p = try await PointsFixture.build(system)
                let (_, person) = try await p.me()
                try await p.grant(10, to: person.id)
                let item = try await p.item(price: "4")
                _ = try await p.points.redeem(itemId: item.id, for: person.id, actor: p.staff)
                // Late November: the May points expire on 1 December; the notice goes out 30 days before.
                clock.advance(seconds: 185 * 86_400)
                let notice = try await p.points.runExpiry()
                #expect(notice.told == (months == 0 ? 0 : 1) && notice.expired == 0, "months \(months)")
                #expect(try await p.points.runExpiry().told == 0, "told once")
                clock.advance(seconds: 10 * 86_400)
                let run = try await p.points.runExpiry()
                #expect(run.expired == (months == 0 ? 0 : 1) && run.total == (months == 0 ? .zero : Points(whole: 6)), "the held 4 count as spent")
                #expect(try await p.points.runExpiry().expired == 0, "once")
                #expect(try await p.balance(person.id).available == (months == 0 ? Points(whole: 6) : .zero))
                #expect(try await p.verify().mismatch == nil)
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func theMonthlyReportShowsIssuedRedeemedAndOutstandingPerCommunity(engine: TestEngine) async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_779_206_400))
        try await TestSystem.with(engine, clock: clock) { system in
            let p = try await PointsFixture.build(system)
            let person = try await p.resident("王大爷", number: 1)
            let other = try await p.resident("李大妈", number: 2)
            let grant = try await p.grant(20, to: person.id)
            try await p.grant(5, to: other.id)
            _ = try await p.points.reverse(transferId: grant.id, reason: "录错", actor: p.staff)
            try await p.grant(8, to: person.id)
            let item = try await p.item(price: "3")
            let held = try await p.points.redeem(itemId: item.id, for: person.id, actor: p.staff)
            _ = try await p.points.pickUp(code: held.code, actor: p.staff)
            let may = try await p.points.monthly(year: 2026, month: 5, actor: p.f.actor(.streetAdmin))
            #expect(may.map(\.community.name) == ["一社区"])
            #expect(may.first.map { [$0.issued, $0.redeemed, $0.expired, $0.outstanding] } == [Points(whole: 13), Points(whole: 3), .zero, Points(whole: 10)])
            let april = try await p.points.monthly(year: 2026, month: 4, actor: p.staff)
            #expect(april.first?.issued == .zero && april.first?.outstanding == .zero)
            #expect(await refused { _ = try await p.points.monthly(year: 2026, month: 5, actor: p.f.actor(.resident)) }?.kind == .forbidden)
        }
    }
}
