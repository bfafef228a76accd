import Foundation
import LinliKit

/// 志愿服务记录证明 — issued free of charge from the current records, numbered, and checkable
/// by anyone through its verification URL until it is revoked.
extension VolunteerService {
    /// Issues a certificate for the actor themself (`volunteerId` nil) or, by staff, for a
    /// volunteer in their area.
    public func issueCertificate(volunteerId: Int64?, actor: Actor) async throws -> Certificate {
        let volunteer: Volunteer
        if let volunteerId {
            try actor.require(.volunteerManage)
            volunteer = try await self.volunteer(volunteerId, actor: actor)
        } else {
            try actor.require(.volunteerJoin)
            guard let own = try await person(actor).volunteer else { throw DomainError.notFound("志愿者登记") }
            volunteer = own
        }
        guard volunteer.number != nil, volunteer.status == .active || volunteer.status == .left || volunteer.status == .suspended else {
            throw DomainError.invalid("volunteerId", "志愿者登记通过审核后才能出具证明")
        }
        let issuer = (try await community(above: volunteer.regionPath)).map { "\($0.name)居民委员会" } ?? "志愿服务组织"
        let now = clock.now()
        let year = ChinaStandardTime.reading(now).year
        let token = Secrets.token(bytes: 18)
        return try await database.write { tx in
            let totals = try await RecordStore.totals(tx, volunteerId: volunteer.id)
            guard totals.count > 0 else { throw DomainError.invalid("volunteerId", "还没有认证的服务记录，暂不能出具证明") }
            let id = try await RecordStore.insertCertificate(tx, volunteerId: volunteer.id, issuer: issuer, minutes: totals.minutes,
                                                             records: totals.count, first: totals.first, last: totals.last, by: actor.userId,
                                                             token: token, now: now.millis, year: year)
            let certificate = try await RecordStore.findCertificate(tx, id: id)!
            try await audit.append(tx, actor: actor, action: .certificateIssue, entityId: String(id), regionPath: volunteer.regionPath,
                                   after: ["number": certificate.number, "minutes": String(totals.minutes)])
            return certificate
        }
    }

    /// One certificate, for its holder or staff of their area.
    public func certificate(_ id: Int64, actor: Actor) async throws -> Certificate {
        let me = try await personIfKnown(actor)
        return try await database.read { tx in
            guard let certificate = try await RecordStore.findCertificate(tx, id: id),
                  let volunteer = try await VolunteerStore.find(tx, id: certificate.volunteerId) else { throw DomainError.notFound("证明") }
            let own = me?.volunteer?.id == volunteer.id
            if !own && !actor.may(.volunteerView) { throw DomainError.forbidden }
            guard own || actor.scope.contains(path: volunteer.regionPath) else { throw DomainError.notFound("证明") }
            return certificate
        }
    }

    public struct Verification: Sendable, Codable, Equatable {
        public let number: String
        /// The holder's name with the middle hidden (张*英): enough to match the paper.
        public let name: String
        public let volunteerNumber: String
        public let issuer: String
        public let hours: String
        public let records: Int
        public let issuedOn: String
        public let valid: Bool
        public let revokedReason: String?
    }

    /// 证明核验 — anyone with the URL; nil for an unknown token.
    public func verify(token: String) async throws -> Verification? {
        guard token.count <= 64 else { return nil }
        guard let c = try await database.read({ tx in try await RecordStore.findCertificate(tx, token: token) }) else { return nil }
        return Verification(number: c.number, name: Self.maskedName(c.name), volunteerNumber: c.volunteerNumber, issuer: c.issuer,
                            hours: ServiceHours.text(minutes: c.minutes), records: c.records, issuedOn: Self.dayText(c.issuedAt),
                            valid: c.revokedAt == nil, revokedReason: c.revokeReason)
    }

    static func maskedName(_ name: String) -> String {
        let letters = Array(name)
        switch letters.count {
        case 0, 1: return name
        case 2: return String(letters[0]) + "*"
        default: return String(letters[0]) + String(repeating: "*", count: letters.count - 2) + String(letters[letters.count - 1])
        }
    }

    /// 撤销: the certificate stops verifying; its page says why.
    public func revokeCertificate(_ id: Int64, reason: String, actor: Actor) async throws -> Certificate {
        try actor.require(.volunteerManage)
        guard !reason.isEmpty else { throw DomainError.invalid("reason", "请写明撤销原因") }
        let now = clock.now().millis
        return try await database.write { tx in
            guard let certificate = try await RecordStore.findCertificate(tx, id: id),
                  let volunteer = try await VolunteerStore.find(tx, id: certificate.volunteerId),
                  actor.scope.contains(path: volunteer.regionPath) else { throw DomainError.notFound("证明") }
            guard certificate.revokedAt == nil else { throw DomainError(kind: .conflict, code: "revoked", message: "这份证明已撤销") }
            try await RecordStore.revoke(tx, id: id, reason: reason, by: actor.userId, now: now)
            try await audit.append(tx, actor: actor, action: .certificateRevoke, entityId: String(id), regionPath: volunteer.regionPath,
                                   before: ["number": certificate.number], after: ["reason": reason])
            return try await RecordStore.findCertificate(tx, id: id)!
        }
    }
}
