import Foundation

/// 志愿服务记录 — one person's service, in the fields of 民政部令第67号: who, role, date, place,
/// beneficiary group, content, hours, rating, lead and recorder. Records are appended, never
/// edited: a correction is a new record that supersedes the old one, which stays readable.
public struct ServiceRecord: Sendable, Codable, Equatable {
    public let id: Int64
    public let volunteerId: Int64
    public let volunteerNumber: String?
    public let name: String
    public let activityId: Int64?
    public let activityTitle: String
    public let role: String
    /// `yyyy-mm-dd`, Shanghai.
    public let serviceDate: String
    public let place: String
    public let beneficiary: String
    public let content: String
    public let minutes: Int64
    /// 评价: 1–5, given by the organiser; nil if not rated.
    public let rating: Int?
    public let lead: String
    public let recorder: String
    public let source: RecordSource
    /// The record this one corrects.
    public let supersedes: Int64?
    /// The record that corrected this one; nil while it is current.
    public let supersededBy: Int64?
    public let flagged: Bool
    public let recordedAt: Int64
}

public enum RecordSource: String, Sendable, CaseIterable, Codable {
    case activity
    /// 纸质台账 brought in from a spreadsheet.
    case imported
    case correction
    public var label: String {
        switch self {
        case .activity: "活动认证"
        case .imported: "台账导入"
        case .correction: "更正"
        }
    }
}

public enum CorrectionState: String, Sendable, CaseIterable, Codable {
    case pending, accepted, rejected
    public var label: String {
        switch self {
        case .pending: "待处理"
        case .accepted: "已更正"
        case .rejected: "未更正"
        }
    }
}

/// 更正申请 — a volunteer's request that a wrong record be corrected.
public struct Correction: Sendable, Codable, Equatable {
    public let id: Int64
    public let recordId: Int64
    public let volunteerId: Int64
    public let name: String
    public let activityTitle: String
    public let currentMinutes: Int64
    public let proposedMinutes: Int64
    public let reason: String
    public let state: CorrectionState
    public let decisionNote: String?
    public let newRecordId: Int64?
    public let askedAt: Int64
}

/// 志愿服务记录证明 — a numbered certificate of the hours on record when it was issued.
public struct Certificate: Sendable, Codable, Equatable {
    public let id: Int64
    public let number: String
    public let volunteerId: Int64
    public let volunteerNumber: String
    public let name: String
    public let issuer: String
    public let minutes: Int64
    public let records: Int
    public let firstDate: String?
    public let lastDate: String?
    public let issuedAt: Int64
    /// The secret in the verification URL.
    public let token: String
    public let revokedAt: Int64?
    public let revokeReason: String?
}
