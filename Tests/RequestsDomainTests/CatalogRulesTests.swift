import LinliKit
import Requests
import Testing

@Suite struct CatalogRulesTests {
    static let questions = [
        CatalogQuestion(code: "floor", label: "楼层", kind: .number),
        CatalogQuestion(code: "date", label: "上门日期", kind: .date, required: true),
        CatalogQuestion(code: "urgency", label: "紧急程度", kind: .singleChoice, required: true, choices: ["一般", "紧急"]),
        CatalogQuestion(code: "items", label: "项目", kind: .multipleChoice, choices: ["扶手", "防滑", "呼叫器"]),
        CatalogQuestion(code: "detail", label: "说明", kind: .text),
    ]

    @Test func goodAnswersAreKeptAndCleaned() throws {
        let clean = try AnswerRules.validate(["floor": [" 6.0 "], "date": ["2026-12-01"], "urgency": ["紧急"], "items": ["扶手", "呼叫器"],
                                              "detail": [""]], questions: Self.questions)
        #expect(clean == ["floor": ["6"], "date": ["2026-12-01"], "urgency": ["紧急"], "items": ["扶手", "呼叫器"]])
    }

    @Test func eachWrongAnswerIsNamedOnItsQuestion() {
        do {
            _ = try AnswerRules.validate(["floor": ["六楼"], "date": ["2026-02-30"], "items": ["扶手", "电梯"], "colour": ["红"],
                                          "detail": [String(repeating: "长", count: 501)]], questions: Self.questions)
            Issue.record("bad answers accepted")
        } catch let error as DomainError {
            #expect(Set(error.fields.keys) == ["answers.floor", "answers.date", "answers.urgency", "answers.items", "answers.colour", "answers.detail"])
            #expect(error.fields["answers.urgency"] == "请回答“紧急程度”")
            #expect(error.fields["answers.items"]!.contains("电梯"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: DomainError.self) { try AnswerRules.validate(["urgency": ["一般", "紧急"], "date": ["2026-12-01"]], questions: Self.questions) }
    }

    @Test func adminWrittenQuestionsNeedPlainUniqueCodesAndChoices() throws {
        try AnswerRules.validateQuestions(Self.questions)
        let bad: [[CatalogQuestion]] = [
            [CatalogQuestion(code: "楼层", label: "楼层", kind: .text)],
            [CatalogQuestion(code: "a", label: "A", kind: .text), CatalogQuestion(code: "a", label: "B", kind: .text)],
            [CatalogQuestion(code: "c", label: "选", kind: .singleChoice, choices: ["只有一个"])],
            [CatalogQuestion(code: "c", label: " ", kind: .text)],
        ]
        for questions in bad {
            #expect(throws: DomainError.self) { try AnswerRules.validateQuestions(questions) }
        }
    }

    @Test func theDefaultCatalogHasTwelveCategoriesOfTenItemsWithUniqueCodes() throws {
        let categories = DefaultCatalog.categories
        #expect(categories.count == 12)
        let items = categories.flatMap(\.items)
        #expect(items.count == 120)
        #expect(Set(items.map(\.code)).count == items.count)
        #expect(Set(categories.map(\.code)).count == categories.count)
        for category in categories {
            #expect(category.items.allSatisfy { $0.code.hasPrefix(category.code) }, "\(category.name)")
        }
        for item in items {
            try AnswerRules.validateQuestions(item.questions)
            #expect(item.limits.respond > 0 && item.limits.handle >= item.limits.respond && item.limits.verify > 0, "\(item.name)")
        }
        #expect(categories.map(\.name).starts(with: ["养老服务", "助残服务", "儿童关爱", "社会救助"]))
    }

    @Test func assignmentRulesRoundTripThroughTheirStoredText() {
        for rule in [AssignmentRule.grid, .thematic(tag: "独居老人"), .account(username: "zz.org")] {
            #expect(AssignmentRule(stored: rule.stored) == rule)
        }
        #expect(AssignmentRule(stored: "thematic:") == nil)
        #expect(AssignmentRule(stored: "everyone") == nil)
    }
}
