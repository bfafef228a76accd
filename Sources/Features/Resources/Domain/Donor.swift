/// 捐赠方 — who gives: a resident, a unit, a 双报到 unit (one registered with the community
/// under the 在职党员双报到 scheme) or a business.
public enum DonorKind: String, Sendable, Codable, CaseIterable {
    case person
    case unit
    /// 双报到单位
    case pairedUnit = "paired_unit"
    case business

    public var label: String {
        switch self {
        case .person: "个人"
        case .unit: "单位"
        case .pairedUnit: "双报到单位"
        case .business: "企业"
        }
    }
}

public struct Donor: Sendable, Equatable {
    public let id: Int64, kind: DonorKind, name: String, contact: String
    /// Asked not to be named where uses are shown to others.
    public let anonymous: Bool
    public let regionPath: String
    public let createdAt: Int64
}

public struct Donation: Sendable, Equatable {
    public let id: Int64, donorId: Int64, receiptNumber: String
    public let balance: DonationBalance
    /// What was given: "善款" or the goods' name.
    public let item: String
    public let regionPath: String, note: String, receivedBy: String, receivedAt: Int64
}

/// 去向 — one use of a donation.
public struct Allocation: Sendable, Equatable {
    public let id: Int64, donationId: Int64, amount: Int64, target: AllocationTarget, targetId: Int64?, targetLabel: String
    public let note: String, allocatedBy: String, allocatedAt: Int64
}
