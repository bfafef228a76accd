/// 值班安排 pages (zh-CN text in one place).
enum DutyTemplates {
    static let all: [String: String] = ["duty.roster": roster]

    static let roster = """
    <header class="page-head"><h1>值班安排</h1>
    <p class="muted">非工作时间的紧急诉求会立即通知当时的值班人员；居民提交紧急诉求时会看到值班电话。</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="duty-error">{{error}}</div>{{/error}}
    <form method="get" action="/duty" class="card form-inline" id="duty-place">
      <label>社区或街道 <select name="regionId">{{#places}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/places}}</select></label>
      <button class="btn">查看</button>
    </form>
    {{#place}}
    <section class="card" id="duty-phone">
      <h2>{{name}} 值班电话</h2>
      {{#canManage}}<form method="post" action="/duty/phone" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="regionId" value="{{id}}">
        <label>值班电话 <input name="phone" type="tel" inputmode="tel" maxlength="30" value="{{phone}}" placeholder="如 029-88886666"></label>
        <button class="btn btn-primary">保存</button></form>{{/canManage}}
      {{^canManage}}<p id="duty-phone-number">{{#hasPhone}}{{phone}}{{/hasPhone}}{{^hasPhone}}未设置{{/hasPhone}}</p>{{/canManage}}
    </section>
    <section class="card" id="duty-shifts">
      <h2>今后两周的值班</h2>
      {{#hasShifts}}<ul class="due-list">{{#shifts}}<li class="due-item{{#onNow}} is-today{{/onNow}}"><strong>{{person}}</strong>
        <span>{{from}} 至 {{to}}</span>{{#onNow}} <span class="badge">正在值班</span>{{/onNow}}{{#hasOtherPlace}} <small class="muted">{{otherPlace}}</small>{{/hasOtherPlace}}
        {{#hasNote}}<small class="muted">{{shiftNote}}</small>{{/hasNote}}
        {{#canManage}}<form method="post" action="/duty/shifts/{{id}}/cancel" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="regionId" value="{{regionId}}"><button class="btn btn-small btn-danger">取消</button></form>{{/canManage}}</li>{{/shifts}}</ul>{{/hasShifts}}
      {{^hasShifts}}<p class="muted" id="duty-none">还没有安排值班。非工作时间的紧急诉求没有人会立即收到通知。</p>{{/hasShifts}}
    </section>
    {{#canManage}}<section class="card" id="duty-add"><h2>安排值班</h2>
      <form method="post" action="/duty/shifts" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="regionId" value="{{id}}">
        <label>值班人员 <select name="userId" required><option value="">请选择</option>{{#people}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/people}}</select></label>
        <label>开始 <input name="startsAt" type="datetime-local" required value="{{startsAt}}"></label>
        <label>结束 <input name="endsAt" type="datetime-local" required value="{{endsAt}}"></label>
        <label>之后每周重复 <input name="repeatWeeks" type="number" min="0" max="12" value="0" inputmode="numeric"> 次</label>
        <label>备注（选填） <input name="note" maxlength="{{noteLength}}"></label>
        <button class="btn btn-primary">安排</button></form></section>{{/canManage}}
    {{/place}}
    """
}
