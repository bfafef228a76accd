import Foundation
import LinliKit

/// 见到谁 — whom the visitor saw.
public enum VisitContact: String, Sendable, Codable, CaseIterable {
    case resident, family, neighbour, nobody

    public var label: String {
        switch self {
        case .resident: "本人"
        case .family: "家属"
        case .neighbour: "邻居或看护人"
        case .nobody: "未见到"
        }
    }

    public static func parse(_ text: String) -> VisitContact? { VisitContact(rawValue: text) ?? allCases.first { $0.label == text } }
}

/// The checklist of a visit: each point found fine or a concern, with a note for a concern.
public enum VisitCheck: String, Sendable, Codable, CaseIterable {
    case health, living, needs, safety

    public var label: String {
        switch self {
        case .health: "身体状况"
        case .living: "居住条件"
        case .needs: "服务需求"
        case .safety: "安全隐患"
        }
    }
}

public struct VisitFinding: Sendable, Codable, Equatable {
    public let check: VisitCheck
    /// true: a concern (有问题); false: fine.
    public let concern: Bool
    public let note: String?

    public init(check: VisitCheck, concern: Bool, note: String?) {
        self.check = check
        self.concern = concern
        self.note = note
    }
}

/// A recorded visit (走访记录).
public struct VisitRecord: Sendable, Codable, Equatable {
    public let id: Int64
    public let residentId: Int64
    public let residentName: String
    public let regionPath: String
    public let visitorId: Int64?
    public let visitorName: String
    public let visitedAt: Date
    public let method: VisitMethod
    public let contact: VisitContact
    public let findings: [VisitFinding]
    public let notes: String?
    /// The class and due time the visit answered, as the plan had them then.
    public let visitClass: String?
    public let dueAt: Date?
    /// Made after it was due: still recorded, counted late.
    public let late: Bool
    /// A follow-up the visitor asked for, sooner than the plan's.
    public let followUpBy: Date?
    public let photoIds: [Int64]
    public let recordedAt: Date

    public var methodLabel: String { method.label }
    public var contactLabel: String { contact.label }
    public var concerns: [VisitFinding] { findings.filter(\.concern) }
}

/// What a visitor submits, from the phone's form or the API, with every limit.
public struct VisitDraft: Sendable {
    public var residentId: Int64
    public var visitedAt: Date
    public var method: VisitMethod
    public var contact: VisitContact
    public var findings: [VisitFinding]
    public var notes: String?
    public var followUpBy: Date?
    public var photos: [Data]
    /// Made once per form by the page: a resubmitted form returns the first record.
    public var idempotencyKey: String?

    public init(residentId: Int64, visitedAt: Date, method: VisitMethod, contact: VisitContact, findings: [VisitFinding] = [],
                notes: String? = nil, followUpBy: Date? = nil, photos: [Data] = [], idempotencyKey: String? = nil) {
        self.residentId = residentId
        self.visitedAt = visitedAt
        self.method = method
        self.contact = contact
        self.findings = findings
        self.notes = notes
        self.followUpBy = followUpBy
        self.photos = photos
        self.idempotencyKey = idempotencyKey
    }
}

/// The checks on a visit that need no database: its time, its method for the class, the follow-up.
public enum VisitChecks {
    /// A phone's clock may run a little ahead of ours.
    public static let clockSkew: TimeInterval = 5 * 60
    /// A visit is recorded within this long of being made.
    public static let maxAge: TimeInterval = 31 * 86_400

    public static func check(_ draft: VisitDraft, visitClass: VisitClass?, now: Date) throws {
        if draft.visitedAt > now.addingTimeInterval(clockSkew) { throw DomainError.invalid("visitedAt", "走访时间不能晚于现在") }
        if draft.visitedAt < now.addingTimeInterval(-maxAge) { throw DomainError.invalid("visitedAt", "只能补录 31 天以内的走访") }
        if let visitClass, !visitClass.methods.contains(draft.method) {
            let allowed = visitClass.methods.map(\.label).joined(separator: "、")
            throw DomainError.invalid("method", "「\(visitClass.name)」对象的走访方式只能是\(allowed)")
        }
        if let followUp = draft.followUpBy, followUp <= draft.visitedAt {
            throw DomainError.invalid("followUpBy", "下次走访时间应晚于本次走访")
        }
        if Set(draft.findings.map(\.check)).count != draft.findings.count {
            throw DomainError.invalid("findings", "每项检查只能填一次")
        }
        if let problem = draft.findings.first(where: { $0.concern && ($0.note ?? "").isEmpty }) {
            throw DomainError.invalid("findings.\(problem.check.rawValue).note", "「\(problem.check.label)」有问题时请写明情况")
        }
    }
}
