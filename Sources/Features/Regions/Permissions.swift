import LinliKit

extension Permission {
    public static let regionView = Permission("region.view", "查看区域树与网格")
    public static let regionManage = Permission("region.manage", "新增、改名、移动、撤销区域，导入区域边界")
    public static let regionTeam = Permission("region.team", "管理网格队伍（1+1+X）")
    public static let thematicManage = Permission("thematic.manage", "管理专题网格（五色网格）")
}
