import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Requests
import Testing

@Suite("协助办结: a volunteer who handled a request rated satisfied earns points, once, under the rules' least rating")
struct RequestAwardTests {
    /// A streetlight request handled by the fixture's volunteer account, verified, then rated `score`.
    static func handled(_ p: PointsFixture, score: Int) async throws {
        let f = p.f
        let volunteer = f.actor(.volunteer)
        _ = try await p.resident("志愿者本人", number: 500)
        _ = try await p.system.residents.identify(idNumber: PointsFixture.idNumber(500), name: "志愿者本人", actor: volunteer)
        let item = try await p.system.catalog.item(code: "WX01")
        let request = try await p.system.requests.submit(RequestDraft(
            itemId: item.id, description: "3楼楼道灯不亮，晚上看不见台阶", answers: ["floor": ["3"]], regionId: nil, address: "1号楼1单元3楼",
            phone: "13912345678", channel: .selfService), actor: f.actor(.resident)).request
        let requests = p.system.requests
        _ = try await requests.act(request.id, .register(note: nil), actor: f.actor(.communityStaff))
        _ = try await requests.act(request.id, .dispatch(handler: f.accounts[.volunteer]!.id, coHandlers: [], note: nil), actor: f.actor(.communityStaff))
        _ = try await requests.act(request.id, .claim, actor: volunteer)
        _ = try await requests.act(request.id, .report(result: "已更换灯泡"), actor: volunteer)
        _ = try await requests.act(request.id, .verifyPass(note: nil), actor: f.actor(.gridLeader))
        _ = try await requests.act(request.id, .rate(score: score, comment: nil), actor: f.actor(.resident))
    }

    static func volunteerBalance(_ p: PointsFixture) async throws -> Points {
        try await p.points.myAccount(actor: p.f.actor(.volunteer))?.balance.posted ?? .zero
    }

    @Test(arguments: TestEngine.all)
    func aSatisfiedRatingEarnsTheVolunteerHandlerThePerRequestPoints(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            try await Self.handled(p, score: 4)
            #expect(try await Self.volunteerBalance(p) == Points(whole: 1))
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func aDistrictAskingForFiveStarsAwardsNothingForFour(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            var rules = EarningRules.common
            rules.minRating = 5
            _ = try await p.points.editRules(regionId: p.f.district.id, rules, note: "五星才计分", actor: p.f.actor(.districtAdmin))
            try await Self.handled(p, score: 4)
            #expect(try await Self.volunteerBalance(p) == .zero)
        }
    }
}
