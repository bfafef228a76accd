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

    @Test func nobodyCanGrantARoleMorePowerfulThanTheirOwn() throws {
        let table = try LinliPermissions.table
        let byCommunity = table.grantableRoles(by: table.permissions(of: .communityStaff))
        #expect(byCommunity.contains(.gridWorker))
        #expect(byCommunity.contains(.resident))
        #expect(!byCommunity.contains(.streetAdmin))
        #expect(!byCommunity.contains(.districtAdmin))
        let byGridWorker = table.grantableRoles(by: table.permissions(of: .gridWorker))
        #expect(!byGridWorker.contains(.gridLeader))
        #expect(!byGridWorker.contains(.communityStaff))
    }

    @Test func everyDeclaredPermissionIsGrantedToSomeRole() throws {
        let granted = Set(try LinliPermissions.table.grants.values.flatMap { $0 })
        #expect(try granted == LinliPermissions.all)
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
        #expect(LoginThrottle.message(seconds: 300) == "此网络地址登录失败次数过多，请 5 分钟后再试")
    }

    @Test func anAccountFromOneAddressWaitsLongerAfterEachFailure() {
        let backoff = LoginBackoff.standard
        #expect((0...8).map(backoff.delaySeconds(afterFailures:)) == [0, 0, 0, 2, 4, 8, 16, 32, 64])
        #expect(backoff.delaySeconds(afterFailures: 40) == 900)
        let now: Int64 = 1_000_000_000
        #expect(backoff.waitFor(failures: [now - 3_000, now - 2_000], now: now) == nil)
        #expect(backoff.waitFor(failures: [now - 3_000, now - 2_000, now - 1_000], now: now) == 1)
        #expect(backoff.waitFor(failures: [now - 3_000, now - 2_000, now - 1_000], now: now + 1_000) == nil)
        // Failures older than the window are forgotten.
        #expect(backoff.waitFor(failures: (1...10).map { now - 16 * 60_000 - $0 }, now: now) == nil)
        // A district's own setting: one free attempt, at most a minute.
        let strict = LoginBackoff(freeAttempts: 1, maxDelaySeconds: 60, windowSeconds: 600)
        #expect((0...7).map(strict.delaySeconds(afterFailures:)) == [0, 2, 4, 8, 16, 32, 60, 60])
        #expect(LoginBackoff.message(seconds: 8) == "登录失败次数较多，请 8 秒后再试")
        #expect(LoginBackoff.message(seconds: 61) == "登录失败次数较多，请 2 分钟后再试")
    }
}
