import LinliKit
import Regions

/// 值班安排 in the OpenAPI document.
extension DutyAPI: APIDocumenting {
    static var api: APIDescription {
        APIDescription(operations: [
            APIOperation("get", "/api/v1/duty/places", "可安排值班的街道和社区", tag: "值班", answer: .json("DutyPlaceList")),
            APIOperation("get", "/api/v1/duty/roster", "一个社区的值班电话、今后两周的值班和可安排的人员", tag: "值班",
                         query: Fields.rules { _ = RosterQuery(&$0) }, answer: .json("DutyRoster")),
            APIOperation("put", "/api/v1/duty/phone", "设置或清除值班电话", tag: "值班",
                         body: body(recorded: Fields.rules { _ = try? DutyPhoneInput(&$0) }), answer: .json("DutyDone")),
            APIOperation("post", "/api/v1/duty/shifts", "安排值班（可每周重复）", tag: "值班",
                         body: body(recorded: Fields.rules { _ = try? ShiftInput(&$0) }), answer: .json("DutyShiftList"), status: "201"),
            APIOperation("post", "/api/v1/duty/shifts/{id}/cancel", "取消一次值班", tag: "值班", answer: .json("DutyDone")),
        ], schemas: [
            "DutyPlace": object(["id": integer, "name": string, "level": choice(RegionLevel.self)], required: ["id", "name", "level"]),
            "DutyPlaceList": list("DutyPlace"),
            "DutyDone": object(["ok": boolean], required: ["ok"]),
            "DutyShift": object(["id": integer, "regionId": integer, "regionName": string, "userId": integer, "displayName": string,
                                 "startsAt": time, "endsAt": time, "note": string, "cancelled": boolean],
                                required: ["id", "regionId", "regionName", "userId", "displayName", "startsAt", "endsAt", "note", "cancelled"]),
            "DutyShiftList": list("DutyShift"),
            "DutyPerson": object(["id": integer, "displayName": string, "role": choice(Role.self)], required: ["id", "displayName", "role"]),
            "DutyRoster": object(["place": ref("DutyPlace"), "phone": nullable(string), "shifts": array(ref("DutyShift")),
                                  "people": array(ref("DutyPerson"))], required: ["place", "shifts", "people"]),
        ])
    }
}
