import Accounts
import Audit
import LinliKit
import Regions
import Requests
import Residents

/// Which role may do what: the one place this is decided. Every permission a feature
/// declares must appear here at least once (a test checks it), and no account can be given
/// a role with a permission its creator lacks (`PermissionTable.grantableRoles`).
public enum LinliPermissions {
    static let residentWork: Set<Permission> = [.residentView, .residentManage, .residentReveal]
    /// Staff who run the closed loop for their region.
    static let requestDesk: Set<Permission> = [.requestSubmit, .requestIntake, .requestView, .requestDispatch, .requestVerify, .requestApprove,
                                                .requestReview, .requestMetrics]

    public static let table = PermissionTable([
        .districtAdmin: Set<Permission>([.regionView, .regionManage, .regionTeam, .thematicManage,
                                         .userView, .userManage, .tokenManage, .auditView, .auditVerify, .tagManage, .residentExport, .catalogManage])
            .union(residentWork).union(requestDesk),
        .streetAdmin: Set<Permission>([.regionView, .regionManage, .regionTeam, .thematicManage, .userView, .userManage, .auditView,
                                       .residentExport])
            .union(residentWork).union(requestDesk),
        .communityStaff: Set<Permission>([.regionView, .regionManage, .regionTeam, .thematicManage, .userView, .userManage,
                                          .residentExport])
            .union(residentWork).union(requestDesk),
        .gridLeader: Set<Permission>([.regionView, .userView, .requestSubmit, .requestIntake, .requestView, .requestDispatch, .requestVerify, .requestMetrics])
            .union(residentWork),
        .gridWorker: Set<Permission>([.regionView, .requestSubmit, .requestIntake, .requestView]).union(residentWork),
        .socialWorker: [.regionView, .residentView],
        .socialOrganization: [.regionView],
        .department: [.regionView],
        .volunteer: [],
        .partyMember: [.requestSubmit],
        .resident: [.requestSubmit],
    ])

    /// Every permission declared by a feature, with its zh-CN description.
    public static let declared: [Permission: String] = AuditFeature.permissions
        .merging(RegionsFeature.permissions) { a, _ in a }
        .merging(AccountsFeature.permissions) { a, _ in a }
        .merging(ResidentsFeature.permissions) { a, _ in a }
        .merging(RequestsFeature.permissions) { a, _ in a }

    public static var all: Set<Permission> { Set(declared.keys) }
}
