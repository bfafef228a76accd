import Foundation
import HummingbirdTesting
import LinliKit
import LinliServer
import LinliTestSupport
import NIOCore
import Requests
import Testing

/// Each reproduction from the attack report of issue 15, through the router: every one of
/// them used to end the process; now each is a zh-CN 4xx and the server answers the next
/// request.
@Suite("HTTP: input that used to crash the server is a clear error")
struct HostileInputTests {
    static func submit(_ system: LinliSystem, _ f: Fixture) async throws -> ServiceRequest {
        let item = try await system.catalog.item(code: "WX01")
        return try await system.requests.submit(RequestDraft(itemId: item.id, description: "楼道灯不亮", regionId: f.h1.id, channel: .hotline),
                                                actor: f.cli).request
    }

    @Test func numbersWhereTextIsExpectedAndHugeDecimalsAreRefusedByName() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let code = try await Self.submit(system, f).trackingCode
            let admin = try await system.auth.issueToken(forUser: "district.admin", name: "测试", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let cases: [(String, String, String?, Int, String)] = [
                    ("/login", #"{"username":1e19,"password":"x"}"#, nil, 422, "「登录名」应为文本"),
                    ("/login", #"{"username":"a","password":"x","next":-9.3e18}"#, nil, 422, "「next」应为文本"),
                    ("/api/v1/track/\(code)/actions", #"{"action":"add_information","note":1e19}"#, nil, 422, "「说明」应为文本"),
                    ("/api/v1/track/\(code)/actions", #"{"action":"request_extension","hours":"1e300","note":"x"}"#, nil, 422,
                     "「延期时长（工作小时）」应在 0.5 到 240 之间"),
                    ("/api/v1/track/\(code)/actions", #"{"action":"request_extension","hours":1e400,"note":"x"}"#, nil, 422, "不是有效的 JSON"),
                    ("/api/v1/requests", #"{"itemId":1e300,"description":"x","regionId":9.3e18}"#, admin, 422, "「服务事项」应为整数"),
                    ("/api/v1/requests", #"{"itemCode":"WX01","description":"x","regionId":1,"lat":"NaN","long":"-1e309"}"#, admin, 422,
                     "「纬度」应为数字"),
                    ("/api/v1/regions", #"{"parentId":\#(f.c1.id),"name":0}"#, admin, 422, "「名称」应为文本"),
                ]
                for (uri, body, token, status, message) in cases {
                    let reply = try await client.send(.post, uri, token: token, json: body, headers: [.accept: "application/json"])
                    #expect(reply.status == status, "\(uri) \(body): \(reply.status) \(reply.body.prefix(300))")
                    #expect(reply.body.contains(message), "\(uri) \(body): \(reply.body.prefix(300))")
                }
                // An unknown id is a 404 (a double optional once let it reach a force unwrap).
                let category = try await client.send(.put, "/api/v1/catalog/categories/9223372036854775806", token: admin,
                                                     json: #"{"code":"YL","name":"养老服务","description":"","sortOrder":0,"active":false}"#)
                #expect(category.status == 404, "\(category.body.prefix(200))")
                let settings = try await client.send(.put, "/api/v1/calendar/settings", token: admin,
                                                     json: #"{"start":"08:30","end":"17:30","weekdays":[1,2,3,4,5],"warnHours":"1e300"}"#)
                #expect(settings.status == 422)
                #expect(settings.body.contains("「提醒时间（工作小时）」应在 0 到 8 之间"))
                // Still serving.
                #expect(try await client.send(.get, "/healthz").status == 200)
            }
        }
    }

    @Test func aSheetCellPointingOutsideItsSharedStringsIsADamagedFile() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: "grid.worker", name: "测试", actor: f.cli).secret
            let sheet: @Sendable (String) -> String = { cells in
                """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>\(cells)</sheetData></worksheet>
                """
            }
            let cases: [(String, String, String)] = [
                ("negative shared index", #"<row r="2"><c r="A2" t="s"><v>-1</v></c></row>"#, "引用的文字不存在"),
                ("shared index past the end", #"<row r="2"><c r="A2" t="s"><v>99999999999</v></c></row>"#, "引用的文字不存在"),
                ("column reference that overflows", #"<row r="2"><c r="ZZZZZZZZZZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>"#, "单元格位置"),
                ("row number past Excel's last row", #"<row r="9223372036854775807"><c t="inlineStr"><is><t>x</t></is></c></row><row><c/></row>"#,
                 "行号"),
            ]
            let before = try await f.auditCount()
            try await HTTPHarness(system: system).test { client in
                for (label, cells, message) in cases {
                    let bytes = try XLSXFormat.package(sheetXML: sheet(cells))
                    let reply = try await client.execute(uri: "/api/v1/residents/import?format=xlsx", method: .post,
                                                         headers: [.authorization: "Bearer \(token)"], body: ByteBuffer(bytes: bytes)) {
                        Reply(status: Int($0.status.code), headers: $0.headers, body: String(buffer: $0.body))
                    }
                    #expect(reply.status == 422, "\(label): \(reply.status) \(reply.body.prefix(300))")
                    #expect(reply.body.contains(message), "\(label): \(reply.body.prefix(300))")
                }
            }
            #expect(try await f.auditCount() == before)
        }
    }

    /// A one-entry zip whose ZIP64 fields declare `compressed` and `uncompressed` bytes.
    static func zip64(compressed: UInt64, uncompressed: UInt64, entries: Int = 1) -> Data {
        func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let extra = le(UInt16(1)) + le(UInt16(16)) + le(uncompressed) + le(compressed)
        let local = le(UInt32(0x0403_4B50)) + le(UInt16(45)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt32(0)) + le(UInt32(0))
            + le(UInt32.max) + le(UInt32.max) + le(UInt16(name.count)) + le(UInt16(extra.count)) + name + extra
        var central: [UInt8] = []
        for _ in 0..<entries {
            central += le(UInt32(0x0201_4B50)) + le(UInt16(45)) + le(UInt16(45)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt32(0))
                + le(UInt32(0)) + le(UInt32.max) + le(UInt32.max) + le(UInt16(name.count)) + le(UInt16(extra.count)) + le(UInt16(0))
                + le(UInt16(0)) + le(UInt16(0)) + le(UInt32(0)) + le(UInt32(0)) + name + extra
        }
        let end = le(UInt32(0x0605_4B50)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(entries)) + le(UInt16(entries))
            + le(UInt32(central.count)) + le(UInt32(local.count)) + le(UInt16(0))
        return Data(local + central + end)
    }

    @Test func zipSizesThatWouldOverflowAreADamagedFile() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: "grid.worker", name: "测试", actor: f.cli).secret
            let cases: [(String, Data)] = [
                ("compressed 2⁶³", Self.zip64(compressed: 1 << 63, uncompressed: 10)),
                ("uncompressed 2⁶³ twice", Self.zip64(compressed: 0, uncompressed: 1 << 63, entries: 2)),
                ("uncompressed 2⁶⁴−1", Self.zip64(compressed: 0, uncompressed: .max)),
            ]
            try await HTTPHarness(system: system).test { client in
                for (label, bytes) in cases {
                    let reply = try await client.execute(uri: "/api/v1/residents/import?format=xlsx", method: .post,
                                                         headers: [.authorization: "Bearer \(token)"], body: ByteBuffer(bytes: bytes)) {
                        Reply(status: Int($0.status.code), headers: $0.headers, body: String(buffer: $0.body))
                    }
                    #expect(reply.status == 422, "\(label): \(reply.status) \(reply.body.prefix(200))")
                }
            }
        }
    }

    @Test func bytesThatAreNotUTF8AreRefusedNotStoredAsReplacementCharacters() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: "community.staff", name: "测试", actor: f.cli).secret
            let before = try await f.auditCount()
            try await HTTPHarness(system: system).test { client in
                var json = ByteBuffer(string: #"{"parentId":\#(f.c1.id),"name":"坏"#)
                json.writeBytes([0xFF, 0xFE])
                json.writeString(#""}"#)
                let jsonReply = try await client.execute(uri: "/api/v1/regions", method: .post,
                                                         headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: json) {
                    Reply(status: Int($0.status.code), headers: $0.headers, body: String(buffer: $0.body))
                }
                #expect(jsonReply.status == 422)
                #expect(jsonReply.body.contains("不是有效的 UTF-8"))
                let form = try await client.send(.post, "/api/v1/regions", token: token,
                                                 raw: ("application/x-www-form-urlencoded", "parentId=\(f.c1.id)&name=%FF%FE"))
                #expect(form.status == 422)
                #expect(form.body.contains("「name」的内容不是有效的 UTF-8 文本"))
                let query = try await client.send(.get, "/api/v1/residents?q=%FF%FE", token: token)
                #expect(query.status == 422)
                #expect(query.body.contains("查询参数「q」不是有效的 UTF-8 文本"))
                let page = try await client.send(.get, "/track?code=%C3%28")
                #expect(page.status == 422)
            }
            #expect(try await f.auditCount() == before)
        }
    }

    @Test func loginSendsOnlyToAPathOfThisSite() async throws {
        try await TestSystem.with(.sqlite) { system in
            _ = try await Fixture.build(system)
            let hostile = ["/\t/evil.example/x", "/\n/evil.example", "/\r\n/evil.example", "//evil.example/x", "/\\evil.example",
                           "https://evil.example/", "javascript:alert(1)", "/ /evil.example", "/\u{2028}/evil.example", "\t//evil.example",
                           "/\u{0}x", "/%09/evil.example".removingPercentEncoding!, "/\u{3000}/evil.example", "/\u{200B}/evil.example",
                           "evil.example", "/login?next=//evil.example", ""]
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/login")
                let csrf = try #require(page.cookie(Web.csrfCookie))
                for next in hostile {
                    let reply = try await client.send(.post, "/login", form: [("_csrf", csrf), ("username", "community.staff"),
                                                                              ("password", Fixture.password), ("next", next)],
                                                      headers: [.cookie: "\(Web.csrfCookie)=\(csrf)"])
                    #expect(reply.status == 303 || reply.status == 422, "\(next.debugDescription): \(reply.status)")
                    if reply.status == 303 { #expect(reply.location == "/", "\(next.debugDescription) → \(reply.location ?? "")") }
                }
                // The login page's own link keeps a local next and drops a hostile one.
                let shown = try await client.send(.get, "/login?next=%2F%09%2Fevil.example%2Fx")
                #expect(!shown.body.contains("evil.example"))
                let fine = try await client.send(.post, "/login", form: [("_csrf", csrf), ("username", "community.staff"),
                                                                         ("password", Fixture.password), ("next", "/requests?queue=mine&page=2")],
                                                 headers: [.cookie: "\(Web.csrfCookie)=\(csrf)"])
                #expect(fine.location == "/requests?queue=mine&page=2")
            }
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: "community.staff", name: "测试", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let answers: [(String, Reply)] = [
                    ("page", try await client.send(.get, "/login")),
                    ("API", try await client.send(.get, "/api/v1/regions/\(f.c1.id)", token: token)),
                    ("download", try await client.send(.get, "/api/v1/residents/export?format=csv", token: token)),
                    ("API error", try await client.send(.get, "/api/v1/regions/999999", token: token)),
                    ("unknown page", try await client.send(.get, "/no-such-page")),
                    ("redirect", try await client.send(.get, "/regions")),
                    ("stylesheet", try await client.send(.get, "/assets/linli.css")),
                    ("TRACE", try await client.send(HTTPRequest.Method("TRACE")!, "/")),
                ]
                for (label, reply) in answers {
                    #expect(reply.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true, "\(label)")
                    #expect(reply.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(label)")
                    #expect(reply.headers[.xContentTypeOptions] == "nosniff", "\(label)")
                    #expect(reply.headers[.referrerPolicy] == "same-origin", "\(label)")
                    #expect(reply.headers[.xFrameOptions] == "DENY", "\(label)")
                    #expect(reply.headers[.strictTransportSecurity] == nil, "\(label): no HSTS over plain http")
                }
                #expect(answers.last?.1.status == 405)
                #expect(answers[2].1.status == 200, "the export download: \(answers[2].1.body.prefix(200))")
                // No page of the console needs inline script or style.
                let home = try await client.send(.get, "/login")
                #expect(!home.body.contains("<script"))
                #expect(!home.body.contains("style=\""))
            }
        }
        try await TestSystem.with(.sqlite, configure: { $0.secureCookies = true }) { system in
            try await HTTPHarness(system: system).test { client in
                let reply = try await client.send(.get, "/login")
                #expect(reply.headers[.strictTransportSecurity] == "max-age=31536000; includeSubDomains")
            }
        }
    }

    @Test func trackingCodeLookupsAreLimitedPerAddress() async throws {
        try await TestSystem.with(.sqlite, configure: { $0[RequestsSettings.self].trackingLookupRule = .init(burst: 5, perMinute: 5) }) { system in
            let f = try await Fixture.build(system)
            let code = try await Self.submit(system, f).trackingCode
            try await HTTPHarness(system: system).test { client in
                for _ in 1...3 { #expect(try await client.send(.get, "/api/v1/track/\(code)").status == 200) }
                #expect(try await client.send(.get, "/track/ABCDEFGHJKMN").status == 404)
                #expect(try await client.send(.get, "/open311/v2/requests/\(code).json").status == 200)
                let limited = try await client.send(.get, "/api/v1/track/\(code)")
                #expect(limited.status == 429)
                #expect(limited.body.contains("查询过于频繁"))
                #expect(limited.headers[.retryAfter] == "12")
                let open311 = try await client.send(.get, "/open311/v2/requests.json?service_request_id=\(code)")
                #expect(open311.status == 429)
                #expect(try await client.send(.get, "/track/\(code)").status == 429)
            }
            // One lookup a minute more after twelve seconds.
            (system.clock as? ManualClock)?.advance(seconds: 12)
            try await HTTPHarness(system: system).test { client in
                let refilled = try await client.send(.get, "/api/v1/track/\(code)")
                #expect(refilled.status == 200)
                #expect(try await client.send(.get, "/api/v1/track/\(code)").status == 429)
            }
        }
    }

    @Test func theDefaultTrackingLimitLetsOpen311AskForAHundredCodesOnce() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let code = try await Self.submit(system, f).trackingCode
            let hundred = ([code] + (1..<100).map { String(format: "ZZZZZZZZ%04d", $0) }).joined(separator: ",")
            try await HTTPHarness(system: system).test { client in
                let first = try await client.send(.get, "/open311/v2/requests.json?service_request_id=\(hundred)")
                #expect(first.status == 200)
                #expect(try await client.send(.get, "/open311/v2/requests.json?service_request_id=\(hundred)").status == 429)
            }
        }
    }
}
