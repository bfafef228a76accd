/// An account as stored: its owner, its place and its four sums.
public struct PointAccount: Sendable, Equatable, Codable {
    public let id: Int64
    public let kind: AccountKind
    /// `person:12`, `issuance:7` — what the account is for; one each.
    public let owner: String
    /// The resident, team or organisation; nil for a community's system accounts.
    public let ownerId: Int64?
    public let name: String
    public let regionId: Int64
    public let regionPath: String
    public let communityId: Int64
    public let balance: AccountBalance
    public let createdAt: Int64

    public init(id: Int64, kind: AccountKind, owner: String, ownerId: Int64?, name: String, regionId: Int64, regionPath: String,
                communityId: Int64, balance: AccountBalance, createdAt: Int64) {
        self.id = id
        self.kind = kind
        self.owner = owner
        self.ownerId = ownerId
        self.name = name
        self.regionId = regionId
        self.regionPath = regionPath
        self.communityId = communityId
        self.balance = balance
        self.createdAt = createdAt
    }

    public static func owner(_ kind: AccountKind, _ id: Int64) -> String { "\(kind.rawValue):\(id)" }
}

/// What a journal entry does. `posted` and `pending` move points; the other three resolve the
/// pending entry they name, with its accounts and amount.
public enum EntryKind: String, Sendable, CaseIterable, Codable {
    case posted, pending
    case postPending = "post_pending"
    case voidPending = "void_pending"
    case expirePending = "expire_pending"

    static func resolving(_ resolution: Resolution) -> EntryKind {
        switch resolution {
        case .post: .postPending
        case .void: .voidPending
        case .expire: .expirePending
        }
    }

    /// The pending transfer's state once this entry names it.
    public var resolvedState: TransferState? {
        switch self {
        case .posted, .pending: nil
        case .postPending: .posted
        case .voidPending: .voided
        case .expirePending: .expired
        }
    }

    /// Moves the posted sums (a statement's line).
    public var posts: Bool { self == .posted || self == .postPending }
}

/// Why points moved.
public enum Purpose: String, Sendable, CaseIterable, Codable {
    case serviceAward = "award_service"
    case activityAward = "award_activity"
    case goodDeedAward = "award_good_deed"
    case requestAward = "award_request"
    /// 奖励 — staff grant points by hand, with a reason.
    case grant
    case redemption
    case reversal
    case expiry
    case adjustment

    public var label: String {
        switch self {
        case .serviceAward: "志愿服务"
        case .activityAward: "参加活动"
        case .goodDeedAward: "好人好事"
        case .requestAward: "协助办结诉求"
        case .grant: "奖励"
        case .redemption: "爱心兑换"
        case .reversal: "冲正"
        case .expiry: "过期"
        case .adjustment: "调整"
        }
    }

    /// Earned under the earning rules, and counted toward the caps.
    public var isAward: Bool { [.serviceAward, .activityAward, .goodDeedAward, .requestAward].contains(self) }
}

/// One journal entry, never changed once written.
public struct PointTransfer: Sendable, Equatable, Codable {
    public let id: Int64
    public let kind: EntryKind
    public let purpose: Purpose
    public let debitAccountId: Int64
    public let creditAccountId: Int64
    public let amount: Points
    /// Each side's posted balance after the entry.
    public let debitAfter: Points
    public let creditAfter: Points
    /// The pending transfer this entry resolves.
    public let pendingId: Int64?
    /// The posted transfer this entry reverses.
    public let reversesId: Int64?
    public let idempotencyKey: String?
    /// The earning rules' version row it was computed with (nil: the built-in defaults).
    public let rulesId: Int64?
    public let memo: String
    public let source: String?
    public let timeoutAt: Int64?
    public let actorName: String
    public let createdAt: Int64

    public init(id: Int64, kind: EntryKind, purpose: Purpose, debitAccountId: Int64, creditAccountId: Int64, amount: Points,
                debitAfter: Points, creditAfter: Points, pendingId: Int64?, reversesId: Int64?, idempotencyKey: String?, rulesId: Int64?,
                memo: String, source: String?, timeoutAt: Int64?, actorName: String, createdAt: Int64) {
        self.id = id
        self.kind = kind
        self.purpose = purpose
        self.debitAccountId = debitAccountId
        self.creditAccountId = creditAccountId
        self.amount = amount
        self.debitAfter = debitAfter
        self.creditAfter = creditAfter
        self.pendingId = pendingId
        self.reversesId = reversesId
        self.idempotencyKey = idempotencyKey
        self.rulesId = rulesId
        self.memo = memo
        self.source = source
        self.timeoutAt = timeoutAt
        self.actorName = actorName
        self.createdAt = createdAt
    }
}
