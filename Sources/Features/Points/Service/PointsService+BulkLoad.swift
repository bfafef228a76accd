import Foundation
import LinliKit

/// Years of journal for the benchmarks (`linli ledger load`): grants, drawn with a seed, from the
/// communities' 发放 accounts to the people who already hold accounts, written 10,000 to a
/// transaction by multi-row inserts, each entry's running balances computed here and the
/// accounts' sums moved by one statement per batch. Command line only; one audit entry per
/// batch. `ledger verify` then checks what was loaded like anything else.
extension PointsService {
    public static let bulkBatch = 10_000

    @discardableResult
    public func bulkLoad(entries count: Int, seed: UInt64, actor: Actor) async throws -> Int {
        try actor.require(.pointsManage)
        guard actor.scope.path == "/" else { throw DomainError.forbidden }
        guard count > 0 else { return 0 }
        guard count <= 50_000_000 else { throw DomainError.invalid("entries", "一次最多载入 5000 万条") }
        let people = try await database.read { tx in
            try await tx.sql.raw("SELECT \(unsafeRaw: AccountStore.columns) FROM point_accounts a WHERE a.kind = 'person' ORDER BY a.id").all()
                .map(AccountStore.account)
        }
        guard !people.isEmpty else { throw DomainError.conflict("还没有居民积分账户：请先在系统中发放一些积分") }
        var sources: [Int64: Int64] = [:]
        for community in Set(people.map(\.communityId)) {
            sources[community] = try await database.write { tx in try await systemAccount(tx, .issuance, communityId: community).id }
        }
        let issuance = sources
        var random = SeededRandom(seed: seed)
        var written = 0
        while written < count {
            let size = min(Self.bulkBatch, count - written)
            let picks = (0..<size).map { _ in people[Int(random.next() % UInt64(people.count))] }
            let amounts = (0..<size).map { _ in Int64(random.next() % 500) + 1 }
            let now = clock.now().millis
            try await database.bulkWrite { tx in
                let ids = Array(Set(picks.map(\.id) + picks.map { issuance[$0.communityId]! }))
                var posted: [Int64: Int64] = [:]
                for account in try await AccountStore.lock(tx, ids: ids).values { posted[account.id] = account.balance.posted.hundredths }
                var debits: [Int64: Int64] = [:], credits: [Int64: Int64] = [:]
                var rows: [[SQLCell]] = []
                rows.reserveCapacity(size)
                for (person, amount) in zip(picks, amounts) {
                    let source = issuance[person.communityId]!
                    posted[source, default: 0] -= amount
                    posted[person.id, default: 0] += amount
                    debits[source, default: 0] += amount
                    credits[person.id, default: 0] += amount
                    rows.append([.text(EntryKind.posted.rawValue), .text(Purpose.grant.rawValue), .integer(source), .integer(person.id),
                                 .integer(amount), .integer(posted[source]!), .integer(posted[person.id]!), .text("历史积分（载入）"),
                                 .text(actor.displayName), .integer(now)])
                }
                try await tx.insert(into: "point_transfers", columns: ["kind", "purpose", "debit_account_id", "credit_account_id", "amount",
                                                                      "debit_after", "credit_after", "memo", "actor_name", "created_at"], rows: rows)
                try await Self.moveSums(tx, debits: debits, credits: credits)
                try await audit.append(tx, actor: actor, action: .pointsGrant, entityId: "bulk", regionPath: "/",
                                       after: ["entries": String(size), "points": Points(hundredths: amounts.reduce(0, +)).description])
            }
            written += size
        }
        return written
    }

    /// Adds each account's posted debits and credits of a batch in one statement.
    static func moveSums(_ tx: Tx, debits: [Int64: Int64], credits: [Int64: Int64]) async throws {
        let ids = Set(debits.keys).union(credits.keys).sorted()
        switch tx.engine {
        case .sqlite: try await tx.sql.raw("CREATE TEMP TABLE bulk_sums (id BIGINT PRIMARY KEY, dp BIGINT NOT NULL, cp BIGINT NOT NULL)").run()
        case .postgres:
            try await tx.sql.raw("CREATE TEMP TABLE bulk_sums (id BIGINT PRIMARY KEY, dp BIGINT NOT NULL, cp BIGINT NOT NULL) ON COMMIT DROP").run()
        }
        try await tx.insert(into: "bulk_sums", columns: ["id", "dp", "cp"],
                            rows: ids.map { [.integer($0), .integer(debits[$0] ?? 0), .integer(credits[$0] ?? 0)] })
        try await tx.sql.raw("""
            UPDATE point_accounts SET debits_posted = debits_posted + s.dp, credits_posted = credits_posted + s.cp
            FROM bulk_sums s WHERE point_accounts.id = s.id
            """).run()
        if tx.engine == .sqlite { try await tx.sql.raw("DROP TABLE bulk_sums").run() }
    }
}
