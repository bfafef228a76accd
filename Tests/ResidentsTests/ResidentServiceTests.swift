import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Residents
import Testing

@Suite("Resident registry on SQLite and PostgreSQL")
struct ResidentServiceTests {
    static let idNumber = IDNumber.completing("61010319450302002")   // a woman born 1945-03-02
    static let phone = "13912345678"

    static func seed(_ f: Fixture) async throws -> (Resident, Resident, Resident) {
        let staff = f.actor(.communityStaff)
        let r = f.system.residents
        let a = try await r.create(ResidentDraft(regionId: f.h1.id, name: "张伟", idNumber: idNumber, phone: phone,
                                                 relation: .head, tags: ["独居老人", "高龄老人"]), actor: staff)
        let b = try await r.create(ResidentDraft(regionId: f.h1.id, name: "张伟明", birthDate: "2015-06-01", relation: .grandchild,
                                                 tags: ["留守儿童"]), actor: staff)
        let c = try await r.create(ResidentDraft(regionId: f.g3.id, name: "李张氏", phone: "13800000001"), actor: f.actor(.districtAdmin))
        return (a, b, c)
    }

    @Test(arguments: TestEngine.all)
    func personalNumbersAreStoredSealedAndShownMasked(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let (a, _, _) = try await Self.seed(f)
            #expect(a.idNumberMasked == "610103********002" + String(Self.idNumber.last!))
            #expect(a.phoneMasked == "139****5678")
            #expect(a.birthDate == "1945-03-02")
            #expect(a.gender == .female)
            #expect(a.address == "一街道 一社区 一网格 1号楼 1单元 101室")
            let stored = try await system.database.read { tx in
                try await tx.sql.raw("SELECT id_sealed, phone_sealed, id_index FROM residents WHERE id = \(bind: a.id)").first()!
            }
            let sealed = try stored.decode(column: "id_sealed", as: String.self)
            #expect(!sealed.contains(Self.idNumber))
            #expect(!(try stored.decode(column: "phone_sealed", as: String.self)).contains(Self.phone))
            #expect(!(try stored.decode(column: "id_index", as: String.self)).contains(Self.idNumber))
        }
    }

    @Test func theSQLiteFileHoldsNoPersonalNumberInTheClear() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            _ = try await Self.seed(f)
            // Whatever is not yet in the main file is in the WAL: read both as bytes.
            let directory = system.configuration.dataDirectory
            for file in ["linli.sqlite", "linli.sqlite-wal"] {
                let data = FileManager.default.contents(atPath: directory + "/" + file) ?? Data()
                #expect(data.range(of: Data(Self.idNumber.utf8)) == nil, "\(file) contains the ID number")
                #expect(data.range(of: Data(Self.phone.utf8)) == nil, "\(file) contains the phone number")
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func residentsAreFoundByNameFragmentPhoneAndIDNumber(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let (a, b, c) = try await Self.seed(f)
            let admin = f.actor(.districtAdmin)
            func names(_ build: (inout ResidentQuery) -> Void) async throws -> Set<String> {
                var query = ResidentQuery()
                build(&query)
                return Set(try await system.residents.search(query, actor: admin).items.map(\.name))
            }
            #expect(try await names { $0.name = "张伟" } == [a.name, b.name])
            #expect(try await names { $0.name = "伟明" } == [b.name])
            #expect(try await names { $0.name = "张" } == [a.name, b.name, c.name])
            #expect(try await names { $0.phone = "139 1234 5678" } == [a.name])
            #expect(try await names { $0.idNumber = Self.idNumber.lowercased() } == [a.name])
            #expect(try await names { $0.tags = ["独居老人"] } == [a.name])
            #expect(try await names { $0.minAge = 80 } == [a.name])
            #expect(try await names { $0.maxAge = 17 } == [b.name])
            #expect(try await names { $0.regionId = f.g3.id } == [c.name])
            #expect(try await names { $0.address = "三网格" } == [c.name])
        }
    }

    @Test(arguments: TestEngine.all)
    func aGridWorkerNeitherFindsNorOpensAResidentOfAnotherGrid(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let (_, _, c) = try await Self.seed(f)
            let worker = f.actor(.gridWorker)
            var query = ResidentQuery()
            query.phone = "13800000001"
            #expect(try await system.residents.search(query, actor: worker).items.isEmpty)
            await #expect(throws: DomainError.notFound("居民")) { try await system.residents.resident(c.id, actor: worker) }
            await #expect(throws: DomainError.notFound("居民")) { try await system.residents.reveal(c.id, field: .phone, actor: worker) }
            query = ResidentQuery()
            query.regionId = f.g3.id
            await #expect(throws: DomainError.self) { try await system.residents.search(query, actor: worker) }
            await #expect(throws: DomainError.self) {
                try await system.residents.create(ResidentDraft(regionId: f.g3.id, name: "越界"), actor: worker)
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func everyRevealIsAuditedAndNeedsThePermission(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let (a, _, _) = try await Self.seed(f)
            #expect(try await system.residents.reveal(a.id, field: .idNumber, actor: f.actor(.gridWorker)) == Self.idNumber)
            #expect(try await system.residents.reveal(a.id, field: .phone, actor: f.actor(.communityStaff)) == Self.phone)
            await #expect(throws: DomainError.forbidden) {
                try await system.residents.reveal(a.id, field: .phone, actor: f.actor(.socialWorker))
            }
            let entries = try await system.auditTrail.entries(.init(action: "resident.reveal"), actor: f.actor(.districtAdmin))
            #expect(entries.count == 2)
            #expect(Set(entries.map(\.actorName)) == [f.username(.gridWorker), f.username(.communityStaff)])
            // Audit rows never carry the full numbers.
            let all = try await system.auditTrail.entries(.init(entityType: "resident", limit: 200), actor: f.actor(.districtAdmin))
            #expect(all.allSatisfy { !($0.after ?? "").contains(Self.idNumber) && !($0.after ?? "").contains(Self.phone) })
        }
    }

    @Test(arguments: TestEngine.all)
    func oneIDNumberIsOnePerson(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            _ = try await Self.seed(f)
            let before = try await f.auditCount()
            do {
                _ = try await system.residents.create(ResidentDraft(regionId: f.h1.id, name: "重复", idNumber: Self.idNumber),
                                                      actor: f.actor(.communityStaff))
                Issue.record("a second record with the same ID number was created")
            } catch let error as DomainError {
                #expect(error.message.contains("已登记"))
            }
            #expect(try await f.auditCount() == before)
        }
    }

    @Test(arguments: TestEngine.all)
    func twoRegistrationsOfOneIDNumberAtOnceGiveOneResidentAndOneClearError(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for name in ["甲", "乙", "丙", "丁"] {
                    group.addTask {
                        do {
                            _ = try await system.residents.create(ResidentDraft(regionId: f.h1.id, name: name, idNumber: Self.idNumber), actor: staff)
                            return "ok"
                        } catch let error as DomainError {
                            return error.fields["idNumber"] != nil ? "duplicate" : "other: \(error.message)"
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.sorted() == ["duplicate", "duplicate", "duplicate", "ok"])
        }
    }

    @Test(arguments: TestEngine.all)
    func updatesKeepNumbersLeftEmptyAndFollowRegionMoves(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let (a, _, _) = try await Self.seed(f)
            let staff = f.actor(.communityStaff)
            var draft = ResidentDraft(regionId: a.regionId, name: "张伟", notes: "每周走访", tags: ["独居老人"])
            draft.relation = .head
            let updated = try await system.residents.update(a.id, draft, actor: staff)
            #expect(updated.idNumberMasked == a.idNumberMasked)
            #expect(updated.phoneMasked == a.phoneMasked)
            #expect(updated.birthDate == "1945-03-02")
            #expect(updated.tags == ["独居老人"])
            let cleared = try await system.residents.update(a.id, draft, clear: [.phone], actor: staff)
            #expect(cleared.phoneMasked == nil)
            _ = try await system.regions.move(f.g1.id, toParent: f.c2.id, actor: f.actor(.streetAdmin))
            let moved = try await system.residents.resident(a.id, actor: f.actor(.streetAdmin))
            #expect(moved.regionPath.hasPrefix(f.c2.path))
            await #expect(throws: DomainError.self) { try await system.residents.resident(a.id, actor: staff) }
        }
    }

    @Test(arguments: TestEngine.all)
    func aTagIsFoundWhereItsResidentLivesAfterAnUpdateAndARegionMove(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let (a, _, _) = try await Self.seed(f)
            let admin = f.actor(.districtAdmin)
            func lonely(in node: RegionNode) async throws -> [Int64] {
                var query = ResidentQuery()
                query.regionId = node.id
                query.tags = ["独居老人"]
                return try await system.residents.search(query, actor: admin).items.map(\.id)
            }
            #expect(try await lonely(in: f.c1) == [a.id])
            #expect(try await lonely(in: f.c2) == [])
            // She moves to 二网格 (二社区).
            var draft = ResidentDraft(regionId: f.g2.id, name: "张伟", tags: ["独居老人", "高龄老人"])
            draft.relation = .head
            _ = try await system.residents.update(a.id, draft, actor: admin)
            #expect(try await lonely(in: f.c1) == [])
            #expect(try await lonely(in: f.c2) == [a.id])
            // 二网格 moves to 三社区 in the other street.
            _ = try await system.regions.move(f.g2.id, toParent: f.c3.id, actor: f.cli)
            #expect(try await lonely(in: f.c2) == [])
            #expect(try await lonely(in: f.c3) == [a.id])
            #expect(try await lonely(in: f.s2) == [a.id])
            #expect(try await lonely(in: f.district) == [a.id])
        }
    }

    @Test(arguments: TestEngine.all)
    func unknownTagsAreRefusedUntilAnAdminAddsThem(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            await #expect(throws: DomainError.self) {
                try await system.residents.create(ResidentDraft(regionId: f.h1.id, name: "王五", tags: ["新标签"]), actor: f.actor(.communityStaff))
            }
            await #expect(throws: DomainError.forbidden) { try await system.residents.createTag("新标签", actor: f.actor(.communityStaff)) }
            #expect(try await system.residents.createTag("新标签", actor: f.actor(.districtAdmin)).contains("新标签"))
            await #expect(throws: DomainError.self) { try await system.residents.createTag("新标签", actor: f.actor(.districtAdmin)) }
            _ = try await system.residents.create(ResidentDraft(regionId: f.h1.id, name: "王五", tags: ["新标签"]), actor: f.actor(.communityStaff))
        }
    }
}
