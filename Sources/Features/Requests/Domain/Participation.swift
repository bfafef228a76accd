import LinliKit

/// How an actor stands to a request, from plain facts: their permissions and scope, and who
/// the request's requester and handlers are.
public enum Participation {
    public static func roles(of actor: Actor, in request: ServiceRequest) -> Set<Participant> {
        roles(of: actor, regionPath: request.regionPath, requesterUserId: request.requesterUserId,
              handlerId: request.progress.handlerId, coHandlerIds: request.progress.coHandlerIds, handlerPath: request.handlerPath)
    }

    public static func roles(of actor: Actor, regionPath: String, requesterUserId: Int64?, handlerId: Int64?, coHandlerIds: [Int64],
                             handlerPath: String?) -> Set<Participant> {
        var roles: Set<Participant> = []
        let inScope = actor.scope.contains(path: regionPath)
        if let me = actor.userId {
            if me == requesterUserId { roles.insert(.requester) }
            if me == handlerId { roles.insert(.handler) }
            if coHandlerIds.contains(me) { roles.insert(.coHandler) }
        }
        guard inScope else { return roles }
        if actor.may(.requestDispatch) { roles.insert(.dispatcher) }
        if actor.may(.requestVerify) && !roles.contains(.handler) && !roles.contains(.coHandler) { roles.insert(.verifier) }
        if actor.may(.requestReview) { roles.insert(.reviewer) }
        // The level above: a scope strictly wider than the handler's own.
        if actor.may(.requestApprove), let handlerPath, handlerPath.hasPrefix(actor.scope.path), handlerPath != actor.scope.path,
           !roles.contains(.handler) {
            roles.insert(.approver)
        }
        return roles
    }

    /// May see the request at all: staff of the region, or someone it concerns.
    public static func mayView(_ actor: Actor, _ request: ServiceRequest) -> Bool {
        (actor.may(.requestView) && actor.scope.contains(path: request.regionPath))
            || !roles(of: actor, in: request).isDisjoint(with: [.requester, .handler, .coHandler])
    }
}
