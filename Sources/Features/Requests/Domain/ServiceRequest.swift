import Foundation

/// 诉求 — one resident request with where it stands.
public struct ServiceRequest: Sendable, Equatable {
    public let id: Int64
    /// 查询码 — what the resident is given to follow it; unguessable, also the Open311 id.
    public let trackingCode: String
    public let itemId: Int64
    public let categoryId: Int64
    public let channel: IntakeChannel
    public let description: String
    public let answers: Answers
    public let regionId: Int64
    public let regionPath: String
    /// The region's address line when it was filed, e.g. 东关街道建设社区第一网格1号楼1单元101室.
    public let place: String
    /// Where exactly, in the requester's words.
    public let address: String
    public let latitude: Double?
    public let longitude: Double?
    public let requesterUserId: Int64?
    public let contactName: String?
    public let phoneMasked: String?
    public let anonymous: Bool
    /// The staff account that entered it (hotline, 代办, grid worker).
    public let enteredBy: Int64?
    /// 紧急 — its item or an answer marks it urgent (`EmergencyRules`): the resident is shown the
    /// emergency numbers, its clock runs in real time, and out of hours the duty roster is told.
    public let urgent: Bool
    public let handlerPath: String?
    public let progress: RequestProgress
    public let version: Int64
    public let updatedAt: Date
    /// 待定位: placed at the level of whoever took it in (a district key), because its address
    /// or point named no place below the street; staff choose the place before dispatch.
    public var awaitingPlace = false

    public var state: RequestState { progress.state }
}

/// One step on a request's trace.
public struct RequestEvent: Sendable, Equatable {
    public let id: Int64
    /// A `RequestActionKind` raw value, or `submit`, `warn` (即将超期提醒), `escalate` (督办), `follow`.
    public let kind: RequestEventKind
    public let fromState: RequestState?
    public let toState: RequestState
    public let actorUserId: Int64?
    public let actorName: String
    /// Who the actor was to the request, e.g. 主办人.
    public let actorRole: String
    public let note: String?
    public let isInternal: Bool
    public let data: [String: String]
    public let at: Date
    public var photoIds: [Int64]

    public var label: String { kind.label }
}

/// A photo attached at intake or as evidence.
public struct RequestPhoto: Sendable {
    public let id: Int64
    public let requestId: Int64
    public let eventId: Int64?
    public let contentType: String
    public let data: Data
}
