import LinliKit

/// The inbox in the OpenAPI document.
extension InboxPages: APIDocumenting {
    static var api: APIDescription {
        APIDescription(operations: [
            APIOperation("get", "/api/v1/notifications", "我的站内消息", tag: "消息",
                         query: Fields.rules { _ = InboxFilter(&$0) }, answer: .json("Inbox")),
            APIOperation("post", "/api/v1/notifications/{id}/read", "标为已读", tag: "消息", answer: .json("Message")),
            APIOperation("post", "/api/v1/notifications/read-all", "全部标为已读", tag: "消息", answer: .json("Marked")),
        ], schemas: [
            "Message": object(["id": integer, "title": string, "body": string, "link": nullable(string), "createdAt": integer,
                               "readAt": nullable(integer)], required: ["id", "title", "body", "createdAt"]),
            "Inbox": object(["items": array(ref("Message")), "total": integer, "unread": integer, "limit": integer, "offset": integer],
                            required: ["items", "total", "unread", "limit", "offset"]),
            "Marked": object(["marked": integer], required: ["marked"]),
        ])
    }
}
