/// 积分账户 — who or what holds points. People, teams and organisations may never go below
/// zero; a community's system accounts are where points come from and go to, so their balances
/// are the negative of what is out among people.
public enum AccountKind: String, Sendable, CaseIterable, Codable {
    case person, team, organization
    /// 发放 — the community's source of awarded points.
    case issuance
    /// 爱心兑换 — where redeemed points go.
    case shop
    /// 过期 — where expired points go.
    case expired
    /// 调整 — where corrections that are not reversals go.
    case adjustment

    public var mayGoNegative: Bool {
        switch self {
        case .person, .team, .organization: false
        case .issuance, .shop, .expired, .adjustment: true
        }
    }
}

/// An account's four sums, moved only by transfers (TigerBeetle's model): a pending transfer
/// adds to the debit account's `debitsPending` and the credit account's `creditsPending`;
/// posting moves it to the posted sums, voiding or expiry takes it away.
public struct AccountBalance: Sendable, Equatable, Codable {
    public var debitsPending: Int64 = 0
    public var debitsPosted: Int64 = 0
    public var creditsPending: Int64 = 0
    public var creditsPosted: Int64 = 0

    public init(debitsPending: Int64 = 0, debitsPosted: Int64 = 0, creditsPending: Int64 = 0, creditsPosted: Int64 = 0) {
        self.debitsPending = debitsPending
        self.debitsPosted = debitsPosted
        self.creditsPending = creditsPending
        self.creditsPosted = creditsPosted
    }

    /// 余额 — posted credits less posted debits.
    public var posted: Points { Points(hundredths: creditsPosted - debitsPosted) }
    /// 可用 — what may still be spent: pending debits (holds) are already promised.
    public var available: Points { Points(hundredths: creditsPosted - debitsPosted - debitsPending) }
}

/// A transfer's life: created pending (a hold) or posted at once; a pending one resolves
/// exactly once — posted, voided or expired.
public enum TransferState: String, Sendable, CaseIterable, Codable {
    case pending, posted, voided, expired

    public var label: String {
        switch self {
        case .pending: "待确认"
        case .posted: "已入账"
        case .voided: "已撤销"
        case .expired: "已过期"
        }
    }
}

/// What may happen to a pending transfer.
public enum Resolution: String, Sendable, CaseIterable {
    case post, void, expire

    var state: TransferState {
        switch self {
        case .post: .posted
        case .void: .voided
        case .expire: .expired
        }
    }
}

/// Why the ledger refuses a movement, in words for the person in front of it.
public enum LedgerRefusal: Error, Sendable, Equatable {
    case notPositive
    case sameAccount
    case insufficient(available: Points, asked: Points)
    case resolved(TransferState)
    case notPosted(TransferState)
    case reversalOfReversal
    case alreadyReversed

    public var message: String {
        switch self {
        case .notPositive: "积分数应大于 0"
        case .sameAccount: "转出和转入不能是同一个账户"
        case .insufficient(let available, let asked): "可用积分 \(available) 分，不足 \(asked) 分"
        case .resolved(let state): "这笔积分\(state.label)，不能再处理"
        case .notPosted(let state): "只有已入账的积分才能冲正（这笔\(state.label)）"
        case .reversalOfReversal: "冲正记录不能再冲正，如有错误请另行调整"
        case .alreadyReversed: "这笔积分已冲正过"
        }
    }
}

/// The ledger's rules, without I/O: the service applies them inside its transaction, under the
/// lock of the accounts involved, and stores what they return.
public enum LedgerRules {
    public struct Side: Sendable, Equatable {
        public var kind: AccountKind
        public var balance: AccountBalance

        public init(kind: AccountKind, balance: AccountBalance) {
            self.kind = kind
            self.balance = balance
        }
    }

    /// A new transfer of `amount` from `debit` to `credit`, pending (a hold) or posted. An
    /// account that may not go negative must cover it: debits posted + debits pending + amount
    /// ≤ credits posted (pending credits do not count: they may still be voided).
    public static func open(_ amount: Points, debit: Side, credit: Side, sameAccount: Bool = false,
                            pending: Bool) throws(LedgerRefusal) -> (debit: AccountBalance, credit: AccountBalance) {
        guard amount.hundredths > 0 else { throw .notPositive }
        guard !sameAccount else { throw .sameAccount }
        if !debit.kind.mayGoNegative && debit.balance.available < amount {
            throw .insufficient(available: max(debit.balance.available, .zero), asked: amount)
        }
        var d = debit.balance, c = credit.balance
        if pending {
            d.debitsPending += amount.hundredths
            c.creditsPending += amount.hundredths
        } else {
            d.debitsPosted += amount.hundredths
            c.creditsPosted += amount.hundredths
        }
        return (d, c)
    }

    /// Resolves a pending transfer: exactly once, whatever is asked after.
    public static func resolve(_ state: TransferState, _ resolution: Resolution, amount: Points, debit: AccountBalance,
                               credit: AccountBalance) throws(LedgerRefusal) -> (state: TransferState, debit: AccountBalance, credit: AccountBalance) {
        guard state == .pending else { throw .resolved(state) }
        var d = debit, c = credit
        d.debitsPending -= amount.hundredths
        c.creditsPending -= amount.hundredths
        if resolution == .post {
            d.debitsPosted += amount.hundredths
            c.creditsPosted += amount.hundredths
        }
        return (resolution.state, d, c)
    }

    /// What a posted transfer must be for a reversal (the same amount the other way, linked to
    /// it, with a reason): posted, not itself a reversal, not reversed before. The reversal is
    /// then opened like any transfer, so it too must be covered.
    public static func mayReverse(state: TransferState, isReversal: Bool, reversedBefore: Bool) throws(LedgerRefusal) {
        guard state == .posted else { throw .notPosted(state) }
        guard !isReversal else { throw .reversalOfReversal }
        guard !reversedBefore else { throw .alreadyReversed }
    }
}
