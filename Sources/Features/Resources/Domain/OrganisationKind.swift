/// 社会组织类型. The three registered kinds carry a civil-affairs credit code whose second
/// character names the kind; a 社区社会组织 may instead be filed (备案) with the street or
/// community and hold a 备案 number.
public enum OrganisationKind: String, Sendable, CaseIterable, Codable {
    /// 社会团体
    case association
    /// 社会服务机构（民办非企业单位）
    case serviceAgency = "service_agency"
    /// 基金会
    case foundation
    /// 社区社会组织（备案）
    case communityFiled = "community_filed"

    public var label: String {
        switch self {
        case .association: "社会团体"
        case .serviceAgency: "社会服务机构（民办非企业单位）"
        case .foundation: "基金会"
        case .communityFiled: "社区社会组织（备案）"
        }
    }

    /// The credit code's second character for this kind under civil affairs (`5`).
    var creditCategory: Character? {
        switch self {
        case .association: "1"
        case .serviceAgency: "2"
        case .foundation: "3"
        case .communityFiled: nil
        }
    }

    /// Whether the registration number fits the kind: a registered organisation needs a valid
    /// credit code of civil affairs of its kind; a filed one may give a credit code (if it
    /// later registered) or only its 备案 number.
    public static func checkRegistration(kind: OrganisationKind, creditCode: String?, filingNumber: String?)
        -> Result<CreditCode?, OrganisationRegistrationRefusal> {
        let code = creditCode.flatMap { $0.isEmpty ? nil : $0 }
        let filing = filingNumber.flatMap { $0.isEmpty ? nil : $0 }
        guard let code else {
            if kind == .communityFiled, filing != nil { return .success(nil) }
            return .failure(kind == .communityFiled ? .filingMissing : .codeMissing)
        }
        switch CreditCode.parse(code) {
        case .failure(let refusal): return .failure(.code(refusal))
        case .success(let parsed):
            if let category = kind.creditCategory, parsed.authority != "5" || parsed.category != category {
                return .failure(.kindMismatch(kind))
            }
            return .success(parsed)
        }
    }
}

public enum OrganisationRegistrationRefusal: Error, Equatable, Sendable {
    case codeMissing
    case filingMissing
    case code(CreditCodeRefusal)
    case kindMismatch(OrganisationKind)

    public var message: String {
        switch self {
        case .codeMissing: "请填写统一社会信用代码"
        case .filingMissing: "社区社会组织请填写备案编号或统一社会信用代码"
        case .code(let refusal): refusal.message
        case .kindMismatch(let kind): "这个代码不是民政部门登记的\(kind.label)（应以 5\(kind.creditCategory ?? "?") 开头），请核对类型或代码"
        }
    }
}
