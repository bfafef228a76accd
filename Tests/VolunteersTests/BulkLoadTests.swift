import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Residents
import Testing
import Volunteers

@Suite("Bulk load of volunteers with their ledger records (district-scale demo, benchmarks)")
struct BulkLoadTests {
    static func service(_ date: String, hours: Int64) -> HistoricService {
        HistoricService(date: date, content: "独居老人探访", place: "社区养老服务站", beneficiary: "独居老人", minutes: hours * 60, lead: "王芳")
    }

    @Test(arguments: TestEngine.all)
    func volunteersArriveApprovedWithNumbersHoursAndStarsSummedFromTheirRecords(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock()) { system in
            let v = try await VolunteerFixture.build(system)
            let regular = try await v.resident("李秀英", number: 1, at: v.f.h1)
            let newcomer = try await v.resident("张伟", number: 2, at: v.f.h1)
            let audits = try await v.auditCount()
            let stored = try await v.volunteers.bulkLoad([
                HistoricVolunteer(residentId: regular.id, skills: ["医护"], availability: ["周末"], approvedAt: Date(timeIntervalSince1970: 1_700_000_000),
                                  services: (1...11).map { Self.service(String(format: "2025-03-%02d", $0), hours: 10) }),
                HistoricVolunteer(residentId: newcomer.id, skills: [], availability: [], approvedAt: Date(timeIntervalSince1970: 1_700_000_000),
                                  services: []),
            ], actor: v.f.cli)
            #expect(stored.volunteers == 2 && stored.records == 11)
            #expect(try await v.auditCount() == audits + 1, "one audit entry for the load")
            let found = try await v.volunteers.search(VolunteerQuery(skill: "医护"), actor: v.staff).items
            let one = try #require(found.first)
            #expect(found.count == 1 && one.name == "李秀英" && one.status == .active)
            #expect(one.certifiedMinutes == 110 * 60 && one.stars == 1, "110 hours: 1★ at the national thresholds")
            #expect(one.number?.hasSuffix("00000001") == true)
            // A registration after the load gets the next id (PostgreSQL's sequence was moved on).
            let (_, later) = try await v.volunteer("赵敏", number: 3, at: v.f.h1)
            #expect(later.id > one.id + 1)
            #expect(try await v.volunteers.recomputedStanding(volunteerId: one.id).stars == 1, "the stored stars match the records")
            // A name fragment finds bulk-loaded and registered volunteers alike (through the grams).
            for (fragment, names) in [("秀英", ["李秀英"]), ("李", ["李秀英"]), ("赵敏", ["赵敏"]), ("张伟", ["张伟"]), ("伟敏", [])] {
                var query = VolunteerQuery(name: fragment)
                query.limit = 10
                let hits = try await v.volunteers.search(query, actor: v.staff)
                #expect(hits.items.map(\.name) == names && hits.total == names.count, "「\(fragment)」")
            }
        }
    }

    /// Above 5,000 matches the list walks the hours index (on SQLite by name): the order must
    /// be the sorted one, page after page. Counting stops past 10,000 (or past the page asked).
    @Test(arguments: TestEngine.all)
    func aLargeScopeIsListedMostHoursFirstPageAfterPageAndCountedUpToTenThousand(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock()) { system in
            let v = try await VolunteerFixture.build(system)
            let count = 10_100
            let drafts = (0..<count).map { ResidentDraft(regionId: v.f.h1.id, name: "志愿者\($0)", idNumber: VolunteerFixture.idNumber($0 + 10)) }
            try await system.residents.bulkLoad(drafts, places: [v.f.h1.id: BulkPlace(path: v.f.h1.path, address: "1号楼101")], actor: v.f.cli)
            let ids = try await system.database.read { tx in
                try await tx.sql.raw("SELECT id FROM residents ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            // Hours from 1 to 7, so that many share them and the id decides.
            let loaded = ids.enumerated().map { index, id in
                HistoricVolunteer(residentId: id, skills: [], availability: [], approvedAt: Date(timeIntervalSince1970: 1_700_000_000),
                                  services: [Self.service("2025-03-01", hours: Int64(1 + index % 7))])
            }
            try await v.volunteers.bulkLoad(loaded, actor: v.f.cli)
            let all = try await system.database.read { tx in
                try await tx.sql.raw("SELECT id, certified_minutes FROM volunteers").all()
                    .map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "certified_minutes", as: Int64.self)) }
            }
            let expected = all.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            for offset in [0, 50, 4_000, 10_050] {
                var query = VolunteerQuery()
                query.offset = offset
                let page = try await v.volunteers.search(query, actor: v.staff)
                #expect(page.items.map(\.id) == Array(expected[offset..<offset + 50]), "page at \(offset)")
                if offset < 10_000 {
                    #expect(page.total == 10_001 && !page.totalExact && page.hasNext, "counting stopped past 10,000")
                } else {
                    #expect(page.total == count && page.totalExact && !page.hasNext, "the last page counts them all")
                }
            }
            var few = VolunteerQuery(name: "志愿者100")
            few.limit = 20
            let narrowed = try await v.volunteers.search(few, actor: v.staff)
            #expect(narrowed.totalExact && narrowed.total == 111, "志愿者100, 1000–1009 and 10000–10099")
        }
    }

    @Test(arguments: TestEngine.all)
    func aLoadWithAnUnknownPersonOrAWrongRecordStoresNothingAndOnlyTheCommandLineMayLoad(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock()) { system in
            let v = try await VolunteerFixture.build(system)
            let person = try await v.resident("李秀英", number: 1, at: v.f.h1)
            func load(_ services: [HistoricService], residentId: Int64? = nil, actor: Actor? = nil) async throws {
                _ = try await v.volunteers.bulkLoad([HistoricVolunteer(residentId: residentId ?? person.id, skills: [], availability: [],
                                                                       approvedAt: Date(), services: services)], actor: actor ?? v.f.cli)
            }
            #expect(await refusal("residentId") { try await load([], residentId: 999_999) } == "居民登记中没有编号 999999 的居民")
            #expect(await refusal("services") { try await load([Self.service("2025-13-01", hours: 1)]) } != nil)
            #expect(await refusal("services") { try await load([Self.service("2025-03-01", hours: 25)]) } != nil)
            let long = HistoricService(date: "2025-03-01", content: String(repeating: "字", count: 201), place: "", beneficiary: "", minutes: 60, lead: "")
            #expect(await refusal("services") { try await load([long]) } != nil)
            #expect(await refusal("residentId") {
                let twice = HistoricVolunteer(residentId: person.id, skills: [], availability: [], approvedAt: Date(), services: [])
                _ = try await v.volunteers.bulkLoad([twice, twice], actor: v.f.cli)
            } == "居民 \(person.id) 在这批中出现了两次")
            await #expect(throws: DomainError.self) { try await load([], actor: v.staff) }
            #expect(try await v.volunteers.search(VolunteerQuery(), actor: v.staff).total == 0, "nothing was stored")
            let (registered, _) = try await v.volunteer("张伟", number: 2, at: v.f.h1)
            #expect(await refusal("residentId") { try await load([], residentId: registered.id) } == "居民 \(registered.id) 已登记为志愿者")
        }
    }
}
