import Foundation
import LinliKit
import Regions

/// 积分兑换月报 — per community, what a month issued, redeemed and let expire, and what is
/// outstanding among people at its end (the 积分兑换 outcome list). Read from the community's
/// system accounts, whose movements are the negative of the people's.
public struct CommunityMonth: Sendable, Equatable {
    public let community: RegionNode
    /// Awarded and granted, less reversals.
    public let issued: Points
    /// Picked up in the shop, less refunds.
    public let redeemed: Points
    public let expired: Points
    /// Held by people at the month's end.
    public let outstanding: Points
}

extension PointsService {
    public func monthly(year: Int, month: Int, actor: Actor) async throws -> [CommunityMonth] {
        guard actor.may(.pointsView) else { throw DomainError.forbidden }
        guard (2000...2100).contains(year), (1...12).contains(month) else { throw DomainError.invalid("month", "请选择年月") }
        let from = Self.monthStart(year: year, month: month, plus: 0).millis
        let to = Self.monthStart(year: year, month: month, plus: 1).millis
        let rows = try await database.read { tx -> [(community: Int64, kind: AccountKind, net: Int64, end: Int64)] in
            let accounts = try await tx.sql.raw("""
                SELECT \(unsafeRaw: AccountStore.columns) FROM point_accounts a WHERE \(tx.engine.pathWithin("a.region_path", actor.scope.path))
                AND a.kind IN ('issuance', 'shop', 'expired', 'adjustment') ORDER BY a.community_id, a.id
                """).all().map(AccountStore.account)
            var out: [(Int64, AccountKind, Int64, Int64)] = []
            for account in accounts {
                let net = try await tx.sql.raw("""
                    SELECT CAST(COALESCE(SUM(CASE WHEN credit_account_id = \(bind: account.id) THEN amount ELSE -amount END), 0) AS BIGINT) AS n
                    FROM (SELECT credit_account_id, amount FROM point_transfers WHERE credit_account_id = \(bind: account.id)
                            AND kind IN ('posted', 'post_pending') AND created_at >= \(bind: from) AND created_at < \(bind: to)
                          UNION ALL
                          SELECT credit_account_id, amount FROM point_transfers WHERE debit_account_id = \(bind: account.id)
                            AND kind IN ('posted', 'post_pending') AND created_at >= \(bind: from) AND created_at < \(bind: to)) m
                    """).first()?.decode(column: "n", as: Int64.self) ?? 0
                let end = try await TransferStore.balance(tx, accountId: account.id, before: to)
                out.append((account.communityId, account.kind, net, end.hundredths))
            }
            return out
        }
        var result: [CommunityMonth] = []
        for (community, parts) in Dictionary(grouping: rows, by: \.community).sorted(by: { $0.key < $1.key }) {
            guard let node = try await regions.lookup(community) else { continue }
            func net(_ kind: AccountKind) -> Int64 { parts.filter { $0.kind == kind }.reduce(0) { $0 + $1.net } }
            result.append(CommunityMonth(community: node, issued: Points(hundredths: -net(.issuance)), redeemed: Points(hundredths: net(.shop)),
                                         expired: Points(hundredths: net(.expired)),
                                         outstanding: Points(hundredths: -parts.reduce(0) { $0 + $1.end })))
        }
        return result
    }
}
