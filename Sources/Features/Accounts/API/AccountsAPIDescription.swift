import LinliKit

/// Accounts and API tokens in the OpenAPI document.
extension AccountsAPI: APIDocumenting {
    static var api: APIDescription {
        APIDescription(operations: [
            APIOperation("get", "/api/v1/me", "当前身份、管辖范围与权限", tag: "账号", answer: .json("Me")),
            APIOperation("get", "/api/v1/users", "管辖范围内的账号（分页）", tag: "账号",
                         query: Fields.rules { _ = AccountFilter(&$0) }, answer: .json("AccountPage")),
            APIOperation("post", "/api/v1/users", "创建账号（角色不得高于自己）", tag: "账号",
                         body: body(recorded: Fields.rules { _ = NewAccountInput(&$0, regionField: .id) }),
                         answer: .json("Account"), status: "201"),
            APIOperation("get", "/api/v1/users/{id}", "读取账号", tag: "账号", answer: .json("Account")),
            APIOperation("post", "/api/v1/users/{id}/disable", "停用账号（会话立即失效）", tag: "账号", answer: .json("Account")),
            APIOperation("post", "/api/v1/users/{id}/enable", "启用账号", tag: "账号", answer: .json("Account")),
            APIOperation("post", "/api/v1/users/{id}/password", "重置账号密码", tag: "账号",
                         body: body(recorded: Fields.rules { _ = PasswordResetInput(&$0) }), answer: .json("Account")),
            APIOperation("get", "/api/v1/tokens", "API 令牌列表", tag: "API 令牌", answer: .json("APITokenList")),
            APIOperation("post", "/api/v1/tokens", "签发 API 令牌（密钥只返回这一次）", tag: "API 令牌",
                         body: body(recorded: Fields.rules { _ = TokenInput(&$0) }), answer: .json("IssuedToken"), status: "201"),
            APIOperation("delete", "/api/v1/tokens/{id}", "吊销 API 令牌", tag: "API 令牌", answer: .json("APIToken")),
        ], schemas: [
            "Account": object(["id": integer, "username": string, "displayName": string, "role": choice(Role.self),
                               "regionId": integer, "regionPath": string, "disabled": boolean, "createdAt": integer],
                              required: ["id", "username", "displayName", "role", "regionId", "disabled"]),
            "AccountPage": page("Account"),
            "Me": object(["id": nullable(integer), "username": string, "displayName": string, "role": nullable(string),
                          "roleLabel": nullable(string), "regionId": integer, "regionPath": string,
                          "permissions": array(string)], required: ["username", "permissions"]),
            "APIToken": object(["id": integer, "userId": integer, "username": string, "name": string, "prefix": string,
                                "createdAt": integer, "lastUsedAt": nullable(integer), "revoked": boolean],
                               required: ["id", "userId", "name", "prefix", "revoked"]),
            "APITokenList": list("APIToken"),
            "IssuedToken": object(["token": ref("APIToken"), "secret": string], required: ["token", "secret"]),
        ])
    }
}
