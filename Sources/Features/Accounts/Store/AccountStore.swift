import LinliKit
import SQLKit

/// SQL for accounts, sessions, login failures and API tokens.
enum AccountStore {
    static let migrations: [Migration] = [
        Migration("accounts.001") { engine in [
            """
            CREATE TABLE users (
              id \(engine.autoIncrementPrimaryKey), username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
              role TEXT NOT NULL, region_id BIGINT NOT NULL, region_path TEXT NOT NULL, password_hash TEXT NOT NULL,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, disabled_at BIGINT)
            """,
            "CREATE INDEX users_region_path ON users (region_path)",
            """
            CREATE TABLE sessions (
              id_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id), csrf_token TEXT NOT NULL,
              created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, ip TEXT)
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            "CREATE INDEX sessions_expires ON sessions (expires_at)",
            "CREATE TABLE login_failures (id \(engine.autoIncrementPrimaryKey), key TEXT NOT NULL, at BIGINT NOT NULL)",
            "CREATE INDEX login_failures_key ON login_failures (key, at)",
            """
            CREATE TABLE api_tokens (
              id \(engine.autoIncrementPrimaryKey), user_id BIGINT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
              token_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, created_by BIGINT, created_at BIGINT NOT NULL,
              last_used_at BIGINT, revoked_at BIGINT)
            """,
        ] },
        // 关怀模式 as the person's own setting; 记住我 sessions that last for days, not hours.
        Migration("accounts.002") { _ in [
            "ALTER TABLE users ADD COLUMN care_mode INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE sessions ADD COLUMN remembered INTEGER NOT NULL DEFAULT 0",
        ] },
    ]

    static let accountColumns = "u.id, u.username, u.display_name, u.role, u.region_id, u.region_path, u.disabled_at, u.created_at"

    static func account(_ row: any SQLRow) throws -> Account {
        let id = try row.decode(column: "id", as: Int64.self)
        return Account(id: id,
                username: try row.decode(column: "username", as: String.self),
                displayName: try row.decode(column: "display_name", as: String.self),
                role: try row.decode(known: "role", as: Role.self, row: "users#\(id)"),
                regionId: try row.decode(column: "region_id", as: Int64.self),
                regionPath: try row.decode(column: "region_path", as: String.self),
                disabled: try row.decode(column: "disabled_at", as: Int64?.self) != nil,
                createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    static func find(_ tx: Tx, id: Int64, within scope: Scope) async throws -> Account? {
        try await tx.sql.raw("SELECT \(unsafeRaw: accountColumns) FROM users u WHERE u.id = \(bind: id) AND \(tx.engine.pathWithin("u.region_path", scope.path))")
            .first().map(account)
    }

    static func find(_ tx: Tx, username: String) async throws -> (Account, passwordHash: String)? {
        guard let row = try await tx.sql.raw("SELECT \(unsafeRaw: accountColumns), u.password_hash FROM users u WHERE u.username = \(bind: username)").first() else {
            return nil
        }
        return (try account(row), try row.decode(column: "password_hash", as: String.self))
    }

    static func find(_ tx: Tx, ids: [Int64]) async throws -> [Account] {
        guard !ids.isEmpty else { return [] }
        return try await tx.sql.raw("SELECT \(unsafeRaw: accountColumns) FROM users u WHERE u.id IN (\(binds: ids))").all().map(account)
    }

    static func find(_ tx: Tx, regionPaths: [String]) async throws -> [Account] {
        guard !regionPaths.isEmpty else { return [] }
        return try await tx.sql.raw("""
            SELECT \(unsafeRaw: accountColumns) FROM users u WHERE u.region_path IN (\(binds: regionPaths)) ORDER BY u.region_path, u.username
            """).all().map(account)
    }

    static func list(_ tx: Tx, within scope: Scope, role: Role?, term: String?, limit: Int, offset: Int) async throws -> (items: [Account], total: Int) {
        var filter = SQLQueryString("\(tx.engine.pathWithin("u.region_path", scope.path))")
        if let role { filter = filter + SQLQueryString(" AND u.role = \(bind: role.rawValue)") }
        if let term {
            let pattern = "%" + term.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            filter = filter + SQLQueryString(" AND (u.username LIKE \(bind: pattern) OR u.display_name LIKE \(bind: pattern))")
        }
        let total = try await tx.sql.raw(SQLQueryString("SELECT COUNT(*) AS n FROM users u WHERE ") + filter).first()!.decode(column: "n", as: Int.self)
        let items = try await tx.sql.raw(SQLQueryString("SELECT \(unsafeRaw: accountColumns) FROM users u WHERE ") + filter
                                         + SQLQueryString(" ORDER BY u.region_path, u.username LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))"))
            .all().map(account)
        return (items, total)
    }

    /// Enabled accounts that are not residents, at `path` or below, by name.
    static func staff(_ tx: Tx, within path: String, limit: Int) async throws -> [Account] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: accountColumns) FROM users u
            WHERE \(tx.engine.pathWithin("u.region_path", path)) AND u.disabled_at IS NULL AND u.role <> \(bind: Role.resident.rawValue)
            ORDER BY u.display_name, u.id LIMIT \(bind: limit)
            """).all().map(account)
    }

    static func insert(_ tx: Tx, username: String, displayName: String, role: Role, regionId: Int64, regionPath: String,
                       passwordHash: String, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO users (username, display_name, role, region_id, region_path, password_hash, created_at, updated_at)
            VALUES (\(bind: username), \(bind: displayName), \(bind: role.rawValue), \(bind: regionId), \(bind: regionPath),
                    \(bind: passwordHash), \(bind: now), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func setPassword(_ tx: Tx, id: Int64, hash: String, now: Int64) async throws {
        try await tx.sql.raw("UPDATE users SET password_hash = \(bind: hash), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    static func setDisabled(_ tx: Tx, id: Int64, disabled: Bool, now: Int64) async throws {
        let value: Int64? = disabled ? now : nil
        try await tx.sql.raw("UPDATE users SET disabled_at = \(bind: value), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    // MARK: Sessions

    static func insertSession(_ tx: Tx, idHash: String, userId: Int64, csrf: String, now: Int64, expires: Int64, ip: String?,
                              remembered: Bool) async throws {
        try await tx.sql.raw("""
            INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, remembered)
            VALUES (\(bind: idHash), \(bind: userId), \(bind: csrf), \(bind: now), \(bind: now), \(bind: expires), \(bind: ip),
                    \(bind: remembered ? 1 : 0))
            """).run()
    }

    struct SessionRow {
        let account: Account
        let csrfToken: String
        let lastSeenAt: Int64
        let expiresAt: Int64
        let remembered: Bool
        let careMode: Bool
    }

    static func session(_ tx: Tx, idHash: String) async throws -> SessionRow? {
        guard let row = try await tx.sql.raw("""
            SELECT \(unsafeRaw: accountColumns), u.care_mode, s.csrf_token, s.last_seen_at, s.expires_at, s.remembered
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = \(bind: idHash)
            """).first() else { return nil }
        return SessionRow(account: try account(row), csrfToken: try row.decode(column: "csrf_token", as: String.self),
                          lastSeenAt: try row.decode(column: "last_seen_at", as: Int64.self),
                          expiresAt: try row.decode(column: "expires_at", as: Int64.self),
                          remembered: try row.decode(column: "remembered", as: Int64.self) != 0,
                          careMode: try row.decode(column: "care_mode", as: Int64.self) != 0)
    }

    static func setCareMode(_ tx: Tx, userId: Int64, on: Bool) async throws {
        try await tx.sql.raw("UPDATE users SET care_mode = \(bind: on ? 1 : 0) WHERE id = \(bind: userId)").run()
    }

    static func touchSession(_ tx: Tx, idHash: String, now: Int64, expires: Int64) async throws {
        try await tx.sql.raw("UPDATE sessions SET last_seen_at = \(bind: now), expires_at = \(bind: expires) WHERE id_hash = \(bind: idHash)").run()
    }

    static func deleteSession(_ tx: Tx, idHash: String) async throws {
        try await tx.sql.raw("DELETE FROM sessions WHERE id_hash = \(bind: idHash)").run()
    }

    static func deleteSessions(_ tx: Tx, userId: Int64) async throws {
        try await tx.sql.raw("DELETE FROM sessions WHERE user_id = \(bind: userId)").run()
    }

    /// Every session of the account but `keeping` (the one that changed the password).
    static func deleteSessions(_ tx: Tx, userId: Int64, keeping idHash: String?) async throws {
        try await tx.sql.raw("DELETE FROM sessions WHERE user_id = \(bind: userId) AND id_hash <> \(bind: idHash ?? "")").run()
    }

    static func deleteExpiredSessions(_ tx: Tx, now: Int64) async throws {
        try await tx.sql.raw("DELETE FROM sessions WHERE expires_at < \(bind: now)").run()
    }

    // MARK: Login failures

    static func failures(_ tx: Tx, key: String, since: Int64) async throws -> [Int64] {
        try await tx.sql.raw("SELECT at FROM login_failures WHERE key = \(bind: key) AND at > \(bind: since)").all()
            .map { try $0.decode(column: "at", as: Int64.self) }
    }

    /// Records an attempt as a failure under each key before its password is checked; a
    /// success deletes them again (`forgetAttempt`). Returns the rows' ids.
    static func recordAttempt(_ tx: Tx, keys: [String], now: Int64) async throws -> [Int64] {
        var ids: [Int64] = []
        for key in keys {
            let row = try await tx.sql.raw("INSERT INTO login_failures (key, at) VALUES (\(bind: key), \(bind: now)) RETURNING id").first()
            if let id = try row?.decode(column: "id", as: Int64.self) { ids.append(id) }
        }
        return ids
    }

    static func forgetAttempt(_ tx: Tx, ids: [Int64]) async throws {
        for id in ids { try await tx.sql.raw("DELETE FROM login_failures WHERE id = \(bind: id)").run() }
    }

    /// On PostgreSQL, concurrent sign-ins for the same keys wait for each other here, so each
    /// sees the attempts before it (SQLite's one writer already does that). In key order.
    static func lockThrottleKeys(_ tx: Tx, _ keys: [String]) async throws {
        guard tx.engine == .postgres else { return }
        for key in keys.sorted() {
            try await tx.sql.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0)) AS locked").run()
        }
    }

    static func clearFailures(_ tx: Tx, key: String) async throws {
        try await tx.sql.raw("DELETE FROM login_failures WHERE key = \(bind: key)").run()
    }

    static func pruneFailures(_ tx: Tx, before: Int64) async throws {
        try await tx.sql.raw("DELETE FROM login_failures WHERE at < \(bind: before)").run()
    }

    // MARK: API tokens

    static let tokenColumns = "t.id, t.user_id, u.username, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at"

    static func token(_ row: any SQLRow) throws -> APIToken {
        APIToken(id: try row.decode(column: "id", as: Int64.self), userId: try row.decode(column: "user_id", as: Int64.self),
                 username: try row.decode(column: "username", as: String.self), name: try row.decode(column: "name", as: String.self),
                 prefix: try row.decode(column: "prefix", as: String.self), createdAt: try row.decode(column: "created_at", as: Int64.self),
                 lastUsedAt: try row.decode(column: "last_used_at", as: Int64?.self),
                 revoked: try row.decode(column: "revoked_at", as: Int64?.self) != nil)
    }

    static func tokens(_ tx: Tx, within scope: Scope) async throws -> [APIToken] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: tokenColumns) FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE \(tx.engine.pathWithin("u.region_path", scope.path)) ORDER BY t.id DESC
            """).all().map(token)
    }

    static func token(_ tx: Tx, id: Int64, within scope: Scope) async throws -> APIToken? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: tokenColumns) FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.id = \(bind: id) AND \(tx.engine.pathWithin("u.region_path", scope.path))
            """).first().map(token)
    }

    static func insertToken(_ tx: Tx, userId: Int64, name: String, hash: String, prefix: String, createdBy: Int64?, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_by, created_at)
            VALUES (\(bind: userId), \(bind: name), \(bind: hash), \(bind: prefix), \(bind: createdBy), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func revokeToken(_ tx: Tx, id: Int64, now: Int64) async throws {
        try await tx.sql.raw("UPDATE api_tokens SET revoked_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    static func tokenOwner(_ tx: Tx, hash: String) async throws -> (tokenId: Int64, account: Account, lastUsedAt: Int64?)? {
        guard let row = try await tx.sql.raw("""
            SELECT \(unsafeRaw: accountColumns), t.id AS token_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL
            """).first() else { return nil }
        return (try row.decode(column: "token_id", as: Int64.self), try account(row), try row.decode(column: "last_used_at", as: Int64?.self))
    }

    static func touchToken(_ tx: Tx, id: Int64, now: Int64) async throws {
        try await tx.sql.raw("UPDATE api_tokens SET last_used_at = \(bind: now) WHERE id = \(bind: id)").run()
    }
}
