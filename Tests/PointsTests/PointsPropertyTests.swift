import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Testing

@Suite("积分性质: random awards, redemptions, pickups, timeouts, reversals through the service keep the ledger whole")
struct PointsPropertyTests {
    enum Step: CaseIterable { case grant, redeem, pickUp, cancel, wait, reverse, restock, expire }

    /// What the test expects, kept beside the service from its answers.
    struct Model {
        var posted: [Int64: Int64] = [:]
        var pending: [Int64: Int64] = [:]
        var shelf: [Int64: Int] = [:]
        var held: [Int64: (resident: Int64, item: Int64, code: String, points: Int64, until: Int64)] = [:]
        var grants: [(id: Int64, resident: Int64, amount: Int64)] = []
    }

    @Test(arguments: TestEngine.all)
    func twoThousandSeededStepsLeaveEveryBalanceEqualToTheJournalAndNothingBelowZero(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock, configure: { config in
            config[PointsSettings.self] = PointsSettings(environment: ["LINLI_POINTS_EXPIRY_MONTHS": "1"])
        }) { system in
            let p = try await PointsFixture.build(system)
            var random = SeededRandom(seed: 19)
            var people: [Int64] = []
            for n in 0..<6 { people.append(try await p.resident("居民\(n)", number: n).id) }
            var model = Model()
            var items: [ShopItem] = []
            for (n, price) in ["3", "7.5", "12"].enumerated() {
                let item = try await p.item("物品\(n)", price: price, stock: 4, holdHours: 2)
                items.append(item)
                model.shelf[item.id] = 4
            }
            var refusals = 0, expired = 0
            for _ in 0..<2_000 {
                let step = Step.allCases[Int(random.next() % UInt64(Step.allCases.count))]
                let person = people[Int(random.next() % UInt64(people.count))]
                do {
                    switch step {
                    case .grant:
                        let amount = Int64(random.next() % 2_000) + 1
                        let t = try await p.points.grant(residentId: person, amount: Points(hundredths: amount), reason: "奖励", actor: p.staff)
                        model.posted[person, default: 0] += amount
                        model.grants.append((t.id, person, amount))
                    case .redeem:
                        let item = items[Int(random.next() % UInt64(items.count))]
                        let r = try await p.points.redeem(itemId: item.id, for: person, actor: p.staff)
                        model.pending[person, default: 0] += r.points.hundredths
                        model.shelf[item.id]! -= 1
                        model.held[r.id] = (person, item.id, r.code, r.points.hundredths, r.holdUntil)
                    case .pickUp, .cancel:
                        guard let (id, hold) = model.held.sorted(by: { $0.key < $1.key }).first(where: { _ in random.next() % 2 == 0 }) else { continue }
                        if step == .pickUp {
                            _ = try await p.points.pickUp(code: hold.code, actor: p.staff)
                            model.posted[hold.resident, default: 0] -= hold.points
                        } else {
                            _ = try await p.points.cancel(redemptionId: id, actor: p.staff)
                            model.shelf[hold.item]! += 1
                        }
                        model.pending[hold.resident, default: 0] -= hold.points
                        model.held[id] = nil
                    case .wait:
                        clock.advance(seconds: Double(random.next() % 3_600))
                        let overdue = model.held.filter { $0.value.until <= clock.now().millis }.map(\.key)
                        #expect(try await p.points.sweepHolds() == overdue.count)
                        for id in overdue {
                            let hold = model.held[id]!
                            model.pending[hold.resident, default: 0] -= hold.points
                            model.shelf[hold.item]! += 1
                            model.held[id] = nil
                        }
                    case .reverse:
                        guard !model.grants.isEmpty else { continue }
                        let index = Int(random.next() % UInt64(model.grants.count))
                        let grant = model.grants[index]
                        _ = try await p.points.reverse(transferId: grant.id, reason: "录错", actor: p.staff)
                        model.posted[grant.resident, default: 0] -= grant.amount
                        model.grants.remove(at: index)
                    case .expire:
                        // Some days later (a month boundary now and then): what is old and unspent expires.
                        clock.advance(seconds: Double(random.next() % 12) * 86_400)
                        let overdue = model.held.filter { $0.value.until <= clock.now().millis }.map(\.key)
                        _ = try await p.points.sweepHolds()
                        for id in overdue {
                            let hold = model.held[id]!
                            model.pending[hold.resident, default: 0] -= hold.points
                            model.shelf[hold.item]! += 1
                            model.held[id] = nil
                        }
                        let run = try await p.points.runExpiry()
                        for (resident, amount) in run.byResident { model.posted[resident, default: 0] -= amount.hundredths }
                        expired += run.expired
                    case .restock:
                        let item = items[Int(random.next() % UInt64(items.count))]
                        _ = try await p.points.restock(item.id, delta: 2, reason: "补货", actor: p.staff)
                        model.shelf[item.id]! += 2
                    }
                } catch let error as DomainError {
                    // Refusals the rules give: not enough points, out of stock, a grant already spent.
                    #expect(["insufficient_points", "unavailable"].contains(error.code), "\(step): \(error.message)")
                    refusals += 1
                }
            }
            for person in people {
                let balance = try await p.balance(person)
                #expect(balance.posted.hundredths == model.posted[person, default: 0] && balance.debitsPending == model.pending[person, default: 0])
                #expect(balance.available >= .zero)
            }
            for item in items {
                let stored = try await p.points.item(item.id, actor: p.staff)
                #expect(stored.stock == model.shelf[item.id] && stored.stock >= 0)
            }
            let finding = try await p.verify()
            #expect(finding.mismatch == nil, "\(finding.message)")
            #expect(refusals > 0 && refusals < 1_800, "the run exercised both sides: \(refusals) refusals")
            #expect(expired > 0, "some points expired")
        }
    }
}
