import Foundation
import Hummingbird
import LinliKit
import Regions

/// The roster page: choose a community by name, its duty phone, its shifts, add and cancel.
struct DutyPages {
    let duty: DutyService
    let web: Web
    let clock: any Clock

    /// Optional fields a template tests are `Bool`s plus values: a nil one is looked up in the
    /// enclosing models instead (and the model's `place` would be printed whole).
    struct ShiftRow {
        let id: Int64, regionId: Int64, person: String, from: String, to: String, otherPlace: String, hasOtherPlace: Bool
        let shiftNote: String, hasNote: Bool, onNow: Bool
    }
    struct Place {
        let id: Int64, name: String, phone: String, hasPhone: Bool, canManage: Bool, shifts: [ShiftRow], hasShifts: Bool, people: [SelectOption]
        let startsAt: String, endsAt: String, noteLength: Int
    }
    struct Model { let csrf: String, places: [SelectOption], place: Place?, error: String? }

    func addRoutes(to router: Router<AppContext>) {
        router.get("duty", use: rosterPage)
        router.post("duty/phone", use: setPhone)
        router.post("duty/shifts", use: addShifts)
        router.post("duty/shifts/:id/cancel", use: cancel)
    }

    @Sendable func rosterPage(_ request: Request, context: AppContext) async throws -> Response {
        let query = try request.query(RosterQuery.init)
        return try await page(query.regionId, request, context)
    }

    func page(_ regionId: Int64?, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.dutyView)
        let places = try await duty.places(actor: actor)
        let chosen = regionId ?? places.first?.id
        var place: Place?
        if let chosen {
            let roster = try await duty.roster(regionId: chosen, actor: actor)
            let now = clock.now()
            let tonight = ChinaStandardTime.reading(now)
            let evening = ChinaStandardTime.startOfDay(year: tonight.year, month: tonight.month, day: tonight.day).addingTimeInterval(17.5 * 3600)
            place = Place(id: roster.place.id, name: roster.place.name, phone: roster.phone ?? "", hasPhone: roster.phone != nil,
                          canManage: actor.may(.dutyManage),
                          shifts: roster.shifts.map { shift in
                              let (from, to) = (Self.moment(shift.startsAt), Self.moment(shift.endsAt))
                              return ShiftRow(id: shift.id, regionId: roster.place.id, person: shift.displayName,
                                              from: from?.shanghaiText ?? shift.startsAt, to: to?.shanghaiText ?? shift.endsAt,
                                              otherPlace: shift.regionName, hasOtherPlace: shift.regionId != roster.place.id,
                                              shiftNote: shift.note, hasNote: !shift.note.isEmpty,
                                              onNow: (from.map { $0 <= now } ?? false) && (to.map { now < $0 } ?? false))
                          }, hasShifts: !roster.shifts.isEmpty,
                          people: roster.people.map { SelectOption(value: String($0.id), label: "\($0.displayName)（\($0.role.label)）") },
                          startsAt: ChinaStandardTime.localMinuteText(evening),
                          endsAt: ChinaStandardTime.localMinuteText(evening.addingTimeInterval(15 * 3600)), noteLength: ShiftInput.noteLength)
        }
        let model = Model(csrf: context.csrfToken,
                          places: places.map { SelectOption(value: String($0.id), label: "\($0.level.label)：\($0.name)", selected: $0.id == chosen) },
                          place: place, error: error?.message)
        return web.page("duty.roster", title: "值班安排", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    /// A shift's time as the service gives it (`…+08:00`), back to a date.
    static func moment(_ iso: String) -> Date? { ChinaStandardTime.moment(String(iso.prefix(16))) }

    @Sendable func setPhone(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, DutyPhoneInput.init)
        return try await web.formAction({
            try await duty.setPhone(regionId: input.regionId, phone: input.phone, actor: actor)
            return ("/duty?regionId=\(input.regionId)", "值班电话已保存")
        }, orShow: { try await page(input.regionId, request, context, error: $0) })
    }

    @Sendable func addShifts(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var request = request
        var fields = try await request.fields(context)
        let regionId = fields.values["regionId"].flatMap { if case .text(let t) = $0 { Int64(t) } else { nil } }
        return try await web.formAction({
            let input = try ShiftInput(&fields)
            try fields.finish()
            let added = try await duty.addShifts(input.draft, actor: actor)
            return ("/duty?regionId=\(input.draft.regionId)", "已安排 \(added.count) 次值班")
        }, orShow: { try await page(regionId, request, context, error: $0) })
    }

    @Sendable func cancel(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var request = request
        var fields = try await request.fields(context)
        let regionId = fields.integer("regionId", "社区")
        try fields.finish()
        try await duty.cancel(shiftId: try context.pathID(), actor: actor)
        return web.redirect(to: regionId.map { "/duty?regionId=\($0)" } ?? "/duty", flash: "已取消这次值班")
    }
}
