import LinliKit

/// A node of the region tree.
public struct RegionNode: Sendable, Equatable, Codable {
    public let id: Int64
    public let parentId: Int64?
    public let level: RegionLevel
    public let code: String
    public let name: String
    /// Materialised path of ids, e.g. `/1/4/17/`; scope checks compare prefixes of it.
    public let path: String
    public let retired: Bool
    public let childCount: Int

    public var levelLabel: String { level.label }

    public init(id: Int64, parentId: Int64?, level: RegionLevel, code: String, name: String, path: String, retired: Bool, childCount: Int) {
        self.id = id
        self.parentId = parentId
        self.level = level
        self.code = code
        self.name = name
        self.path = path
        self.retired = retired
        self.childCount = childCount
    }
}

/// Rules for changing the tree, as plain functions of the nodes involved.
public enum RegionRules {
    /// The level a new child of `parent` must have.
    public static func childLevel(of parent: RegionNode) throws -> RegionLevel {
        guard !parent.retired else { throw DomainError.conflict("「\(parent.name)」已撤销，不能新增下级") }
        guard let level = parent.level.child else { throw DomainError.conflict("户是最末一级，不能再新增下级") }
        return level
    }

    /// May `node` be moved under `newParent` by an actor whose scope is `scope`?
    public static func checkMove(_ node: RegionNode, to newParent: RegionNode, scope: Scope) throws {
        guard node.path != scope.path else { throw DomainError.conflict("不能移动您自己的管辖根节点") }
        guard node.level.parent == newParent.level else {
            throw DomainError.invalid("parentId", "\(node.level.label)只能移到某个\(node.level.parent?.label ?? "上级")之下")
        }
        guard !newParent.path.hasPrefix(node.path) else {
            throw DomainError.invalid("parentId", "不能移到自己或自己的下级之下")
        }
        guard newParent.id != node.parentId else { throw DomainError.invalid("parentId", "已在该上级之下") }
        guard !newParent.retired else { throw DomainError.conflict("目标上级「\(newParent.name)」已撤销") }
        guard !node.retired else { throw DomainError.conflict("「\(node.name)」已撤销，不能移动") }
    }

    public static func checkRetire(_ node: RegionNode, activeChildren: Int, scope: Scope) throws {
        guard node.path != scope.path else { throw DomainError.conflict("不能撤销您自己的管辖根节点") }
        guard !node.retired else { throw DomainError.conflict("「\(node.name)」已经撤销") }
        guard activeChildren == 0 else {
            throw DomainError.conflict("「\(node.name)」还有 \(activeChildren) 个在用的下级，请先撤销或移走它们")
        }
    }

    public static func validateName(_ name: String?) throws -> String {
        guard let name, !name.isEmpty else { throw DomainError.invalid("name", "请填写名称") }
        return name
    }
}
