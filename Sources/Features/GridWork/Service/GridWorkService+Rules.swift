import Foundation
import LinliKit
import Regions

/// 走访规则 and 岗位职责 — a district's settings, each edit a new version.
extension GridWorkService {
    public struct RulesView<Body: Codable & Sendable & Equatable>: Sendable {
        public let region: RegionNode
        public let effective: GridRulesVersion<Body>
        public let history: [GridRulesVersion<Body>]
    }

    public func visitRules(regionId: Int64?, actor: Actor) async throws -> RulesView<VisitRules> {
        try await rulesView(regionId: regionId, kind: .visits, defaults: VisitPlanner.defaultVisitRules, actor: actor)
    }

    public func duties(regionId: Int64?, actor: Actor) async throws -> RulesView<PostDuties> {
        try await rulesView(regionId: regionId, kind: .duties, defaults: Self.defaultDuties, actor: actor)
    }

    func rulesView<Body>(regionId: Int64?, kind: GridRulesKind, defaults: GridRulesVersion<Body>, actor: Actor) async throws
        -> RulesView<Body> {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        return try await database.read { tx in
            let all = RulesInForce(versions: try await GridRulesStore.all(tx, kind: kind, as: Body.self), defaults: defaults)
            return RulesView(region: region, effective: all.at(region.path),
                             history: try await GridRulesStore.history(tx, regionId: region.id, kind: kind, as: Body.self, limit: 50))
        }
    }

    /// A new version of the district's visit rules. The plan follows at the next run of the
    /// plan job (at most a minute later), which re-plans everyone.
    public func editVisitRules(regionId: Int64, _ proposed: VisitRules, note: String, actor: Actor) async throws
        -> GridRulesVersion<VisitRules> {
        let problems = proposed.problems()
        guard problems.isEmpty else { throw DomainError.invalid(fields: problems) }
        let stored = try await edit(regionId: regionId, kind: .visits, action: .visitRulesEdit, note: note, actor: actor,
                                    defaults: VisitPlanner.defaultVisitRules) { version in
            var rules = proposed
            rules.version = version
            return rules
        }
        try await database.write { tx in try await PlanStore.resetRun(tx, name: "plans") }
        return stored
    }

    public func editDuties(regionId: Int64, _ proposed: PostDuties, note: String, actor: Actor) async throws -> GridRulesVersion<PostDuties> {
        guard !proposed.required.isEmpty else { throw DomainError.invalid("tasks", "至少要有一个岗位承担一项职责") }
        return try await edit(regionId: regionId, kind: .duties, action: .dutiesEdit, note: note, actor: actor,
                              defaults: Self.defaultDuties) { _ in proposed }
    }

    public func patrolQuota(regionId: Int64?, actor: Actor) async throws -> RulesView<PatrolQuota> {
        try await rulesView(regionId: regionId, kind: .patrols, defaults: Self.defaultQuota, actor: actor)
    }

    /// 巡查定量 for a district, street, community or one grid (the nearest above a grid applies).
    public func editPatrolQuota(regionId: Int64, _ proposed: PatrolQuota, note: String, actor: Actor) async throws
        -> GridRulesVersion<PatrolQuota> {
        let problems = proposed.problems()
        guard problems.isEmpty else { throw DomainError.invalid(fields: problems) }
        return try await edit(regionId: regionId, kind: .patrols, action: .patrolQuotaEdit, note: note, actor: actor,
                              defaults: Self.defaultQuota, atGrid: true) { _ in proposed }
    }

    func edit<Body>(regionId: Int64, kind: GridRulesKind, action: AuditAction, note: String, actor: Actor,
                    defaults: GridRulesVersion<Body>, atGrid: Bool = false,
                    body: @Sendable @escaping (Int) -> Body) async throws -> GridRulesVersion<Body> {
        try actor.require(.gridManage)
        let note = note.trimmingWhitespace
        guard !note.isEmpty, note.count <= 200 else { throw DomainError.invalid("note", "请写明修改的依据或原因（200 字以内）") }
        let region = try await regions.node(regionId, actor: actor)
        if atGrid {
            guard region.level <= .grid else { throw DomainError.invalid("regionId", "巡查定量按区、街道、社区或网格设置") }
        } else {
            guard region.level == .district else { throw DomainError.invalid("regionId", "走访规则、岗位职责和考核细则按区设置") }
        }
        let now = clock.now().millis
        do {
            return try await database.write { tx in
                let current = try await GridRulesStore.history(tx, regionId: region.id, kind: kind, as: Body.self, limit: 1).first
                let version = (current?.version ?? 0) + 1
                let next = body(version)
                let before = current?.body ?? defaults.body
                guard Self.encoded(next, version: 0) != Self.encoded(before, version: 0) else {
                    throw DomainError(kind: .invalid, code: "nothing_changed", message: "规则没有变化")
                }
                let stored = try await GridRulesStore.insert(tx, regionId: region.id, regionPath: region.path, kind: kind,
                                                             version: version, body: next, note: note, actor: actor, now: now)
                try await audit.append(tx, actor: actor, action: action, entityId: String(region.id), regionPath: region.path,
                                       before: ["rules": Self.encoded(before, version: current?.version ?? 0)],
                                       after: ["rules": Self.encoded(next, version: version), "note": note])
                return stored
            }
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.conflict("规则刚被他人修改，请刷新后再改")
        }
    }

    /// The rules as sorted JSON, with the version put aside so that two versions compare by content.
    static func encoded<Body: Encodable>(_ body: Body, version: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var text = (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if let range = text.range(of: #""version":\d+"#, options: .regularExpression) { text.replaceSubrange(range, with: "\"version\":\(version)") }
        return text
    }
}

extension PlanStore {
    /// Makes the next plan job re-plan everyone.
    static func resetRun(_ tx: Tx, name: String) async throws {
        try await tx.sql.raw("UPDATE gridwork_runs SET day = '' WHERE name = \(bind: name)").run()
    }
}
