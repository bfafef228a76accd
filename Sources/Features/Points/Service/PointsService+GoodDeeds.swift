import Foundation
import LinliKit
import Notifications
import Residents

/// 好人好事 — 申报 by the person (or staff for them), 审核 by staff where the person lives;
/// an approval earns points once (the deed's idempotency key), in the same transaction.
extension PointsService {
    public func askGoodDeed(_ input: GoodDeedInput, for residentId: Int64? = nil, actor: Actor) async throws -> GoodDeed {
        let resident = try await acting(for: residentId, actor: actor)
        let now = clock.now()
        let r = ChinaStandardTime.reading(now)
        let checked: (title: String, description: String, day: String, evidence: String)
        switch input.checked(today: ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day)) {
        case .success(let values): checked = values
        case .failure(let errors): throw DomainError.invalid(fields: errors.fields)
        }
        return try await database.write { tx in
            let deed = try await GoodDeedStore.insert(tx, residentId: resident.id, name: resident.name, regionPath: resident.regionPath,
                                                      title: checked.title, description: checked.description, day: checked.day,
                                                      evidence: checked.evidence, askedBy: actor.userId, now: now.millis)
            try await audit.append(tx, actor: actor, action: .goodDeedAsk, entityId: String(deed.id), regionPath: deed.regionPath,
                                   after: ["title": deed.title, "day": deed.happenedOn])
            return deed
        }
    }

    /// 审核: approved, the rules' points (or `granted`, at most 100) are credited; rejected, with a note.
    public func decideGoodDeed(_ id: Int64, approve: Bool, granted: Points? = nil, note: String?, actor: Actor) async throws -> GoodDeed {
        try actor.require(.pointsManage)
        let note = note?.trimmingWhitespace
        if !approve && (note ?? "").isEmpty { throw DomainError.invalid("note", "不通过请写明理由") }
        if (note ?? "").count > 200 { throw DomainError.invalid("note", "意见请在 200 字以内") }
        if let granted, granted <= .zero || granted > Points(whole: 100) { throw DomainError.invalid("granted", "奖励积分应在 0.01 到 100 之间") }
        let now = clock.now().millis
        return try await database.write { tx in
            guard let deed = try await GoodDeedStore.find(tx, id: id, lock: true), actor.scope.contains(path: deed.regionPath) else {
                throw DomainError.notFound("好人好事申报")
            }
            if approve { try await refuseSelf(deed.residentId, actor: actor, "不能审核自己申报的好人好事，请由其他工作人员办理") }
            guard deed.state == .submitted else { throw DomainError(kind: .conflict, code: "decided", message: "这份申报已审核（\(deed.state.label)）") }
            var transfer: PointTransfer?
            if approve {
                let (person, issuance) = try await lockedForCredit(tx, residentId: deed.residentId)
                transfer = try await credit(tx, person: person, issuance: issuance, .goodDeed(granted: granted), purpose: .goodDeedAward,
                                            key: "good_deed:\(deed.id)", memo: "好人好事：\(deed.title)", actor: actor)
            }
            try await GoodDeedStore.decide(tx, id: deed.id, state: approve ? .approved : .rejected, note: note, granted: transfer?.amount,
                                           transferId: transfer?.id, actor: actor, now: now)
            try await audit.append(tx, actor: actor, action: .goodDeedDecide, entityId: String(deed.id), regionPath: deed.regionPath,
                                   before: ["state": deed.state.rawValue],
                                   after: ["state": approve ? "approved" : "rejected", "points": transfer?.amount.description ?? "0", "note": note ?? ""])
            if let user = try await residents.accounts(ofResidents: [deed.residentId])[deed.residentId] {
                try await notifications.post(tx, to: [user], Notice(
                    title: approve ? "好人好事已通过：\(deed.title)" : "好人好事未通过：\(deed.title)",
                    body: approve ? "获得 \(transfer?.amount ?? .zero) 积分。" : "审核意见：\(note ?? "")", link: "/points",
                    facts: ["event": "good_deed.decided"]))
            }
            return try await GoodDeedStore.find(tx, id: deed.id)!
        }
    }

    /// Deeds waiting for the actor's review.
    public func goodDeedsToReview(actor: Actor, limit: Int = 100) async throws -> [GoodDeed] {
        guard actor.may(.pointsManage) else { return [] }
        return try await database.read { tx in try await GoodDeedStore.submitted(tx, within: actor.scope.path, limit: limit) }
    }

    public func myGoodDeeds(actor: Actor, limit: Int = 50) async throws -> [GoodDeed] {
        try actor.require(.pointsUse)
        let resident = try await person(actor)
        return try await database.read { tx in try await GoodDeedStore.mine(tx, residentId: resident.id, limit: limit) }
    }
}
