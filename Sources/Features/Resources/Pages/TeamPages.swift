import Foundation
import Hummingbird
import LinliKit

/// A volunteer team as a resource: what it offers, who takes what is given to it.
extension ResourcesPages {
    struct TeamModel {
        let id: Int64, csrf: String, error: String?, name: String, members: Int, intake: String, open: Int, rating: String
        let servicesText: String, mayManage: Bool, itemBoxes: Boxes?
    }

    func teamPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let t = try await resources.teamResource(id, actor: actor)
        let model = TeamModel(
            id: id, csrf: context.csrfToken, error: error?.message, name: t.team.name, members: t.team.memberCount,
            intake: t.leaders.first?.displayName ?? "队长没有可接单的账号", open: t.figures.open,
            rating: t.figures.ratings == 0 ? "暂无" : "\(t.figures.ratings) 次，平均 \(Matching.oneDecimal(t.figures.meanRating)) 分",
            servicesText: t.services.isEmpty ? "尚未设置" : t.services.map(\.name).joined(separator: "、"), mayManage: t.mayManage,
            itemBoxes: t.mayManage ? try await itemBoxes(actor, chosen: Set(t.services.map(\.id))) : nil)
        return web.page("resources.team", title: t.team.name, model: model, request: request, context: context, status: status(error))
    }

    @Sendable func team(_ request: Request, context: AppContext) async throws -> Response {
        try await teamPage(try context.pathID(), request, context)
    }

    @Sendable func setTeamServices(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesManage)
        let id = try context.pathID()
        return try await web.formPost(request, context, TeamServicesInput.init, { input in
            try await resources.setTeamServices(id, itemIds: input.itemIds, actor: actor)
            return ("/resources/teams/\(id)", "已保存服务项目")
        }, orShow: { try await teamPage(id, request, context, error: $0) })
    }
}
