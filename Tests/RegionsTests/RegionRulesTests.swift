import LinliKit
import Regions
import Testing

@Suite("Region codes and tree rules (pure)")
struct RegionRulesTests {
    @Test func aGridCodeIsFifteenDigits() {
        let widths = [RegionLevel.district, .street, .community, .grid].map(\.segmentWidth)
        #expect(widths.reduce(0, +) == 15)
    }

    @Test func levelsChainFromDistrictToHousehold() {
        #expect(RegionLevel.district.child == .street)
        #expect(RegionLevel.unit.child == .household)
        #expect(RegionLevel.household.child == nil)
        #expect(RegionLevel.grid.parent == .community)
    }

    @Test(arguments: [
        ([], "001"), (["610101001001", "610101001003"], "002"), (["610101001001", "610101001002"], "003"),
    ] as [([String], String)])
    func theNextSegmentIsTheLowestFreeOne(existing: [String], expected: String) throws {
        #expect(try RegionCode.nextSegment(parentCode: "610101001", existingChildCodes: existing, level: .community) == expected)
    }

    @Test func segmentsRunOutWithAClearError() {
        let all = (1...99).map { "X" + String(format: "%02d", $0) }
        #expect(throws: DomainError.self) { try RegionCode.nextSegment(parentCode: "X", existingChildCodes: all, level: .unit) }
    }

    @Test(arguments: ["61010", "6101011", "abcdef", "000000"])
    func badDistrictCodesAreRefused(code: String) {
        #expect(throws: DomainError.self) { try RegionCode.validateDistrict(code) }
    }

    @Test(arguments: [("01", RegionLevel.street), ("0001", .street), ("000", .grid), ("1a2", .grid)])
    func badSegmentsAreRefused(segment: String, level: RegionLevel) {
        #expect(throws: DomainError.self) { try RegionCode.validateSegment(segment, for: level) }
    }

    @Test func rebasingReplacesOnlyThePrefix() {
        #expect(RegionCode.rebase("610101001002003", from: "610101001002", to: "610101002005") == "610101002005003")
    }

    static func node(_ id: Int64, _ level: RegionLevel, path: String, parent: Int64? = nil, retired: Bool = false, children: Int = 0) -> RegionNode {
        RegionNode(id: id, parentId: parent, level: level, code: "c\(id)", name: "n\(id)", path: path, retired: retired, childCount: children)
    }

    @Test func aNodeMovesOnlyUnderAParentOfItsParentsLevel() throws {
        let scope = Scope(regionId: 1, path: "/1/")
        let grid = Self.node(4, .grid, path: "/1/2/3/4/", parent: 3)
        let otherCommunity = Self.node(5, .community, path: "/1/2/5/", parent: 2)
        let street = Self.node(2, .street, path: "/1/2/", parent: 1)
        try RegionRules.checkMove(grid, to: otherCommunity, scope: scope)
        #expect(throws: DomainError.self) { try RegionRules.checkMove(grid, to: street, scope: scope) }
    }

    @Test func aNodeCannotMoveIntoItsOwnSubtreeOrItsOwnScopeRoot() {
        let community = Self.node(3, .community, path: "/1/2/3/", parent: 2)
        let ownGridAsStreet = Self.node(9, .street, path: "/1/2/3/9/", parent: 3)
        #expect(throws: DomainError.self) { try RegionRules.checkMove(community, to: ownGridAsStreet, scope: Scope(regionId: 1, path: "/1/")) }
        let target = Self.node(7, .street, path: "/1/7/", parent: 1)
        #expect(throws: DomainError.self) { try RegionRules.checkMove(community, to: target, scope: Scope(regionId: 3, path: "/1/2/3/")) }
    }

    @Test func retiringNeedsNoActiveChildrenAndNotOnesOwnRoot() throws {
        let scope = Scope(regionId: 1, path: "/1/")
        #expect(throws: DomainError.self) { try RegionRules.checkRetire(Self.node(2, .street, path: "/1/2/", children: 3), activeChildren: 3, scope: scope) }
        #expect(throws: DomainError.self) { try RegionRules.checkRetire(Self.node(1, .district, path: "/1/"), activeChildren: 0, scope: scope) }
        try RegionRules.checkRetire(Self.node(2, .street, path: "/1/2/"), activeChildren: 0, scope: scope)
    }

    @Test func aGridTeamHasOneLeaderOneFullTimeWorkerAndAnyPartTimers() throws {
        let team = [TeamMember(userId: 1, displayName: "甲", duty: .leader), TeamMember(userId: 2, displayName: "乙", duty: .fullTime)]
        #expect(throws: DomainError.self) { try GridTeamRules.checkAssign(userId: 3, duty: .leader, members: team) }
        #expect(throws: DomainError.self) { try GridTeamRules.checkAssign(userId: 3, duty: .fullTime, members: team) }
        try GridTeamRules.checkAssign(userId: 3, duty: .partTime, members: team)
        try GridTeamRules.checkAssign(userId: 4, duty: .partTime, members: team)
        // The leader may be re-assigned to their own duty.
        try GridTeamRules.checkAssign(userId: 1, duty: .leader, members: team)
    }

    @Test(arguments: ["#D9363E", "#2f9e44"]) func coloursAreNormalised(colour: String) throws {
        #expect(try ThematicGridRules.validateColour(colour) == colour.lowercased())
    }

    @Test(arguments: ["red", "#12345", "#ggg000", "javascript:alert(1)"]) func badColoursAreRefused(colour: String) {
        #expect(throws: DomainError.self) { try ThematicGridRules.validateColour(colour) }
    }
}
