import LinliKit

/// Requests, tracking, the catalog, the calendar and metrics in the OpenAPI document.
extension RequestsAPI: APIDocumenting {
    static var api: APIDescription { APIDescription(operations: operations, schemas: schemas) }

    /// A workflow step reads different fields for each action: its body is the union over
    /// the actions (over those a 查询码 allows, on the tracking route).
    static func steps(_ kinds: [RequestActionKind]) -> RecordedFields {
        var recorded = Fields.rules(given: kinds.map { ["action": .text($0.rawValue)] }) { _ = try? ActionInput(&$0) }
        recorded.rules["action"]?.required = true
        recorded.rules["action"]?.choices = kinds.map(\.rawValue)
        return recorded
    }

    static var schemas: [String: Any] { [
        "Request": object([
            "id": integer, "trackingCode": string, "itemId": integer, "categoryId": integer, "channel": choice(IntakeChannel.self),
            "state": choice(RequestState.self), "stateLabel": string, "description": string,
            "answers": ["type": "object", "additionalProperties": array(string)], "place": string, "address": string,
            "lat": nullable(number), "long": nullable(number), "contactName": nullable(string), "phone": nullable(string), "anonymous": boolean,
            "handlerId": nullable(integer), "coHandlerIds": array(integer), "submittedAt": time, "due": nullable(time), "overdue": boolean,
            "rating": nullable(integer), "reworkCount": integer, "reopenCount": integer, "escalationLevel": integer,
            "urgent": boolean, "awaitingPlace": boolean,
        ], required: ["id", "trackingCode", "itemId", "state", "description", "answers", "place", "submittedAt", "overdue"]),
        "RequestEvent": object([
            "id": integer, "kind": string, "label": string, "fromState": nullable(string), "toState": string, "actor": string, "actorRole": string,
            "note": nullable(string), "isInternal": boolean, "data": ["type": "object", "additionalProperties": string], "at": time,
            "photoIds": array(integer),
        ], required: ["id", "kind", "label", "toState", "actor", "at"]),
        "RequestDetail": object(["request": ref("Request"), "itemName": string, "categoryName": string, "events": array(ref("RequestEvent")),
                                 "roles": array(string), "actions": array(choice(RequestActionKind.self))],
                                required: ["request", "itemName", "events", "roles", "actions"]),
        "Submission": object(["request": ref("Request"), "repeated": boolean, "emergency": ref("EmergencyNotice")],
                             required: ["request", "repeated"]),
        "EmergencyNotice": object(["numbers": array(object(["number": string, "label": string], required: ["number", "label"])),
                                   "dutyPhone": string, "outOfHours": boolean, "dutyNotified": boolean],
                                  required: ["numbers", "outOfHours", "dutyNotified"]),
        "RequestSummary": object(["id": integer, "trackingCode": string, "itemId": integer, "itemName": string, "state": string, "stateLabel": string, "channel": string,
                                  "place": string, "submittedAt": time, "due": nullable(time), "escalationLevel": integer,
                                  "urgent": boolean],
                                 required: ["id", "trackingCode", "itemName", "state", "submittedAt"]),
        "RequestPage": page("RequestSummary"),
        "Candidates": array(object(["id": integer, "displayName": string, "role": string, "suggested": boolean],
                                   required: ["id", "displayName", "role", "suggested"])),
        "DispatchResults": array(object(["id": integer, "ok": boolean, "state": nullable(string), "error": nullable(string)],
                                        required: ["id", "ok"])),
        "Tracking": object([
            "trackingCode": string, "itemName": string, "categoryName": string, "description": string,
            "answers": array(object(["question": string, "answer": string], required: ["question", "answer"])), "place": string,
            "state": string, "stateLabel": string, "submittedAt": time, "holder": nullable(string), "due": nullable(time),
            "steps": array(object(["label": string, "who": string, "note": nullable(string), "at": time, "photoIds": array(integer)],
                                  required: ["label", "who", "at"])),
            "rating": nullable(integer), "canWithdraw": boolean, "canAddInformation": boolean, "canRate": boolean,
        ], required: ["trackingCode", "itemName", "state", "steps", "canWithdraw", "canAddInformation", "canRate"]),
        "CatalogCategory": object(["id": integer, "code": string, "name": string, "description": string, "active": boolean],
                                  required: ["id", "code", "name", "active"]),
        "CatalogQuestion": object(["code": string, "label": string,
                                   "kind": ["type": "string", "enum": ["text", "number", "date", "single_choice", "multiple_choice"]],
                                   "required": boolean, "choices": array(string), "urgentChoices": array(string)],
                                  required: ["code", "label", "kind", "required", "choices"]),
        "CatalogItem": object([
            "id": integer, "categoryId": integer, "code": string, "name": string, "description": string,
            "handlerType": choice(HandlerType.self),
            "assignment": string, "respondHours": number, "handleHours": number, "verifyHours": number, "questions": array(ref("CatalogQuestion")),
            "channels": array(choice(IntakeChannel.self)), "allowsAnonymous": boolean, "active": boolean, "urgent": boolean,
        ], required: ["id", "categoryId", "code", "name", "handlerType", "questions", "channels"]),
        "Catalog": object(["categories": array(ref("CatalogCategory")), "items": array(ref("CatalogItem"))], required: ["categories", "items"]),
        "MetricFigures": object(["regionId": integer, "regionName": string, "counts": ["type": "object", "additionalProperties": integer],
                                 "responseRate": nullable(number), "onTimeClosureRate": nullable(number), "closureRate": nullable(number),
                                 "reworkRate": nullable(number), "reopenRate": nullable(number), "satisfactionRate": nullable(number),
                                 "averageRespondMinutes": nullable(number), "averageHandleMinutes": nullable(number),
                                 "averageVerifyMinutes": nullable(number)], required: ["regionId", "regionName", "counts"]),
        "Metrics": object(["from": string, "to": string, "total": ref("MetricFigures"), "children": array(ref("MetricFigures"))],
                          required: ["from", "to", "total", "children"]),
        "Calendar": object(["startMinute": integer, "endMinute": integer, "weekdays": array(integer), "warnMinutes": integer, "years": array(integer),
                            "days": array(object(["day": ["type": "string", "format": "date"], "kind": ["type": "string", "enum": ["holiday", "workday"]],
                                                  "name": string], required: ["day", "kind", "name"]))],
                           required: ["startMinute", "endMinute", "weekdays", "days"]),
    ] }

    /// The draft as `DraftInput` reads it, plus its `answers.<code>` fields.
    static var draftBody: [String: Any] {
        body(recorded: Fields.rules { _ = DraftInput(&$0, channel: nil, photos: []) },
             extra: ["patternProperties": ["^answers\\.": ["oneOf": [string, array(string)]]]])
    }

    static var operations: [APIOperation] { [
        APIOperation("get", "/api/v1/metrics",
                     "办理统计：区域（含下级）在日期范围内提交的诉求的各项指标，及各下级区域的同样指标（口径见 docs/requests.md）", tag: "诉求",
                     hints: [("regionId", "区域（默认本人管辖区域）"), ("regionCode", "区域编码"), ("from", "开始日期 YYYY-MM-DD"),
                             ("to", "结束日期")],
                     answer: .json("Metrics")),
        APIOperation("get", "/api/v1/catalog", "服务目录：类别与事项（含补充问题、时限、渠道）", tag: "诉求", answer: .json("Catalog")),
        APIOperation("get", "/api/v1/requests", "工作队列：待派遣、派给我的、即将超期、已超期、待核查、待回访、全部", tag: "诉求",
                     query: Fields.rules { _ = QueueFilter(&$0) }, answer: .json("RequestPage")),
        APIOperation("post", "/api/v1/requests",
                     "提交诉求（居民自助：self_service；工作人员：hotline/on_behalf/grid_worker）。"
                        + "可带 Idempotency-Key 头：重复提交返回首次结果（200, repeated=true）",
                     tag: "诉求", body: draftBody, answer: .json("Submission"), status: "201", multipart: true),
        APIOperation("get", "/api/v1/requests/{id}", "诉求详情、全程记录和当前可做的操作", tag: "诉求", answer: .json("RequestDetail")),
        APIOperation("post", "/api/v1/requests/{id}/actions", "办理一步（立案、派遣、签收、反馈、核查、评价……）；反馈与补充信息可附照片",
                     tag: "诉求", body: body(recorded: steps(RequestActionKind.allCases)), answer: .json("RequestDetail"), multipart: true),
        APIOperation("get", "/api/v1/requests/{id}/candidates", "可派遣的承办人（按分派规则推荐在前）", tag: "诉求",
                     answer: .json("Candidates")),
        APIOperation("post", "/api/v1/requests/{id}/place", "确定待定位诉求的地点（社区及以下，在诉求所在区域内）", tag: "诉求",
                     body: body(recorded: Fields.rules { _ = try? PlaceInput(&$0) }), answer: .json("RequestDetail")),
        APIOperation("post", "/api/v1/requests/dispatch", "批量派遣（逐件办理，单件失败不影响其他）", tag: "诉求",
                     body: body(recorded: Fields.rules { _ = try? BulkDispatchInput(&$0) }), answer: .json("DispatchResults")),
        APIOperation("get", "/api/v1/requests/{id}/photos/{photo}", "诉求照片", tag: "诉求", answer: .photo),
        APIOperation("get", "/api/v1/track/{code}", "凭查询码查看办理进度（不含内部备注和工作人员姓名；无需登录）", tag: "诉求查询",
                     answer: .json("Tracking"), textParameters: ["code"], rateLimited: true),
        APIOperation("post", "/api/v1/track/{code}/actions", "凭查询码撤回（派遣前）、补充信息或评价（结案后）", tag: "诉求查询",
                     body: body(recorded: steps(RequestService.trackingCodeActions)), answer: .json("Tracking"), multipart: true,
                     textParameters: ["code"], rateLimited: true),
        APIOperation("post", "/api/v1/catalog/categories", "新增服务类别", tag: "服务目录",
                     body: body(recorded: Fields.rules { _ = CategoryInput(&$0) }), answer: .json("CatalogCategory"), status: "201"),
        APIOperation("put", "/api/v1/catalog/categories/{id}", "修改服务类别", tag: "服务目录",
                     body: body(recorded: Fields.rules { _ = CategoryInput(&$0) }), answer: .json("CatalogCategory")),
        APIOperation("post", "/api/v1/catalog/items", "新增服务事项", tag: "服务目录",
                     body: body(recorded: Fields.rules { _ = ItemInput(&$0) }), answer: .json("CatalogItem"), status: "201"),
        APIOperation("put", "/api/v1/catalog/items/{id}", "修改服务事项", tag: "服务目录",
                     body: body(recorded: Fields.rules { _ = ItemInput(&$0) }), answer: .json("CatalogItem")),
        APIOperation("get", "/api/v1/calendar", "工作日历：工作时间与某年的放假、调休", tag: "服务目录",
                     query: Fields.rules { _ = CalendarYearInput(&$0) }, answer: .json("Calendar")),
        APIOperation("put", "/api/v1/calendar/days/{day}", "设为放假或调休上班日", tag: "服务目录",
                     body: body(recorded: Fields.rules { _ = try? CalendarDayInput(&$0) }), answer: .empty, status: "204",
                     textParameters: ["day"]),
        APIOperation("delete", "/api/v1/calendar/days/{day}", "删除一天的调整", tag: "服务目录", answer: .empty, status: "204",
                     textParameters: ["day"]),
        APIOperation("put", "/api/v1/calendar/settings", "工作时间、工作日与即将超期提醒时间", tag: "服务目录",
                     body: body(recorded: Fields.rules { _ = SettingsInput(&$0) }), answer: .empty, status: "204"),
    ] }
}
