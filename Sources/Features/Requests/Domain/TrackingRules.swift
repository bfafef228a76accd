/// What the resident's tracking page shows of the trace: the steps that concern them, with
/// the words meant for them, never staff-internal notes or names.
public enum RequestTrackingRules {
    /// Steps shown on the tracking page.
    public static let publicKinds: Set<String> = [
        "submit", "follow", RequestActionKind.register.rawValue, RequestActionKind.reject.rawValue, RequestActionKind.void.rawValue,
        RequestActionKind.withdraw.rawValue, RequestActionKind.dispatch.rawValue, RequestActionKind.claim.rawValue,
        RequestActionKind.approveExtension.rawValue, RequestActionKind.approveSuspension.rawValue, RequestActionKind.resume.rawValue,
        RequestActionKind.report.rawValue, RequestActionKind.verifyPass.rawValue, RequestActionKind.verifyFail.rawValue,
        RequestActionKind.rate.rawValue, RequestActionKind.addInformation.rawValue,
    ]

    /// Steps whose note is written for the resident.
    public static func noteIsPublic(_ kind: String) -> Bool {
        [RequestActionKind.reject.rawValue, RequestActionKind.void.rawValue, RequestActionKind.withdraw.rawValue,
         RequestActionKind.report.rawValue, RequestActionKind.rate.rawValue, RequestActionKind.addInformation.rawValue].contains(kind)
    }

    /// How a step reads for the resident.
    public static func publicLabel(_ event: RequestEvent) -> String {
        switch event.kind {
        case RequestActionKind.approveExtension.rawValue: "办理时限已延长"
        case RequestActionKind.approveSuspension.rawValue: "暂停办理"
        case RequestActionKind.verifyFail.rawValue: "核查未通过，重新处置"
        case RequestActionKind.claim.rawValue: "承办人已签收，正在处置"
        default: event.label
        }
    }
}
