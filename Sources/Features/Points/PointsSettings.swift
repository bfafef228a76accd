import LinliKit

/// The district's local rules for the points bank (docs/points.md cites each default):
/// - `LINLI_POINTS_HOLD_HOURS`: how long a redemption waits for pickup before its points and
///   stock return, for a new item (default 72: three days, as community shops open on weekdays);
/// - `LINLI_POINTS_EXPIRY_MONTHS`: points older than this expire (default 0: never — expiry is
///   a district's choice, and most 公益银行 rules keep points);
/// - `LINLI_POINTS_EXPIRY_NOTICE_DAYS`: how long ahead a person is told (default 30).
public struct PointsSettings: FeatureSettings {
    public var holdHours = 72
    public var expiryMonths = 0
    public var expiryNoticeDays = 30

    public init(environment: [String: String]) {
        if let hours = environment["LINLI_POINTS_HOLD_HOURS"].flatMap(Int.init), (1...720).contains(hours) { holdHours = hours }
        if let months = environment["LINLI_POINTS_EXPIRY_MONTHS"].flatMap(Int.init), (0...120).contains(months) { expiryMonths = months }
        if let days = environment["LINLI_POINTS_EXPIRY_NOTICE_DAYS"].flatMap(Int.init), (1...365).contains(days) { expiryNoticeDays = days }
    }
}
