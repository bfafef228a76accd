/// The audit trail's page.
enum AuditTemplates {
    static let all: [String: String] = ["audit.list": """
    <header class="page-head"><h1>审计日志</h1><p class="muted">每一次写操作都记录在案：谁、何时、从哪里、做了什么、改动前后。记录按哈希链相连，不可篡改。</p></header>
    <form method="get" action="/audit" class="form-inline card">
      <label>操作 <select name="action"><option value="">全部</option>{{#actions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/actions}}</select></label>
      <label>对象 <select name="entityType"><option value="">全部</option>{{#entities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/entities}}</select></label>
      <label>操作人 <input name="actor" maxlength="60" value="{{actorName}}"></label>
      <button class="btn">筛选</button>
    </form>
    {{#canVerify}}<form method="post" action="/audit/verify" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn">校验审计链</button></form>{{/canVerify}}
    <section class="card scroll-x">
    <table class="table cards" id="audit"><thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>IP</th><th>操作</th><th>对象</th><th>改动（前 → 后）</th></tr></thead><tbody>
    {{#entries}}<tr><td data-label="序号">{{seq}}</td><td class="nowrap" data-label="时间">{{time}}</td><td data-label="操作人">{{actor}}</td>
      <td data-label="IP">{{ip}}</td><td data-label="操作">{{actionLabel}}</td><td data-label="对象">{{entity}}</td>
      <td data-label="改动">{{#hasChanges}}<ul class="changes">{{#changes}}<li><span class="muted">{{field}}：</span>{{#both}}{{before}} → {{after}}{{/both}}{{^both}}{{#after}}{{after}}{{/after}}{{^after}}{{before}} → （已删除）{{/after}}{{/both}}</li>{{/changes}}</ul>{{/hasChanges}}
      {{#raw}}<span class="json">{{raw}}</span>{{/raw}}</td></tr>{{/entries}}
    </tbody></table>
    {{^entries}}<p class="muted">没有记录。</p>{{/entries}}
    {{#next}}<nav class="pager"><a href="{{next}}">更早的记录</a></nav>{{/next}}
    </section>
    """]
}
