/// The audit trail's page.
enum AuditTemplates {
    static let all: [String: String] = ["audit.list": """
    <header class="page-head"><h1>审计日志</h1><p class="muted">每一次写操作都记录在案：谁、何时、从哪里、做了什么、改动前后。记录按哈希链相连，不可篡改。</p></header>
    <form method="get" action="/audit" class="form-inline card">
      <label>操作 <input name="action" maxlength="60" value="{{action}}" placeholder="如 region.create"></label>
      <label>对象类型 <input name="entityType" maxlength="60" value="{{entityType}}" placeholder="如 region"></label>
      <label>操作人 <input name="actor" maxlength="60" value="{{actorName}}"></label>
      <button class="btn">筛选</button>
    </form>
    {{#canVerify}}<form method="post" action="/audit/verify" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn">校验审计链</button></form>{{/canVerify}}
    <section class="card scroll-x">
    <table class="table" id="audit"><thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>IP</th><th>操作</th><th>对象</th><th>改动前</th><th>改动后</th></tr></thead><tbody>
    {{#entries}}<tr><td>{{seq}}</td><td class="nowrap">{{time}}</td><td>{{actor}}</td><td>{{ip}}</td><td>{{actionLabel}} <code>{{action}}</code></td><td>{{entity}}</td><td class="json">{{before}}</td><td class="json">{{after}}</td></tr>{{/entries}}
    </tbody></table>
    {{^entries}}<p class="muted">没有记录。</p>{{/entries}}
    {{#next}}<nav class="pager"><a href="{{next}}">更早的记录</a></nav>{{/next}}
    </section>
    """]
}
