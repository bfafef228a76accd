import Foundation
import Hummingbird
import LinliKit
import Residents

/// 社工登记: the form, new or edited.
extension ResourcesPages {
    struct WorkerFormModel {
        let heading: String, action: String, csrf: String, error: String?, accounts: [SelectOption], levels: [SelectOption]
        let certificateNumber: String, posts: [SelectOption], places: [SelectOption], organisations: [SelectOption]
        let hours: Int, topics: String, individual: Int, group: Int, community: Int, itemBoxes: Boxes
        let mayLinkResident: Bool, searchAction: String, residentName: String, residentOptions: [SelectOption], searched: Bool
    }

    func workerForm(_ request: Request, _ context: AppContext, existing w: SocialWorker?, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let people = try await staff.staffMembers(within: actor.scope.path, limit: 500)
            .filter { [.socialWorker, .socialOrganization].contains($0.role) && !$0.disabled }
        let organisations = try await resources.organisations(OrganisationFilter(status: .active), actor: actor)
            .filter { actor.scope.contains(path: $0.regionPath) }
        let regionId = w.flatMap { ResourcesService.nodeId($0.regionPath) }
        // 关联居民档案: the one linked now, then those found by the name typed (never by code).
        var fields = Fields.query(request)
        let residentName = fields.text("residentName", "居民姓名", maxLength: 20)
        let chosen = request.uri.queryParameters["residentId"].flatMap { Int64(String($0)) } ?? w?.residentId
        var residentOptions: [SelectOption] = []
        let mayLinkResident = actor.may(.residentView)
        if mayLinkResident {
            // The linked resident as the editor may read them (out of their scope: not shown).
            if let linked = w?.residentId, let resident = try? await resources.residents.resident(linked, actor: actor) {
                residentOptions.append(SelectOption(value: String(linked), label: Self.residentLabel(resident), selected: chosen == linked))
            }
            if let residentName {
                var query = ResidentQuery()
                query.name = residentName
                query.limit = 20
                residentOptions += try await resources.residents.search(query, actor: actor).items.filter { $0.id != w?.residentId }.map {
                    SelectOption(value: String($0.id), label: Self.residentLabel($0), selected: chosen == $0.id)
                }
            }
        }
        let model = WorkerFormModel(
            heading: w.map { "修改社工：\($0.name)" } ?? "登记社工", action: w.map { "/resources/social-workers/\($0.id)" } ?? "/resources/social-workers",
            csrf: context.csrfToken, error: error?.message,
            accounts: people.map { SelectOption(value: String($0.id), label: "\($0.displayName)（\($0.role.label)）", selected: $0.id == w?.userId) },
            levels: CertificateLevel.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == w?.certificate) },
            certificateNumber: w?.certificateNumber ?? "",
            posts: SocialWorkPost.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == w?.post) },
            places: try await places(actor, selected: w?.post == .organisation ? nil : regionId),
            organisations: organisations.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == w?.organisationId) },
            hours: w?.trainingHours ?? 0, topics: w?.trainingTopics ?? "", individual: w?.casework.individual ?? 0,
            group: w?.casework.group ?? 0, community: w?.casework.community ?? 0,
            itemBoxes: try await itemBoxes(actor, chosen: Set(w?.services ?? [])),
            mayLinkResident: mayLinkResident, searchAction: w.map { "/resources/social-workers/\($0.id)/edit" } ?? "/resources/social-workers/new",
            residentName: residentName ?? "", residentOptions: residentOptions, searched: residentName != nil)
        return web.page("resources.workerForm", title: model.heading, model: model, request: request, context: context, status: status(error))
    }

    static func residentLabel(_ r: Resident) -> String { r.address.isEmpty ? r.name : "\(r.name)（\(r.address)）" }

    @Sendable func newWorker(_ request: Request, context: AppContext) async throws -> Response {
        try await workerForm(request, context, existing: nil)
    }

    @Sendable func registerWorker(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        return try await web.formPost(request, context, SocialWorkerInput.init, { input in
            let worker = try await resources.saveSocialWorker(id: nil, input.draft, actor: actor)
            return ("/resources", "已登记社工：\(worker.name)")
        }, orShow: { try await workerForm(request, context, existing: nil, error: $0) })
    }

    func worker(_ id: Int64, _ actor: Actor) async throws -> SocialWorker {
        guard let worker = try await resources.socialWorkers(actor: actor, ids: [id]).first else { throw DomainError.notFound("社工") }
        return worker
    }

    @Sendable func editWorker(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        return try await workerForm(request, context, existing: try await worker(try context.pathID(), actor))
    }

    @Sendable func updateWorker(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let id = try context.pathID()
        return try await web.formPost(request, context, SocialWorkerInput.init, { input in
            let worker = try await resources.saveSocialWorker(id: id, input.draft, actor: actor)
            return ("/resources", "已保存：\(worker.name)")
        }, orShow: { try await workerForm(request, context, existing: try await worker(id, actor), error: $0) })
    }
}
