import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Testing
import Volunteers

@Suite("积分获取: certified service, attendance and grants earn under the rules in force, once each")
struct AwardTests {
    /// A volunteer with the skill serves one role of `minutes`, checked in and out by the organiser; the activity is certified.
    static func serve(_ p: PointsFixture, clock: ManualClock, minutes: Int, qualification: String?, number: Int = 1,
                      kind: ActivityKind = .service) async throws -> (residentId: Int64, certification: VolunteerService.Certification) {
        let volunteers = p.system.volunteers
        let person = try await p.resident("志愿者\(number)", number: number)
        if kind == .service {
            let v = try await volunteers.register(forResident: VolunteerDraft(residentId: person.id, skills: qualification.map { [$0] } ?? [],
                                                                             consent: qualification != nil), actor: p.staff)
            _ = v
        }
        let start = clock.now().addingTimeInterval(20 * 60)
        let draft = ActivityDraft(title: "社区义诊", kind: kind, description: "为老人量血压", regionId: p.f.c1.id, targetTag: nil, beneficiary: "老年人",
                                  lead: "王队长", startsAt: start, endsAt: start.addingTimeInterval(4 * 3600), waitingList: .automatic,
                                  roles: [.init(name: kind == .service ? "测血压" : "参加", capacity: 5, qualification: qualification)])
        let activity = try await volunteers.transition(activityId: try await volunteers.create(draft, actor: p.staff).id, .publish, actor: p.staff)
        let signUp = try await volunteers.signUp(activityId: activity.id, roleId: nil, residentId: person.id, actor: p.staff)
        clock.advance(seconds: 20 * 60)
        _ = try await volunteers.mark(activityId: activity.id, signUpId: signUp.signUp.id, personalCode: nil, punch: .checkIn, actor: p.staff)
        clock.advance(seconds: TimeInterval(minutes * 60))
        _ = try await volunteers.mark(activityId: activity.id, signUpId: signUp.signUp.id, personalCode: nil, punch: .checkOut, actor: p.staff)
        clock.advance(seconds: 4 * 3600)
        _ = try await volunteers.transition(activityId: activity.id, .finish, actor: p.staff)
        return (person.id, try await volunteers.certify(activityId: activity.id, actor: p.staff))
    }

    @Test(arguments: TestEngine.all)
    func certifiedHoursEarnPerHourTimesTheCategorysCoefficientWithTheDefaultAndAChangedRule(engine: TestEngine) async throws {
        for coefficient in [nil, 150] as [Int?] {
            let clock = ManualClock()
            try await TestSystem.with(engine, clock: clock) { system in
                let p = try await PointsFixture.build(system)
                if let coefficient {
                    var rules = EarningRules.common
                    rules.coefficients = ["医护": coefficient]
                    let stored = try await p.points.editRules(regionId: p.f.c1.id, rules, note: "按 DB3205/T 1001 医护类系数 1.5", actor: p.staff)
                    #expect(stored.rules.version == 1 && stored.rules.coefficients == ["医护": 150])
                }
                let served = try await Self.serve(p, clock: clock, minutes: 150, qualification: "医护")
                let expected = coefficient == nil ? Points(hundredths: 250) : Points(hundredths: 375)
                #expect(try await p.balance(served.residentId).posted == expected, "coefficient \(coefficient.map(String.init) ?? "default")")
                let account = try #require(try await p.points.account(ofResident: served.residentId, actor: p.staff))
                let line = try #require(try await p.points.statement(accountId: account.id, actor: p.staff).lines.first)
                #expect(line.transfer.purpose == .serviceAward && line.transfer.memo == "「社区义诊」测血压 2.5 小时")
                #expect(line.transfer.rulesId == (coefficient == nil ? nil : 1))
                #expect(try await p.verify().mismatch == nil)
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func aRetriedAwardPostsNothingMoreAndACorrectionReversesTheOldAwardAndEarnsTheNewOne(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let p = try await PointsFixture.build(system)
            let served = try await Self.serve(p, clock: clock, minutes: 120, qualification: nil)
            let record = try #require(served.certification.records.first)
            let retry = PointEarning(.resident(served.residentId), deed: .service(minutes: 120, category: nil), key: "service_record:\(record.id)",
                                     memo: "重试")
            try await system.database.write { tx in try await p.points.award(tx, [retry], actor: p.f.cli) }
            #expect(try await p.balance(served.residentId).posted == Points(whole: 2), "the retry posted nothing")
            let correction = try await system.volunteers.decideCorrection(
                correctionId: try await Self.correctionAsked(p, record: record.id, residentId: served.residentId, minutes: 90),
                accept: true, minutes: nil, note: "核实为 1.5 小时", actor: p.staff)
            #expect(correction.state == .accepted)
            #expect(try await p.balance(served.residentId).posted == Points(hundredths: 150))
            let account = try #require(try await p.points.account(ofResident: served.residentId, actor: p.staff))
            let lines = try await p.points.statement(accountId: account.id, actor: p.staff).lines
            #expect(lines.map(\.transfer.purpose) == [.reversal, .serviceAward, .serviceAward])
            #expect(lines.map(\.balance) == [Points(hundredths: 150), Points(hundredths: 350), Points(whole: 2)])
            #expect(try await p.verify().mismatch == nil)
        }
    }

    /// The volunteer's own correction request: they bind an account first.
    static func correctionAsked(_ p: PointsFixture, record: Int64, residentId: Int64, minutes: Int64) async throws -> Int64 {
        let actor = p.f.actor(.volunteer)
        _ = try await p.system.residents.identify(idNumber: PointsFixture.idNumber(1), name: "志愿者1", actor: actor)
        return try await p.system.volunteers.askCorrection(recordId: record, minutes: minutes, reason: "实际少做半小时", actor: actor).id
    }

    @Test(arguments: TestEngine.all)
    func aDailyCapClipsTheAwardAndSaysSo(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let p = try await PointsFixture.build(system)
            var rules = EarningRules.common
            rules.dailyCap = Points(whole: 2)
            _ = try await p.points.editRules(regionId: p.f.district.id, rules, note: "每日至多 2 分", actor: p.f.actor(.districtAdmin))
            let served = try await Self.serve(p, clock: clock, minutes: 180, qualification: nil)
            let account = try #require(try await p.points.account(ofResident: served.residentId, actor: p.staff))
            let line = try #require(try await p.points.statement(accountId: account.id, actor: p.staff).lines.first)
            #expect(line.change == Points(whole: 2) && line.transfer.memo.hasSuffix("（已达积分上限）"))
            let unchanged = await refused { _ = try await p.points.editRules(regionId: p.f.district.id, rules, note: "再存一次",
                                                                              actor: p.f.actor(.districtAdmin)) }
            #expect(unchanged?.code == "nothing_changed")
            var wrong = rules
            wrong.minRating = 7
            #expect(await refused { _ = try await p.points.editRules(regionId: p.f.district.id, wrong, note: "错的", actor: p.f.actor(.districtAdmin)) }?
                .fields["minRating"] != nil)
            #expect(await refused { _ = try await p.points.editRules(regionId: p.f.district.id, wrong, note: "越权", actor: p.staff) }?.kind == .notFound)
            let view = try await p.points.rules(regionId: p.f.c1.id, actor: p.staff)
            #expect(view.effective.rules.dailyCap == Points(whole: 2) && view.history.isEmpty, "inherited from the district")
        }
    }

    @Test(arguments: TestEngine.all)
    func takingPartInAResidentActivityEarnsThePerActivityPoints(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let p = try await PointsFixture.build(system)
            let served = try await Self.serve(p, clock: clock, minutes: 60, qualification: nil, kind: .resident)
            #expect(try await p.balance(served.residentId).posted == Points(whole: 1))
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func aCorrectionUnderADailyCapReplacesTheOldAwardInsteadOfCountingAgainstIt(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let p = try await PointsFixture.build(system)
            var rules = EarningRules.common
            rules.dailyCap = Points(whole: 3)
            _ = try await p.points.editRules(regionId: p.f.district.id, rules, note: "每日至多 3 分", actor: p.f.actor(.districtAdmin))
            let served = try await Self.serve(p, clock: clock, minutes: 120, qualification: nil)
            let record = try #require(served.certification.records.first)
            _ = try await system.volunteers.decideCorrection(
                correctionId: try await Self.correctionAsked(p, record: record.id, residentId: served.residentId, minutes: 150),
                accept: true, minutes: nil, note: "核实为 2.5 小时", actor: p.staff)
            #expect(try await p.balance(served.residentId).posted == Points(hundredths: 250), "2.5 hours under a cap of 3, not 3 − 2")
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func correctingAnImportedRecordThatEarnedNothingEarnsNothing(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let person = try await p.resident("志愿者1", number: 1)
            let volunteer = try await system.volunteers.register(forResident: VolunteerDraft(residentId: person.id), actor: p.staff)
            _ = try await system.volunteers.importRecords([PaperLedger.Row(
                line: 2, volunteerNumber: try #require(volunteer.number), serviceDate: "2025-06-01", content: "纸质台账里的服务", place: "一社区",
                beneficiary: "居民", minutes: 120, lead: "王队长")], actor: p.staff)
            let record = try #require(try await system.volunteers.profile(volunteerId: volunteer.id, actor: p.staff).records.first)
            _ = try await system.volunteers.decideCorrection(
                correctionId: try await Self.correctionAsked(p, record: record.id, residentId: person.id, minutes: 180),
                accept: true, minutes: nil, note: "核实", actor: p.staff)
            #expect(try await p.points.account(ofResident: person.id, actor: p.staff) == nil, "no points for paper-ledger hours")
        }
    }

    @Test(arguments: TestEngine.all)
    func staffDoNotGrantOrApprovePointsForThemselves(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let me = try await p.resident("张丽", number: 321)
            _ = try await system.residents.identify(idNumber: PointsFixture.idNumber(321), name: "张丽", actor: p.staff)
            #expect(await refused { _ = try await p.points.grant(residentId: me.id, amount: Points(whole: 5), reason: "自己", actor: p.staff) }?
                .code == "own_points")
            let r = ChinaStandardTime.reading(system.clock.now())
            let deed = try await p.points.askGoodDeed(GoodDeedInput(title: "扫雪", description: "清扫楼前积雪", happenedOn:
                ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day), evidence: "楼长"), actor: p.staff)
            #expect(await refused { _ = try await p.points.decideGoodDeed(deed.id, approve: true, note: nil, actor: p.staff) }?.code == "own_points")
            #expect(try await p.points.decideGoodDeed(deed.id, approve: true, note: nil, actor: p.f.actor(.streetAdmin)).state == .approved)
        }
    }
}
