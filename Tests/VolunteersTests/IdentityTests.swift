import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Residents
import Testing

@Suite("实名认证: an account bound to its registry person by name and ID number, once")
struct IdentityTests {
    @Test(arguments: TestEngine.all)
    func theNameAndTheNumberMustBothMatchSomeoneInTheAccountsOwnArea(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let v = try await VolunteerFixture.build(system)
            let me = v.f.actor(.resident)
            _ = try await v.resident("孙阿姨", number: 1, at: v.f.h1)
            _ = try await v.resident("外区居民", number: 2, at: v.f.foreignHousehold)
            let audits = try await v.auditCount()
            let wrongName = await refusal("idNumber") { _ = try await system.residents.identify(idNumber: VolunteerFixture.idNumber(1), name: "孙阿", actor: me) }
            let elsewhere = await refusal("idNumber") { _ = try await system.residents.identify(idNumber: VolunteerFixture.idNumber(2), name: "外区居民", actor: me) }
            #expect(wrongName == elsewhere, "a wrong name and a number from elsewhere read the same")
            #expect(try await v.auditCount() == audits)
            let bound = try await system.residents.identify(idNumber: VolunteerFixture.idNumber(1), name: " 孙阿姨 ", actor: me)
            #expect(bound.name == "孙阿姨")
            #expect(try await system.residents.identify(idNumber: VolunteerFixture.idNumber(1), name: "孙阿姨", actor: me).id == bound.id, "again: no-op")
            // Nobody else can take her over.
            let other = v.f.actor(.volunteer)
            let taken = await refusal("idNumber") { _ = try await system.residents.identify(idNumber: VolunteerFixture.idNumber(1), name: "孙阿姨", actor: other) }
            #expect(taken?.contains("另一个账号") == true)
            #expect(try await system.residents.identity(ofUser: v.f.accounts[.resident]!.id)?.id == bound.id)
        }
    }
}
