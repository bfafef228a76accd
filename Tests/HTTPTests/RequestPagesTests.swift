import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("HTTP: request pages put the main step first and confirm irreversible ones")
struct RequestPagesTests {
    /// Issue 17: 撤回诉求 was one tap with no confirmation, and the red 作废 sat above the main step.
    @Test func irreversibleStepsAskForConfirmationAndTheMainStepComesFirst() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let resident = try await system.auth.issueToken(forUser: f.username(.resident), name: "页面", actor: f.cli).secret
            let staff = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "页面", actor: f.cli).secret
            let item = try await system.catalog.item(code: "WX01")
            let request = try await system.requests.submit(RequestDraft(itemId: item.id, description: "楼道灯不亮"), actor: f.actor(.resident)).request
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/requests/\(request.id)", token: staff)
                let register = try #require(page.body.range(of: "id=\"action-register\""))
                let void = try #require(page.body.range(of: "id=\"action-void\""))
                #expect(register.lowerBound < void.lowerBound, "立案 before 作废")
                let voidForm = try #require(page.body[void.lowerBound...].components(separatedBy: "</form>").first)
                #expect(voidForm.contains("name=\"confirm\"") && voidForm.contains("required"))

                let mine = try await client.send(.get, "/my/requests/\(request.id)", token: resident)
                let withdrawForm = try #require(mine.body.components(separatedBy: "id=\"withdraw-form\"").dropFirst().first?
                    .components(separatedBy: "</form>").first)
                #expect(withdrawForm.contains("name=\"confirm\""))

                let unconfirmed = try await client.send(.post, "/my/requests/\(request.id)/actions", token: resident, form: [("action", "withdraw")])
                #expect(unconfirmed.status == 422)
                #expect(unconfirmed.body.contains("确认撤回"))
                #expect(try await system.requests.detail(request.id, actor: f.cli).request.state == .received, "nothing was withdrawn")

                let confirmed = try await client.send(.post, "/my/requests/\(request.id)/actions", token: resident,
                                                      form: [("action", "withdraw"), ("confirm", "1")])
                #expect(confirmed.status == 303)
                #expect(try await system.requests.detail(request.id, actor: f.cli).request.state == .withdrawn)
            }
        }
    }
}

@Suite("HTTP: staff pick places and people by name, and the contact stays")
struct NamesNotCodesTests {
    /// Issue 17: hotline intake needed a numeric 地点编码 ("1号楼" → 地点编码不存在), and choosing
    /// the item after a caller lookup emptied the contact name.
    @Test func aPlaceIsFoundByNameAndTheCallersNameSurvivesChoosingTheItem() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let staff = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "页面", actor: f.cli).secret
            let item = try await system.catalog.item(code: "WX01")
            let building = try await system.regions.children(of: f.g1.id, actor: f.cli).first { $0.name == "1号楼" }!
            try await HTTPHarness(system: system).test { client in
                let found = try await client.send(.get, "/requests/new?placeQuery=1%E5%8F%B7%E6%A5%BC", token: staff)  // 1号楼
                let list = try #require(found.body.components(separatedBy: "id=\"place-found\"").dropFirst().first?
                    .components(separatedBy: "</ul>").first)
                #expect(list.contains("regionId=\(building.id)") && list.contains("1号楼"))
                // Nothing of the foreign district, whose building is 9号楼.
                let foreign = try await client.send(.get, "/requests/new?placeQuery=9%E5%8F%B7%E6%A5%BC", token: staff)
                #expect(!foreign.body.contains("regionId=") || !foreign.body.contains("9号楼</a>"))

                // Walking down from the community: its grids are offered by name.
                let top = try await client.send(.get, "/requests/new", token: staff)
                let down = try #require(top.body.components(separatedBy: "id=\"place-down\"").dropFirst().first?
                    .components(separatedBy: "</form>").first)
                #expect(down.contains(">一网格</option>"))

                // The caller's name, the item and the place all survive each step.
                let chosen = try await client.send(.get, "/requests/new?caller=13912345678&contactName=%E7%8E%8B%E5%A4%A7%E5%A6%88&regionId=\(f.h1.id)",
                                                   token: staff)
                let picker = try #require(chosen.body.components(separatedBy: "id=\"item-picker\"").dropFirst().first?
                    .components(separatedBy: "</form>").first)
                #expect(picker.contains("name=\"contactName\" value=\"王大妈\"") && picker.contains("name=\"regionId\" value=\"\(f.h1.id)\""))
                let form = try await client.send(.get, "/requests/new?itemId=\(item.id)&contactName=%E7%8E%8B%E5%A4%A7%E5%A6%88&regionId=\(f.h1.id)",
                                                 token: staff)
                #expect(form.body.contains("name=\"contactName\" maxlength=\"50\" value=\"王大妈\""))
                #expect(form.body.contains("id=\"place-chosen\"") && form.body.contains("101室"))
                #expect(form.body.contains("<input type=\"hidden\" name=\"regionId\" value=\"\(f.h1.id)\">"))

                // Submitted with the place chosen by name.
                let posted = try await client.send(.post, "/requests/new", token: staff, raw: PermissionMatrixTests.Subjects.multipart([
                    ("itemId", String(item.id)), ("description", "楼道灯不亮"), ("regionId", String(building.id)), ("channel", "hotline"),
                    ("contactName", "王大妈")]))
                #expect(posted.status == 303)
                let id = try #require(posted.location?.split(separator: "/").last.flatMap { Int64($0) })
                #expect(try await system.requests.detail(id, actor: f.cli).request.regionId == building.id)
            }
        }
    }

    /// Issue 17: bulk dispatch needed a login name ("刘芳" → 账号「刘芳」不存在).
    @Test func handlersAreOfferedByNameWithTheirRoleAndWhatTheyHoldNow() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let item = try await system.catalog.item(code: "WX01")
            let held = try await system.requests.submit(RequestDraft(itemId: item.id, description: "一"), actor: f.actor(.resident)).request
            _ = try await system.requests.act(held.id, .register(note: nil), actor: f.actor(.communityStaff))
            _ = try await system.requests.act(held.id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: nil),
                                              actor: f.actor(.communityStaff))
            let waiting = try await system.requests.submit(RequestDraft(itemId: item.id, description: "二"), actor: f.actor(.resident)).request
            _ = try await system.requests.act(waiting.id, .register(note: nil), actor: f.actor(.communityStaff))
            let staff = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "页面", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let queue = try await client.send(.get, "/requests?queue=dispatch", token: staff)
                #expect(queue.body.contains(">测试网格员（网格员，在办 1 件）</option>"))
                let page = try await client.send(.get, "/requests/\(waiting.id)", token: staff)
                #expect(page.body.contains("测试网格员（网格员，在办 1 件"))
            }
        }
    }
}

@Suite("HTTP: the catalog's questions and assignment are edited with forms")
struct CatalogFormTests {
    /// Issue 17: catalog questions were edited as JSON and 分派规则 as a mini-language.
    @Test func questionsAndTheAssignmentRuleAreFormFields() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let admin = try await system.auth.issueToken(forUser: f.username(.districtAdmin), name: "页面", actor: f.cli).secret
            let item = try await system.catalog.item(code: "WX03")  // 供水问题: 紧急程度
            try await HTTPHarness(system: system).test { client in
                let form = try await client.send(.get, "/catalog/items/\(item.id)", token: admin)
                #expect(form.status == 200)
                #expect(!form.body.contains("name=\"questions\"") && !form.body.contains("name=\"assignment\""), "no JSON, no mini-language")
                #expect(form.body.contains("name=\"q.0.label\" maxlength=\"100\" value=\"紧急程度\""))
                #expect(form.body.contains("一般\n较急\n紧急</textarea>"))
                #expect(form.body.contains("name=\"q.2.code\""), "empty rows to add a question")

                let category = try #require(try await system.catalog.catalog(actor: f.cli).categories.first { $0.id == item.categoryId })
                let saved = try await client.send(.post, "/catalog/items/\(item.id)", token: admin, form: [
                    ("categoryId", String(category.id)), ("code", "WX03"), ("name", "供水问题"), ("handlerType", "grid_worker"),
                    ("respondHours", "1"), ("handleHours", "16"), ("verifyHours", "8"), ("channels", "self_service"), ("channels", "hotline"),
                    ("active", "1"),
                    ("q.0.code", "urgency"), ("q.0.label", "紧急程度"), ("q.0.kind", "single_choice"), ("q.0.required", "1"),
                    ("q.0.choices", "一般\r\n紧急"), ("q.0.urgentChoices", "紧急"),
                    ("q.1.code", "floor"), ("q.1.label", "楼层"), ("q.1.kind", "number"),
                    ("q.2.code", ""), ("q.2.label", ""),
                    ("assignmentKind", "thematic"), ("assignmentTag", "独居老人"),
                ])
                #expect(saved.status == 303, "\(saved.body.prefix(300))")
                let after = try await system.catalog.item(item.id)
                #expect(after.questions.map(\.code) == ["urgency", "floor"])
                #expect(after.questions.first?.choices == ["一般", "紧急"] && after.questions.first?.urgentChoices == ["紧急"])
                #expect(after.assignment == .thematic(tag: "独居老人"))

                // Removing a question is a tick, and a bad row says which.
                let removed = try await client.send(.post, "/catalog/items/\(item.id)", token: admin, form: [
                    ("categoryId", String(category.id)), ("code", "WX03"), ("name", "供水问题"), ("handlerType", "grid_worker"),
                    ("respondHours", "1"), ("handleHours", "16"), ("verifyHours", "8"), ("channels", "hotline"), ("active", "1"),
                    ("q.0.code", "urgency"), ("q.0.label", "紧急程度"), ("q.0.kind", "single_choice"), ("q.0.choices", "一般"),
                    ("q.1.code", "floor"), ("q.1.label", "楼层"), ("q.1.kind", "number"), ("q.1.remove", "1"),
                    ("assignmentKind", "grid"),
                ])
                #expect(removed.status == 422 && removed.body.contains("至少要有两个选项"))
                #expect(removed.body.contains("name=\"q.0.label\" maxlength=\"100\" value=\"紧急程度\""), "the rows come back as typed")
            }
        }
    }
}

@Suite("HTTP: 办理统计 drills down to every level and to the requests themselves")
struct MetricsDrillDownTests {
    /// Issue 17: grid rows were not drill-down links.
    @Test func gridRowsAreLinksAndEveryLevelLeadsToItsRequests() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let staff = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "页面", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let community = try await client.send(.get, "/stats?regionId=\(f.c1.id)", token: staff)
                let table = try #require(community.body.components(separatedBy: "id=\"metrics-children\"").dropFirst().first?
                    .components(separatedBy: "</table>").first)
                #expect(table.contains("href=\"/stats?regionId=\(f.g1.id)&amp;"), "the grid is a link")
                let grid = try await client.send(.get, "/stats?regionId=\(f.g1.id)", token: staff)
                #expect(grid.status == 200 && grid.body.contains("href=\"/requests?queue=all&amp;regionCode=\(f.g1.code)\""))
                let list = try await client.send(.get, "/requests?queue=all&regionCode=\(f.g1.code)", token: staff)
                #expect(list.status == 200)
            }
        }
    }
}

@Suite("HTTP: the duty roster page and a step form shown again")
struct DutyAndStepPagesTests {
    @Test func theRosterPageListsShiftsByNameAndNothingElse() async throws {
        try await TestSystem.with(.sqlite, clock: ManualClock(ChinaStandardTime.startOfDay(year: 2026, month: 11, day: 23).addingTimeInterval(9 * 3600))) { system in
            let f = try await Fixture.build(system)
            let staff = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "页面", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let added = try await client.send(.post, "/duty/shifts", token: staff, form: [
                    ("regionId", String(f.c1.id)), ("userId", String(f.accounts[.communityStaff]!.id)),
                    ("startsAt", "2026-11-23T17:30"), ("endsAt", "2026-11-24T08:30"), ("note", "夜班")])
                #expect(added.status == 303)
                let page = try await client.send(.get, "/duty?regionId=\(f.c1.id)", token: staff)
                let shifts = try #require(page.body.components(separatedBy: "id=\"duty-shifts\"").dropFirst().first?
                    .components(separatedBy: "</section>").first)
                #expect(shifts.contains("测试社区工作者") && shifts.contains("2026-11-23 17:30 至 2026-11-24 08:30") && shifts.contains("夜班"))
                #expect(!page.body.contains("Place(") && !page.body.contains("SelectOption("), "no struct printed into the page")
                let bad = try await client.send(.post, "/duty/shifts", token: staff, form: [
                    ("regionId", String(f.c1.id)), ("userId", String(f.accounts[.gridWorker]!.id)),
                    ("startsAt", "2026-11-23T17:30"), ("endsAt", "2026-11-23T17:00")])
                #expect(bad.status == 422 && bad.body.contains("结束时间应晚于开始时间"))
            }
        }
    }

    /// Issue 17, forms never lose work: a step shown again keeps its note and its photos.
    @Test func aReportShownAgainKeepsItsNoteAndPhotos() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let item = try await system.catalog.item(code: "WX01")
            let request = try await system.requests.submit(RequestDraft(itemId: item.id, description: "灯不亮"), actor: f.actor(.resident)).request
            _ = try await system.requests.act(request.id, .register(note: nil), actor: f.actor(.communityStaff))
            _ = try await system.requests.act(request.id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: nil),
                                              actor: f.actor(.communityStaff))
            _ = try await system.requests.act(request.id, .claim, actor: f.actor(.gridWorker))
            let worker = try await system.auth.issueToken(forUser: f.username(.gridWorker), name: "页面", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                // Seven photos: one too many, so the step is refused and shown again.
                let photos = (0..<7).map { (name: "photos", filename: "p\($0).jpg", data: KeptPhotosTests.jpeg) }
                let refused = try await client.send(.post, "/requests/\(request.id)/actions", token: worker, bytes: Multipart.body(
                    [("action", "report"), ("note", "已更换灯泡")], files: photos))
                #expect(refused.status == 422)
                let form = try #require(refused.body.components(separatedBy: "id=\"action-report\"").dropFirst().first?
                    .components(separatedBy: "</form>").first)
                #expect(form.contains(">已更换灯泡</textarea>"), "the note as typed")
                let tokens = form.components(separatedBy: "name=\"keptPhotos\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(tokens.count == 6, "six kept, the most a step takes")
                let sent = try await client.send(.post, "/requests/\(request.id)/actions", token: worker, bytes: Multipart.body(
                    [("action", "report"), ("note", "已更换灯泡")] + tokens.prefix(2).map { ("keptPhotos", $0) }))
                #expect(sent.status == 303)
                #expect(try await system.requests.detail(request.id, actor: f.cli).events.last?.photoIds.count == 2)
            }
        }
    }
}
