/// Every page of the Accounts feature, in one place for review of the zh-CN text.
enum AccountsTemplates {
    static let all: [String: String] = [
        "accounts.login": login,
        "accounts.users": users,
        "accounts.user-new": userNew,
        "accounts.user": user,
        "accounts.password": password,
        "accounts.tokens": tokens,
    ]

    static let login = """
    <section class="login card">
      <h1>登录邻里</h1>
      <p class="muted">社区治理与居民服务平台</p>
      {{#error}}<div class="alert alert-error" role="alert" id="login-error">{{error}}</div>{{/error}}
      <form method="post" action="/login" class="form-stack" id="login-form">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="next" value="{{next}}">
        <label>登录名 <input name="username" autocomplete="username" required maxlength="32" value="{{username}}" autofocus></label>
        <label>密码 <input name="password" type="password" autocomplete="current-password" required maxlength="72"></label>
        {{#rememberDays}}<label class="check"><input type="checkbox" name="remember" value="1" id="remember"> 记住我（居民在自己的手机上，{{rememberDays}} 天内不用再输密码）</label>{{/rememberDays}}
        <button class="btn btn-primary" type="submit">登录</button>
      </form>
    </section>
    """

    static let users = """
    <header class="page-head"><h1>账号管理</h1><p class="muted">共 {{total}} 个账号（仅显示您管辖范围内的账号）</p></header>
    <form method="get" action="/users" class="form-inline card">
      <label>角色 <select name="role"><option value="">全部</option>{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></label>
      <label>登录名或姓名 <input name="q" maxlength="50" value="{{q}}"></label>
      <button class="btn">筛选</button>
      {{#canManage}}<a class="btn btn-primary" href="/users/new">新建账号</a>{{/canManage}}
    </form>
    <section class="card">
    <table class="table" id="users"><thead><tr><th>登录名</th><th>姓名</th><th>角色</th><th>状态</th></tr></thead><tbody>
    {{#items}}<tr><td><a href="/users/{{id}}">{{username}}</a></td><td>{{displayName}}</td><td>{{roleLabel}}</td><td>{{#disabled}}<span class="badge badge-muted">已停用</span>{{/disabled}}{{^disabled}}正常{{/disabled}}</td></tr>{{/items}}
    </tbody></table>
    {{^items}}<p class="muted">没有符合条件的账号。</p>{{/items}}
    <nav class="pager">{{#previous}}<a href="{{previous}}">上一页</a>{{/previous}} {{#next}}<a href="{{next}}">下一页</a>{{/next}}</nav>
    </section>
    """

    static let userNew = """
    <nav class="crumbs"><a href="/users">账号管理</a><span>›</span><strong>新建账号</strong></nav>
    <section class="card">
      <h1>新建账号</h1>
      {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
      <form method="post" action="/users" class="form-stack" id="user-form">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>登录名 <input name="username" required maxlength="32" value="{{values.username}}" placeholder="小写字母、数字"></label>
        <label>姓名 <input name="displayName" required maxlength="50" value="{{values.displayName}}"></label>
        <label>角色 <select name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></label>
        <label>所属区域（名称或编码） <input name="regionCode" required maxlength="60" value="{{values.regionCode}}" placeholder="如：建设社区、第一网格"></label>
        <label>初始密码 <input name="password" type="password" required minlength="8" maxlength="72" autocomplete="new-password"></label>
        <p class="muted">密码至少 8 位，须同时包含字母和数字。账号只能看到所属区域及其下级的数据。</p>
        <button class="btn btn-primary">创建</button>
      </form>
    </section>
    """

    static let user = """
    <nav class="crumbs"><a href="/users">账号管理</a><span>›</span><strong>{{account.displayName}}</strong></nav>
    <header class="page-head"><h1>{{account.displayName}} {{#account.disabled}}<span class="badge badge-muted">已停用</span>{{/account.disabled}}</h1>
    <p class="muted">登录名 {{account.username}} · {{roleLabel}} · 所属 <a href="/regions/{{account.regionId}}">{{regionName}}</a></p></header>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    {{#canManage}}
    <section class="card">
      <h2>维护</h2>
      {{#account.disabled}}
      <form method="post" action="/users/{{account.id}}/enable" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn">启用账号</button></form>
      {{/account.disabled}}
      {{^account.disabled}}
      <form method="post" action="/users/{{account.id}}/disable" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-danger">停用账号</button></form>
      {{/account.disabled}}
      <form method="post" action="/users/{{account.id}}/password" class="form-inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>重置密码 <input name="password" type="password" required minlength="8" maxlength="72" autocomplete="new-password"></label>
        <button class="btn">重置</button>
      </form>
      <p class="muted">停用或重置密码后，该账号的所有登录会话立即失效。</p>
    </section>
    {{/canManage}}
    """

    static let password = """
    <section class="card narrow">
      <h1>修改我的密码</h1>
      {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
      <form method="post" action="/account/password" class="form-stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>当前密码 <input name="current" type="password" required maxlength="72" autocomplete="current-password"></label>
        <label>新密码 <input name="password" type="password" required minlength="8" maxlength="72" autocomplete="new-password"></label>
        <button class="btn btn-primary">保存</button>
      </form>
    </section>
    """

    static let tokens = """
    <header class="page-head"><h1>API 令牌</h1><p class="muted">供外部系统调用 /api/v1 接口。令牌以所属账号的身份和管辖范围行事。</p></header>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    {{#issued}}<div class="alert alert-ok" role="status">新令牌（只显示这一次，请立即保存）：<code id="new-token">{{issued}}</code></div>{{/issued}}
    <section class="card">
    <table class="table" id="tokens"><thead><tr><th>用途</th><th>所属账号</th><th>前缀</th><th>签发时间</th><th>最近使用</th><th></th></tr></thead><tbody>
    {{#items}}<tr><td>{{name}}</td><td>{{username}}</td><td><code>{{prefix}}…</code></td><td>{{createdText}}</td><td>{{lastUsedText}}</td>
    <td>{{#revoked}}<span class="badge badge-muted">已吊销</span>{{/revoked}}{{^revoked}}<form method="post" action="/tokens/{{id}}/revoke"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-small btn-danger">吊销</button></form>{{/revoked}}</td></tr>{{/items}}
    </tbody></table>
    {{^items}}<p class="muted">尚未签发令牌。</p>{{/items}}
    </section>
    <section class="card">
      <h2>签发令牌</h2>
      <form method="post" action="/tokens" class="form-inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>所属账号 <input name="username" required maxlength="32"></label>
        <label>用途 <input name="name" required maxlength="100" placeholder="例如：12345 热线对接"></label>
        <button class="btn btn-primary">签发</button>
      </form>
    </section>
    """
}
