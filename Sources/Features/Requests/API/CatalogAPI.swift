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
        let catalog = api.group("catalog")
        catalog.get(use: read)
        catalog.post("categories", use: saveCategory)
        catalog.put("categories/:id", use: saveCategory)
        catalog.post("items", use: saveItem)
        catalog.put("items/:id", use: saveItem)
        let calendar = api.group("calendar")
        calendar.get(use: readCalendar)
        calendar.put("days/:day", use: putDay)
        calendar.delete("days/:day", use: removeDay)
        calendar.put("settings", use: saveSettings)
    }

    @Sendable func read(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(CatalogDTO(try await catalog.catalog(actor: try context.requireActor())))
    }

    /// 新增 (POST, no id) or 修改 (PUT …/:id) a category.
    @Sendable func saveCategory(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        let id = try context.optionalPathID()
        let draft = try await request.input(context) { CategoryInput(&$0).draft }
        let saved = try await catalog.saveCategory(id: id, draft, actor: actor)
        return try Web.json(CatalogDTO.Category(id: saved.id, code: saved.code, name: saved.name, description: saved.description,
                                                active: saved.active),
                            status: id == nil ? .created : .ok)
    }

    /// 新增 or 修改 an item, as for a category.
    @Sendable func saveItem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        let id = try context.optionalPathID()
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
