/// 网格工作 pages (zh-CN text in one place). Rows use `Bool` flags beside optional values and
/// names no enclosing model uses (docs/adding-a-feature.md, the Mustache traps).
enum GridWorkTemplates {
    static let all: [String: String] = [
        "gridwork.day": day, "gridwork.visitForm": visitForm, "gridwork.visit": visit, "gridwork.plans": plans, "gridwork.rules": rules,
        "gridwork.coverage": coverage, "gridwork.scores": scores, "gridwork.patrol": patrol, "gridwork.plates": plates, "gridwork.plate": plate,
    ]

    static let day = """
    <header class="page-head"><h1>今日网格工作</h1>{{#hasGrids}}<p class="muted">{{gridNames}}</p>{{/hasGrids}}
      <p class="links"><a class="btn" href="/grid/plans">走访计划</a> <a class="btn" href="/grid/rules">走访规则</a></p></header>
    {{#unassigned}}<div class="alert" role="status" id="grid-unassigned">您还没有加入网格队伍，或您的岗位不负责走访。请联系社区安排。</div>{{/unassigned}}
    {{#events}}<div class="alert alert-error" role="alert"><strong>{{kind}}：{{title}}</strong> {{note}}
      <br>高风险对象须在 <strong>{{dueBy}}</strong> 前完成探访。</div>{{/events}}
    <section class="stats" id="grid-counts"><div class="stat"><span class="stat-value danger">{{counts.overdue}}</span><span class="stat-label">已超期</span></div>
      <div class="stat"><span class="stat-value">{{counts.today}}</span><span class="stat-label">今天到期</span></div>
      <div class="stat"><span class="stat-value">{{counts.week}}</span><span class="stat-label">7 天内到期</span></div>
      <div class="stat"><span class="stat-value">{{counts.total}}</span><span class="stat-label">走访对象</span></div></section>
    <section class="card" id="visits"><h2>走访</h2>
    {{#groups}}<h3>{{label}}（{{count}}）</h3><ol class="due-list">{{#rows}}<li class="due-item{{#overdue}} is-overdue{{/overdue}}">
      <strong>{{name}}</strong> <span class="badge">{{className}}</span>{{#byEvent}} <span class="badge badge-danger">重大事件</span>{{/byEvent}}
      <span class="due-when">应于 <strong>{{due}}</strong> 前</span>
      <small>{{address}}{{#hasTags}} · {{tags}}{{/hasTags}}{{#hasPhone}} · 电话 {{phone}}{{/hasPhone}}</small>
      {{#hasLast}}<small class="muted">上次 {{lastWhen}} {{lastMethod}}{{#hasLastNotes}}：{{lastNotes}}{{/hasLastNotes}}{{#hasConcerns}}（关注：{{concerns}}）{{/hasConcerns}}</small>{{/hasLast}}
      {{^hasLast}}<small class="muted">还没有走访记录</small>{{/hasLast}}
      <a class="btn btn-primary" href="/grid/visits/new?residentId={{id}}" id="visit-{{id}}">登记走访</a></li>{{/rows}}</ol>{{/groups}}
    {{^hasVisits}}<p class="muted" id="no-visits">7 天内没有到期的走访。</p>{{/hasVisits}}</section>
    {{#hasPatrols}}<section class="card" id="patrols"><h2>巡查</h2>
      {{#patrols}}<p><strong>{{gridName}}</strong>：今天已巡 {{doneToday}} / {{perDay}} 次{{#hasDue}}，{{dueCount}} 栋楼超过 {{everyDays}} 天未巡：{{dueNames}}{{/hasDue}}</p>
        {{^hasOpen}}<form method="post" action="/grid/patrols" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="gridId" value="{{gridId}}"><input type="hidden" name="idempotencyKey" value="{{key}}">
          <button class="btn btn-primary" id="start-patrol-{{gridId}}">开始巡查</button></form>{{/hasOpen}}{{/patrols}}
      {{#hasOpen}}<p><a class="btn btn-primary" href="/grid/patrols/{{openId}}" id="open-patrol">继续巡查（{{openSince}} 开始）</a></p>{{/hasOpen}}
    </section>{{/hasPatrols}}
    {{#hasRequests}}<section class="card" id="grid-requests"><h2>诉求</h2>{{#requestLists}}<h3><a href="{{href}}">{{title}}</a>（{{count}}）</h3>
      <ol class="due-list">{{#items}}<li class="due-item"><a href="{{href}}">{{title}}</a> <span class="badge">{{status}}</span>{{#hasDetail}}<small>{{detail}}</small>{{/hasDetail}}</li>{{/items}}</ol>
    {{/requestLists}}</section>{{/hasRequests}}
    """

    static let visitForm = """
    <nav class="crumbs"><a href="/grid">网格工作</a><span>›</span><strong>登记走访</strong></nav>
    <header class="page-head"><h1>走访 {{name}}</h1><p class="muted">{{address}}{{#hasPlan}} · {{className}}对象 · 应于 {{due}} 前{{/hasPlan}}</p>
      {{#hasTags}}<p>{{tags}}</p>{{/hasTags}}</header>
    {{#error}}<div class="alert alert-error" role="alert" id="visit-error">{{error}}</div>{{/error}}
    {{#hadPhotos}}<p class="alert" role="status">照片没有保存，请重新选择。</p>{{/hadPhotos}}
    <form method="post" action="/grid/visits/new" enctype="multipart/form-data" class="form-stack" id="visit-form" data-draft="visit-{{residentId}}">
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="residentId" value="{{residentId}}">
      <input type="hidden" name="idempotencyKey" value="{{key}}">
      <label>走访时间 <input type="datetime-local" name="visitedAt" value="{{visitedAt}}" max="{{now}}" required></label>
      <fieldset><legend>走访方式</legend>{{#methods}}<label class="check"><input type="radio" name="method" value="{{value}}"{{#selected}} checked{{/selected}} required> {{label}}</label>{{/methods}}</fieldset>
      <fieldset><legend>见到</legend>{{#contacts}}<label class="check"><input type="radio" name="contact" value="{{value}}"{{#selected}} checked{{/selected}} required> {{label}}</label>{{/contacts}}</fieldset>
      {{#checks}}<fieldset id="check-{{code}}"><legend>{{label}}</legend>
        <label class="check"><input type="radio" name="findings.{{code}}" value="ok"{{#ok}} checked{{/ok}}> 正常</label>
        <label class="check"><input type="radio" name="findings.{{code}}" value="concern"{{#concern}} checked{{/concern}}> 有问题</label>
        <label>情况 <input name="findings.{{code}}.note" maxlength="500" value="{{note}}"></label></fieldset>{{/checks}}
      <label>走访情况 <textarea name="notes" rows="3" maxlength="1000">{{notes}}</textarea></label>
      <label>照片（可选多张） <input type="file" name="photos" accept="image/jpeg,image/png,image/webp" capture="environment" multiple></label>
      <label>需要提前再来时，下次走访 <input type="datetime-local" name="followUpBy" value="{{followUpBy}}"></label>
      <button class="btn btn-primary" id="visit-submit">保存走访记录</button>
      <p class="muted">信号不好时，填好的内容会留在本机：网络恢复后再点保存即可，不会重复登记。</p>
    </form>
    <script src="/grid.js"></script>
    """

    static let visit = """
    <nav class="crumbs"><a href="/grid">网格工作</a><span>›</span><strong>走访记录</strong></nav>
    <header class="page-head" data-clear-draft="visit-{{residentId}}"><h1>走访 {{name}}</h1>
      <p class="muted">{{when}} · {{method}} · 见到{{contact}} · {{visitor}}{{#late}} · <span class="badge badge-danger">逾期走访</span>{{/late}}</p></header>
    <section class="card" id="visit-findings"><h2>走访情况</h2>
      {{#hasFindings}}<ul class="due-list">{{#findings}}<li class="due-item"><strong>{{label}}</strong> {{#concern}}<span class="badge badge-danger">有问题</span>{{/concern}}{{^concern}}<span class="badge badge-muted">正常</span>{{/concern}}
        {{#hasNote}}<small>{{note}}</small>{{/hasNote}}</li>{{/findings}}</ul>{{/hasFindings}}
      {{#hasNotes}}<p class="prewrap">{{notes}}</p>{{/hasNotes}}
      {{#hasPhotos}}<p class="photos">{{#photos}}<a href="{{href}}"><img src="{{href}}" alt="走访照片" width="160" loading="lazy"></a>{{/photos}}</p>{{/hasPhotos}}
      {{#hasNext}}<p>下次走访：<strong>{{next}}</strong></p>{{/hasNext}}</section>
    <section class="card" id="visit-requests"><h2>由本次走访登记的诉求</h2>
      {{#hasRequests}}<ul class="due-list">{{#requests}}<li class="due-item"><a href="/requests/{{id}}">{{itemName}}</a> <span class="badge">{{state}}</span> <code class="mono">{{code}}</code></li>{{/requests}}</ul>{{/hasRequests}}
      {{^hasRequests}}<p class="muted">没有。</p>{{/hasRequests}}
      {{#mayRaise}}<p><a class="btn btn-primary" href="{{raiseHref}}" id="raise-request">现场登记诉求（代办）</a></p>{{/mayRaise}}</section>
    <p><a class="btn" href="/grid">回到今日工作</a></p>
    <script src="/grid.js"></script>
    """

    static let plans = """
    <header class="page-head"><h1>走访计划 · {{regionName}}</h1></header>
    <nav class="crumbs" aria-label="区域">{{#crumbs}}<a href="/grid/plans?regionId={{id}}">{{name}}</a><span>›</span>{{/crumbs}}</nav>
    {{#hasChildren}}<p class="links">{{#children}}<a href="/grid/plans?regionId={{id}}">{{name}}</a> {{/children}}</p>{{/hasChildren}}
    {{#error}}<div class="alert alert-error" role="alert" id="plans-error">{{error}}</div>{{/error}}
    <section class="stats" id="plan-counts"><div class="stat"><span class="stat-value danger">{{counts.overdue}}</span><span class="stat-label">已超期</span></div>
      <div class="stat"><span class="stat-value">{{counts.today}}</span><span class="stat-label">今天到期</span></div>
      <div class="stat"><span class="stat-value">{{counts.week}}</span><span class="stat-label">7 天内到期</span></div>
      <div class="stat"><span class="stat-value">{{counts.total}}</span><span class="stat-label">走访对象</span></div></section>
    <section class="card" id="events"><h2>重大事件</h2>
      {{#hasEvents}}<ul class="due-list">{{#events}}<li class="due-item"><strong>{{kind}}：{{title}}</strong> <span>{{region}} · {{declared}} · {{by}}</span>
        {{#open}}<span class="badge badge-danger">进行中</span>{{#mayEnd}}<form method="post" action="/grid/events/{{id}}/end" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
          <button class="btn btn-small">结束</button></form>{{/mayEnd}}{{/open}}{{^open}}<span class="badge badge-muted">已结束</span>{{/open}}
        {{#hasNote}}<small>{{note}}</small>{{/hasNote}}</li>{{/events}}</ul>{{/hasEvents}}
      {{^hasEvents}}<p class="muted">没有。</p>{{/hasEvents}}
      {{#mayDeclare}}<details{{#error}} open{{/error}}><summary>发布重大事件</summary>
        <form method="post" action="/grid/events" class="form-stack" id="event-form"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="regionId" value="{{regionId}}"><p>范围：{{regionName}}</p>
        <label>事件 <select name="kind">{{#kinds}}<option value="{{value}}">{{label}}</option>{{/kinds}}</select></label>
        <label>标题（可不填） <input name="title" maxlength="50"></label>
        <label>说明 <textarea name="note" rows="2" maxlength="500"></textarea></label>
        <button class="btn btn-primary" id="event-submit">发布（范围内高风险对象 {{eventHours}} 小时内须探访）</button></form></details>{{/mayDeclare}}</section>
    <section class="card" id="plan"><h2>走访对象（按到期时间）</h2>
      {{#hasRows}}<table class="table cards"><thead><tr><th>姓名</th><th>类别</th><th>住址</th><th>应走访</th><th>上次走访</th></tr></thead><tbody>
      {{#rows}}<tr{{#overdue}} class="overdue"{{/overdue}}><td data-label="姓名">{{name}}{{#byEvent}} <span class="badge badge-danger">重大事件</span>{{/byEvent}}</td>
        <td data-label="类别">{{className}}</td><td data-label="住址">{{address}}</td><td data-label="应走访">{{due}}</td><td data-label="上次走访">{{last}}</td></tr>{{/rows}}
      </tbody></table>{{/hasRows}}{{^hasRows}}<p class="muted">没有走访对象。给居民加上关爱标签（如独居老人、残疾人）后，会按走访规则自动列入。</p>{{/hasRows}}</section>
    """

    static let coverage = """
    <header class="page-head"><h1>走访覆盖 · {{regionName}}</h1><p class="muted">{{monthLabel}}：走访对象为当前计划，走访和重大事件为当月</p></header>
    <nav class="crumbs" aria-label="区域">{{#crumbs}}<a href="/grid/coverage?regionId={{id}}&amp;month={{month}}">{{name}}</a><span>›</span>{{/crumbs}}</nav>
    <form method="get" action="/grid/coverage" class="form-inline"><input type="hidden" name="regionId" value="{{regionId}}">
      <label>月份 <input type="month" name="month" value="{{month}}"></label><button class="btn">查看</button>
      <a class="btn" href="/grid/visits.xlsx?regionId={{regionId}}&amp;month={{month}}" id="visit-ledger">走访台账</a>
      <a class="btn" href="/grid/patrols.xlsx?regionId={{regionId}}&amp;month={{month}}" id="patrol-ledger">巡查台账</a>
      <a class="btn" href="/grid/scores?regionId={{regionId}}&amp;month={{month}}" id="scores-link">考核定分</a></form>
    <section class="stats" id="coverage-total">
      <div class="stat"><span class="stat-value">{{total.rate}}</span><span class="stat-label">当月走访覆盖率（目标 100%）</span></div>
      <div class="stat"><span class="stat-value">{{total.visited}} / {{total.inCare}}</span><span class="stat-label">已走访 / 走访对象</span></div>
      <div class="stat"><span class="stat-value danger">{{total.overdue}}</span><span class="stat-label">当前超期</span></div>
      <div class="stat"><span class="stat-value danger">{{total.eventMissed}}</span><span class="stat-label">重大事件后未按时探访</span></div></section>
    {{#hasRows}}<section class="card"><table class="table cards" id="coverage-rows"><thead><tr><th>区域</th><th>走访对象</th><th>已走访</th><th>覆盖率</th><th>超期</th><th>走访次数</th><th>逾期走访</th><th>事件后未按时</th></tr></thead><tbody>
      {{#rows}}<tr><td data-label="区域"><a href="/grid/coverage?regionId={{id}}&amp;month={{month}}">{{name}}</a></td><td data-label="走访对象" class="num">{{inCare}}</td>
        <td data-label="已走访" class="num">{{visited}}</td><td data-label="覆盖率" class="num">{{rate}}</td><td data-label="超期" class="num">{{overdue}}</td>
        <td data-label="走访次数" class="num">{{visits}}</td><td data-label="逾期走访" class="num">{{lateVisits}}</td><td data-label="事件后未按时" class="num">{{eventMissed}}</td></tr>{{/rows}}
    </tbody></table></section>{{/hasRows}}
    """

    static let scores = """
    <header class="page-head"><h1>考核定分 · {{regionName}}</h1><p class="muted">{{monthLabel}} · {{rulesVersion}}：无可考核内容的项不计，其余折算为百分制</p></header>
    <nav class="crumbs" aria-label="区域">{{#crumbs}}<a href="/grid/scores?regionId={{id}}&amp;month={{month}}">{{name}}</a><span>›</span>{{/crumbs}}</nav>
    <form method="get" action="/grid/scores" class="form-inline"><input type="hidden" name="regionId" value="{{regionId}}">
      <label>月份 <input type="month" name="month" value="{{month}}"></label><button class="btn">查看</button>
      <a class="btn" href="/grid/scores.xlsx?regionId={{regionId}}&amp;month={{month}}" id="score-sheet">导出考核得分表</a>
      <a class="btn" href="/grid/coverage?regionId={{regionId}}&amp;month={{month}}">走访覆盖</a></form>
    <section class="card"><h2>网格</h2>{{#hasGrids}}<table class="table cards" id="grid-scores"><thead><tr><th>网格</th><th>社区</th><th>总分</th><th>社区内</th><th>街道内</th>
      {{#measures}}<th>{{label}}（{{maximum}}）</th>{{/measures}}</tr></thead><tbody>
      {{#grids}}<tr><td data-label="网格">{{name}}</td><td data-label="社区">{{place}}</td><td data-label="总分" class="num"><strong>{{total}}</strong></td>
        <td data-label="社区内排名" class="num">{{rankInCommunity}}</td><td data-label="街道内排名" class="num">{{rankInStreet}}</td>
        {{#cells}}<td data-label="{{label}}" class="num">{{points}} <small class="muted">{{detail}}</small></td>{{/cells}}</tr>{{/grids}}
    </tbody></table>{{/hasGrids}}{{^hasGrids}}<p class="muted">该区域下没有网格。</p>{{/hasGrids}}</section>
    <section class="card"><h2>网格队伍成员</h2><p class="muted">走访、诉求和发现问题按本人记录；走访覆盖和巡查定量按所在网格（网格定人，队伍共担）。</p>
      {{#hasWorkers}}<table class="table cards" id="worker-scores"><thead><tr><th>姓名</th><th>网格</th><th>总分</th><th>社区内</th><th>街道内</th>
      {{#measures}}<th>{{label}}（{{maximum}}）</th>{{/measures}}</tr></thead><tbody>
      {{#workers}}<tr><td data-label="姓名">{{name}}</td><td data-label="网格">{{place}}</td><td data-label="总分" class="num"><strong>{{total}}</strong></td>
        <td data-label="社区内排名" class="num">{{rankInCommunity}}</td><td data-label="街道内排名" class="num">{{rankInStreet}}</td>
        {{#cells}}<td data-label="{{label}}" class="num">{{points}} <small class="muted">{{detail}}</small></td>{{/cells}}</tr>{{/workers}}
    </tbody></table>{{/hasWorkers}}{{^hasWorkers}}<p class="muted">这些网格尚未配置队伍。</p>{{/hasWorkers}}</section>
    """

    static let patrol = """
    <nav class="crumbs"><a href="/grid">网格工作</a><span>›</span><strong>巡查</strong></nav>
    <header class="page-head"><h1>巡查 {{gridName}}</h1><p class="muted">{{patroller}} · {{started}} 开始{{#ended}} · {{endedAt}} 结束{{/ended}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="patrol-error">{{error}}</div>{{/error}}
    <section class="card" id="patrol-buildings"><h2>经过的楼栋（{{passedCount}} / {{buildingCount}}）</h2>
      <ul class="due-list">{{#buildings}}<li class="due-item"><strong>{{name}}</strong>
        {{#passed}}<span class="badge">已巡 {{when}} · {{way}}</span>{{/passed}}
        {{^passed}}{{#open}}<form method="post" action="/grid/patrols/{{patrolId}}/check-ins" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="buildingId" value="{{id}}"><button class="btn btn-small" id="pass-{{id}}">经过</button></form>{{/open}}
          {{^open}}<span class="badge badge-muted">未巡</span>{{/open}}{{/passed}}</li>{{/buildings}}</ul>
      {{#open}}<form method="post" action="/grid/patrols/{{patrolId}}/check-ins" class="form-inline" id="plate-form"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>楼栋码 <input name="plate" maxlength="20" autocapitalize="characters" placeholder="扫码或输入"></label><button class="btn">打卡</button></form>
        <p class="muted">用手机相机扫楼栋门口的二维码，也能打卡。</p>{{/open}}</section>
    <section class="card" id="patrol-problems"><h2>发现的问题</h2>
      {{#hasProblems}}<ul class="due-list">{{#problems}}<li class="due-item"><strong>{{description}}</strong> <span class="badge">{{outcome}}</span>
        {{#hasNote}}<small>{{note}}</small>{{/hasNote}}{{#hasRequest}}<a href="/requests/{{requestId}}">查看诉求</a>{{/hasRequest}}</li>{{/problems}}</ul>{{/hasProblems}}
      {{^hasProblems}}<p class="muted">没有。</p>{{/hasProblems}}
      {{#open}}<details{{#error}} open{{/error}}><summary>记录一个问题</summary>
        <form method="post" action="/grid/patrols/{{patrolId}}/problems" enctype="multipart/form-data" class="form-stack" id="problem-form">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="idempotencyKey" value="{{problemKey}}">
          <label>问题 <textarea name="description" rows="2" maxlength="500" required placeholder="如：3号楼楼道堆放杂物"></textarea></label>
          <label>楼栋 <select name="buildingId"><option value="">（整个网格）</option>{{#buildings}}<option value="{{id}}">{{name}}</option>{{/buildings}}</select></label>
          <input type="hidden" name="lat"><input type="hidden" name="long">
          <button type="button" class="btn" data-locate hidden>附上我的位置</button>
          <fieldset><legend>处理方式</legend><label class="check"><input type="radio" name="outcome" value="handled" checked> 即时处理</label>
            <label class="check"><input type="radio" name="outcome" value="reported"> 上报诉求</label></fieldset>
          <label>现场处理情况（即时处理时填写） <input name="handledNote" maxlength="500"></label>
          <label>事项类别（上报诉求时选择） <select name="itemId"><option value="">请选择</option>{{#groups}}<optgroup label="{{name}}">{{#items}}<option value="{{id}}">{{name}}</option>{{/items}}</optgroup>{{/groups}}</select></label>
          <label>照片 <input type="file" name="photos" accept="image/jpeg,image/png,image/webp" capture="environment" multiple></label>
          <button class="btn btn-primary" id="problem-submit">记录问题</button></form></details>{{/open}}</section>
    {{#open}}<section class="card" id="patrol-end"><form method="post" action="/grid/patrols/{{patrolId}}/end" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>巡查情况 <textarea name="notes" rows="2" maxlength="1000"></textarea></label><button class="btn btn-primary" id="end-patrol">结束巡查</button></form></section>{{/open}}
    {{#ended}}{{#hasNotes}}<section class="card"><h2>巡查情况</h2><p class="prewrap">{{notes}}</p></section>{{/hasNotes}}{{/ended}}
    """

    static let plates = """
    <header class="page-head"><h1>楼栋码 · {{gridName}}</h1><p class="muted">打印后贴在各楼栋门口。巡查时用手机相机扫码即可打卡；扫不了时可输入码下的字母数字。</p></header>
    <section class="plates" id="plates">{{#plates}}<figure class="qr plate">{{{qr}}}<figcaption><strong>{{name}}</strong><br><code class="mono">{{code}}</code></figcaption></figure>{{/plates}}</section>
    {{^hasPlates}}<p class="muted">这个网格还没有楼栋。</p>{{/hasPlates}}
    """

    static let plate = """
    <header class="page-head"><h1>{{buildingName}}</h1><p class="muted">{{gridName}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="plate-error">{{error}}</div>{{/error}}
    {{#hasOpen}}<form method="post" action="/grid/patrols/{{openId}}/check-ins" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <input type="hidden" name="plate" value="{{code}}"><button class="btn btn-primary" id="plate-check-in">在{{buildingName}}打卡</button></form>{{/hasOpen}}
    {{^hasOpen}}<p>您现在没有进行中的巡查。</p><form method="post" action="/grid/patrols" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <input type="hidden" name="gridId" value="{{gridId}}"><input type="hidden" name="idempotencyKey" value="{{key}}">
      <button class="btn btn-primary">开始巡查{{gridName}}</button></form>{{/hasOpen}}
    """

    static let rules = """
    <header class="page-head"><h1>走访规则与岗位职责</h1><p class="muted">{{regionName}} 现行：走访规则第 {{visitVersion}} 版（{{visitBy}}），岗位职责第 {{dutyVersion}} 版（{{dutyBy}}）</p></header>
    <section class="card" id="visit-classes"><h2>走访类别</h2><table class="table cards"><thead><tr><th>类别</th><th>频次</th><th>方式</th><th>重大事件</th></tr></thead><tbody>
      {{#classes}}<tr><td data-label="类别">{{name}}</td><td data-label="频次">{{cadence}}至少一次</td><td data-label="方式">{{methods}}</td>
        <td data-label="重大事件">{{#onEvents}}{{eventHours}} 小时内探访{{/onEvents}}{{^onEvents}}—{{/onEvents}}</td></tr>{{/classes}}</tbody></table></section>
    <section class="card" id="visit-rules"><h2>谁列入哪一类（从上到下，先符合的为准）</h2><ol>{{#rules}}<li>有{{tags}}{{#hasAge}}且年满 {{age}} 岁{{/hasAge}} → {{className}}</li>{{/rules}}</ol>
      <p class="muted">新纳入的对象在当期结束前走访，最少留 {{newcomerDays}} 天。</p></section>
    <section class="card" id="duties"><h2>岗位职责</h2><table class="table cards"><thead><tr><th>岗位</th><th>职责</th></tr></thead><tbody>
      {{#duties}}<tr><td data-label="岗位">{{post}}</td><td data-label="职责">{{tasks}}</td></tr>{{/duties}}</tbody></table></section>
    {{#settings}}<section class="card" id="settings"><h2>巡查定量与考核细则</h2>
      {{#error}}<div class="alert alert-error" role="alert" id="settings-error">{{error}}</div>{{/error}}
      <p>巡查定量（第 {{quotaVersion}} 版，{{quotaBy}}）：每个网格每日巡查 {{perDay}} 次，每栋楼至少每 {{buildingEveryDays}} 天巡查一次。</p>
      {{#canEditQuota}}<form method="post" action="/grid/rules/patrols" class="form-inline" id="quota-form">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="regionId" value="{{regionId}}">
        <label>每日巡查次数 <input name="perDay" type="number" min="0" max="10" required value="{{perDay}}"></label>
        <label>楼栋巡查周期（天） <input name="buildingEveryDays" type="number" min="1" max="90" required value="{{buildingEveryDays}}"></label>
        <label>修改依据 <input name="note" maxlength="200" required placeholder="如：街道网格化管理考核办法"></label>
        <button class="btn">修改{{regionName}}的巡查定量</button></form>{{/canEditQuota}}
      <p>考核细则（第 {{scoreVersion}} 版，{{scoreBy}}）：</p>
      {{^canEditScores}}<ul>{{#items}}<li>{{label}}：{{#hasPoints}}{{points}} 分{{#isCount}}（每件 {{perUnit}} 分）{{/isCount}}{{/hasPoints}}{{^hasPoints}}不考核{{/hasPoints}}</li>{{/items}}</ul>{{/canEditScores}}
      {{#canEditScores}}<form method="post" action="/grid/rules/scores" class="form-stack" id="score-rules-form">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="regionId" value="{{regionId}}">
        {{#items}}<label>{{label}}分值（留空不考核） <input name="{{name}}" type="number" min="0" max="100" step="0.5" value="{{points}}"></label>
        {{#isCount}}<label>每件分值 <input name="perUnit" type="number" min="0.1" max="100" step="0.1" value="{{perUnit}}"></label>{{/isCount}}{{/items}}
        <label>修改依据 <input name="note" maxlength="200" required placeholder="如：区网格员考核办法（2026 版）"></label>
        <button class="btn">修改全区考核细则</button></form>{{/canEditScores}}
    </section>{{/settings}}
    """
}
