import Foundation
import LinliKit

/// What an admin fills in for an item.
public struct CatalogItemDraft: Sendable {
    public var categoryId: Int64?
    public var code: String
    public var name: String
    public var description: String
    public var handlerType: HandlerType?
    public var assignment: String
    /// Time limits in working hours, as admins think of them.
    public var respondHours: Double?
    public var handleHours: Double?
    public var verifyHours: Double?
    public var questions: [CatalogQuestion]
    public var channels: Set<IntakeChannel>
    public var allowsAnonymous: Bool
    public var active: Bool
    public var sortOrder: Int
    /// 紧急事项
    public var urgent: Bool

    public init(categoryId: Int64?, code: String, name: String, description: String = "", handlerType: HandlerType?,
                assignment: String = "grid", respondHours: Double?, handleHours: Double?, verifyHours: Double?,
                questions: [CatalogQuestion] = [], channels: Set<IntakeChannel> = Set(IntakeChannel.allCases),
                allowsAnonymous: Bool = false, active: Bool = true, sortOrder: Int = 100, urgent: Bool = false) {
        self.categoryId = categoryId
        self.code = code
        self.name = name
        self.description = description
        self.handlerType = handlerType
        self.assignment = assignment
        self.respondHours = respondHours
        self.handleHours = handleHours
        self.verifyHours = verifyHours
        self.questions = questions
        self.channels = channels
        self.allowsAnonymous = allowsAnonymous
        self.active = active
        self.sortOrder = sortOrder
        self.urgent = urgent
    }
}

public struct CatalogCategoryDraft: Sendable {
    public var code: String, name: String, description: String, sortOrder: Int, active: Bool
    public init(code: String, name: String, description: String = "", sortOrder: Int = 100, active: Bool = true) {
        self.code = code
        self.name = name
        self.description = description
        self.sortOrder = sortOrder
        self.active = active
    }
}

public struct ValidCatalogItem: Sendable {
    public let categoryId: Int64, code: String, name: String, description: String, handlerType: HandlerType
    public let assignment: AssignmentRule, limits: StageLimits, questions: [CatalogQuestion], channels: Set<IntakeChannel>
    public let allowsAnonymous: Bool, active: Bool, sortOrder: Int, urgent: Bool
}

public enum CatalogRules {
    /// Each stage's time limit, in working hours.
    public static let stageHours: ClosedRange<Double> = 0.5...2000
    /// Codes are what Open311 clients and reports hold on to: letters, digits, `-` and `_`.
    static func codeProblem(_ code: String) -> String? {
        let ok = (1...20).contains(code.count)
            && code.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
        return ok ? nil : "代码只能用字母、数字、- 和 _（1–20 个）"
    }

    public static func validate(_ draft: CatalogCategoryDraft) throws {
        var problems: [String: String] = [:]
        if let problem = codeProblem(draft.code) { problems["code"] = problem }
        if draft.name.trimmingCharacters(in: .whitespaces).isEmpty || draft.name.count > 30 { problems["name"] = "类别名称应为 1–30 个字" }
        if draft.description.count > 200 { problems["description"] = "说明不能超过 200 字" }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
    }

    public static func validate(_ draft: CatalogItemDraft) throws -> ValidCatalogItem {
        var problems: [String: String] = [:]
        if draft.categoryId == nil { problems["categoryId"] = "请选择服务类别" }
        if let problem = codeProblem(draft.code) { problems["code"] = problem }
        let name = draft.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 40 { problems["name"] = "事项名称应为 1–40 个字" }
        if draft.description.count > 500 { problems["description"] = "说明不能超过 500 字" }
        if draft.handlerType == nil { problems["handlerType"] = "请选择承办类型" }
        let assignment = AssignmentRule(stored: draft.assignment.trimmingCharacters(in: .whitespaces))
        if assignment == nil { problems["assignment"] = "分派规则应为 grid、thematic:标签 或 account:用户名" }
        func minutes(_ hours: Double?, _ field: String, _ label: String) -> Int? {
            guard let hours, stageHours.contains(hours) else {
                problems[field] = "\(label)时限应在 0.5 到 2000 个工作小时之间"
                return nil
            }
            return Int((hours * 60).rounded())
        }
        let respond = minutes(draft.respondHours, "respondHours", "签收")
        let handle = minutes(draft.handleHours, "handleHours", "处置")
        let verify = minutes(draft.verifyHours, "verifyHours", "核查")
        if draft.channels.isEmpty { problems["channels"] = "至少选择一个受理渠道" }
        do { try AnswerRules.validateQuestions(draft.questions) } catch let error as DomainError { problems.merge(error.fields) { a, _ in a } }
        guard problems.isEmpty, let categoryId = draft.categoryId, let handlerType = draft.handlerType, let assignment,
              let respond, let handle, let verify else { throw DomainError.invalid(fields: problems) }
        return ValidCatalogItem(categoryId: categoryId, code: draft.code, name: name, description: draft.description, handlerType: handlerType,
                                assignment: assignment, limits: StageLimits(respond: respond, handle: handle, verify: verify),
                                questions: draft.questions, channels: draft.channels, allowsAnonymous: draft.allowsAnonymous,
                                active: draft.active, sortOrder: draft.sortOrder, urgent: draft.urgent)
    }
}
