import Foundation
import Hummingbird
import LinliKit
import Requests

/// 匹配承接方: a request's ranked candidates with their reasons, and the dispatch to one.
extension ResourcesPages {
    struct ReasonRow { let text: String, points: String, weight: String, won: Bool }
    struct CandidateRow {
        let kind: String, kindLabel: String, id: Int64, name: String, score: String, fits: Bool, dispatchable: Bool, reasons: [ReasonRow]
    }
    struct MatchModel {
        let requestId: Int64, csrf: String, error: String?, itemName: String, placeName: String, hasCertificate: Bool, certificate: String
        let candidates: [CandidateRow], hasCandidates: Bool
    }

    static func points(_ value: Double) -> String { Matching.oneDecimal(value).replacingOccurrences(of: ".0", with: "") }

    func matchPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.requestDispatch)
        let match = try await resources.match(requestId: id, actor: actor)
        let model = MatchModel(
            requestId: id, csrf: context.csrfToken, error: error?.message, itemName: match.need.itemName, placeName: match.need.placeName,
            hasCertificate: match.need.certificate != nil, certificate: match.need.certificate?.label ?? "",
            candidates: match.ranked.map { r in
                CandidateRow(kind: r.candidate.kind.rawValue, kindLabel: r.candidate.kind.label, id: r.candidate.id, name: r.candidate.name,
                             score: Matching.oneDecimal(r.score), fits: r.fits, dispatchable: r.fits && match.mayDispatch && actor.may(.requestDispatch),
                             reasons: r.reasons.map { ReasonRow(text: $0.text, points: Self.points($0.points), weight: Self.points($0.weight),
                                                                won: $0.points >= $0.weight) })
            },
            hasCandidates: !match.ranked.isEmpty)
        return web.page("resources.match", title: "匹配承接方", model: model, request: request, context: context, status: status(error))
    }

    @Sendable func match(_ request: Request, context: AppContext) async throws -> Response {
        try await matchPage(try context.pathID(), request, context)
    }

    @Sendable func dispatchMatch(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestDispatch)
        let id = try context.pathID()
        return try await web.formPost(request, context, MatchDispatchInput.init, { input in
            let detail = try await resources.dispatch(requestId: id, to: input.kind, id: input.id, note: input.note, actor: actor)
            let to = detail.events.last?.data["unit"] ?? detail.handler?.displayName ?? ""
            return ("/requests/\(id)", "已派给\(to)")
        }, orShow: { try await matchPage(id, request, context, error: $0) })
    }
}
