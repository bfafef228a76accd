import Foundation
import LinliKit

/// 实名认证 — an account bound to the registry's person. Other features (volunteers, the points
/// bank) know a person by this one identity: the same resident is resident, volunteer and
/// points holder, however many roles they take.
extension ResidentService {
    /// Binds the actor's account to the registry person with this name and ID number, who must
    /// be registered within the account's own area. Once bound, an account stays bound to that
    /// person; binding again to the same person is a no-op. A wrong name and an unknown number
    /// get the same answer.
    public func identify(idNumber raw: String, name: String, actor: Actor) async throws -> Resident {
        guard let userId = actor.userId else { throw DomainError.forbidden }
        let number: IDNumber
        do { number = try IDNumber(raw, today: clock.now()) } catch {
            throw DomainError.invalid("idNumber", "身份证号格式不对，请核对后重新输入")
        }
        let index = vault.blindIndex(number.value, kind: "id")
        let now = clock.now().millis
        do {
            return try await database.write { tx in
                guard let resident = try await ResidentAccountStore.resident(tx, idIndex: index, within: actor.scope.path),
                      resident.name == name.trimmingWhitespace.precomposedStringWithCanonicalMapping else {
                    throw DomainError.invalid("idNumber", "没有找到与这个姓名和身份证号一致的居民登记，请核对，或带身份证到社区办理")
                }
                if let bound = try await ResidentAccountStore.resident(tx, userId: userId) {
                    guard bound == resident.id else {
                        throw DomainError.invalid("idNumber", "您的账号已认证为另一位居民，如需更改请联系社区")
                    }
                    return resident
                }
                if try await ResidentAccountStore.account(tx, residentId: resident.id) != nil {
                    throw DomainError.invalid("idNumber", "这位居民已由另一个账号认证，如有疑问请联系社区")
                }
                try await ResidentAccountStore.link(tx, userId: userId, residentId: resident.id, now: now)
                try await audit.append(tx, actor: actor, action: .residentIdentify, entityId: String(resident.id),
                                       regionPath: resident.regionPath, after: ["account": actor.username])
                return resident
            }
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("idNumber", "这位居民已由另一个账号认证，如有疑问请联系社区")
        }
    }

    /// What a feature that acts for the registry person says to an account bound to nobody.
    public static let identityRequired = DomainError(kind: .invalid, code: "identity_required",
                                                     message: "请先完成实名认证：输入身份证号，核对您的居民登记")

    /// The registry person an account is bound to, if any. A read for the features that act
    /// for that person (their own volunteering, points): it shows only masked numbers.
    public func identity(ofUser userId: Int64) async throws -> Resident? {
        try await database.read { tx in
            guard let id = try await ResidentAccountStore.resident(tx, userId: userId) else { return nil }
            return try await ResidentAccountStore.residents(tx, ids: [id]).first
        }
    }

    /// The accounts bound to these registry persons (resident id → account id), to notify them.
    public func accounts(ofResidents ids: [Int64]) async throws -> [Int64: Int64] {
        try await database.read { tx in try await ResidentAccountStore.accounts(tx, residentIds: ids) }
    }

    /// Residents by id with masked numbers, for a feature that already holds the ids and has
    /// checked its own scope (names and tags on a sign-up list, a certificate's holder).
    public func residents(ids: [Int64]) async throws -> [Int64: Resident] {
        let found = try await database.read { tx in try await ResidentAccountStore.residents(tx, ids: Array(Set(ids))) }
        return Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The care and service tags' names, for features that let staff target people by tag.
    public func knownTags() async throws -> [String] { try await allTags() }
}

extension ResidentService {
    /// 代为认证 — staff bind an account to a registry person in their area who cannot do it
    /// themselves (the person shows their ID card at the community office).
    public func linkAccount(userId: Int64, accountPath: String, residentId: Int64, actor: Actor) async throws {
        try actor.require(.residentManage)
        let now = clock.now().millis
        try await database.write { tx in
            guard let resident = try await ResidentStore.find(tx, id: residentId, within: actor.scope),
                  actor.scope.contains(path: accountPath), resident.regionPath.hasPrefix(accountPath) else {
                throw DomainError.invalid("residentId", "请选择账号所在区域内登记的居民")
            }
            if let bound = try await ResidentAccountStore.resident(tx, userId: userId) {
                guard bound == residentId else { throw DomainError.invalid("residentId", "该账号已认证为另一位居民") }
                return
            }
            guard try await ResidentAccountStore.account(tx, residentId: residentId) == nil else {
                throw DomainError.invalid("residentId", "这位居民已由另一个账号认证")
            }
            try await ResidentAccountStore.link(tx, userId: userId, residentId: residentId, now: now)
            try await audit.append(tx, actor: actor, action: .residentIdentify, entityId: String(residentId), regionPath: resident.regionPath,
                                   after: ["account": String(userId), "by": "staff"])
        }
    }
}
