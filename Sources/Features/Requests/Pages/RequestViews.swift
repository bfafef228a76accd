import Foundation
import LinliKit

/// Plain values the request templates render (everything already formatted as text).

struct QuestionView {
    struct Choice { let value: String, checked: Bool }
    let code: String, label: String, required: Bool, value: String, choices: [Choice]
    let isText: Bool, isNumber: Bool, isDate: Bool, isSingle: Bool, isMultiple: Bool

    init(_ q: CatalogQuestion, answers: Answers) {
        let given = answers[q.code] ?? []
        code = q.code
        label = q.label
        required = q.required
        value = given.first ?? ""
        choices = q.choices.map { Choice(value: $0, checked: given.contains($0)) }
        isText = q.kind == .text
        isNumber = q.kind == .number
        isDate = q.kind == .date
        isSingle = q.kind == .singleChoice
        isMultiple = q.kind == .multipleChoice
    }
}

struct SummaryView {
    let id: Int64, trackingCode: String, itemId: Int64, itemName: String, state: String, channel: String, place: String, submitted: String
    let due: String, overdue: Bool, escalation: String?, bulk: Bool, urgent: Bool

    /// `forResident`: the state in the resident's words (`RequestState.residentLabel`).
    init(_ s: RequestSummary, now: Date, bulk: Bool = false, forResident: Bool = false) {
        id = s.id
        trackingCode = s.trackingCode
        itemId = s.itemId
        itemName = s.itemName
        state = forResident ? s.state.residentLabel : s.state.label
        channel = s.channel.label
        place = s.place
        submitted = Date(millis: s.submittedAt).shanghaiText
        due = s.currentDue.map { Date(millis: $0).shanghaiText } ?? ""
        overdue = s.currentDue.map { $0 < now.millis } ?? false
        escalation = s.escalationLevel > 0 ? EscalationRules.label(s.escalationLevel) : nil
        self.bulk = bulk
        urgent = s.urgent
    }
}

struct AnswerView { let label: String, value: String }

enum RequestFormat {
    static func answers(_ answers: Answers, questions: [CatalogQuestion]) -> [AnswerView] {
        questions.compactMap { q in answers[q.code].map { AnswerView(label: q.label, value: $0.joined(separator: "、")) } }
    }

    /// A fresh key for one rendering of a form: a second submit of the same page is the same request.
    static func idempotencyKey() -> String { "form-" + Secrets.token(bytes: 12) }

    static func hours(_ minutes: Int) -> String {
        let hours = Double(minutes) / 60
        return hours == hours.rounded() ? String(Int(hours)) : String(format: "%.1f", hours)
    }
}
