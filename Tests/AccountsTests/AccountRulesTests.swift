import Accounts
import LinliKit
import LinliServer
import Regions
import Testing

@Suite("Account rules (pure)")
struct AccountRulesTests {
    @Test(arguments: ["ab", "Has Space", "张三", String(repeating: "a", count: 33), "semi;colon"])
    func badUsernamesAreRefused(name: String) {
        #expect(throws: DomainError.self) { try AccountRules.validateUsername(name) }
    }

    @Test func usernamesAreLowerCased() throws {
        #expect(try AccountRules.validateUsername("WG.Worker") == "wg.worker")
    }

    @Test(arguments: ["short1", "onlyletters", "12345678", String(repeating: "a1", count: 40)])
    func weakPasswordsAreRefused(password: String) {
        #expect(throws: DomainError.self) { try AccountRules.validatePassword(password) }
    }

    @Test func accountsBindToTheLevelTheirRoleWorksAt() throws {
        let grid = RegionNode(id: 4, parentId: 3, level: .grid, code: "x", name: "一网格", path: "/1/2/3/4/", retired: false, childCount: 0)
        try AccountRules.checkBinding(role: .gridWorker, to: grid)
        #expect(throws: DomainError.self) { try AccountRules.checkBinding(role: .streetAdmin, to: grid) }
        #expect(throws: DomainError.self) { try AccountRules.checkBinding(role: .districtAdmin, to: grid) }
    }

    @Test func nobodyCanGrantARoleMorePowerfulThanTheirOwn() {
        let table = LinliPermissions.table
        let byCommunity = table.grantableRoles(by: table.permissions(of: .communityStaff))
        #expect(byCommunity.contains(.gridWorker))
        #expect(byCommunity.contains(.resident))
        #expect(!byCommunity.contains(.streetAdmin))
        #expect(!byCommunity.contains(.districtAdmin))
        let byGridWorker = table.grantableRoles(by: table.permissions(of: .gridWorker))
        #expect(!byGridWorker.contains(.gridLeader))
        #expect(!byGridWorker.contains(.communityStaff))
    }

    @Test func everyDeclaredPermissionIsGrantedToSomeRole() {
        let granted = Set(LinliPermissions.table.grants.values.flatMap { $0 })
        #expect(granted == LinliPermissions.all)
    }

    @Test func fiveFailuresLockAnAccountUntilTheOldestAgesOut() {
        let throttle = LoginThrottle(limit: 5, windowSeconds: 900)
        let now: Int64 = 1_000_000_000
        let four = (1...4).map { now - Int64($0) * 60_000 }
        #expect(throttle.lockedFor(failures: four, now: now) == nil)
        let five = four + [now - 10 * 60_000]
        // The oldest failure (10 min ago) leaves the 15-minute window in 5 minutes.
        #expect(throttle.lockedFor(failures: five, now: now) == 300)
        #expect(throttle.lockedFor(failures: five, now: now + 300_000) == nil)
        #expect(LoginThrottle.message(seconds: 300, perAccount: true) == "该账号登录失败次数过多，请 5 分钟后再试")
    }
}
