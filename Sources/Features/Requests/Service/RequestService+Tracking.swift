import Foundation
import LinliKit

/// The resident's view of a request: what is asked, where it stands, who holds it (a role,
/// never a name), deadlines, and the public steps.
public struct TrackingView: Sendable {
    public struct Step: Sendable {
        public let label: String
        public let who: String
        public let note: String?
        public let at: Date
        public let photoIds: [Int64]
    }

    public let id: Int64
    public let trackingCode: String
    public let itemName: String
    public let categoryName: String
    public let description: String
    public let answers: [(label: String, value: String)]
    public let place: String
    public let state: RequestState
    public let submittedAt: Date
    /// e.g. 网格员（第一网格）
    public let holder: String?
    public let due: Date?
    public let steps: [Step]
    public let rating: Int?
    public let canWithdraw: Bool
    public let canAddInformation: Bool
    public let canRate: Bool
    /// While an urgent request is open: the emergency numbers and the duty phone.
    public var emergency: EmergencyNotice? = nil
}

extension RequestService {
    /// Counts `count` 查询码 lookups from `ip` against the limit; 429 past it.
    public func spendTrackingLookups(_ count: Int, ip: String?) throws {
        // An IPv6 client counts by its /64, so that rotating addresses inside it does not help.
        if let seconds = trackingLookups.take("track:" + IPAddress.limitKey(ip), cost: count) {
            throw DomainError.tooManyRequests("查询过于频繁，请 \(seconds) 秒后再试", retryAfter: Int64(seconds))
        }
    }

    /// By 查询码, for anyone who holds it (the code is the key: 12 random characters); each
    /// lookup counts against the address's limit.
    /// Said to anyone holding a code that names no request: whoever asks by 查询码 has no
    /// scope, so "not in your scope" would be wrong as well as unkind.
    static let unknownTrackingCode = DomainError(kind: .notFound, code: "not_found", message: "没有找到这个查询码对应的诉求，请核对后再输入")

    public func track(code: String, ip: String?) async throws -> TrackingView {
        try spendTrackingLookups(1, ip: ip)
        return try await track(code: code)
    }

    func track(code: String) async throws -> TrackingView {
        let normalised = IntakeRules.normalisedTrackingCode(code)
        let found = try await database.read { tx -> (ServiceRequest, [RequestEvent])? in
            guard let request = try await RequestStore.find(tx, trackingCode: normalised) else { return nil }
            return (request, try await RequestStore.events(tx, requestId: request.id))
        }
        guard let (request, events) = found else { throw Self.unknownTrackingCode }
        return try await trackingView(request, events: events)
    }

    /// For a signed-in resident: their own requests and those they follow.
    public func track(_ id: Int64, actor: Actor) async throws -> TrackingView {
        guard let user = actor.userId else { throw DomainError.unauthenticated }
        let found = try await database.read { tx -> (ServiceRequest, [RequestEvent])? in
            guard let request = try await RequestStore.find(tx, id: id) else { return nil }
            let followers = try await RequestStore.followers(tx, requestId: id)
            guard request.requesterUserId == user || followers.contains(user) else { return nil }
            return (request, try await RequestStore.events(tx, requestId: id))
        }
        guard let (request, events) = found else { throw DomainError.notFound("诉求") }
        let view = try await trackingView(request, events: events)
        guard request.requesterUserId == user else {
            // Followers see the progress but may not act for the requester.
            return TrackingView(id: view.id, trackingCode: "", itemName: view.itemName, categoryName: view.categoryName,
                                description: view.description, answers: [], place: view.place, state: view.state,
                                submittedAt: view.submittedAt, holder: view.holder, due: view.due, steps: view.steps, rating: view.rating,
                                canWithdraw: false, canAddInformation: false, canRate: false, emergency: view.emergency)
        }
        return view
    }

    func trackingView(_ request: ServiceRequest, events: [RequestEvent]) async throws -> TrackingView {
        let (item, categoryName) = try await catalog.itemWithCategory(request.itemId)
        var holder: String?
        if let handlerId = request.progress.handlerId, let handler = try await staff.staffMembers(ids: [handlerId])[handlerId] {
            let node = try await regions.lookup(handler.regionId)
            holder = handler.role.label + (node.map { "（\($0.name)）" } ?? "")
        } else if [.received, .registered].contains(request.state) {
            holder = "社区受理中"
        }
        let steps = events.filter { RequestTrackingRules.publicKinds.contains($0.kind) && !$0.isInternal }.map { event in
            TrackingView.Step(label: RequestTrackingRules.publicLabel(event.kind), who: Self.publicWho(event),
                              note: RequestTrackingRules.noteIsPublic(event.kind) ? event.note : nil, at: event.at,
                              photoIds: RequestTrackingRules.noteIsPublic(event.kind) || event.kind == .submit ? event.photoIds : [])
        }
        let answers = item.questions.compactMap { q in request.answers[q.code].map { (q.label, $0.joined(separator: "、")) } }
        let available = Workflow.available(request.progress, roles: [.requester])
        var emergency: EmergencyNotice?
        if request.urgent, request.state.isOpen {
            let submit = events.first { $0.kind == .submit }
            let working = try await database.read { tx in try await CalendarStore.calendar(tx).0 }
            let outOfHours = !working.isWorkingTime(request.progress.submittedAt)
            emergency = EmergencyNotice(numbers: EmergencyRules.numbers,
                                        dutyPhone: try await duty.onDuty(at: clock.now(), path: request.regionPath).phone,
                                        outOfHours: outOfHours, dutyNotified: submit?.data["duty"] != nil)
        }
        return TrackingView(id: request.id, trackingCode: request.trackingCode, itemName: item.name, categoryName: categoryName,
                            description: request.description, answers: answers,
                            place: [request.place, request.address].filter { !$0.isEmpty }.joined(separator: " "),
                            state: request.state, submittedAt: request.progress.submittedAt, holder: holder, due: request.progress.currentDue,
                            steps: steps, rating: request.progress.rating, canWithdraw: available.contains(.withdraw),
                            canAddInformation: available.contains(.addInformation), canRate: available.contains(.rate),
                            emergency: emergency)
    }

    /// Who did a step, as the resident reads it: the role, not the person.
    static func publicWho(_ event: RequestEvent) -> String {
        switch event.kind {
        case .submit, .action(.withdraw), .action(.addInformation), .action(.rate):
            event.actorRole == Participant.reviewer.label ? Participant.reviewer.publicLabel : Participant.requester.publicLabel
        case .follow: "居民"
        default: Participant.allCases.first { $0.label == event.actorRole }?.publicLabel ?? "工作人员"
        }
    }

    /// What the holder of a 查询码 may do.
    public static let trackingCodeActions: [RequestActionKind] = [.withdraw, .addInformation, .rate]

    /// What the holder of the 查询码 may do: withdraw before dispatch, add information, rate.
    public func actByTrackingCode(_ code: String, _ action: RequestAction, photos: [Data] = [], ip: String?) async throws -> TrackingView {
        guard Self.trackingCodeActions.contains(action.kind) else { throw DomainError.forbidden }
        try spendTrackingLookups(1, ip: ip)
        let normalised = IntakeRules.normalisedTrackingCode(code)
        let actor = Actor(userId: nil, username: "track:" + String(normalised.prefix(4)) + "…", displayName: "诉求人（查询码）", role: .resident,
                          scope: Scope(regionId: 0, path: "/-/"), permissions: [], ip: ip)
        _ = try await perform(action, photos: photos, actor: actor, actorName: "诉求人", extraRoles: [.requester]) { tx in
            guard let request = try await RequestStore.find(tx, trackingCode: normalised, lock: true) else {
                throw Self.unknownTrackingCode
            }
            return request
        }
        return try await track(code: normalised)
    }

    /// A photo on the tracking page: only those the page shows.
    /// A page's photos are not counted as lookups, but a code that does not exist is (so
    /// photo links are no way round the limit), and answers like a missing photo.
    public func trackingPhoto(code: String, photoId: Int64, ip: String?) async throws -> RequestPhoto {
        let view: TrackingView
        do { view = try await track(code: code) } catch let error as DomainError where error.kind == .notFound {
            try spendTrackingLookups(1, ip: ip)
            throw DomainError.notFound("照片")
        }
        guard view.steps.contains(where: { $0.photoIds.contains(photoId) }),
              let photo = try await database.read({ tx in try await RequestStore.photo(tx, id: photoId) }) else {
            throw DomainError.notFound("照片")
        }
        return photo
    }
}
