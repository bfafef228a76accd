import LinliKit

/// Which actions a page may offer on a node; the services enforce the same rules.
public struct RegionPolicy: Sendable {
    public let canCreateChild: Bool
    public let canEdit: Bool
    public let canManageTeam: Bool
    /// 导入边界: for this node and the nodes under it (the file names them by code).
    public let canImportBoundaries: Bool

    public init(actor: Actor, node: RegionNode) {
        let isOwnRoot = node.path == actor.scope.path
        canCreateChild = actor.may(.regionManage) && !node.retired && node.level.child != nil
        canEdit = actor.may(.regionManage) && !node.retired && !isOwnRoot
        canManageTeam = actor.may(.regionTeam) && node.level == .grid && !node.retired
        canImportBoundaries = actor.may(.regionManage) && !node.retired
    }
}
