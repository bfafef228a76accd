import Foundation
import Requests

/// The requests, catalog, calendar and tracking parts of the OpenAPI document.
extension OpenAPIDocument {
    static let states = RequestState.allCases.map(\.rawValue)
    static let channels = IntakeChannel.allCases.map(\.rawValue)
    static let actionKinds = RequestActionKind.allCases.map(\.rawValue)
    static var time: [String: Any] { ["type": "string", "format": "date-time"] }
    static func array(_ schema: [String: Any]) -> [String: Any] { ["type": "array", "items": schema] }
    static var number: [String: Any] { ["type": "number"] }

    static var requestSchemas: [String: Any] { [
        "Request": object([
            "id": integer, "trackingCode": string, "itemId": integer, "categoryId": integer, "channel": ["type": "string", "enum": channels],
            "state": ["type": "string", "enum": states], "stateLabel": string, "description": string,
            "answers": ["type": "object", "additionalProperties": array(string)], "place": string, "address": string,
            "lat": nullable(number), "long": nullable(number), "contactName": nullable(string), "phone": nullable(string), "anonymous": boolean,
            "handlerId": nullable(integer), "coHandlerIds": array(integer), "submittedAt": time, "due": nullable(time), "overdue": boolean,
            "rating": nullable(integer), "reworkCount": integer, "reopenCount": integer, "escalationLevel": integer,
        ], required: ["id", "trackingCode", "itemId", "state", "description", "answers", "place", "submittedAt", "overdue"]),
        "RequestEvent": object([
            "id": integer, "kind": string, "label": string, "fromState": nullable(string), "toState": string, "actor": string, "actorRole": string,
            "note": nullable(string), "isInternal": boolean, "data": ["type": "object", "additionalProperties": string], "at": time,
            "photoIds": array(integer),
        ], required: ["id", "kind", "label", "toState", "actor", "at"]),
        "RequestDetail": object(["request": ref("Request"), "itemName": string, "categoryName": string, "events": array(ref("RequestEvent")),
                                 "roles": array(string), "actions": array(["type": "string", "enum": actionKinds])],
                                required: ["request", "itemName", "events", "roles", "actions"]),
        "Submission": object(["request": ref("Request"), "repeated": boolean], required: ["request", "repeated"]),
        "RequestSummary": object(["id": integer, "trackingCode": string, "itemName": string, "state": string, "stateLabel": string, "channel": string,
                                  "place": string, "submittedAt": time, "due": nullable(time), "escalationLevel": integer],
                                 required: ["id", "trackingCode", "itemName", "state", "submittedAt"]),
        "RequestPage": object(["items": array(ref("RequestSummary")), "total": integer, "limit": integer, "offset": integer],
                              required: ["items", "total", "limit", "offset"]),
        "Candidates": array(object(["id": integer, "displayName": string, "role": string, "suggested": boolean], required: ["id", "displayName", "role", "suggested"])),
        "DispatchResults": array(object(["id": integer, "ok": boolean, "state": nullable(string), "error": nullable(string)], required: ["id", "ok"])),
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
                                   "required": boolean, "choices": array(string)], required: ["code", "label", "kind", "required", "choices"]),
        "CatalogItem": object([
            "id": integer, "categoryId": integer, "code": string, "name": string, "description": string,
            "handlerType": ["type": "string", "enum": ["grid_worker", "community_staff", "social_worker", "social_organization", "volunteer_team", "department"]],
            "assignment": string, "respondHours": number, "handleHours": number, "verifyHours": number, "questions": array(ref("CatalogQuestion")),
            "channels": array(["type": "string", "enum": channels]), "allowsAnonymous": boolean, "active": boolean,
        ], required: ["id", "categoryId", "code", "name", "handlerType", "questions", "channels"]),
        "Catalog": object(["categories": array(ref("CatalogCategory")), "items": array(ref("CatalogItem"))], required: ["categories", "items"]),
        "Message": object(["id": integer, "title": string, "body": string, "link": nullable(string), "createdAt": integer, "readAt": nullable(integer)],
                          required: ["id", "title", "body", "createdAt"]),
        "Inbox": object(["items": array(ref("Message")), "total": integer, "unread": integer, "limit": integer, "offset": integer],
                        required: ["items", "total", "unread", "limit", "offset"]),
        "Marked": object(["marked": integer], required: ["marked"]),
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
        recorded("POST /api/v1/requests", extra: ["patternProperties": ["^answers\\.": ["oneOf": [string, array(string)]]]])
    }

    static var requestOperations: [Operation] { [
        Operation(method: "get", path: "/api/v1/notifications", summary: "我的站内消息", tag: "消息",
                  query: [("unread", "1 为只看未读"), ("limit", "每页条数"), ("offset", "起始位置")], response: "Inbox"),
        Operation(method: "post", path: "/api/v1/notifications/{id}/read", summary: "标为已读", tag: "消息", response: "Message"),
        Operation(method: "post", path: "/api/v1/notifications/read-all", summary: "全部标为已读", tag: "消息", response: "Marked"),
        Operation(method: "get", path: "/api/v1/metrics", summary: "办理统计：区域（含下级）在日期范围内提交的诉求的各项指标，及各下级区域的同样指标（口径见 docs/requests.md）",
                  tag: "诉求", query: [("regionId", "区域（默认本人管辖区域）"), ("regionCode", "区域编码"), ("from", "开始日期 YYYY-MM-DD"), ("to", "结束日期")],
                  response: "Metrics"),
        Operation(method: "get", path: "/api/v1/catalog", summary: "服务目录：类别与事项（含补充问题、时限、渠道）", tag: "诉求", response: "Catalog"),
        Operation(method: "get", path: "/api/v1/requests", summary: "工作队列：待派遣、我的待办、即将超期、已超期、待核查、待回访、全部", tag: "诉求",
                  query: [("queue", "dispatch|mine|due_soon|overdue|verify|review|all"), ("regionId", "区域"), ("categoryId", "类别"),
                          ("state", "状态"), ("channel", "渠道"), ("limit", "每页条数"), ("offset", "起始位置")], response: "RequestPage"),
        Operation(method: "post", path: "/api/v1/requests",
                  summary: "提交诉求（居民自助：self_service；工作人员：hotline/on_behalf/grid_worker）。可带 Idempotency-Key 头：重复提交返回首次结果（200, repeated=true）",
                  tag: "诉求", body: draftBody, response: "Submission", status: "201", multipart: true),
        Operation(method: "get", path: "/api/v1/requests/{id}", summary: "诉求详情、全程记录和当前可做的操作", tag: "诉求", response: "RequestDetail"),
        Operation(method: "post", path: "/api/v1/requests/{id}/actions", summary: "办理一步（立案、派遣、签收、反馈、核查、评价……）；反馈与补充信息可附照片",
                  tag: "诉求", body: recorded("POST /api/v1/requests/{id}/actions"), response: "RequestDetail", multipart: true),
        Operation(method: "get", path: "/api/v1/requests/{id}/candidates", summary: "可派遣的承办人（按分派规则推荐在前）", tag: "诉求", response: "Candidates"),
        Operation(method: "post", path: "/api/v1/requests/dispatch", summary: "批量派遣（逐件办理，单件失败不影响其他）", tag: "诉求",
                  body: recorded("POST /api/v1/requests/dispatch"),
                  response: "DispatchResults"),
        Operation(method: "get", path: "/api/v1/requests/{id}/photos/{photo}", summary: "诉求照片", tag: "诉求", response: "Request", isPhoto: true),
        Operation(method: "get", path: "/api/v1/track/{code}", summary: "凭查询码查看办理进度（不含内部备注和工作人员姓名；无需登录）", tag: "诉求查询",
                  response: "Tracking"),
        Operation(method: "post", path: "/api/v1/track/{code}/actions", summary: "凭查询码撤回（派遣前）、补充信息或评价（结案后）", tag: "诉求查询",
                  body: recorded("POST /api/v1/track/{code}/actions"), response: "Tracking", multipart: true),
        Operation(method: "post", path: "/api/v1/catalog/categories", summary: "新增服务类别", tag: "服务目录", body: recorded("POST /api/v1/catalog/categories"),
                  response: "CatalogCategory", status: "201"),
        Operation(method: "put", path: "/api/v1/catalog/categories/{id}", summary: "修改服务类别", tag: "服务目录", body: recorded("PUT /api/v1/catalog/categories/{id}"),
                  response: "CatalogCategory"),
        Operation(method: "post", path: "/api/v1/catalog/items", summary: "新增服务事项", tag: "服务目录", body: recorded("POST /api/v1/catalog/items"), response: "CatalogItem", status: "201"),
        Operation(method: "put", path: "/api/v1/catalog/items/{id}", summary: "修改服务事项", tag: "服务目录", body: recorded("PUT /api/v1/catalog/items/{id}"), response: "CatalogItem"),
        Operation(method: "get", path: "/api/v1/calendar", summary: "工作日历：工作时间与某年的放假、调休", tag: "服务目录", query: [("year", "年份")],
                  response: "Calendar"),
        Operation(method: "put", path: "/api/v1/calendar/days/{day}", summary: "设为放假或调休上班日", tag: "服务目录",
                  body: recorded("PUT /api/v1/calendar/days/{day}"),
                  response: "Calendar", status: "204"),
        Operation(method: "delete", path: "/api/v1/calendar/days/{day}", summary: "删除一天的调整", tag: "服务目录", response: "Calendar", status: "204"),
        Operation(method: "put", path: "/api/v1/calendar/settings", summary: "工作时间、工作日与即将超期提醒时间", tag: "服务目录",
                  body: recorded("PUT /api/v1/calendar/settings"),
                  response: "Calendar", status: "204"),
    ] }
}
