import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("HTTP: the home page is the day's work, overdue first")
struct HomePageTests {
    /// Monday 23 November 2026, 09:00 in Shanghai: 楼道照明's 签收 limit of 2 working hours falls at 11:00.
    static let monday = ChinaStandardTime.startOfDay(year: 2026, month: 11, day: 23).addingTimeInterval(9 * 3600)

    func token(_ system: LinliSystem, _ f: Fixture, _ role: Role) async throws -> String {
        try await system.auth.issueToken(forUser: f.username(role), name: "首页", actor: f.cli).secret
    }

    /// Issue 17: community staff and grid workers saw 社区数/网格数/楼栋数 and nothing due.
    @Test func staffSeeTheirQueuesWithTheOverdueCountedAndListedFirst() async throws {
        let clock = ManualClock(Self.monday)
        try await TestSystem.with(.sqlite, clock: clock) { system in
            let f = try await Fixture.build(system)
            let item = try await system.catalog.item(code: "WX01")
            let first = try await system.requests.submit(RequestDraft(itemId: item.id, description: "一楼灯不亮"), actor: f.actor(.resident)).request
            clock.advance(seconds: 7200)
            _ = try await system.requests.submit(RequestDraft(itemId: item.id, description: "二楼灯不亮"), actor: f.actor(.resident))
            clock.advance(seconds: 3600)  // 12:00: the first fell due at 11:00, the second falls due at 13:00
            let staff = try await token(system, f, .communityStaff)
            try await HTTPHarness(system: system).test { client in
                let home = try await client.send(.get, "/", token: staff)
                #expect(home.status == 200)
                let counts = try #require(home.body.components(separatedBy: "id=\"today-counts\"").dropFirst().first?
                    .components(separatedBy: "</p>").first)
                #expect(counts.contains("已超期 <strong>1</strong>") && counts.contains("今天到期 <strong>1</strong>"))
                let items = try #require(home.body.components(separatedBy: "id=\"due-items\"").dropFirst().first?
                    .components(separatedBy: "</ol>").first)
                let rows = items.components(separatedBy: "<li").dropFirst()
                #expect(rows.count == 2)
                #expect(rows.first?.contains("is-overdue") == true && rows.first?.contains("/requests/\(first.id)") == true)
                #expect(home.body.contains("1 件已超期"))
                #expect(home.body.contains("href=\"/requests?queue=dispatch\""))
            }
        }
    }

    /// Issue 17: a volunteer staff dispatch to had no menu entry or home entry for it.
    @Test func aVolunteerHasAMenuEntryAndAHomeListForWhatIsDispatchedToThem() async throws {
        try await TestSystem.with(.sqlite, clock: ManualClock(Self.monday)) { system in
            let f = try await Fixture.build(system)
            let item = try await system.catalog.item(code: "WX01")
            let request = try await system.requests.submit(RequestDraft(itemId: item.id, description: "灯不亮"), actor: f.actor(.resident)).request
            _ = try await system.requests.act(request.id, .register(note: nil), actor: f.actor(.communityStaff))
            _ = try await system.requests.act(request.id, .dispatch(handler: f.accounts[.volunteer]!.id, coHandlers: [], note: nil),
                                              actor: f.actor(.communityStaff))
            let volunteer = try await token(system, f, .volunteer), staff = try await token(system, f, .communityStaff)
            try await HTTPHarness(system: system).test { client in
                let home = try await client.send(.get, "/", token: volunteer)
                let nav = try #require(home.body.components(separatedBy: "class=\"mainnav\"").dropFirst().first?
                    .components(separatedBy: "</nav>").first)
                #expect(nav.contains("href=\"/requests?queue=mine\">派给我的</a>"))
                #expect(home.body.contains("id=\"due-requests-mine\""))
                #expect(home.body.contains("href=\"/requests/\(request.id)\""))
                let list = try await client.send(.get, "/requests", token: volunteer)
                #expect(list.status == 200 && list.body.contains("派给我的：共 1 件"), "opens on what was sent to them")

                // Staff who see the whole queue have no second entry for it.
                let staffHome = try await client.send(.get, "/", token: staff)
                #expect(!staffHome.body.contains(">派给我的</a></nav>") && staffHome.body.contains("href=\"/requests\""))
                #expect(!staffHome.body.components(separatedBy: "class=\"mainnav\"")[1].components(separatedBy: "</nav>")[0]
                    .contains("queue=mine"))
            }
        }
    }

    /// Issue 17: residents saw 待核查/待回访/立案/派遣.
    @Test func aResidentSeesTheirRequestsInPlainWordsWithoutDeadlineCounts() async throws {
        try await TestSystem.with(.sqlite, clock: ManualClock(Self.monday)) { system in
            let f = try await Fixture.build(system)
            let item = try await system.catalog.item(code: "WX01")
            let request = try await system.requests.submit(RequestDraft(itemId: item.id, description: "灯不亮"), actor: f.actor(.resident)).request
            _ = try await system.requests.act(request.id, .register(note: nil), actor: f.actor(.communityStaff))
            let resident = try await token(system, f, .resident)
            try await HTTPHarness(system: system).test { client in
                let home = try await client.send(.get, "/", token: resident)
                #expect(home.body.contains("<h2 id=\"today-title\">我的事项</h2>"))
                #expect(home.body.contains("已受理，正在安排人办理"))
                #expect(!home.body.contains("id=\"today-counts\""), "no overdue counts for a resident")
                #expect(!home.body.contains("件已超期") && !home.body.contains("件今天到期"), "a zero is not shown as work")
                #expect(!home.body.contains("待派遣"))
                #expect(home.body.contains("href=\"/my/requests/\(request.id)\""))
                let mine = try await client.send(.get, "/my/requests", token: resident)
                #expect(mine.body.contains("已受理，正在安排人办理") && !mine.body.contains("待派遣"))
                #expect(mine.body.contains("<a href=\"/ask/\(item.id)\" class=\"again\">再办一件</a>"), "one tap to ask again")
            }
        }
    }

    /// Issue 17: the main menu was 759 px wide in a 390 px screen with no hint that it scrolls.
    @Test func onAPhoneTheMenuShowsFourEntriesAndFoldsTheRestUnderMore() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let admin = try await token(system, f, .districtAdmin)
            try await HTTPHarness(system: system).test { client in
                let home = try await client.send(.get, "/", token: admin)
                let phone = try #require(home.body.components(separatedBy: "id=\"phonenav\"").dropFirst().first?
                    .components(separatedBy: "</nav>").first)
                let (first, more) = (phone.components(separatedBy: "<details").first ?? "", phone.components(separatedBy: "<details").last ?? "")
                #expect(first.components(separatedBy: "<a href=").count - 1 == 4)
                #expect(more.contains("<summary>更多</summary>") && more.contains(">审计日志</a>"))
                let css = try await client.send(.get, "/assets/linli.css").body
                #expect(css.contains(".mainnav{display:none}") && css.contains(".phonenav{display:none}"))
            }
        }
    }
}
