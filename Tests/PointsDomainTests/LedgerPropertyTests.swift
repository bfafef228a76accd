import LinliKit
import Points
import Testing

/// Random sequences of awards, holds, pickups, timeouts, spends and reversals through the rules,
/// against a journal kept beside them: whatever the sequence, Σ balances = 0, every balance is
/// the journal's sum, and no person's balance falls below zero.
@Suite("积分账本: invariants over random sequences")
struct LedgerPropertyTests {
    struct Transfer {
        let debit: Int, credit: Int, amount: Points
        var state: TransferState
        let reverses: Int?
        var reversed = false
    }

    struct Ledger {
        var kinds: [AccountKind]
        var balances: [AccountBalance]
        var journal: [Transfer] = []

        init(people: Int) {
            kinds = [.issuance, .shop, .expired] + Array(repeating: AccountKind.person, count: people)
            balances = Array(repeating: AccountBalance(), count: kinds.count)
        }

        mutating func open(_ amount: Points, from d: Int, to c: Int, pending: Bool, reverses: Int? = nil) -> Bool {
            guard let (debit, credit) = try? LedgerRules.open(amount, debit: .init(kind: kinds[d], balance: balances[d]),
                                                              credit: .init(kind: kinds[c], balance: balances[c]), sameAccount: d == c,
                                                              pending: pending) else { return false }
            balances[d] = debit
            balances[c] = credit
            journal.append(Transfer(debit: d, credit: c, amount: amount, state: pending ? .pending : .posted, reverses: reverses))
            return true
        }

        mutating func resolve(_ index: Int, _ resolution: Resolution) {
            let t = journal[index]
            guard let (state, debit, credit) = try? LedgerRules.resolve(t.state, resolution, amount: t.amount, debit: balances[t.debit],
                                                                         credit: balances[t.credit]) else {
                #expect(t.state != .pending, "a pending transfer always resolves")
                return
            }
            journal[index].state = state
            balances[t.debit] = debit
            balances[t.credit] = credit
        }

        mutating func reverse(_ index: Int) {
            let t = journal[index]
            guard (try? LedgerRules.mayReverse(state: t.state, isReversal: t.reverses != nil, reversedBefore: t.reversed)) != nil else { return }
            if open(t.amount, from: t.credit, to: t.debit, pending: false, reverses: index) { journal[index].reversed = true }
        }

        /// The four sums of every account, recomputed from the journal alone.
        func recomputed() -> [AccountBalance] {
            var sums = Array(repeating: AccountBalance(), count: kinds.count)
            for t in journal {
                switch t.state {
                case .pending:
                    sums[t.debit].debitsPending += t.amount.hundredths
                    sums[t.credit].creditsPending += t.amount.hundredths
                case .posted:
                    sums[t.debit].debitsPosted += t.amount.hundredths
                    sums[t.credit].creditsPosted += t.amount.hundredths
                case .voided, .expired:
                    break
                }
            }
            return sums
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 20261202])
    func anySequenceKeepsTheSumAtZeroTheBalancesEqualToTheJournalAndNoPersonBelowZero(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var ledger = Ledger(people: 40)
        let people = 3..<ledger.kinds.count
        for _ in 0..<5_000 {
            let amount = Points(hundredths: Int64.random(in: 1...2_000, using: &random))
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<35: _ = ledger.open(amount, from: 0, to: Int.random(in: people, using: &random), pending: false)  // award
            case 35..<55: _ = ledger.open(amount, from: Int.random(in: people, using: &random), to: 1, pending: true)  // redemption hold
            case 55..<75:
                if let i = ledger.journal.indices.filter({ ledger.journal[$0].state == .pending }).randomElement(using: &random) {
                    ledger.resolve(i, [.post, .void, .expire].randomElement(using: &random)!)  // pickup, cancel, timeout
                }
            case 75..<85: _ = ledger.open(amount, from: Int.random(in: people, using: &random), to: 2, pending: false)  // expiry
            case 85..<92:
                if let i = ledger.journal.indices.randomElement(using: &random) { ledger.reverse(i) }
            default:
                if let i = ledger.journal.indices.randomElement(using: &random) {
                    ledger.resolve(i, .post)  // a retried pickup: refused unless still pending
                }
            }
        }
        #expect(ledger.balances.reduce(Int64(0)) { $0 + $1.posted.hundredths } == 0, "Σ posted balances = 0")
        #expect(ledger.balances.reduce(Int64(0)) { $0 + $1.creditsPending - $1.debitsPending } == 0, "Σ pending = 0")
        #expect(ledger.balances == ledger.recomputed(), "every balance is the journal's sum")
        for p in people {
            #expect(ledger.balances[p].available >= .zero, "person \(p) below zero")
        }
        #expect(ledger.journal.filter { $0.reverses != nil }.count == Set(ledger.journal.compactMap(\.reverses)).count, "each reversed once")
        #expect(ledger.journal.count > 1_000)
    }
}
