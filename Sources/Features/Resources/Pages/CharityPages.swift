import Foundation
import Hummingbird
import LinliKit

/// 慈善资源: donors and donations, a donor's page of every use, the numbered receipt.
extension ResourcesPages {
    struct DonorRow { let id: Int64, name: String, kindLabel: String, anonymous: Bool }
    struct DonationRow { let id: Int64, what: String, donorName: String, receipt: String, allocated: String, remainder: String }
    struct CharityModel {
        let csrf: String, error: String?, mayManage: Bool, donors: [DonorRow], hasDonors: Bool, donations: [DonationRow], hasDonations: Bool
        let places: [SelectOption], donorKinds: [SelectOption]
    }

    static func what(_ d: Donation) -> String {
        d.balance.kind == .money ? "善款 \(d.balance.describe(d.balance.quantity))" : "\(d.item) \(d.balance.describe(d.balance.quantity))"
    }

    func charityPage(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let (donors, donations) = try await resources.charity(actor: actor)
        let names = Dictionary(donors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let model = CharityModel(
            csrf: context.csrfToken, error: error?.message, mayManage: actor.may(.resourcesManage),
            donors: donors.map { DonorRow(id: $0.id, name: $0.name, kindLabel: $0.kind.label, anonymous: $0.anonymous) }, hasDonors: !donors.isEmpty,
            donations: donations.map { d in
                DonationRow(id: d.id, what: Self.what(d), donorName: names[d.donorId] ?? "上级登记的捐赠方", receipt: d.receiptNumber,
                            allocated: d.balance.describe(d.balance.allocated), remainder: d.balance.describe(d.balance.remainder))
            },
            hasDonations: !donations.isEmpty, places: actor.may(.resourcesManage) ? try await places(actor) : [],
            donorKinds: DonorKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) })
        return web.page("resources.charity", title: "慈善资源", model: model, request: request, context: context, status: status(error))
    }

    @Sendable func charity(_ request: Request, context: AppContext) async throws -> Response { try await charityPage(request, context) }

    @Sendable func registerDonor(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        return try await web.formPost(request, context, DonorInput.init, { input in
            let donor = try await resources.registerDonor(input.draft, actor: actor)
            return ("/resources/charity", "已登记捐赠方：\(donor.name)")
        }, orShow: { try await charityPage(request, context, error: $0) })
    }

    @Sendable func receiveDonation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        return try await web.formPost(request, context, DonationInput.init, { input in
            let donation = try await resources.receiveDonation(input.draft, actor: actor)
            return ("/resources/donations/\(donation.id)", "已登记，收据编号 \(donation.receiptNumber)")
        }, orShow: { try await charityPage(request, context, error: $0) })
    }

    struct UseRow { let at: String, amount: String, targetLabel: String, label: String, by: String }
    static func uses(_ uses: [Allocation], of d: Donation) -> [UseRow] {
        uses.map { UseRow(at: Date(millis: $0.allocatedAt).shanghaiText, amount: d.balance.describe($0.amount), targetLabel: $0.target.label,
                          label: $0.targetLabel, by: $0.allocatedBy) }
    }

    struct DonorDonation { let what: String, receipt: String, received: String, allocated: String, remainder: String, uses: [UseRow], hasUses: Bool }
    struct DonorModel { let name: String, kindLabel: String, donations: [DonorDonation], hasDonations: Bool }

    @Sendable func donor(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let record = try await resources.donor(try context.pathID(), actor: actor)
        let model = DonorModel(name: record.donor.name, kindLabel: record.donor.kind.label, donations: record.donations.map { d, uses in
            DonorDonation(what: Self.what(d), receipt: d.receiptNumber, received: Date(millis: d.receivedAt).shanghaiText,
                          allocated: d.balance.describe(d.balance.allocated), remainder: d.balance.describe(d.balance.remainder),
                          uses: Self.uses(uses, of: d), hasUses: !uses.isEmpty)
        }, hasDonations: !record.donations.isEmpty)
        return web.page("resources.donor", title: record.donor.name, model: model, request: request, context: context)
    }

    struct DonationModel {
        let id: Int64, csrf: String, error: String?, receipt: String, donorId: Int64, donorName: String, what: String, received: String
        let receivedBy: String, hasNote: Bool, note: String, allocated: String, remainder: String, uses: [UseRow], hasUses: Bool
        let mayAllocate: Bool, amountLabel: String, step: String, targets: [SelectOption]
        let organisations: [SelectOption], hasOrganisations: Bool
    }

    func donationPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let (d, donor, uses) = try await resources.donation(id, actor: actor)
        let money = d.balance.kind == .money
        let mayAllocate = actor.may(.resourcesManage) && d.balance.remainder > 0
        let organisations = mayAllocate ? try await resources.organisations(OrganisationFilter(status: .active), actor: actor) : []
        let model = DonationModel(
            id: id, csrf: context.csrfToken, error: error?.message, receipt: d.receiptNumber, donorId: donor.id, donorName: donor.name,
            what: Self.what(d), received: Date(millis: d.receivedAt).shanghaiText, receivedBy: d.receivedBy, hasNote: !d.note.isEmpty, note: d.note,
            allocated: d.balance.describe(d.balance.allocated), remainder: d.balance.describe(d.balance.remainder), uses: Self.uses(uses, of: d),
            hasUses: !uses.isEmpty, mayAllocate: mayAllocate,
            amountLabel: money ? "金额（元）" : "数量（\(d.balance.unit)）", step: money ? "0.01" : "1",
            targets: AllocationTarget.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) },
            organisations: organisations.map { SelectOption(value: String($0.id), label: $0.name) }, hasOrganisations: !organisations.isEmpty)
        return web.page("resources.donation", title: "捐赠收据 \(d.receiptNumber)", model: model, request: request, context: context, status: status(error))
    }

    @Sendable func donation(_ request: Request, context: AppContext) async throws -> Response {
        try await donationPage(try context.pathID(), request, context)
    }

    @Sendable func allocate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let id = try context.pathID()
        return try await web.formPost(request, context, AllocationInput.init, { input in
            let donation = try await resources.donation(id, actor: actor).donation
            let (allocation, after) = try await resources.allocate(donationId: id, try input.draft(money: donation.balance.kind == .money), actor: actor)
            return ("/resources/donations/\(id)", "已分配 \(after.balance.describe(allocation.amount))，剩余 \(after.balance.describe(after.balance.remainder))")
        }, orShow: { try await donationPage(id, request, context, error: $0) })
    }
}
