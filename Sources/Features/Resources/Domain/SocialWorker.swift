/// 社工 — a social worker: an account, perhaps a registry resident, with a certificate, a
/// post, trainings and a count of the casework done (never its content).
public struct SocialWorker: Sendable, Equatable {
    public let id: Int64, userId: Int64, name: String, residentId: Int64?
    public let certificate: CertificateLevel?, certificateNumber: String?
    public let post: SocialWorkPost, organisationId: Int64?
    /// The node of the post: where the worker serves.
    public let regionPath: String
    public let trainingHours: Int, trainingTopics: String
    public let casework: Casework
    public let services: [Int64]
}

/// 岗位: where a social worker works.
public enum SocialWorkPost: String, Sendable, CaseIterable, Codable {
    /// 社区社会工作室
    case communityOffice = "community_office"
    /// 街道社工站
    case streetStation = "street_station"
    /// 社会组织
    case organisation
    public var label: String {
        switch self {
        case .communityOffice: "社区社会工作室"
        case .streetStation: "街道社工站"
        case .organisation: "社会组织"
        }
    }
}

/// 个案 / 小组 / 社区活动 counts: what the casework summary shows.
public struct Casework: Sendable, Equatable {
    public var individual = 0, group = 0, community = 0
    public init(individual: Int = 0, group: Int = 0, community: Int = 0) {
        (self.individual, self.group, self.community) = (individual, group, community)
    }
    public var total: Int { individual + group + community }
}

/// 持证社工占比: certified workers of all those posted in a place, against the target.
public struct CertifiedShare: Sendable, Equatable {
    public let certified: Int, total: Int, targetPercent: Int
    public init(certified: Int, total: Int, targetPercent: Int) {
        (self.certified, self.total, self.targetPercent) = (certified, total, targetPercent)
    }
    /// Percent with one decimal; 0 with nobody posted.
    public var percent: Double { total == 0 ? 0 : (Double(certified) / Double(total) * 1000).rounded() / 10 }
    public var meetsTarget: Bool { total > 0 && certified * 100 >= targetPercent * total }
    public var text: String {
        total == 0 ? "尚无在岗社工" : "持证 \(certified)/\(total) 人，占 \(Matching.oneDecimal(percent))%（目标 \(targetPercent)%）"
    }
}
