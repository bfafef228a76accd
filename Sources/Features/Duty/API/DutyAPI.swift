import Hummingbird
import LinliKit
import Regions

/// JSON API under /api/v1/duty: the places, a roster, the duty phone, shifts.
struct DutyAPI {
    let duty: DutyService

    struct Place: Encodable { let id: Int64, name: String, level: RegionLevel }
    struct Person: Encodable { let id: Int64, displayName: String, role: Role }
    struct RosterBody: Encodable {
        let place: Place
        let phone: String?
        let shifts: [DutyShiftView]
        let people: [Person]
    }
    struct Done: Encodable { let ok = true }

    func addRoutes(to router: Router<AppContext>) {
        let api = router.group("api/v1/duty")
        api.get("places", use: places)
        api.get("roster", use: roster)
        api.put("phone", use: setPhone)
        api.post("shifts", use: addShifts)
        api.post("shifts/:id/cancel", use: cancel)
    }

    @Sendable func places(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(ItemList(try await duty.places(actor: actor).map { Place(id: $0.id, name: $0.name, level: $0.level) }))
    }

    @Sendable func roster(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = try request.query(RosterQuery.init)
        let roster = try await duty.roster(regionId: query.regionId ?? actor.scope.regionId, actor: actor)
        return try Web.json(RosterBody(place: Place(id: roster.place.id, name: roster.place.name, level: roster.place.level), phone: roster.phone,
                                       shifts: roster.shifts,
                                       people: roster.people.map { Person(id: $0.id, displayName: $0.displayName, role: $0.role) }))
    }

    @Sendable func setPhone(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, DutyPhoneInput.init)
        try await duty.setPhone(regionId: input.regionId, phone: input.phone, actor: actor)
        return try Web.json(Done())
    }

    @Sendable func addShifts(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, ShiftInput.init)
        return try Web.json(ItemList(try await duty.addShifts(input.draft, actor: actor)), status: .created)
    }

    @Sendable func cancel(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        try await duty.cancel(shiftId: try context.pathID(), actor: actor)
        return try Web.json(Done())
    }
}
