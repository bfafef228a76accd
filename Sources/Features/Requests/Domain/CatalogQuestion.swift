import Foundation
import LinliKit

/// An extra question an item asks at intake (like an Open311 attribute).
public struct CatalogQuestion: Sendable, Equatable, Codable {
    public var code: String
    public var label: String
    public var kind: QuestionKind
    public var required: Bool
    public var choices: [String]
    /// Choices that make a request urgent (e.g. 紧急程度：紧急), `EmergencyRules`.
    public var urgentChoices: [String]

    public init(code: String, label: String, kind: QuestionKind, required: Bool = false, choices: [String] = [],
                urgentChoices: [String] = []) {
        self.code = code
        self.label = label
        self.kind = kind
        self.required = required
        self.choices = choices
        self.urgentChoices = urgentChoices
    }

    enum CodingKeys: String, CodingKey { case code, label, kind, required, choices, urgentChoices }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code), label: try c.decode(String.self, forKey: .label),
                  kind: try c.decode(QuestionKind.self, forKey: .kind), required: try c.decodeIfPresent(Bool.self, forKey: .required) ?? false,
                  choices: try c.decodeIfPresent([String].self, forKey: .choices) ?? [],
                  urgentChoices: try c.decodeIfPresent([String].self, forKey: .urgentChoices) ?? [])
    }

    /// Without urgent choices a question is stored exactly as before they existed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(label, forKey: .label)
        try c.encode(kind, forKey: .kind)
        try c.encode(required, forKey: .required)
        try c.encode(choices, forKey: .choices)
        if !urgentChoices.isEmpty { try c.encode(urgentChoices, forKey: .urgentChoices) }
    }
}

public enum QuestionKind: String, Sendable, CaseIterable, Codable {
    case text, number, date
    case singleChoice = "single_choice"
    case multipleChoice = "multiple_choice"

    public var label: String {
        switch self {
        case .text: "文字"
        case .number: "数字"
        case .date: "日期"
        case .singleChoice: "单选"
        case .multipleChoice: "多选"
        }
    }
}

/// The answers given at intake, question code → values (one value except multiple choice).
public typealias Answers = [String: [String]]

public enum AnswerRules {
    public static let maxTextLength = 500

    /// Checks raw answers against the questions and returns them cleaned: unknown codes,
    /// missing required answers, numbers that are not numbers, impossible dates and choices
    /// not on the list are each a zh-CN error on `answers.<code>`.
    public static func validate(_ raw: Answers, questions: [CatalogQuestion]) throws -> Answers {
        var problems: [String: String] = [:]
        var clean: Answers = [:]
        let known = Set(questions.map(\.code))
        for code in raw.keys where !known.contains(code) {
            problems["answers.\(code)"] = "没有名为“\(code)”的问题"
        }
        for question in questions {
            let field = "answers.\(question.code)"
            let values = (raw[question.code] ?? []).map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
            if values.isEmpty {
                if question.required { problems[field] = "请回答“\(question.label)”" }
                continue
            }
            if question.kind != .multipleChoice, values.count > 1 {
                problems[field] = "“\(question.label)”只能填一个答案"
                continue
            }
            if let problem = problem(with: values, for: question) {
                problems[field] = problem
                continue
            }
            clean[question.code] = question.kind == .number ? values.map { normalisedNumber($0) } : values
        }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
        return clean
    }

    static func problem(with values: [String], for question: CatalogQuestion) -> String? {
        switch question.kind {
        case .text:
            if values[0].count > maxTextLength { return "“\(question.label)”最多 \(maxTextLength) 字" }
            if values[0].unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
                return "“\(question.label)”含有不可见的控制字符"
            }
        case .number:
            if Double(values[0]) == nil || values[0].count > 20 { return "“\(question.label)”应填数字" }
        case .date:
            if LocalDay(values[0]) == nil { return "“\(question.label)”应为日期，如 2026-11-23" }
        case .singleChoice, .multipleChoice:
            if let wrong = values.first(where: { !question.choices.contains($0) }) {
                return "“\(wrong)”不是“\(question.label)”的选项"
            }
            if Set(values).count != values.count { return "“\(question.label)”的选项有重复" }
        }
        return nil
    }

    static func normalisedNumber(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Checks a question list an admin wrote: codes unique and plain, choices where needed.
    public static func validateQuestions(_ questions: [CatalogQuestion]) throws {
        var problems: [String: String] = [:]
        var seen: Set<String> = []
        for (index, question) in questions.enumerated() {
            let field = "questions.\(index)"
            if question.code.isEmpty || question.code.count > 40
                || !question.code.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }) {
                problems[field] = "问题代码只能用字母、数字和下划线（1–40 个）"
            } else if !seen.insert(question.code).inserted {
                problems[field] = "问题代码“\(question.code)”重复"
            } else if question.label.trimmingCharacters(in: .whitespaces).isEmpty || question.label.count > 100 {
                problems[field] = "问题“\(question.code)”需要 1–100 字的题目"
            } else if [.singleChoice, .multipleChoice].contains(question.kind), question.choices.count < 2 {
                problems[field] = "选择题“\(question.label)”至少要有两个选项"
            } else if Set(question.choices).count != question.choices.count {
                problems[field] = "问题“\(question.label)”的选项有重复"
            } else if !Set(question.urgentChoices).isSubset(of: question.choices) {
                problems[field] = "问题“\(question.label)”的紧急选项须是它的选项之一"
            }
        }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
    }
}
