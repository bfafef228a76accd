import LinliKit

/// The console shell: layout, error page and home page (zh-CN text in one place).
enum ShellTemplates {
    static let all: [String: String] = ["layout": layout, "error": error, "home": home]

    static let layout = """
    <!doctype html>
    <html lang="zh-CN"{{#care}} class="care"{{/care}}>
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · 邻里</title>
    <link rel="stylesheet" href="/assets/linli.css">
    </head>
    <body>
    <header class="topbar">
      <a class="brand" href="/">邻里<small>社区治理与居民服务</small></a>
      {{#csrfToken}}<form method="post" action="/preferences/care" class="care-switch" id="care-switch-form">
        <input type="hidden" name="_csrf" value="{{csrfToken}}"><input type="hidden" name="next" value="{{here}}">
        <input type="hidden" name="on" value="{{#care}}0{{/care}}{{^care}}1{{/care}}">
        <button class="btn-care" id="care-switch" aria-pressed="{{#care}}true{{/care}}{{^care}}false{{/care}}">关怀模式（大字）</button></form>{{/csrfToken}}
      {{#user}}
      <div class="who"><a href="/account/password" title="修改密码">{{displayName}}</a> <span class="muted">{{roleLabel}}</span>
        <form method="post" action="/logout" class="logout"><input type="hidden" name="_csrf" value="{{csrfToken}}"><button class="link" id="logout">退出</button></form>
      </div>
      {{/user}}
    </header>
    {{#user}}<nav class="mainnav" aria-label="主导航">{{#navigation}}<a href="{{href}}"{{#active}} aria-current="page"{{/active}}>{{label}}</a>{{/navigation}}</nav>
    <nav class="phonenav" aria-label="主导航" id="phonenav">{{#phoneFirst}}<a href="{{href}}"{{#active}} aria-current="page"{{/active}}>{{label}}</a>{{/phoneFirst}}
    {{#hasMore}}<details class="more"><summary>更多</summary><div class="more-links">{{#phoneMore}}<a href="{{href}}"{{#active}} aria-current="page"{{/active}}>{{label}}</a>{{/phoneMore}}</div></details>{{/hasMore}}</nav>{{/user}}
    <main>
    {{#flash}}<div class="alert alert-ok" role="status" id="flash">{{flash}}</div>{{/flash}}
    {{{body}}}
    </main>
    <footer class="muted">邻里 Linli · 页面编号 {{requestId}}（反映问题时请告诉工作人员）</footer>
    </body>
    </html>
    """

    static let error = """
    <section class="card narrow" id="error">
      <h1>{{message}}</h1>
      {{#fields}}<p>{{message}}</p>{{/fields}}
      <p class="muted">状态码 {{status}} · 页面编号 {{requestId}}</p>
      <p><a href="/">回到首页</a></p>
    </section>
    """

    static let todayTitle = "今日待办"
    /// When nothing waiting for the actor has a time limit (a resident's own requests).
    static let mineTitle = "我的事项"

    static func label(of bucket: DueWindow.Bucket) -> String {
        switch bucket {
        case .overdue: "已超期"
        case .today: "今天到期"
        case .week: "7天内到期"
        case .later: ""
        }
    }

    static let home = """
    <header class="page-head"><h1>您好，{{displayName}}</h1><p class="muted">{{roleLabel}}</p></header>
    {{#today}}
    <section class="card today" id="today" aria-labelledby="today-title">
      <h2 id="today-title">{{title}}</h2>
      {{#counted}}<p class="today-counts" id="today-counts"><span class="count-overdue">已超期 <strong>{{overdue}}</strong></span>
        <span>今天到期 <strong>{{today}}</strong></span> <span>7天内到期 <strong>{{week}}</strong></span>
        <span class="muted">共 {{total}} 件</span></p>{{/counted}}
      {{#hasRows}}<ol class="due-list" id="due-items">
      {{#rows}}<li class="due-item{{#overdue}} is-overdue{{/overdue}}{{#dueToday}} is-today{{/dueToday}}">
        <a href="{{href}}">{{title}}</a> <span class="badge">{{status}}</span>
        <small class="muted">{{list}}{{#detail}} · {{detail}}{{/detail}}</small>
        {{#dueText}}<small class="due-when">{{#bucketLabel}}<strong>{{bucketLabel}}</strong> {{/bucketLabel}}{{dueLabel}} {{dueText}}</small>{{/dueText}}</li>{{/rows}}
      </ol>{{/hasRows}}
      {{^hasRows}}<p class="muted" id="today-empty">眼下没有待办。</p>{{/hasRows}}
      <ul class="due-lists" id="due-lists">{{#lists}}<li id="{{id}}"><a href="{{href}}">{{title}}</a> 共 {{total}} 件{{#hasOverdue}}，<strong class="danger">{{overdueCount}} 件已超期</strong>{{/hasOverdue}}{{#hasDueToday}}，{{dueTodayCount}} 件今天到期{{/hasDueToday}}</li>{{/lists}}</ul>
    </section>
    {{/today}}
    {{#blocks}}
    <section class="card home-block" id="{{id}}">
      <h2>{{title}}</h2>
      {{#text}}<p>{{#href}}<a href="{{href}}" id="{{id}}-link">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}</p>{{/text}}
      {{#search}}<form method="get" action="{{action}}" class="search" role="search"><label class="sr" for="{{id}}-q">{{label}}</label>
        <input id="{{id}}-q" name="{{name}}" type="search" maxlength="40" placeholder="{{placeholder}}"><button class="btn btn-primary">{{label}}</button></form>{{/search}}
      {{#hasLinks}}<ul class="choices">{{#links}}<li><a href="{{href}}">{{label}}{{#note}}<small>{{note}}</small>{{/note}}</a></li>{{/links}}</ul>{{/hasLinks}}
      {{#hasFigures}}<div class="stats">
      {{#figures}}<div class="stat"><span class="stat-value">{{value}}</span><span class="stat-label">{{label}}</span></div>{{/figures}}
      </div>{{/hasFigures}}
    </section>
    {{/blocks}}
    <section class="card">
      <h2>常用</h2>
      <ul class="links">
      {{#links}}<li><a href="{{href}}">{{label}}</a></li>{{/links}}
      <li><a href="/account/password">修改我的密码</a></li>
      </ul>
    </section>
    """
}
