import Foundation
import Hummingbird
import LinliKit

/// JSON API of the service catalog (`/api/v1/catalog…`) and the work calendar (`/api/v1/calendar…`).
struct CatalogAPI {
    let catalog: CatalogService
    let calendar: CalendarService
    let clock: any Clock

    struct CalendarDTO: Encodable {
        let startMinute: Int, endMinute: Int, weekdays: [Int], warnMinutes: Int, years: [Int], days: [CalendarDay]
    }

    func addRoutes(to api: RouterGroup<AppContext>) {
        api.get("catalog", use: read)
        api.post("catalog/categories", use: createCategory)
        api.put("catalog/categories/:id", use: updateCategory)
        api.post("catalog/items", use: createItem)
        api.put("catalog/items/:id", use: updateItem)
        api.get("calendar", use: readCalendar)
        api.put("calendar/days/:day", use: putDay)
        api.delete("calendar/days/:day", use: removeDay)
        api.put("calendar/settings", use: saveSettings)
    }

    @Sendable func read(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(CatalogDTO(try await catalog.catalog(actor: try context.requireActor())))
    }

    @Sendable func createCategory(_ request: Request, context: AppContext) async throws -> Response {
        try await saveCategory(nil, request, context)
    }

    @Sendable func updateCategory(_ request: Request, context: AppContext) async throws -> Response {
        try await saveCategory(try context.pathID(), request, context)
    }

    func saveCategory(_ id: Int64?, _ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        let draft = try await request.input(context) { CategoryInput(&$0).draft }
        let saved = try await catalog.saveCategory(id: id, draft, actor: actor)
        return try Web.json(CatalogDTO.Category(id: saved.id, code: saved.code, name: saved.name, description: saved.description,
                                                active: saved.active),
                            status: id == nil ? .created : .ok)
    }

    @Sendable func createItem(_ request: Request, context: AppContext) async throws -> Response {
        try await saveItem(nil, request, context)
    }

    @Sendable func updateItem(_ request: Request, context: AppContext) async throws -> Response {
        try await saveItem(try context.pathID(), request, context)
    }

    func saveItem(_ id: Int64?, _ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        let draft = try await request.input(context) { ItemInput(&$0).draft }
        return try Web.json(CatalogDTO.Item(try await catalog.saveItem(id: id, draft, actor: actor)), status: id == nil ? .created : .ok)
    }

    @Sendable func readCalendar(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        let year = try request.query(CalendarYearInput.init).year ?? LocalDay(clock.now()).year
        let view = try await calendar.view(year: year, actor: actor)
        return try Web.json(CalendarDTO(startMinute: view.settings.startMinute, endMinute: view.settings.endMinute,
                                        weekdays: view.settings.weekdays.sorted(), warnMinutes: view.settings.warnMinutes,
                                        years: view.years, days: view.days))
    }

    /// The day named in the path; one that is no date is not found.
    func day(_ context: AppContext) throws -> LocalDay {
        guard let day = LocalDay(context.parameters.get("day") ?? "") else { throw DomainError.notFound("日期") }
        return day
    }

    @Sendable func putDay(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        let day = try day(context)
        let input = try await request.input(context, CalendarDayInput.init)
        try await calendar.put(CalendarDay(day: day, kind: input.kind, name: input.name), actor: actor)
        return Response(status: .noContent)
    }

    @Sendable func removeDay(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        try await calendar.remove(try day(context), actor: actor)
        return Response(status: .noContent)
    }

    @Sendable func saveSettings(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        try await calendar.saveSettings(try await request.input(context) { SettingsInput(&$0).settings }, actor: actor)
        return Response(status: .noContent)
    }
}
