import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let volunteerRegister = AuditAction("volunteer.register", on: .volunteer, "登记志愿者")
    public static let volunteerApprove = AuditAction("volunteer.approve", on: .volunteer, "审核通过志愿者")
    public static let volunteerReject = AuditAction("volunteer.reject", on: .volunteer, "审核不通过志愿者")
    public static let volunteerStatus = AuditAction("volunteer.status", on: .volunteer, "变更志愿者状态")
    public static let volunteerUpdate = AuditAction("volunteer.update", on: .volunteer, "修改志愿者信息")
    public static let teamCreate = AuditAction("volunteer_team.create", on: .volunteerTeam, "新建志愿服务队")
    public static let teamMember = AuditAction("volunteer_team.member", on: .volunteerTeam, "变更队员")
    public static let activityCreate = AuditAction("activity.create", on: .activity, "新建活动")
    public static let activityTransition = AuditAction("activity.transition", on: .activity, "变更活动状态")
    public static let activityChange = AuditAction("activity.change", on: .activity, "变更活动内容")
    public static let signUpCreate = AuditAction("activity_signup.create", on: .activitySignUp, "报名")
    public static let signUpChange = AuditAction("activity_signup.change", on: .activitySignUp, "变更报名")
    public static let attendanceRecord = AuditAction("activity_signup.attendance", on: .activitySignUp, "记录签到签退")
    public static let recordCertify = AuditAction("service_record.certify", on: .serviceRecord, "认证服务时长")
    public static let recordImport = AuditAction("service_record.import", on: .serviceRecord, "导入服务记录")
    public static let correctionAsk = AuditAction("service_record.correction_ask", on: .serviceRecord, "申请更正服务记录")
    public static let correctionDecide = AuditAction("service_record.correction_decide", on: .serviceRecord, "处理更正申请")
    public static let volunteerBulkLoad = AuditAction("volunteer.bulk_load", on: .volunteer, "批量载入志愿者及服务记录")
    public static let volunteerExport = AuditAction("volunteer.export", on: .volunteer, "导出志愿服务台账")
    public static let certificateIssue = AuditAction("volunteer_certificate.issue", on: .volunteerCertificate, "出具服务证明")
    public static let certificateRevoke = AuditAction("volunteer_certificate.revoke", on: .volunteerCertificate, "撤销服务证明")

    static let volunteers: [AuditAction] = [
        .volunteerRegister, .volunteerApprove, .volunteerReject, .volunteerStatus, .volunteerUpdate, .teamCreate, .teamMember,
        .activityCreate, .activityTransition, .activityChange, .signUpCreate, .signUpChange, .attendanceRecord, .recordCertify, .recordImport,
        .correctionAsk, .correctionDecide, .volunteerBulkLoad, .volunteerExport, .certificateIssue, .certificateRevoke,
    ]
}

extension AuditEntity {
    public static let volunteer = AuditEntity("volunteer", "志愿者")
    public static let volunteerTeam = AuditEntity("volunteer_team", "志愿服务队")
    public static let activity = AuditEntity("activity", "活动")
    public static let activitySignUp = AuditEntity("activity_signup", "活动报名")
    public static let serviceRecord = AuditEntity("service_record", "志愿服务记录")
    public static let volunteerCertificate = AuditEntity("volunteer_certificate", "志愿服务记录证明")
}
