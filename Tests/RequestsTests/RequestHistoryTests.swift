import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("Historic requests loaded in bulk, on SQLite and PostgreSQL")
struct RequestHistoryTests {
    /// The same life as `closedAndRated`, copied into a `HistoricRequest`.
    static func copy(_ detail: RequestDetail, _ f: Fixture) -> HistoricRequest {
        let r = detail.request
        return HistoricRequest(
            item: detail.item, channel: r.channel, description: r.description, regionId: r.regionId, regionPath: r.regionPath,
            place: r.place, contactName: r.contactName, phone: "13912345678", enteredBy: nil, handlerPath: f.g1.path, progress: r.progress,
            events: detail.events.map {
                HistoricEvent(kind: $0.kind, fromState: $0.fromState, toState: $0.toState, actorUserId: $0.actorUserId, actorName: $0.actorName,
                              actorRole: $0.actorRole, note: $0.note, isInternal: $0.isInternal, data: $0.data, at: $0.at)
            })
    }

    static func closedAndRated(_ f: Fixture, clock: ManualClock) async throws -> RequestDetail {
        let staff = f.actor(.communityStaff), worker = f.actor(.gridWorker)
        let id = try await f.dispatchedStreetlight().id
        clock.advance(seconds: 1800)
        _ = try await f.requests.act(id, .claim, actor: worker)
        clock.advance(seconds: 7200)
        _ = try await f.requests.act(id, .report(result: "已更换灯泡"), actor: worker)
        _ = try await f.requests.act(id, .verifyPass(note: nil), actor: f.actor(.gridLeader))
        return try await f.requests.act(id, .rate(score: 4, comment: nil), actor: staff)
    }

    @Test(arguments: TestEngine.all)
    func aBulkLoadedRequestReadsCountsAndMovesOnLikeOneMadeThroughTheService(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(shanghai("2026-11-23", 9))) { system in
            let f = try await Fixture.build(system)
            let clock = system.clock as! ManualClock
            let original = try await Self.closedAndRated(f, clock: clock)
            let period = try MetricPeriod(from: LocalDay("2026-11-01")!, to: LocalDay("2026-11-30")!)
            let admin = f.actor(.districtAdmin)
            let before = try await f.requests.metrics(regionId: nil, period: period, actor: admin).metrics.counts

            #expect(try await f.requests.bulkLoad([Self.copy(original, f), Self.copy(original, f)], actor: f.cli) == 2)

            let loadedId = original.request.id + 2
            let loaded = try await f.requests.detail(loadedId, actor: f.actor(.communityStaff))
            #expect(loaded.request.progress == original.request.progress)
            #expect(loaded.request.phoneMasked == "139****5678" && loaded.request.trackingCode != original.request.trackingCode)
            #expect(loaded.events.map(\.kind) == original.events.map(\.kind))
            #expect(loaded.events.map(\.toState) == original.events.map(\.toState))
            #expect(loaded.handler?.id == f.accounts[.gridWorker]!.id)

            // Counted by the metrics exactly as the original is.
            let after = try await f.requests.metrics(regionId: nil, period: period, actor: admin).metrics.counts
            #expect(after.submitted == before.submitted + 2 && after.closed == before.closed + 2)
            #expect(after.ratings == before.ratings + 2 && after.satisfiedRatings == before.satisfiedRatings + 2)
            #expect(after.handleMinutes == before.handleMinutes * 3)

            // Its version matches its trace, so the workflow goes on from it; new ids come after it.
            _ = try await f.requests.act(loadedId, .comment(text: "补录的历史诉求"), actor: f.actor(.communityStaff))
            let next = try await f.submitStreetlight().request
            #expect(next.id == loadedId + 1)

            // One audit entry for the whole batch.
            let audit = try await system.database.read { tx in
                try await tx.sql.raw("SELECT after_json FROM audit_log WHERE action = 'request.bulk_load'").all()
            }
            #expect(try audit.map { try $0.decode(column: "after_json", as: String.self) } == [#"{"rows":"2"}"#])
        }
    }

    @Test(arguments: TestEngine.all)
    func onlyTheCommandLineMayLoadHistoryAndABrokenBatchLoadsNothing(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(shanghai("2026-11-23", 9))) { system in
            let f = try await Fixture.build(system)
            let original = try await Self.closedAndRated(f, clock: system.clock as! ManualClock)
            let count = try await f.requestCount()
            for role in [Role.districtAdmin, .streetAdmin, .communityStaff, .gridWorker, .resident] {
                await #expect(throws: DomainError.self) { try await f.requests.bulkLoad([Self.copy(original, f)], actor: f.actor(role)) }
            }
            var headless = Self.copy(original, f)
            headless.events.removeFirst()
            var badPhone = Self.copy(original, f)
            badPhone.phone = "12345"
            for broken in [headless, badPhone] {
                await #expect(throws: DomainError.self) { try await f.requests.bulkLoad([Self.copy(original, f), broken], actor: f.cli) }
            }
            #expect(try await f.requestCount() == count)
        }
    }
}
