import LinliKit

/// 网格工作 in the OpenAPI document.
extension GridWorkAPI: APIDocumenting {
    static var api: APIDescription {
        func op(_ method: String, _ path: String, _ summary: String, _ tag: String, query: RecordedFields? = nil,
                body read: ((inout Fields) throws -> Void)? = nil, answer: String, status: String = "200",
                multipart: Bool = false) -> APIOperation {
            APIOperation(method, path, summary, tag: tag, query: query, body: read.map { read in body(recorded: Fields.rules { try? read(&$0) }) },
                         answer: .json(answer), status: status, multipart: multipart)
        }
        let day = "网格工作", visits = "走访", events = "重大事件", rules = "网格规则", patrols = "巡查"
        let regionQuery = Fields.rules { _ = $0.integer("regionId", "区域") }
        return APIDescription(operations: [
            op("get", "/api/v1/grid/day", "今日网格工作：超期、今天到期、本周到期的走访对象，进行中的重大事件", day, answer: "GridDay"),
            op("get", "/api/v1/grid/plan", "某区域的走访计划（按到期时间），dueWithinDays 为几天内到期", visits,
               query: Fields.rules { _ = try? PlanQuery(&$0) }, answer: "VisitPlan"),
            op("get", "/api/v1/grid/visits", "走访记录：某居民的（residentId），或某区域某月的（regionId、month）", visits,
               query: Fields.rules { _ = try? VisitsQuery(&$0) }, answer: "VisitList"),
            op("post", "/api/v1/grid/visits", "登记走访（可附照片；带 idempotencyKey 重复提交返回首次结果，200, repeated=true）", visits,
               body: { _ = try VisitInput(&$0, photos: [], now: .distantPast) }, answer: "VisitSubmission", status: "201", multipart: true),
            op("get", "/api/v1/grid/visits/{id}", "一次走访，及由它登记的诉求", visits, answer: "VisitDetail"),
            op("get", "/api/v1/grid/events", "管辖范围内的重大事件", events, answer: "MajorEventList"),
            op("post", "/api/v1/grid/events", "发布重大事件：范围内的高风险对象须在规定小时内探访", events,
               body: { _ = try EventInput(&$0) }, answer: "EventDeclaration", status: "201"),
            op("post", "/api/v1/grid/events/{id}/end", "结束重大事件", events, answer: "MajorEvent"),
            op("post", "/api/v1/grid/patrols", "开始巡查（已有未结束的巡查时返回它）", patrols, body: { _ = try PatrolStartInput(&$0) },
               answer: "Patrol", status: "201"),
            op("get", "/api/v1/grid/patrols", "巡查记录：某区域某月的（regionId、month）", patrols, query: Fields.rules { _ = try? VisitsQuery(&$0) },
               answer: "PatrolList"),
            op("post", "/api/v1/grid/patrols/past", "补录巡查（31 天以内；开始、结束时间和经过的楼栋）", patrols,
               body: { _ = try PastPatrolInput(&$0) }, answer: "Patrol", status: "201"),
            op("get", "/api/v1/grid/patrols/progress", "某网格今天的巡查定量完成情况和待巡楼栋", patrols,
               query: Fields.rules { _ = $0.integer("gridId", "网格", required: true) }, answer: "PatrolProgress"),
            op("get", "/api/v1/grid/patrols/{id}", "一次巡查", patrols, answer: "Patrol"),
            op("post", "/api/v1/grid/patrols/{id}/check-ins", "经过楼栋：勾选（buildingId）或扫楼栋码（plate）", patrols,
               body: { _ = try CheckInInput(&$0) }, answer: "Patrol"),
            op("post", "/api/v1/grid/patrols/{id}/problems", "发现问题：即时处理，或上报为诉求（itemId，可附照片；未选楼栋时按 lat/long 定位到楼栋）", patrols,
               body: { _ = try ProblemFields(&$0, photos: []) }, answer: "Patrol", status: "201", multipart: true),
            op("post", "/api/v1/grid/patrols/{id}/end", "结束巡查", patrols, body: { _ = try PatrolEndInput(&$0) }, answer: "Patrol"),
            op("get", "/api/v1/grid/coverage", "走访覆盖：某区域某月的走访对象、已走访、覆盖率、超期、重大事件后未按时探访，及各下级", visits,
               query: Fields.rules { _ = try? VisitsQuery(&$0) }, answer: "Coverage"),
            op("get", "/api/v1/grid/rules/patrols", "现行巡查定量（每日次数、楼栋周期）", rules, query: regionQuery, answer: "PatrolQuotaInForce"),
            op("get", "/api/v1/grid/rules/visits", "现行走访规则（类别、频次、方式、标签和年龄）", rules, query: regionQuery, answer: "VisitRulesInForce"),
            op("get", "/api/v1/grid/rules/duties", "现行岗位职责（各岗位承担哪些工作）", rules, query: regionQuery, answer: "PostDutiesInForce"),
            op("get", "/api/v1/grid/rules/scores", "现行考核细则（各考核项及分值）", rules, query: regionQuery, answer: "ScoreRulesInForce"),
            op("put", "/api/v1/grid/rules/patrols", "修改巡查定量（区、街道、社区或网格；新的一版，写明依据）", rules,
               body: { _ = try PatrolQuotaInput(&$0) }, answer: "PatrolQuotaInForce"),
            op("put", "/api/v1/grid/rules/scores", "修改考核细则（按区；points.<考核项> 为分值，留空不考核；新的一版，写明依据）", rules,
               body: { _ = try ScoreRulesInput(&$0) }, answer: "ScoreRulesInForce"),
            op("get", "/api/v1/grid/scores", "考核定分：某区域某月各网格、各网格队伍成员的得分、每一分的来由及在社区、街道内的排名", "考核",
               query: Fields.rules { _ = try? VisitsQuery(&$0) }, answer: "Scores"),
        ], schemas: schemas)
    }

    static var schemas: [String: Any] {
        let plan = object([
            "residentId": integer, "name": string, "address": string, "phoneMasked": string, "tags": array(string), "visitClass": string,
            "className": string, "rulesVersion": integer, "since": integer, "lastVisitAt": integer, "periodDueAt": integer,
            "eventId": integer, "eventDueAt": integer, "dueAt": integer,
        ], required: ["residentId", "name", "address", "tags", "visitClass", "className", "rulesVersion", "since", "periodDueAt", "dueAt"])
        let finding = object(["check": choice(VisitCheck.self), "concern": boolean, "note": string], required: ["check", "concern"])
        let visit = object([
            "id": integer, "residentId": integer, "residentName": string, "visitorName": string, "visitedAt": integer,
            "method": choice(VisitMethod.self), "contact": choice(VisitContact.self), "findings": array(finding), "notes": string,
            "visitClass": string, "dueAt": integer, "late": boolean, "followUpBy": integer, "photoIds": array(integer), "recordedAt": integer,
        ], required: ["id", "residentId", "residentName", "visitorName", "visitedAt", "method", "contact", "findings", "late", "photoIds",
                      "recordedAt"])
        let event = object([
            "id": integer, "kind": choice(MajorEventKind.self), "title": string, "note": string, "regionId": integer, "regionName": string,
            "declaredAt": integer, "declaredBy": string, "endedAt": integer,
        ], required: ["id", "kind", "title", "regionId", "regionName", "declaredAt", "declaredBy"])
        let counts = object(["overdue": integer, "today": integer, "week": integer, "total": integer],
                            required: ["overdue", "today", "week", "total"])
        let visitClass = object(["code": string, "name": string, "cadence": choice(Cadence.self), "methods": array(choice(VisitMethod.self)),
                                 "onMajorEvents": boolean], required: ["code", "name", "cadence", "methods", "onMajorEvents"])
        let rule = object(["anyTags": array(string), "minAge": integer, "visitClass": string], required: ["anyTags", "visitClass"])
        let visitRules = object(["version": integer, "classes": array(visitClass), "rules": array(rule), "eventHours": integer,
                                 "newcomerDays": integer], required: ["version", "classes", "rules", "eventHours", "newcomerDays"])
        let duties = object(["tasks": ["type": "object", "additionalProperties": array(choice(GridTask.self))] as [String: Any]],
                            required: ["tasks"])
        func inForce(_ body: [String: Any]) -> [String: Any] {
            object(["regionId": integer, "regionName": string, "version": integer, "rules": body, "note": string, "editedBy": string,
                    "editedAt": integer], required: ["regionId", "regionName", "version", "rules", "note", "editedBy"])
        }
        let checkIn = object(["buildingId": integer, "buildingName": string, "at": integer, "way": choice(CheckInWay.self)],
                             required: ["buildingId", "buildingName", "at", "way"])
        let problem = object(["id": integer, "description": string, "buildingId": integer, "outcome": choice(ProblemOutcome.self),
                              "handledNote": string, "requestId": integer, "at": integer], required: ["id", "description", "outcome", "at"])
        let patrol = object(["id": integer, "gridId": integer, "gridName": string, "patrollerName": string, "startedAt": integer, "endedAt": integer,
                             "notes": string, "checkIns": array(checkIn), "problems": array(problem)],
                            required: ["id", "gridId", "gridName", "patrollerName", "startedAt", "checkIns", "problems"])
        let quota = object(["perDay": integer, "buildingEveryDays": integer], required: ["perDay", "buildingEveryDays"])
        let figures = object(["inCare": integer, "visited": integer, "overdue": integer, "visits": integer, "lateVisits": integer,
                              "eventDue": integer, "eventMissed": integer, "rate": number],
                             required: ["inCare", "visited", "overdue", "visits", "lateVisits", "eventDue", "eventMissed"])
        return [
            "Coverage": object(["regionId": integer, "regionName": string, "from": integer, "to": integer, "total": figures,
                                "children": array(object(["regionId": integer, "regionName": string, "figures": figures],
                                                         required: ["regionId", "regionName", "figures"]))],
                               required: ["regionId", "regionName", "from", "to", "total", "children"]),
            "Patrol": patrol, "PatrolList": list("Patrol"), "PatrolQuotaInForce": inForce(quota),
            "PatrolProgress": object(["perDay": integer, "buildingEveryDays": integer, "doneToday": integer, "patrolsLeft": integer,
                                      "buildingsDue": array(object(["id": integer, "name": string, "lastPassed": integer], required: ["id", "name"]))],
                                     required: ["perDay", "buildingEveryDays", "doneToday", "patrolsLeft", "buildingsDue"]),
            "PlanEntry": plan, "Visit": visit, "MajorEvent": event,
            "VisitList": list("Visit"), "MajorEventList": list("MajorEvent"),
            "VisitPlan": object(["regionId": integer, "regionName": string, "counts": counts, "items": array(ref("PlanEntry"))],
                                required: ["regionId", "regionName", "counts", "items"]),
            "VisitSubmission": object(["visit": ref("Visit"), "repeated": boolean, "plan": ref("PlanEntry")], required: ["visit", "repeated"]),
            "VisitDetail": object(["visit": ref("Visit"), "requests": array(object([
                "id": integer, "trackingCode": string, "itemName": string, "state": string], required: ["id", "trackingCode", "itemName", "state"]))],
                required: ["visit", "requests"]),
            "EventDeclaration": object(["event": ref("MajorEvent"), "madeDue": integer, "dueBy": integer], required: ["event", "madeDue", "dueBy"]),
            "GridDay": object([
                "grids": array(object(["id": integer, "name": string, "duty": string], required: ["id", "name", "duty"])),
                "unassigned": boolean, "counts": counts, "events": array(ref("MajorEvent")),
                "visits": array(object(["plan": ref("PlanEntry"), "bucket": choice(["overdue", "today", "week", "later"]),
                                        "methods": array(choice(VisitMethod.self)), "lastVisit": ref("Visit"), "eventId": integer],
                                       required: ["plan", "bucket", "methods"])),
                "patrols": array(object(["gridId": integer, "gridName": string, "perDay": integer, "doneToday": integer, "patrolsLeft": integer,
                                         "buildingsDue": integer],
                                        required: ["gridId", "gridName", "perDay", "doneToday", "patrolsLeft", "buildingsDue"])),
                "openPatrolId": integer,
            ], required: ["grids", "unassigned", "counts", "visits", "events", "patrols"]),
            "VisitRulesInForce": inForce(visitRules), "PostDutiesInForce": inForce(duties),
        ].merging(scoreSchemas) { a, _ in a }
    }
}
