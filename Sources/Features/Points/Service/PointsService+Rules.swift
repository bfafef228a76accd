import Foundation
import LinliKit
import Regions

/// 积分规则 — set for a district, street or community by its admins; each edit a new version,
/// so a change never rewrites what was awarded before.
extension PointsService {
    public struct RulesView: Sendable {
        /// Where the rules are set.
        public let region: RegionNode
        /// What applies there now (set there, inherited from above, or ours).
        public let effective: RulesVersion
        /// The versions set at this region, newest first.
        public let history: [RulesVersion]
    }

    public func rules(regionId: Int64, actor: Actor) async throws -> RulesView {
        guard actor.may(.pointsView) || actor.may(.pointsManage) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId, actor: actor)
        return try await database.read { tx in
            RulesView(region: region, effective: try await effectiveRules(tx, path: region.path),
                      history: try await RulesStore.history(tx, regionId: region.id, limit: 50))
        }
    }

    /// A new version for the region, from `proposed` (its version number is assigned here).
    public func editRules(regionId: Int64, _ proposed: EarningRules, note: String, actor: Actor) async throws -> RulesVersion {
        try actor.require(.pointsManage)
        let note = note.trimmingWhitespace
        guard !note.isEmpty, note.count <= 200 else { throw DomainError.invalid("note", "请写明修改的依据或原因（200 字以内）") }
        let region = try await regions.node(regionId, actor: actor)
        guard region.level <= .community else { throw DomainError.invalid("regionId", "积分规则按区、街道或社区设置") }
        let now = clock.now().millis
        do {
            return try await database.write { tx in
                let current = try await RulesStore.history(tx, regionId: region.id, limit: 1).first
                let inherited = try await effectiveRules(tx, path: region.path).rules
                let base = current?.rules ?? inherited
                var start = base
                start.version = current?.rules.version ?? 0
                let next: EarningRules
                switch start.edited({ rules in
                    let version = rules.version
                    rules = proposed
                    rules.version = version
                }) {
                case .success(let edited): next = edited
                case .failure(let errors): throw DomainError.invalid(fields: errors.fields)
                }
                guard next.withVersion(0) != base.withVersion(0) else {
                    throw DomainError(kind: .invalid, code: "nothing_changed", message: "规则没有变化")
                }
                let stored = try await RulesStore.insert(tx, regionId: region.id, regionPath: region.path, rules: next, note: note,
                                                         actor: actor, now: now)
                try await audit.append(tx, actor: actor, action: .pointsRules, entityId: String(region.id), regionPath: region.path,
                                       before: Self.auditValues(base), after: Self.auditValues(next).merging(["note": note]) { a, _ in a })
                return stored
            }
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.conflict("规则刚被他人修改，请刷新后再改")
        }
    }

    static func auditValues(_ rules: EarningRules) -> AuditValues {
        var values: AuditValues = [
            "version": String(rules.version), "perHour": rules.perHour.description, "perActivity": rules.perActivity.description,
            "perGoodDeed": rules.perGoodDeed.description, "perRequestHandled": rules.perRequestHandled.description,
            "minRating": String(rules.minRating), "dailyCap": rules.dailyCap?.description ?? "", "monthlyCap": rules.monthlyCap?.description ?? "",
        ]
        values["coefficients"] = rules.coefficients.sorted { $0.key < $1.key }.map { "\($0.key)=\(Points(hundredths: Int64($0.value)))" }
            .joined(separator: ",")
        return values
    }
}

extension EarningRules {
    func withVersion(_ version: Int) -> EarningRules {
        var copy = self
        copy.version = version
        return copy
    }
}
