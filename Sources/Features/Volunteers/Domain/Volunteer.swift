import Foundation

/// A volunteer's standing in the register.
public enum VolunteerStatus: String, Sendable, CaseIterable, Codable {
    /// Registered, waiting for the community (or the team they asked to join) to approve.
    case pending
    case active
    /// 暂停 — may not sign up until restored.
    case suspended
    /// 退出 — left of their own will, or removed; the records stay.
    case left
    case rejected

    public var label: String {
        switch self {
        case .pending: "待审核"
        case .active: "在册"
        case .suspended: "已暂停"
        case .left: "已退出"
        case .rejected: "未通过"
        }
    }
}

/// 志愿者 — a registry resident who volunteers. The register keeps what 民政部令第67号 asks of
/// a record (who, where they live, the hours) and, only with the person's consent, what helps
/// match them to work: skills, areas, when they are free.
public struct Volunteer: Sendable, Codable, Equatable {
    public let id: Int64
    /// 志愿者编号 — the public key shown on lists, certificates and exports; never the ID number.
    public let number: String?
    public let residentId: Int64
    public let userId: Int64?
    public let name: String
    public let regionId: Int64
    public let regionPath: String
    public let status: VolunteerStatus
    public let skills: [String]
    public let availability: [String]
    /// Region nodes where they would serve besides their own community.
    public let areaIds: [Int64]
    /// When they agreed that the extra fields may be kept; nil: none are kept.
    public let consentAt: Int64?
    public let appliedAt: Int64
    public let approvedAt: Int64?
    /// 累计认证时长 in minutes, from the current (not superseded) certified records.
    public let certifiedMinutes: Int64
    public let stars: Int
}

/// What a registration supplies; the person is the registry's.
public struct VolunteerDraft: Sendable, Equatable {
    public var residentId: Int64
    public var skills: [String]
    public var availability: [String]
    public var areaIds: [Int64]
    /// Consent to keep skills, availability and areas (beyond the 67号 record fields).
    public var consent: Bool
    /// A team to join on approval.
    public var teamId: Int64?

    public init(residentId: Int64, skills: [String] = [], availability: [String] = [], areaIds: [Int64] = [], consent: Bool = false,
                teamId: Int64? = nil) {
        self.residentId = residentId
        self.skills = skills
        self.availability = availability
        self.areaIds = areaIds
        self.consent = consent
        self.teamId = teamId
    }
}

public enum VolunteerRules {
    /// Offered as choices; a community may use others (free text, up to `skillLength`).
    public static let suggestedSkills = ["持证社工", "医护", "心理咨询", "法律", "教育辅导", "文艺", "维修", "驾驶", "摄影", "手语", "外语", "信息技术"]
    public static let availabilityChoices = ["工作日白天", "工作日晚上", "周末", "节假日", "随时"]
    public static let maxSkills = 10
    public static let skillLength = 20
    public static let maxAreas = 5

    /// 志愿者编号: the district's code and the register's number, e.g. `61010100000042`.
    public static func number(districtCode: String, id: Int64) -> String {
        let digits = String(id)
        return districtCode + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// The extra fields need the person's consent; without it none may be given.
    public static func check(_ draft: VolunteerDraft) throws -> VolunteerDraft {
        var errors: [String: String] = [:]
        let extra = !draft.skills.isEmpty || !draft.availability.isEmpty || !draft.areaIds.isEmpty
        if extra && !draft.consent { errors["consent"] = "填写特长、服务时间或服务区域，需要您同意平台保存这些信息" }
        if draft.skills.count > maxSkills { errors["skills"] = "特长最多 \(maxSkills) 项" }
        if let long = draft.skills.first(where: { $0.count > skillLength }) { errors["skills"] = "特长「\(long.prefix(10))…」过长" }
        if let odd = draft.availability.first(where: { !availabilityChoices.contains($0) }) { errors["availability"] = "服务时间「\(odd.prefix(10))」不在可选范围内" }
        if draft.areaIds.count > maxAreas { errors["areaIds"] = "服务区域最多 \(maxAreas) 个" }
        if !errors.isEmpty { throw VolunteerRuleError(fields: errors) }
        return draft
    }
}

/// Field errors from a rule, turned into a `DomainError` by the service.
public struct VolunteerRuleError: Error, Sendable, Equatable {
    public let fields: [String: String]
}
