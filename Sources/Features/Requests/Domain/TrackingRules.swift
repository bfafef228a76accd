/// What the resident's tracking page shows of the trace: the steps that concern them, with
/// the words meant for them, never staff-internal notes or names.
public enum RequestTrackingRules {
    /// Steps shown on the tracking page.
    public static let publicKinds = Set<RequestEventKind>([.submit, .follow] + [
        .register, .reject, .void, .withdraw, .dispatch, .claim, .approveExtension, .approveSuspension, .resume, .report,
        .verifyPass, .verifyFail, .rate, .addInformation,
    ].map(RequestEventKind.action))

    /// Steps whose note is written for the resident.
    public static func noteIsPublic(_ kind: RequestEventKind) -> Bool {
        [.action(.reject), .action(.void), .action(.withdraw), .action(.report), .action(.rate), .action(.addInformation)].contains(kind)
    }

    /// How a step reads for the resident.
    public static func publicLabel(_ event: RequestEvent) -> String {
        switch event.kind {
        case .action(.approveExtension): "办理时限已延长"
        case .action(.approveSuspension): "暂停办理"
        case .action(.verifyFail): "核查未通过，重新处置"
        case .action(.claim): "承办人已签收，正在处置"
        default: event.label
        }
    }
}
