import Foundation
import HummingbirdTesting
import LinliKit
import LinliServer
import LinliTestSupport
import NIOCore
import Testing

@Suite("HTTP: hostile spreadsheets get a clear error and change nothing")
struct HostileFileTests {
    @Test func hostileUploadsAreRefused() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: "community.staff", name: "测试", actor: f.cli).secret
            let formulaSheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="2"><c r="A2"><f>HYPERLINK("x")</f></c></row>
            </sheetData></worksheet>
            """
            let bombRow = "<row><c t=\"inlineStr\"><is><t>炸</t></is></c></row>"
            let bomb = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + String(repeating: bombRow, count: 210 * 1024 * 1024 / bombRow.utf8.count) + "</sheetData></worksheet>"
            let wide = SheetTable(header: (0..<10_000).map { "列\($0)" }, rows: [(0..<10_000).map { "\($0)" }])
            let cases: [(String, Data, String, Int)] = [
                ("renamed text", Data("这不是表格\n".utf8), "xlsx", 422),
                ("broken zip", Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 7, count: 100), "xlsx", 422),
                ("formula", try XLSXFormat.package(sheetXML: formulaSheet), "xlsx", 422),
                ("10,000 columns", try XLSXFormat.write(wide), "xlsx", 422),
                ("10,000 columns CSV", CSVFormat.write(wide), "csv", 422),
                ("a photo", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) + Data(repeating: 0, count: 64), "csv", 422),
            ]
            let before = try await f.auditCount()
            try await HTTPHarness(system: system).test { client in
                for (label, data, format, status) in cases {
                    let reply = try await client.execute(uri: "/api/v1/residents/import?format=\(format)", method: .post,
                                                         headers: [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"],
                                                         body: ByteBuffer(bytes: data)) { Reply(status: Int($0.status.code), headers: $0.headers, body: String(buffer: $0.body)) }
                    #expect(reply.status == status, "\(label): \(reply.body)")
                    let message = (reply.json?["error"] as? [String: Any])?["message"] as? String
                    #expect(message?.isEmpty == false, "\(label) has no message")
                    if label == "a photo" { #expect(message?.contains("不是表格文件") == true, "issue 17: a PNG is not a text-encoding problem") }
                }
                // A compressed bomb: small on the wire, refused before it is inflated.
                let bombData = try XLSXFormat.package(sheetXML: bomb)
                #expect(bombData.count < 1_000_000)
                let bombReply = try await client.execute(uri: "/api/v1/residents/import?format=xlsx", method: .post,
                                                         headers: [.authorization: "Bearer \(token)"], body: ByteBuffer(bytes: bombData)) {
                    Reply(status: Int($0.status.code), headers: $0.headers, body: String(buffer: $0.body))
                }
                #expect(bombReply.status == 422)
                #expect(bombReply.body.contains("压缩炸弹"))
                // 30 MB on the wire: over the upload limit.
                let huge = try await client.execute(uri: "/api/v1/residents/import?format=csv", method: .post,
                                                    headers: [.authorization: "Bearer \(token)"],
                                                    body: ByteBuffer(repeating: 0x41, count: 30 * 1024 * 1024)) { Int($0.status.code) }
                #expect(huge == 413)
            }
            #expect(try await f.auditCount() == before)
        }
    }
}
