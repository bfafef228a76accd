import Foundation
import LinliKit
import Notifications

/// 积分过期 (when a district sets `LINLI_POINTS_EXPIRY_MONTHS`): on the first of each month,
/// points earned before the month N months back and not spent go to the community's 过期
/// account by a posted transfer — oldest points are spent first. Each person is told
/// `LINLI_POINTS_EXPIRY_NOTICE_DAYS` before, once; nothing expires silently.
extension PointsService {
    public struct ExpiryRun: Sendable, Equatable {
        public let expired: Int
        public let total: Points
        public let told: Int
        /// What expired, by registry person.
        public var byResident: [Int64: Points] = [:]
    }

    /// Expires what is due this month and tells who will lose points next month. Safe to run
    /// often and on every instance: each expiry has its key, each notice its row.
    public func runExpiry() async throws -> ExpiryRun {
        guard settings.expiryMonths > 0 else { return ExpiryRun(expired: 0, total: .zero, told: 0) }
        let now = clock.now()
        let r = ChinaStandardTime.reading(now)
        let month = Self.monthStart(year: r.year, month: r.month, plus: 0)
        let cutoff = Self.monthStart(year: r.year, month: r.month, plus: -settings.expiryMonths)
        var expired = 0, total = Points.zero
        var byResident: [Int64: Points] = [:]
        for id in try await database.read({ tx in try await Self.holdersOfPointsBefore(tx, cutoff.millis) }) {
            guard let (t, resident) = try await expire(accountId: id, before: cutoff, month: month, now: now) else { continue }
            expired += 1
            total = total + t.amount
            if let resident { byResident[resident, default: .zero] = byResident[resident, default: .zero] + t.amount }
        }
        if expired > 0 {
            let (expired, total) = (expired, total)
            try await database.write { tx in
                try await audit.append(tx, actor: Self.system, action: .pointsExpire, entityId: Self.monthKey(month), regionPath: "/",
                                       after: ["accounts": String(expired), "points": total.description,
                                               "before": Self.dayKey(cutoff)])
            }
        }
        let next = Self.monthStart(year: r.year, month: r.month, plus: 1)
        var told = 0
        if next.timeIntervalSince(now) <= Double(settings.expiryNoticeDays) * 86_400 {
            let nextCutoff = Self.monthStart(year: r.year, month: r.month, plus: 1 - settings.expiryMonths)
            for id in try await database.read({ tx in try await Self.holdersOfPointsBefore(tx, nextCutoff.millis) }) {
                if try await announce(accountId: id, before: nextCutoff, on: next, now: now) { told += 1 }
            }
        }
        return ExpiryRun(expired: expired, total: total, told: told, byResident: byResident)
    }

    /// Person accounts with something spendable and points credited before `cutoff`.
    static func holdersOfPointsBefore(_ tx: Tx, _ cutoff: Int64) async throws -> [Int64] {
        try await tx.sql.raw("""
            SELECT a.id FROM point_accounts a WHERE a.kind = 'person' AND a.credits_posted - a.debits_posted - a.debits_pending > 0
            AND EXISTS (SELECT 1 FROM point_transfers t WHERE t.credit_account_id = a.id AND t.created_at < \(bind: cutoff))
            ORDER BY a.id
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// Credited before `cutoff` and not spent since (everything debited counts as the oldest points).
    static func unspent(_ tx: Tx, _ account: PointAccount, before cutoff: Date) async throws -> Points {
        let row = try await tx.sql.raw("""
            SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS n FROM point_transfers
            WHERE credit_account_id = \(bind: account.id) AND kind IN ('posted', 'post_pending') AND created_at < \(bind: cutoff.millis)
            """).first()
        let old = try row?.decode(column: "n", as: Int64.self) ?? 0
        let spent = account.balance.debitsPosted + account.balance.debitsPending
        return min(Points(hundredths: max(old - spent, 0)), max(account.balance.available, .zero))
    }

    func expire(accountId: Int64, before cutoff: Date, month: Date, now: Date) async throws -> (PointTransfer, Int64?)? {
        try await database.write { tx in
            guard let found = try await AccountStore.find(tx, id: accountId) else { return nil }
            let expired = try await systemAccount(tx, .expired, communityId: found.communityId)
            // Both accounts at once, in the one lock order.
            guard let account = try await AccountStore.lock(tx, ids: [found.id, expired.id])[found.id] else { return nil }
            let key = "expiry:\(account.id):\(Self.monthKey(month))"
            guard try await TransferStore.find(tx, key: key) == nil else { return nil }
            let amount = try await Self.unspent(tx, account, before: cutoff)
            guard amount > .zero else { return nil }
            let t = try await open(tx, .init(kind: .posted, purpose: .expiry, debit: account.id, credit: expired.id, amount: amount, key: key,
                                             memo: "\(Self.dayKey(cutoff)) 前获得的积分已过期"), locked: true, actor: Self.system, now: now.millis)
            return (t, account.ownerId)
        }
    }

    func announce(accountId: Int64, before cutoff: Date, on day: Date, now: Date) async throws -> Bool {
        try await database.write { tx in
            guard let account = try await AccountStore.find(tx, id: accountId), let residentId = account.ownerId else { return false }
            let amount = try await Self.unspent(tx, account, before: cutoff)
            guard amount > .zero else { return false }
            let inserted = try await tx.sql.raw("""
                INSERT INTO point_expiry_notices (account_id, month, amount, sent_at)
                VALUES (\(bind: account.id), \(bind: Self.monthKey(day)), \(bind: amount.hundredths), \(bind: now.millis))
                ON CONFLICT (account_id, month) DO NOTHING RETURNING account_id
                """).first()
            guard inserted != nil else { return false }
            if let user = try await residents.accounts(ofResidents: [residentId])[residentId] {
                try await notifications.post(tx, to: [user], Notice(
                    title: "\(amount) 积分将于 \(Self.dayKey(day)) 过期",
                    body: "\(Self.dayKey(cutoff)) 前获得、尚未使用的积分到期后将清零，请及时到爱心兑换使用。", link: "/points",
                    facts: ["event": "points.expiry_notice"]))
            }
            return true
        }
    }

    /// The first of the month `plus` months from the given one, in Shanghai.
    static func monthStart(year: Int, month: Int, plus: Int) -> Date {
        let index = year * 12 + (month - 1) + plus
        return ChinaStandardTime.startOfDay(year: index / 12, month: index % 12 + 1, day: 1)
    }

    static func monthKey(_ date: Date) -> String { String(dayKey(date).prefix(7)) }

    static func dayKey(_ date: Date) -> String {
        let r = ChinaStandardTime.reading(date)
        return ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day)
    }
}
