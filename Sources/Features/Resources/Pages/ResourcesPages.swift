import Foundation
import Hummingbird
import LinliKit
import Regions
import Requests

/// The feature's HTML pages: the overview (organisations, certified shares, social workers),
/// an organisation's record, 本组织 for its own staff, matching a request, and charity.
struct ResourcesPages {
    let resources: ResourcesService
    let regions: RegionService
    let catalog: CatalogService
    let staff: any StaffDirectory
    let web: Web
    let clock: any Clock

    func addRoutes(to router: Router<AppContext>) {
        router.get("resources", use: home)
        router.get("resources/organisations/new", use: newOrganisation)
        router.post("resources/organisations", use: registerOrganisation)
        router.get("resources/organisations/:id", use: organisation)
        router.get("resources/organisations/:id/edit", use: editOrganisation)
        router.post("resources/organisations/:id", use: updateOrganisation)
        router.post("resources/organisations/:id/services", use: setServices)
        router.post("resources/organisations/:id/staff", use: setStaff)
        router.post("resources/organisations/:id/reviews", use: review)
        router.post("resources/organisations/:id/documents", use: addDocument)
        router.get("resources/organisations/:id/documents/:document", use: document)
        router.post("resources/organisations/:id/documents/:document/delete", use: removeDocument)
        router.get("my/organisation", use: ownOrganisation)
        router.get("resources/social-workers/new", use: newWorker)
        router.post("resources/social-workers", use: registerWorker)
        router.get("resources/social-workers/:id/edit", use: editWorker)
        router.post("resources/social-workers/:id", use: updateWorker)
        router.get("resources/map", use: resourceMap)
        router.get("resources/teams/:id", use: team)
        router.post("resources/teams/:id/services", use: setTeamServices)
        router.get("resources/charity", use: charity)
        router.post("resources/donors", use: registerDonor)
        router.get("resources/donors/:id", use: donor)
        router.post("resources/donations", use: receiveDonation)
        router.get("resources/donations/:id", use: donation)
        router.post("resources/donations/:id/allocations", use: allocate)
        router.post("resources/organisations/:id/incubation", use: applyForIncubation)
        router.get("resources/incubations", use: incubations)
        router.get("resources/incubations/:id", use: incubation)
        router.post("resources/incubations/:id/steps", use: incubationStep)
        router.post("resources/incubations/:id/notes", use: incubationNote)
        router.get("requests/:id/match", use: match)
        router.post("requests/:id/match", use: dispatchMatch)
    }

    func status(_ error: DomainError?) -> HTTPResponse.Status { error.map { HTTPResponse.Status(code: $0.status) } ?? .ok }

    struct Box { let name: String, value: String, label: String, checked: Bool }
    struct Boxes { let legend: String, boxes: [Box] }

    /// The streets and communities the actor may register things at, their own node first.
    func places(_ actor: Actor, selected: Int64? = nil) async throws -> [SelectOption] {
        var nodes: [RegionNode] = []
        if let own = try await regions.lookup(actor.scope.regionId), own.level <= .community { nodes.append(own) }
        for level in [RegionLevel.street, .community] {
            nodes += try await regions.search(level: level, term: nil, actor: actor, limit: 300).filter { !$0.retired && $0.id != actor.scope.regionId }
        }
        return nodes.map { SelectOption(value: String($0.id), label: "\($0.level.label)：\($0.name)", selected: $0.id == selected) }
    }

    /// The catalog's items as boxes, `chosen` ticked.
    func itemBoxes(_ actor: Actor, chosen: Set<Int64>) async throws -> Boxes {
        let catalog = try await self.catalog.catalog(actor: actor)
        return Boxes(legend: "服务项目（服务目录事项）", boxes: catalog.categories.flatMap { category in
            catalog.items(in: category.id).map { Box(name: "itemIds", value: String($0.id), label: "\(category.name)·\($0.name)", checked: chosen.contains($0.id)) }
        })
    }

    // MARK: Overview

    struct OrganisationRow {
        let id: Int64, name: String, kindLabel: String, fieldsText: String, statusLabel: String, isOff: Bool
        let hasGrade: Bool, grade: String, hasInspection: Bool, inspection: String
    }
    struct ShareRow { let name: String, certified: Int, total: Int, percent: String, meets: Bool, target: Int }
    struct WorkerRow {
        let id: Int64, name: String, certificate: String, certified: Bool, post: String, hours: Int, individual: Int, group: Int, community: Int
        let mayEdit: Bool
    }
    struct HomeModel {
        let mayManage: Bool, term: String, fieldOptions: [SelectOption], itemOptions: [SelectOption], statusOptions: [SelectOption]
        let organisations: [OrganisationRow], organisationCount: Int, hasOrganisations: Bool
        let shares: [ShareRow], hasShares: Bool, workers: [WorkerRow], workerCount: Int, hasWorkers: Bool
    }

    static func row(_ o: Organisation) -> OrganisationRow {
        OrganisationRow(id: o.id, name: o.name, kindLabel: o.kind.label, fieldsText: o.fields.joined(separator: "、"), statusLabel: o.status.label,
                        isOff: o.status != .active, hasGrade: o.grade != nil, grade: o.gradeLabel ?? "", hasInspection: o.inspection != nil,
                        inspection: o.inspection.map { "\($0.year) 年度年检：\($0.result.label)" } ?? "")
    }

    @Sendable func home(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let filter = try request.query(OrganisationListInput.init).filter
        let organisations = try await resources.organisations(filter, actor: actor)
        let shares = try await resources.certifiedShares(actor: actor)
        let workers = try await resources.socialWorkers(actor: actor)
        let catalog = try await self.catalog.catalog(actor: actor)
        let model = HomeModel(
            mayManage: actor.may(.resourcesManage), term: filter.term ?? "",
            fieldOptions: resources.settings.fields.map { SelectOption(value: $0, label: $0, selected: $0 == filter.field) },
            itemOptions: catalog.items.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == filter.itemId) },
            statusOptions: OrganisationStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.status) },
            organisations: organisations.map(Self.row), organisationCount: organisations.count, hasOrganisations: !organisations.isEmpty,
            shares: shares.map { ShareRow(name: $0.community.name, certified: $0.share.certified, total: $0.share.total,
                                          percent: Matching.oneDecimal($0.share.percent), meets: $0.share.meetsTarget, target: $0.share.targetPercent) },
            hasShares: !shares.isEmpty,
            workers: workers.map { w in
                WorkerRow(id: w.id, name: w.name, certificate: w.certificate?.label ?? "未持证", certified: w.certificate != nil, post: w.post.label,
                          hours: w.trainingHours, individual: w.casework.individual, group: w.casework.group, community: w.casework.community,
                          mayEdit: actor.may(.resourcesManage))
            },
            workerCount: workers.count, hasWorkers: !workers.isEmpty)
        return web.page("resources.home", title: "五社资源", model: model, request: request, context: context)
    }
}
