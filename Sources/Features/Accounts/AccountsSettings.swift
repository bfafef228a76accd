import LinliKit

/// How accounts are kept: `LINLI_BCRYPT_COST` (4–14, default 10) is the work factor of
/// stored password hashes; `LINLI_REMEMBER_DAYS` (0–90, default 30; 0 turns 记住我 off) is how
/// long a resident's "记住我" session lasts without use (docs/security.md).
public struct AccountsSettings: FeatureSettings {
    public var bcryptCost: UInt8 = 10
    public var rememberDays = 30

    public init(environment: [String: String]) {
        if let cost = environment["LINLI_BCRYPT_COST"].flatMap(UInt8.init), (4...14).contains(cost) { bcryptCost = cost }
        if let days = environment["LINLI_REMEMBER_DAYS"].flatMap(Int.init), (0...90).contains(days) { rememberDays = days }
    }
}
