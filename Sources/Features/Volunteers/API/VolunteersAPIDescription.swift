import LinliKit

/// 志愿服务与活动 in the OpenAPI document.
extension VolunteersAPI: APIDocumenting {
    static var api: APIDescription {
        func op(_ method: String, _ path: String, _ summary: String, _ tag: String, query: RecordedFields? = nil,
                body read: ((inout Fields) throws -> Void)? = nil, answer: String, status: String = "200") -> APIOperation {
            APIOperation(method, path, summary, tag: tag, query: query, body: read.map { read in body(recorded: Fields.rules { try? read(&$0) }) },
                         answer: .json(answer), status: status)
        }
        let me = "志愿者本人", register = "志愿者名册", teams = "志愿服务队", activities = "活动", records = "服务记录与证明"
        return APIDescription(operations: [
            op("post", "/api/v1/volunteer/identity", "实名认证：用身份证号核对居民登记，绑定本账号", me, body: { _ = try IdentifyInput(&$0) }, answer: "VolunteerIdentity"),
            op("get", "/api/v1/volunteer", "我的志愿服务：登记、星级、服务记录、更正、证明和报名", me, answer: "MyVolunteering"),
            op("post", "/api/v1/volunteer", "登记为志愿者（待审核）", me, body: { _ = try VolunteerInput(&$0) }, answer: "Volunteer", status: "201"),
            op("put", "/api/v1/volunteer", "修改本人的特长、服务时间和服务区域", me, body: { _ = try VolunteerInput(&$0) }, answer: "Volunteer"),
            op("post", "/api/v1/volunteer/leave", "退出志愿者队伍（记录保留）", me, answer: "Volunteer"),
            op("post", "/api/v1/volunteer/certificates", "为本人出具志愿服务记录证明", me, answer: "VolunteerCertificate", status: "201"),
            op("get", "/api/v1/volunteers", "志愿者查询（特长、区域、星级、时长）", register, query: Fields.rules { _ = try? VolunteerSearchInput(&$0) },
               answer: "VolunteerPage"),
            op("post", "/api/v1/volunteers", "社区为居民登记志愿者（直接通过）", register, body: { _ = try VolunteerInput(&$0) }, answer: "Volunteer", status: "201"),
            op("get", "/api/v1/volunteers/{id}", "一位志愿者", register, answer: "Volunteer"),
            op("post", "/api/v1/volunteers/{id}/decision", "审核志愿者登记", register, body: { _ = try DecisionInput(&$0) }, answer: "Volunteer"),
            op("post", "/api/v1/volunteers/{id}/status", "暂停、恢复或退出", register, body: { _ = try VolunteerStatusInput(&$0) }, answer: "Volunteer"),
            op("post", "/api/v1/volunteers/{id}/certificates", "为志愿者出具服务记录证明", register, answer: "VolunteerCertificate", status: "201"),
            op("get", "/api/v1/volunteer-teams", "志愿服务队", teams, answer: "VolunteerTeamList"),
            op("post", "/api/v1/volunteer-teams", "新建志愿服务队", teams, body: { _ = try TeamInput(&$0) }, answer: "VolunteerTeam", status: "201"),
            op("get", "/api/v1/volunteer-teams/{id}", "一支队伍及其队员", teams, answer: "VolunteerTeamBody"),
            op("post", "/api/v1/volunteer-teams/{id}/join", "申请入队", teams, answer: "VolunteerDone"),
            op("post", "/api/v1/volunteer-teams/{id}/members", "审核队员、任命队长、移出", teams, body: { _ = try TeamMemberInput(&$0) },
               answer: "VolunteerTeamMemberList"),
            op("get", "/api/v1/activities", "活动：组织者看辖区的，居民和志愿者看可报名的", activities, query: Fields.rules { _ = try? ActivityListInput(&$0) },
               answer: "ActivityList"),
            op("post", "/api/v1/activities", "新建活动（草稿）；岗位按 roles.N.* 逐行填写", activities, body: { _ = try ActivityInput(&$0) },
               answer: "Activity", status: "201"),
            op("get", "/api/v1/activities/{id}", "一个活动及本人的报名", activities, answer: "ActivityBody"),
            op("patch", "/api/v1/activities/{id}", "活动变更（开始前）：时间、报名截止、名额等，报名的人会收到通知", activities,
               body: { _ = try ActivityChangeInput(&$0) }, answer: "Activity"),
            op("post", "/api/v1/activities/{id}/transition", "发布、截止报名、开始、结束或取消活动", activities, body: { _ = try TransitionInput(&$0) },
               answer: "Activity"),
            op("post", "/api/v1/activities/{id}/certify", "认证服务时长（活动结束后）", activities, body: { _ = try CertifyInput(&$0) }, answer: "Certification"),
            op("get", "/api/v1/activities/{id}/signups", "报名名单与候补", activities, answer: "SignUpList"),
            op("post", "/api/v1/activities/{id}/signups", "报名（本人，或组织者为居民报名）", activities, body: { _ = try SignUpInput(&$0) },
               answer: "SignUpResult", status: "201"),
            op("get", "/api/v1/activities/{id}/check-in-code", "现场签到码（每 30 秒更新）", activities, answer: "CheckInCode"),
            op("post", "/api/v1/activities/{id}/check-in", "扫码签到或签退", activities, body: { _ = try ScanInput(&$0) }, answer: "SignUp"),
            op("post", "/api/v1/activities/{id}/attendance", "组织者扫个人码或勾选名单签到、签退", activities, body: { _ = try AttendanceInput(&$0) },
               answer: "SignUp"),
            op("post", "/api/v1/signups/{id}/cancel", "取消报名（空出的名额递补给候补）", activities, answer: "SignUp"),
            op("post", "/api/v1/signups/{id}/accept", "确认递补的名额", activities, answer: "SignUp"),
            op("post", "/api/v1/signups/{id}/decision", "审核报名或手动递补", activities, body: { _ = try SignUpDecisionInput(&$0) }, answer: "SignUp"),
            APIOperation("post", "/api/v1/service-records/import",
                         "导入纸质台账：请求体为 xlsx 或 csv 文件（列：" + PaperLedger.header.joined(separator: "、") + "）；全部行无误才写入，否则 422 并列出每行的问题",
                         tag: records, hints: [("format", "xlsx 或 csv")], body: ["type": "string", "contentMediaType": "text/csv"],
                         answer: .json("RecordImport"), spreadsheetBody: true),
            op("post", "/api/v1/service-records/{id}/corrections", "申请更正服务记录", records, body: { _ = try CorrectionInput(&$0) },
               answer: "Correction", status: "201"),
            op("get", "/api/v1/corrections", "待处理的更正申请", records, answer: "CorrectionList"),
            op("post", "/api/v1/corrections/{id}/decision", "处理更正申请（更正即追加一条新记录）", records, body: { _ = try CorrectionDecisionInput(&$0) },
               answer: "Correction"),
            op("get", "/api/v1/volunteer-certificates/{id}", "一份服务记录证明", records, answer: "VolunteerCertificate"),
            op("post", "/api/v1/volunteer-certificates/{id}/revoke", "撤销证明", records, body: { _ = try RevokeInput(&$0) }, answer: "VolunteerCertificate"),
        ], schemas: schemas)
    }

    static var schemas: [String: Any] {
        let volunteer = object([
            "id": integer, "number": string, "residentId": integer, "userId": integer, "name": string, "regionId": integer, "regionPath": string,
            "status": choice(VolunteerStatus.self), "skills": array(string), "availability": array(string), "areaIds": array(integer),
            "consentAt": integer, "appliedAt": integer, "approvedAt": integer, "certifiedMinutes": integer, "stars": integer,
        ], required: ["id", "residentId", "name", "regionId", "regionPath", "status", "skills", "availability", "areaIds", "appliedAt",
                      "certifiedMinutes", "stars"])
        let role = object([
            "id": integer, "name": string, "capacity": integer, "startsAt": integer, "endsAt": integer, "qualification": string,
            "defaultMinutes": integer, "confirmed": integer, "held": integer, "waiting": integer,
        ], required: ["id", "name", "capacity", "startsAt", "endsAt", "defaultMinutes", "confirmed", "held", "waiting"])
        let activityFields: [String: Any] = [
            "id": integer, "title": string, "kind": choice(ActivityKind.self), "state": choice(ActivityState.self), "description": string,
            "regionId": integer, "regionPath": string, "placeName": string, "targetRegionId": integer, "targetPath": string, "targetTag": string,
            "teamId": integer, "beneficiary": string, "lead": string, "startsAt": integer, "endsAt": integer, "signUpOpens": integer,
            "signUpCloses": integer, "cancelDeadline": integer, "waitingList": choice(WaitingListMode.self), "holdMinutes": integer,
            "cutoffMinutes": integer, "cancelReason": string, "createdBy": integer, "roles": array(ref("ActivityRole")),
        ]
        let activity = object(activityFields, required: ["id", "title", "kind", "state", "description", "regionId", "regionPath", "placeName",
                                                         "targetRegionId", "targetPath", "beneficiary", "lead", "startsAt", "endsAt", "signUpOpens",
                                                         "signUpCloses", "cancelDeadline", "waitingList", "holdMinutes", "cutoffMinutes", "roles"])
        let signUp = object([
            "id": integer, "activityId": integer, "roleId": integer, "residentId": integer, "volunteerId": integer, "name": string,
            "status": choice(SignUpStatus.self), "queuedAt": integer, "holdUntil": integer, "checkedInAt": integer, "checkedOutAt": integer,
            "checkInMethod": choice(CheckInMethod.self), "attendance": choice(Attendance.self), "createdAt": integer,
        ], required: ["id", "activityId", "roleId", "residentId", "name", "status", "queuedAt", "createdAt"])
        let record = object([
            "id": integer, "volunteerId": integer, "volunteerNumber": string, "name": string, "activityId": integer, "activityTitle": string,
            "role": string, "serviceDate": string, "place": string, "beneficiary": string, "content": string, "minutes": integer, "rating": integer,
            "lead": string, "recorder": string, "source": choice(RecordSource.self), "supersedes": integer, "supersededBy": integer,
            "flagged": boolean, "recordedAt": integer,
        ], required: ["id", "volunteerId", "name", "activityTitle", "role", "serviceDate", "place", "beneficiary", "content", "minutes", "lead",
                      "recorder", "source", "flagged", "recordedAt"])
        let correction = object([
            "id": integer, "recordId": integer, "volunteerId": integer, "name": string, "activityTitle": string, "currentMinutes": integer,
            "proposedMinutes": integer, "reason": string, "state": choice(CorrectionState.self), "decisionNote": string, "newRecordId": integer,
            "askedAt": integer,
        ], required: ["id", "recordId", "volunteerId", "name", "activityTitle", "currentMinutes", "proposedMinutes", "reason", "state", "askedAt"])
        let certificate = object([
            "id": integer, "number": string, "volunteerId": integer, "volunteerNumber": string, "name": string, "issuer": string, "minutes": integer,
            "records": integer, "firstDate": string, "lastDate": string, "issuedAt": integer, "token": string, "revokedAt": integer,
            "revokeReason": string,
        ], required: ["id", "number", "volunteerId", "volunteerNumber", "name", "issuer", "minutes", "records", "issuedAt", "token"])
        let team = object([
            "id": integer, "name": string, "kind": choice(VolunteerTeamKind.self), "regionId": integer, "regionPath": string, "parentId": integer,
            "sponsor": string, "memberCount": integer,
        ], required: ["id", "name", "kind", "regionId", "regionPath", "memberCount"])
        let member = object([
            "teamId": integer, "volunteerId": integer, "name": string, "number": string, "role": choice(VolunteerTeamRole.self),
            "status": choice(MembershipStatus.self),
        ], required: ["teamId", "volunteerId", "name", "role", "status"])
        return [
            "Volunteer": volunteer, "VolunteerPage": page("Volunteer"), "ActivityRole": role, "Activity": activity, "ActivityList": list("Activity"),
            "SignUp": signUp, "SignUpList": list("SignUp"), "ServiceRecord": record, "Correction": correction, "CorrectionList": list("Correction"),
            "VolunteerCertificate": certificate, "VolunteerTeam": team, "VolunteerTeamList": list("VolunteerTeam"),
            "VolunteerTeamMember": member, "VolunteerTeamMemberList": list("VolunteerTeamMember"),
            "VolunteerTeamBody": object(["team": ref("VolunteerTeam"), "members": array(ref("VolunteerTeamMember"))], required: ["team", "members"]),
            "VolunteerIdentity": object(["residentId": integer, "name": string, "address": string], required: ["residentId", "name", "address"]),
            "StarStanding": object(["stars": integer, "hours": integer, "nextAt": integer, "progress": number], required: ["stars", "hours", "progress"]),
            "MyVolunteering": object(["volunteer": ref("Volunteer"), "standing": ref("StarStanding"), "records": array(ref("ServiceRecord")),
                                      "corrections": array(ref("Correction")), "certificates": array(ref("VolunteerCertificate")),
                                      "signUps": array(ref("SignUp"))], required: ["records", "corrections", "certificates", "signUps"]),
            "ActivityBody": object(["activity": ref("Activity"), "mine": ref("SignUp"), "waitingPosition": integer, "refusal": string,
                                    "mayManage": boolean], required: ["activity", "mayManage"]),
            "Certification": object(["activity": ref("Activity"), "records": array(ref("ServiceRecord"))], required: ["activity", "records"]),
            "SignUpResult": object(["signUp": ref("SignUp"), "waitingPosition": integer, "warning": string], required: ["signUp"]),
            "CheckInCode": object(["code": string, "path": string, "refreshIn": integer], required: ["code", "path", "refreshIn"]),
            "VolunteerDone": object(["ok": boolean], required: ["ok"]),
            "RecordImport": object(["imported": integer], required: ["imported"]),
        ]
    }
}
