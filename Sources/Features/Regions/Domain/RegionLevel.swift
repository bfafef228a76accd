/// The levels of the region tree: 区 → 街道 → 社区 → 网格 → 楼栋 → 单元 → 户.
public enum RegionLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case district, street, community, grid, building, unit, household

    public var label: String {
        switch self {
        case .district: "区"
        case .street: "街道"
        case .community: "社区"
        case .grid: "网格"
        case .building: "楼栋"
        case .unit: "单元"
        case .household: "户"
        }
    }

    /// Digits this level adds to its parent's code. District 6 (the administrative division
    /// code) + street 3 + community 3 + grid 3 = the 15-digit grid code of the Beijing model;
    /// buildings, units and households extend it.
    public var segmentWidth: Int {
        switch self {
        case .district: 6
        case .street, .community, .grid, .building: 3
        case .unit: 2
        case .household: 4
        }
    }

    public var child: RegionLevel? {
        let all = RegionLevel.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    public var parent: RegionLevel? { RegionLevel.allCases.first { $0.child == self } }

    public var depth: Int { RegionLevel.allCases.firstIndex(of: self)! }

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.depth < rhs.depth }
}
