import Resources
import Testing

@Suite("捐赠去向: an allocation never takes more than is left of a donation")
struct AllocationRulesTests {
    static let cases: [(DonationBalance, Int64, Result<Int64, AllocationRefusal>)] = [
        (.init(kind: .money, quantity: 500_000, allocated: 0, unit: "分"), 200_000, .success(300_000)),
        (.init(kind: .money, quantity: 500_000, allocated: 300_000, unit: "分"), 200_000, .success(0)),
        (.init(kind: .money, quantity: 500_000, allocated: 300_001, unit: "分"), 200_000,
         .failure(.overRemainder(asked: "¥2000.00", left: "¥1999.99"))),
        (.init(kind: .goods, quantity: 30, allocated: 28, unit: "箱"), 3, .failure(.overRemainder(asked: "3 箱", left: "2 箱"))),
        (.init(kind: .goods, quantity: 30, allocated: 28, unit: "箱"), 2, .success(0)),
        (.init(kind: .goods, quantity: 30, allocated: 0, unit: "箱"), 0, .failure(.notPositive)),
        (.init(kind: .money, quantity: 100, allocated: 0, unit: "分"), -5, .failure(.notPositive)),
    ]

    @Test(arguments: cases)
    func allocating(balance: DonationBalance, amount: Int64, expected: Result<Int64, AllocationRefusal>) {
        #expect(balance.allocating(amount).map(\.remainder) == expected)
    }

    @Test func theRefusalSaysWhatIsLeft() {
        let balance = DonationBalance(kind: .goods, quantity: 10, allocated: 9, unit: "袋")
        #expect(throws: AllocationRefusal.self) { try balance.allocating(2).get() }
        #expect(AllocationRefusal.overRemainder(asked: "2 袋", left: "1 袋").message == "这笔捐赠只剩 1 袋，不能分配 2 袋")
        #expect(DonationBalance(kind: .money, quantity: 5, allocated: 0, unit: "分").describe(5) == "¥0.05")
    }
}
