import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("HTTP: the resident's pages keep what the resident chose")
struct ResidentPagesTests {
    /// Issue 17: every 地点 option on /ask/… had `value=""`, so a request about the community
    /// was saved at the resident's own household.
    @Test func theAskFormSavesThePlaceTheResidentPicked() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: f.username(.resident), name: "页面", actor: f.cli).secret
            let item = try await system.catalog.item(code: "WX01")
            let harness = try HTTPHarness(system: system)
            try await harness.test { client in
                let page = try await client.send(.get, "/ask/\(item.id)", token: token)
                #expect(page.status == 200)
                let select = try #require(page.body.components(separatedBy: "name=\"regionId\"").dropFirst().first?
                    .components(separatedBy: "</select>").first)
                let values = select.components(separatedBy: "<option value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(values.count >= 2, "the household and the places above it down to the community")
                #expect(values.allSatisfy { Int64($0) != nil }, "every place option carries its id: \(values)")
                #expect(values.contains(String(f.c1.id)))

                let boundary = "linli-ask"
                let parts = [("description", "小区门口路灯不亮"), ("regionId", String(f.c1.id))]
                let body = parts.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
                    + "--\(boundary)--\r\n"
                let reply = try await client.send(.post, "/ask/\(item.id)", token: token,
                                                  raw: ("multipart/form-data; boundary=\(boundary)", body))
                #expect(reply.status == 303)
                let id = try #require(reply.location?.split(separator: "/").last.flatMap { Int64($0) })
                #expect(try await system.requests.detail(id, actor: f.cli).request.regionId == f.c1.id)
            }
        }
    }

    /// Issue 17: an anonymous visitor with a mistyped 查询码 was told "不在您的管辖范围内".
    @Test func anUnknownTrackingCodeIsSaidPlainlyToAnyone() async throws {
        try await TestSystem.with(.sqlite) { system in
            let harness = try HTTPHarness(system: system)
            try await harness.test { client in
                let page = try await client.send(.get, "/track/ABCD-EFGH")
                #expect(page.status == 404)
                #expect(page.body.contains("没有找到这个查询码") && !page.body.contains("管辖范围"))
                #expect(page.body.contains("页面编号") && !page.body.contains("请求编号"), "the footer's id says what it is for")
                let api = try await client.send(.get, "/api/v1/track/ABCD-EFGH")
                #expect(api.status == 404 && api.body.contains("没有找到这个查询码") && !api.body.contains("管辖范围"))
            }
        }
    }

    /// Issue 17: the import page printed "未识别、未导入的列：" with nothing after it.
    @Test func theImportPageNamesUnknownColumnsAndOnlyWhenThereAreAny() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "页面", actor: f.cli).secret
            let harness = try HTTPHarness(system: system)
            @Sendable func upload(_ csv: String) -> (String, String) {
                let boundary = "linli-import"
                return ("multipart/form-data; boundary=\(boundary)",
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                        + csv + "\r\n--\(boundary)--\r\n")
            }
            try await harness.test { client in
                let plain = try await client.send(.post, "/residents/import", token: token,
                                                  raw: upload("姓名,居住地编码\r\n王一,\(f.h1.code)\r\n"))
                #expect(plain.status == 200)
                #expect(!plain.body.contains("未识别"))
                let extra = try await client.send(.post, "/residents/import", token: token,
                                                  raw: upload("姓名,居住地编码,爱好\r\n王二,\(f.h1.code),下棋\r\n"))
                #expect(extra.body.contains("未识别、未导入的列：爱好"))
            }
        }
    }

    /// Issue 17: the resident home had no 我的诉求 link.
    @Test func aResidentsHomeLeadsToTheirOwnRequests() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: f.username(.resident), name: "页面", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let home = try await client.send(.get, "/", token: token)
                #expect(home.body.contains("href=\"/my/requests\""))
                #expect(try await client.send(.get, "/my/requests", token: token).status == 200)
            }
        }
    }

    /// Issue 17: an end date before the start gave 办理统计 an empty title and an export link `href=""`.
    @Test func aBadDateRangeOnTheDashboardIsAFormErrorWithoutEmptyLinks() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "页面", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/stats?from=2026-05-10&to=2026-05-01", token: token)
                #expect(page.status == 422)
                #expect(page.body.contains("<h1>办理统计</h1>"))
                #expect(!page.body.contains("href=\"\""))
                #expect(page.body.contains("alert-error"))
            }
        }
    }

    /// Issue 17: a required question marked * was not `required`, so the browser sent the form
    /// without it and the re-shown form lost the attached photo.
    @Test func aRequiredChoiceIsRequiredInTheBrowserToo() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: f.username(.resident), name: "页面", actor: f.cli).secret
            let lift = try await system.catalog.item(code: "WX02")  // 是否有人被困: one answer, required
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/ask/\(lift.id)", token: token).body
                let radios = page.components(separatedBy: "<input type=\"radio\" name=\"answers.trapped\"").dropFirst()
                    .map { String($0.prefix { $0 != ">" }) }
                #expect(radios.count == 2)
                #expect(radios.allSatisfy { $0.contains(" required") }, "\(radios)")
            }
        }
    }
}

@Suite("HTTP: a form shown again keeps its photos")
struct KeptPhotosTests {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x20, count: 64))

    /// Issue 17: a form re-shown for a missing answer dropped the attached photo silently.
    @Test func aPhotoSentWithAMissingAnswerIsKeptAndGoesWithTheRequestNextTime() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: f.username(.resident), name: "页面", actor: f.cli).secret
            let other = try await system.auth.issueToken(forUser: f.username(.partyMember), name: "页面", actor: f.cli).secret
            let lift = try await system.catalog.item(code: "WX02")  // 是否有人被困: required
            try await HTTPHarness(system: system).test { client in
                let first = try await client.send(.post, "/ask/\(lift.id)", token: token, bytes: Multipart.body(
                    [("description", "电梯停在两层之间")], files: [("photos", "lift.jpg", Self.jpeg)]))
                #expect(first.status == 422)
                let kept = try #require(first.body.components(separatedBy: "name=\"keptPhotos\" value=\"").dropFirst().first?.prefix { $0 != "\"" })
                #expect(first.body.contains("id=\"kept-photos\"") && first.body.contains("第 1 张"))

                // Someone else cannot use the token.
                let stolen = try await client.send(.post, "/ask/\(lift.id)", token: other, bytes: Multipart.body(
                    [("description", "借用"), ("answers.trapped", "否"), ("keptPhotos", String(kept))]))
                #expect(stolen.status == 303)
                let theirs = try #require(stolen.location?.split(separator: "/").last.flatMap { Int64($0) })
                #expect(try await system.requests.detail(theirs, actor: f.cli).events.flatMap(\.photoIds).isEmpty)

                // Sent again with the answer and the kept token: the photo goes with it, uploaded once.
                let second = try await client.send(.post, "/ask/\(lift.id)", token: token, bytes: Multipart.body(
                    [("description", "电梯停在两层之间"), ("answers.trapped", "是"), ("keptPhotos", String(kept))]))
                #expect(second.status == 303)
                let id = try #require(second.location?.split(separator: "/").last.flatMap { Int64($0) })
                #expect(try await system.requests.detail(id, actor: f.cli).events.flatMap(\.photoIds).count == 1)
                // And it is no longer kept.
                let left = try await system.database.read { tx in
                    try await tx.sql.raw("SELECT COUNT(*) AS n FROM request_pending_photos").first()!.decode(column: "n", as: Int.self)
                }
                #expect(left == 0)
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func keptPhotosAreSweptAfterADayAndAFileThatIsNoPhotoIsNotKept(engine: TestEngine) async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestSystem.with(engine, clock: clock) { system in
            let tokens = try await system.requests.keepPending([Self.jpeg, Data("not a photo".utf8)], owner: "u1")
            #expect(tokens.count == 1)
            #expect(try await system.requests.pendingPhotos(tokens, owner: "u2").isEmpty, "another owner's")
            #expect(try await system.requests.pendingPhotos(tokens, owner: "u1").count == 1)
            clock.advance(seconds: 86_401)
            #expect(try await system.requests.pendingPhotos(tokens, owner: "u1").isEmpty, "expired")
            #expect(try await system.requests.sweepPendingPhotos() == 1)
        }
    }
}
