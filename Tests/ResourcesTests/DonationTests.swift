import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Resources
import Testing

@Suite("慈善资源: donations, every use of them, never more than was given, and a check that notices an edited row")
struct DonationTests {
    struct Given {
        let f: Fixture
        var resources: ResourcesService { f.system.resources }
        var staff: Actor { f.actor(.communityStaff) }

        /// A business registered at the district that gave 5,000 元 and 30 boxes of rice to 一社区.
        func donations() async throws -> (donor: Donor, money: Donation, rice: Donation) {
            let donor = try await resources.registerDonor(DonorDraft(kind: .business, name: "秦川粮油有限公司", contact: "029-88886666",
                                                                     regionId: f.district.id), actor: f.actor(.districtAdmin))
            let money = try await resources.receiveDonation(DonationDraft(donorId: donor.id, kind: .money, quantity: 500_000, regionId: f.c1.id),
                                                            actor: staff)
            let rice = try await resources.receiveDonation(DonationDraft(donorId: donor.id, kind: .goods, item: "大米", unit: "箱", quantity: 30,
                                                                         regionId: f.c1.id), actor: staff)
            return (donor, money, rice)
        }
    }

    @Test(arguments: TestEngine.all)
    func theDonorsPageListsEveryUseAndTheRemaindersAgree(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let (donor, money, rice) = try await g.donations()
            #expect(money.receiptNumber.hasPrefix("JZ20") && money.receiptNumber.count == 12 && rice.receiptNumber != money.receiptNumber)
            _ = try await g.resources.allocate(donationId: money.id, AllocationDraft(amount: 200_000, target: .project, targetId: 3,
                                                                                     label: "四点半课堂项目"), actor: g.staff)
            _ = try await g.resources.allocate(donationId: rice.id, AllocationDraft(amount: 10, target: .household, label: "困难家庭 张某某"),
                                               actor: g.staff)
            let (_, after) = try await g.resources.allocate(donationId: rice.id, AllocationDraft(amount: 20, target: .shop, label: "爱心兑换 大米"),
                                                            actor: g.staff)
            #expect(after.balance.remainder == 0)
            let page = try await g.resources.donor(donor.id, actor: g.staff)
            #expect(page.donations.map(\.donation.id) == [money.id, rice.id])
            #expect(page.donations.map { $0.uses.map(\.targetLabel) } == [["四点半课堂项目"], ["困难家庭 张某某", "爱心兑换 大米"]])
            #expect(page.donations.map { $0.donation.balance.remainder } == [300_000, 0])
            let finding = try await g.resources.check()
            #expect(finding.mismatch == nil && finding.donations == 2 && finding.allocations == 3, "\(finding.message)")
        }
    }

    @Test(arguments: TestEngine.all)
    func anAllocationOverTheRemainderIsRefusedInWordsAndWritesNothing(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let (_, money, rice) = try await g.donations()
            _ = try await g.resources.allocate(donationId: rice.id, AllocationDraft(amount: 28, target: .household, label: "十户困难家庭"),
                                               actor: g.staff)
            let audits = try await g.f.auditCount()
            await #expect(throws: DomainError(kind: .conflict, code: "over_remainder", message: "这笔捐赠只剩 2 箱，不能分配 3 箱")) {
                _ = try await g.resources.allocate(donationId: rice.id, AllocationDraft(amount: 3, target: .activity, label: "重阳活动"), actor: g.staff)
            }
            await #expect(throws: DomainError.self) {
                _ = try await g.resources.allocate(donationId: money.id, AllocationDraft(amount: 0, target: .activity, label: "重阳活动"), actor: g.staff)
            }
            await #expect(throws: DomainError.self) {
                _ = try await g.resources.allocate(donationId: money.id, AllocationDraft(amount: 100, target: .activity, label: "  "), actor: g.staff)
            }
            #expect(try await g.f.auditCount() == audits)
            let finding = try await g.resources.check()
            #expect(finding.allocations == 1 && finding.mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func anotherCommunityCannotSeeOrAllocateADonationAndAGridWorkerCannotAllocate(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let (donor, money, _) = try await g.donations()
            let elsewhere = try await system.accounts.create(.init(username: "c2.staff", displayName: "二社区工作者", role: .communityStaff,
                                                                   regionId: g.f.c2.id, password: Fixture.password), actor: g.f.cli)
            let other = g.f.actor(for: elsewhere)
            await #expect(throws: DomainError.notFound("捐赠")) {
                _ = try await g.resources.allocate(donationId: money.id, AllocationDraft(amount: 1, target: .activity, label: "活动"), actor: other)
            }
            // The district's donor is theirs too, but not 一社区's donations.
            #expect(try await g.resources.donor(donor.id, actor: other).donations.isEmpty)
            await #expect(throws: DomainError.forbidden) {
                _ = try await g.resources.allocate(donationId: money.id, AllocationDraft(amount: 1, target: .activity, label: "活动"),
                                                   actor: g.f.actor(.gridLeader))
            }
            await #expect(throws: DomainError.self) {
                _ = try await g.resources.receiveDonation(DonationDraft(donorId: donor.id, kind: .money, quantity: 100, regionId: g.f.c1.id),
                                                          actor: other)
            }
            let foreign = try await g.resources.registerDonor(DonorDraft(kind: .person, name: "王先生", regionId: g.f.c2.id), actor: other)
            await #expect(throws: DomainError.notFound("捐赠方")) { _ = try await g.resources.donor(foreign.id, actor: g.staff) }
        }
    }

    @Test(arguments: TestEngine.all)
    func concurrentAllocationsNeverTakeMoreThanWasGiven(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let (_, _, rice) = try await g.donations()
            let staff = g.staff, resources = g.resources
            let answers = await withTaskGroup(of: String.self) { group in
                for n in 0..<40 {
                    group.addTask {
                        do {
                            return try await resources.allocate(donationId: rice.id, AllocationDraft(amount: 1, target: .household,
                                                                                                     label: "困难家庭 \(n)"), actor: staff).0.target.rawValue
                        } catch let error as DomainError { return error.code } catch { return "\(error)" }
                    }
                }
                var all: [String] = []
                for await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.filter { $0 == "household" }.count == 30)
            #expect(answers.filter { $0 == "over_remainder" }.count == 10, "\(Set(answers))")
            let page = try await resources.donor(rice.donorId, actor: staff)
            #expect(page.donations.first { $0.donation.id == rice.id }?.donation.balance.allocated == 30)
            #expect(try await resources.check().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func theCheckNamesARowEditedByPlainSQL(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let (_, money, _) = try await g.donations()
            let (use, _) = try await g.resources.allocate(donationId: money.id, AllocationDraft(amount: 100_000, target: .activity, label: "重阳敬老"),
                                                          actor: g.staff)
            try await system.database.write { tx in
                try await tx.sql.raw("UPDATE donation_allocations SET amount = 50000 WHERE id = \(bind: use.id)").run()
            }
            #expect(try await g.resources.check().mismatch == "捐赠 \(money.receiptNumber) 记为已分配 100000，去向合计 50000")
            // Edited to agree with its donation, the row still disagrees with its audit entry.
            try await system.database.write { tx in
                try await tx.sql.raw("UPDATE donations SET allocated = 50000 WHERE id = \(bind: money.id)").run()
            }
            #expect(try await g.resources.check().mismatch == "去向 #\(use.id) 与审计记录不符（记录为捐赠 \(money.id)、数量 100000）")
        }
    }
}
