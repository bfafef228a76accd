import Foundation
import LinliKit
import SQLKit

/// 对账 — every donation's allocated sum against its allocations, nothing over what was given,
/// and every allocation against the audit entry written with it (the audit chain cannot be
/// edited unnoticed, so a row edited to agree with its donation still disagrees with its entry).
public struct DonationFinding: Sendable, Equatable {
    public let donations: Int, allocations: Int
    /// The first mismatch, naming the row; nil when everything agrees.
    public let mismatch: String?

    public var message: String {
        if let mismatch { return "慈善捐赠账目不一致：\(mismatch)" }
        return "慈善捐赠账目一致：\(donations) 笔捐赠、\(allocations) 条去向，各笔已分配数与去向相符，无超额分配，每条去向都有审计记录。"
    }
}

extension ResourcesService {
    public func check() async throws -> DonationFinding {
        try await database.snapshot { tx in try await Self.check(tx) }
    }

    static func check(_ tx: Tx) async throws -> DonationFinding {
        let sums = try await tx.sql.raw("""
            SELECT n.id, n.receipt_number, n.quantity, n.allocated,
              (SELECT CAST(COALESCE(SUM(a.amount), 0) AS BIGINT) FROM donation_allocations a WHERE a.donation_id = n.id) AS used
            FROM donations n ORDER BY n.id
            """).all()
        for row in sums {
            let receipt = try row.decode(column: "receipt_number", as: String.self)
            let quantity = try row.decode(column: "quantity", as: Int64.self), allocated = try row.decode(column: "allocated", as: Int64.self)
            let used = try row.decode(column: "used", as: Int64.self)
            if allocated != used { return DonationFinding(donations: sums.count, allocations: 0, mismatch: "捐赠 \(receipt) 记为已分配 \(allocated)，去向合计 \(used)") }
            if used > quantity { return DonationFinding(donations: sums.count, allocations: 0, mismatch: "捐赠 \(receipt) 分配 \(used)，超过捐赠数 \(quantity)") }
        }
        var audited: [Int64: (donation: String, amount: String)] = [:]
        for row in try await tx.sql.raw("""
            SELECT entity_id, after_json FROM audit_log WHERE action = \(bind: AuditAction.donationAllocate.rawValue)
            """).all() {
            let after = try row.decode(column: "after_json", as: String?.self).flatMap { $0.data(using: .utf8) }
                .flatMap { try? JSONDecoder().decode([String: String].self, from: $0) } ?? [:]
            if let id = after["allocation"].flatMap(Int64.init) {
                audited[id] = (try row.decode(column: "entity_id", as: String.self), after["amount"] ?? "")
            }
        }
        let allocations = try await tx.sql.raw("""
            SELECT \(unsafeRaw: DonationStore.allocationColumns) FROM donation_allocations a ORDER BY a.id
            """).all().map(DonationStore.allocation)
        for allocation in allocations {
            guard let entry = audited[allocation.id] else {
                return DonationFinding(donations: sums.count, allocations: allocations.count, mismatch: "去向 #\(allocation.id) 没有审计记录")
            }
            if entry.donation != String(allocation.donationId) || entry.amount != String(allocation.amount) {
                return DonationFinding(donations: sums.count, allocations: allocations.count,
                                       mismatch: "去向 #\(allocation.id) 与审计记录不符（记录为捐赠 \(entry.donation)、数量 \(entry.amount)）")
            }
        }
        return DonationFinding(donations: sums.count, allocations: allocations.count, mismatch: nil)
    }
}
