import Foundation
import Hummingbird
import LinliKit

/// Admin pages: the service catalog and the working-time calendar.
struct CatalogPages {
    let catalog: CatalogService
    let calendar: CalendarService
    let requests: RequestService
    let web: Web
    let clock: any Clock

    struct ItemRow { let id: Int64, code: String, name: String, handler: String, assignment: String, limits: String, anonymous: String, status: String }
    struct CategoryView {
        let id: Int64, code: String, name: String, description: String, sortOrder: Int, active: Bool, csrf: String, items: [ItemRow]
    }
    struct CatalogModel { let categoryCount: Int, itemCount: Int, categories: [CategoryView], csrf: String, error: String? }

    func catalogPage(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let c = try await catalog.catalog(actor: try context.requireActor(.catalogManage))
        let categories = c.categories.map { category in
            CategoryView(id: category.id, code: category.code, name: category.name, description: category.description, sortOrder: category.sortOrder,
                         active: category.active, csrf: context.csrfToken, items: c.items(in: category.id).map { i in
                ItemRow(id: i.id, code: i.code, name: i.name, handler: i.handlerType.label, assignment: i.assignment.label,
                        limits: [i.limits.respond, i.limits.handle, i.limits.verify].map(RequestFormat.hours).joined(separator: " / "),
                        anonymous: i.allowsAnonymous ? "可" : "", status: i.active ? "启用" : "停用")
            })
        }
        return web.page("requests.catalog", title: "服务目录",
                        model: CatalogModel(categoryCount: c.categories.count, itemCount: c.items.count, categories: categories, csrf: context.csrfToken,
                                            error: error?.message),
                        request: request, context: context, status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    struct ItemValues {
        var code = "", name = "", description = "", assignment = "grid", respondHours = "2", handleHours = "40", verifyHours = "8"
        var allowsAnonymous = false, active = true, sortOrder = "100", urgent = false
    }
    struct ItemFormModel {
        let csrf: String, title: String, action: String, categories: [SelectOption], handlerTypes: [SelectOption], channels: [SelectOption], v: ItemValues
        let questions: [ItemFormFields.QuestionRow]
        /// The assignment rule as a choice: by the grid, by a thematic grid's tag, or one named account.
        let byGrid: Bool, byTag: Bool, byAccount: Bool, tag: String, accounts: [SelectOption]
        let error: String?
    }

    func itemForm(_ id: Int64?, _ request: Request, _ context: AppContext, draft: CatalogItemDraft? = nil, error: DomainError? = nil) async throws -> Response {
        let c = try await catalog.catalog(actor: try context.requireActor(.catalogManage))
        let item = try await id.asyncMap { try await catalog.item($0) }
        var v = ItemValues()
        var categoryId = item?.categoryId ?? c.categories.first?.id
        var handler = item?.handlerType ?? .gridWorker
        var channels = item?.channels ?? Set(IntakeChannel.allCases)
        if let item {
            v = ItemValues(code: item.code, name: item.name, description: item.description, assignment: item.assignment.stored,
                           respondHours: RequestFormat.hours(item.limits.respond), handleHours: RequestFormat.hours(item.limits.handle),
                           verifyHours: RequestFormat.hours(item.limits.verify),
                           allowsAnonymous: item.allowsAnonymous, active: item.active, sortOrder: String(item.sortOrder), urgent: item.urgent)
        }
        if let draft {
            v = ItemValues(code: draft.code, name: draft.name, description: draft.description, assignment: draft.assignment,
                           respondHours: draft.respondHours.map { String($0) } ?? "", handleHours: draft.handleHours.map { String($0) } ?? "",
                           verifyHours: draft.verifyHours.map { String($0) } ?? "",
                           allowsAnonymous: draft.allowsAnonymous, active: draft.active, sortOrder: String(draft.sortOrder), urgent: draft.urgent)
            categoryId = draft.categoryId ?? categoryId
            handler = draft.handlerType ?? handler
            channels = draft.channels
        }
        let questions = draft?.questions ?? item?.questions ?? []
        let rule = AssignmentRule(stored: v.assignment) ?? .grid
        var tag = "", username = ""
        switch rule {
        case .grid: break
        case .thematic(let t): tag = t
        case .account(let u): username = u
        }
        // Whom an item may name: the people an administrator could dispatch to.
        var people = (try? await requests.dispatchTargets(actor: try context.requireActor()))?.people ?? []
        // The account the item names now is always a choice, so saving the form keeps the rule.
        if !username.isEmpty, !people.contains(where: { $0.username == username }),
           let named = try await requests.staffMember(username: username) {
            people.insert(named, at: 0)
        }
        let model = ItemFormModel(
            csrf: context.csrfToken, title: item.map { "修改事项：\($0.name)" } ?? "新增事项", action: id.map { "/catalog/items/\($0)" } ?? "/catalog/items/new",
            categories: c.categories.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == categoryId) },
            handlerTypes: HandlerType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == handler) },
            channels: IntakeChannel.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: channels.contains($0)) }, v: v,
            questions: ItemFormFields.rows(questions),
            byGrid: rule == .grid, byTag: { if case .thematic = rule { true } else { false } }(),
            byAccount: { if case .account = rule { true } else { false } }(), tag: tag,
            accounts: people.map { SelectOption(value: $0.username, label: "\($0.displayName)（\($0.role.label)）", selected: $0.username == username) },
            error: error?.message)
        return web.page("requests.itemForm", title: model.title, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func saveItem(_ id: Int64?, _ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        var request = request
        var fields = ItemFormFields.normalise(try await request.fields(context))
        if !fields.has("channels") { fields = Fields(fields.values.merging(["channels": .list([])]) { a, _ in a }) }
        let draft = ItemInput(&fields).draft
        do {
            try fields.finish()
            let item = try await catalog.saveItem(id: id, draft, actor: actor)
            return web.redirect(to: "/catalog", flash: "已保存事项「\(item.name)」")
        } catch let error as DomainError where error.kind == .invalid {
            return try await itemForm(id, request, context, draft: draft, error: error)
        }
    }

    func saveCategory(_ id: Int64?, _ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        var request = request
        var fields = try await request.fields(context)
        // A form's unchecked box sends nothing: absent means inactive when editing.
        if id != nil && !fields.has("active") { fields = Fields(fields.values.merging(["active": .text("0")]) { a, _ in a }) }
        let draft = CategoryInput(&fields).draft
        do {
            try fields.finish()
            let saved = try await catalog.saveCategory(id: id, draft, actor: actor)
            return web.redirect(to: "/catalog", flash: "已保存类别「\(saved.name)」")
        } catch let error as DomainError where error.kind == .invalid {
            return try await catalogPage(request, context, error: error)
        }
    }

    // MARK: Calendar

    struct DayRow { let day: String, kind: String, name: String, csrf: String }
    struct CalendarModel {
        let csrf: String, year: Int, nextYear: Int, years: [Int], start: String, end: String, weekdays: [SelectOption], warnHours: String
        let days: [DayRow], error: String?
    }

    static func clockText(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    func calendarPage(_ request: Request, _ context: AppContext, year: Int? = nil, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.catalogManage)
        var query = Fields.query(request)
        let year = year ?? query.integer("year", "年份", range: 2000...2100).map(Int.init) ?? LocalDay(clock.now()).year
        let view = try await calendar.view(year: year, actor: actor)
        let settings = view.settings, years = view.years
        let names = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        let model = CalendarModel(
            csrf: context.csrfToken, year: year, nextYear: (years.max() ?? year) + 1, years: years, start: Self.clockText(settings.startMinute),
            end: Self.clockText(settings.endMinute),
            weekdays: (1...7).map { SelectOption(value: String($0), label: names[$0 - 1], selected: settings.weekdays.contains($0)) },
            warnHours: RequestFormat.hours(settings.warnMinutes),
            days: view.days.map { DayRow(day: $0.day.description, kind: $0.kind.label, name: $0.name, csrf: context.csrfToken) },
            error: error?.message)
        return web.page("requests.calendar", title: "工作日历", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("catalog") { request, context in try await catalogPage(request, context) }
        router.get("catalog/items/new") { request, context in try await itemForm(nil, request, context) }
        router.post("catalog/items/new") { request, context in try await saveItem(nil, request, context) }
        router.get("catalog/items/:id") { request, context in try await itemForm(try context.pathID(), request, context) }
        router.post("catalog/items/:id") { request, context in try await saveItem(try context.pathID(), request, context) }
        router.post("catalog/categories") { request, context in try await saveCategory(nil, request, context) }
        router.post("catalog/categories/:id") { request, context in try await saveCategory(try context.pathID(), request, context) }
        router.get("calendar") { request, context in try await calendarPage(request, context) }
        router.post("calendar/settings") { request, context in
            let actor = try context.requireActor(.catalogManage)
            var request = request
            var fields = try await request.fields(context)
            let settings = SettingsInput(&fields).settings
            do {
                try fields.finish()
                try await calendar.saveSettings(settings, actor: actor)
                return web.redirect(to: "/calendar", flash: "已保存工作时间")
            } catch let error as DomainError where error.kind == .invalid {
                return try await calendarPage(request, context, error: error)
            }
        }
        router.post("calendar/days") { request, context in
            let actor = try context.requireActor(.catalogManage)
            do {
                let input = try await request.input(context, DatedCalendarDayInput.init)
                try await calendar.put(CalendarDay(day: input.day, kind: input.entry.kind, name: input.entry.name), actor: actor)
                return web.redirect(to: "/calendar?year=\(input.day.year)", flash: "已设置 \(input.day) 为\(input.entry.kind.label)")
            } catch let error as DomainError where error.kind == .invalid {
                return try await calendarPage(request, context, error: error)
            }
        }
        router.post("calendar/days/:day/delete") { _, context in
            let actor = try context.requireActor(.catalogManage)
            guard let day = LocalDay(context.parameters.get("day") ?? "") else { throw DomainError.notFound("日期") }
            try await calendar.remove(day, actor: actor)
            return web.redirect(to: "/calendar?year=\(day.year)", flash: "已删除 \(day) 的调整")
        }
    }
}
