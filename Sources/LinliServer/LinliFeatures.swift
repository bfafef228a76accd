import Accounts
import Audit
import Duty
import GridWork
import LinliKit
import Notifications
import Points
import Regions
import Requests
import Residents
import Resources
import Volunteers

/// The features of a running Linli, in the order they are built: each may use the services
/// of those before it. This list is the one place LinliServer names a feature; everything
/// else (migrations, permissions and the role table, templates, navigation, routes, the
/// OpenAPI document, listeners, jobs) is derived from it. docs/adding-a-feature.md.
public enum LinliFeatures {
    public static let all: [any Feature.Type] = [
        AuditFeature.self,
        RegionsFeature.self,
        AccountsFeature.self,
        ResidentsFeature.self,
        NotificationsFeature.self,
        DutyFeature.self,
        PointsFeature.self,
        RequestsFeature.self,
        VolunteersFeature.self,
        GridWorkFeature.self,
        ResourcesFeature.self,
    ]

    /// The list, checked (`Composition`); a failure is said when a system opens.
    public static let composition = Result { try Composition(all, shellTemplates: ShellTemplates.all) }
}

/// Which role may do what: the union of the features' grants (docs/permissions.md shows it,
/// and a test keeps the two the same). No account can be given a role with a permission
/// its creator lacks (`PermissionTable.grantableRoles`).
public enum LinliPermissions {
    public static var table: PermissionTable { get throws { try LinliFeatures.composition.get().permissionTable } }
    /// Every permission a feature declares.
    public static var declared: [Permission] { get throws { try LinliFeatures.composition.get().permissions } }
    public static var all: Set<Permission> { get throws { Set(try declared) } }
}
