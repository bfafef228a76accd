import Foundation
import LinliKit
import Regions
import Requests
import SQLKit

/// 资源匹配: who might take a request, ranked with the reasons, and the dispatch to the one
/// the dispatcher picks.
extension ResourcesService {
    public struct RequestMatch: Sendable {
        public let detail: RequestDetail
        public let need: Matching.Need
        public let ranked: [Matching.Ranked]
        /// The actor may dispatch this request now.
        public let mayDispatch: Bool
    }

    /// For dispatchers: who might take the request, best first.
    public func match(requestId: Int64, actor: Actor) async throws -> RequestMatch {
        try actor.require(.requestDispatch)
        try actor.require(.resourcesView)
        let detail = try await requests.detail(requestId, actor: actor)
        // Only who may see the request in their own scope: a handler sees it, not its matches.
        guard actor.may(.requestView), actor.scope.contains(path: detail.request.regionPath) else { throw DomainError.notFound("诉求") }
        let need = Matching.Need(itemId: detail.item.id, itemName: detail.item.name, placePath: detail.request.regionPath, placeName: detail.place,
                                 certificate: settings.certificate(itemCode: detail.item.code, handledBySocialWorkers: detail.item.handlerType == .socialWorker))
        let candidates = try await candidates(near: detail.request.regionPath, actor: actor)
        return RequestMatch(detail: detail, need: need, ranked: Matching.rank(need, candidates, weights: settings.weights),
                            mayDispatch: detail.actions.contains(.dispatch) || (detail.request.state == .received && detail.actions.contains(.register)))
    }

    /// Active organisations the actor sees whose 接单人 is an enabled account, social workers
    /// posted at the request's node or above whose own account can act there, and volunteer
    /// teams that offer services and have a leader who can take work, with their figures.
    func candidates(near placePath: String, actor: Actor) async throws -> [Matching.Candidate] {
        let (organisations, services, areas, staffRows, workerRows) = try await database.read { tx in
            let organisations = try await OrganisationStore.visible(tx, scopePath: actor.scope.path, filter: OrganisationFilter(status: .active), limit: 500)
            let ids = organisations.map(\.id)
            let ancestors = Scope.ancestorPaths(of: placePath)
            // Posted on the place's path (workers of their own), or working for one of the
            // organisations (whose certificates count for it).
            var condition: SQLQueryString = "w.region_path IN (\(binds: ancestors))"
            if !ids.isEmpty { condition = condition + " OR w.organisation_id IN (\(binds: ids))" }
            let workers = try await SocialWorkerStore.rows(tx, where: condition, limit: 1000)
            return (organisations, try await OrganisationStore.services(tx, of: ids), try await OrganisationStore.areas(tx, of: ids),
                    try await OrganisationStore.staff(tx, of: ids), try await self.workers(tx, workers))
        }
        let intakes = staffRows.compactMapValues { $0.first(where: \.intake)?.userId }
        let accounts = try await staff.staffMembers(ids: Array(intakes.values) + workerRows.map(\.userId)).filter { !$0.value.disabled }
        let staffed = organisations.filter { intakes[$0.id].map { accounts[$0] != nil } ?? false }
        // A worker of their own: posted on the path, and bound where a dispatch to them is allowed.
        let own = workerRows.filter { w in
            w.post != .organisation && placePath.hasPrefix(w.regionPath) && accounts[w.userId].map { placePath.hasPrefix($0.regionPath) } ?? false
        }
        let (unitFigures, personFigures) = try await requests.handlerFigures(units: staffed.map(\.unitKey), people: own.map(\.userId))
        // An organisation's certificate is its best social worker's.
        let best = Dictionary(workerRows.compactMap { w in w.organisationId.flatMap { o in w.certificate.map { (o, $0) } } }, uniquingKeysWith: max)
        let teams = try await teamCandidates(actor: actor)
        let teamFigures = try await requests.handlerFigures(units: teams.map { Self.teamUnitKey($0.team.id) }, people: []).units
        let teamCandidates = teams.map { t in
            let f = teamFigures[Self.teamUnitKey(t.team.id)] ?? HandlerFigures()
            return Matching.Candidate(kind: .volunteerTeam, id: t.team.id, name: t.team.name, services: Set(t.services), areas: [t.team.regionPath],
                                      openLoad: f.open, ratings: f.ratings, meanRating: f.meanRating)
        }
        return teamCandidates + staffed.map { o in
            let f = unitFigures[o.unitKey] ?? HandlerFigures()
            return Matching.Candidate(kind: .organisation, id: o.id, name: o.name, services: Set(services[o.id] ?? []), areas: areas[o.id] ?? [],
                                      openLoad: f.open, ratings: f.ratings, meanRating: f.meanRating, certificate: best[o.id])
        } + own.map { w in
            let f = personFigures[w.userId] ?? HandlerFigures()
            return Matching.Candidate(kind: .socialWorker, id: w.id, name: w.name, services: Set(w.services), areas: [w.regionPath],
                                      openLoad: f.open, ratings: f.ratings, meanRating: f.meanRating, certificate: w.certificate)
        }
    }

    /// 派给所选: to an organisation or a team (its 接单人 — a team's leader — signs for it) or
    /// to a social worker. Only one
    /// that offers the service and serves the place; the ranking says why another does not.
    public func dispatch(requestId: Int64, to kind: Matching.Kind, id candidateId: Int64, note: String?, actor: Actor) async throws -> RequestDetail {
        try actor.require(.requestDispatch)
        let match = try await match(requestId: requestId, actor: actor)
        guard match.mayDispatch else { throw DomainError.conflict("这件诉求现在不能派遣（\(match.detail.request.state.label)）") }
        guard let chosen = match.ranked.first(where: { $0.candidate.kind == kind && $0.candidate.id == candidateId }) else {
            throw DomainError.invalid("candidate", "所选\(kind.label)不在可派遣的名单中（须正常服务并指定接单人）")
        }
        guard chosen.fits else {
            let why = chosen.reasons.filter { [.service, .area].contains($0.factor) && $0.points == 0 }.map(\.text).joined(separator: "，")
            throw DomainError.invalid("candidate", "不能派给「\(chosen.candidate.name)」：\(why)")
        }
        let itemId = match.need.itemId, place = match.need.placePath
        switch kind {
        case .organisation:
            let intake = try await database.read { tx in try await OrganisationStore.staff(tx, of: [candidateId])[candidateId]?.first(where: \.intake) }
            guard let intake else { throw DomainError.invalid("candidate", "「\(chosen.candidate.name)」未指定接单人") }
            let name = chosen.candidate.name
            let unit = HandlerUnit(key: Organisation.unitKey(candidateId), name: name, intakeUserId: intake.userId) { tx in
                try await Self.stillServes(tx, organisationId: candidateId, name: name, intake: intake.userId, itemId: itemId, place: place)
            }
            return try await requests.dispatch(requestId, to: unit, note: note, actor: actor)
        case .socialWorker:
            // The candidate list found the worker on the place's path; read them by id alone.
            let row = try await database.read { tx in try await SocialWorkerStore.rows(tx, where: "w.id = \(bind: candidateId)").first }
            guard let row, let userId = try? row.decode(column: "user_id", as: Int64.self) else { throw DomainError.invalid("candidate", "所选社工不存在") }
            if match.detail.request.state == .received { _ = try await requests.act(requestId, .register(note: nil), actor: actor) }
            return try await requests.act(requestId, .dispatch(handler: userId, coHandlers: [], note: note), actor: actor)
        case .volunteerTeam:
            guard let team = try await teamCandidates(actor: actor).first(where: { $0.team.id == candidateId }) else {
                throw DomainError.invalid("candidate", "「\(chosen.candidate.name)」没有可接单的队长账号")
            }
            let unit = HandlerUnit(key: Self.teamUnitKey(candidateId), name: team.team.name, intakeUserId: team.intake.id) { tx in
                guard try await Self.teamServices(tx, of: [candidateId])[candidateId]?.contains(itemId) ?? false else {
                    throw DomainError.conflict("「\(team.team.name)」刚刚不再提供这项服务，请重新匹配")
                }
            }
            return try await requests.dispatch(requestId, to: unit, note: note, actor: actor)
        }
    }
}

extension ResourcesService {
    /// In the dispatch's transaction, under the organisation's row lock: still active, this
    /// 接单人 still its own, the item still offered and the place still served.
    static func stillServes(_ tx: Tx, organisationId: Int64, name: String, intake: Int64, itemId: Int64, place: String) async throws {
        guard let organisation = try await OrganisationStore.find(tx, id: organisationId, lock: true), organisation.status == .active else {
            throw DomainError.conflict("「\(name)」刚刚停止服务，请重新匹配")
        }
        guard try await OrganisationStore.staff(tx, of: [organisationId])[organisationId]?.contains(where: { $0.intake && $0.userId == intake }) ?? false else {
            throw DomainError.conflict("「\(name)」刚刚更换了接单人，请重新匹配")
        }
        let offers = try await OrganisationStore.services(tx, of: [organisationId])[organisationId]?.contains(itemId) ?? false
        let serves = try await OrganisationStore.areas(tx, of: [organisationId])[organisationId]?.contains { place.hasPrefix($0) } ?? false
        guard offers && serves else { throw DomainError.conflict("「\(name)」刚刚调整了服务项目或服务范围，请重新匹配") }
    }
}
