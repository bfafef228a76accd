import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Residents
import Resources
import Testing

@Suite("证照与年报, a social worker's registry link and a donation's named use: kept by whom the rules say, refused in words otherwise")
struct DocumentTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    struct Given {
        let f: Fixture
        var resources: ResourcesService { f.system.resources }
        var street: Actor { f.actor(.streetAdmin) }
        var own: Actor { f.actor(.socialOrganization) }

        /// 一街道's organisation serving 一社区, the 社会组织 account on its staff.
        func organisation() async throws -> Organisation {
            let organisation = try await resources.registerOrganisation(
                OrganisationDraft(name: "阳光社工服务中心", kind: .serviceAgency, creditCode: "52610102MJX6789010", fields: ["儿童"]),
                regionId: f.s1.id, actor: street)
            try await resources.setOrganisationServices(organisation.id, itemIds: [], areaIds: [f.c1.id], actor: street)
            try await resources.setOrganisationStaff(organisation.id, userIds: [own.userId!], intakeUserId: own.userId, actor: street)
            return organisation
        }
    }

    @Test(arguments: TestEngine.all)
    func theRegistrarAndTheOrganisationsOwnStaffKeepItsDocumentsWhichThoseWhoReadItDownload(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let organisation = try await g.organisation()
            let certificate = try await g.resources.addDocument(
                organisationId: organisation.id, DocumentDraft(kind: .registration, title: " 民办非企业单位登记证书 ", data: DocumentTests.pdf), actor: g.street)
            #expect(certificate.title == "民办非企业单位登记证书" && certificate.contentType == "application/pdf")
            #expect(certificate.byteCount == Int64(DocumentTests.pdf.count) && certificate.uploadedBy == g.street.displayName)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 24))
            let report = try await g.resources.addDocument(
                organisationId: organisation.id, DocumentDraft(kind: .annualReport, title: "2025 年度工作报告", data: png), actor: g.own)
            #expect(report.contentType == "image/png")

            // 一社区's staff read the organisation (it serves them): they see and download, not keep.
            let c1 = g.f.actor(.communityStaff)
            let record = try await g.resources.organisation(organisation.id, actor: c1)
            #expect(record.documents.map(\.title) == ["2025 年度工作报告", "民办非企业单位登记证书"] && !record.mayKeepDocuments)
            let (found, bytes) = try await g.resources.document(organisationId: organisation.id, documentId: certificate.id, actor: c1)
            #expect(found == certificate && bytes == DocumentTests.pdf)
            await #expect(throws: DomainError(kind: .forbidden, code: "not_document_keeper",
                                              message: "只有登记地的工作人员或本组织的工作人员可以上传、删除材料")) {
                _ = try await g.resources.addDocument(organisationId: organisation.id,
                                                      DocumentDraft(kind: .other, title: "照片", data: png), actor: c1)
            }
            #expect(try await g.resources.organisation(organisation.id, actor: g.own).mayKeepDocuments)

            // Another organisation's account learns nothing of these, not even that they exist.
            let stranger = try await system.accounts.create(.init(username: "org.other", displayName: "别的组织", role: .socialOrganization,
                                                                  regionId: g.f.s2.id, password: Fixture.password), actor: g.f.cli)
            await #expect(throws: DomainError.forbidden) {
                _ = try await g.resources.document(organisationId: organisation.id, documentId: certificate.id, actor: g.f.actor(for: stranger))
            }
            await #expect(throws: DomainError.forbidden) {
                _ = try await g.resources.documents(organisationId: organisation.id, actor: g.f.actor(for: stranger))
            }
            // A document is found through its own organisation only.
            let other = try await g.resources.registerOrganisation(
                OrganisationDraft(name: "一街道书画协会", kind: .communityFiled, filingNumber: "碑备字 2026-021", fields: ["社区治理"]),
                regionId: g.f.s1.id, actor: g.street)
            await #expect(throws: DomainError.notFound("材料")) {
                _ = try await g.resources.document(organisationId: other.id, documentId: certificate.id, actor: g.street)
            }

            // Removal by its own staff leaves a line in the record and an audit entry.
            let audits = try await g.f.auditCount()
            try await g.resources.removeDocument(organisationId: organisation.id, documentId: report.id, actor: g.own)
            let after = try await g.resources.organisation(organisation.id, actor: g.street)
            #expect(after.documents.map(\.id) == [certificate.id])
            #expect(after.events.map(\.text).suffix(3) == ["上传材料：民办非企业单位登记证书（登记证书或备案证明）", "上传材料：2025 年度工作报告（年度报告）",
                                                           "删除材料：2025 年度工作报告"])
            #expect(try await g.f.auditCount() == audits + 1)
        }
    }

    @Test(arguments: TestEngine.all)
    func aFileThatIsNotAPdfOrAnImageOrTooLargeOrUnnamedIsRefusedAndNothingIsWritten(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let organisation = try await g.organisation()
            let audits = try await g.f.auditCount()
            let cases: [(DocumentDraft, String, String)] = [
                (DocumentDraft(kind: .charter, title: "章程", data: Data("<html><script>alert(1)</script>".utf8)), "file",
                 "只接受 PDF 文件或 JPEG、PNG、WebP 图片"),
                (DocumentDraft(kind: .charter, title: "章程", data: Data()), "file", "请选择要上传的文件"),
                (DocumentDraft(kind: .charter, title: "章程", data: Data("%PDF-".utf8) + Data(count: DocumentRules.maxBytes)), "file",
                 "文件超过 10 MB，请压缩或分成几份上传"),
                (DocumentDraft(kind: .charter, title: "   ", data: DocumentTests.pdf), "title", "请填写材料名称，例如“2025 年度工作报告”"),
                (DocumentDraft(kind: .charter, title: String(repeating: "章", count: 61), data: DocumentTests.pdf), "title", "材料名称最多 60 个字"),
            ]
            for (draft, field, message) in cases {
                await #expect(throws: DomainError.invalid(field, message)) {
                    _ = try await g.resources.addDocument(organisationId: organisation.id, draft, actor: g.street)
                }
            }
            #expect(try await g.resources.documents(organisationId: organisation.id, actor: g.street).isEmpty)
            #expect(try await g.f.auditCount() == audits)
        }
    }

    @Test(arguments: TestEngine.all)
    func aSocialWorkerIsLinkedToOneRegistryResidentInScopeAndEachResidentToOneWorker(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let staff = g.f.actor(.communityStaff)
            let here = try await system.residents.create(ResidentDraft(regionId: g.f.h1.id, name: "周敏", idNumber: Fixture.idNumber(31)), actor: g.f.cli)
            let away = try await system.residents.create(ResidentDraft(regionId: g.f.foreignHousehold.id, name: "吴刚", idNumber: Fixture.idNumber(32)),
                                                         actor: g.f.cli)
            var draft = SocialWorkerDraft(userId: g.f.accounts[.socialWorker]!.id, post: .communityOffice, regionId: g.f.c1.id, residentId: here.id)
            let worker = try await g.resources.saveSocialWorker(id: nil, draft, actor: staff)
            #expect(worker.residentId == here.id)

            let second = try await system.accounts.create(.init(username: "sg.two", displayName: "社工 钱二", role: .socialWorker,
                                                                regionId: g.f.c1.id, password: Fixture.password), actor: g.f.cli)
            await #expect(throws: DomainError.invalid("residentId", "这位居民已关联另一名社工")) {
                _ = try await g.resources.saveSocialWorker(id: nil, SocialWorkerDraft(userId: second.id, post: .communityOffice,
                                                                                      regionId: g.f.c1.id, residentId: here.id), actor: staff)
            }
            await #expect(throws: DomainError.invalid("residentId", "所选居民不在本辖区的居民登记中")) {
                _ = try await g.resources.saveSocialWorker(id: nil, SocialWorkerDraft(userId: second.id, post: .communityOffice,
                                                                                      regionId: g.f.c1.id, residentId: away.id), actor: staff)
            }
            #expect(try await g.resources.socialWorkers(actor: staff).map(\.userId) == [g.f.accounts[.socialWorker]!.id])
            // Saving the same worker again keeps the link; clearing it unlinks.
            #expect(try await g.resources.saveSocialWorker(id: worker.id, draft, actor: staff).residentId == here.id)
            draft.residentId = nil
            #expect(try await g.resources.saveSocialWorker(id: worker.id, draft, actor: staff).residentId == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func aUseNamingARequestNamesOneTheActorCanOpen(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let g = Given(f: try await Fixture.build(system))
            let staff = g.f.actor(.communityStaff)
            let donor = try await g.resources.registerDonor(DonorDraft(kind: .business, name: "爱心超市", regionId: g.f.c1.id), actor: staff)
            let money = try await g.resources.receiveDonation(DonationDraft(donorId: donor.id, kind: .money, quantity: 100_000, regionId: g.f.c1.id),
                                                              actor: staff)
            let item = try await system.catalog.item(code: "WX01")
            let request = try await system.requests.submit(RequestDraft(itemId: item.id, description: "楼道灯坏了"), actor: g.f.actor(.resident)).request
            await #expect(throws: DomainError.invalid("targetId", "没有找到编号为 999999 的诉求，或不在本辖区")) {
                _ = try await g.resources.allocate(donationId: money.id, AllocationDraft(amount: 100, target: .request, targetId: 999_999,
                                                                                         label: "换灯"), actor: staff)
            }
            let (use, after) = try await g.resources.allocate(donationId: money.id, AllocationDraft(amount: 100, target: .request, targetId: request.id,
                                                                                                    label: "换楼道灯"), actor: staff)
            #expect(use.targetId == request.id && after.balance.allocated == 100)
        }
    }
}
