import LinliKit
import Testing

@Suite("One decoder for forms and JSON")
struct FieldsTests {
    @Test func formAndJSONDecodeToTheSameValues() throws {
        var form = Fields(Fields.parseURLEncodedForTests("name=%E4%B8%80%E7%BD%91%E6%A0%BC&parentId=7&tags=a&tags=b"))
        var json = try Fields.fromJSON(#"{"name":"一网格","parentId":7,"tags":["a","b"]}"#)
        #expect(form.text("name", "名称") == "一网格")
        #expect(json.text("name", "名称") == "一网格")
        #expect(form.integer("parentId", "上级") == 7)
        #expect(json.integer("parentId", "上级") == 7)
        #expect(form.list("tags", "标签") == ["a", "b"])
        #expect(json.list("tags", "标签") == ["a", "b"])
        try form.finish()
        try json.finish()
    }

    @Test func unknownFieldsAreRejectedByName() throws {
        var fields = try Fields.fromJSON(#"{"name":"x","isAdmin":true}"#)
        _ = fields.text("name", "名称")
        #expect(throws: DomainError.self) { try fields.finish() }
        do { try fields.finish() } catch let error as DomainError {
            #expect(error.fields["isAdmin"] == "未知字段「isAdmin」")
            #expect(error.status == 422)
        }
    }

    @Test func overLongTextIsAnErrorNotATruncation() {
        var fields = Fields(["name": .text(String(repeating: "长", count: 51))])
        #expect(fields.text("name", "名称", maxLength: 50) == nil)
        #expect(fields.errors["name"] == "「名称」不能超过 50 个字")
    }

    @Test func wrongTypesAreNamed() {
        var fields = Fields(["parentId": .text("三"), "name": .list([]), "count": .number(1.5)])
        #expect(fields.integer("parentId", "上级") == nil)
        #expect(fields.text("name", "名称") == nil)
        #expect(fields.integer("count", "数量") == nil)
        #expect(fields.errors["parentId"] == "「上级」应为整数")
        #expect(fields.errors["name"] == "「名称」应为文本")
        #expect(fields.errors["count"] == "「数量」应为整数")
    }

    @Test func requiredFieldsReportEveryMissingOneAtOnce() {
        var fields = Fields([:])
        _ = fields.text("name", "名称", required: true)
        _ = fields.integer("parentId", "上级", required: true)
        do {
            try fields.finish()
            Issue.record("finish should throw")
        } catch let error as DomainError {
            #expect(error.fields.count == 2)
            #expect(error.message.contains("请填写「名称」"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func controlCharactersAreRefused() {
        var fields = Fields(["name": .text("a\u{0}b")])
        #expect(fields.text("name", "名称") == nil)
    }

    @Test func invalidJSONIsABadRequest() {
        #expect(throws: DomainError.self) { try Fields.fromJSON("{not json") }
        #expect(throws: DomainError.self) { try Fields.fromJSON("[1,2]") }
    }

    @Test func choicesAcceptRawValueOrChineseLabel() {
        var fields = Fields(["a": .text("grid_worker"), "b": .text("网格员"), "c": .text("超级管理员")])
        #expect(fields.choice("a", "角色", parse: Role.parse) == .gridWorker)
        #expect(fields.choice("b", "角色", parse: Role.parse) == .gridWorker)
        #expect(fields.choice("c", "角色", parse: Role.parse) == nil)
        #expect(fields.errors["c"] == "「角色」的取值无效：超级管理员")
    }

    @Test func anInputTypeRecordsWhatItAccepts() {
        let recorded = Fields.rules { fields in
            _ = fields.text("name", "名称", required: true, maxLength: 50)
            _ = fields.integer("limit", "每页条数", range: 1...200)
            _ = fields.decimal("hours", "小时", range: 0.5...240)
            _ = fields.list("tags", "标签", maxCount: 5, maxLength: 20)
        }
        #expect(recorded.order == ["name", "limit", "hours", "tags"])
        #expect(recorded.rules["name"] == FieldRule(kind: .string, label: "名称", required: true, minLength: 1, maxLength: 50))
        #expect(recorded.rules["limit"]?.maximum == 200)
        #expect(recorded.rules["hours"]?.minimum == 0.5)
        #expect(recorded.rules["tags"]?.maxItems == 5)
    }

    @Test func aFieldIsRequiredInAUnionOnlyWhereEveryCaseRequiresIt() {
        let recorded = Fields.rules(given: [["kind": .text("a")], ["kind": .text("b")]]) { fields in
            let kind = fields.text("kind", "类型", required: true)
            _ = fields.text("always", "总有", required: true)
            if kind == "a" { _ = fields.integer("first", "仅 a", required: true) }
            if kind == "b" { _ = fields.integer("last", "仅 b", required: true) }
        }
        #expect(recorded.rules["kind"]?.required == true)
        #expect(recorded.rules["always"]?.required == true)
        #expect(recorded.rules["first"]?.required == false)
        #expect(recorded.rules["last"]?.required == false)
        #expect(recorded.order == ["kind", "always", "first", "last"])
    }
}

@Suite("Route paths")
struct RoutePathTests {
    @Test func aLinkFillsTheParametersInOrder() {
        #expect(RoutePath("regions/:id/team/:userId/remove").link(3, 9) == "/regions/3/team/9/remove")
        #expect(RoutePath("regions").link() == "/regions")
    }
}
