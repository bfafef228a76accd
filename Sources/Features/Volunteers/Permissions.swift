import LinliKit

extension Permission {
    public static let activityView = Permission("activity.view", "查看社区活动")
    public static let volunteerJoin = Permission("volunteer.join", "登记为志愿者、报名参加活动、签到")
    public static let activityManage = Permission("activity.manage", "发布和组织活动、记录出勤、认证服务时长")
    public static let volunteerView = Permission("volunteer.view", "查看志愿者名册和服务记录")
    public static let volunteerManage = Permission("volunteer.manage", "审核志愿者、管理志愿服务队、出具服务证明、导入台账")
}
