import LinliKit

extension Permission {
    public static let requestSubmit = Permission("request.submit", "居民自助提交诉求")
    public static let requestIntake = Permission("request.intake", "代居民登记诉求（热线、代办、网格员上报）")
    /// Everyone staff may dispatch a request to: their list of what was sent to them.
    public static let requestHandle = Permission("request.handle", "办理派给本人的诉求")
    public static let requestView = Permission("request.view", "查看辖区内的诉求")
    public static let requestDispatch = Permission("request.dispatch", "立案、派遣、作废诉求，为待定位的诉求确定地点")
    public static let requestVerify = Permission("request.verify", "核查结案")
    /// Only from a level above the handler's (`Participation`).
    public static let requestApprove = Permission("request.approve", "审批延期、挂起（须高于承办人层级）")
    public static let requestReview = Permission("request.review", "回访评价")
    public static let requestMetrics = Permission("request.metrics", "查看诉求办理统计")
    public static let catalogManage = Permission("catalog.manage", "维护服务目录与工作日历")
}
