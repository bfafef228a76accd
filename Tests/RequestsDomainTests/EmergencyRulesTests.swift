import Foundation
import LinliKit
import Requests
import Testing

@Suite("Emergency rules: what is urgent, real time, working time (pure)")
struct EmergencyRulesTests {
    static let urgency = CatalogQuestion(code: "urgency", label: "紧急程度", kind: .singleChoice, required: true,
                                         choices: ["一般", "较急", "紧急"], urgentChoices: ["紧急"])

    static func item(urgent: Bool, questions: [CatalogQuestion] = []) -> CatalogItem {
        CatalogItem(id: 1, categoryId: 1, code: "X1", name: "事项", description: "", handlerType: .gridWorker, assignment: .grid,
                    limits: .hours(1, 4, 4), questions: questions, channels: [.selfService], allowsAnonymous: false, active: true,
                    sortOrder: 1, urgent: urgent)
    }

    @Test func anUrgentItemOrAnUrgentAnswerMakesARequestUrgent() {
        #expect(EmergencyRules.isUrgent(item: Self.item(urgent: true), answers: [:]))
        #expect(EmergencyRules.isUrgent(item: Self.item(urgent: false, questions: [Self.urgency]), answers: ["urgency": ["紧急"]]))
        #expect(!EmergencyRules.isUrgent(item: Self.item(urgent: false, questions: [Self.urgency]), answers: ["urgency": ["较急"]]))
        #expect(!EmergencyRules.isUrgent(item: Self.item(urgent: false), answers: ["urgency": ["紧急"]]), "an answer to no question")
    }

    @Test func aQuestionWithoutUrgentChoicesIsStoredAsBefore() throws {
        var plain = Self.urgency
        plain.urgentChoices = []
        let text = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!text.contains("urgentChoices"))
        let decoded = try JSONDecoder().decode(CatalogQuestion.self, from: Data(#"{"code":"a","label":"问","kind":"text"}"#.utf8))
        #expect(decoded.urgentChoices.isEmpty && decoded.choices.isEmpty && !decoded.required)
        var wrong = Self.urgency
        wrong.urgentChoices = ["特急"]
        #expect(throws: DomainError.self) { try AnswerRules.validateQuestions([wrong]) }
    }

    @Test func roundTheClockIsRealTimeAndWorkingTimeIsOfficeHours() {
        let night = LocalDay("2026-11-24")!.start!.addingTimeInterval(4 * 3600 + 22 * 60)
        #expect(WorkCalendar.roundTheClock.adding(workingMinutes: 60, to: night) == night.addingTimeInterval(3600))
        let office = WorkCalendar()
        #expect(!office.isWorkingTime(night))
        #expect(office.isWorkingTime(LocalDay("2026-11-24")!.start!.addingTimeInterval(10 * 3600)))
        #expect(!office.isWorkingTime(LocalDay("2026-11-24")!.start!.addingTimeInterval(17.5 * 3600)), "17:30 is after hours")
        #expect(!office.isWorkingTime(LocalDay("2026-11-28")!.start!.addingTimeInterval(10 * 3600)), "a Saturday")
        #expect(EmergencyRules.calendar(urgent: true, working: office) == .roundTheClock)
        #expect(EmergencyRules.numbers.map(\.number) == ["120", "110", "119"])
    }
}
