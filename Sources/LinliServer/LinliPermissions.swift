import Accounts
import Audit
import LinliKit
import Regions

/// Which role may do what: the one place this is decided. Every permission a feature
/// declares must appear here at least once (a test checks it), and no account can be given
/// a role with a permission its creator lacks (`PermissionTable.grantableRoles`).
public enum LinliPermissions {
    public static let table = PermissionTable([
        .districtAdmin: [.regionView, .regionManage, .regionTeam, .thematicManage,
                         .userView, .userManage, .tokenManage, .auditView, .auditVerify],
        .streetAdmin: [.regionView, .regionManage, .regionTeam, .thematicManage, .userView, .userManage, .auditView],
        .communityStaff: [.regionView, .regionManage, .regionTeam, .thematicManage, .userView, .userManage],
        .gridLeader: [.regionView, .userView],
        .gridWorker: [.regionView],
        .socialWorker: [.regionView],
        .socialOrganization: [.regionView],
        .department: [.regionView],
        .volunteer: [],
        .partyMember: [],
        .resident: [],
    ])

    /// Every permission declared by a feature, with its zh-CN description.
    public static let declared: [Permission: String] = AuditFeature.permissions
        .merging(RegionsFeature.permissions) { a, _ in a }
        .merging(AccountsFeature.permissions) { a, _ in a }

    public static var all: Set<Permission> { Set(declared.keys) }
}
