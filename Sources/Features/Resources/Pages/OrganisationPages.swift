import Foundation
import Hummingbird
import LinliKit
import Regions
import Requests

/// 社会组织: registration and edit forms, its record with the managers' forms, and 本组织.
extension ResourcesPages {
    struct OrganisationFormModel {
        let heading: String, action: String, csrf: String, error: String?, isNew: Bool
        let name: String, kinds: [SelectOption], creditCode: String, filingNumber: String, fieldBoxes: Boxes, places: [SelectOption]
        let contactName: String, contactPhone: String, address: String, summary: String, party: Bool
    }

    func organisationForm(_ request: Request, _ context: AppContext, existing: Organisation?, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let o = existing
        let model = OrganisationFormModel(
            heading: o.map { "修改：\($0.name)" } ?? "登记社会组织", action: o.map { "/resources/organisations/\($0.id)" } ?? "/resources/organisations",
            csrf: context.csrfToken, error: error?.message, isNew: o == nil, name: o?.name ?? "",
            kinds: OrganisationKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == o?.kind) },
            creditCode: o?.creditCode ?? "", filingNumber: o?.filingNumber ?? "",
            fieldBoxes: Boxes(legend: "服务领域", boxes: resources.settings.fields.map {
                Box(name: "fields", value: $0, label: $0, checked: o?.fields.contains($0) ?? false)
            }),
            places: o == nil ? try await places(actor) : [], contactName: o?.contactName ?? "", contactPhone: o?.contactPhone ?? "",
            address: o?.address ?? "", summary: o?.summary ?? "", party: o?.partyOrganisation ?? false)
        return web.page("resources.organisationForm", title: model.heading, model: model, request: request, context: context, status: status(error))
    }

    @Sendable func newOrganisation(_ request: Request, context: AppContext) async throws -> Response {
        try await organisationForm(request, context, existing: nil)
    }

    @Sendable func registerOrganisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        return try await web.formPost(request, context, OrganisationInput.init, { input in
            guard let regionId = input.regionId else { throw DomainError.invalid("regionId", "请选择「登记地」") }
            let organisation = try await resources.registerOrganisation(input.draft, regionId: regionId, actor: actor)
            return ("/resources/organisations/\(organisation.id)", "已登记：\(organisation.name)。请设置服务项目、范围和接单人")
        }, orShow: { try await organisationForm(request, context, existing: nil, error: $0) })
    }

    @Sendable func editOrganisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let record = try await resources.organisation(try context.pathID(), actor: actor)
        guard record.mayManage else { throw DomainError.forbidden }
        return try await organisationForm(request, context, existing: record.organisation)
    }

    @Sendable func updateOrganisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let id = try context.pathID()
        return try await web.formPost(request, context, OrganisationInput.init, { input in
            if input.regionId != nil { throw DomainError.invalid("regionId", "登记地不能修改") }
            _ = try await resources.updateOrganisation(id, input.draft, actor: actor)
            return ("/resources/organisations/\(id)", "已保存")
        }, orShow: { error in
            try await organisationForm(request, context, existing: try await resources.organisation(id, actor: actor).organisation, error: error)
        })
    }

    struct StaffRow { let name: String, intake: Bool }
    struct RequestRow { let id: Int64, itemName: String, stateLabel: String, place: String, submitted: String, mayOpen: Bool }
    struct EventRow { let at: String, text: String, by: String }
    struct OrganisationModel {
        let id: Int64, csrf: String, error: String?, isStaff: Bool, mayManage: Bool, name: String, statusLabel: String, isOff: Bool
        let hasGrade: Bool, grade: String, kindLabel: String, codeLabel: String, code: String, fieldsText: String, inspection: String
        let party: String, contact: String, hasAddress: Bool, address: String, hasSummary: Bool, summary: String, open: Int, rating: String
        let servicesText: String, areasText: String, itemBoxes: Boxes?, areaBoxes: Boxes?
        let staff: [StaffRow], hasStaff: Bool, staffBoxes: Boxes?, intakeOptions: [SelectOption]
        let thisYear: Int, lastYear: Int, results: [SelectOption], statuses: [SelectOption]
        let requests: [RequestRow], hasRequests: Bool, events: [EventRow]
        let hasIncubation: Bool, incubationId: Int64, incubationHub: String, incubationStage: String
        let mayApply: Bool, hubs: [SelectOption], hubDefault: String
        let received: [ReceivedRow], hasReceived: Bool
        let documents: [DocumentRow], hasDocuments: Bool, mayKeepDocuments: Bool, documentKinds: [SelectOption]
    }
    struct ReceivedRow { let at: String, amount: String, item: String, receipt: String, label: String }

    func organisationPage(_ record: OrganisationRecord, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let o = record.organisation
        var itemBoxes: Boxes?, areaBoxes: Boxes?, staffBoxes: Boxes?, intakeOptions: [SelectOption] = []
        if record.mayManage {
            itemBoxes = try await self.itemBoxes(actor, chosen: Set(record.services.map(\.id)))
            let chosenAreas = Set(record.areas.map(\.id))
            areaBoxes = Boxes(legend: "服务范围", boxes: try await places(actor).map {
                Box(name: "areaIds", value: $0.value, label: $0.label, checked: chosenAreas.contains(Int64($0.value) ?? 0))
            })
            // Accounts of organisations and social workers the registrar can reach, by name.
            let people = try await staff.staffMembers(within: actor.scope.path, limit: 500) + staff.staffMembers(onPathTo: o.regionPath)
            var seen = Set<Int64>()
            let eligible = people.filter { [.socialOrganization, .socialWorker].contains($0.role) && !$0.disabled && seen.insert($0.id).inserted }
            let members = Set(record.staff.map(\.userId))
            staffBoxes = Boxes(legend: "工作人员（社会组织、社工账号）", boxes: eligible.map {
                Box(name: "userIds", value: String($0.id), label: "\($0.displayName)（\($0.role.label)）", checked: members.contains($0.id))
            })
            intakeOptions = eligible.map { SelectOption(value: String($0.id), label: $0.displayName, selected: $0.id == record.intake?.userId) }
        }
        let year = ChinaStandardTime.reading(clock.now()).year
        let ownStaff = record.staff.contains { $0.userId == actor.userId }
        let incubation = try await resources.incubation(ofOrganisation: o.id)?.0
        let ended: Set<IncubationStage> = [.rejected, .graduated, .withdrawn]
        let mayApply = (record.mayManage || ownStaff) && o.status == .active && (incubation.map { ended.contains($0.stage) } ?? true)
        let hubs = mayApply ? try await self.hubs(for: o) : []
        let model = OrganisationModel(
            id: o.id, csrf: context.csrfToken, error: error?.message, isStaff: actor.may(.resourcesView), mayManage: record.mayManage,
            name: o.name, statusLabel: o.status.label, isOff: o.status != .active, hasGrade: o.grade != nil,
            grade: o.gradeLabel.map { "\($0)（\(o.gradeYear ?? 0) 年评估）" } ?? "", kindLabel: o.kind.label,
            codeLabel: o.creditCode == nil ? "备案编号" : "统一社会信用代码", code: o.creditCode ?? o.filingNumber ?? "",
            fieldsText: o.fields.joined(separator: "、"),
            inspection: o.inspection.map { "\($0.year) 年度：\($0.result.label)" } ?? "尚无记录", party: o.partyOrganisation ? "已建立" : "未建立",
            contact: o.contactName.isEmpty && o.contactPhone.isEmpty ? "未填写" : [o.contactName, o.contactPhone].filter { !$0.isEmpty }.joined(separator: " "),
            hasAddress: !o.address.isEmpty, address: o.address, hasSummary: !o.summary.isEmpty, summary: o.summary, open: record.figures.open,
            rating: record.figures.ratings == 0 ? "暂无" : "\(record.figures.ratings) 次，平均 \(Matching.oneDecimal(record.figures.meanRating)) 分",
            servicesText: record.services.isEmpty ? "尚未设置服务项目" : record.services.map(\.name).joined(separator: "、"),
            areasText: record.areas.isEmpty ? "尚未设置" : record.areas.map(\.name).joined(separator: "；"),
            itemBoxes: itemBoxes, areaBoxes: areaBoxes, staff: record.staff.map { StaffRow(name: $0.name, intake: $0.intake) },
            hasStaff: !record.staff.isEmpty, staffBoxes: staffBoxes, intakeOptions: intakeOptions, thisYear: year, lastYear: year - 1,
            results: InspectionResult.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) },
            statuses: OrganisationStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == o.status) },
            requests: record.requests.map { r in
                RequestRow(id: r.id, itemName: r.itemName, stateLabel: r.state.label, place: r.place, submitted: Date(millis: r.submittedAt).shanghaiText,
                           mayOpen: actor.may(.requestView) || (ownStaff && r.handlerId == actor.userId))
            },
            hasRequests: !record.requests.isEmpty,
            events: record.events.reversed().map { EventRow(at: Date(millis: $0.at).shanghaiText, text: $0.text, by: $0.by) },
            hasIncubation: incubation != nil, incubationId: incubation?.id ?? 0, incubationHub: incubation?.hubName ?? "",
            incubationStage: incubation?.stage.label ?? "", mayApply: mayApply, hubs: hubs,
            hubDefault: (try await regions.find(ids: hubs.first.flatMap { Int64($0.value) }.map { [$0] } ?? []).first?.name ?? "") + "社会组织孵化基地",
            received: record.received.map { use, donation in
                ReceivedRow(at: Date(millis: use.allocatedAt).shanghaiText, amount: donation.balance.describe(use.amount), item: donation.item,
                            receipt: donation.receiptNumber, label: use.targetLabel)
            },
            hasReceived: !record.received.isEmpty,
            documents: Self.documentRows(record.documents), hasDocuments: !record.documents.isEmpty,
            mayKeepDocuments: record.mayKeepDocuments,
            documentKinds: DocumentKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) })
        return web.page("resources.organisation", title: o.name, model: model, request: request, context: context, status: status(error))
    }

    @Sendable func organisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try await organisationPage(try await resources.organisation(try context.pathID(), actor: actor), request, context)
    }

    @Sendable func ownOrganisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.organisationOwn)
        guard let record = try await resources.ownOrganisation(actor: actor) else {
            return web.page("resources.noOrganisation", title: "本组织", model: [String: String](), request: request, context: context)
        }
        return try await organisationPage(record, request, context)
    }

    /// A manager's form on the record: read, act, back to the record (or the record with the error).
    func onRecord<T>(_ request: Request, _ context: AppContext, _ read: (inout Fields) throws -> T,
                     _ action: @escaping (T, Actor) async throws -> String) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let id = try context.pathID()
        return try await web.formPost(request, context, read, { input in
            ("/resources/organisations/\(id)", try await action(input, actor))
        }, orShow: { error in try await organisationPage(try await resources.organisation(id, actor: actor), request, context, error: error) })
    }

    @Sendable func setServices(_ request: Request, context: AppContext) async throws -> Response {
        let id = try context.pathID()
        return try await onRecord(request, context, OrganisationServicesInput.init) { input, actor in
            try await resources.setOrganisationServices(id, itemIds: input.itemIds, areaIds: input.areaIds, actor: actor)
            return "已保存服务项目和服务范围"
        }
    }

    @Sendable func setStaff(_ request: Request, context: AppContext) async throws -> Response {
        let id = try context.pathID()
        return try await onRecord(request, context, OrganisationStaffInput.init) { input, actor in
            try await resources.setOrganisationStaff(id, userIds: input.userIds, intakeUserId: input.intakeUserId, actor: actor)
            return "已保存工作人员"
        }
    }

    @Sendable func review(_ request: Request, context: AppContext) async throws -> Response {
        let id = try context.pathID()
        return try await onRecord(request, context, OrganisationReviewInput.init) { input, actor in
            _ = try await resources.recordOrganisationReview(id, input.review, actor: actor)
            return "已记录"
        }
    }
}
