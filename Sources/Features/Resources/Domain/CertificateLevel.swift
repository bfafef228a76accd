/// 社会工作者职业水平证书: the three levels of the national examination, in order.
public enum CertificateLevel: String, Sendable, CaseIterable, Codable, Comparable {
    /// 助理社会工作师（初级）
    case assistant
    /// 社会工作师（中级）
    case intermediate
    /// 高级社会工作师
    case senior

    public var label: String {
        switch self {
        case .assistant: "助理社会工作师"
        case .intermediate: "社会工作师"
        case .senior: "高级社会工作师"
        }
    }

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: CertificateLevel, rhs: CertificateLevel) -> Bool { lhs.rank < rhs.rank }
}
