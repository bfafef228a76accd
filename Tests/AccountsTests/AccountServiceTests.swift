import Accounts
import LinliKit
import LinliServer
import LinliTestSupport
import Testing

@Suite("Accounts, sessions and tokens on SQLite and PostgreSQL")
struct AccountServiceTests {
    @Test(arguments: TestEngine.all)
    func aCommunityWorkerCannotCreateAStreetAdmin(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            await #expect(throws: DomainError.self) {
                try await system.accounts.create(.init(username: "boss", displayName: "x", role: .streetAdmin, regionId: f.s1.id,
                                                       password: "Passw0rd1"), actor: staff)
            }
            // Nor create anyone outside the community.
            await #expect(throws: DomainError.self) {
                try await system.accounts.create(.init(username: "out.worker", displayName: "x", role: .gridWorker, regionId: f.g2.id,
                                                       password: "Passw0rd1"), actor: staff)
            }
            let worker = try await system.accounts.create(.init(username: "new.worker", displayName: "新网格员", role: .gridWorker,
                                                                regionId: f.g1.id, password: "Passw0rd1"), actor: staff)
            #expect(worker.regionPath == f.g1.path)
            await #expect(throws: DomainError.self) {
                try await system.accounts.create(.init(username: "NEW.worker", displayName: "重名", role: .gridWorker,
                                                       regionId: f.g1.id, password: "Passw0rd1"), actor: staff)
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func accountListsStayInsideTheScope(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let leader = try await system.accounts.list(actor: f.actor(.gridLeader))
            #expect(Set(leader.items.map(\.role)) == [.gridLeader, .gridWorker, .resident])
            let street = try await system.accounts.list(actor: f.actor(.streetAdmin))
            #expect(!street.items.contains { $0.role == .districtAdmin || $0.role == .department })
            await #expect(throws: DomainError.self) {
                try await system.accounts.account(f.accounts[.districtAdmin]!.id, actor: f.actor(.streetAdmin))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func loginCreatesASessionThatASecondInstanceAlsoKnows(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let signedIn = try await system.auth.login(username: "Community.Staff", password: Fixture.password, ip: "10.0.0.1")
            #expect(signedIn.account.role == .communityStaff)
            // A second app instance on the same database resolves the same session.
            let other = try await LinliSystem.open(system.configuration, logger: system.logger, clock: system.clock)
            let authentication = try await other.auth.authenticate(sessionToken: signedIn.sessionToken, ip: nil)
            #expect(authentication?.actor.username == "community.staff")
            #expect(authentication?.csrfToken == signedIn.csrfToken)
            await other.close()
            try await system.auth.logout(sessionToken: signedIn.sessionToken, actor: f.actor(.communityStaff))
            #expect(try await system.auth.authenticate(sessionToken: signedIn.sessionToken, ip: nil) == nil)
            // The session id is stored only as a digest.
            let stored = try await system.database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM sessions WHERE id_hash = \(bind: signedIn.sessionToken)").first()!
                    .decode(column: "n", as: Int.self)
            }
            #expect(stored == 0)
        }
    }

    @Test(arguments: TestEngine.all)
    func aStrangersFailuresSlowOnlyHimAndTheOwnerIsTold(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            _ = try await Fixture.build(system)
            func attempt(_ password: String, from ip: String) async -> DomainError? {
                do { _ = try await system.auth.login(username: "grid.worker", password: password, ip: ip); return nil }
                catch let error as DomainError { return error } catch { return DomainError.badRequest("\(error)") }
            }
            // Three free failures, then a wait that doubles after every further one.
            for _ in 1...3 { #expect(await attempt("wrong-password1", from: "10.0.0.2")?.status == 401) }
            let slowed = await attempt("wrong-password1", from: "10.0.0.2")
            #expect(slowed?.status == 429)
            #expect(slowed?.message.contains("登录失败次数较多，请 2 秒后再试") == true)
            clock.advance(seconds: 3)
            #expect(await attempt("wrong-password1", from: "10.0.0.2")?.status == 401)
            #expect(await attempt(Fixture.password, from: "10.0.0.2")?.message.contains("4 秒后") == true)
            // The owner, from her own address, is not locked out, and hears of the four failures.
            let owner = try await system.auth.login(username: "grid.worker", password: Fixture.password, ip: "10.0.0.3")
            #expect(owner.failedAttempts == 4)
            let again = try await system.auth.login(username: "grid.worker", password: Fixture.password, ip: "10.0.0.3")
            #expect(again.failedAttempts == 0)
        }
    }

    @Test(arguments: TestEngine.all)
    func concurrentGuessesAreCountedBeforeTheirPasswordsAreChecked(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            _ = try await Fixture.build(system)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        do { _ = try await system.auth.login(username: "grid.worker", password: "wrong-password1", ip: "10.0.0.2"); return 200 }
                        catch let error as DomainError { return error.status }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            // Three free attempts; every other one waits, however many arrive at once.
            #expect(statuses.filter { $0 == 401 }.count == 3)
            #expect(statuses.filter { $0 == 429 }.count == 7)
        }
    }

    @Test(arguments: TestEngine.all)
    func oneAddressFailingAcrossManyAccountsIsStopped(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            _ = try await Fixture.build(system)
            for n in 1...20 {
                await #expect(throws: DomainError.self) {
                    try await system.auth.login(username: "nobody\(n)", password: "wrong-password1", ip: "10.0.0.9")
                }
            }
            do {
                _ = try await system.auth.login(username: "grid.worker", password: Fixture.password, ip: "10.0.0.9")
                Issue.record("an address past its limit signed in")
            } catch let error as DomainError {
                #expect(error.status == 429)
                #expect(error.message.contains("此网络地址登录失败次数过多"))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func changingOnesPasswordEndsOtherSessionsButNotThisOne(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let here = try await system.auth.login(username: "grid.worker", password: Fixture.password, ip: "10.0.0.3")
            let elsewhere = try await system.auth.login(username: "grid.worker", password: Fixture.password, ip: "10.0.0.4")
            let other = try await system.auth.login(username: "community.staff", password: Fixture.password, ip: "10.0.0.5")
            try await system.accounts.changeOwnPassword(current: Fixture.password, new: "NewPassw0rd", actor: f.actor(.gridWorker),
                                                        keepingSession: here.sessionToken)
            #expect(try await system.auth.authenticate(sessionToken: here.sessionToken, ip: nil) != nil)
            #expect(try await system.auth.authenticate(sessionToken: elsewhere.sessionToken, ip: nil) == nil)
            #expect(try await system.auth.authenticate(sessionToken: other.sessionToken, ip: nil) != nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func aDisabledAccountCannotSignInAndLosesItsSessions(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let session = try await system.auth.login(username: "grid.worker", password: Fixture.password, ip: nil)
            _ = try await system.accounts.setDisabled(f.accounts[.gridWorker]!.id, disabled: true, actor: f.actor(.communityStaff))
            #expect(try await system.auth.authenticate(sessionToken: session.sessionToken, ip: nil) == nil)
            do {
                _ = try await system.auth.login(username: "grid.worker", password: Fixture.password, ip: nil)
                Issue.record("a disabled account signed in")
            } catch let error as DomainError {
                #expect(error.message == "该账号已停用，请联系管理员")
            }
            // A community worker cannot disable a street admin, nor themselves.
            await #expect(throws: DomainError.self) {
                try await system.accounts.setDisabled(f.accounts[.streetAdmin]!.id, disabled: true, actor: f.actor(.communityStaff))
            }
            await #expect(throws: DomainError.self) {
                try await system.accounts.setDisabled(f.accounts[.communityStaff]!.id, disabled: true, actor: f.actor(.communityStaff))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func apiTokensActAsTheirAccountUntilRevoked(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let admin = f.actor(.districtAdmin)
            let issued = try await system.auth.issueToken(forUser: "department", name: "12345 热线对接", actor: admin)
            #expect(issued.secret.hasPrefix("lnl_"))
            let authentication = try await system.auth.authenticate(bearerToken: issued.secret, ip: nil)
            #expect(authentication?.actor.role == .department)
            #expect(authentication?.actor.scope.path == f.district.path)
            _ = try await system.auth.revokeToken(issued.token.id, actor: admin)
            #expect(try await system.auth.authenticate(bearerToken: issued.secret, ip: nil) == nil)
            await #expect(throws: DomainError.forbidden) {
                try await system.auth.issueToken(forUser: "department", name: "x", actor: f.actor(.streetAdmin))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func changingOnesOwnPasswordNeedsTheCurrentOne(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let actor = f.actor(.resident)
            await #expect(throws: DomainError.self) {
                try await system.accounts.changeOwnPassword(current: "wrong", new: "NewPassw0rd", actor: actor)
            }
            try await system.accounts.changeOwnPassword(current: Fixture.password, new: "NewPassw0rd", actor: actor)
            _ = try await system.auth.login(username: "resident", password: "NewPassw0rd", ip: nil)
        }
    }
}

extension Authentication: Equatable {
    public static func == (lhs: Authentication, rhs: Authentication) -> Bool { lhs.actor.userId == rhs.actor.userId }
}
