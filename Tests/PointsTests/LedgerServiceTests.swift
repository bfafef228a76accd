import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import SQLKit
import Testing

@Suite("积分流水: transfers under the accounts' locks, reversals, the append-only journal")
struct LedgerServiceTests {
    @Test(arguments: TestEngine.all)
    func aGrantCreditsThePersonFromTheCommunitysIssuanceAccountAndBothSumsAreKept(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let person = try await p.resident("王大爷", number: 1)
            let audits = try await p.auditCount()
            let transfer = try await p.grant(12, to: person.id)
            #expect(transfer.purpose == .grant && transfer.kind == .posted && transfer.creditAfter == Points(whole: 12))
            #expect(try await p.balance(person.id).posted == Points(whole: 12))
            #expect(try await p.auditCount() == audits + 1)
            let statement = try await p.points.statement(accountId: transfer.creditAccountId, actor: p.staff)
            #expect(statement.lines.map(\.counterparty) == ["一社区积分发放账户"])
            #expect(statement.lines.first?.change == Points(whole: 12) && statement.lines.first?.balance == Points(whole: 12))
            let finding = try await p.verify()
            #expect(finding.mismatch == nil && finding.entries == 1 && finding.accounts == 2, "\(finding.message)")
        }
    }

    @Test(arguments: TestEngine.all)
    func badAmountsReasonsAndPeopleOutsideTheAreaAreRefusedAndNothingIsWritten(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let person = try await p.resident("王大爷", number: 1)
            let stranger = try await p.resident("外区居民", number: 2, at: p.f.foreignHousehold)
            for amount in [Points.zero, Points(hundredths: -100), Points(whole: 10_001)] {
                let error = await refused { _ = try await p.points.grant(residentId: person.id, amount: amount, reason: "奖励", actor: p.staff) }
                #expect(error?.fields["amount"] != nil)
            }
            #expect(await refused { _ = try await p.points.grant(residentId: person.id, amount: Points(whole: 1), reason: "  ", actor: p.staff) }?
                .fields["reason"] != nil)
            #expect(await refused { _ = try await p.points.grant(residentId: stranger.id, amount: Points(whole: 1), reason: "奖励", actor: p.staff) }?
                .kind == .notFound)
            #expect(await refused { _ = try await p.points.grant(residentId: 999_999, amount: Points(whole: 1), reason: "奖励", actor: p.staff) }?
                .kind == .notFound)
            #expect(await refused { _ = try await p.points.grant(residentId: person.id, amount: Points(whole: 1), reason: "奖励", actor: p.f.actor(.resident)) }?
                .kind == .forbidden)
            #expect(try await p.verify().entries == 0)
        }
    }

    @Test(arguments: TestEngine.all)
    func aReversalTakesBackTheWholeAmountOnceAndAReversalIsNeverReversed(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let person = try await p.resident("王大爷", number: 1)
            let grant = try await p.grant(5, to: person.id)
            let reversal = try await p.points.reverse(transferId: grant.id, reason: "录错了人", actor: p.staff)
            #expect(reversal.reversesId == grant.id && reversal.amount == Points(whole: 5) && reversal.purpose == .reversal)
            #expect(try await p.balance(person.id).posted == .zero)
            let again = await refused { _ = try await p.points.reverse(transferId: grant.id, reason: "再冲一次", actor: p.staff) }
            #expect(again?.message == "这笔积分已冲正过")
            let ofReversal = await refused { _ = try await p.points.reverse(transferId: reversal.id, reason: "冲正冲正", actor: p.staff) }
            #expect(ofReversal?.message == "冲正记录不能再冲正，如有错误请另行调整")
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func pointsAlreadySpentCannotBeReversedByStaffAndNothingChanges(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me()
            let grant = try await p.grant(20, to: person.id)
            let item = try await p.item(price: "15")
            _ = try await p.points.redeem(itemId: item.id, actor: me)
            let error = await refused { _ = try await p.points.reverse(transferId: grant.id, reason: "录错了", actor: p.staff) }
            #expect(error?.code == "insufficient_points", "\(String(describing: error))")
            #expect(try await p.balance(person.id).available == Points(whole: 5))
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func theDatabaseRefusesToChangeOrRemoveAJournalEntry(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let person = try await p.resident("王大爷", number: 1)
            let grant = try await p.grant(5, to: person.id)
            for statement in ["UPDATE point_transfers SET amount = 50000 WHERE id = \(grant.id)", "DELETE FROM point_transfers WHERE id = \(grant.id)"] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await system.database.write { tx in try await tx.sql.raw(SQLQueryString(statement)).run() }
                }
            }
            #expect(try await p.verify().entries == 1)
        }
    }

    @Test(arguments: TestEngine.all)
    func verifyNamesTheAccountWhoseStoredBalanceWasEditedAndTheEntryWhoseAmountWas(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let person = try await p.resident("王大爷", number: 1)
            let grant = try await p.grant(5, to: person.id)
            try await system.database.write { tx in
                try await tx.sql.raw("UPDATE point_accounts SET credits_posted = 900 WHERE id = \(bind: grant.creditAccountId)").run()
            }
            let edited = try await p.verify()
            #expect(edited.mismatch?.hasPrefix("point_accounts#\(grant.creditAccountId)「王大爷」") == true, "\(edited.message)")
            // Someone with the database's owner rights takes the guard off and edits the entry itself.
            try await system.database.write { tx in
                try await tx.sql.raw("UPDATE point_accounts SET credits_posted = 500 WHERE id = \(bind: grant.creditAccountId)").run()
                switch tx.engine {
                case .sqlite: try await tx.sql.raw("DROP TRIGGER point_transfers_no_update").run()
                case .postgres: try await tx.sql.raw("DROP TRIGGER point_transfers_no_change ON point_transfers").run()
                }
                try await tx.sql.raw("UPDATE point_transfers SET amount = 700 WHERE id = \(bind: grant.id)").run()
            }
            let forged = try await p.verify()
            #expect(forged.mismatch?.hasPrefix("point_transfers#\(grant.id)") == true, "\(forged.message)")
        }
    }
}
