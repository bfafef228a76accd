import Foundation
import Hummingbird
import LinliKit
import Regions

/// Console pages of the resident registry.
struct ResidentsPages {
    let residents: ResidentService
    let regions: RegionService
    let web: Web
    let clock: any Clock

    struct ResidentView {
        let id: Int64, regionId: Int64, name: String, gender: String, age: String, ageText: String?, address: String
        let idNumber: String, phone: String, tags: [String], tagText: String, status: String, birthDate: String
        let ethnicity: String, politicalStatus: String, relation: String, notes: String
        init(_ r: Resident, today: Date) {
            id = r.id; regionId = r.regionId; name = r.name; gender = r.gender?.label ?? ""
            let years = r.age(on: today)
            age = years.map(String.init) ?? ""; ageText = years.map { "\($0) 岁" }
            address = r.address; idNumber = r.idNumberMasked ?? ""; phone = r.phoneMasked ?? ""
            tags = r.tags; tagText = r.tags.joined(separator: "、"); status = r.status.label; birthDate = r.birthDate ?? ""
            ethnicity = r.ethnicity ?? ""; politicalStatus = r.politicalStatus?.label ?? ""; relation = r.relation?.label ?? ""
            notes = r.notes ?? ""
        }
    }
    struct TagOption { let name: String, selected: Bool }
    struct FilterValues { var name = "", phone = "", idNumber = "", address = "", regionCode = "", minAge = "", maxAge = "" }
    struct ListModel {
        let f: FilterValues, moreFilters: Bool, exportLink: String, canExportFull: Bool, total: Int, items: [ResidentView], tagOptions: [TagOption], statusOptions: [SelectOption]
        let canManage: Bool, previous: String?, next: String?, error: String?
    }
    struct FormValues { var name = "", regionCode = "", idNumber = "", phone = "", birthDate = "", notes = "" }
    struct FormModel {
        let csrf: String, title: String, action: String, editing: Bool, v: FormValues, idPlaceholder: String, phonePlaceholder: String
        let genders: [SelectOption], ethnicities: [SelectOption], politicalStatuses: [SelectOption], relations: [SelectOption], statuses: [SelectOption]
        let tagOptions: [TagOption], error: String?
    }
    struct DetailModel {
        let csrf: String, r: ResidentView, idNumber: String, phone: String, canRevealId: Bool, canRevealPhone: Bool
        let revealed: Bool, canManage: Bool
    }
    struct HouseholdModel { let address: String, levelLabel: String, code: String, count: Int, members: [ResidentView], canManage: Bool }
    struct TagsModel { let csrf: String, items: [String], canManage: Bool, error: String? }

    static func options<T: RawRepresentable & Equatable>(_ all: [T], _ label: (T) -> String, selected: T?) -> [SelectOption] where T.RawValue == String {
        all.map { SelectOption(value: $0.rawValue, label: label($0), selected: $0 == selected) }
    }

    // MARK: List

    func listPage(request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.residentView)
        var fields = Fields.query(request)
        var filter = ResidentFilter(&fields, place: .code)
        let values = FilterValues(name: filter.query.name ?? "", phone: filter.query.phone ?? "", idNumber: filter.query.idNumber ?? "",
                                  address: filter.query.address ?? "", regionCode: filter.regionCode ?? "",
                                  minAge: filter.query.minAge.map(String.init) ?? "", maxAge: filter.query.maxAge.map(String.init) ?? "")
        var page = Page<Resident>(items: [], total: 0, limit: filter.query.limit, offset: 0)
        var problem: DomainError?
        do {
            try fields.finish()
            if let place = filter.regionCode { filter.query.regionId = try await regions.node(named: place, field: "regionCode", actor: actor).id }
            page = try await residents.search(filter.query, actor: actor)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .notFound {
            problem = error
        }
        let today = clock.now()
        let allTags = try await residents.tags(actor: actor)
        let carried = Fields.carriedQuery(request, dropping: ["offset", "limit"])
        func link(_ offset: Int) -> String { "/residents?" + (carried.isEmpty ? "" : carried + "&") + "offset=\(offset)" }
        let exportFilters = Fields.carriedQuery(request, dropping: ["offset", "limit", "sort"])
        let q = filter.query
        let moreFilters = q.phone != nil || q.idNumber != nil || q.address != nil || filter.regionCode != nil || !q.tags.isEmpty
            || q.minAge != nil || q.maxAge != nil || q.status != nil
        let model = ListModel(f: values, moreFilters: moreFilters,
                              exportLink: "/residents/export?" + (exportFilters.isEmpty ? "" : exportFilters + "&"),
                              canExportFull: actor.may(.residentExport), total: page.total, items: page.items.map { ResidentView($0, today: today) },
                              tagOptions: allTags.map { TagOption(name: $0, selected: filter.query.tags.contains($0)) },
                              statusOptions: Self.options(ResidenceStatus.allCases, \.label, selected: filter.query.status),
                              canManage: actor.may(.residentManage),
                              previous: page.hasPrevious ? link(max(0, page.offset - page.limit)) : nil,
                              next: page.hasNext ? link(page.offset + page.limit) : nil, error: problem?.message)
        return web.page("residents.list", title: "居民信息", model: model, request: request, context: context,
                        status: problem.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    // MARK: Form

    func formPage(request: Request, context: AppContext, editing resident: Resident?, values: FormValues,
                  draft: ResidentDraft?, error: DomainError?) async throws -> Response {
        let allTags = try await residents.tags(actor: try context.requireActor(.residentManage))
        let chosenTags = draft?.tags ?? resident?.tags ?? []
        let title = resident == nil ? "登记居民" : "修改：\(resident!.name)"
        let model = FormModel(
            csrf: context.csrfToken, title: title, action: resident.map { "/residents/\($0.id)" } ?? "/residents",
            editing: resident != nil, v: values,
            idPlaceholder: resident?.idNumberMasked.map { "留空保持：\($0)" } ?? "18 位",
            phonePlaceholder: resident?.phoneMasked.map { "留空保持：\($0)" } ?? "11 位手机号",
            genders: Self.options(Gender.allCases, \.label, selected: draft?.gender ?? resident?.gender),
            ethnicities: Ethnicity.all.map { SelectOption(value: $0, label: $0, selected: $0 == (draft?.ethnicity ?? resident?.ethnicity)) },
            politicalStatuses: Self.options(PoliticalStatus.allCases, \.label, selected: draft?.politicalStatus ?? resident?.politicalStatus),
            relations: Self.options(Relation.allCases, \.label, selected: draft?.relation ?? resident?.relation),
            statuses: Self.options(ResidenceStatus.allCases, \.label, selected: draft?.status ?? resident?.status ?? .registered),
            tagOptions: allTags.map { TagOption(name: $0, selected: chosenTags.contains($0)) }, error: error?.message)
        return web.page("residents.form", title: title, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func formValues(_ input: ResidentInput) -> FormValues {
        FormValues(name: input.draft.name ?? "", regionCode: input.regionCode ?? "", idNumber: input.draft.idNumber ?? "",
                   phone: input.draft.phone ?? "", birthDate: input.draft.birthDate ?? "", notes: input.draft.notes ?? "")
    }

    func resolvePlace(_ input: inout ResidentInput, actor: Actor) async throws {
        guard let place = input.regionCode else { throw DomainError.invalid("regionCode", "请填写居住地（到户），如「1号楼 1单元 101室」") }
        input.draft.regionId = try await regions.node(named: place, field: "regionCode", actor: actor).id
    }

    // MARK: Detail

    func detailPage(_ id: Int64, request: Request, context: AppContext, revealed: (PersonalField, String?)? = nil) async throws -> Response {
        let actor = try context.requireActor(.residentView)
        let resident = try await residents.resident(id, actor: actor)
        let view = ResidentView(resident, today: clock.now())
        var idNumber = view.idNumber, phone = view.phone
        if let (field, value) = revealed {
            if field == .idNumber { idNumber = value ?? "" } else { phone = value ?? "" }
        }
        let canReveal = actor.may(.residentReveal)
        let model = DetailModel(csrf: context.csrfToken, r: view, idNumber: idNumber, phone: phone,
                                canRevealId: canReveal && resident.idNumberMasked != nil && revealed?.0 != .idNumber,
                                canRevealPhone: canReveal && resident.phoneMasked != nil && revealed?.0 != .phone,
                                revealed: revealed != nil, canManage: actor.may(.residentManage))
        return web.page("residents.detail", title: resident.name, model: model, request: request, context: context)
    }

    // MARK: Routes

    func addRoutes(to router: Router<AppContext>) {
        let residents = router.group("residents")
        residents.get(use: list)
        residents.get("new", use: newForm)
        residents.post(use: create)
        let resident = residents.group(":id")
        resident.get(use: detail)
        resident.get("edit", use: editForm)
        resident.post(use: update)
        resident.post("reveal", use: reveal)
        router.get("households/:id", use: household)
        let tags = router.group("tags")
        tags.get(use: self.tags)
        tags.post(use: createTag)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        try await listPage(request: request, context: context)
    }

    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        var query = Fields.query(request)
        let code = query.text("regionCode", "居住地编码", maxLength: 30) ?? ""
        return try await formPage(request: request, context: context, editing: nil, values: FormValues(regionCode: code),
                                  draft: nil, error: nil)
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        try await save(nil, request, context)
    }

    @Sendable func detail(_ request: Request, context: AppContext) async throws -> Response {
        try await detailPage(try context.pathID(), request: request, context: context)
    }

    @Sendable func editForm(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.residentManage)
        let resident = try await residents.resident(try context.pathID(), actor: actor)
        let code = try await regions.lookup(resident.regionId)?.code ?? ""
        return try await formPage(request: request, context: context, editing: resident,
                                  values: FormValues(name: resident.name, regionCode: code, birthDate: resident.birthDate ?? "",
                                                     notes: resident.notes ?? ""),
                                  draft: nil, error: nil)
    }

    @Sendable func update(_ request: Request, context: AppContext) async throws -> Response {
        try await save(try context.pathID(), request, context)
    }

    /// 登记 (no id) or 修改 a resident from the form; a mistake shows the form again as typed.
    func save(_ id: Int64?, _ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.residentManage)
        let current = try await id.asyncMap { try await residents.resident($0, actor: actor) }
        var request = request
        var fields = try await request.fields(context)
        var input = ResidentInput(&fields, place: .code)
        // A form sends every field: on an edit, unchecked tag boxes mean "no tags".
        if current != nil { input.sent.insert("tags") }
        return try await web.formAction({
            try fields.finish()
            try await resolvePlace(&input, actor: actor)
            if let current {
                let resident = try await residents.update(current.id, input.merged(over: current), actor: actor)
                return ("/residents/\(resident.id)", "已保存「\(resident.name)」")
            }
            let resident = try await residents.create(input.draft, actor: actor)
            return ("/residents/\(resident.id)", "已登记居民「\(resident.name)」")
        }, orShow: { error in
            try await formPage(request: request, context: context, editing: current, values: formValues(input),
                               draft: input.draft, error: error)
        })
    }

    @Sendable func reveal(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        let input = try await request.input(context, RevealInput.init)
        let value = try await residents.reveal(id, field: input.field, actor: actor)
        return try await detailPage(id, request: request, context: context, revealed: (input.field, value))
    }

    @Sendable func household(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.residentView)
        let node = try await regions.node(try context.pathID(), actor: actor)
        var query = ResidentQuery()
        query.regionId = node.id
        query.limit = 500
        let members = try await residents.search(query, actor: actor).items.filter { $0.regionId == node.id }
        let today = clock.now()
        let model = HouseholdModel(address: try await regions.addressLine(for: node), levelLabel: node.level.label, code: node.code,
                                   count: members.count, members: members.map { ResidentView($0, today: today) },
                                   canManage: actor.may(.residentManage))
        return web.page("residents.household", title: node.name, model: model, request: request, context: context)
    }

    @Sendable func tags(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.residentView)
        return web.page("residents.tags", title: "标签", model: TagsModel(csrf: context.csrfToken, items: try await residents.tags(actor: actor),
                                                                        canManage: actor.may(.tagManage), error: nil),
                        request: request, context: context)
    }

    @Sendable func createTag(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.tagManage)
        do {
            let input = try await request.input(context, NewTagInput.init)
            _ = try await residents.createTag(input.name, actor: actor)
            return web.redirect(to: "/tags", flash: "已新增标签「\(input.name)」")
        } catch let error as DomainError where error.kind == .invalid {
            return web.page("residents.tags", title: "标签", model: TagsModel(csrf: context.csrfToken, items: try await residents.tags(actor: actor),
                                                                            canManage: true, error: error.message),
                            request: request, context: context, status: .unprocessableContent)
        }
    }
}
