import Foundation
import LinliKit
import Regions

/// 慈善资源: who gave what, and every use of it. An allocation is decided under the
/// donation's row lock, so two staff giving out the last of it at once cannot both succeed.
extension ResourcesService {
    public func registerDonor(_ draft: DonorDraft, actor: Actor) async throws -> Donor {
        try actor.require(.resourcesManage)
        let name = draft.name.trimmingWhitespace, contact = draft.contact.trimmingWhitespace
        var problems: [String: String] = [:]
        if name.isEmpty || name.count > 100 { problems["name"] = "请填写捐赠方名称（100 字以内）" }
        if contact.count > 100 { problems["contact"] = "联系方式请在 100 字以内" }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
        let node = try await regions.node(draft.regionId, actor: actor)
        let now = clock.now().millis
        return try await database.write { tx in
            let donor = try await DonationStore.insertDonor(tx, kind: draft.kind, name: name, contact: contact, anonymous: draft.anonymous,
                                                            regionPath: node.path, now: now)
            try await audit.append(tx, actor: actor, action: .donorRegister, entityId: String(donor.id), regionPath: donor.regionPath,
                                   after: ["kind": donor.kind.rawValue, "name": donor.name, "anonymous": donor.anonymous ? "1" : "0"])
            return donor
        }
    }

    public func receiveDonation(_ draft: DonationDraft, actor: Actor) async throws -> Donation {
        try actor.require(.resourcesManage)
        let item = draft.kind == .money ? "善款" : draft.item.trimmingWhitespace
        let unit = draft.kind == .money ? "分" : draft.unit.trimmingWhitespace
        var problems: [String: String] = [:]
        if item.isEmpty || item.count > 100 { problems["item"] = "请填写捐赠物资名称（100 字以内）" }
        if unit.isEmpty || unit.count > 10 { problems["unit"] = "请填写物资单位（如 件、箱、斤，10 字以内）" }
        if draft.quantity <= 0 || draft.quantity > 100_000_000_000 {
            problems["quantity"] = draft.kind == .money ? "捐赠金额应大于 0 且不超过 10 亿元" : "捐赠数量应大于 0"
        }
        if draft.note.count > 500 { problems["note"] = "说明请在 500 字以内" }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
        let node = try await regions.node(draft.regionId, actor: actor)
        let now = clock.now()
        let year = ChinaStandardTime.reading(now).year
        return try await database.write { tx in
            guard let donor = try await DonationStore.findDonor(tx, id: draft.donorId), Self.reaches(actor, donor.regionPath) else {
                throw DomainError.notFound("捐赠方")
            }
            let donation = try await DonationStore.insertDonation(
                tx, donorId: donor.id, kind: draft.kind, item: item, unit: unit, quantity: draft.quantity, regionPath: node.path,
                note: draft.note.trimmingWhitespace, receivedBy: actor.displayName, year: year, now: now.millis)
            try await audit.append(tx, actor: actor, action: .donationReceive, entityId: String(donation.id), regionPath: donation.regionPath,
                                   after: ["donor": String(donor.id), "receipt": donation.receiptNumber, "kind": draft.kind.rawValue,
                                           "item": item, "quantity": String(draft.quantity), "unit": unit])
            return donation
        }
    }

    /// 分配去向: refused, with nothing written, when it asks more than is left.
    public func allocate(donationId: Int64, _ draft: AllocationDraft, actor: Actor) async throws -> (Allocation, Donation) {
        try actor.require(.resourcesManage)
        let label = draft.label.trimmingWhitespace
        if label.isEmpty || label.count > 100 { throw DomainError.invalid("label", "请写明用在哪里（100 字以内）") }
        if draft.note.count > 500 { throw DomainError.invalid("note", "说明请在 500 字以内") }
        try await checkTarget(draft, actor: actor)
        let now = clock.now().millis
        return try await database.write { tx in
            guard let donation = try await DonationStore.findDonation(tx, id: donationId, lock: true),
                  actor.scope.contains(path: donation.regionPath) else { throw DomainError.notFound("捐赠") }
            let after: DonationBalance
            switch donation.balance.allocating(draft.amount) {
            case .success(let balance): after = balance
            case .failure(.notPositive): throw DomainError.invalid("amount", AllocationRefusal.notPositive.message)
            case .failure(let refusal): throw DomainError(kind: .conflict, code: "over_remainder", message: refusal.message)
            }
            // Given to an organisation: one the actor sees, named by its id.
            if draft.target == .organisation {
                guard let id = draft.targetId, let organisation = try await OrganisationStore.find(tx, id: id),
                      try await Self.readable(tx, organisation, actor: actor) else {
                    throw DomainError.invalid("targetId", "请选择受赠的社会组织")
                }
            }
            let allocation = try await DonationStore.insertAllocation(
                tx, donation: donation, amount: draft.amount, target: draft.target, targetId: draft.targetId, label: label,
                note: draft.note.trimmingWhitespace, by: actor.displayName, now: now)
            try await audit.append(tx, actor: actor, action: .donationAllocate, entityId: String(donation.id), regionPath: donation.regionPath,
                                   before: ["allocated": String(donation.balance.allocated)],
                                   after: ["allocation": String(allocation.id), "amount": String(draft.amount), "target": draft.target.rawValue,
                                           "targetId": draft.targetId.map(String.init) ?? "", "label": label, "allocated": String(after.allocated)])
            return (allocation, try await DonationStore.findDonation(tx, id: donation.id)!)
        }
    }

    /// A use naming a request or an activity names one the actor can open (an organisation is
    /// checked in the transaction). Projects come with the funding feature; their id is kept as given.
    func checkTarget(_ draft: AllocationDraft, actor: Actor) async throws {
        guard let id = draft.targetId else { return }
        do {
            switch draft.target {
            case .request: _ = try await requests.detail(id, actor: actor)
            case .activity:
                guard let volunteers else { throw DomainError.invalid("targetId", "本区未启用志愿服务，不能按编号选择活动") }
                _ = try await volunteers.activity(id, actor: actor)
            case .household, .shop, .project, .organisation: return
            }
        } catch let error as DomainError where error.kind == .notFound || error.kind == .forbidden {
            throw DomainError.invalid("targetId", "没有找到编号为 \(id) 的\(draft.target.label)，或不在本辖区")
        }
    }

    /// A donor's page: every donation and every use of each, oldest first.
    public struct DonorRecord: Sendable {
        public let donor: Donor
        public let donations: [(donation: Donation, uses: [Allocation])]
    }

    public func donor(_ id: Int64, actor: Actor) async throws -> DonorRecord {
        try actor.require(.resourcesView)
        return try await database.read { tx in
            guard let donor = try await DonationStore.findDonor(tx, id: id), Self.reaches(actor, donor.regionPath) else {
                throw DomainError.notFound("捐赠方")
            }
            // Only donations received in the actor's scope: another street's are its own business.
            let donations = try await DonationStore.donations(tx, donorId: id).filter { actor.scope.contains(path: $0.regionPath) }
            let uses = Dictionary(grouping: try await DonationStore.allocations(tx, donationIds: donations.map(\.id)), by: \.donationId)
            return DonorRecord(donor: donor, donations: donations.map { ($0, uses[$0.id] ?? []) })
        }
    }
}

extension ResourcesService {
    /// 慈善资源 of the actor's scope: the donors they may use and the donations received in it.
    public func charity(actor: Actor, limit: Int = 200) async throws -> (donors: [Donor], donations: [Donation]) {
        try actor.require(.resourcesView)
        return try await database.read { tx in
            (try await DonationStore.donors(tx, scopePath: actor.scope.path, limit: limit),
             try await DonationStore.donations(tx, within: actor.scope.path, limit: limit))
        }
    }

    /// One donation with its donor and every use: the 捐赠收据 and what became of it.
    public func donation(_ id: Int64, actor: Actor) async throws -> (donation: Donation, donor: Donor, uses: [Allocation]) {
        try actor.require(.resourcesView)
        return try await database.read { tx in
            guard let donation = try await DonationStore.findDonation(tx, id: id), actor.scope.contains(path: donation.regionPath),
                  let donor = try await DonationStore.findDonor(tx, id: donation.donorId) else { throw DomainError.notFound("捐赠") }
            return (donation, donor, try await DonationStore.allocations(tx, donationIds: [id]))
        }
    }
}

extension ResourcesService {
    /// 收到的捐赠: the uses of donations given to an organisation, newest first, each with its
    /// donation (for the receipt number and the unit).
    func donationsReceived(by organisationId: Int64) async throws -> [(allocation: Allocation, donation: Donation)] {
        try await database.read { tx in
            let uses = try await DonationStore.allocations(tx, to: .organisation, id: organisationId)
            var donations: [Int64: Donation] = [:]
            for id in Set(uses.map(\.donationId)) { donations[id] = try await DonationStore.findDonation(tx, id: id) }
            return uses.compactMap { use in donations[use.donationId].map { (use, $0) } }
        }
    }
}
