import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing

@Suite("HTTP: a district sets its patrol quota and its score table; a bad table is a clear error and writes nothing")
struct GridSettingsTests {
    @Test func settingsAreEditedByTheirOwnersAndBadOnesRefused() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let admin = try await system.auth.issueToken(forUser: f.username(.districtAdmin), name: "设置", actor: f.cli).secret
            let staff = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "设置", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let table = #"{"regionId":\#(f.district.id),"points.coverage":60,"points.problems_found":40,"perUnit":10,"note":"区考核办法"}"#
                let set = try await client.send(.put, "/api/v1/grid/rules/scores", token: admin, json: table)
                #expect(set.status == 200, "\(set.body)")
                #expect(set.json?["version"] as? Int == 1)
                // Problems found without the points each earns; a measure over 100; no reason given.
                for (body, words) in [
                    (#"{"regionId":\#(f.district.id),"points.problems_found":5,"note":"缺每件分值"}"#, "每件的分值"),
                    (#"{"regionId":\#(f.district.id),"points.coverage":120,"note":"超过"}"#, "0 到 100"),
                    (#"{"regionId":\#(f.district.id),"points.coverage":50}"#, "修改依据"),
                    (#"{"regionId":\#(f.district.id),"note":"全部留空"}"#, "至少要有一个考核项"),
                ] {
                    let refused = try await client.send(.put, "/api/v1/grid/rules/scores", token: admin, json: body)
                    #expect(refused.status == 422 && refused.body.contains(words), "\(body): \(refused.status) \(refused.body)")
                }
                // A community's staff cannot set the district's table, but sets their community's quota.
                let theirs = #"{"regionId":\#(f.c1.id),"points.coverage":100,"note":"社区自定"}"#
                #expect(try await client.send(.put, "/api/v1/grid/rules/scores", token: staff, json: theirs).status == 422)
                let quota = try await client.send(.put, "/api/v1/grid/rules/patrols", token: staff,
                                                  json: #"{"regionId":\#(f.c1.id),"perDay":3,"buildingEveryDays":14,"note":"汛期加密"}"#)
                #expect(quota.status == 200 && (quota.json?["rules"] as? [String: Any])?["perDay"] as? Int == 3, "\(quota.body)")
                let outside = try await client.send(.put, "/api/v1/grid/rules/patrols", token: staff,
                                                    json: #"{"regionId":\#(f.c2.id),"perDay":3,"buildingEveryDays":14,"note":"越权"}"#)
                #expect(outside.status == 404)
                let read = try await client.send(.get, "/api/v1/grid/rules/scores", token: admin)
                #expect(read.json?["version"] as? Int == 1, "\(read.body)")
            }
        }
    }
}
