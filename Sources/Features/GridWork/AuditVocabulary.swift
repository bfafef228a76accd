import LinliKit

extension AuditEntity {
    static let visit = AuditEntity("visit", "走访记录")
    static let majorEvent = AuditEntity("major_event", "重大事件")
    static let patrol = AuditEntity("patrol", "巡查记录")
    static let gridRules = AuditEntity("grid_rules", "网格工作规则")
}

extension AuditAction {
    static let visitRecord = AuditAction("visit.record", on: .visit, "登记走访")
    static let eventDeclare = AuditAction("event.declare", on: .majorEvent, "发布重大事件")
    static let eventEnd = AuditAction("event.end", on: .majorEvent, "结束重大事件")
    static let patrolStart = AuditAction("patrol.start", on: .patrol, "开始巡查")
    static let patrolProblem = AuditAction("patrol.problem", on: .patrol, "巡查发现问题")
    static let patrolEnd = AuditAction("patrol.end", on: .patrol, "结束巡查")
    static let visitRulesEdit = AuditAction("grid_rules.visits", on: .gridRules, "修改走访规则")
    static let dutiesEdit = AuditAction("grid_rules.duties", on: .gridRules, "修改岗位职责")
    static let patrolQuotaEdit = AuditAction("grid_rules.patrols", on: .gridRules, "修改巡查定量")
    static let scoreRulesEdit = AuditAction("grid_rules.scores", on: .gridRules, "修改考核细则")

    static let gridWork: [AuditAction] = [.visitRecord, .eventDeclare, .eventEnd, .patrolStart, .patrolProblem, .patrolEnd,
                                          .visitRulesEdit, .dutiesEdit, .patrolQuotaEdit, .scoreRulesEdit]
}
