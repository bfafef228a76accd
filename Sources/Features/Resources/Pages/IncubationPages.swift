import Foundation
import Hummingbird
import LinliKit
import Regions

/// 孵化基地: the hub's dashboard by stage, one incubation with its steps, and the application.
extension ResourcesPages {
    struct StageCount { let label: String, count: Int }
    struct IncubationRow { let id: Int64, name: String, hub: String, applied: String, overdue: Bool, hasDue: Bool, dueText: String }
    struct StageGroup { let label: String, count: Int, rows: [IncubationRow] }
    struct IncubationsModel { let checkDays: Int, returnDays: Int, stages: [StageCount], groups: [StageGroup], hasGroups: Bool }

    @Sendable func incubations(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let all = try await resources.incubations(actor: actor)
        let now = clock.now().millis
        let byStage = Dictionary(grouping: all, by: \.stage)
        let groups = IncubationStage.allCases.compactMap { stage -> StageGroup? in
            guard let rows = byStage[stage] else { return nil }
            return StageGroup(label: stage.label, count: rows.count, rows: rows.map { i in
                let due: String? = i.stage == .applied ? "初审时限 " + Date(millis: i.checkDue).shanghaiText
                    : i.spaceDue.map { "交还场地时限 " + Date(millis: $0).shanghaiText }
                return IncubationRow(id: i.id, name: i.organisationName, hub: i.hubName, applied: Date(millis: i.appliedAt).shanghaiText,
                                     overdue: i.overdue(at: now), hasDue: due != nil, dueText: due ?? "")
            })
        }
        let model = IncubationsModel(checkDays: resources.settings.initialCheckWorkingDays, returnDays: resources.settings.spaceReturnDays,
                                     stages: IncubationStage.allCases.filter(\.isIncubating).map { StageCount(label: $0.label, count: byStage[$0]?.count ?? 0) },
                                     groups: groups, hasGroups: !groups.isEmpty)
        return web.page("resources.incubations", title: "孵化基地", model: model, request: request, context: context)
    }

    struct StepForm { let step: String, label: String, isSign: Bool, needsNote: Bool, isMain: Bool }
    struct IncubationModel {
        let id: Int64, csrf: String, error: String?, name: String, organisationId: Int64, stage: String, overdue: Bool, hub: String
        let applied: String, checkDue: String, hasAgreement: Bool, period: String, space: String, support: String
        let hasSpaceDue: Bool, spaceDue: String, steps: [StepForm], hasSteps: Bool, mayNote: Bool, mayStep: Bool, events: [EventRow]
    }

    func incubationPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let (i, events, mayStep) = try await resources.incubation(id, actor: actor)
        let own = try await resources.ownOrganisation(ifAny: actor)?.organisation.id == i.organisationId
        // The steps the stage allows: the hub's all, the organisation's own only withdrawing.
        let steps = IncubationStep.allCases.filter { step in
            guard case .success = Incubation.apply(i.stage, step, holdsSpace: i.holdsSpace) else { return false }
            return mayStep || (own && step == .withdraw)
        }
        let model = IncubationModel(
            id: id, csrf: context.csrfToken, error: error?.message, name: i.organisationName, organisationId: i.organisationId,
            stage: i.stage.label, overdue: i.overdue(at: clock.now().millis), hub: i.hubName, applied: Date(millis: i.appliedAt).shanghaiText,
            checkDue: Date(millis: i.checkDue).shanghaiText, hasAgreement: i.agreementFrom != nil,
            period: "\(i.agreementFrom ?? "") 至 \(i.agreementTo ?? "")", space: i.holdsSpace ? i.space : "不提供场地", support: i.support,
            hasSpaceDue: i.spaceDue != nil, spaceDue: i.spaceDue.map { Date(millis: $0).shanghaiText } ?? "",
            steps: steps.map { StepForm(step: $0.rawValue, label: $0.label, isSign: $0 == .sign, needsNote: $0 == .fail || $0 == .withdraw,
                                        isMain: [.pass, .sign, .advance, .exit, .returnSpace].contains($0)) },
            hasSteps: !steps.isEmpty, mayNote: (mayStep || own) && (i.stage.isIncubating || i.stage == .accepted), mayStep: mayStep,
            events: events.reversed().map { EventRow(at: Date(millis: $0.at).shanghaiText, text: $0.text, by: $0.by) })
        return web.page("resources.incubation", title: "孵化：\(i.organisationName)", model: model, request: request, context: context,
                        status: status(error))
    }

    @Sendable func incubation(_ request: Request, context: AppContext) async throws -> Response {
        try await incubationPage(try context.pathID(), request, context)
    }

    @Sendable func incubationStep(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await web.formPost(request, context, IncubationStepInput.init, { input in
            let record = try await resources.takeIncubationStep(id, input.step, agreement: input.agreement, note: input.note, actor: actor)
            return ("/resources/incubations/\(id)", "\(input.step.label)，现为\(record.stage.label)")
        }, orShow: { try await incubationPage(id, request, context, error: $0) })
    }

    @Sendable func incubationNote(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await web.formPost(request, context, IncubationNoteInput.init, { input in
            try await resources.noteIncubation(id, mentor: input.mentor, text: input.text, actor: actor)
            return ("/resources/incubations/\(id)", "已记录")
        }, orShow: { try await incubationPage(id, request, context, error: $0) })
    }

    @Sendable func applyForIncubation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await web.formPost(request, context, IncubationApplyInput.init, { input in
            let record = try await resources.applyForIncubation(organisationId: id, hubRegionId: input.hubRegionId, hubName: input.hubName,
                                                                note: input.note, actor: actor)
            return ("/resources/incubations/\(record.id)", "已提交入孵申请，初审时限 \(Date(millis: record.checkDue).shanghaiText)")
        }, orShow: { try await organisationPage(try await resources.organisation(id, actor: actor), request, context, error: $0) })
    }

    /// Where an organisation may apply: the hubs at its node and above it (street, district).
    func hubs(for organisation: Organisation) async throws -> [SelectOption] {
        let ids = Scope.ancestorPaths(of: organisation.regionPath).compactMap(ResourcesService.nodeId)
        return try await regions.find(ids: ids).filter { $0.level <= .street }.sorted { $0.path.count > $1.path.count }
            .map { SelectOption(value: String($0.id), label: "\($0.level.label)：\($0.name)") }
    }
}
