import Foundation
import Hummingbird
import LinliKit
import Requests

/// JSON API under /api/v1 for organisations, social workers, charity resources and matching.
struct ResourcesAPI {
    let resources: ResourcesService
    let clock: any Clock

    func addRoutes(to router: Router<AppContext>) {
        let organisations = router.group("api/v1/organisations")
        organisations.get(use: organisationList)
        organisations.post(use: registerOrganisation)
        organisations.get("mine", use: ownOrganisation)
        organisations.get(":id", use: organisation)
        organisations.put(":id", use: updateOrganisation)
        organisations.put(":id/services", use: setServices)
        organisations.put(":id/staff", use: setStaff)
        organisations.post(":id/reviews", use: review)
        organisations.post(":id/incubations", use: applyForIncubation)
        organisations.get(":id/documents", use: documents)
        organisations.post(":id/documents", use: addDocument)
        organisations.get(":id/documents/:document", use: document)
        organisations.delete(":id/documents/:document", use: removeDocument)

        let incubations = router.group("api/v1/incubations")
        incubations.get(use: incubationList)
        incubations.get(":id", use: incubation)
        incubations.post(":id/steps", use: incubationStep)
        incubations.post(":id/notes", use: incubationNote)

        let workers = router.group("api/v1/social-workers")
        workers.get(use: socialWorkers)
        workers.post(use: registerSocialWorker)
        workers.get("shares", use: certifiedShares)
        workers.put(":id", use: updateSocialWorker)

        router.get("api/v1/donors", use: charity)
        router.post("api/v1/donors", use: registerDonor)
        router.get("api/v1/donors/:id", use: donor)
        router.post("api/v1/donations", use: receiveDonation)
        router.get("api/v1/donations/:id", use: donation)
        router.post("api/v1/donations/:id/allocations", use: allocate)

        router.get("api/v1/resource-map", use: resourceMap)
        router.get("api/v1/volunteer-teams/:id/services", use: teamServices)
        router.put("api/v1/volunteer-teams/:id/services", use: setTeamServices)
        router.get("api/v1/requests/:id/matches", use: matches)
        router.post("api/v1/requests/:id/matches", use: dispatchMatch)
    }

    // MARK: Organisations

    @Sendable func organisationList(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let input = try request.query(OrganisationListInput.init)
        return try Web.json(ItemList(try await resources.organisations(input.filter, actor: actor).map(OrganisationBody.init)))
    }

    @Sendable func registerOrganisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, OrganisationInput.init)
        guard let regionId = input.regionId else { throw DomainError.invalid("regionId", "请选择「登记地」") }
        let organisation = try await resources.registerOrganisation(input.draft, regionId: regionId, actor: actor)
        return try Web.json(OrganisationBody(organisation), status: .created)
    }

    @Sendable func ownOrganisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.organisationOwn)
        guard let record = try await resources.ownOrganisation(actor: actor) else { throw DomainError.notFound("本账号所属的社会组织") }
        return try Web.json(OrganisationRecordBody(record))
    }

    @Sendable func organisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(OrganisationRecordBody(try await resources.organisation(try context.pathID(), actor: actor)))
    }

    @Sendable func updateOrganisation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, OrganisationInput.init)
        if input.regionId != nil { throw DomainError.invalid("regionId", "登记地不能修改") }
        return try Web.json(OrganisationBody(try await resources.updateOrganisation(try context.pathID(), input.draft, actor: actor)))
    }

    @Sendable func setServices(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, OrganisationServicesInput.init)
        let id = try context.pathID()
        try await resources.setOrganisationServices(id, itemIds: input.itemIds, areaIds: input.areaIds, actor: actor)
        return try Web.json(OrganisationRecordBody(try await resources.organisation(id, actor: actor)))
    }

    @Sendable func setStaff(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, OrganisationStaffInput.init)
        let id = try context.pathID()
        try await resources.setOrganisationStaff(id, userIds: input.userIds, intakeUserId: input.intakeUserId, actor: actor)
        return try Web.json(OrganisationRecordBody(try await resources.organisation(id, actor: actor)))
    }

    @Sendable func review(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, OrganisationReviewInput.init)
        return try Web.json(OrganisationBody(try await resources.recordOrganisationReview(try context.pathID(), input.review, actor: actor)))
    }

    // MARK: Documents

    @Sendable func documents(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(ItemList(try await resources.documents(organisationId: try context.pathID(), actor: actor).map(DocumentBody.init)))
    }

    @Sendable func addDocument(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var request = request
        var (fields, files) = try await request.fieldsAndFiles(context, fileField: "file")
        let input = try DocumentInput(&fields, file: files.first ?? Data())
        let document = try await resources.addDocument(organisationId: try context.pathID(), input.draft, actor: actor)
        return try Web.json(DocumentBody(document), status: .created)
    }

    @Sendable func document(_ request: Request, context: AppContext) async throws -> Response {
        try await Self.download(resources, context)
    }

    /// A document as a download, for the API and the page alike.
    static func download(_ resources: ResourcesService, _ context: AppContext) async throws -> Response {
        let (document, data) = try await resources.document(organisationId: try context.pathID(), documentId: try context.pathID("document"),
                                                            actor: try context.requireActor())
        return Web.download(data, contentType: document.contentType, name: DocumentRules.fileName(document),
                            fallback: "document." + DocumentRules.fileExtension(document.contentType))
    }

    @Sendable func removeDocument(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        try await resources.removeDocument(organisationId: try context.pathID(), documentId: try context.pathID("document"), actor: actor)
        return Response(status: .noContent)
    }

    // MARK: Incubation

    @Sendable func applyForIncubation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, IncubationApplyInput.init)
        let record = try await resources.applyForIncubation(organisationId: try context.pathID(), hubRegionId: input.hubRegionId,
                                                            hubName: input.hubName, note: input.note, actor: actor)
        return try Web.json(IncubationBody(record, now: clock.now().millis), status: .created)
    }

    @Sendable func incubationList(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let now = clock.now().millis
        return try Web.json(ItemList(try await resources.incubations(actor: actor).map { IncubationBody($0, now: now) }))
    }

    @Sendable func incubation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let found = try await resources.incubation(try context.pathID(), actor: actor)
        return try Web.json(IncubationRecordBody(incubation: IncubationBody(found.incubation, now: clock.now().millis),
                                                 events: found.events.map { EventBody(kind: $0.kind, text: $0.text, by: $0.by, at: $0.at) }))
    }

    @Sendable func incubationStep(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, IncubationStepInput.init)
        let record = try await resources.takeIncubationStep(try context.pathID(), input.step, agreement: input.agreement, note: input.note,
                                                            actor: actor)
        return try Web.json(IncubationBody(record, now: clock.now().millis))
    }

    @Sendable func incubationNote(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, IncubationNoteInput.init)
        let id = try context.pathID()
        try await resources.noteIncubation(id, mentor: input.mentor, text: input.text, actor: actor)
        let found = try await resources.incubation(id, actor: actor)
        return try Web.json(IncubationRecordBody(incubation: IncubationBody(found.incubation, now: clock.now().millis),
                                                 events: found.events.map { EventBody(kind: $0.kind, text: $0.text, by: $0.by, at: $0.at) }),
                            status: .created)
    }

    // MARK: Social workers

    @Sendable func socialWorkers(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        return try Web.json(ItemList(try await resources.socialWorkers(actor: actor).map(SocialWorkerBody.init)))
    }

    @Sendable func registerSocialWorker(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, SocialWorkerInput.init)
        return try Web.json(SocialWorkerBody(try await resources.saveSocialWorker(id: nil, input.draft, actor: actor)), status: .created)
    }

    @Sendable func updateSocialWorker(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, SocialWorkerInput.init)
        return try Web.json(SocialWorkerBody(try await resources.saveSocialWorker(id: try context.pathID(), input.draft, actor: actor)))
    }

    @Sendable func certifiedShares(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        return try Web.json(ItemList(try await resources.certifiedShares(actor: actor).map { ShareBody(regionId: $0.community.id, name: $0.community.name, $0.share) }))
    }

    // MARK: Charity

    @Sendable func charity(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let (donors, donations) = try await resources.charity(actor: actor)
        return try Web.json(CharityBody(donors: donors.map(DonorBody.init), donations: donations.map(DonationBody.init)))
    }

    @Sendable func registerDonor(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, DonorInput.init)
        return try Web.json(DonorBody(try await resources.registerDonor(input.draft, actor: actor)), status: .created)
    }

    @Sendable func donor(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let record = try await resources.donor(try context.pathID(), actor: actor)
        return try Web.json(DonorRecordBody(donor: DonorBody(record.donor),
                                            donations: record.donations.map { DonationUsesBody(donation: DonationBody($0.donation), uses: $0.uses.map(AllocationBody.init)) }))
    }

    @Sendable func receiveDonation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, DonationInput.init)
        return try Web.json(DonationBody(try await resources.receiveDonation(input.draft, actor: actor)), status: .created)
    }

    @Sendable func donation(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let found = try await resources.donation(try context.pathID(), actor: actor)
        return try Web.json(DonationUsesBody(donation: DonationBody(found.donation), uses: found.uses.map(AllocationBody.init)))
    }

    @Sendable func allocate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, AllocationInput.init)
        let id = try context.pathID()
        let donation = try await resources.donation(id, actor: actor).donation
        let (allocation, after) = try await resources.allocate(donationId: id, try input.draft(money: donation.balance.kind == .money), actor: actor)
        return try Web.json(AllocatedBody(allocation: AllocationBody(allocation), donation: DonationBody(after)), status: .created)
    }

    // MARK: The map

    @Sendable func resourceMap(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let input = try request.query(ResourceMapInput.init)
        return try Web.json(ItemList(try await resources.resourceMap(input.filter, actor: actor).map(MapEntryBody.init)))
    }

    @Sendable func teamServices(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        return try Web.json(TeamResourceBody(try await resources.teamResource(try context.pathID(), actor: actor)))
    }

    @Sendable func setTeamServices(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let input = try await request.input(context, TeamServicesInput.init)
        let id = try context.pathID()
        try await resources.setTeamServices(id, itemIds: input.itemIds, actor: actor)
        return try Web.json(TeamResourceBody(try await resources.teamResource(id, actor: actor)))
    }

    // MARK: Matching

    @Sendable func matches(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestDispatch)
        return try Web.json(MatchBody(try await resources.match(requestId: try context.pathID(), actor: actor)))
    }

    @Sendable func dispatchMatch(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestDispatch)
        let input = try await request.input(context, MatchDispatchInput.init)
        let detail = try await resources.dispatch(requestId: try context.pathID(), to: input.kind, id: input.id, note: input.note, actor: actor)
        return try Web.json(DispatchedBody(requestId: detail.request.id, state: detail.request.state.rawValue, handlerId: detail.request.progress.handlerId,
                                           unit: detail.events.last?.data["unit"]))
    }
}
