/// 志愿者查询 — what staff look for when they staff an activity.
public struct VolunteerQuery: Sendable, Equatable {
    public var regionId: Int64?
    public var status: VolunteerStatus?
    public var skill: String?
    public var minStars: Int?
    public var minHours: Int?
    public var name: String?
    public var limit = 50
    public var offset = 0

    public init(regionId: Int64? = nil, status: VolunteerStatus? = nil, skill: String? = nil, minStars: Int? = nil, minHours: Int? = nil,
                name: String? = nil) {
        self.regionId = regionId
        self.status = status
        self.skill = skill
        self.minStars = minStars
        self.minHours = minHours
        self.name = name
    }

    /// After the service resolved the place within the actor's scope.
    struct Resolved: Sendable {
        var path: String
        var status: VolunteerStatus?
        var skill: String?
        var minStars: Int?
        var minMinutes: Int64?
        var name: String?
        var limit: Int
        var offset: Int
    }
}
