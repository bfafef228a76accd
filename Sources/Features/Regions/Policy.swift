import LinliKit

extension Permission {
    /// 查看区域树
    public static let regionView = Permission("region.view")
    /// 新增、改名、移动、撤销区域
    public static let regionManage = Permission("region.manage")
    /// 管理网格队伍（1+1+X）
    public static let regionTeam = Permission("region.team")
    /// 管理专题网格（五色网格）
    public static let thematicManage = Permission("thematic.manage")
}

/// Which actions a page may offer on a node; the services enforce the same rules.
public struct RegionPolicy: Sendable {
    public let canCreateChild: Bool
    public let canEdit: Bool
    public let canManageTeam: Bool

    public init(actor: Actor, node: RegionNode) {
        let isOwnRoot = node.path == actor.scope.path
        canCreateChild = actor.may(.regionManage) && !node.retired && node.level.child != nil
        canEdit = actor.may(.regionManage) && !node.retired && !isOwnRoot
        canManageTeam = actor.may(.regionTeam) && node.level == .grid && !node.retired
    }
}
