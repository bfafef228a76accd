import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let calendarDayPut = AuditAction("calendar.day.put", on: .workCalendar, "调整日历")
    public static let calendarDayRemove = AuditAction("calendar.day.remove", on: .workCalendar, "删除日历调整")
    public static let calendarSettings = AuditAction("calendar.settings", on: .workCalendar, "修改工作时间")
    public static let catalogCategoryCreate = AuditAction("catalog.category.create", on: .requestCategory, "新增服务类别")
    public static let catalogCategoryUpdate = AuditAction("catalog.category.update", on: .requestCategory, "修改服务类别")
    public static let catalogItemCreate = AuditAction("catalog.item.create", on: .requestItem, "新增服务事项")
    public static let catalogItemUpdate = AuditAction("catalog.item.update", on: .requestItem, "修改服务事项")
    public static let requestBulkLoad = AuditAction("request.bulk_load", on: .request, "批量导入诉求")
    public static let requestRecountMetrics = AuditAction("request.recount_metrics", on: .request, "重算办理统计")
    /// A step or event of a request: `request.register`, `request.warn`, …
    public static func request(_ kind: RequestEventKind) -> AuditAction { AuditAction("request.\(kind.rawValue)", on: .request, "诉求：\(kind.label)") }

    static let requests: [AuditAction] = [
        .calendarDayPut, .calendarDayRemove, .calendarSettings, .catalogCategoryCreate, .catalogCategoryUpdate,
        .catalogItemCreate, .catalogItemUpdate, .requestBulkLoad, .requestRecountMetrics,
    ] + RequestEventKind.allCases.map(request)
}

extension AuditEntity {
    public static let request = AuditEntity("request", "诉求")
    public static let requestCategory = AuditEntity("request_category", "服务类别")
    public static let requestItem = AuditEntity("request_item", "服务事项")
    public static let workCalendar = AuditEntity("work_calendar", "工作日历")
}
