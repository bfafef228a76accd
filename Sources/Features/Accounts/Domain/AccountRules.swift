import LinliKit
import Regions

/// Rules for accounts, as plain functions.
public enum AccountRules {
    /// Login names: 3–32 characters of lower-case letters, digits, `.`, `_`, `-`.
    public static func validateUsername(_ text: String?) throws -> String {
        guard let text, !text.isEmpty else { throw DomainError.invalid("username", "请填写登录名") }
        let lower = text.lowercased()
        guard (3...32).contains(lower.count),
              lower.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".contains($0) }) else {
            throw DomainError.invalid("username", "登录名应为 3–32 位小写字母、数字或 . _ -")
        }
        return lower
    }

    /// At least 8 characters with both letters and digits; at most 72 bytes (bcrypt's limit).
    public static func validatePassword(_ text: String?) throws -> String {
        guard let text, !text.isEmpty else { throw DomainError.invalid("password", "请填写密码") }
        guard text.count >= 8 else { throw DomainError.invalid("password", "密码至少 8 位") }
        guard text.utf8.count <= 72 else { throw DomainError.invalid("password", "密码过长（最多 72 字节）") }
        guard text.contains(where: \.isLetter), text.contains(where: \.isNumber) else {
            throw DomainError.invalid("password", "密码须同时包含字母和数字")
        }
        return text
    }

    /// The levels of the region tree an account of `role` may be bound to.
    public static func allowedLevels(for role: Role) -> Set<RegionLevel> {
        switch role {
        case .districtAdmin: [.district]
        case .streetAdmin: [.street]
        case .communityStaff: [.community]
        case .gridLeader, .gridWorker: [.grid]
        case .socialWorker, .socialOrganization: [.district, .street, .community]
        case .department: [.district, .street]
        case .volunteer: [.district, .street, .community, .grid]
        case .resident, .partyMember: [.community, .grid, .building, .unit, .household]
        }
    }

    public static func checkBinding(role: Role, to node: RegionNode) throws {
        let allowed = allowedLevels(for: role)
        guard allowed.contains(node.level) else {
            let names = RegionLevel.allCases.filter(allowed.contains).map(\.label).joined(separator: "、")
            throw DomainError.invalid("regionId", "\(role.label)账号只能归属到\(names)一级，「\(node.name)」是\(node.level.label)")
        }
        guard !node.retired else { throw DomainError.invalid("regionId", "「\(node.name)」已撤销") }
    }

    /// An actor may manage an account only if it could have created it: the account's role
    /// must be one the actor can grant (scope is checked in SQL).
    public static func checkManage(target role: Role, targetId: Int64, actor: Actor, table: PermissionTable) throws {
        guard table.grantableRoles(by: actor.permissions).contains(role) else { throw DomainError.forbidden }
        if targetId == actor.userId { throw DomainError.conflict("不能对自己的账号执行此操作") }
    }
}

/// Login throttling (登录限流) per address: too many failures from one address within a
/// window lock further attempts from it until the oldest failure leaves the window.
public struct LoginThrottle: Sendable {
    public let limit: Int
    public let windowSeconds: Int64

    public static let perAddress = LoginThrottle(limit: 20, windowSeconds: 15 * 60)

    public init(limit: Int, windowSeconds: Int64) {
        self.limit = limit
        self.windowSeconds = windowSeconds
    }

    /// Seconds until another attempt is allowed, or nil when allowed now.
    /// `failures` are the times (ms) of recent failures.
    public func lockedFor(failures: [Int64], now: Int64) -> Int64? {
        let windowStart = now - windowSeconds * 1000
        let recent = failures.filter { $0 > windowStart }.sorted()
        guard recent.count >= limit else { return nil }
        // Unlocks when enough failures have aged out to fall below the limit.
        let unlockAt = recent[recent.count - limit] + windowSeconds * 1000
        return max(1, (unlockAt - now + 999) / 1000)
    }

    public static func message(seconds: Int64) -> String {
        "此网络地址登录失败次数过多，请 \(max(1, (seconds + 59) / 60)) 分钟后再试"
    }
}

/// A growing wait between attempts for one account from one address: the first
/// `freeAttempts` failures cost nothing, then each further one doubles the wait (2 s, 4 s,
/// 8 s … at most `maxDelaySeconds`). Keyed by account *and* address, so a stranger who knows
/// `qu.admin` slows only himself: the administrator signs in from her own address at once.
public struct LoginBackoff: Sendable {
    public let freeAttempts: Int
    public let maxDelaySeconds: Int64
    public let windowSeconds: Int64

    public static let standard = LoginBackoff(freeAttempts: 3, maxDelaySeconds: 15 * 60, windowSeconds: 15 * 60)

    public init(freeAttempts: Int, maxDelaySeconds: Int64, windowSeconds: Int64) {
        self.freeAttempts = freeAttempts
        self.maxDelaySeconds = maxDelaySeconds
        self.windowSeconds = windowSeconds
    }

    /// The wait after `count` failures in the window.
    public func delaySeconds(afterFailures count: Int) -> Int64 {
        guard count >= freeAttempts else { return 0 }
        let doublings = min(count - freeAttempts + 1, 20)
        return min(maxDelaySeconds, Int64(1) << doublings)
    }

    /// Seconds until the next attempt is allowed, or nil when allowed now.
    public func waitFor(failures: [Int64], now: Int64) -> Int64? {
        let recent = failures.filter { $0 > now - windowSeconds * 1000 }
        guard let last = recent.max() else { return nil }
        let until = last + delaySeconds(afterFailures: recent.count) * 1000
        return until > now ? max(1, (until - now + 999) / 1000) : nil
    }

    public static func message(seconds: Int64) -> String {
        seconds < 60 ? "登录失败次数较多，请 \(seconds) 秒后再试" : "登录失败次数较多，请 \((seconds + 59) / 60) 分钟后再试"
    }
}
