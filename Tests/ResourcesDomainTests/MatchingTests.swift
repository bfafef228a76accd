import Resources
import Testing

@Suite("资源匹配: candidates ranked by service, area, load, rating and certificate, each point with its reason")
struct MatchingTests {
    static let need = Matching.Need(itemId: 7, itemName: "助餐服务", placePath: "/1/2/3/", placeName: "一社区", certificate: .assistant)

    static let fullMarks = Matching.Candidate(kind: .organisation, id: 1, name: "东关养老服务中心", services: [7, 8], areas: ["/1/2/"], openLoad: 0,
                                              ratings: 4, meanRating: 5, certificate: .intermediate)
    static let busyUnrated = Matching.Candidate(kind: .organisation, id: 2, name: "东关社工服务中心", services: [7], areas: ["/1/2/3/"], openLoad: 5)
    static let sameAsBusy = Matching.Candidate(kind: .organisation, id: 3, name: "阳光助老服务社", services: [7], areas: ["/1/2/3/"], openLoad: 5)
    static let noService = Matching.Candidate(kind: .socialWorker, id: 4, name: "陈静", services: [], areas: ["/1/2/"], openLoad: 0, ratings: 2,
                                              meanRating: 3, certificate: .assistant)
    static let elsewhere = Matching.Candidate(kind: .socialWorker, id: 5, name: "李娜", services: [7], areas: ["/1/9/"], openLoad: 12, ratings: 1,
                                              meanRating: 1)

    @Test func withTheDefaultWeightsTheFittingUnloadedWellRatedCandidateComesFirst() {
        let ranked = Matching.rank(Self.need, [Self.elsewhere, Self.noService, Self.sameAsBusy, Self.busyUnrated, Self.fullMarks])
        #expect(ranked.map(\.candidate.id) == [1, 2, 3, 4, 5], "equal scores and loads are ordered by name")
        #expect(ranked.map(\.score) == [100, 80, 80, 52.5, 40])
        #expect(ranked.map(\.fits) == [true, true, true, false, false])
        #expect(ranked[1].reasons.map(\.text) == ["提供「助餐服务」", "服务范围包含一社区", "在办 5 件", "暂无居民评价，按中等计",
                                                 "此项要求助理社会工作师及以上证书，未登记证书"])
        #expect(ranked[4].reasons.map(\.text) == ["提供「助餐服务」", "服务范围不包含一社区", "在办 12 件，已达 10 件上限", "居民评价 1 次，平均 1.0 分",
                                                 "此项要求助理社会工作师及以上证书，未登记证书"])
    }

    /// One factor at a time: the candidate, the need, the points that factor gives and why.
    static let factors: [(String, Matching.Candidate, Matching.Need, Matching.Factor, Double, String)] = [
        ("offers the item", fullMarks, need, .service, 40, "提供「助餐服务」"),
        ("does not offer it", noService, need, .service, 0, "未登记提供「助餐服务」"),
        ("serves a street holding the place", fullMarks, need, .area, 25, "服务范围包含一社区"),
        ("serves the place itself", busyUnrated, need, .area, 25, "服务范围包含一社区"),
        ("serves another street", elsewhere, need, .area, 0, "服务范围不包含一社区"),
        ("holds nothing", fullMarks, need, .load, 15, "目前没有在办诉求"),
        ("holds half the ceiling", busyUnrated, need, .load, 7.5, "在办 5 件"),
        ("holds more than the ceiling", elsewhere, need, .load, 0, "在办 12 件，已达 10 件上限"),
        ("rated 5 on average", fullMarks, need, .rating, 15, "居民评价 4 次，平均 5.0 分"),
        ("rated 3 on average", noService, need, .rating, 7.5, "居民评价 2 次，平均 3.0 分"),
        ("rated 1", elsewhere, need, .rating, 0, "居民评价 1 次，平均 1.0 分"),
        ("never rated", busyUnrated, need, .rating, 7.5, "暂无居民评价，按中等计"),
        ("an organisation with a worker above the level", fullMarks, need, .certificate, 5, "有社工持社会工作师证书（此项要求助理社会工作师及以上）"),
        ("a worker at the level", noService, need, .certificate, 5, "持助理社会工作师证书（此项要求助理社会工作师及以上）"),
        ("a worker below the level", noService,
         Matching.Need(itemId: 7, itemName: "助餐服务", placePath: "/1/2/3/", placeName: "一社区", certificate: .intermediate), .certificate, 0,
         "此项要求社会工作师及以上证书，现为助理社会工作师"),
    ]

    @Test(arguments: factors)
    func eachFactorGivesItsPointsWithItsReason(situation: String, candidate: Matching.Candidate, need: Matching.Need,
                                               factor: Matching.Factor, points: Double, text: String) throws {
        let ranked = try #require(Matching.rank(need, [candidate]).first)
        let reason = try #require(ranked.reasons.first { $0.factor == factor }, "\(situation)")
        #expect(reason.points == points, "\(situation)")
        #expect(reason.text == text, "\(situation)")
    }

    @Test func anItemAskingNoCertificateLeavesTheFactorOutOfTheScore() throws {
        let plain = Matching.Need(itemId: 7, itemName: "助餐服务", placePath: "/1/2/3/", placeName: "一社区")
        let ranked = try #require(Matching.rank(plain, [Self.busyUnrated]).first)
        #expect(!ranked.reasons.contains { $0.factor == .certificate })
        #expect(ranked.score == 84.2, "(40 + 25 + 7.5 + 7.5) of 95")
    }

    @Test func changedWeightsRankByLoadAndRatingAlone() throws {
        let weights = try MatchWeights.parse(weights: "service=0, area=0, load=50, rating=50, certificate=0", loadCeiling: "5").get()
        let ranked = Matching.rank(Self.need, [Self.elsewhere, Self.noService, Self.busyUnrated, Self.fullMarks], weights: weights)
        #expect(ranked.map(\.candidate.id) == [1, 4, 2, 5])
        #expect(ranked.map(\.score) == [100, 75, 25, 0])
        #expect(ranked[2].reasons.first { $0.factor == .load }?.text == "在办 5 件，已达 5 件上限")
    }

    static let settings: [(String?, String?, Result<MatchWeights, MatchWeightsRefusal>)] = [
        (nil, nil, .success(.standard)),
        ("", nil, .success(.standard)),
        ("service=60", "20", .success({ var w = MatchWeights(); w.service = 60; w.loadCeiling = 20; return w }())),
        ("speed=10", nil, .failure(.unknown("speed=10"))),
        ("service=abc", nil, .failure(.value("service"))),
        ("service=-1", nil, .failure(.value("service"))),
        ("service=0,area=0,load=0,rating=0,certificate=0", nil, .failure(.allZero)),
        (nil, "0", .failure(.ceiling)),
    ]

    @Test(arguments: settings)
    func theWeightsSettingIsReadOrRefusedInWords(weights: String?, ceiling: String?, expected: Result<MatchWeights, MatchWeightsRefusal>) {
        let parsed = MatchWeights.parse(weights: weights, loadCeiling: ceiling)
        #expect(parsed == expected)
        if case .failure(let refusal) = parsed { #expect(!refusal.message.isEmpty) }
    }
}
