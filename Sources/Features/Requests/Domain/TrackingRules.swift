/// What the resident's tracking page shows of the trace: the steps that concern them, with
/// the words meant for them, never staff-internal notes or names.
public enum RequestTrackingRules {
    /// Steps shown on the tracking page.
    public static let publicKinds = Set<RequestEventKind>([.submit, .follow, .place] + [
        .register, .reject, .void, .withdraw, .dispatch, .claim, .approveExtension, .approveSuspension, .resume, .report,
        .verifyPass, .verifyFail, .rate, .addInformation,
    ].map(RequestEventKind.action))

    /// Steps whose note is written for the resident.
    public static func noteIsPublic(_ kind: RequestEventKind) -> Bool {
        [.action(.reject), .action(.void), .action(.withdraw), .action(.report), .action(.rate), .action(.addInformation)].contains(kind)
    }

    /// How a step reads for the resident: what happened, in plain words, never the desk's
    /// terms (立案, 派遣, 签收, 核查).
    public static func publicLabel(_ kind: RequestEventKind) -> String {
        switch kind {
        case .submit: "已提交"
        case .follow: "有居民关注了这件事"
        case .place: "已确定地点"
        case .warn, .escalate: kind.label
        case .action(let action):
            switch action {
            case .register: "已受理"
            case .reject: "未能受理"
            case .void: "已取消"
            case .withdraw: "已撤回"
            case .dispatch: "已送达处理人"
            case .claim: "处理人已接手，正在处理"
            case .approveExtension: "办理时间已延长"
            case .approveSuspension: "暂缓办理"
            case .resume: "恢复办理"
            case .report: "已处理，等待复查"
            case .verifyPass: "复查通过，已办好"
            case .verifyFail: "复查未通过，重新处理"
            case .rate: "已评价"
            case .addInformation: "补充了信息"
            default: action.label
            }
        }
    }
}
