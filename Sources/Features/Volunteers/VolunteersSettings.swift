import LinliKit

/// The district's local rules for volunteering (docs/volunteers.md cites each default):
/// - `LINLI_VOLUNTEER_STARS`: the certified hours of 1★–5★, five increasing whole numbers
///   (default 100,300,600,1000,1500, the national practice);
/// - `LINLI_VOLUNTEER_NO_SHOW_LIMIT` / `LINLI_VOLUNTEER_NO_SHOW_DAYS`: after this many
///   no-shows within these days a person's sign-ups need approval (default 3 in 90; 0 turns it off);
/// - `LINLI_VOLUNTEER_HOLD_HOURS`: how long a person moved up from the waiting list has to
///   accept, for a new activity (default 12);
/// - `LINLI_VOLUNTEER_PROMOTION_CUTOFF_HOURS`: nobody is moved up later than this before the
///   start, for a new activity (default 2);
/// - `LINLI_VOLUNTEER_RESPONSE_DAYS`: days within which staff certify a finished activity's hours,
///   approve a registration and decide a correction, for 今日待办 (default 3).
public struct VolunteersSettings: FeatureSettings {
    public var stars = StarThresholds.national
    public var noShows = NoShowRule.common
    public var holdHours = 12
    public var cutoffHours = 2
    public var responseDays = 3

    public init(environment: [String: String]) {
        if let text = environment["LINLI_VOLUNTEER_STARS"], let stars = StarThresholds(text: text) { self.stars = stars }
        if let limit = environment["LINLI_VOLUNTEER_NO_SHOW_LIMIT"].flatMap(Int.init), (0...100).contains(limit) { noShows.limit = limit }
        if let days = environment["LINLI_VOLUNTEER_NO_SHOW_DAYS"].flatMap(Int.init), (1...3650).contains(days) { noShows.days = days }
        if let hours = environment["LINLI_VOLUNTEER_HOLD_HOURS"].flatMap(Int.init), (1...168).contains(hours) { holdHours = hours }
        if let hours = environment["LINLI_VOLUNTEER_PROMOTION_CUTOFF_HOURS"].flatMap(Int.init), (0...72).contains(hours) { cutoffHours = hours }
        if let days = environment["LINLI_VOLUNTEER_RESPONSE_DAYS"].flatMap(Int.init), (1...60).contains(days) { responseDays = days }
    }
}
