import LinliKit

/// 好人好事 — a resident's deed, told by them or by staff, reviewed with its evidence (申报 →
/// 审核); an approved one earns the rules' points or what the reviewer grants.
public struct GoodDeed: Sendable, Equatable, Codable {
    public enum State: String, Sendable, CaseIterable, Codable {
        case submitted, approved, rejected
        public var label: String {
            switch self {
            case .submitted: "待审核"
            case .approved: "已通过"
            case .rejected: "未通过"
            }
        }
    }

    public let id: Int64
    public let residentId: Int64
    public let name: String
    public let regionPath: String
    public let title: String
    public let description: String
    /// `yyyy-mm-dd`.
    public let happenedOn: String
    /// 证明: who saw it, where it was reported, what shows it.
    public let evidence: String
    public let state: State
    public let askedAt: Int64
    public let decidedBy: String?
    public let decidedAt: Int64?
    public let note: String?
    public let granted: Points?
}

/// 申报 — the one input of the form and the API, with its limits.
public struct GoodDeedInput: Sendable, Codable, Equatable {
    public var title: String?
    public var description: String?
    public var happenedOn: String?
    public var evidence: String?

    public init(title: String? = nil, description: String? = nil, happenedOn: String? = nil, evidence: String? = nil) {
        self.title = title
        self.description = description
        self.happenedOn = happenedOn
        self.evidence = evidence
    }

    public static let titleLimit = 40, descriptionLimit = 1000, evidenceLimit = 500

    /// The checked values (title, description, day, evidence), or every field's mistake; the
    /// day may not be after `today` nor more than a year before it.
    public func checked(today: String) -> Result<(title: String, description: String, day: String, evidence: String), PointsInputErrors> {
        var errors: [String: String] = [:]
        let title = (title ?? "").trimmingWhitespace, description = (description ?? "").trimmingWhitespace
        let evidence = (evidence ?? "").trimmingWhitespace, day = (happenedOn ?? "").trimmingWhitespace
        if title.isEmpty || title.count > Self.titleLimit { errors["title"] = "请用一句话说明做了什么（\(Self.titleLimit) 字以内）" }
        if description.isEmpty || description.count > Self.descriptionLimit { errors["description"] = "请写明经过（\(Self.descriptionLimit) 字以内）" }
        if evidence.isEmpty || evidence.count > Self.evidenceLimit { errors["evidence"] = "请写明证明人或其他证明（\(Self.evidenceLimit) 字以内）" }
        if let parts = ChinaStandardTime.dayParts(day), let now = ChinaStandardTime.dayParts(today) {
            let days = ChinaStandardTime.days(year: parts.year, month: parts.month, day: parts.day)
            let todays = ChinaStandardTime.days(year: now.year, month: now.month, day: now.day)
            if days > todays { errors["happenedOn"] = "日期不能晚于今天" } else if todays - days > 366 { errors["happenedOn"] = "只能申报一年以内的好人好事" }
        } else {
            errors["happenedOn"] = "请填写日期，如 2026-05-01"
        }
        guard errors.isEmpty else { return .failure(PointsInputErrors(fields: errors)) }
        return .success((title, description, day, evidence))
    }
}
