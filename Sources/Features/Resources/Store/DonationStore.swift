import Foundation
import LinliKit
import SQLKit

/// SQL for donors, donations and allocations.
enum DonationStore {
    static let donorColumns = "d.id, d.kind, d.name, d.contact, d.anonymous, d.region_path, d.created_at"
    static let donationColumns = """
        n.id, n.donor_id, n.receipt_number, n.kind, n.item, n.unit, n.quantity, n.allocated, n.region_path, n.note,
        n.received_by_name, n.received_at
        """
    static let allocationColumns = """
        a.id, a.donation_id, a.amount, a.target_kind, a.target_id, a.target_label, a.note, a.allocated_by_name, a.allocated_at
        """

    static func donor(_ row: any SQLRow) throws -> Donor {
        let id = try row.decode(column: "id", as: Int64.self)
        return Donor(id: id, kind: try row.decode(known: "kind", as: DonorKind.self, row: "donors#\(id)"),
                     name: try row.decode(column: "name", as: String.self), contact: try row.decode(column: "contact", as: String.self),
                     anonymous: try row.decode(column: "anonymous", as: Int64.self) != 0,
                     regionPath: try row.decode(column: "region_path", as: String.self),
                     createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    static func donation(_ row: any SQLRow) throws -> Donation {
        let id = try row.decode(column: "id", as: Int64.self)
        let balance = DonationBalance(kind: try row.decode(known: "kind", as: DonationBalance.Kind.self, row: "donations#\(id)"),
                                      quantity: try row.decode(column: "quantity", as: Int64.self),
                                      allocated: try row.decode(column: "allocated", as: Int64.self), unit: try row.decode(column: "unit", as: String.self))
        return Donation(id: id, donorId: try row.decode(column: "donor_id", as: Int64.self),
                        receiptNumber: try row.decode(column: "receipt_number", as: String.self), balance: balance,
                        item: try row.decode(column: "item", as: String.self), regionPath: try row.decode(column: "region_path", as: String.self),
                        note: try row.decode(column: "note", as: String.self), receivedBy: try row.decode(column: "received_by_name", as: String.self),
                        receivedAt: try row.decode(column: "received_at", as: Int64.self))
    }

    static func allocation(_ row: any SQLRow) throws -> Allocation {
        let id = try row.decode(column: "id", as: Int64.self)
        return Allocation(id: id, donationId: try row.decode(column: "donation_id", as: Int64.self),
                          amount: try row.decode(column: "amount", as: Int64.self),
                          target: try row.decode(known: "target_kind", as: AllocationTarget.self, row: "donation_allocations#\(id)"),
                          targetId: try row.decode(column: "target_id", as: Int64?.self),
                          targetLabel: try row.decode(column: "target_label", as: String.self), note: try row.decode(column: "note", as: String.self),
                          allocatedBy: try row.decode(column: "allocated_by_name", as: String.self),
                          allocatedAt: try row.decode(column: "allocated_at", as: Int64.self))
    }

    static func insertDonor(_ tx: Tx, kind: DonorKind, name: String, contact: String, anonymous: Bool, regionPath: String,
                            now: Int64) async throws -> Donor {
        try donor(try await tx.sql.raw("""
            INSERT INTO donors (kind, name, contact, anonymous, region_path, created_at)
            VALUES (\(bind: kind.rawValue), \(bind: name), \(bind: contact), \(bind: anonymous ? 1 : 0), \(bind: regionPath), \(bind: now))
            RETURNING \(unsafeRaw: donorColumns.replacingOccurrences(of: "d.", with: ""))
            """).first()!)
    }

    static func findDonor(_ tx: Tx, id: Int64) async throws -> Donor? {
        try await tx.sql.raw("SELECT \(unsafeRaw: donorColumns) FROM donors d WHERE d.id = \(bind: id)").first().map(donor)
    }

    /// A donation with its 捐赠收据 number, `JZ` + year + the id in six digits, so receipts are
    /// numbered without gaps a clerk could not explain (one per donation, never reused).
    static func insertDonation(_ tx: Tx, donorId: Int64, kind: DonationBalance.Kind, item: String, unit: String, quantity: Int64,
                               regionPath: String, note: String, receivedBy: String, year: Int, now: Int64) async throws -> Donation {
        let placeholder = "pending:\(UUID().uuidString)"
        let id = try await tx.sql.raw("""
            INSERT INTO donations (donor_id, receipt_number, kind, item, unit, quantity, allocated, region_path, note, received_by_name,
              received_at)
            VALUES (\(bind: donorId), \(bind: placeholder), \(bind: kind.rawValue), \(bind: item), \(bind: unit), \(bind: quantity), 0,
              \(bind: regionPath), \(bind: note), \(bind: receivedBy), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        try await tx.sql.raw("""
            UPDATE donations SET receipt_number = \(bind: String(format: "JZ%04d%06lld", year, id)) WHERE id = \(bind: id)
            """).run()
        return try await findDonation(tx, id: id)!
    }

    static func findDonation(_ tx: Tx, id: Int64, lock: Bool = false) async throws -> Donation? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: donationColumns) FROM donations n WHERE n.id = \(bind: id)\(unsafeRaw: lock ? tx.engine.rowLock : "")
            """).first().map(donation)
    }

    static func donations(_ tx: Tx, donorId: Int64) async throws -> [Donation] {
        try await tx.sql.raw("SELECT \(unsafeRaw: donationColumns) FROM donations n WHERE n.donor_id = \(bind: donorId) ORDER BY n.id")
            .all().map(donation)
    }

    static func insertAllocation(_ tx: Tx, donation: Donation, amount: Int64, target: AllocationTarget, targetId: Int64?, label: String,
                                 note: String, by name: String, now: Int64) async throws -> Allocation {
        let row = try await tx.sql.raw("""
            INSERT INTO donation_allocations (donation_id, amount, target_kind, target_id, target_label, note, allocated_by_name, allocated_at)
            VALUES (\(bind: donation.id), \(bind: amount), \(bind: target.rawValue), \(bind: targetId), \(bind: label), \(bind: note),
              \(bind: name), \(bind: now))
            RETURNING \(unsafeRaw: allocationColumns.replacingOccurrences(of: "a.", with: ""))
            """).first()!
        try await tx.sql.raw("UPDATE donations SET allocated = allocated + \(bind: amount) WHERE id = \(bind: donation.id)").run()
        return try allocation(row)
    }

    static func allocations(_ tx: Tx, donationIds: [Int64]) async throws -> [Allocation] {
        guard !donationIds.isEmpty else { return [] }
        var found: [Allocation] = []
        for chunk in stride(from: 0, to: donationIds.count, by: 1000).map({ Array(donationIds[$0..<min($0 + 1000, donationIds.count)]) }) {
            found += try await tx.sql.raw("""
                SELECT \(unsafeRaw: allocationColumns) FROM donation_allocations a WHERE a.donation_id IN (\(binds: chunk)) ORDER BY a.id
                """).all().map(allocation)
        }
        return found
    }
}

extension DonationStore {
    /// Donors the scope may use: registered in it, or at a node above it.
    static func donors(_ tx: Tx, scopePath: String, limit: Int) async throws -> [Donor] {
        try await tx.sql.raw("SELECT \(unsafeRaw: donorColumns) FROM donors d WHERE (" + tx.engine.pathWithin("d.region_path", scopePath)
                             + " OR \(bind: scopePath) LIKE d.region_path || '%') ORDER BY d.name, d.id LIMIT \(bind: limit)").all().map(donor)
    }

    /// Donations received in the scope, newest first.
    static func donations(_ tx: Tx, within scopePath: String, limit: Int) async throws -> [Donation] {
        try await tx.sql.raw("SELECT \(unsafeRaw: donationColumns) FROM donations n WHERE " + tx.engine.pathWithin("n.region_path", scopePath)
                             + " ORDER BY n.id DESC LIMIT \(bind: limit)").all().map(donation)
    }
}

extension DonationStore {
    /// The uses given to one target (an organisation), newest first.
    static func allocations(_ tx: Tx, to target: AllocationTarget, id: Int64, limit: Int = 100) async throws -> [Allocation] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: allocationColumns) FROM donation_allocations a
            WHERE a.target_kind = \(bind: target.rawValue) AND a.target_id = \(bind: id) ORDER BY a.id DESC LIMIT \(bind: limit)
            """).all().map(allocation)
    }
}
