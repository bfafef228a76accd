import Foundation
import LinliKit
import Regions
import Requests
import Residents
import Volunteers

/// 五社资源 — social organisations, charity resources (donors, donations and where each part
/// went) and the matching of a request to who can take it.
public struct ResourcesService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let regions: RegionService
    let requests: RequestService
    let catalog: CatalogService
    let calendar: CalendarService
    let staff: any StaffDirectory
    /// The registry, for a social worker's link to the resident they are.
    let residents: ResidentService
    /// Volunteer teams, when the district runs the volunteers feature.
    let volunteers: VolunteerService?
    public let settings: ResourcesSettings

    public init(database: Database, audit: AuditLog, clock: any Clock, regions: RegionService, requests: RequestService,
                catalog: CatalogService, calendar: CalendarService, staff: any StaffDirectory, residents: ResidentService,
                volunteers: VolunteerService? = nil, settings: ResourcesSettings) {
        self.residents = residents
        (self.database, self.audit, self.clock, self.regions, self.settings) = (database, audit, clock, regions, settings)
        (self.requests, self.catalog, self.calendar, self.staff, self.volunteers) = (requests, catalog, calendar, staff, volunteers)
    }

    /// A donor is the actor's to use when registered in their scope or above it (a district's
    /// business gives to every community under it).
    static func reaches(_ actor: Actor, _ path: String) -> Bool {
        actor.scope.contains(path: path) || actor.scope.path.hasPrefix(path)
    }
}

/// 登记捐赠方
public struct DonorDraft: Sendable {
    public var kind: DonorKind, name: String, contact: String, anonymous: Bool, regionId: Int64
    public init(kind: DonorKind, name: String, contact: String = "", anonymous: Bool = false, regionId: Int64) {
        (self.kind, self.name, self.contact, self.anonymous, self.regionId) = (kind, name, contact, anonymous, regionId)
    }
}

/// 接收捐赠: money in 分, or goods with their unit.
public struct DonationDraft: Sendable {
    public var donorId: Int64, kind: DonationBalance.Kind, item: String, unit: String, quantity: Int64, note: String, regionId: Int64
    public init(donorId: Int64, kind: DonationBalance.Kind, item: String = "善款", unit: String = "分", quantity: Int64, note: String = "",
                regionId: Int64) {
        (self.donorId, self.kind, self.item, self.unit, self.quantity, self.note, self.regionId) = (donorId, kind, item, unit, quantity, note, regionId)
    }
}

/// 分配去向
public struct AllocationDraft: Sendable {
    public var amount: Int64, target: AllocationTarget, targetId: Int64?, label: String, note: String
    public init(amount: Int64, target: AllocationTarget, targetId: Int64? = nil, label: String, note: String = "") {
        (self.amount, self.target, self.targetId, self.label, self.note) = (amount, target, targetId, label, note)
    }
}
