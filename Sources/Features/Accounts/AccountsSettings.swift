import LinliKit

/// How accounts are kept: `LINLI_BCRYPT_COST` (4–14, default 10) is the work factor of
/// stored password hashes.
public struct AccountsSettings: FeatureSettings {
    public var bcryptCost: UInt8 = 10

    public init(environment: [String: String]) {
        if let cost = environment["LINLI_BCRYPT_COST"].flatMap(UInt8.init), (4...14).contains(cost) { bcryptCost = cost }
    }
}
