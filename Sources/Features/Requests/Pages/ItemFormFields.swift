import Foundation
import LinliKit

/// The item form's questions and assignment rule as form fields — a row per question, a
/// choice of rule with a tag or a person — instead of JSON and `thematic:标签`. The page turns
/// them into the `questions` and `assignment` that `ItemInput` (shared with the API) reads.
enum ItemFormFields {
    /// Rows on the form: the item's questions and this many empty ones to add.
    static let emptyRows = 2
    static let maxRows = 20

    struct QuestionRow {
        let index: Int, code: String, label: String, kinds: [SelectOption], required: Bool, choices: String, urgentChoices: String
    }

    static func rows(_ questions: [CatalogQuestion]) -> [QuestionRow] {
        let blank = CatalogQuestion(code: "", label: "", kind: .text)
        return (questions + Array(repeating: blank, count: emptyRows)).prefix(maxRows).enumerated().map { index, q in
            QuestionRow(index: index, code: q.code, label: q.label,
                        kinds: QuestionKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == q.kind) },
                        required: q.required, choices: q.choices.joined(separator: "\n"), urgentChoices: q.urgentChoices.joined(separator: "\n"))
        }
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// Replaces the form's `q.N.*` and `assignmentKind`/`assignmentTag`/`assignmentAccount`
    /// fields with `questions` (JSON) and `assignment`, as the API sends them. A row with
    /// neither code nor label, or ticked 删除, is no question.
    static func normalise(_ fields: Fields) -> Fields {
        var values = fields.values
        func text(_ name: String) -> String? {
            guard case .text(let value)? = values.removeValue(forKey: name) else { return nil }
            let trimmed = value.trimmingWhitespace
            return trimmed.isEmpty ? nil : trimmed
        }
        if values.keys.contains(where: { $0.hasPrefix("q.") }) {
            var questions: [CatalogQuestion] = []
            for index in 0..<maxRows {
                let prefix = "q.\(index)."
                let code = text(prefix + "code"), label = text(prefix + "label")
                let kind = text(prefix + "kind").flatMap(QuestionKind.init(rawValue:)) ?? .text
                let required = text(prefix + "required") != nil, removed = text(prefix + "remove") != nil
                let choices = lines(text(prefix + "choices")), urgent = lines(text(prefix + "urgentChoices"))
                guard !removed, code != nil || label != nil else { continue }
                questions.append(CatalogQuestion(code: code ?? "", label: label ?? "", kind: kind, required: required,
                                                 choices: [.singleChoice, .multipleChoice].contains(kind) ? choices : [],
                                                 urgentChoices: [.singleChoice, .multipleChoice].contains(kind) ? urgent : []))
            }
            values["questions"] = .text(CatalogStore.encodeQuestions(questions))
        }
        if let kind = text("assignmentKind") {
            let tag = text("assignmentTag"), account = text("assignmentAccount")
            switch kind {
            case "thematic": values["assignment"] = .text("thematic:" + (tag ?? ""))
            case "account": values["assignment"] = .text("account:" + (account ?? ""))
            default: values["assignment"] = .text(kind)
            }
        }
        return Fields(values)
    }
}
