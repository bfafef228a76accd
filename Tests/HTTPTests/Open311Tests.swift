import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LinliKit
import LinliServer
import LinliTestSupport
import Testing

/// A client that knows only the GeoReport v2 spec: discovers, lists services, reads a
/// definition, posts a request with its api_key, and reads it back — in JSON and XML.
@Suite("Open311 GeoReport v2")
struct Open311Tests {
    static func array(_ reply: Reply) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(reply.body.utf8))) as? [[String: Any]] ?? []
    }

    static func wellFormedXML(_ text: String) -> Bool { XMLParser(data: Data(text.utf8)).parse() }

    @Test func aSpecOnlyClientListsServicesPostsARequestAndReadsItBack() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let key = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "Open311", actor: f.cli).secret
            let residentKey = try await system.auth.issueToken(forUser: f.username(.resident), name: "Open311", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let discovery = try await client.send(.get, "/open311/v2/discovery.json")
                #expect(discovery.status == 200)
                #expect(((discovery.json?["endpoints"] as? [[String: Any]])?.first?["specification"] as? String) == "http://wiki.open311.org/GeoReport_v2")

                let services = Self.array(try await client.send(.get, "/open311/v2/services.json"))
                #expect(services.count == 120)
                let lift = try #require(services.first { $0["service_code"] as? String == "WX02" })
                #expect(lift["metadata"] as? Bool == true && lift["type"] as? String == "realtime" && lift["group"] as? String == "物业维修")
                let servicesXML = try await client.send(.get, "/open311/v2/services.xml")
                #expect(servicesXML.headers[.contentType]?.hasPrefix("text/xml") == true && Self.wellFormedXML(servicesXML.body))
                #expect(servicesXML.body.contains("<service><service_code>WX02</service_code>"))

                let definition = try await client.send(.get, "/open311/v2/services/WX02.json")
                let attributes = definition.json?["attributes"] as? [[String: Any]] ?? []
                #expect(attributes.first?["code"] as? String == "trapped" && attributes.first?["datatype"] as? String == "singlevaluelist")
                #expect(attributes.first?["required"] as? Bool == true)

                // Missing key, a resident's key (may not take requests for others), an unknown service, a missing required attribute.
                let base: [(String, String)] = [("service_code", "WX02"), ("description", "3号楼电梯停运"), ("address_id", f.h1.code)]
                #expect(try await client.send(.post, "/open311/v2/requests.json", form: base).status == 403)
                #expect(try await client.send(.post, "/open311/v2/requests.json", form: base + [("api_key", residentKey)]).status == 403)
                let unknown = try await client.send(.post, "/open311/v2/requests.json", form: [("api_key", key), ("service_code", "NOPE"), ("lat", "34.2"), ("long", "108.9")])
                #expect(unknown.status == 404 && (Self.array(unknown).first?["code"] as? Int) == 404)
                let missing = try await client.send(.post, "/open311/v2/requests.json", form: base + [("api_key", key)])
                #expect(missing.status == 400 && (Self.array(missing).first?["description"] as? String ?? "").contains("answers.trapped"))
                #expect(try await f.requestCountForOpen311(system) == 0)

                let posted = try await client.send(.post, "/open311/v2/requests.json",
                                                   form: base + [("api_key", key), ("attribute[trapped]", "否"), ("lat", "34.26"), ("long", "108.94"),
                                                                 ("first_name", "秀英"), ("last_name", "郑"), ("phone", "13912345678")])
                #expect(posted.status == 200)
                let id = try #require(Self.array(posted).first?["service_request_id"] as? String)

                let one = Self.array(try await client.send(.get, "/open311/v2/requests/\(id).json"))
                #expect(one.count == 1)
                #expect(one.first?["status"] as? String == "open" && one.first?["service_code"] as? String == "WX02")
                #expect(one.first?["address_id"] as? String == f.h1.code && (one.first?["lat"] as? Double) == 34.26)
                #expect(!(try await client.send(.get, "/open311/v2/requests/\(id).json").body.contains("13912345678")))
                let xml = try await client.send(.get, "/open311/v2/requests/\(id).xml")
                #expect(Self.wellFormedXML(xml.body) && xml.body.contains("<status>open</status>"))

                // Listing: by id without a key; the key's area with one; filters from the spec.
                #expect(Self.array(try await client.send(.get, "/open311/v2/requests.json?service_request_id=\(id)")).count == 1)
                #expect(Self.array(try await client.send(.get, "/open311/v2/requests.json?api_key=\(key)&status=open&service_code=WX02")).count == 1)
                #expect(Self.array(try await client.send(.get, "/open311/v2/requests.json?api_key=\(key)&status=closed")).isEmpty)
                #expect(try await client.send(.get, "/open311/v2/requests.json?status=pending").status == 400)
                #expect(try await client.send(.get, "/open311/v2/requests.json?start_date=yesterday").status == 400)
                let tokens = Self.array(try await client.send(.get, "/open311/v2/tokens/\(id).json"))
                #expect(tokens.first?["service_request_id"] as? String == id)
                #expect(try await client.send(.get, "/open311/v2/requests/NOSUCHCODE23.json").status == 404)
                #expect(try await client.send(.get, "/open311/v2/services.csv").status == 404)
            }
            // The request is an ordinary request on the open311 channel, with sealed contact details.
            let request = try await system.requests.queue(.init(queue: .all), actor: f.actor(.communityStaff)).items.first
            #expect(request?.channel == .open311)
        }
    }
}

extension Open311Tests {
    /// A district's hotline posts only what the caller said: it is placed, or waits for staff,
    /// and is never refused for want of a place.
    @Test func aDistrictKeyPostingOnlyAnAddressIsPlacedOrQueuedNeverRefused() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let key = try await system.auth.issueToken(forUser: f.username(.districtAdmin), name: "12345 热线", actor: f.cli).secret
            let building = try await system.regions.lookup(try await system.regions.lookup(f.h1.parentId!)!.parentId!)!
            try await HTTPHarness(system: system).test { client in
                func post(_ address: String) async throws -> String? {
                    let posted = try await client.send(.post, "/open311/v2/requests.json", form: [
                        ("api_key", key), ("service_code", "WX01"), ("description", "路灯不亮"), ("address_string", address)])
                    #expect(posted.status == 200, "\(address): \(posted.body.prefix(200))")
                    return Self.array(posted).first?["service_request_id"] as? String
                }
                for (address, code) in [("一街道一社区一栋", building.code), ("一街道一社区1号楼1单元101室", f.h1.code),
                                        ("二街道人民路口", f.s2.code), ("不知道在哪儿", f.district.code)] {
                    let id = try #require(try await post(address))
                    let one = Self.array(try await client.send(.get, "/open311/v2/requests/\(id).json")).first
                    #expect(one?["address_id"] as? String == code, "\(address)")
                }
            }
            let waiting = try await system.requests.queue(.init(queue: .unplaced), actor: f.actor(.districtAdmin)).items
            #expect(waiting.count == 2)
        }
    }
}

extension Fixture {
    func requestCountForOpen311(_ system: LinliSystem) async throws -> Int {
        try await system.database.read { tx in try await tx.sql.raw("SELECT COUNT(*) AS n FROM requests").first()!.decode(column: "n", as: Int.self) }
    }
}
