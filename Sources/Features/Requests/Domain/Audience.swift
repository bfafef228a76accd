/// Who is told of an event on a request. Resolved to accounts by the service.
public enum Audience: Sendable, Hashable {
    /// The resident who asked, and residents who follow the request.
    case requester
    /// 主办 and 协办
    case handlers
    /// Staff nearest to the request who may dispatch it.
    case dispatchers
    /// Staff nearest to the request who may verify it.
    case verifiers
    /// Staff nearest above the handler who may approve.
    case approvers
    /// 督办: staff of the community (1), street (2) or district (3) above the request.
    case supervisors(level: Int)

    /// The plain rule: who needs to know, per event.
    public static func of(event kind: RequestEventKind, to state: RequestState, escalationLevel: Int = 0) -> Set<Audience> {
        switch kind {
        case .action(.register), .action(.reject), .action(.void), .action(.claim): [.requester]
        case .action(.dispatch): [.handlers, .requester]
        case .action(.withdraw): state == .withdrawn ? [.dispatchers] : []
        case .action(.sendBack): [.dispatchers]
        case .action(.requestExtension), .action(.requestSuspension): [.approvers]
        case .action(.approveExtension), .action(.denyExtension), .action(.denySuspension), .action(.verifyFail): [.handlers]
        case .action(.approveSuspension), .action(.resume): [.handlers, .requester]
        case .action(.report): [.verifiers, .requester]
        case .action(.verifyPass): [.requester, .handlers]
        case .action(.rate): state == .rated ? [.handlers] : [.handlers, .dispatchers]
        case .action(.addInformation): state == .received || state == .registered ? [.dispatchers] : [.handlers]
        case .action(.comment), .follow: []
        case .submit, .place: [.dispatchers]
        case .warn: state == .inProgress || state == .dispatched ? [.handlers] : state == .reported ? [.verifiers] : [.dispatchers]
        case .escalate:
            [.supervisors(level: escalationLevel),
             state == .reported ? .verifiers : state == .inProgress || state == .dispatched ? .handlers : .dispatchers]
        }
    }
}
