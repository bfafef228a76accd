import Accounts
import Foundation
import LinliKit
import LinliServer
import Regions

/// A small tree with an account of every role, and a second district nobody in the first
/// may see:
///
///     D 610101 ─ S1 ─ C1 ─ G1 ─ B1 ─ U1 ─ H1
///              │    └ C2 ─ G2
///              └ S2 ─ C3 ─ G3
///     D2 610102 ─ S9 ─ C9 ─ G9 ─ B9 ─ U9 ─ H9
public struct Fixture: Sendable {
    public let system: LinliSystem
    public let district: RegionNode, s1: RegionNode, s2: RegionNode, c1: RegionNode, c2: RegionNode, c3: RegionNode
    public let g1: RegionNode, g2: RegionNode, g3: RegionNode, h1: RegionNode
    public let foreignDistrict: RegionNode, foreignStreet: RegionNode, foreignCommunity: RegionNode, foreignGrid: RegionNode, foreignHousehold: RegionNode
    /// The account of each role (username = role's raw value), all with `password`.
    public let accounts: [Role: Account]
    public static let password = "Passw0rd1"

    public var cli: Actor { system.commandLineActor }

    /// Where each role's account is bound.
    public func node(for role: Role) -> RegionNode {
        switch role {
        case .districtAdmin, .department: district
        case .streetAdmin, .socialOrganization: s1
        case .communityStaff, .socialWorker, .volunteer, .partyMember: c1
        case .gridLeader, .gridWorker: g1
        case .resident: h1
        }
    }

    public static func build(_ system: LinliSystem) async throws -> Fixture {
        let cli = system.commandLineActor
        let regions = system.regions
        func child(_ parent: RegionNode, _ name: String) async throws -> RegionNode {
            try await regions.create(parentId: parent.id, name: name, segment: nil, actor: cli)
        }
        let d = try await regions.createDistrict(code: "610101", name: "测试区", actor: cli)
        let s1 = try await child(d, "一街道"), s2 = try await child(d, "二街道")
        let c1 = try await child(s1, "一社区"), c2 = try await child(s1, "二社区"), c3 = try await child(s2, "三社区")
        let g1 = try await child(c1, "一网格"), g2 = try await child(c2, "二网格"), g3 = try await child(c3, "三网格")
        let b1 = try await child(g1, "1号楼"), u1 = try await child(b1, "1单元"), h1 = try await child(u1, "101室")
        let d2 = try await regions.createDistrict(code: "610102", name: "外区", actor: cli)
        let s9 = try await child(d2, "外街道"), c9 = try await child(s9, "外社区"), g9 = try await child(c9, "外网格")
        let b9 = try await child(g9, "9号楼"), u9 = try await child(b9, "9单元"), h9 = try await child(u9, "909室")
        var fixture = Fixture(system: system, district: d, s1: s1, s2: s2, c1: c1, c2: c2, c3: c3, g1: g1, g2: g2, g3: g3, h1: h1,
                              foreignDistrict: d2, foreignStreet: s9, foreignCommunity: c9, foreignGrid: g9, foreignHousehold: h9,
                              accounts: [:])
        var accounts: [Role: Account] = [:]
        for role in Role.allCases {
            accounts[role] = try await system.accounts.create(
                .init(username: role.rawValue.replacingOccurrences(of: "_", with: "."), displayName: "测试\(role.label)",
                      role: role, regionId: fixture.node(for: role).id, password: password), actor: cli)
        }
        fixture = Fixture(system: system, district: d, s1: s1, s2: s2, c1: c1, c2: c2, c3: c3, g1: g1, g2: g2, g3: g3, h1: h1,
                          foreignDistrict: d2, foreignStreet: s9, foreignCommunity: c9, foreignGrid: g9, foreignHousehold: h9,
                          accounts: accounts)
        return fixture
    }

    /// A valid ID number for the `n`th made-up registry person (born 1950–1989, checksum right).
    public static func idNumber(_ n: Int) -> String {
        let sequence = String(format: "%03d", n % 1000)
        let year = 1950 + (n / 1000) % 40
        return IDNumber.completing("610101\(year)0101\(sequence)")
    }

    /// The actor of a role's account, as a session would resolve it.
    public func actor(_ role: Role) -> Actor { actor(for: accounts[role]!) }

    /// The actor of any account, as a session would resolve it.
    public func actor(for account: Account) -> Actor { system.auth.actor(for: account, ip: "127.0.0.1") }

    public func username(_ role: Role) -> String { accounts[role]!.username }

    /// Number of audit rows: a write that was refused must not change it.
    public func auditCount() async throws -> Int {
        try await system.database.read { tx in
            try await tx.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
        }
    }
}
