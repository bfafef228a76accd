import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let regionBoundary = AuditAction("region.boundary", on: .region, "导入区域边界")
    public static let regionBulkLoad = AuditAction("region.bulk_load", on: .region, "批量导入区域")
    public static let regionCreate = AuditAction("region.create", on: .region, "新增区域")
    public static let regionMove = AuditAction("region.move", on: .region, "移动区域")
    public static let regionRename = AuditAction("region.rename", on: .region, "区域改名")
    public static let regionRetire = AuditAction("region.retire", on: .region, "撤销区域")
    public static let regionTeamAssign = AuditAction("region.team.assign", on: .region, "加入网格队伍")
    public static let regionTeamRemove = AuditAction("region.team.remove", on: .region, "移出网格队伍")
    public static let thematicCreate = AuditAction("thematic.create", on: .thematicGrid, "新建专题网格")
    public static let thematicRetire = AuditAction("thematic.retire", on: .thematicGrid, "撤销专题网格")
    public static let thematicTeamAssign = AuditAction("thematic.team.assign", on: .thematicGrid, "加入专题网格队伍")
    public static let thematicTeamRemove = AuditAction("thematic.team.remove", on: .thematicGrid, "移出专题网格队伍")

    static let regions: [AuditAction] = [
        .regionBoundary, .regionBulkLoad, .regionCreate, .regionMove, .regionRename, .regionRetire, .regionTeamAssign, .regionTeamRemove,
        .thematicCreate, .thematicRetire, .thematicTeamAssign, .thematicTeamRemove,
    ]
}

extension AuditEntity {
    public static let region = AuditEntity("region", "区域")
    public static let thematicGrid = AuditEntity("thematic_grid", "专题网格")
}
