import LinliKit

/// `LINLI_TRACK_LOOKUPS_PER_MINUTE`: 查询码 lookups per client address (1–100,000; default
/// 60). The burst is twice that, at least 100, since Open311 asks for up to 100 codes a call.
public struct RequestsSettings: FeatureSettings {
    public var trackingLookupRule = RequestService.trackingLookupRule

    public init(environment: [String: String]) {
        if let rate = environment["LINLI_TRACK_LOOKUPS_PER_MINUTE"].flatMap(Int.init), (1...100_000).contains(rate) {
            trackingLookupRule = .init(burst: max(2 * rate, 100), perMinute: rate)
        }
    }
}
