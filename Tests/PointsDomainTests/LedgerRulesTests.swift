import Points
import Testing

@Suite("积分账本: transfers, holds and reversals as rules")
struct LedgerRulesTests {
    static func person(_ credits: Int64, pending: Int64 = 0) -> LedgerRules.Side {
        .init(kind: .person, balance: AccountBalance(debitsPending: pending, creditsPosted: credits))
    }
    static let issuance = LedgerRules.Side(kind: .issuance, balance: AccountBalance())

    @Test func anAwardFromIssuanceMayTakeTheSystemAccountNegativeAndCreditsThePerson() throws {
        let (debit, credit) = try LedgerRules.open(Points(whole: 3), debit: Self.issuance, credit: Self.person(0), pending: false)
        #expect(debit.posted == Points(whole: -3) && credit.posted == Points(whole: 3))
    }

    @Test(arguments: [(Int64(0), "积分数应大于 0"), (-100, "积分数应大于 0")])
    func anAmountThatIsNotPositiveIsRefused(hundredths: Int64, message: String) {
        #expect(throws: LedgerRefusal.notPositive) {
            _ = try LedgerRules.open(Points(hundredths: hundredths), debit: Self.issuance, credit: Self.person(0), pending: false)
        }
        #expect(LedgerRefusal.notPositive.message == message)
    }

    @Test func aTransferToTheSameAccountIsRefused() {
        #expect(throws: LedgerRefusal.sameAccount) {
            _ = try LedgerRules.open(Points(whole: 1), debit: Self.person(500), credit: Self.person(500), sameAccount: true, pending: false)
        }
    }

    /// debits posted + debits pending + amount ≤ credits posted, for people.
    @Test(arguments: [
        (credits: Int64(1000), held: Int64(0), ask: Int64(1000), ok: true),
        (credits: 1000, held: 0, ask: 1001, ok: false),
        (credits: 1000, held: 400, ask: 600, ok: true),
        (credits: 1000, held: 400, ask: 601, ok: false),
        (credits: 0, held: 0, ask: 1, ok: false),
    ])
    func aPersonSpendsOnlyWhatIsPostedAndNotAlreadyHeld(credits: Int64, held: Int64, ask: Int64, ok: Bool) {
        let spend = { try LedgerRules.open(Points(hundredths: ask), debit: Self.person(credits, pending: held),
                                           credit: .init(kind: .shop, balance: AccountBalance()), pending: true) }
        if ok {
            #expect(throws: Never.self) { _ = try spend() }
        } else {
            #expect(throws: LedgerRefusal.insufficient(available: Points(hundredths: credits - held), asked: Points(hundredths: ask))) {
                _ = try spend()
            }
        }
    }

    @Test func pendingCreditsCannotBeSpentUntilPosted() {
        var balance = AccountBalance()
        balance.creditsPending = 500
        #expect(throws: LedgerRefusal.insufficient(available: .zero, asked: Points(hundredths: 1))) {
            _ = try LedgerRules.open(Points(hundredths: 1), debit: .init(kind: .person, balance: balance), credit: Self.issuance, pending: false)
        }
    }

    /// Every state × every resolution: only a pending transfer resolves, and to the state asked.
    @Test(arguments: TransferState.allCases, Resolution.allCases)
    func aPendingTransferResolvesExactlyOnce(state: TransferState, resolution: Resolution) throws {
        let held = AccountBalance(debitsPending: 300, creditsPosted: 1000)
        let shop = AccountBalance(creditsPending: 300)
        guard state == .pending else {
            #expect(throws: LedgerRefusal.resolved(state)) {
                _ = try LedgerRules.resolve(state, resolution, amount: Points(hundredths: 300), debit: held, credit: shop)
            }
            return
        }
        let (after, debit, credit) = try LedgerRules.resolve(state, resolution, amount: Points(hundredths: 300), debit: held, credit: shop)
        #expect(debit.debitsPending == 0 && credit.creditsPending == 0)
        switch resolution {
        case .post:
            #expect(after == .posted && debit.posted == Points(hundredths: 700) && credit.posted == Points(hundredths: 300))
        case .void, .expire:
            #expect(after == (resolution == .void ? .voided : .expired))
            #expect(debit.posted == Points(hundredths: 1000) && credit.posted == .zero, "stock and points return")
        }
    }

    @Test(arguments: [
        (TransferState.posted, false, false, nil as LedgerRefusal?),
        (.posted, true, false, .reversalOfReversal),
        (.posted, false, true, .alreadyReversed),
        (.pending, false, false, .notPosted(.pending)),
        (.voided, false, false, .notPosted(.voided)),
        (.expired, false, false, .notPosted(.expired)),
    ])
    func onlyAPostedTransferThatIsNoReversalIsReversedAndOnlyOnce(state: TransferState, isReversal: Bool, reversed: Bool,
                                                                  refusal: LedgerRefusal?) {
        if let refusal {
            #expect(throws: refusal) { try LedgerRules.mayReverse(state: state, isReversal: isReversal, reversedBefore: reversed) }
        } else {
            #expect(throws: Never.self) { try LedgerRules.mayReverse(state: state, isReversal: isReversal, reversedBefore: reversed) }
        }
    }

    @Test(arguments: [(Int64(1200), "12"), (180, "1.8"), (105, "1.05"), (-5, "-0.05"), (0, "0")])
    func pointsAreShownWithDecimalsOnlyWhenThereAreSome(hundredths: Int64, text: String) {
        #expect(Points(hundredths: hundredths).description == text)
    }
}
