/// Every page of the Requests feature, in one place for review of the zh-CN text.
enum RequestsTemplates {
    static let all: [String: String] = [
        "requests.queue": queue, "requests.detail": detail, "requests.new": intake,
        "requests.ask": ask, "requests.askForm": askForm, "requests.mine": mine, "requests.track": track, "requests.trackLookup": trackLookup,
        "requests.catalog": catalogPage, "requests.itemForm": itemForm, "requests.calendar": calendarPage,
        "requests.questions": questions, "requests.metrics": metrics, "requests.formulas": formulas,
    ]

    static let queue = """
    <header class="page-head"><h1>诉求办理</h1>
    <p class="muted">{{queueLabel}}：共 {{total}} 件{{#canIntake}} · <a class="btn btn-primary" href="/requests/new" id="new-request">登记诉求</a>{{/canIntake}}</p></header>
    <nav class="tabs" aria-label="工作队列">{{#queues}}<a href="/requests?queue={{value}}"{{#selected}} aria-current="page"{{/selected}}>{{label}}</a>{{/queues}}</nav>
    <form method="get" action="/requests" class="card form-inline" id="request-filter">
      <input type="hidden" name="queue" value="{{queue}}">
      <label>类别 <select name="categoryId"><option value="">全部</option>{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select></label>
      <label>状态 <select name="state"><option value="">全部</option>{{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></label>
      <label>渠道 <select name="channel"><option value="">全部</option>{{#channels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/channels}}</select></label>
      <label>区域（名称或编码） <input name="regionCode" maxlength="60" value="{{regionCode}}" placeholder="如：第一网格"></label>
      <button class="btn">筛选</button>
    </form>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    <form method="post" action="/requests/dispatch" id="bulk-dispatch">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <section class="card scroll-x">
    <table class="table cards" id="requests"><thead><tr>{{#bulk}}<th><span class="sr">选择</span></th>{{/bulk}}<th>事项</th><th>地点</th><th>状态</th><th>提交</th><th>时限</th></tr></thead><tbody>
    {{#items}}<tr{{#overdue}} class="overdue"{{/overdue}}>{{#bulk}}<td><input type="checkbox" name="ids" value="{{id}}" aria-label="选择 {{trackingCode}}"></td>{{/bulk}}
      <td><a href="/requests/{{id}}">{{itemName}}</a><br><small class="muted">{{trackingCode}} · {{channel}}</small></td>
      <td data-label="地点">{{place}}</td><td data-label="状态">{{#urgent}}<span class="badge badge-danger">紧急</span> {{/urgent}}<span class="badge">{{state}}</span>{{#escalation}} <span class="badge badge-danger">{{escalation}}</span>{{/escalation}}</td>
      <td data-label="提交">{{submitted}}</td><td data-label="时限">{{due}}{{#overdue}} <strong class="danger">已超期</strong>{{/overdue}}</td></tr>{{/items}}
    </tbody></table>
    {{^items}}<p class="muted">队列为空。</p>{{/items}}
    <nav class="pager">{{#previous}}<a href="{{previous}}">上一页</a>{{/previous}} {{#next}}<a href="{{next}}">下一页</a>{{/next}}</nav>
    </section>
    {{#bulk}}<section class="card form-inline">
      <label>批量派遣给 <select name="handlerId" required><option value="">请选择承办人</option>{{#handlers}}<option value="{{value}}">{{label}}</option>{{/handlers}}</select></label>
      {{^handlersComplete}}<small class="muted">人员较多，只列出前 500 位；其他人员请在诉求详情中派遣。</small>{{/handlersComplete}}
      <label>说明 <input name="note" maxlength="{{noteLength}}"></label>
      <button class="btn btn-primary" id="bulk-dispatch-submit">派遣所选诉求</button>
    </section>{{/bulk}}
    </form>
    """

    static let detail = """
    <nav class="crumbs"><a href="/requests">诉求办理</a><span>›</span><strong>{{r.trackingCode}}</strong></nav>
    <header class="page-head"><h1>{{itemName}}{{#r.urgent}} <span class="badge badge-danger" id="urgent">紧急</span>{{/r.urgent}} <span class="badge" id="state">{{r.state}}</span>{{#r.escalation}} <span class="badge badge-danger">{{r.escalation}}</span>{{/r.escalation}}</h1>
    <p class="muted">{{categoryName}} · {{r.channel}} · 提交于 {{r.submitted}}{{#r.due}} · {{r.stage}}时限 {{r.due}}{{/r.due}}{{#r.overdue}} <strong class="danger">已超期</strong>{{/r.overdue}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="action-error">{{error}}</div>{{/error}}
    {{#r.dutyNotified}}<div class="alert alert-error" id="duty-notified">下班时间提交的紧急诉求，已立即通知值班：{{r.dutyNotified}}。时限按自然时间计。</div>{{/r.dutyNotified}}
    <section class="card">
      <p class="prewrap" id="description">{{r.description}}</p>
      <dl class="facts">
        <dt>地点</dt><dd>{{r.place}}</dd>
        {{#answers}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/answers}}
        {{#contact}}<dt>联系人</dt><dd>{{name}} {{phone}}</dd>{{/contact}}
        {{#r.anonymous}}<dt>联系人</dt><dd>匿名反映</dd>{{/r.anonymous}}
        <dt>主办</dt><dd id="handler">{{#handler}}{{.}}{{/handler}}{{^handler}}未派遣{{/handler}}</dd>
        {{#coHandlers}}<dt>协办</dt><dd>{{coHandlers}}</dd>{{/coHandlers}}
        {{#pending}}<dt>待审批</dt><dd>{{pending}}</dd>{{/pending}}
        <dt>返工/重办/延期</dt><dd>{{r.rework}} / {{r.reopen}} / {{r.extensions}}</dd>
        {{#r.rating}}<dt>评价</dt><dd>{{r.rating}} 星</dd>{{/r.rating}}
      </dl>
    </section>
    {{#placing}}<section class="card" id="placing" aria-labelledby="placing-title"><h2 id="placing-title">待定位：请确定地点</h2>
      <p class="muted">登记的位置：{{address}}{{#point}} · 坐标（纬度, 经度）{{point}}{{/point}}。确定地点后才能派遣。</p>
      <p>{{#picker.chosenLine}}已选：<strong id="placing-chosen">{{picker.chosenLine}}</strong>{{/picker.chosenLine}}{{^picker.chosenLine}}请选到社区、网格、楼栋或户。{{/picker.chosenLine}}</p>
      <nav class="crumbs" aria-label="地点层级">{{#picker.crumbs}}<a href="{{href}}">{{name}}</a><span>›</span>{{/picker.crumbs}}</nav>
      {{#picker.hasChildren}}<form method="get" action="/requests/{{requestId}}" class="form-inline" id="placing-down">
        <label>下一级（{{picker.childLevel}}） <select name="regionId">{{#picker.children}}<option value="{{value}}">{{label}}</option>{{/picker.children}}</select></label>
        <button class="btn">选择</button></form>{{/picker.hasChildren}}
      <form method="get" action="/requests/{{requestId}}" class="form-inline" id="placing-search">
        <label>按名称查找 <input name="placeQuery" maxlength="30" value="{{picker.query}}" placeholder="如：1号楼、建设社区"></label><button class="btn">查找</button></form>
      {{#picker.searched}}<ul class="links" id="placing-found">{{#picker.found}}<li><a href="{{href}}">{{line}}</a></li>{{/picker.found}}</ul>
        {{^picker.hasFound}}<p class="muted">管辖范围内没有名称含「{{picker.query}}」的地点。</p>{{/picker.hasFound}}{{/picker.searched}}
      {{#picker.chosenLine}}<form method="post" action="/requests/{{requestId}}/place" class="form-stack" id="placing-form">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="regionId" value="{{picker.chosenId}}">
        <button class="btn btn-primary">确定地点：{{picker.chosenLine}}</button></form>{{/picker.chosenLine}}
    </section>{{/placing}}
    {{#hasActions}}<section class="card" id="actions"><h2>办理</h2>
    {{#actions}}
      <form method="post" action="/requests/{{requestId}}/actions" class="form-stack action" id="action-{{kind}}"{{#photos}} enctype="multipart/form-data"{{/photos}}>
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="{{kind}}">
        {{#handlers}}<label>主办人 <select name="handlerId" required>{{#options}}<option value="{{id}}">{{label}}</option>{{/options}}</select></label>
        <label>协办人（可多选） <select name="coHandlers" multiple size="4">{{#options}}<option value="{{id}}">{{label}}</option>{{/options}}</select></label>
        {{#links}}<p class="hint">或 <a href="{{href}}">{{label}}</a></p>{{/links}}{{/handlers}}
        {{#hours}}<label>延期（工作小时） <input name="hours" type="number" min="0.5" max="240" step="0.5" required></label>{{/hours}}
        {{#score}}<label>评价 <select name="score" required><option value="5">5 星 非常满意</option><option value="4">4 星 满意</option><option value="3">3 星 基本满意</option><option value="2">2 星 不满意</option><option value="1">1 星 非常不满意</option></select></label>{{/score}}
        {{#text}}<label>{{textLabel}} <textarea name="note" rows="2" maxlength="1000"{{#required}} required{{/required}}>{{note}}</textarea></label>{{/text}}
        {{#hasKept}}<fieldset class="tags kept-photos"><legend>已上传的照片（已为您保留，取消勾选可去掉）</legend>
          {{#kept}}<label class="check"><input type="checkbox" name="keptPhotos" value="{{token}}" checked> 第 {{number}} 张</label>{{/kept}}</fieldset>{{/hasKept}}
        {{#photos}}<label>照片（最多 6 张，每张 5 MB 以内） <input type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple></label>{{/photos}}
        {{#irreversible}}<label class="check"><input type="checkbox" name="confirm" value="1" required> 确认{{label}}（做了就不能撤销）</label>{{/irreversible}}
        <button class="btn{{#primary}} btn-primary{{/primary}}{{#danger}} btn-danger{{/danger}}">{{label}}</button>
      </form>
    {{/actions}}
    </section>{{/hasActions}}
    <section class="card"><h2>办理记录</h2>
    <ol class="timeline" id="timeline">
    {{#events}}<li{{#isInternal}} class="internal"{{/isInternal}}><strong>{{label}}</strong> <span class="muted">{{at}} · {{actor}}（{{role}}）{{#isInternal}} · 内部{{/isInternal}}</span>
      {{#note}}<p class="prewrap">{{note}}</p>{{/note}}
      {{#photos}}<a href="/requests/{{requestId}}/photos/{{id}}"><img src="/requests/{{requestId}}/photos/{{id}}" alt="照片" class="thumb"></a>{{/photos}}</li>{{/events}}
    </ol></section>
    """

    static let intake = """
    <nav class="crumbs"><a href="/requests">诉求办理</a><span>›</span><strong>登记诉求</strong></nav>
    <header class="page-head"><h1>登记诉求</h1><p class="muted">热线来电、窗口代办或网格员现场上报。先选事项，再填写内容。</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="intake-error">{{error}}</div>{{/error}}
    <section class="card">
      <form method="get" action="/requests/new" class="form-inline" id="caller-lookup"><input type="hidden" name="origin" value="{{v.origin}}">
        <input type="hidden" name="itemId" value="{{itemId}}">{{#v.regionId}}<input type="hidden" name="regionId" value="{{v.regionId}}">{{/v.regionId}}
        <label>来电号码查居民 <input name="caller" maxlength="20" inputmode="tel" value="{{caller}}"></label><button class="btn">查找</button>
      </form>
      {{#callers}}<ul class="links" id="callers">{{#items}}<li>{{name}} · {{address}} · {{phone}} <a href="{{href}}">用作诉求人（地点设为其住址）</a></li>{{/items}}</ul>{{/callers}}
      {{#noCaller}}<p class="muted">没有登记此号码的居民，可直接填写。</p>{{/noCaller}}
    </section>
    <section class="card">
      <form method="get" action="/requests/new" class="form-inline" id="item-picker"><input type="hidden" name="origin" value="{{v.origin}}">
        <input type="hidden" name="caller" value="{{caller}}"><input type="hidden" name="contactName" value="{{v.contactName}}">
        {{#v.regionId}}<input type="hidden" name="regionId" value="{{v.regionId}}">{{/v.regionId}}
        <label>服务事项 <select name="itemId" required>{{#groups}}<optgroup label="{{name}}">{{#items}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/items}}</optgroup>{{/groups}}</select></label>
        <button class="btn">选择</button>
      </form>
    </section>
    <section class="card" id="place-picker" aria-labelledby="place-title">
      <h2 id="place-title">地点</h2>
      <p>{{#place.chosenLine}}已选：<strong id="place-chosen">{{place.chosenLine}}</strong>{{/place.chosenLine}}{{^place.chosenLine}}请选到社区、网格、楼栋或户。{{/place.chosenLine}}</p>
      <nav class="crumbs" aria-label="地点层级">{{#place.crumbs}}<a href="{{href}}">{{name}}</a><span>›</span>{{/place.crumbs}}</nav>
      {{#place.hasChildren}}<form method="get" action="/requests/new" class="form-inline" id="place-down"><input type="hidden" name="origin" value="{{v.origin}}">
        <input type="hidden" name="caller" value="{{caller}}"><input type="hidden" name="itemId" value="{{itemId}}"><input type="hidden" name="contactName" value="{{v.contactName}}">
        <label>下一级（{{place.childLevel}}） <select name="regionId">{{#place.children}}<option value="{{value}}">{{label}}</option>{{/place.children}}</select></label>
        <button class="btn">选择</button></form>{{/place.hasChildren}}
      <form method="get" action="/requests/new" class="form-inline" id="place-search"><input type="hidden" name="origin" value="{{v.origin}}">
        <input type="hidden" name="caller" value="{{caller}}"><input type="hidden" name="itemId" value="{{itemId}}"><input type="hidden" name="contactName" value="{{v.contactName}}">
        {{#v.regionId}}<input type="hidden" name="regionId" value="{{v.regionId}}">{{/v.regionId}}
        <label>按名称查找 <input name="placeQuery" maxlength="30" value="{{place.query}}" placeholder="如：1号楼、建设社区"></label><button class="btn">查找</button></form>
      {{#place.searched}}<ul class="links" id="place-found">{{#place.found}}<li><a href="{{href}}">{{line}}</a></li>{{/place.found}}</ul>
        {{^place.hasFound}}<p class="muted">管辖范围内没有名称含「{{place.query}}」的地点。</p>{{/place.hasFound}}{{/place.searched}}
    </section>
    {{#item}}<section class="card">
      <h2>{{name}}</h2><p class="muted">{{description}}</p>
      <form method="post" action="/requests/new" enctype="multipart/form-data" class="form-stack" id="intake-form">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="itemId" value="{{id}}"><input type="hidden" name="idempotencyKey" value="{{key}}"><input type="hidden" name="origin" value="{{v.origin}}">
        <label>渠道 <select name="channel">{{#channels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/channels}}</select></label>
        <label>诉求描述 <textarea name="description" rows="3" maxlength="2000" required>{{v.description}}</textarea></label>
        {{> requests.questions}}
        {{#place.chosenLine}}<input type="hidden" name="regionId" value="{{place.chosenId}}"><p>地点：{{place.chosenLine}}（要改地点，请先在上方改好再填写下面的内容，以免已填的内容丢失）</p>{{/place.chosenLine}}
        {{^place.chosenLine}}<p class="alert alert-error">请先在上面选好地点；选不出时在“具体位置”写明地址（如：建设社区3号楼2单元301），系统按地址自动定位，找不到的进入待定位。</p>{{/place.chosenLine}}
        <label>具体位置 <input name="address" maxlength="200" value="{{v.address}}"></label>
        <label>联系人 <input name="contactName" maxlength="50" value="{{v.contactName}}"></label>
        <label>联系电话 <input name="phone" maxlength="20" inputmode="tel" value="{{v.phone}}"></label>
        {{#allowsAnonymous}}<label class="check"><input type="checkbox" name="anonymous" value="1"> 匿名反映（不记录联系人）</label>{{/allowsAnonymous}}
        {{#hasKept}}<fieldset class="tags" id="kept-photos"><legend>已上传的照片（已为您保留，取消勾选可去掉）</legend>
          {{#kept}}<label class="check"><input type="checkbox" name="keptPhotos" value="{{token}}" checked> 第 {{number}} 张</label>{{/kept}}</fieldset>{{/hasKept}}
        <label>照片 <input type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple></label>
        <button class="btn btn-primary">登记</button>
      </form>
    </section>{{/item}}
    """

    static let questions = """
    {{#questions}}
    {{#isText}}<label>{{label}}{{#required}} *{{/required}} <input name="answers.{{code}}" maxlength="500" value="{{value}}"{{#required}} required{{/required}}></label>{{/isText}}
    {{#isNumber}}<label>{{label}}{{#required}} *{{/required}} <input name="answers.{{code}}" inputmode="decimal" maxlength="20" value="{{value}}"{{#required}} required{{/required}}></label>{{/isNumber}}
    {{#isDate}}<label>{{label}}{{#required}} *{{/required}} <input name="answers.{{code}}" type="date" value="{{value}}"{{#required}} required{{/required}}></label>{{/isDate}}
    {{#isSingle}}<fieldset><legend>{{label}}{{#required}} *{{/required}}</legend>{{#choices}}<label class="check"><input type="radio" name="answers.{{code}}" value="{{value}}"{{#checked}} checked{{/checked}}{{#required}} required{{/required}}> {{value}}</label>{{/choices}}</fieldset>{{/isSingle}}
    {{#isMultiple}}<fieldset><legend>{{label}}{{#required}} *{{/required}}</legend>{{#choices}}<label class="check"><input type="checkbox" name="answers.{{code}}" value="{{value}}"{{#checked}} checked{{/checked}}> {{value}}</label>{{/choices}}</fieldset>{{/isMultiple}}
    {{/questions}}
    """

    // MARK: Residents (phone first)

    static let ask = """
    <header class="page-head"><h1>我要办事</h1><p class="muted">选择事项，填写后提交，会得到一个查询码，可随时查看进度。<a href="/my/requests">我的诉求</a></p></header>
    <form method="get" action="/ask" class="search" role="search" id="ask-search">
      <label class="sr" for="ask-q">搜索事项</label><input id="ask-q" name="q" type="search" maxlength="40" value="{{query}}" placeholder="说说什么事，如：灯、漏水、开证明">
      <button class="btn btn-primary">搜索</button></form>
    {{#searched}}<section class="card" id="ask-results"><h2>搜索结果</h2>
      {{#hasResults}}<ul class="choices">{{#results}}<li><a href="/ask/{{id}}">{{name}}<small>{{description}}</small></a></li>{{/results}}</ul>{{/hasResults}}
      {{^hasResults}}<p id="ask-no-results">没有找到相关事项。可以换个说法，或从下面的常办事项、全部事项里选。</p>{{/hasResults}}
    </section>{{/searched}}
    <section class="card" id="ask-top"><h2>常办事项</h2>
      <ul class="choices">{{#top}}<li><a href="/ask/{{id}}">{{name}}<small>{{description}}</small></a></li>{{/top}}</ul></section>
    {{#care}}<details class="card" id="ask-all"><summary>全部事项</summary>{{/care}}{{^care}}<div id="ask-all">{{/care}}
    {{#categories}}<section class="card"><h2>{{name}}</h2><p class="muted">{{description}}</p>
      <ul class="choices">{{#items}}<li><a href="/ask/{{id}}">{{name}}<small>{{description}}</small></a></li>{{/items}}</ul></section>{{/categories}}
    {{#care}}</details>{{/care}}{{^care}}</div>{{/care}}
    """

    static let askForm = """
    <nav class="crumbs"><a href="/ask">我要办事</a><span>›</span><strong>{{item.name}}</strong></nav>
    <header class="page-head"><h1>{{item.name}}</h1><p class="muted">{{item.description}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="ask-error">{{error}}</div>{{/error}}
    {{#hasSimilar}}<section class="card" id="similar"><h2>附近已有同类诉求</h2><p class="muted">如果是同一件事，可以关注它，不必重复提交。</p>
      <ul class="links">{{#similar}}<li>{{itemName}} · {{state}} · {{submitted}} · {{place}}
        <form method="post" action="/my/requests/{{id}}/follow" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn">关注这件</button></form></li>{{/similar}}</ul>
    </section>{{/hasSimilar}}
    <section class="card">
      <form method="post" action="/ask/{{item.id}}" enctype="multipart/form-data" class="form-stack" id="ask-form">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="idempotencyKey" value="{{key}}">
        <label>说说情况 <textarea name="description" rows="4" maxlength="2000" required placeholder="发生了什么、在哪里、什么时候">{{v.description}}</textarea></label>
        {{> requests.questions}}
        <label>地点 <select name="regionId">{{#places}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/places}}</select></label>
        <label>具体位置（选填） <input name="address" maxlength="200" value="{{v.address}}" placeholder="如：3楼楼道"></label>
        <label>联系电话（选填） <input name="phone" maxlength="20" inputmode="tel" autocomplete="tel" value="{{v.phone}}"></label>
        {{#item.allowsAnonymous}}<label class="check"><input type="checkbox" name="anonymous" value="1"> 匿名反映（工作人员看不到您的姓名和电话）</label>{{/item.allowsAnonymous}}
        {{#hasKept}}<fieldset class="tags" id="kept-photos"><legend>已上传的照片（已为您保留，取消勾选可去掉）</legend>
          {{#kept}}<label class="check"><input type="checkbox" name="keptPhotos" value="{{token}}" checked> 第 {{number}} 张</label>{{/kept}}</fieldset>{{/hasKept}}
        <label>照片（选填，最多 6 张） <input type="file" name="photos" accept="image/*" multiple></label>
        <button class="btn btn-primary" id="ask-submit">提交</button>
      </form>
    </section>
    """

    static let mine = """
    <header class="page-head"><h1>我的诉求</h1><p class="muted"><a class="btn btn-primary" href="/ask">我要办事</a></p></header>
    <section class="card">
    <ul class="links" id="my-requests">{{#items}}<li><a href="/my/requests/{{id}}">{{itemName}}</a> <span class="badge">{{state}}</span> <small class="muted">{{submitted}}</small>
      <a href="/ask/{{itemId}}" class="again">再办一件</a></li>{{/items}}</ul>
    {{^items}}<p class="muted">还没有诉求。</p>{{/items}}
    </section>
    """

    static let trackLookup = """
    <section class="card narrow">
      <h1>查询办理进度</h1>
      {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
      <form method="get" action="/track" class="form-stack" id="track-lookup">
        <label>查询码 <input name="code" maxlength="20" required autocapitalize="characters" value="{{code}}"></label>
        <button class="btn btn-primary">查询</button>
      </form>
    </section>
    """

    static let track = """
    <header class="page-head"><h1>{{v.itemName}} <span class="badge" id="track-state">{{v.state}}</span></h1>
    <p class="muted">{{#v.code}}查询码 <strong id="tracking-code">{{v.code}}</strong> · {{/v.code}}提交于 {{v.submitted}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="track-error">{{error}}</div>{{/error}}
    {{#v.emergency}}<section class="card emergency" id="emergency" aria-labelledby="emergency-title">
      <h2 id="emergency-title">情况紧急，请先打电话</h2>
      <ul class="calls">{{#numbers}}<li><a class="btn btn-call" href="tel:{{number}}">{{number}} {{label}}</a></li>{{/numbers}}
      {{#dutyPhone}}<li><a class="btn btn-call" href="tel:{{dutyPhone}}" id="duty-phone">社区值班电话 {{dutyPhone}}</a></li>{{/dutyPhone}}</ul>
      {{#dutyNotified}}<p id="duty-notified">现在是下班时间，已立即通知社区值班人员。</p>{{/dutyNotified}}
      {{#waiting}}<p>现在是下班时间，社区会尽快处理；有生命危险请直接拨打上面的电话。</p>{{/waiting}}
    </section>{{/v.emergency}}
    <section class="card">
      <p class="prewrap">{{v.description}}</p>
      <dl class="facts"><dt>地点</dt><dd>{{v.place}}</dd>
      {{#v.answers}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/v.answers}}
      {{#v.holder}}<dt>正在办理</dt><dd id="holder">{{v.holder}}</dd>{{/v.holder}}
      {{#v.due}}<dt>预计时限</dt><dd>{{v.due}}</dd>{{/v.due}}
      {{#v.rating}}<dt>我的评价</dt><dd>{{v.rating}} 星</dd>{{/v.rating}}</dl>
    </section>
    {{#v.canRate}}<section class="card"><h2>评价办理结果</h2>
      <form method="post" action="{{actionPath}}" class="form-stack" id="rate-form"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="rate">
        <fieldset class="rating"><legend>满意程度</legend>
        <label class="check"><input type="radio" name="score" value="5" required> 5 非常满意</label><label class="check"><input type="radio" name="score" value="4"> 4 满意</label>
        <label class="check"><input type="radio" name="score" value="3"> 3 基本满意</label><label class="check"><input type="radio" name="score" value="2"> 2 不满意</label>
        <label class="check"><input type="radio" name="score" value="1"> 1 非常不满意</label></fieldset>
        <label>意见（选填） <textarea name="note" rows="2" maxlength="1000"></textarea></label>
        <button class="btn btn-primary" id="rate-submit">提交评价</button></form></section>{{/v.canRate}}
    {{#v.canAddInformation}}<section class="card"><h2>补充信息</h2>
      <form method="post" action="{{actionPath}}" enctype="multipart/form-data" class="form-stack" id="add-info-form"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="add_information">
        <label>补充内容 <textarea name="note" rows="2" maxlength="1000" required>{{note}}</textarea></label>
        {{#hasKept}}<fieldset class="tags" id="kept-photos"><legend>已上传的照片（已为您保留，取消勾选可去掉）</legend>
          {{#kept}}<label class="check"><input type="checkbox" name="keptPhotos" value="{{token}}" checked> 第 {{number}} 张</label>{{/kept}}</fieldset>{{/hasKept}}
        <label>照片（选填） <input type="file" name="photos" accept="image/*" multiple></label>
        <button class="btn">补充</button></form></section>{{/v.canAddInformation}}
    {{#v.canWithdraw}}<section class="card">
      <form method="post" action="{{actionPath}}" class="form-inline" id="withdraw-form"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="withdraw">
        <label>撤回原因（选填） <input name="note" maxlength="200"></label>
        <label class="check"><input type="checkbox" name="confirm" value="1" required> 确认撤回（撤回后不能恢复）</label>
        <button class="btn btn-danger">撤回诉求</button></form></section>{{/v.canWithdraw}}
    <section class="card"><h2>办理进度</h2>
    <ol class="timeline" id="track-steps">{{#v.steps}}<li><strong>{{label}}</strong> <span class="muted">{{at}} · {{who}}</span>{{#note}}<p class="prewrap">{{note}}</p>{{/note}}
      {{#photos}}<a href="{{photoBase}}/{{id}}"><img src="{{photoBase}}/{{id}}" alt="照片" class="thumb"></a>{{/photos}}</li>{{/v.steps}}</ol>
    </section>
    """

    // MARK: Admin

    static let catalogPage = """
    <header class="page-head"><h1>服务目录</h1><p class="muted">{{categoryCount}} 个类别、{{itemCount}} 个事项。时限按工作时间计算（见<a href="/calendar">工作日历</a>）。
    <a class="btn btn-primary" href="/catalog/items/new">新增事项</a></p></header>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    {{#categories}}<section class="card"><h2>{{name}} <small class="muted">{{code}}{{^active}} · 已停用{{/active}}</small></h2>
      <form method="post" action="/catalog/categories/{{id}}" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input name="code" value="{{code}}" maxlength="20" size="4" aria-label="代码"><input name="name" value="{{name}}" maxlength="30" aria-label="名称">
        <input name="description" value="{{description}}" maxlength="200" aria-label="说明"><input name="sortOrder" value="{{sortOrder}}" size="3" aria-label="排序">
        <label class="check"><input type="checkbox" name="active" value="1"{{#active}} checked{{/active}}> 启用</label><button class="btn">保存类别</button></form>
      <div class="scroll-x"><table class="table"><thead><tr><th>代码</th><th>事项</th><th>承办</th><th>分派</th><th>时限（签收/处置/核查，工作小时）</th><th>匿名</th><th>状态</th></tr></thead><tbody>
      {{#items}}<tr><td>{{code}}</td><td><a href="/catalog/items/{{id}}">{{name}}</a></td><td>{{handler}}</td><td>{{assignment}}</td><td>{{limits}}</td><td>{{anonymous}}</td><td>{{status}}</td></tr>{{/items}}
      </tbody></table></div></section>{{/categories}}
    <section class="card"><h2>新增类别</h2>
      <form method="post" action="/catalog/categories" class="form-inline" id="new-category"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>代码 <input name="code" maxlength="20" required></label><label>名称 <input name="name" maxlength="30" required></label>
        <label>说明 <input name="description" maxlength="200"></label><button class="btn">新增</button></form></section>
    """

    static let itemForm = """
    <nav class="crumbs"><a href="/catalog">服务目录</a><span>›</span><strong>{{title}}</strong></nav>
    <section class="card"><h1>{{title}}</h1>
      {{#error}}<div class="alert alert-error" role="alert" id="item-error">{{error}}</div>{{/error}}
      <form method="post" action="{{action}}" class="form-stack" id="item-form"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>类别 <select name="categoryId">{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select></label>
        <label>代码（Open311 service_code） <input name="code" maxlength="20" required value="{{v.code}}"></label>
        <label>名称 <input name="name" maxlength="40" required value="{{v.name}}"></label>
        <label>说明 <textarea name="description" rows="2" maxlength="500">{{v.description}}</textarea></label>
        <label>承办类型 <select name="handlerType">{{#handlerTypes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/handlerTypes}}</select></label>
        <fieldset id="assignment"><legend>派遣时推荐谁</legend>
          <label class="check"><input type="radio" name="assignmentKind" value="grid"{{#byGrid}} checked{{/byGrid}}> 诉求所在网格的网格队伍</label>
          <label class="check"><input type="radio" name="assignmentKind" value="thematic"{{#byTag}} checked{{/byTag}}> 专题网格队伍，按标签</label>
          <label>标签（如 独居老人） <input name="assignmentTag" maxlength="40" value="{{tag}}"></label>
          <label class="check"><input type="radio" name="assignmentKind" value="account"{{#byAccount}} checked{{/byAccount}}> 指定的单位或人员</label>
          <label>单位或人员 <select name="assignmentAccount"><option value="">请选择</option>{{#accounts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/accounts}}</select></label>
        </fieldset>
        <div class="form-inline"><label>签收时限 <input name="respondHours" size="4" value="{{v.respondHours}}"></label>
        <label>处置时限 <input name="handleHours" size="4" value="{{v.handleHours}}"></label>
        <label>核查时限 <input name="verifyHours" size="4" value="{{v.verifyHours}}"></label><span class="muted">（工作小时）</span></div>
        <fieldset><legend>受理渠道</legend>{{#channels}}<label class="check"><input type="checkbox" name="channels" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/channels}}</fieldset>
        <fieldset id="questions" class="question-rows"><legend>补充问题（居民提交时回答；留空的行不保存）</legend>
          {{#questions}}<div class="question-row" id="question-{{index}}">
            <label>代码（字母数字） <input name="q.{{index}}.code" maxlength="40" value="{{code}}"></label>
            <label>题目 <input name="q.{{index}}.label" maxlength="100" value="{{label}}"></label>
            <label>类型 <select name="q.{{index}}.kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
            <label class="check"><input type="checkbox" name="q.{{index}}.required" value="1"{{#required}} checked{{/required}}> 必答</label>
            <label>选项（选择题，每行一个） <textarea name="q.{{index}}.choices" rows="3">{{choices}}</textarea></label>
            <label>选了就算紧急的选项（每行一个，选填） <textarea name="q.{{index}}.urgentChoices" rows="2">{{urgentChoices}}</textarea></label>
            <label class="check"><input type="checkbox" name="q.{{index}}.remove" value="1"> 删除这个问题</label>
          </div>{{/questions}}
        </fieldset>
        <label class="check"><input type="checkbox" name="allowsAnonymous" value="1"{{#v.allowsAnonymous}} checked{{/v.allowsAnonymous}}> 允许匿名反映</label>
        <label class="check"><input type="checkbox" name="urgent" value="1"{{#v.urgent}} checked{{/v.urgent}}> 紧急事项（提交后即显示 120/110/119 和值班电话；非工作时间直接通知值班人员，时限按自然时间计）</label>
        <label class="check"><input type="checkbox" name="active" value="1"{{#v.active}} checked{{/v.active}}> 启用</label>
        <label>排序 <input name="sortOrder" size="4" value="{{v.sortOrder}}"></label>
        <button class="btn btn-primary">保存</button>
      </form></section>
    """

    static let calendarPage = """
    <header class="page-head"><h1>工作日历 {{year}} 年</h1><p class="muted">诉求时限只在工作时间内计算：放假日不计，调休上班日照常计。
    年份：{{#years}}<a href="/calendar?year={{.}}">{{.}}</a> {{/years}}<a href="/calendar?year={{nextYear}}">{{nextYear}}</a></p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="calendar-error">{{error}}</div>{{/error}}
    <section class="card"><h2>工作时间</h2>
      <form method="post" action="/calendar/settings" class="form-inline" id="calendar-settings"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>上班 <input name="start" value="{{start}}" size="5" maxlength="5"></label><label>下班 <input name="end" value="{{end}}" size="5" maxlength="5"></label>
        {{#weekdays}}<label class="check"><input type="checkbox" name="weekdays" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/weekdays}}
        <label>即将超期提醒（工作小时） <input name="warnHours" value="{{warnHours}}" size="3"></label>
        <button class="btn">保存</button></form></section>
    <section class="card"><h2>放假与调休</h2>
      <table class="table" id="calendar-days"><thead><tr><th>日期</th><th>类型</th><th>名称</th><th></th></tr></thead><tbody>
      {{#days}}<tr><td>{{day}}</td><td>{{kind}}</td><td>{{name}}</td><td><form method="post" action="/calendar/days/{{day}}/delete"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="link">删除</button></form></td></tr>{{/days}}
      </tbody></table>
      {{^days}}<p class="muted">{{year}} 年还没有录入放假安排。国务院办公厅通常在前一年 11 月公布，请逐日录入。</p>{{/days}}
      <form method="post" action="/calendar/days" class="form-inline" id="calendar-day"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>日期 <input name="day" type="date" required></label>
        <label>类型 <select name="kind"><option value="holiday">放假</option><option value="workday">调休上班</option></select></label>
        <label>名称 <input name="name" maxlength="20" required placeholder="如：春节"></label><button class="btn">添加</button></form>
    </section>
    """

    static let metrics = """
    <header class="page-head"><h1>办理统计{{#regionName}}：{{regionName}}{{/regionName}}</h1>
    <p class="muted">按提交日期统计 {{from}} 至 {{to}} 受理的诉求。{{#up}}<a href="{{up}}">返回上级区域</a> · {{/up}}{{#exportLink}}<a href="{{exportLink}}" id="metrics-export">导出 Excel</a> · {{/exportLink}}{{#listLink}}<a href="{{listLink}}" id="metrics-list">查看该区域的诉求</a> · {{/listLink}}<a href="/stats/formulas">计算口径</a></p></header>
    <form method="get" action="/stats" class="card form-inline" id="metrics-filter">
      <label>区域（名称或编码） <input name="regionCode" maxlength="60" value="{{regionCode}}" placeholder="如：建设社区"></label>
      <label>开始 <input name="from" type="date" value="{{from}}"></label><label>结束 <input name="to" type="date" value="{{to}}"></label>
      <button class="btn">统计</button>
    </form>
    {{#error}}<div class="alert alert-error" role="alert" id="metrics-error">{{error}}</div>{{/error}}
    <section class="stats" id="metrics-figures">{{#figures}}<div class="stat"><span class="stat-value">{{value}}</span><span class="stat-label">{{label}}</span></div>{{/figures}}</section>
    {{#trend}}<section class="card">{{{trend}}}</section>{{/trend}}
    {{#closureChart}}<section class="card">{{{closureChart}}}</section>{{/closureChart}}
    {{#hasChildren}}<section class="card scroll-x"><h2>下级区域</h2>
    <table class="table" id="metrics-children"><thead><tr><th>区域</th>{{#header}}<th>{{.}}</th>{{/header}}</tr></thead><tbody>
    {{#children}}<tr><td>{{#drill}}<a href="/stats?regionId={{id}}&amp;from={{from}}&amp;to={{to}}">{{name}}</a>{{/drill}}{{^drill}}{{name}}{{/drill}}</td>{{#cells}}<td class="num">{{.}}</td>{{/cells}}</tr>{{/children}}
    </tbody></table></section>{{/hasChildren}}
    """

    static let formulas = """
    <nav class="crumbs"><a href="/stats">办理统计</a><span>›</span><strong>计算口径</strong></nav>
    <section class="card"><h1>计算口径</h1>
    <p>统计对象：所选区域（含下级）在所选日期范围内<strong>提交</strong>的诉求。每项数字都由诉求记录直接求和得到，任何时候重算结果相同。时间均按工作日历计算（放假不计、调休上班日照计）。</p>
    <dl class="facts">
      <dt>受理量</dt><dd>提交的诉求数。</dd>
      <dt>有效诉求</dt><dd>受理量减去不予受理、作废、撤回的诉求。</dd>
      <dt>响应率</dt><dd>在签收时限内签收的诉求 ÷（已签收的诉求 + 尚未签收但已超过签收时限的诉求）。</dd>
      <dt>按期办结率</dt><dd>已结案且处置阶段从未超期的诉求 ÷ 已结案的诉求。</dd>
      <dt>结案率</dt><dd>已结案（核查通过，含已回访）的诉求 ÷ 有效诉求。</dd>
      <dt>返工率</dt><dd>已结案诉求中至少一次核查不通过的 ÷ 已结案的诉求。</dd>
      <dt>重办率</dt><dd>至少一次被评为不满意（1–2 星）而重办的诉求 ÷ 至少评价过一次的诉求。</dd>
      <dt>满意率</dt><dd>3 星及以上的评价次数 ÷ 全部评价次数（含导致重办的评价）。</dd>
      <dt>超期</dt><dd>任一阶段（签收、处置、核查）曾超过时限，或当前阶段此刻已超期的诉求数。</dd>
      <dt>平均用时</dt><dd>签收：提交到首次签收的工作时间；处置、核查：已结案诉求在该阶段累计的工作时间（挂起期间不计，返工、重办累加），以小时计。</dd>
    </dl></section>
    """
}
