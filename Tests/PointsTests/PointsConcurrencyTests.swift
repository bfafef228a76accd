import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Testing

@Suite("兑换并发: stock and balances decided under the item's and the account's locks, on SQLite and PostgreSQL")
struct PointsConcurrencyTests {
    @Test(arguments: TestEngine.all)
    func oneHundredConcurrentRedemptionsOfTenInStockGiveExactlyTenHolds(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            var people: [Int64] = []
            for n in 0..<100 {
                let person = try await p.resident("居民\(n)", number: n)
                try await p.grant(10, to: person.id)
                people.append(person.id)
            }
            let item = try await p.item("爱心礼包", price: "5", stock: 10)
            let staff = p.staff
            let answers = await withTaskGroup(of: String.self) { group in
                for id in people {
                    group.addTask {
                        do { return try await p.points.redeem(itemId: item.id, for: id, actor: staff).state.rawValue }
                        catch let error as DomainError { return error.message } catch { return "\(error)" }
                    }
                }
                var all: [String] = []
                for await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.filter { $0 == "held" }.count == 10)
            #expect(answers.filter { $0 == "已兑完，请等补货" }.count == 90, "\(Set(answers))")
            let shelf = try await p.points.item(item.id, actor: staff)
            #expect(shelf.stock == 0 && shelf.held == 10)
            let finding = try await p.verify()
            #expect(finding.mismatch == nil, "\(finding.message)")
        }
    }

    @Test(arguments: TestEngine.all)
    func fiftyConcurrentSpendsFromAnAccountThatCanPayForFiveGiveExactlyFive(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me()
            try await p.grant(25, to: person.id)
            let item = try await p.item("公交卡充值", price: "5", stock: 100)
            let answers = await withTaskGroup(of: String.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        do { return try await p.points.redeem(itemId: item.id, actor: me).state.rawValue }
                        catch let error as DomainError { return error.code } catch { return "\(error)" }
                    }
                }
                var all: [String] = []
                for await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.filter { $0 == "held" }.count == 5)
            #expect(answers.filter { $0 == "insufficient_points" }.count == 45, "\(Set(answers))")
            let balance = try await p.balance(person.id)
            #expect(balance.available == .zero && balance.debitsPending == 2500)
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func concurrentAwardsWithOneKeyPostOnce(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let person = try await p.resident("王大爷", number: 1)
            let earning = PointEarning(.resident(person.id), deed: .service(minutes: 90, category: nil), key: "service_record:77", memo: "探访 1.5 小时")
            let cli = p.f.cli
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await system.database.write { tx in try await p.points.award(tx, [earning], actor: cli) } }
                }
                try await group.waitForAll()
            }
            #expect(try await p.balance(person.id).posted == Points(hundredths: 150))
            #expect(try await p.verify().entries == 1)
        }
    }
}
