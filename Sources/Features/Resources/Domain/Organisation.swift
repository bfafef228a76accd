/// 社会组织 — as a community knows it: who it is, what it does and where, who works there,
/// and how its 年检 and 等级评估 went.
public struct Organisation: Sendable, Equatable {
    public let id: Int64, name: String, kind: OrganisationKind
    /// 统一社会信用代码, or nil for a filed 社区社会组织 that has only its 备案 number.
    public let creditCode: String?, filingNumber: String?
    /// Its 服务领域, from the district's list (`ResourcesSettings.fields`).
    public let fields: [String]
    /// Where it is registered or filed: the node whose staff keep its record.
    public let regionPath: String
    public let contactName: String, contactPhone: String, address: String, summary: String
    /// 有党组织
    public let partyOrganisation: Bool
    public let inspection: AnnualInspection?
    /// 等级评估: 1–5 (1A–5A), with the year of the assessment.
    public let grade: Int?, gradeYear: Int?
    public let status: OrganisationStatus
    public let createdAt: Int64, updatedAt: Int64

    /// The key requests keep of a dispatch to it (`HandlerUnit.key`).
    public var unitKey: String { Self.unitKey(id) }
    public static func unitKey(_ id: Int64) -> String { "organisation:\(id)" }
    public var gradeLabel: String? { grade.map { "\($0)A" } }
}

/// 年检 / 年报: the latest year's result.
public struct AnnualInspection: Sendable, Equatable {
    public let year: Int, result: InspectionResult
    public init(year: Int, result: InspectionResult) { (self.year, self.result) = (year, result) }
}

public enum InspectionResult: String, Sendable, CaseIterable, Codable {
    /// 合格 / 基本合格 / 不合格 — the civil-affairs 年检 conclusions; 已报送 for a filed
    /// organisation that sends a 年报 and is not inspected.
    case qualified, basicallyQualified = "basically_qualified", unqualified, reported
    public var label: String {
        switch self {
        case .qualified: "合格"
        case .basicallyQualified: "基本合格"
        case .unqualified: "不合格"
        case .reported: "年报已报送"
        }
    }
}

public enum OrganisationStatus: String, Sendable, CaseIterable, Codable {
    /// 正常 — may be given work.
    case active
    /// 暂停服务 — kept on record, given no new work.
    case paused
    /// 已注销 — gone; its record stays.
    case deregistered
    public var label: String {
        switch self {
        case .active: "正常"
        case .paused: "暂停服务"
        case .deregistered: "已注销"
        }
    }
}

/// Someone who works for an organisation; one of them is its 接单人, the account requests
/// given to the organisation are dispatched to.
public struct OrganisationMember: Sendable, Equatable {
    public let userId: Int64, name: String, intake: Bool
}

/// One line of an organisation's 状态记录.
public struct OrganisationEvent: Sendable, Equatable {
    public let kind: String, text: String, by: String, at: Int64
}
