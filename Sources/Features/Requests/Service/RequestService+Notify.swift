import Foundation
import LinliKit
import Notifications

extension RequestService {
    /// Tells the people `Audience.of` names, inside the change's transaction. Residents get
    /// the public wording (no internal notes); staff get a link to the request page.
    func notify(_ tx: Tx, request: ServiceRequest, kind: String, note: String?, itemName: String) async throws {
        let audience = Audience.of(event: kind, to: request.state, escalationLevel: request.progress.escalationLevel)
        guard !audience.isEmpty else { return }
        let label = RequestActionKind(rawValue: kind)?.label ?? RequestEvent.systemLabels[kind] ?? kind
        var staffIds: Set<Int64> = []
        var residentIds: Set<Int64> = []
        for who in audience {
            switch who {
            case .requester:
                if let requester = request.requesterUserId { residentIds.insert(requester) }
                residentIds.formUnion(try await RequestStore.followers(tx, requestId: request.id))
            case .handlers:
                staffIds.formUnion(([request.progress.handlerId] + request.progress.coHandlerIds.map(Optional.some)).compactMap { $0 })
            case .dispatchers:
                staffIds.formUnion(try await nearest(holding: .requestDispatch, above: request.regionPath))
            case .verifiers:
                let own = Set(([request.progress.handlerId] + request.progress.coHandlerIds.map(Optional.some)).compactMap { $0 })
                staffIds.formUnion(try await nearest(holding: .requestVerify, above: request.regionPath).subtracting(own))
            case .approvers:
                if let handlerPath = request.handlerPath {
                    staffIds.formUnion(try await nearest(holding: .requestApprove, above: request.regionPath) { $0.count < handlerPath.count })
                }
            case .supervisors(let level):
                let paths = Scope.ancestorPaths(of: request.regionPath)
                let depth = max(RegionDepth.community - (level - 1), 0)
                if depth < paths.count {
                    let target = paths[depth]
                    staffIds.formUnion(try await staff.staffMembers(onPathTo: request.regionPath)
                        .filter { $0.regionPath == target && (permissionTable.permissions(of: $0.role).contains(.requestApprove)
                                                              || permissionTable.permissions(of: $0.role).contains(.requestDispatch)) }
                        .map(\.id))
                }
            }
        }
        let title = "诉求\(request.trackingCode)：\(label)"
        let facts = ["event": kind, "request": String(request.id), "tracking": request.trackingCode, "state": request.state.rawValue]
        if !staffIds.isEmpty {
            let body = [itemName, request.place, "当前：\(request.state.label)", note.map { "说明：\($0)" }].compactMap { $0 }.joined(separator: "｜")
            try await notifications.post(tx, to: staffIds.sorted(), Notice(title: title, body: body, link: "/requests/\(request.id)", facts: facts))
        }
        residentIds.subtract(staffIds)
        if !residentIds.isEmpty {
            let publicNote = RequestTrackingRules.noteIsPublic(kind) ? note : nil
            let body = [itemName, "当前：\(request.state.label)", publicNote.map { "说明：\($0)" }].compactMap { $0 }.joined(separator: "｜")
            try await notifications.post(tx, to: residentIds.sorted(), Notice(title: title, body: body, link: "/my/requests/\(request.id)", facts: facts))
        }
    }

    /// Staff holding `permission` at the deepest level above `path` that has any.
    func nearest(holding permission: Permission, above path: String, where accept: (String) -> Bool = { _ in true }) async throws -> Set<Int64> {
        let holders = try await staff.staffMembers(onPathTo: path)
            .filter { permissionTable.permissions(of: $0.role).contains(permission) && accept($0.regionPath) }
        guard let deepest = holders.map(\.regionPath.count).max() else { return [] }
        return Set(holders.filter { $0.regionPath.count == deepest }.map(\.id))
    }
}

/// Depth of levels in a region path (district = 0).
enum RegionDepth {
    static let community = 2
}
