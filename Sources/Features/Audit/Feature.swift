import Hummingbird
import LinliKit

/// 审计日志 — browsing and verifying the hash-chained audit trail.
public struct AuditFeature: Feature {
    public static let name = "audit"
    public static let migrations = AuditLog.migrations
    public static let permissions: [Permission] = [.auditView, .auditVerify]
    public static let grants: [Role: Set<Permission>] = [
        .districtAdmin: [.auditView, .auditVerify],
        .streetAdmin: [.auditView],
    ]
    public static let templates = AuditTemplates.all
    public static let navigation = [NavigationItem.link("审计日志", href: "/audit", permission: .auditView, order: 90)]
    public static var api: APIDescription { AuditRoutes.api }

    public let service: AuditService
    let vocabulary: AuditVocabulary

    public init(context: FeatureContext) {
        service = AuditService(database: context.database, clock: context.clock, dataDirectory: context.configuration.dataDirectory)
        vocabulary = context.auditVocabulary
    }

    public var services: [any Sendable] { [service] }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        AuditRoutes(service: service, vocabulary: vocabulary, web: web).addRoutes(to: router)
    }
}

extension ServiceProvider {
    public var auditTrail: AuditService { service(AuditService.self) }
}
