import Foundation
import LinliKit
import Notifications

extension RequestService {
    /// Tells the people `Audience.of` names, inside the change's transaction. Residents get
    /// the public wording (no internal notes); staff get a link to the request page.
    /// `staffOnPath`: the staff on the path to the request, when read before the transaction
    /// (an intake: the less a write does under the lock, the more writes a second).
    func notify(_ tx: Tx, request: ServiceRequest, kind: RequestEventKind, note: String?, itemName: String,
                staffOnPath: [StaffMember]? = nil) async throws {
        let audience = Audience.of(event: kind, to: request.state, escalationLevel: request.progress.escalationLevel)
        guard !audience.isEmpty else { return }
        let label = kind.label
        let handlers = Set(([request.progress.handlerId] + request.progress.coHandlerIds.map(Optional.some)).compactMap { $0 })
        // Staff on the path to the request, read once for every audience that needs them.
        let needsStaff = audience.contains { if case .requester = $0 { false } else if case .handlers = $0 { false } else { true } }
        var onPath: [StaffMember] = []
        if needsStaff {
            if let staffOnPath { onPath = staffOnPath } else { onPath = try await staff.staffMembers(onPathTo: request.regionPath) }
        }
        func holding(_ permissions: Permission...) -> [StaffMember] {
            onPath.filter { !permissionTable.permissions(of: $0.role).isDisjoint(with: permissions) }
        }
        var staffIds: Set<Int64> = []
        var residentIds: Set<Int64> = []
        for who in audience {
            switch who {
            case .requester:
                if let requester = request.requesterUserId { residentIds.insert(requester) }
                residentIds.formUnion(try await RequestStore.followers(tx, requestId: request.id))
            case .handlers:
                staffIds.formUnion(handlers)
            case .dispatchers:
                staffIds.formUnion(Self.nearest(holding(.requestDispatch)))
            case .verifiers:
                staffIds.formUnion(Self.nearest(holding(.requestVerify)).subtracting(handlers))
            case .approvers:
                if let handlerPath = request.handlerPath {
                    staffIds.formUnion(Self.nearest(holding(.requestApprove).filter { $0.regionPath.count < handlerPath.count }))
                }
            case .supervisors(let level):
                let paths = Scope.ancestorPaths(of: request.regionPath)
                let depth = max(RegionDepth.community - (level - 1), 0)
                if depth < paths.count {
                    staffIds.formUnion(holding(.requestApprove, .requestDispatch).filter { $0.regionPath == paths[depth] }.map(\.id))
                }
            }
        }
        let title = "诉求\(request.trackingCode)：\(label)"
        let facts = ["event": kind.rawValue, "request": String(request.id), "tracking": request.trackingCode, "state": request.state.rawValue]
        if !staffIds.isEmpty {
            let body = [itemName, request.place, "当前：\(request.state.label)", note.map { "说明：\($0)" }].compactMap { $0 }.joined(separator: "｜")
            try await notifications.post(tx, to: staffIds.sorted(), Notice(title: title, body: body, link: "/requests/\(request.id)", facts: facts))
        }
        residentIds.subtract(staffIds)
        if !residentIds.isEmpty {
            let publicNote = RequestTrackingRules.noteIsPublic(kind) ? note : nil
            let body = [itemName, "现在：\(request.state.residentLabel)", publicNote.map { "说明：\($0)" }].compactMap { $0 }.joined(separator: "｜")
            let title = "您的诉求\(request.trackingCode)：\(RequestTrackingRules.publicLabel(kind))"
            try await notifications.post(tx, to: residentIds.sorted(), Notice(title: title, body: body, link: "/my/requests/\(request.id)", facts: facts))
        }
    }

    /// 值班: an urgent request out of hours, to whoever is on duty, at once (the inbox, and the
    /// e-mail and webhook queues, in the request's own transaction).
    func notifyOnDuty(_ tx: Tx, request: ServiceRequest, itemName: String, people: [StaffMember], at now: Date) async throws {
        let facts = ["event": "duty", "request": String(request.id), "tracking": request.trackingCode, "state": request.state.rawValue]
        let body = [itemName, request.place, "提交于 \(now.shanghaiText)", "非工作时间的紧急诉求，请值班人员立即联系处理"].joined(separator: "｜")
        try await notifications.post(tx, to: people.map(\.id), Notice(title: "紧急诉求\(request.trackingCode)：值班请立即处理", body: body,
                                                                       link: "/requests/\(request.id)", facts: facts))
    }

    /// Of those given, the ones bound at the deepest level (nearest the request).
    static func nearest(_ holders: [StaffMember]) -> Set<Int64> {
        guard let deepest = holders.map(\.regionPath.count).max() else { return [] }
        return Set(holders.filter { $0.regionPath.count == deepest }.map(\.id))
    }
}

/// Depth of levels in a region path (district = 0).
enum RegionDepth {
    static let community = 2
}
