import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Resources
import Testing
import Volunteers

@Suite("资源地图: organisations, workers, teams, units and stock in one search by kind, field, service, area and availability")
struct ResourceMapTests {
    @Test(arguments: TestEngine.all)
    func theMapFindsWhatACommunityCanDrawOnAndWhatItCannotNow(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let resources = system.resources, street = f.actor(.streetAdmin), cli = f.cli
            let visit = try await system.catalog.item(code: "YL05")
            let centre = try await resources.registerOrganisation(
                OrganisationDraft(name: "东关社工服务中心", kind: .serviceAgency, creditCode: "52610102MJX6789010", fields: ["养老"]),
                regionId: f.s1.id, actor: street)
            try await resources.setOrganisationServices(centre.id, itemIds: [visit.id], areaIds: [f.c1.id], actor: street)
            try await resources.setOrganisationStaff(centre.id, userIds: [f.accounts[.socialOrganization]!.id],
                                                     intakeUserId: f.accounts[.socialOrganization]!.id, actor: street)
            let club = try await resources.registerOrganisation(
                OrganisationDraft(name: "二社区书画社", kind: .communityFiled, filingNumber: "备 001", fields: ["社区治理"]), regionId: f.c2.id, actor: street)
            _ = try await resources.saveSocialWorker(id: nil, SocialWorkerDraft(userId: f.accounts[.socialWorker]!.id, certificate: .assistant,
                                                                                certificateNumber: "S1", post: .communityOffice, regionId: f.c1.id,
                                                                                itemIds: [visit.id]), actor: cli)
            _ = try await system.volunteers.createTeam(.init(name: "一社区志愿服务队", kind: .community, regionId: f.c1.id), actor: cli)
            let unit = try await resources.registerDonor(DonorDraft(kind: .pairedUnit, name: "区住建局", regionId: f.c1.id), actor: cli)
            let donation = try await resources.receiveDonation(DonationDraft(donorId: unit.id, kind: .goods, item: "棉被", unit: "床", quantity: 5,
                                                                             regionId: f.c1.id), actor: cli)
            _ = try await resources.allocate(donationId: donation.id, AllocationDraft(amount: 5, target: .household, label: "五户困难家庭"), actor: cli)

            let all = try await resources.resourceMap(.init(), actor: street)
            #expect(Set(all.map(\.kind)) == Set(ResourcesService.MapKind.allCases))
            #expect(all.first { $0.id == club.id && $0.kind == .organisation }?.availability == "未指定接单人")
            #expect(all.first { $0.kind == .stock }?.availability == "已分配完")
            let now = try await resources.resourceMap(.init(availableOnly: true), actor: street)
            #expect(!now.contains { $0.id == club.id && $0.kind == .organisation } && !now.contains { $0.kind == .stock })
            // By service: who offers 独居老人探访.
            let visiting = try await resources.resourceMap(.init(itemId: visit.id), actor: street)
            #expect(Set(visiting.map(\.name)) == ["东关社工服务中心", "测试社工"])
            #expect(try await resources.resourceMap(.init(field: "社区治理"), actor: street).map(\.name) == ["二社区书画社"])
            // By area: 二社区 has only its club and what serves the whole street.
            let second = try await resources.resourceMap(.init(areaId: f.c2.id), actor: street)
            #expect(second.map(\.name) == ["二社区书画社"])
            #expect(try await resources.resourceMap(.init(kind: .volunteerTeam), actor: street).map(\.name) == ["一社区志愿服务队"])
            // 一社区's staff see what serves them, not 二社区's club.
            #expect(!(try await resources.resourceMap(.init(), actor: f.actor(.communityStaff))).contains { $0.name == "二社区书画社" })
            await #expect(throws: DomainError.forbidden) { _ = try await resources.resourceMap(.init(), actor: f.actor(.resident)) }
        }
    }
}
