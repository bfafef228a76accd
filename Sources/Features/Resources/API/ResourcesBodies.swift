import Foundation
import LinliKit
import Requests

/// What the API answers: plain JSON shapes of the feature's values (ResourcesAPIDescription
/// documents each).
struct OrganisationBody: Encodable {
    let id: Int64, name: String, kind: String, creditCode: String?, filingNumber: String?, fields: [String], regionPath: String
    let contactName: String, contactPhone: String, address: String, summary: String, partyOrganisation: Bool
    let inspectionYear: Int?, inspectionResult: String?, grade: Int?, gradeYear: Int?, status: String, createdAt: Int64, updatedAt: Int64
    init(_ o: Organisation) {
        (id, name, kind, creditCode, filingNumber, fields, regionPath) = (o.id, o.name, o.kind.rawValue, o.creditCode, o.filingNumber, o.fields, o.regionPath)
        (contactName, contactPhone, address, summary, partyOrganisation) = (o.contactName, o.contactPhone, o.address, o.summary, o.partyOrganisation)
        (inspectionYear, inspectionResult, grade, gradeYear) = (o.inspection?.year, o.inspection?.result.rawValue, o.grade, o.gradeYear)
        (status, createdAt, updatedAt) = (o.status.rawValue, o.createdAt, o.updatedAt)
    }
}

struct NamedBody: Encodable { let id: Int64, name: String }
struct MemberBody: Encodable { let userId: Int64, name: String, intake: Bool }
struct EventBody: Encodable { let kind: String, text: String, by: String, at: Int64 }
struct FiguresBody: Encodable {
    let open: Int, ratings: Int, meanRating: Double
    init(_ f: HandlerFigures) { (open, ratings, meanRating) = (f.open, f.ratings, f.meanRating) }
}

struct OrganisationRecordBody: Encodable {
    let organisation: OrganisationBody, services: [NamedBody], areas: [NamedBody], staff: [MemberBody], events: [EventBody]
    let figures: FiguresBody, requests: [RequestSummary], received: [AllocationBody], documents: [DocumentBody], mayManage: Bool
    let mayKeepDocuments: Bool
    init(_ r: OrganisationRecord) {
        received = r.received.map { AllocationBody($0.allocation) }
        (documents, mayKeepDocuments) = (r.documents.map(DocumentBody.init), r.mayKeepDocuments)
        organisation = OrganisationBody(r.organisation)
        services = r.services.map { NamedBody(id: $0.id, name: $0.name) }
        areas = r.areas.map { NamedBody(id: $0.id, name: $0.name) }
        staff = r.staff.map { MemberBody(userId: $0.userId, name: $0.name, intake: $0.intake) }
        events = r.events.map { EventBody(kind: $0.kind, text: $0.text, by: $0.by, at: $0.at) }
        (figures, requests, mayManage) = (FiguresBody(r.figures), r.requests, r.mayManage)
    }
}

struct DocumentBody: Encodable {
    let id: Int64, organisationId: Int64, kind: String, title: String, contentType: String, byteCount: Int64, sha256: String
    let uploadedBy: String, uploadedAt: Int64
    init(_ d: OrganisationDocument) {
        (id, organisationId, kind, title, contentType) = (d.id, d.organisationId, d.kind.rawValue, d.title, d.contentType)
        (byteCount, sha256, uploadedBy, uploadedAt) = (d.byteCount, d.sha256, d.uploadedBy, d.uploadedAt)
    }
}

struct SocialWorkerBody: Encodable {
    let id: Int64, userId: Int64, name: String, residentId: Int64?, certificate: String?, certificateNumber: String?, post: String, organisationId: Int64?
    let regionPath: String, trainingHours: Int, trainingTopics: String, individualCases: Int, groupCases: Int, communityCases: Int, itemIds: [Int64]
    init(_ w: SocialWorker) {
        (id, userId, name, certificate, certificateNumber) = (w.id, w.userId, w.name, w.certificate?.rawValue, w.certificateNumber)
        residentId = w.residentId
        (post, organisationId, regionPath, trainingHours, trainingTopics) = (w.post.rawValue, w.organisationId, w.regionPath, w.trainingHours, w.trainingTopics)
        (individualCases, groupCases, communityCases, itemIds) = (w.casework.individual, w.casework.group, w.casework.community, w.services)
    }
}

struct ShareBody: Encodable {
    let regionId: Int64, name: String, certified: Int, total: Int, percent: Double, targetPercent: Int, meetsTarget: Bool
    init(regionId: Int64, name: String, _ s: CertifiedShare) {
        (self.regionId, self.name, certified, total, percent, targetPercent, meetsTarget) = (regionId, name, s.certified, s.total, s.percent,
                                                                                             s.targetPercent, s.meetsTarget)
    }
}

struct DonorBody: Encodable {
    let id: Int64, kind: String, name: String, contact: String, anonymous: Bool, regionPath: String, createdAt: Int64
    init(_ d: Donor) { (id, kind, name, contact, anonymous, regionPath, createdAt) = (d.id, d.kind.rawValue, d.name, d.contact, d.anonymous, d.regionPath, d.createdAt) }
}

/// Quantities in the donation's own unit: 分 for money.
struct DonationBody: Encodable {
    let id: Int64, donorId: Int64, receiptNumber: String, kind: String, item: String, unit: String, quantity: Int64, allocated: Int64
    let remainder: Int64, regionPath: String, note: String, receivedBy: String, receivedAt: Int64
    init(_ d: Donation) {
        (id, donorId, receiptNumber, kind, item, unit) = (d.id, d.donorId, d.receiptNumber, d.balance.kind.rawValue, d.item, d.balance.unit)
        (quantity, allocated, remainder) = (d.balance.quantity, d.balance.allocated, d.balance.remainder)
        (regionPath, note, receivedBy, receivedAt) = (d.regionPath, d.note, d.receivedBy, d.receivedAt)
    }
}

struct AllocationBody: Encodable {
    let id: Int64, donationId: Int64, amount: Int64, target: String, targetId: Int64?, label: String, note: String, allocatedBy: String, allocatedAt: Int64
    init(_ a: Allocation) {
        (id, donationId, amount, target, targetId) = (a.id, a.donationId, a.amount, a.target.rawValue, a.targetId)
        (label, note, allocatedBy, allocatedAt) = (a.targetLabel, a.note, a.allocatedBy, a.allocatedAt)
    }
}

struct CharityBody: Encodable { let donors: [DonorBody], donations: [DonationBody] }
struct DonationUsesBody: Encodable { let donation: DonationBody, uses: [AllocationBody] }
struct DonorRecordBody: Encodable { let donor: DonorBody, donations: [DonationUsesBody] }
struct AllocatedBody: Encodable { let allocation: AllocationBody, donation: DonationBody }

struct ReasonBody: Encodable { let factor: String, points: Double, weight: Double, text: String }
struct CandidateBody: Encodable { let kind: String, id: Int64, name: String, score: Double, fits: Bool, openLoad: Int, reasons: [ReasonBody] }
struct MatchBody: Encodable {
    let requestId: Int64, itemId: Int64, itemName: String, placeName: String, certificate: String?, mayDispatch: Bool, candidates: [CandidateBody]
    init(_ m: ResourcesService.RequestMatch) {
        (requestId, itemId, itemName, placeName) = (m.detail.request.id, m.need.itemId, m.need.itemName, m.need.placeName)
        (certificate, mayDispatch) = (m.need.certificate?.rawValue, m.mayDispatch)
        candidates = m.ranked.map { r in
            CandidateBody(kind: r.candidate.kind.rawValue, id: r.candidate.id, name: r.candidate.name, score: r.score, fits: r.fits,
                          openLoad: r.candidate.openLoad,
                          reasons: r.reasons.map { ReasonBody(factor: $0.factor.rawValue, points: $0.points, weight: $0.weight, text: $0.text) })
        }
    }
}
struct DispatchedBody: Encodable { let requestId: Int64, state: String, handlerId: Int64?, unit: String? }

struct IncubationBody: Encodable {
    let id: Int64, organisationId: Int64, organisationName: String, hubName: String, regionPath: String, stage: String, appliedAt: Int64
    let checkDue: Int64, agreementFrom: String?, agreementTo: String?, space: String, support: String, exitedAt: Int64?, spaceDue: Int64?
    let overdue: Bool
    init(_ i: IncubationRecord, now: Int64) {
        (id, organisationId, organisationName, hubName, regionPath) = (i.id, i.organisationId, i.organisationName, i.hubName, i.regionPath)
        (stage, appliedAt, checkDue, agreementFrom, agreementTo) = (i.stage.rawValue, i.appliedAt, i.checkDue, i.agreementFrom, i.agreementTo)
        (space, support, exitedAt, spaceDue, overdue) = (i.space, i.support, i.exitedAt, i.spaceDue, i.overdue(at: now))
    }
}
struct IncubationRecordBody: Encodable { let incubation: IncubationBody, events: [EventBody] }

struct MapEntryBody: Encodable {
    let kind: String, id: Int64, name: String, detail: String, areas: [String], fields: [String], itemIds: [Int64], available: Bool
    let availability: String, href: String?
    init(_ e: ResourcesService.MapEntry) {
        (kind, id, name, detail, areas, fields, itemIds) = (e.kind.rawValue, e.id, e.name, e.detail, e.areas, e.fields, e.itemIds)
        (available, availability, href) = (e.available, e.availability, e.href)
    }
}

struct TeamResourceBody: Encodable {
    let teamId: Int64, name: String, regionPath: String, memberCount: Int, services: [NamedBody], intake: MemberBody?, figures: FiguresBody
    init(_ t: ResourcesService.TeamResource) {
        (teamId, name, regionPath, memberCount) = (t.team.id, t.team.name, t.team.regionPath, t.team.memberCount)
        services = t.services.map { NamedBody(id: $0.id, name: $0.name) }
        intake = t.leaders.first.map { MemberBody(userId: $0.id, name: $0.displayName, intake: true) }
        figures = FiguresBody(t.figures)
    }
}
