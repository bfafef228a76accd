import LinliKit

/// 五色网格 — a thematic overlay on the grid map that targets one kind of resident
/// (elderly, children, party members, floating population, enterprises…) with its own team.
public struct ThematicGrid: Sendable, Equatable, Codable {
    public let id: Int64
    public let regionId: Int64
    public let regionName: String
    public let name: String
    /// `#RRGGBB`
    public let colour: String
    /// Resident tags it serves (e.g. 独居老人, 留守儿童).
    public let tags: [String]
    public let description: String?
    public let retired: Bool
}

public enum ThematicGridRules {
    /// The five colours the seed districts use, offered as defaults in the form.
    public static let suggestedColours: [(name: String, hex: String)] = [
        ("红", "#d9363e"), ("橙", "#f08c00"), ("黄", "#f2c200"), ("绿", "#2f9e44"), ("蓝", "#1c7ed6"),
    ]

    public static func validateColour(_ text: String?) throws -> String {
        guard let text else { throw DomainError.invalid("colour", "请选择颜色") }
        let lower = text.lowercased()
        guard lower.count == 7, lower.first == "#", lower.dropFirst().allSatisfy({ $0.isHexDigit }) else {
            throw DomainError.invalid("colour", "颜色应为 #RRGGBB 形式，例如 #d9363e")
        }
        return lower
    }

    /// Thematic grids hang on a street or community (they cover grids below it).
    public static func checkAnchor(_ node: RegionNode) throws {
        guard node.level == .street || node.level == .community || node.level == .district else {
            throw DomainError.invalid("regionId", "专题网格应设在区、街道或社区一级")
        }
        guard !node.retired else { throw DomainError.conflict("「\(node.name)」已撤销") }
    }
}
