import Hummingbird
import LinliKit

/// JSON API for the resident registry.
struct ResidentsAPI {
    let residents: ResidentService

    struct Revealed: Encodable { let field: String; let value: String? }
    struct TagList: Encodable { let items: [String] }

    func addRoutes(to router: Router<AppContext>) {
        let residents = router.group("api/v1/residents")
        residents.get(use: search)
        residents.post(use: create)
        let resident = residents.group(":id")
        resident.get(use: self.resident)
        resident.patch(use: update)
        resident.post("reveal", use: reveal)
        let tags = router.group("api/v1/tags")
        tags.get(use: self.tags)
        tags.post(use: createTag)
    }

    @Sendable func search(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var query = Fields.query(request)
        let filter = ResidentFilter(&query, place: .id)
        try query.finish()
        return try Web.json(try await residents.search(filter.query, actor: actor))
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context) { ResidentInput(&$0, place: .id) }
        return Web.json(writing: try await residents.create(input.draft, actor: actor), status: .created)
    }

    @Sendable func resident(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return Web.json(writing: try await residents.resident(try context.pathID(), actor: actor))
    }

    @Sendable func update(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.residentManage)
        let id = try context.pathID()
        var request = request
        var fields = try await request.fields(context)
        // A change names at least one field: an empty body is a mistake, not a no-op.
        if fields.values.keys.allSatisfy({ $0 == "_csrf" }) {
            throw DomainError.invalid(fields: ["body": "请至少提供一个要修改的字段"])
        }
        let input = ResidentInput(&fields, place: .id)
        try fields.finish()
        let current = try await residents.resident(id, actor: actor)
        return Web.json(writing: try await residents.update(id, input.merged(over: current), clear: input.cleared, actor: actor))
    }

    @Sendable func reveal(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, RevealInput.init)
        let value = try await residents.reveal(try context.pathID(), field: input.field, actor: actor)
        return try Web.json(Revealed(field: input.field.rawValue, value: value))
    }

    @Sendable func tags(_ request: Request, context: AppContext) async throws -> Response {
        return try Web.json(TagList(items: try await residents.tags(actor: try context.requireActor())))
    }

    @Sendable func createTag(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, NewTagInput.init)
        return try Web.json(TagList(items: try await residents.createTag(input.name, actor: actor)), status: .created)
    }
}
