import Foundation
import HummingbirdBcrypt
import LinliKit
import NIOPosix

/// Signing in and out, resolving sessions and API tokens into actors, issuing tokens.
/// Sessions live in the database so that every app instance sees the same ones.
public struct AuthService: Authenticator {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let permissionTable: PermissionTable
    /// A session ends after this long without a request.
    let idleTimeout: Int64 = 8 * 3600 * 1000
    /// A resident's 记住我 session ends after this long without a request (0: not offered).
    let rememberTimeout: Int64
    /// Sessions are touched at most this often, to keep reads from writing.
    let touchInterval: Int64 = 5 * 60 * 1000
    /// Compared against when the username is unknown, so timing does not reveal which names exist.
    static let decoyHash = Bcrypt.hash("linli-decoy-password-1", cost: 10)

    public init(database: Database, audit: AuditLog, clock: any Clock, permissionTable: PermissionTable, rememberDays: Int = 30) {
        self.rememberTimeout = Int64(rememberDays) * 86_400 * 1000
        self.database = database
        self.audit = audit
        self.clock = clock
        self.permissionTable = permissionTable
    }

    public struct SignedIn: Sendable {
        /// The cookie value; only its digest is stored.
        public let sessionToken: String
        public let csrfToken: String
        public let account: Account
        /// Wrong-password attempts on this account since its last sign-in (within a day):
        /// the owner is told, since nobody else is locked out on their behalf.
        public let failedAttempts: Int
        /// Set for a 记住我 session: how long its cookie should be kept, in seconds.
        public let rememberedFor: Int?
    }

    /// 记住我 is for a resident on their own phone. Staff see other people's data and keep
    /// working-day sessions, whatever they tick.
    public static func mayBeRemembered(_ role: Role) -> Bool { role == .resident }

    /// Days a 记住我 session lasts without use (0: 记住我 is off).
    public var rememberDays: Int { Int(rememberTimeout / 86_400_000) }

    /// The actor an account acts as (its role's permissions, its node's subtree).
    public func actor(for account: Account, ip: String?, tokenId: Int64? = nil, careMode: Bool = false) -> Actor {
        Actor(userId: account.id, username: account.username, displayName: account.displayName, role: account.role,
              scope: Scope(regionId: account.regionId, path: account.regionPath),
              permissions: permissionTable.permissions(of: account.role), ip: ip, tokenId: tokenId, prefersCareMode: careMode)
    }

    public func login(username rawUsername: String?, password: String?, ip: String?, remember: Bool = false) async throws -> SignedIn {
        let username = (rawUsername ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = password ?? ""
        guard !username.isEmpty, !password.isEmpty else {
            throw DomainError.invalid(fields: ["username": "请填写登录名和密码"])
        }
        let now = clock.now().millis
        // Failures are kept under three keys: the account with this address (the growing
        // wait), the address (its own limit), and the account alone — never a lock, only
        // what its owner is told at the next sign-in. An IPv6 address counts by its /64.
        let client = IPAddress.limitKey(ip)
        let accountKey = "user:" + username
        let addressKey = "ip:" + client
        let pairKey = "pair:" + username + "|" + client
        let window = max(LoginBackoff.standard.windowSeconds, LoginThrottle.perAddress.windowSeconds) * 1000
        // The attempt is counted as a failure before its password is checked, under the keys'
        // locks: concurrent guesses each see those before them, and none gets round the limit.
        let attempt = try await database.write { tx -> [Int64] in
            try await AccountStore.lockThrottleKeys(tx, [addressKey, pairKey])
            let pairFailures = try await AccountStore.failures(tx, key: pairKey, since: now - window)
            let addressFailures = try await AccountStore.failures(tx, key: addressKey, since: now - window)
            if let seconds = LoginThrottle.perAddress.lockedFor(failures: addressFailures, now: now) {
                throw DomainError.tooManyRequests(LoginThrottle.message(seconds: seconds), retryAfter: seconds)
            }
            if let seconds = LoginBackoff.standard.waitFor(failures: pairFailures, now: now) {
                throw DomainError.tooManyRequests(LoginBackoff.message(seconds: seconds), retryAfter: seconds)
            }
            return try await AccountStore.recordAttempt(tx, keys: [accountKey, addressKey, pairKey], now: now)
        }
        let stored = try await database.read { tx in try await AccountStore.find(tx, username: username) }
        let hash = stored?.passwordHash ?? Self.decoyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard let (account, _) = stored, matches, !account.disabled else {
            let reason = stored == nil ? "unknown_user" : (matches ? "disabled" : "wrong_password")
            let systemActor = Actor(userId: stored?.0.id, username: username, displayName: username, role: nil,
                                    scope: Scope(regionId: 0, path: "/"), permissions: [], ip: ip)
            try await database.write { tx in
                try await audit.append(tx, actor: systemActor, action: .sessionLoginFailed,
                                       entityId: stored.map { String($0.0.id) } ?? "-", regionPath: stored?.0.regionPath,
                                       after: ["reason": reason])
            }
            if stored != nil, matches {
                throw DomainError(kind: .forbidden, code: "account_disabled", message: "该账号已停用，请联系管理员")
            }
            throw DomainError(kind: .unauthenticated, code: "invalid_credentials", message: "登录名或密码不正确")
        }
        let sessionToken = Secrets.token()
        let csrfToken = Secrets.token(bytes: 24)
        let signedInActor = actor(for: account, ip: ip)
        let remembered = remember && rememberTimeout > 0 && Self.mayBeRemembered(account.role)
        let lifetime = remembered ? rememberTimeout : idleTimeout
        let failedAttempts = try await database.write { tx in
            try await AccountStore.forgetAttempt(tx, ids: attempt)
            // Failures older than a day are pruned by the sweep; what is left is since then.
            let failed = try await AccountStore.failures(tx, key: accountKey, since: 0).count
            try await AccountStore.clearFailures(tx, key: accountKey)
            try await AccountStore.clearFailures(tx, key: pairKey)
            try await AccountStore.insertSession(tx, idHash: Secrets.sha256Hex(sessionToken), userId: account.id, csrf: csrfToken,
                                                 now: now, expires: now + lifetime, ip: ip, remembered: remembered)
            try await audit.append(tx, actor: signedInActor, action: .sessionLogin,
                                   entityId: String(account.id), regionPath: account.regionPath,
                                   after: remembered ? ["remembered": "\(rememberTimeout / 86_400_000) days"] : nil)
            return failed
        }
        return SignedIn(sessionToken: sessionToken, csrfToken: csrfToken, account: account, failedAttempts: failedAttempts,
                        rememberedFor: remembered ? Int(rememberTimeout / 1000) : nil)
    }

    public func logout(sessionToken: String, actor: Actor) async throws {
        try await database.write { tx in
            try await AccountStore.deleteSession(tx, idHash: Secrets.sha256Hex(sessionToken))
            try await audit.append(tx, actor: actor, action: .sessionLogout,
                                   entityId: actor.userId.map(String.init) ?? "-", regionPath: actor.scope.path)
        }
    }

    public func authenticate(sessionToken: String, ip: String?) async throws -> Authentication? {
        let idHash = Secrets.sha256Hex(sessionToken)
        let now = clock.now().millis
        guard let session = try await database.read({ tx in try await AccountStore.session(tx, idHash: idHash) }) else { return nil }
        guard session.expiresAt > now, !session.account.disabled else { return nil }
        if now - session.lastSeenAt > touchInterval {
            let expires = now + (session.remembered ? rememberTimeout : idleTimeout)
            try await database.write { tx in try await AccountStore.touchSession(tx, idHash: idHash, now: now, expires: expires) }
        }
        return Authentication(actor: actor(for: session.account, ip: ip, careMode: session.careMode),
                              credential: .session(id: sessionToken, csrfToken: session.csrfToken))
    }

    public func authenticate(bearerToken: String, ip: String?) async throws -> Authentication? {
        let hash = Secrets.sha256Hex(bearerToken)
        let now = clock.now().millis
        guard let owner = try await database.read({ tx in try await AccountStore.tokenOwner(tx, hash: hash) }),
              !owner.account.disabled else { return nil }
        if now - (owner.lastUsedAt ?? 0) > touchInterval {
            try await database.write { tx in try await AccountStore.touchToken(tx, id: owner.tokenId, now: now) }
        }
        return Authentication(actor: actor(for: owner.account, ip: ip, tokenId: owner.tokenId), credential: .token(id: owner.tokenId))
    }

    /// Saves 关怀模式 as the signed-in person's own setting (a display preference of their own,
    /// not a change to anyone's record, so it leaves no audit entry).
    public func setCareMode(_ on: Bool, actor: Actor) async throws {
        guard let user = actor.userId else { return }
        try await database.write { tx in try await AccountStore.setCareMode(tx, userId: user, on: on) }
    }

    /// Removes expired sessions and old login failures (run periodically).
    public func sweep() async throws {
        let now = clock.now().millis
        try await database.write { tx in
            try await AccountStore.deleteExpiredSessions(tx, now: now)
            try await AccountStore.pruneFailures(tx, before: now - 24 * 3600 * 1000)
        }
    }

    // MARK: API tokens

    public struct IssuedToken: Sendable, Encodable {
        public let token: APIToken
        /// The secret, shown once.
        public let secret: String
    }

    public func tokens(actor: Actor) async throws -> [APIToken] {
        try actor.require(.tokenManage)
        return try await database.read { tx in try await AccountStore.tokens(tx, within: actor.scope) }
    }

    public func issueToken(forUser username: String?, name: String?, actor: Actor) async throws -> IssuedToken {
        try actor.require(.tokenManage)
        guard let name, !name.isEmpty else { throw DomainError.invalid("name", "请填写令牌用途") }
        guard let username, !username.isEmpty else { throw DomainError.invalid("username", "请填写令牌所属账号") }
        let stored = try await database.read { tx in try await AccountStore.find(tx, username: username.lowercased()) }
        guard let (account, _) = stored, actor.scope.contains(path: account.regionPath), !account.disabled else {
            throw DomainError.invalid("username", "账号「\(username)」不存在、已停用或不在您的管辖范围内")
        }
        guard permissionTable.grantableRoles(by: actor.permissions).contains(account.role) else {
            throw DomainError.invalid("username", "不能为权限高于您的账号签发令牌")
        }
        let secret = "lnl_" + Secrets.token()
        let prefix = String(secret.prefix(10))
        let now = clock.now().millis
        return try await database.write { tx in
            let id = try await AccountStore.insertToken(tx, userId: account.id, name: name, hash: Secrets.sha256Hex(secret),
                                                        prefix: prefix, createdBy: actor.userId, now: now)
            try await audit.append(tx, actor: actor, action: .tokenIssue, entityId: String(id),
                                   regionPath: account.regionPath, after: ["user": account.username, "name": name, "prefix": prefix])
            return IssuedToken(token: try await AccountStore.token(tx, id: id, within: actor.scope)!, secret: secret)
        }
    }

    public func revokeToken(_ id: Int64, actor: Actor) async throws -> APIToken {
        try actor.require(.tokenManage)
        let now = clock.now().millis
        return try await database.write { tx in
            guard let token = try await AccountStore.token(tx, id: id, within: actor.scope) else { throw DomainError.notFound("令牌") }
            guard !token.revoked else { return token }
            try await AccountStore.revokeToken(tx, id: id, now: now)
            let owner = try await AccountStore.find(tx, ids: [token.userId]).first
            try await audit.append(tx, actor: actor, action: .tokenRevoke, entityId: String(id),
                                   regionPath: owner?.regionPath, before: ["revoked": "false"], after: ["revoked": "true"])
            return try await AccountStore.token(tx, id: id, within: actor.scope)!
        }
    }
}
