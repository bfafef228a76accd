import Foundation
import Hummingbird
import HummingbirdTesting
import LinliKit
import LinliServer
import LinliTestSupport
import NIOConcurrencyHelpers
import Notifications
import Testing

@Suite("Notices: inbox and outbound delivery on SQLite and PostgreSQL")
struct DeliveryTests {
    static func post(_ system: LinliSystem, to users: [Int64], title: String = "诉求ABC：派遣") async throws {
        try await system.database.write { tx in
            try await system.notifications.post(tx, to: users, Notice(title: title, body: "楼道照明｜当前：待签收", link: "/requests/1",
                                                                      facts: ["event": "dispatch", "request": "1"]))
        }
    }

    @Test(arguments: TestEngine.all)
    func aWebhookNoticeIsDeliveredOnceAsJSON(engine: TestEngine) async throws {
        let received = NIOLockedValueBox<[String]>([])
        let router = Router()
        router.post("hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            received.withLockedValue { $0.append(String(buffer: body)) }
            return .noContent
        }
        try await Application(router: router).test(.live) { client in
            try await TestSystem.with(engine) { system in
                let f = try await Fixture.build(system)
                let worker = f.actor(.gridWorker)
                try await system.notifications.saveTargets(.init(email: nil, webhook: "http://127.0.0.1:\(client.port!)/hook"), actor: worker)
                try await Self.post(system, to: [worker.userId!, f.accounts[.resident]!.id])
                let delivery = OutboundDelivery(database: system.database, clock: system.clock, adapters: [WebhookAdapter(policy: Self.loopback)])
                #expect(try await delivery.deliverDue() == DeliveryReport(sent: 1))
                #expect(try await delivery.deliverDue() == DeliveryReport())
                let bodies = received.withLockedValue { $0 }
                #expect(bodies.count == 1)
                let json = try JSONSerialization.jsonObject(with: Data(bodies[0].utf8)) as! [String: Any]
                #expect(json["title"] as? String == "诉求ABC：派遣")
                #expect((json["facts"] as? [String: String])?["event"] == "dispatch")
                // Both people have it in their inbox; only the worker asked for a webhook.
                #expect(try await system.notifications.unreadCount(actor: worker) == 1)
                #expect(try await system.notifications.unreadCount(actor: f.actor(.resident)) == 1)
                #expect(try await delivery.queue().map(\.status) == ["sent"])
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func aQueuedMessageOfAChannelThisVersionDoesNotKnowIsGivenUpWithoutHoldingUpTheQueue(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let worker = f.actor(.gridWorker)
            try await system.notifications.saveTargets(.init(email: nil, webhook: "http://127.0.0.1:\(try Self.closedPort())/hook"), actor: worker)
            try await Self.post(system, to: [worker.userId!])
            try await system.database.write { tx in try await tx.sql.raw("UPDATE outbound_messages SET channel = 'pigeon'").run() }
            let delivery = OutboundDelivery(database: system.database, clock: system.clock, adapters: [WebhookAdapter(policy: Self.loopback)])
            #expect(try await delivery.deliverDue() == DeliveryReport(gaveUp: 1))
            let queued = try await delivery.queue()
            #expect(queued.map(\.status) == ["failed"])
            #expect(queued.first?.lastError?.contains("pigeon") == true)
            #expect(try await delivery.deliverDue() == DeliveryReport())
        }
    }

    @Test(arguments: TestEngine.all)
    func aFailingWebhookIsRetriedWithBackoffAndGivenUpAfterEightAttempts(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            let worker = f.actor(.gridWorker)
            // A port nobody listens on: every attempt is refused.
            let closed = try Self.closedPort()
            try await system.notifications.saveTargets(.init(email: nil, webhook: "http://127.0.0.1:\(closed)/hook"), actor: worker)
            try await Self.post(system, to: [worker.userId!])
            let delivery = OutboundDelivery(database: system.database, clock: clock, adapters: [WebhookAdapter(timeout: .seconds(2), policy: Self.loopback)])
            var waits: [Int] = []
            for attempt in 1...DeliveryBackoff.maxAttempts {
                let report = try await delivery.deliverDue()
                #expect(report == (attempt < DeliveryBackoff.maxAttempts ? DeliveryReport(retrying: 1) : DeliveryReport(gaveUp: 1)), "attempt \(attempt)")
                #expect(try await delivery.deliverDue() == DeliveryReport(), "not due again straight away")
                waits.append(DeliveryBackoff.delaySeconds(afterAttempt: attempt))
                clock.advance(seconds: Double(waits.last!))
            }
            #expect(waits.prefix(7) == [60, 120, 240, 480, 960, 1920, 3600])
            let status = try await delivery.queue()[0]
            #expect(status.status == "failed" && status.attempts == 8)
            #expect(status.lastError?.contains("无法连接 127.0.0.1") == true)
            #expect(try await delivery.deliverDue() == DeliveryReport())
        }
    }

    @Test(arguments: TestEngine.all)
    func anEmailWaitsWithAReasonWhileNoMailServerIsConfigured(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let worker = f.actor(.gridWorker)
            try await system.notifications.saveTargets(.init(email: "LiuFang@Grid.Test", webhook: nil), actor: worker)
            #expect(try await system.notifications.targets(actor: worker) == .init(email: "liufang@grid.test", webhook: nil))
            // The change is audited without the address itself.
            let trail = try await system.database.read { tx in
                try await tx.sql.raw("SELECT after_json FROM audit_log WHERE action = 'notification.targets'").all()
                    .map { try $0.decode(column: "after_json", as: String.self) }
            }
            #expect(trail == [#"{"email":"set","webhook":"none"}"#])
            try await Self.post(system, to: [worker.userId!])
            let delivery = OutboundDelivery(database: system.database, clock: system.clock, adapters: [WebhookAdapter(policy: Self.loopback)])
            #expect(try await delivery.deliverDue() == DeliveryReport(retrying: 1))
            #expect(try await delivery.queue()[0].lastError == "未配置邮件服务器（LINLI_SMTP_URL）")
        }
    }

    @Test(arguments: TestEngine.all)
    func peopleReadOnlyTheirOwnMessages(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            try await Self.post(system, to: [f.accounts[.gridWorker]!.id])
            let id = try await system.notifications.inbox(actor: f.actor(.gridWorker)).page.items[0].id
            await #expect(throws: DomainError.notFound("消息")) { try await system.notifications.markRead(id, actor: f.actor(.resident)) }
            await #expect(throws: DomainError.notFound("消息")) { _ = try await system.notifications.message(id, actor: f.actor(.resident)) }
            #expect(try await system.notifications.markRead(id, actor: f.actor(.gridWorker)) == 1)
            #expect(try await system.notifications.unreadCount(actor: f.actor(.gridWorker)) == 0)
        }
    }

    @Test func notificationTargetsAreChecked() throws {
        for bad in [NotificationService.Targets(email: "not-an-address", webhook: nil), .init(email: "a@b.c\r\nBcc: x@y.z", webhook: nil),
                    .init(email: nil, webhook: "ftp://example.org/x"), .init(email: nil, webhook: "javascript:alert(1)")] {
            #expect(throws: DomainError.self) { try NotificationRules.validate(bad) }
        }
        #expect(try NotificationRules.validate(.init(email: " ", webhook: "")) == .init(email: nil, webhook: nil))
    }

    /// The receivers these tests start listen on loopback, which only an admin's list allows.
    static let loopback = OutboundPolicy(allowedHosts: ["127.0.0.1"])

    /// Names resolve as the test says, without a DNS server.
    struct FixedResolver: HostResolver {
        let table: [String: [String]]
        func addresses(of host: String) async throws -> [String] {
            guard let found = table[host] else { throw OutboundRefusal("unknown \(host)") }
            return found
        }
    }

    static let resolver = FixedResolver(table: [
        "hooks.example.com": ["93.184.216.34"], "v6.example.com": ["2606:2800:220:1:248:1893:25c8:1946"],
        "loopback.example.com": ["127.0.0.1"], "split.example.com": ["93.184.216.34", "10.1.2.3"],
        "metadata.example.com": ["169.254.169.254"], "mapped.example.com": ["::ffff:127.0.0.1"],
    ])

    @Test(arguments: TestEngine.all)
    func aPersonalWebhookMustPointAtAPublicAddress(engine: TestEngine) async throws {
        try await TestSystem.with(engine, configure: { $0.webhookAllowedHosts = []; $0.hostResolver = Self.resolver }) { system in
            let f = try await Fixture.build(system)
            let resident = f.actor(.resident)
            let refused = ["http://127.0.0.1:8080/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/",
                           "http://[::1]/hook", "http://loopback.example.com/hook", "http://split.example.com/hook",
                           "https://metadata.example.com/", "http://mapped.example.com/", "http://[::ffff:127.0.0.1]/",
                           "http://192.168.1.1/", "http://172.16.0.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[fe80::1]/",
                           "http://[fc00::1]/", "http://unknown.example.com/", "http://user:pw@hooks.example.com/",
                           "http://[2001:4860:4860::8888%25eth0]/"]
            for url in refused {
                do {
                    try await system.notifications.saveTargets(.init(email: nil, webhook: url), actor: resident)
                    Issue.record("accepted \(url)")
                } catch let error as DomainError {
                    #expect(error.status == 422, "\(url)")
                    #expect(error.fields["webhook"]?.hasPrefix("Webhook 地址不可用") == true, "\(url): \(error.message)")
                }
            }
            #expect(try await system.notifications.targets(actor: resident).webhook == nil)
            // What the user is told names no address it resolved to.
            do {
                try await system.notifications.saveTargets(.init(email: nil, webhook: "http://loopback.example.com/"), actor: resident)
            } catch let error as DomainError {
                #expect(error.fields["webhook"]?.contains("127.0.0.1") == false)
            }
            try await system.notifications.saveTargets(.init(email: nil, webhook: "https://hooks.example.com/linli"), actor: resident)
            try await system.notifications.saveTargets(.init(email: nil, webhook: "http://v6.example.com/linli"), actor: resident)
            #expect(try await system.notifications.targets(actor: resident).webhook == "http://v6.example.com/linli")
        }
    }

    @Test(arguments: TestEngine.all)
    func aNameThatResolvesInwardAfterItWasSavedIsRefusedAtDelivery(engine: TestEngine) async throws {
        let received = NIOLockedValueBox<Int>(0)
        let router = Router()
        router.post("hook") { _, _ -> HTTPResponse.Status in
            received.withLockedValue { $0 += 1 }
            return .noContent
        }
        let rebound = FixedResolver(table: ["hooks.example.com": ["127.0.0.1"]])
        try await Application(router: router).test(.live) { client in
            try await TestSystem.with(engine, configure: { $0.webhookAllowedHosts = []; $0.hostResolver = Self.resolver }) { system in
                let f = try await Fixture.build(system)
                try await system.notifications.saveTargets(.init(email: nil, webhook: "http://hooks.example.com:\(client.port!)/hook"),
                                                           actor: f.actor(.gridWorker))
                try await Self.post(system, to: [f.accounts[.gridWorker]!.id])
                // By delivery time the name points at this machine.
                let delivery = OutboundDelivery(database: system.database, clock: system.clock,
                                                adapters: [WebhookAdapter(timeout: .seconds(2), policy: OutboundPolicy(resolver: rebound))])
                #expect(try await delivery.deliverDue() == DeliveryReport(retrying: 1))
                #expect(received.withLockedValue { $0 } == 0)
                #expect(try await delivery.queue().first?.lastError?.contains("拒绝发送") == true)
            }
        }
    }

    @Test func addressesAreSortedIntoPublicAndNot() {
        let notPublic = ["127.0.0.1", "10.255.0.1", "172.31.255.255", "192.168.0.1", "169.254.0.1", "100.127.255.254", "0.1.2.3",
                         "224.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1", "203.0.113.9", "::1", "::", "fe80::1", "fc00::1",
                         "fd12::1", "ff02::1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "2001:db8::1", "2001::1"]
        let isPublic = ["8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::"]
        for text in notPublic { #expect(IPAddress.parse(text)?.isPublic == false, "\(text)") }
        for text in isPublic { #expect(IPAddress.parse(text)?.isPublic == true, "\(text)") }
        #expect(IPAddress.parse("not an address") == nil)
    }

    @Test func noticeMailsCarryChineseSubjectsAndBodiesSafely() throws {
        let text = MailText.compose(from: "notice@linli.test", to: "a@b.test", subject: "诉求ABC：派遣", body: "楼道照明\n.\n当前：待签收",
                                    messageId: "<linli-1@linli.test>", date: Date(timeIntervalSince1970: 0))
        #expect(text.contains("Subject: =?UTF-8?B?" + Data("诉求ABC：派遣".utf8).base64EncodedString() + "?="))
        #expect(text.contains("Date: Thu, 01 Jan 1970 08:00:00 +0800"))
        let body = text.components(separatedBy: "\r\n\r\n")[1]
        #expect(String(decoding: Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""))!, as: UTF8.self) == "楼道照明\n.\n当前：待签收")
        // No line of the body can end the DATA section early.
        #expect(!text.components(separatedBy: "\r\n").contains("."))
        #expect(throws: DeliveryError.self) { try SMTPAdapter(url: "mail.example.org:25", from: "x@y.z") }
    }

    static func closedPort() throws -> Int {
        // Bind, read the port, close: nothing listens there for the test's short life.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
