import Foundation
import HummingbirdBcrypt
import LinliKit
import NIOPosix
import Regions

/// Managing accounts: create, list, disable, reset passwords. Accounts are found only inside
/// the actor's scope (by the account's region path, in SQL).
public struct AccountService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let regions: RegionService
    let permissionTable: PermissionTable
    let bcryptCost: UInt8

    public init(database: Database, audit: AuditLog, clock: any Clock, regions: RegionService,
                permissionTable: PermissionTable, bcryptCost: UInt8 = 10) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.regions = regions
        self.permissionTable = permissionTable
        self.bcryptCost = bcryptCost
    }

    /// Hashing costs ~70 ms of CPU: keep it off the request threads.
    func hash(_ password: String) async throws -> String {
        let cost = bcryptCost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public struct NewAccount: Sendable {
        public var username: String?
        public var displayName: String?
        public var role: Role?
        public var regionId: Int64?
        public var password: String?
        public init(username: String?, displayName: String?, role: Role?, regionId: Int64?, password: String?) {
            self.username = username
            self.displayName = displayName
            self.role = role
            self.regionId = regionId
            self.password = password
        }
    }

    public func grantableRoles(for actor: Actor) -> [Role] {
        permissionTable.grantableRoles(by: actor.permissions)
    }

    public func create(_ input: NewAccount, actor: Actor) async throws -> Account {
        try actor.require(.userManage)
        var errors: [String: String] = [:]
        func check<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch let error as DomainError { errors.merge(error.fields) { a, _ in a }; return nil } catch { return nil }
        }
        let username = check { try AccountRules.validateUsername(input.username) }
        let password = check { try AccountRules.validatePassword(input.password) }
        let displayName = input.displayName?.isEmpty == false ? input.displayName : nil
        if displayName == nil { errors["displayName"] = "请填写姓名" }
        if input.role == nil { errors["role"] = "请选择角色" }
        if input.regionId == nil { errors["regionId"] = "请选择所属区域" }
        if let role = input.role, !grantableRoles(for: actor).contains(role) {
            errors["role"] = "您不能创建「\(role.label)」账号"
        }
        guard errors.isEmpty, let username, let password, let displayName, let role = input.role, let regionId = input.regionId else {
            throw DomainError.invalid(fields: errors)
        }
        let node: RegionNode
        do {
            node = try await regions.node(regionId, actor: actor)
        } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("regionId", "所属区域不存在或不在您的管辖范围内")
        }
        try AccountRules.checkBinding(role: role, to: node)
        let passwordHash = try await hash(password)
        let now = clock.now().millis
        do {
            return try await database.write { tx in
                let id = try await AccountStore.insert(tx, username: username, displayName: displayName, role: role,
                                                       regionId: node.id, regionPath: node.path, passwordHash: passwordHash, now: now)
                try await audit.append(tx, actor: actor, action: .userCreate, entityId: String(id),
                                       regionPath: node.path,
                                       after: ["username": username, "displayName": displayName, "role": role.rawValue, "region": node.code])
                return try await AccountStore.find(tx, id: id, within: actor.scope)!
            }
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("username", "登录名「\(username)」已被使用")
        }
    }

    public func account(_ id: Int64, actor: Actor) async throws -> Account {
        try actor.require(.userView)
        return try await database.read { tx in
            guard let account = try await AccountStore.find(tx, id: id, within: actor.scope) else { throw DomainError.notFound("账号") }
            return account
        }
    }

    public func list(actor: Actor, role: Role? = nil, term: String? = nil, limit: Int = 50, offset: Int = 0) async throws -> Page<Account> {
        try actor.require(.userView)
        let limit = min(max(limit, 1), 200)
        let offset = max(offset, 0)
        let (items, total) = try await database.read { tx in
            try await AccountStore.list(tx, within: actor.scope, role: role, term: term, limit: limit, offset: offset)
        }
        return Page(items: items, total: total, limit: limit, offset: offset)
    }

    public func setDisabled(_ id: Int64, disabled: Bool, actor: Actor) async throws -> Account {
        try actor.require(.userManage)
        let now = clock.now().millis
        return try await database.write { tx in
            guard let account = try await AccountStore.find(tx, id: id, within: actor.scope) else { throw DomainError.notFound("账号") }
            try AccountRules.checkManage(target: account.role, targetId: id, actor: actor, table: permissionTable)
            guard account.disabled != disabled else { return account }
            try await AccountStore.setDisabled(tx, id: id, disabled: disabled, now: now)
            if disabled {
                try await AccountStore.deleteSessions(tx, userId: id)
            }
            try await audit.append(tx, actor: actor, action: disabled ? .userDisable : .userEnable,
                                   entityId: String(id), regionPath: account.regionPath,
                                   before: ["disabled": String(account.disabled)], after: ["disabled": String(disabled)])
            return try await AccountStore.find(tx, id: id, within: actor.scope)!
        }
    }

    /// An administrator sets a new password for an account in scope; its sessions end.
    public func resetPassword(_ id: Int64, to password: String?, actor: Actor) async throws {
        try actor.require(.userManage)
        let password = try AccountRules.validatePassword(password)
        let target = try await account(id, actor: actor)
        try AccountRules.checkManage(target: target.role, targetId: id, actor: actor, table: permissionTable)
        let hash = try await hash(password)
        let now = clock.now().millis
        try await database.write { tx in
            try await AccountStore.setPassword(tx, id: id, hash: hash, now: now)
            try await AccountStore.deleteSessions(tx, userId: id)
            try await audit.append(tx, actor: actor, action: .userPasswordReset, entityId: String(id),
                                   regionPath: target.regionPath)
        }
    }

    /// Anyone signed in changes their own password, proving the current one.
    /// Ends every other session of the account: whoever knew the old password is signed out.
    /// `keepingSession` is the session token of the browser that made the change, if any.
    public func changeOwnPassword(current: String?, new: String?, actor: Actor, keepingSession: String? = nil) async throws {
        guard let userId = actor.userId else { throw DomainError.forbidden }
        let newPassword = try AccountRules.validatePassword(new)
        let stored = try await database.read { tx in try await AccountStore.find(tx, username: actor.username) }
        guard let (account, hash) = stored, account.id == userId else { throw DomainError.unauthenticated }
        let currentText = current ?? ""
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(currentText, hash: hash) }
        guard matches else { throw DomainError.invalid("current", "当前密码不正确") }
        let newHash = try await self.hash(newPassword)
        let now = clock.now().millis
        try await database.write { tx in
            try await AccountStore.setPassword(tx, id: userId, hash: newHash, now: now)
            try await AccountStore.deleteSessions(tx, userId: userId, keeping: keepingSession.map(Secrets.sha256Hex))
            try await audit.append(tx, actor: actor, action: .userPasswordChange, entityId: String(userId),
                                   regionPath: account.regionPath, after: ["otherSessions": "ended"])
        }
    }

    /// Command-line password reset (`linli user passwd`): the operator needs no old password.
    public func setPassword(username: String, to password: String?, actor: Actor) async throws {
        let password = try AccountRules.validatePassword(password)
        let stored = try await database.read { tx in try await AccountStore.find(tx, username: username.lowercased()) }
        guard let (account, _) = stored else { throw DomainError.notFound("账号「\(username)」") }
        try await resetPassword(account.id, to: password, actor: actor)
    }

    public func account(username: String, actor: Actor) async throws -> Account {
        try actor.require(.userView)
        let stored = try await database.read { tx in try await AccountStore.find(tx, username: username.lowercased()) }
        guard let (account, _) = stored, actor.scope.contains(path: account.regionPath) else { throw DomainError.notFound("账号") }
        return account
    }
}

/// Region moves re-root the region path copied onto each account.
public struct AccountPathsListener: SubtreeMoveListener {
    public init() {}
    public func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        try await tx.rebasePaths(table: "users", column: "region_path", from: oldPath, to: newPath)
    }
}

/// Other features learn about accounts through this, never through the users table.
public struct AccountDirectory: StaffDirectory {
    let database: Database
    public init(database: Database) { self.database = database }

    static func member(_ account: Account) -> StaffMember {
        StaffMember(id: account.id, username: account.username, displayName: account.displayName, role: account.role,
                    regionId: account.regionId, regionPath: account.regionPath, disabled: account.disabled)
    }

    public func staffMembers(ids: [Int64]) async throws -> [Int64: StaffMember] {
        let accounts = try await database.read { tx in try await AccountStore.find(tx, ids: ids) }
        return Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, Self.member($0)) })
    }

    public func staffMember(username: String) async throws -> StaffMember? {
        try await database.read { tx in try await AccountStore.find(tx, username: username.lowercased()) }.map { Self.member($0.0) }
    }

    public func staffMembers(onPathTo path: String) async throws -> [StaffMember] {
        let accounts = try await database.read { tx in try await AccountStore.find(tx, regionPaths: Scope.ancestorPaths(of: path)) }
        return accounts.filter { !$0.disabled && $0.role != .resident }.map(Self.member)
    }

    public func staffMembers(within path: String, limit: Int) async throws -> [StaffMember] {
        try await database.read { tx in try await AccountStore.staff(tx, within: path, limit: limit) }.map(Self.member)
    }
}
