import Foundation
import LinliKit

/// JSON shapes of the requests API (documented in the OpenAPI document).
struct RequestDTO: Encodable {
    let id: Int64
    let trackingCode: String
    let itemId: Int64
    let categoryId: Int64
    let channel: String
    let state: String
    let stateLabel: String
    let description: String
    let answers: Answers
    let place: String
    let address: String
    let lat: Double?
    let long: Double?
    let contactName: String?
    let phone: String?
    let anonymous: Bool
    let handlerId: Int64?
    let coHandlerIds: [Int64]
    let submittedAt: String
    let due: String?
    let overdue: Bool
    let rating: Int?
    let reworkCount: Int
    let reopenCount: Int
    let escalationLevel: Int
    let urgent: Bool
    let awaitingPlace: Bool

    init(_ r: ServiceRequest, showsContact: Bool, now: Date) {
        id = r.id
        trackingCode = r.trackingCode
        itemId = r.itemId
        categoryId = r.categoryId
        channel = r.channel.rawValue
        state = r.state.rawValue
        stateLabel = r.state.label
        description = r.description
        answers = r.answers
        place = r.place
        address = r.address
        lat = r.latitude
        long = r.longitude
        contactName = showsContact ? r.contactName : nil
        phone = showsContact ? r.phoneMasked : nil
        anonymous = r.anonymous
        handlerId = r.progress.handlerId
        coHandlerIds = r.progress.coHandlerIds
        submittedAt = r.progress.submittedAt.iso8601CST
        due = r.progress.currentDue.map(\.iso8601CST)
        overdue = r.progress.isOverdue(at: now)
        rating = r.progress.rating
        reworkCount = r.progress.reworkCount
        reopenCount = r.progress.reopenCount
        escalationLevel = r.progress.escalationLevel
        urgent = r.urgent
        awaitingPlace = r.awaitingPlace
    }
}

struct EventDTO: Encodable {
    let id: Int64, kind: String, label: String, fromState: String?, toState: String, actor: String, actorRole: String
    let note: String?, isInternal: Bool, data: [String: String], at: String, photoIds: [Int64]

    init(_ e: RequestEvent) {
        id = e.id
        kind = e.kind.rawValue
        label = e.label
        fromState = e.fromState?.rawValue
        toState = e.toState.rawValue
        actor = e.actorName
        actorRole = e.actorRole
        note = e.note
        isInternal = e.isInternal
        data = e.data
        at = e.at.iso8601CST
        photoIds = e.photoIds
    }
}

struct DetailDTO: Encodable {
    let request: RequestDTO
    let itemName: String
    let categoryName: String
    let events: [EventDTO]
    let roles: [String]
    let actions: [String]

    init(_ d: RequestDetail, now: Date) {
        request = RequestDTO(d.request, showsContact: d.showsContact, now: now)
        itemName = d.item.name
        categoryName = d.categoryName
        events = d.events.map(EventDTO.init)
        roles = d.roles.map(\.rawValue).sorted()
        actions = d.actions.map(\.rawValue)
    }
}

struct TrackingDTO: Encodable {
    struct Step: Encodable { let label: String, who: String, note: String?, at: String, photoIds: [Int64] }
    struct Answer: Encodable { let question: String, answer: String }
    let trackingCode: String, itemName: String, categoryName: String, description: String, answers: [Answer], place: String
    let state: String, stateLabel: String, submittedAt: String, holder: String?, due: String?, steps: [Step], rating: Int?
    let canWithdraw: Bool, canAddInformation: Bool, canRate: Bool

    init(_ v: TrackingView) {
        trackingCode = v.trackingCode
        itemName = v.itemName
        categoryName = v.categoryName
        description = v.description
        answers = v.answers.map { Answer(question: $0.label, answer: $0.value) }
        place = v.place
        state = v.state.rawValue
        stateLabel = v.state.label
        submittedAt = v.submittedAt.iso8601CST
        holder = v.holder
        due = v.due.map(\.iso8601CST)
        steps = v.steps.map { Step(label: $0.label, who: $0.who, note: $0.note, at: $0.at.iso8601CST, photoIds: $0.photoIds) }
        rating = v.rating
        canWithdraw = v.canWithdraw
        canAddInformation = v.canAddInformation
        canRate = v.canRate
    }
}

struct SubmissionDTO: Encodable {
    let request: RequestDTO
    let repeated: Bool
    /// Urgent requests only: call these first.
    let emergency: EmergencyNotice?
}

struct CatalogDTO: Encodable {
    struct Category: Encodable { let id: Int64, code: String, name: String, description: String, active: Bool }
    struct Item: Encodable {
        let id: Int64, categoryId: Int64, code: String, name: String, description: String, handlerType: String, assignment: String
        let respondHours: Double, handleHours: Double, verifyHours: Double, questions: [CatalogQuestion], channels: [String]
        let allowsAnonymous: Bool, active: Bool, urgent: Bool
        init(_ i: CatalogItem) {
            id = i.id
            categoryId = i.categoryId
            code = i.code
            name = i.name
            description = i.description
            handlerType = i.handlerType.rawValue
            assignment = i.assignment.stored
            respondHours = Double(i.limits.respond) / 60
            handleHours = Double(i.limits.handle) / 60
            verifyHours = Double(i.limits.verify) / 60
            questions = i.questions
            channels = i.channels.map(\.rawValue).sorted()
            allowsAnonymous = i.allowsAnonymous
            active = i.active
            urgent = i.urgent
        }
    }
    let categories: [Category]
    let items: [Item]

    init(_ c: CatalogService.Catalog) {
        categories = c.categories.map { Category(id: $0.id, code: $0.code, name: $0.name, description: $0.description, active: $0.active) }
        items = c.items.map(Item.init)
    }
}

