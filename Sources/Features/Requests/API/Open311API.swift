import Foundation
import Hummingbird
import LinliKit
import Regions

/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2`: discovery,
/// services, service definitions, POST requests (with `api_key`: an API token of an account
/// allowed to take requests), GET requests, GET a request, tokens. Every service is
/// `realtime`: the `service_request_id` is the request's 查询码. JSON and XML.
public struct Open311API: Sendable {
    public static let basePath = "/open311/v2"

    let requests: RequestService
    let catalog: CatalogService
    let regions: RegionService
    let authenticator: any Authenticator
    let clock: any Clock

    public init(requests: RequestService, catalog: CatalogService, regions: RegionService, authenticator: any Authenticator, clock: any Clock) {
        self.requests = requests
        self.catalog = catalog
        self.regions = regions
        self.authenticator = authenticator
        self.clock = clock
    }

    struct Failure: Error { let status: HTTPResponse.Status; let description: String }

    static func respond(_ format: Open311Format, status: HTTPResponse.Status = .ok, root: String, _ value: Open311Value) -> Response {
        Response(status: status, headers: [.contentType: format.contentType, .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: format.body(root: root, value))))
    }

    /// Errors in the spec's shape: `[{"code": 400, "description": "…"}]`.
    static func error(_ format: Open311Format, _ status: HTTPResponse.Status, _ description: String) -> Response {
        respond(format, status: status, root: "errors",
                .list(element: "error", [.object([("code", .number(Double(status.code))), ("description", .string(description))])]))
    }

    /// Runs a handler, turning users' errors into Open311 errors in the asked format; faults
    /// go on to the error middleware (logged, 500 with the request id).
    func handle(_ file: String, _ body: (Open311Format, String) async throws -> Response) async throws -> Response {
        guard let (name, format) = Open311Format.split(file) else {
            return Self.error(.json, .notFound, "不支持的格式：请用 .json 或 .xml")
        }
        do {
            return try await body(format, name)
        } catch let failure as Failure {
            return Self.error(format, failure.status, failure.description)
        } catch let error as DomainError {
            let status: HTTPResponse.Status = switch error.kind {
            case .notFound: .notFound
            case .forbidden, .unauthenticated: .forbidden
            case .tooManyRequests: .tooManyRequests
            default: .badRequest
            }
            let detail = error.fields.isEmpty ? error.message : error.fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
            var response = Self.error(format, status, detail)
            if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
            return response
        }
    }

    // MARK: Shapes

    static func datatype(_ kind: QuestionKind) -> String {
        switch kind {
        case .text: "text"
        case .number: "number"
        case .date: "datetime"
        case .singleChoice: "singlevaluelist"
        case .multipleChoice: "multivaluelist"
        }
    }

    static func service(_ item: CatalogItem, group: String) -> Open311Value {
        .object([("service_code", .string(item.code)), ("service_name", .string(item.name)), ("description", .string(item.description)),
                 ("metadata", .bool(!item.questions.isEmpty)), ("type", .string("realtime")), ("keywords", .string([group, item.name].joined(separator: ","))),
                 ("group", .string(group))])
    }

    static func definition(_ item: CatalogItem) -> Open311Value {
        .object([("service_code", .string(item.code)), ("attributes", .list(element: "attribute", item.questions.enumerated().map { index, q in
            .object([("variable", .bool(true)), ("code", .string(q.code)), ("datatype", .string(datatype(q.kind))), ("required", .bool(q.required)),
                     ("datatype_description", .string(q.kind.label)), ("order", .number(Double(index + 1))), ("description", .string(q.label)),
                     ("values", .list(element: "value", q.choices.map { .object([("key", .string($0)), ("name", .string($0))]) }))])
        }))])
    }

    func serviceRequest(_ r: Open311Request, base: String) -> Open311Value {
        let request = r.request
        let p = request.progress
        let photo = r.photoIds.first.map { "\(base)/track/\(request.trackingCode)/photos/\($0)" }
        return .object([
            ("service_request_id", .string(request.trackingCode)), ("status", .string(request.state.isOpen ? "open" : "closed")),
            ("status_notes", .string(request.state.label)), ("service_name", .string(r.itemName)), ("service_code", .string(r.itemCode)),
            ("description", .string(request.description)), ("agency_responsible", .string(r.holder)), ("service_notice", .string(nil)),
            ("requested_datetime", .string(p.submittedAt.iso8601CST)), ("updated_datetime", .string(request.updatedAt.iso8601CST)),
            ("expected_datetime", .string(p.currentDue.map(\.iso8601CST))),
            ("address", .string([request.place, request.address].filter { !$0.isEmpty }.joined(separator: " "))),
            ("address_id", .string(r.regionCode)), ("zipcode", .string(nil)), ("lat", .number(request.latitude)), ("long", .number(request.longitude)),
            ("media_url", .string(photo)),
        ])
    }

    /// The actor of an `api_key` (never a browser session: these routes skip CSRF checks).
    func keyActor(_ key: String?, ip: String?) async throws -> Actor? {
        guard let key, !key.isEmpty else { return nil }
        guard let authentication = try await authenticator.authenticate(bearerToken: key, ip: ip) else {
            throw Failure(status: .forbidden, description: "api_key 无效或已被吊销")
        }
        return authentication.actor
    }

    static func base(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        return "http://\(host)"
    }

    // MARK: Routes

    public func addRoutes(to router: Router<AppContext>) {
        let v2 = router.group(RouterPath(stringLiteral: String(Self.basePath.dropFirst())))
        v2.get(":file") { request, context in
            try await handle(context.parameters.get("file") ?? "") { format, name in
                switch name {
                case "discovery": return Self.respond(format, root: "discovery", .object([
                    ("changeset", .string("2026-11-23T00:00:00+08:00")), ("contact", .string("所在区民政局")),
                    ("key_service", .string("向区民政局申请 API 令牌（账号须有代为登记诉求的权限）")),
                    ("endpoints", .list(element: "endpoint", [.object([
                        ("specification", .string("http://wiki.open311.org/GeoReport_v2")), ("url", .string(Self.base(request) + Self.basePath)),
                        ("changeset", .string("2026-11-23T00:00:00+08:00")), ("type", .string("production")),
                        ("formats", .list(element: "format", [.string("application/json"), .string("text/xml")])),
                    ])])),
                ]))
                case "services":
                    let offered = try await catalog.publicCatalog(on: .open311)
                    return Self.respond(format, root: "services", .list(element: "service", offered.items.map { item in
                        Self.service(item, group: offered.category(item.categoryId)?.name ?? "")
                    }))
                case "requests":
                    return try await listRequests(request, context, format)
                default:
                    throw Failure(status: .notFound, description: "没有 \(name) 这个方法")
                }
            }
        }
        v2.get("services/:file") { _, context in
            try await handle(context.parameters.get("file") ?? "") { format, code in
                let offered = try await catalog.publicCatalog(on: .open311)
                guard let item = offered.items.first(where: { $0.code == code }) else {
                    throw Failure(status: .notFound, description: "没有服务代码 \(code)")
                }
                return Self.respond(format, root: "service_definition", Self.definition(item))
            }
        }
        v2.get("requests/:file") { request, context in
            try await handle(context.parameters.get("file") ?? "") { format, code in
                // The 查询码 is the key to one request: whoever holds it may read it.
                let found = try await requests.open311Requests(codes: [code], itemCodes: [], from: .distantPast, to: .distantFuture, open: nil, actor: nil,
                                                                ip: context.clientIP)
                guard let item = found.first else { throw Failure(status: .notFound, description: "没有查询码为 \(code) 的诉求") }
                return Self.respond(format, root: "service_requests", .list(element: "request", [serviceRequest(item, base: Self.base(request))]))
            }
        }
        v2.get("tokens/:file") { request, context in
            try await handle(context.parameters.get("file") ?? "") { format, token in
                // Every service is realtime: a token is the 查询码 itself.
                let view = try await requests.track(code: token, ip: context.clientIP)
                return Self.respond(format, root: "service_requests", .list(element: "request", [
                    .object([("service_request_id", .string(view.trackingCode)), ("token", .string(view.trackingCode))]),
                ]))
            }
        }
        v2.post(":file") { request, context in
            var request = request
            return try await handle(context.parameters.get("file") ?? "") { format, name in
                let fields = try await request.fields(context)
                guard name == "requests" else { throw Failure(status: .notFound, description: "没有 \(name) 这个方法") }
                return try await postRequest(fields, context, format)
            }
        }
    }

    static let dateRange = Date(timeIntervalSince1970: -2_208_988_800)...Date(timeIntervalSince1970: 253_402_300_799)

    func listRequests(_ request: Request, _ context: AppContext, _ format: Open311Format) async throws -> Response {
        var query = Fields.query(request)
        let actor = try await keyActor(query.text("api_key", "api_key", maxLength: 200), ip: context.clientIP)
        let ids = query.list("service_request_id", "service_request_id", maxCount: 100, maxLength: 30)
        let codes = query.list("service_code", "service_code", maxCount: 100, maxLength: 30)
        func date(_ name: String) throws -> Date? {
            guard let text = query.text(name, name, maxLength: 40) else { return nil }
            let parser = ISO8601DateFormatter()
            // Years 1900–9999 only: a date millions of years away would overflow milliseconds.
            guard let date = parser.date(from: text) ?? LocalDay(String(text.prefix(10))).flatMap(\.start),
                  Self.dateRange.contains(date) else {
                throw Failure(status: .badRequest, description: "\(name) 应为 ISO 8601 日期时间（1900–9999 年），如 2026-11-23T09:00:00+08:00")
            }
            return date
        }
        let end = try date("end_date") ?? clock.now()
        let start = try date("start_date") ?? end.addingTimeInterval(-90 * 86_400)
        let statuses = query.list("status", "status", maxCount: 2, maxLength: 10)
        if let bad = statuses.first(where: { $0 != "open" && $0 != "closed" }) {
            throw Failure(status: .badRequest, description: "status 只能是 open 或 closed，不能是 \(bad)")
        }
        query.skip("jurisdiction_id")
        try query.finish()
        let open: Bool? = statuses.count == 1 ? statuses[0] == "open" : nil
        // end_date is inclusive; the query's upper bound is not.
        let found = try await requests.open311Requests(codes: ids, itemCodes: codes, from: start, to: end.addingTimeInterval(0.001), open: open, actor: actor,
                                                       ip: context.clientIP)
        return Self.respond(format, root: "service_requests", .list(element: "request", found.map { serviceRequest($0, base: Self.base(request)) }))
    }

    func postRequest(_ fields: Fields, _ context: AppContext, _ format: Open311Format) async throws -> Response {
        func text(_ name: String) -> String? {
            if case .text(let value)? = fields.values[name] { return value.trimmingWhitespace.nilIfEmpty }
            return nil
        }
        guard let actor = try await keyActor(text("api_key"), ip: context.clientIP) else {
            throw Failure(status: .forbidden, description: "请提供 api_key")
        }
        guard actor.may(.requestIntake) else { throw Failure(status: .forbidden, description: "此 api_key 的账号无权代为登记诉求") }
        guard let code = text("service_code") else { throw Failure(status: .badRequest, description: "请提供 service_code") }
        let item: CatalogItem
        do { item = try await catalog.item(code: code) } catch {
            throw Failure(status: .notFound, description: "没有服务代码 \(code)")
        }
        // attribute[code]=value, attribute[code][]=value for multivaluelist.
        var answers: Answers = [:]
        for (key, value) in fields.values where key.hasPrefix("attribute[") {
            let inner = key.dropFirst("attribute[".count)
            guard let close = inner.firstIndex(of: "]") else { continue }
            let name = String(inner[..<close])
            switch value {
            case .text(let t): answers[name, default: []].append(t)
            case .list(let items): answers[name, default: []] += items.compactMap { if case .text(let t) = $0 { t } else { nil } }
            default: break
            }
        }
        let lat = text("lat").flatMap(Double.init), long = text("long").flatMap(Double.init)
        let addressId = text("address_id")
        guard addressId != nil || text("address_string") != nil || (lat != nil && long != nil) else {
            throw Failure(status: .badRequest, description: "请提供地点：lat 和 long、address_string 或 address_id")
        }
        var regionId: Int64?
        if let addressId {
            do { regionId = try await regions.node(code: addressId, actor: actor).id } catch {
                throw Failure(status: .badRequest, description: "address_id \(addressId) 不是 api_key 管辖范围内的区域编码")
            }
        }
        // Without address_id the place is found from lat/long and address_string (RequestService.intakeRegion):
        // what is found nowhere below the street waits 待定位 at the key's level; it is never refused.
        let name = [text("last_name"), text("first_name")].compactMap { $0 }.joined()
        let draft = RequestDraft(itemId: item.id, description: text("description") ?? "", answers: answers, regionId: regionId,
                                 address: text("address_string"), latitude: lat, longitude: long, contactName: name.isEmpty ? nil : name,
                                 phone: text("phone"), channel: .open311)
        let submission = try await requests.submit(draft, actor: actor)
        return Self.respond(format, root: "service_requests", .list(element: "request", [
            .object([("service_request_id", .string(submission.request.trackingCode)),
                     ("service_notice", .string("已受理，可凭 service_request_id（查询码）查询进度")), ("account_id", .string(nil))]),
        ]))
    }
}
