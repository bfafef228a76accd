import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Residents
import Testing

@Suite("Data key rotation on SQLite and PostgreSQL")
struct DataKeyRotationTests {
    static let phone = "13912345678"

    static func seed(_ f: Fixture) async throws -> Resident {
        try await f.system.residents.create(ResidentDraft(regionId: f.h1.id, name: "王芳", idNumber: IDNumber.completing("61010319450302002"),
                                                          phone: phone), actor: f.actor(.communityStaff))
    }

    static func keyText(_ system: LinliSystem) -> String? {
        FileManager.default.contents(atPath: DataKeyRotation.keyPath(system.configuration.dataDirectory)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: TestEngine.all)
    func afterARotationEverythingStillReadsAndMatches(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let resident = try await Self.seed(f)
            let before = try #require(Self.keyText(system))
            let sealedBefore = try await system.database.read { tx in
                try await tx.sql.raw("SELECT phone_sealed FROM residents WHERE id = \(bind: resident.id)").first()!.decode(column: "phone_sealed", as: String.self)
            }
            #expect(try await system.rotateDataKey(newKeyBase64: nil) == 2)
            #expect(Self.keyText(system) != before)
            let retired = try FileManager.default.contentsOfDirectory(atPath: system.configuration.dataDirectory).filter { $0.hasPrefix("linli.key.retired-") }
            #expect(retired.count == 1)
            // A fresh start reads the data under the new key, and exact search still finds it.
            let restarted = try await LinliSystem.open(system.configuration, logger: system.logger, clock: system.clock)
            #expect(try await restarted.residents.reveal(resident.id, field: .phone, actor: f.actor(.communityStaff)) == Self.phone)
            var query = ResidentQuery()
            query.phone = Self.phone
            #expect(try await restarted.residents.search(query, actor: f.actor(.communityStaff)).items.map(\.id) == [resident.id])
            let sealedAfter = try await restarted.database.read { tx in
                try await tx.sql.raw("SELECT phone_sealed FROM residents WHERE id = \(bind: resident.id)").first()!.decode(column: "phone_sealed", as: String.self)
            }
            #expect(sealedAfter != sealedBefore)
            await restarted.close()
            let entries = try await system.auditTrail.entries(.init(action: "data_key.rotate"), actor: f.actor(.districtAdmin))
            #expect(entries.count == 1)
        }
    }

    @Test(arguments: TestEngine.all)
    func aRotationInterruptedBeforeItsTransactionIsUndoneAtTheNextStart(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let resident = try await Self.seed(f)
            let key = try #require(Self.keyText(system))
            // The new key file was written, then the process died.
            let next = DataKeyRotation.nextPath(system.configuration.dataDirectory)
            _ = FileManager.default.createFile(atPath: next, contents: Data("\(Data(repeating: 7, count: 32).base64EncodedString())\n".utf8))
            let restarted = try await LinliSystem.open(system.configuration, logger: system.logger, clock: system.clock)
            #expect(!FileManager.default.fileExists(atPath: next))
            #expect(Self.keyText(system) == key)
            #expect(try await restarted.residents.reveal(resident.id, field: .phone, actor: f.actor(.communityStaff)) == Self.phone)
            await restarted.close()
        }
    }

    @Test(arguments: TestEngine.all)
    func aRotationInterruptedAfterItsTransactionIsFinishedAtTheNextStart(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let resident = try await Self.seed(f)
            _ = try await system.rotateDataKey(newKeyBase64: nil)
            // Put the files back as they were between the commit and the swap.
            let directory = system.configuration.dataDirectory
            let retired = try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasPrefix("linli.key.retired-") }!
            try FileManager.default.moveItem(atPath: DataKeyRotation.keyPath(directory), toPath: DataKeyRotation.nextPath(directory))
            try FileManager.default.moveItem(atPath: directory + "/" + retired, toPath: DataKeyRotation.keyPath(directory))
            let restarted = try await LinliSystem.open(system.configuration, logger: system.logger, clock: system.clock)
            #expect(!FileManager.default.fileExists(atPath: DataKeyRotation.nextPath(directory)))
            #expect(try await restarted.residents.reveal(resident.id, field: .phone, actor: f.actor(.communityStaff)) == Self.phone)
            await restarted.close()
        }
    }
}
