import LinliKit

extension AuditEntity {
    static let visit = AuditEntity("visit", "走访记录")
    static let majorEvent = AuditEntity("major_event", "重大事件")
    static let gridRules = AuditEntity("grid_rules", "网格工作规则")
}

extension AuditAction {
    static let visitRecord = AuditAction("visit.record", on: .visit, "登记走访")
    static let eventDeclare = AuditAction("event.declare", on: .majorEvent, "发布重大事件")
    static let eventEnd = AuditAction("event.end", on: .majorEvent, "结束重大事件")
    static let visitRulesEdit = AuditAction("grid_rules.visits", on: .gridRules, "修改走访规则")
    static let dutiesEdit = AuditAction("grid_rules.duties", on: .gridRules, "修改岗位职责")

    static let gridWork: [AuditAction] = [.visitRecord, .eventDeclare, .eventEnd, .visitRulesEdit, .dutiesEdit]
}
