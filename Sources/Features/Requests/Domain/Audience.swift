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
    public static func of(event kind: String, to state: RequestState, escalationLevel: Int = 0) -> Set<Audience> {
        switch RequestActionKind(rawValue: kind) {
        case .register?, .reject?, .void?, .claim?: [.requester]
        case .dispatch?: [.handlers, .requester]
        case .withdraw?: state == .withdrawn ? [.dispatchers] : []
        case .sendBack?: [.dispatchers]
        case .requestExtension?, .requestSuspension?: [.approvers]
        case .approveExtension?, .denyExtension?, .denySuspension?, .verifyFail?: [.handlers]
        case .approveSuspension?, .resume?: [.handlers, .requester]
        case .report?: [.verifiers, .requester]
        case .verifyPass?: [.requester, .handlers]
        case .rate?: state == .rated ? [.handlers] : [.handlers, .dispatchers]
        case .addInformation?: state == .received || state == .registered ? [.dispatchers] : [.handlers]
        case .comment?: []
        case nil:
            switch kind {
            case "submit": [.dispatchers]
            case "warn": state == .inProgress || state == .dispatched ? [.handlers] : state == .reported ? [.verifiers] : [.dispatchers]
            case "escalate": [.supervisors(level: escalationLevel), state == .reported ? .verifiers : state == .inProgress || state == .dispatched ? .handlers : .dispatchers]
            default: []
            }
        }
    }
}
