import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Residents
import Resources
import Testing
import Volunteers

@Suite("社会组织 and matching: a registered record, seen in scope and by its own staff only, ranked for a request, given it and rated")
struct OrganisationTests {
    struct Given {
        let f: Fixture
        var resources: ResourcesService { f.system.resources }
        var street: Actor { f.actor(.streetAdmin) }

        /// 一街道's 阳光社工服务中心, serving 一社区, offering 留守儿童关爱; the 社会组织 account its 接单人.
        func sunshine(serving areas: [Int64]? = nil) async throws -> Organisation {
            let organisation = try await resources.registerOrganisation(
                OrganisationDraft(name: "阳光社工服务中心", kind: .serviceAgency, creditCode: "52610102MJX6789010", fields: ["儿童", "社会救助"],
                                  contactName: "王主任", contactPhone: "029-87654321"), regionId: f.s1.id, actor: street)
            try await resources.setOrganisationServices(organisation.id, itemIds: [try await childcare().id], areaIds: areas ?? [f.c1.id], actor: street)
            try await resources.setOrganisationStaff(organisation.id, userIds: [f.accounts[.socialOrganization]!.id],
                                                     intakeUserId: f.accounts[.socialOrganization]!.id, actor: street)
            return organisation
        }

        func childcare() async throws -> CatalogItem { try await f.system.catalog.item(code: "ET03") }

        func request() async throws -> ServiceRequest {
            try await f.system.requests.submit(RequestDraft(itemId: try await childcare().id, description: "孩子父母在外地打工，想请人定期来看看"),
                                               actor: f.actor(.resident)).request
        }
    }

    @Test(arguments: TestEngine.all)
    func aDuplicateOrWrongCreditCodeIsRefusedInWordsAndNothingIsWritten(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let first = try await g.sunshine()
            let audits = try await g.f.auditCount()
            let again = OrganisationDraft(name: "阳光社工（重复）", kind: .serviceAgency, creditCode: "52610102mjx6789010 ", fields: ["儿童"])
            await #expect(throws: DomainError(kind: .conflict, code: "duplicate_credit_code",
                                              message: "统一社会信用代码 52610102MJX6789010已登记为「阳光社工服务中心」，同一组织不能登记两次",
                                              fields: ["creditCode": "已登记"])) {
                _ = try await g.resources.registerOrganisation(again, regionId: g.f.c1.id, actor: g.f.actor(.communityStaff))
            }
            var wrong = again
            wrong.creditCode = "52610102MJX6789011"
            await #expect(throws: DomainError.invalid(fields: ["creditCode": CreditCodeRefusal.check.message])) {
                _ = try await g.resources.registerOrganisation(wrong, regionId: g.f.c1.id, actor: g.f.actor(.communityStaff))
            }
            wrong.creditCode = "51610102MJX0123458"  // a valid 社会团体 code for a 社会服务机构
            await #expect(throws: DomainError.self) {
                _ = try await g.resources.registerOrganisation(wrong, regionId: g.f.c1.id, actor: g.f.actor(.communityStaff))
            }
            var field = again
            (field.creditCode, field.fields) = ("51610102MJX0123458", ["炒股"])
            field.kind = .association
            await #expect(throws: DomainError.self) { _ = try await g.resources.registerOrganisation(field, regionId: g.f.c1.id, actor: g.street) }
            // Editing another organisation to the first one's code is the same mistake.
            let filed = try await g.resources.registerOrganisation(
                OrganisationDraft(name: "一社区广场舞队", kind: .communityFiled, filingNumber: "碑备字 2026-011", fields: ["社区治理"]),
                regionId: g.f.c1.id, actor: g.f.actor(.communityStaff))
            var taken = OrganisationDraft(name: "一社区广场舞队", kind: .communityFiled, creditCode: first.creditCode!, fields: ["社区治理"])
            taken.kind = .communityFiled
            await #expect(throws: DomainError.self) { _ = try await g.resources.updateOrganisation(filed.id, taken, actor: g.f.actor(.communityStaff)) }
            #expect(try await g.f.auditCount() == audits + 1, "only the filed organisation's registration was written")
            #expect(try await g.resources.organisations(actor: g.street).map(\.name) == ["一社区广场舞队", "阳光社工服务中心"])
        }
    }

    @Test(arguments: TestEngine.all)
    func anOrganisationsAccountSeesItsOwnRecordOnlyAndStaffSeeOrganisationsServingThem(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let sunshine = try await g.sunshine()
            let other = try await g.resources.registerOrganisation(
                OrganisationDraft(name: "三社区志愿者协会", kind: .association, creditCode: "51610102MJX0123458", fields: ["社区治理"]),
                regionId: g.f.s2.id, actor: g.f.actor(.districtAdmin))
            try await g.resources.setOrganisationServices(other.id, itemIds: [], areaIds: [g.f.s2.id], actor: g.f.actor(.districtAdmin))
            let own = g.f.actor(.socialOrganization)
            #expect(try await g.resources.ownOrganisation(actor: own)?.organisation.id == sunshine.id)
            #expect(try await g.resources.organisation(sunshine.id, actor: own).intake?.userId == own.userId)
            await #expect(throws: DomainError.forbidden) { _ = try await g.resources.organisation(other.id, actor: own) }
            await #expect(throws: DomainError.forbidden) { _ = try await g.resources.organisations(actor: own) }
            // 一社区's staff see the street's organisation that serves them, not 二街道's; nor may they edit it.
            let c1 = g.f.actor(.communityStaff)
            #expect(try await g.resources.organisations(actor: c1).map(\.id) == [sunshine.id])
            await #expect(throws: DomainError.notFound("社会组织")) { _ = try await g.resources.organisation(other.id, actor: c1) }
            let record = try await g.resources.organisation(sunshine.id, actor: c1)
            #expect(!record.mayManage && record.services.map(\.name) == ["留守儿童关爱"] && record.areas.map(\.id) == [g.f.c1.id])
            await #expect(throws: DomainError.self) {
                _ = try await g.resources.recordOrganisationReview(sunshine.id, .grade(4, year: 2025), actor: c1)
            }
            // Serving a street reaches each of its communities; 三社区 sees only what serves it.
            try await g.resources.setOrganisationServices(sunshine.id, itemIds: [], areaIds: [g.f.s1.id], actor: g.street)
            #expect(try await g.resources.organisations(actor: c1).map(\.id) == [sunshine.id])
            let c3 = try await system.accounts.create(.init(username: "c3.staff", displayName: "三社区工作者", role: .communityStaff,
                                                            regionId: g.f.c3.id, password: Fixture.password), actor: g.f.cli)
            #expect(try await g.resources.organisations(actor: g.f.actor(for: c3)).map(\.id) == [other.id])
            // An account works for one organisation only.
            await #expect(throws: DomainError.self) {
                try await g.resources.setOrganisationStaff(other.id, userIds: [own.userId!], intakeUserId: own.userId, actor: g.f.actor(.districtAdmin))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func aRequestIsMatchedGivenToAnOrganisationHandledByItsStaffAndItsRatingMoves(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let sunshine = try await g.sunshine()
            let worker = try await g.resources.saveSocialWorker(id: nil, SocialWorkerDraft(
                userId: g.f.accounts[.socialWorker]!.id, certificate: .intermediate, certificateNumber: "S2019610100123", post: .communityOffice,
                regionId: g.f.c1.id, trainingHours: 48, casework: Casework(individual: 12, group: 3), itemIds: [try await g.childcare().id]),
                actor: g.f.actor(.communityStaff))
            let request = try await g.request()
            let staff = g.f.actor(.communityStaff)
            let match = try await g.resources.match(requestId: request.id, actor: staff)
            #expect(match.need.certificate == .assistant && match.mayDispatch)
            #expect(match.ranked.map(\.candidate.name) == ["测试社工", "阳光社工服务中心"], "the certified worker first: the centre has none")
            let centre = try #require(match.ranked.first { $0.candidate.kind == .organisation })
            #expect(centre.fits && centre.reasons.map(\.text) == ["提供「留守儿童关爱」", "服务范围包含一街道 一社区 一网格 1号楼 1单元 101室",
                                                                  "目前没有在办诉求", "暂无居民评价，按中等计",
                                                                  "此项要求助理社会工作师及以上证书，未登记证书"])
            #expect(match.ranked.first?.candidate.id == worker.id)

            let dispatched = try await g.resources.dispatch(requestId: request.id, to: .organisation, id: sunshine.id, note: "请一周内上门", actor: staff)
            // Its 接单人 holds it: another cannot take over while it is open.
            let other = try await system.accounts.create(.init(username: "org.two", displayName: "阳光社工 李四", role: .socialOrganization,
                                                               regionId: g.f.s1.id, password: Fixture.password), actor: g.f.cli)
            await #expect(throws: DomainError.self) {
                try await g.resources.setOrganisationStaff(sunshine.id, userIds: [g.f.accounts[.socialOrganization]!.id, other.id],
                                                           intakeUserId: other.id, actor: g.street)
            }
            #expect(dispatched.request.state == .dispatched && dispatched.request.progress.handlerId == g.f.accounts[.socialOrganization]!.id)
            #expect(dispatched.events.last?.data["unit"] == "阳光社工服务中心")
            // The organisation's account signs and handles it in the usual workflow.
            let own = g.f.actor(.socialOrganization)
            _ = try await g.f.system.requests.act(request.id, .claim, actor: own)
            #expect(try await g.resources.organisation(sunshine.id, actor: own).figures.open == 1)
            _ = try await g.f.system.requests.act(request.id, .report(result: "已上门探访，建立每周探访"), actor: own)
            _ = try await g.f.system.requests.act(request.id, .verifyPass(note: nil), actor: staff)
            _ = try await g.f.system.requests.act(request.id, .rate(score: 4, comment: nil), actor: g.f.actor(.resident))
            let record = try await g.resources.organisation(sunshine.id, actor: own)
            #expect(record.figures == HandlerFigures(open: 0, ratings: 1, meanRating: 4))
            #expect(record.requests.map(\.id) == [request.id])
            // The next request's ranking carries the rating with its reason.
            let next = try await g.request()
            let again = try await g.resources.match(requestId: next.id, actor: staff)
            #expect(again.ranked.first { $0.candidate.kind == .organisation }?.reasons[3].text == "居民评价 1 次，平均 4.0 分")
            // Once it serves 二社区 only, 一社区's staff no longer find it, and the street, who
            // still does, is refused with the reason.
            try await g.resources.setOrganisationServices(sunshine.id, itemIds: [try await g.childcare().id], areaIds: [g.f.c2.id], actor: g.street)
            await #expect(throws: DomainError.self) {
                _ = try await g.resources.dispatch(requestId: next.id, to: .organisation, id: sunshine.id, note: nil, actor: staff)
            }
            await #expect(throws: DomainError.invalid("candidate", "不能派给「阳光社工服务中心」：服务范围不包含一街道 一社区 一网格 1号楼 1单元 101室")) {
                _ = try await g.resources.dispatch(requestId: next.id, to: .organisation, id: sunshine.id, note: nil, actor: g.street)
            }
            // A worker of the street's 社工站 serves 一社区 too, and can be given it from there.
            let station = try await system.accounts.create(.init(username: "sg.station", displayName: "街道社工 赵雪", role: .socialWorker,
                                                                 regionId: g.f.s1.id, password: Fixture.password), actor: g.f.cli)
            let stationWorker = try await g.resources.saveSocialWorker(id: nil, SocialWorkerDraft(
                userId: station.id, certificate: .senior, certificateNumber: "S9", post: .streetStation, regionId: g.f.s1.id,
                itemIds: [try await g.childcare().id]), actor: g.street)
            #expect(try await g.resources.match(requestId: next.id, actor: staff).ranked.contains { $0.candidate.id == stationWorker.id && $0.fits })
            // And the worker can be given the next one directly.
            let toWorker = try await g.resources.dispatch(requestId: next.id, to: .socialWorker, id: worker.id, note: nil, actor: staff)
            #expect(toWorker.request.progress.handlerId == g.f.accounts[.socialWorker]!.id)
            // Only who sees the request in their scope sees its matches: not the organisation itself.
            await #expect(throws: DomainError.self) { _ = try await g.resources.match(requestId: request.id, actor: own) }
        }
    }

    @Test(arguments: TestEngine.all)
    func aVolunteerTeamThatOffersTheServiceIsRankedAndItsLeaderSignsForWhatIsGivenToIt(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let staff = g.f.actor(.communityStaff), leader = g.f.actor(.volunteer)
            // 孙伟, the 志愿者 account's registry person, leads 一社区志愿服务队.
            _ = try await system.residents.create(ResidentDraft(regionId: g.f.h1.id, name: "孙伟", idNumber: Fixture.idNumber(7)), actor: g.f.cli)
            _ = try await system.residents.identify(idNumber: Fixture.idNumber(7), name: "孙伟", actor: leader)
            let volunteer = try await system.volunteers.register(VolunteerDraft(residentId: 0, skills: [], consent: false), actor: leader)
            _ = try await system.volunteers.decide(volunteerId: volunteer.id, approve: true, actor: staff)
            let team = try await system.volunteers.createTeam(.init(name: "一社区志愿服务队", kind: .community, regionId: g.f.c1.id), actor: staff)
            try await system.volunteers.askToJoin(teamId: team.id, actor: leader)
            _ = try await system.volunteers.decide(teamId: team.id, volunteerId: volunteer.id, .approve, actor: staff)
            let request = try await g.request()
            #expect(try await g.resources.match(requestId: request.id, actor: staff).ranked.allSatisfy { $0.candidate.kind != .volunteerTeam },
                    "a team that offers nothing is not a candidate")
            try await g.resources.setTeamServices(team.id, itemIds: [try await g.childcare().id], actor: staff)
            #expect(try await g.resources.match(requestId: request.id, actor: staff).ranked.allSatisfy { $0.candidate.kind != .volunteerTeam },
                    "nor one without a leader who can take work")
            _ = try await system.volunteers.decide(teamId: team.id, volunteerId: volunteer.id, .makeLeader, actor: staff)
            let ranked = try await g.resources.match(requestId: request.id, actor: staff).ranked
            let candidate = try #require(ranked.first { $0.candidate.kind == .volunteerTeam })
            #expect(candidate.fits && candidate.candidate.name == "一社区志愿服务队")
            let given = try await g.resources.dispatch(requestId: request.id, to: .volunteerTeam, id: team.id, note: nil, actor: staff)
            #expect(given.request.progress.handlerId == leader.userId && given.events.last?.data["unit"] == "一社区志愿服务队")
            _ = try await system.requests.act(request.id, .claim, actor: leader)
            #expect(try await g.resources.teamResource(team.id, actor: staff).figures.open == 1)
            #expect(try await g.resources.resourceMap(.init(kind: .volunteerTeam, itemId: try await g.childcare().id), actor: staff).map(\.id) == [team.id])
        }
    }

    @Test(arguments: TestEngine.all)
    func aDonationGivenToAnOrganisationIsOnItsPageAndOneOutOfSightCannotBeNamed(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let sunshine = try await g.sunshine()
            let staff = g.f.actor(.communityStaff)
            let donor = try await g.resources.registerDonor(DonorDraft(kind: .business, name: "秦川粮油", regionId: g.f.c1.id), actor: staff)
            let rice = try await g.resources.receiveDonation(DonationDraft(donorId: donor.id, kind: .goods, item: "大米", unit: "袋", quantity: 10,
                                                                           regionId: g.f.c1.id), actor: staff)
            _ = try await g.resources.allocate(donationId: rice.id, AllocationDraft(amount: 4, target: .organisation, targetId: sunshine.id,
                                                                                    label: "四点半课堂午餐"), actor: staff)
            let page = try await g.resources.organisation(sunshine.id, actor: g.f.actor(.socialOrganization))
            #expect(page.received.map { "\($0.donation.receiptNumber) \($0.allocation.amount) \($0.allocation.targetLabel)" }
                    == ["\(rice.receiptNumber) 4 四点半课堂午餐"])
            let elsewhere = try await g.resources.registerOrganisation(
                OrganisationDraft(name: "三社区书画社", kind: .communityFiled, filingNumber: "备 3", fields: ["社区治理"]), regionId: g.f.c3.id,
                actor: g.f.actor(.districtAdmin))
            for target in [elsewhere.id, 999_999] {
                await #expect(throws: DomainError.invalid("targetId", "请选择受赠的社会组织")) {
                    _ = try await g.resources.allocate(donationId: rice.id, AllocationDraft(amount: 1, target: .organisation, targetId: target,
                                                                                            label: "不该给"), actor: staff)
                }
            }
            #expect(try await g.resources.donation(rice.id, actor: staff).donation.balance.remainder == 6)
        }
    }
}
