import Foundation
import Hummingbird
import LinliKit
import Regions

/// 巡查定量 and 考核细则 on the rules page: what is in force, and for those who may set them
/// (`grid.manage`) a form that makes a new version with its reason.
extension GridWorkPages {
    struct ScoreItemView { let name: String, label: String, points: String, hasPoints: Bool, isCount: Bool, perUnit: String }
    struct SettingsModel {
        let csrf: String, regionId: Int64, regionName: String, error: String?
        let perDay: Int, buildingEveryDays: Int, quotaVersion: Int, quotaBy: String, canEditQuota: Bool
        let scoreVersion: Int, scoreBy: String, items: [ScoreItemView], canEditScores: Bool
    }

    func settingsModel(region: RegionNode, actor: Actor, csrf: String, error: DomainError?) async throws -> SettingsModel {
        let quota = try await gridWork.patrolQuota(regionId: region.id, actor: actor)
        let scores = try await gridWork.scoreRules(regionId: region.id, actor: actor)
        let kept = Dictionary(scores.effective.body.items.map { ($0.measure, $0) }, uniquingKeysWith: { a, _ in a })
        let manage = actor.may(.gridManage) && region.path == actor.scope.path
        return SettingsModel(
            csrf: csrf, regionId: region.id, regionName: region.name, error: error?.message,
            perDay: quota.effective.body.perDay, buildingEveryDays: quota.effective.body.buildingEveryDays,
            quotaVersion: quota.effective.version, quotaBy: quota.effective.editedBy, canEditQuota: manage && region.level <= .grid,
            scoreVersion: scores.effective.version, scoreBy: scores.effective.editedBy,
            items: ScoreMeasure.allCases.map { m in
                ScoreItemView(name: "points.\(m.rawValue)", label: m.label, points: kept[m].map { Self.number($0.points) } ?? "",
                              hasPoints: kept[m] != nil, isCount: m.isCount, perUnit: kept[m]?.perUnit.map(Self.number) ?? "")
            },
            canEditScores: manage && region.level == .district)
    }

    @Sendable func editQuota(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridManage)
        return try await editSetting(request, context, read: PatrolQuotaInput.init, regionId: \.regionId) { input in
            _ = try await gridWork.editPatrolQuota(regionId: input.regionId, input.quota, note: input.note, actor: actor)
            return "已修改巡查定量：每日 \(input.quota.perDay) 次，楼栋每 \(input.quota.buildingEveryDays) 天"
        }
    }

    @Sendable func editScoreRules(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridManage)
        return try await editSetting(request, context, read: ScoreRulesInput.init, regionId: \.regionId) { input in
            let stored = try await gridWork.editScoreRules(regionId: input.regionId, input.rules, note: input.note, actor: actor)
            return "已修改考核细则，现行第 \(stored.version) 版"
        }
    }

    /// A settings form: read, save, back to the rules page of the region; a mistake shows the
    /// page again with it.
    func editSetting<Input>(_ request: Request, _ context: AppContext, read: (inout Fields) throws -> Input,
                            regionId: (Input) -> Int64, save: (Input) async throws -> String) async throws -> Response {
        var chosen: Int64?
        return try await web.formPost(request, context, { fields in
            let input = try read(&fields)
            chosen = regionId(input)
            return input
        }, { input in ("/grid/rules?regionId=\(regionId(input))#settings", try await save(input)) },
           orShow: { error in try await rulesPage(request, context, regionId: chosen, error: error) })
    }
}
