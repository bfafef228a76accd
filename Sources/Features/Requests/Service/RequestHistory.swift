import Foundation
import LinliKit

/// A request that has already run its course elsewhere — migrated from a 12345 platform's
/// records, or generated for the district-scale demo and the benchmarks: its final progress
/// and its whole trace, written as they are in one bulk transaction.
public struct HistoricRequest: Sendable {
    public var item: CatalogItem
    public var channel: IntakeChannel
    public var description: String
    public var regionId: Int64
    public var regionPath: String
    public var place: String
    public var contactName: String?
    /// Plain text; sealed, indexed and masked on the way in, like an intake's.
    public var phone: String?
    public var enteredBy: Int64?
    public var handlerPath: String?
    public var progress: RequestProgress
    /// In order; the first is the submission.
    public var events: [HistoricEvent]

    public init(item: CatalogItem, channel: IntakeChannel, description: String, regionId: Int64, regionPath: String, place: String,
                contactName: String?, phone: String?, enteredBy: Int64?, handlerPath: String?, progress: RequestProgress,
                events: [HistoricEvent]) {
        self.item = item
        self.channel = channel
        self.description = description
        self.regionId = regionId
        self.regionPath = regionPath
        self.place = place
        self.contactName = contactName
        self.phone = phone
        self.enteredBy = enteredBy
        self.handlerPath = handlerPath
        self.progress = progress
        self.events = events
    }
}

/// One step of a historic request's trace.
public struct HistoricEvent: Sendable {
    public var kind: RequestEventKind
    public var fromState: RequestState?
    public var toState: RequestState
    public var actorUserId: Int64?
    public var actorName: String
    public var actorRole: String
    public var note: String?
    public var isInternal: Bool
    public var data: [String: String]
    public var at: Date

    public init(kind: RequestEventKind, fromState: RequestState?, toState: RequestState, actorUserId: Int64?, actorName: String, actorRole: String,
                note: String?, isInternal: Bool, data: [String: String], at: Date) {
        self.kind = kind
        self.fromState = fromState
        self.toState = toState
        self.actorUserId = actorUserId
        self.actorName = actorName
        self.actorRole = actorRole
        self.note = note
        self.isInternal = isInternal
        self.data = data
        self.at = at
    }
}

extension RequestService {
    /// Writes historic requests in one transaction with one audit entry for the batch.
    /// The command line only (`linli demo`, migrations of old records): it bypasses intake
    /// and the workflow, so no signed-in role may do it.
    @discardableResult
    public func bulkLoad(_ history: [HistoricRequest], actor: Actor) async throws -> Int {
        try actor.require(.requestIntake)
        guard actor.scope.path == "/" else { throw DomainError.forbidden }
        var rows: [RequestStore.BulkRow] = []
        rows.reserveCapacity(history.count)
        for h in history {
            guard let first = h.events.first, first.kind == .submit else {
                throw DomainError.invalid("events", "历史诉求的第一步应为提交")
            }
            let phone = try h.phone.map { text -> (String, String, String) in
                let number = try PhoneNumber(text)
                return (try vault.seal(number.value), vault.blindIndex(number.value, kind: "phone"), number.masked)
            }
            let new = RequestStore.NewRequest(
                trackingCode: IntakeRules.newTrackingCode(), idempotencyKey: nil, itemId: h.item.id, categoryId: h.item.categoryId,
                channel: h.channel, description: h.description, answers: [:], regionId: h.regionId, regionPath: h.regionPath,
                place: h.place, address: "", latitude: nil, longitude: nil, requesterUserId: nil, contactName: h.contactName,
                phoneSealed: phone?.0, phoneIndex: phone?.1, phoneMasked: phone?.2, anonymous: false, enteredBy: h.enteredBy)
            rows.append(.init(request: new, progress: h.progress, handlerPath: h.handlerPath, events: h.events))
        }
        let work = rows
        try await database.write { tx in
            try await RequestStore.bulkInsert(tx, work)
            try await audit.append(tx, actor: actor, action: .requestBulkLoad, entityId: "-",
                                   regionPath: nil, after: ["rows": String(work.count)])
        }
        return rows.count
    }
}
