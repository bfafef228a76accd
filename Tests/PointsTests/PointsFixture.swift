import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Regions
import Residents
import Testing

/// The shared fixture plus registry people with points, and the shop's helpers.
struct PointsFixture {
    let f: Fixture
    var system: LinliSystem { f.system }
    var points: PointsService { f.system.points }
    /// 一社区's staff.
    var staff: Actor { f.actor(.communityStaff) }

    static func build(_ system: LinliSystem) async throws -> PointsFixture {
        PointsFixture(f: try await Fixture.build(system))
    }

    static func idNumber(_ n: Int) -> String { Fixture.idNumber(n) }

    /// A registry resident at `node` (一社区's household by default).
    func resident(_ name: String, number: Int, at node: RegionNode? = nil, tags: [String] = []) async throws -> Resident {
        try await system.residents.create(ResidentDraft(regionId: (node ?? f.h1).id, name: name, idNumber: Self.idNumber(number), tags: tags),
                                          actor: f.cli)
    }

    /// The fixture's resident account bound to a new registry person.
    func me(number: Int = 900, tags: [String] = []) async throws -> (actor: Actor, resident: Resident) {
        let actor = f.actor(.resident)
        let person = try await resident("刘阿姨", number: number, tags: tags)
        _ = try await system.residents.identify(idNumber: Self.idNumber(number), name: "刘阿姨", actor: actor)
        return (actor, person)
    }

    /// Points granted by 一社区's staff.
    @discardableResult
    func grant(_ whole: Int64, to residentId: Int64, reason: String = "社区环境整治") async throws -> PointTransfer {
        try await points.grant(residentId: residentId, amount: Points(whole: whole), reason: reason, actor: staff)
    }

    func balance(_ residentId: Int64) async throws -> AccountBalance {
        try await points.account(ofResident: residentId, actor: staff)?.balance ?? AccountBalance()
    }

    /// An item in 一社区's shop.
    func item(_ name: String = "大米 5 斤", price: String = "20", stock: Int = 10, limit: Int? = nil, period: String = "month",
              tags: [String]? = nil, holdHours: Int? = nil) async throws -> ShopItem {
        try await points.createItem(communityId: f.c1.id, ShopItemInput(
            name: name, description: "爱心商户捐赠", kind: "goods", source: "shop", donor: "惠民超市", price: price, stock: stock,
            perPersonLimit: limit, limitPeriod: period, eligibleTags: tags, pickupPlace: "社区党群服务中心一楼", holdHours: holdHours), actor: staff)
    }

    func verify() async throws -> LedgerFinding { try await points.verify() }

    func auditCount() async throws -> Int { try await f.auditCount() }
}

/// Expects a DomainError; returns it.
@discardableResult
func refused(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> DomainError? {
    do {
        try await body()
        Issue.record("accepted, expected a refusal", sourceLocation: sourceLocation)
    } catch let error as DomainError {
        return error
    } catch {
        Issue.record("\(error)", sourceLocation: sourceLocation)
    }
    return nil
}
