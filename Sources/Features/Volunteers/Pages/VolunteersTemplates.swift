/// 志愿服务与活动 pages (zh-CN text in one place). Rows use `Bool` flags beside optional
/// values and names no enclosing model uses (docs/adding-a-feature.md, the Mustache traps).
enum VolunteersTemplates {
    static let all: [String: String] = [
        "volunteers.activities": activities, "volunteers.activity": activity, "volunteers.newActivity": newActivity,
        "volunteers.signups": signUps, "volunteers.screen": screen, "volunteers.checkIn": checkIn,
        "volunteers.me": me, "volunteers.register": register, "volunteers.profile": profile,
        "volunteers.teams": teams, "volunteers.team": team, "volunteers.certificate": certificate, "volunteers.verify": verify, "volunteers.import": importLedger,
    ]

    static let importLedger = """
    <header class="page-head"><p class="crumbs"><a href="/volunteers">志愿者</a></p><h1>导入服务记录（纸质台账）</h1>
    <p class="muted">每行一次服务，列为：{{columns}}。全部行无误才会写入；有误时列出每一行的问题，一条也不写入。</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="import-error">{{error}}</div>{{/error}}
    {{#hasImported}}<div class="alert alert-ok" role="status" id="import-done">已导入 {{imported}} 条服务记录，星级已按新时长重算。</div>{{/hasImported}}
    <form method="post" action="/service-records/import" enctype="multipart/form-data" class="card form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>文件（.xlsx 或 .csv） <input type="file" name="file" required accept=".xlsx,.csv"></label>
      <button class="btn btn-primary">导入</button></form>
    <p><a href="/service-records/template.xlsx">下载导入模板</a></p>
    """

    static let activityRows = """
    <ul class="due-list activity-list">{{#rows}}<li class="due-item{{#isToday}} is-today{{/isToday}}">
      <a href="/activities/{{id}}"><strong>{{title}}</strong></a> <span class="badge{{#isOff}} badge-muted{{/isOff}}">{{stateLabel}}</span>
      <span>{{when}} · {{place}}</span><small class="muted">{{kindLabel}} · {{placesText}}</small></li>{{/rows}}</ul>
    """

    static let activities = """
    <header class="page-head"><h1>{{heading}}</h1>
    {{#mayCreate}}<p class="links"><a class="btn btn-primary" href="/activities/new" id="activity-new">新建活动</a>
      <a class="btn" href="/activities/export.xlsx?month={{month}}" id="activity-export">导出 {{month}} 活动台账</a>
      <a class="btn" href="/activities/export.xlsx?month={{month}}&amp;records=1" id="records-export">导出 {{month}} 服务记录</a>
      <a class="btn" href="/volunteers">志愿者</a> <a class="btn" href="/volunteer-teams">志愿服务队</a></p>{{/mayCreate}}</header>
    {{#mayCreate}}<form method="get" action="/activities" class="card form-inline" id="activity-filter">
      <label>状态 <select name="state"><option value="">全部</option>{{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></label>
      <label>月份 <input name="month" type="month" value="{{month}}"></label><button class="btn">筛选</button></form>{{/mayCreate}}
    {{#hasMine}}<section class="card" id="my-signups"><h2>我的报名</h2><ul class="due-list">{{#mine}}<li class="due-item">
      <a href="/activities/{{activityId}}"><strong>{{title}}</strong></a> <span class="badge">{{statusLabel}}</span><span>{{when}} · {{place}}</span></li>{{/mine}}</ul></section>{{/hasMine}}
    <section class="card" id="activities"><h2>{{listTitle}}</h2>
    {{#hasRows}}\(activityRows){{/hasRows}}{{^hasRows}}<p class="muted" id="activities-none">{{emptyText}}</p>{{/hasRows}}</section>
    {{#needsIdentity}}<p class="card">完成<a href="/volunteer">实名认证</a>后，可以看到更多面向您的活动。</p>{{/needsIdentity}}
    """

    static let activity = """
    <header class="page-head"><p class="crumbs"><a href="/activities">活动</a></p><h1>{{title}}</h1>
      <p><span class="badge">{{stateLabel}}</span> <span class="muted">{{kindLabel}}</span></p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="activity-error">{{error}}</div>{{/error}}
    {{#warning}}<div class="alert" role="status" id="activity-warning">{{warning}}</div>{{/warning}}
    <section class="card"><dl class="facts">
      <dt>时间</dt><dd id="activity-when">{{when}}</dd><dt>地点</dt><dd>{{place}}</dd>
      <dt>面向</dt><dd>{{target}}</dd><dt>服务对象</dt><dd>{{beneficiary}}</dd>
      {{#hasLead}}<dt>负责人</dt><dd>{{lead}}</dd>{{/hasLead}}
      <dt>报名</dt><dd>{{window}}</dd><dt>取消报名</dt><dd>{{cancelBy}} 前可自行取消</dd><dt>候补</dt><dd>{{waitingText}}</dd>
      {{#isCancelled}}<dt>取消原因</dt><dd>{{cancelReason}}</dd>{{/isCancelled}}</dl>
      {{#hasDescription}}<p class="prewrap">{{description}}</p>{{/hasDescription}}</section>
    {{#hasMine}}<section class="card" id="my-signup"><h2>我的报名：<span id="my-status">{{mineStatus}}</span></h2>
      <p>{{mineRole}} · {{mineSlot}}</p>
      {{#isWaiting}}<p id="my-position">候补第 {{position}} 位。有人取消时按顺序递补，会通知您。</p>{{/isWaiting}}
      {{#isHeld}}<p><strong>有名额空出，请在 {{holdUntil}} 前确认。</strong></p>
        <form method="post" action="/signups/{{mineId}}/accept"><input type="hidden" name="_csrf" value="{{csrf}}">
        <button class="btn btn-primary" id="accept-hold">确认参加</button></form>{{/isHeld}}
      {{#hasCheckIn}}<p id="my-attendance">签到 {{checkedIn}}{{#hasCheckOut}}，签退 {{checkedOut}}{{/hasCheckOut}}</p>{{/hasCheckIn}}
      {{#isConfirmed}}<p>到场后用手机扫描现场的签到码，或请组织者扫描下面的个人码。</p>
        <figure class="qr" id="personal-code">{{{personalQR}}}<figcaption>个人码 <code>{{personalCode}}</code></figcaption></figure>{{/isConfirmed}}
      {{#canCancel}}<form method="post" action="/signups/{{mineId}}/cancel" data-confirm="确定取消报名吗？名额会让给候补的人。">
        <input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-danger" id="cancel-signup">取消报名</button></form>{{/canCancel}}
    </section>{{/hasMine}}
    <section class="card" id="roles"><h2>{{rolesTitle}}</h2><ul class="due-list">{{#roles}}<li class="due-item">
      <strong>{{name}}</strong> <span>{{slot}}</span> <small class="muted">名额 {{capacity}}，已报 {{taken}}{{#hasWaiting}}，候补 {{waiting}}{{/hasWaiting}}{{#hasQualification}} · 需「{{qualification}}」{{/hasQualification}}</small>
      {{#canSignUp}}<form method="post" action="/activities/{{activityId}}/signups"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="roleId" value="{{id}}"><button class="btn btn-primary" id="signup-{{id}}">{{signUpLabel}}</button></form>{{/canSignUp}}
    </li>{{/roles}}</ul>
    {{#showRefusal}}<p class="muted" id="signup-refusal">{{refusal}}{{#needsIdentity}} · <a href="/volunteer">去实名认证</a>{{/needsIdentity}}</p>{{/showRefusal}}</section>
    {{#mayManage}}<section class="card" id="activity-manage"><h2>组织活动</h2>
      <p class="links"><a class="btn" href="/activities/{{id}}/signups" id="signups-link">报名名单与签到</a>
      {{#takesAttendance}}<a class="btn" href="/activities/{{id}}/screen" id="screen-link">现场签到码</a>{{/takesAttendance}}</p>
      {{#actions}}<form method="post" action="/activities/{{activityId}}/transition" class="form-inline"{{#danger}} data-confirm="确定{{label}}吗？"{{/danger}}>
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="{{action}}">
        {{#needsReason}}<label>原因 <input name="reason" required maxlength="200"></label>{{/needsReason}}
        <button class="btn{{#danger}} btn-danger{{/danger}}{{^danger}} btn-primary{{/danger}}" id="action-{{action}}">{{label}}</button></form>{{/actions}}
      {{#canCertify}}<form method="post" action="/activities/{{id}}/certify" class="form-inline" data-confirm="认证后服务记录不能修改，只能更正。确定认证吗？">
        <input type="hidden" name="_csrf" value="{{csrf}}"><label>评价 <select name="rating"><option value="">不评价</option>
        <option value="5">5 星</option><option value="4">4 星</option><option value="3">3 星</option><option value="2">2 星</option><option value="1">1 星</option></select></label>
        <button class="btn btn-primary" id="action-certify">认证服务时长</button></form>{{/canCertify}}
      {{#canChange}}{{#change}}<details id="activity-change"><summary>修改活动</summary>
        <form method="post" action="/activities/{{id}}/change" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
        <p class="muted">修改后，已报名和候补的人会收到变更通知。名额不能少于已报名的人数。</p>
        <label>活动名称 <input name="title" required maxlength="60" value="{{title}}"></label>
        <label>活动内容 <textarea name="description" maxlength="1000" rows="3">{{description}}</textarea></label>
        <label>开始时间 <input type="datetime-local" name="startsAt" required value="{{startsAt}}"></label>
        <label>结束时间 <input type="datetime-local" name="endsAt" required value="{{endsAt}}"></label>
        <label>报名截止 <input type="datetime-local" name="signUpCloses" value="{{signUpCloses}}"></label>
        <label>取消报名截止 <input type="datetime-local" name="cancelDeadline" value="{{cancelDeadline}}"></label>
        {{#places}}<input type="hidden" name="roles.{{index}}.id" value="{{id}}">
        <label>「{{name}}」名额（已报 {{taken}}） <input type="number" name="roles.{{index}}.capacity" min="1" max="10000" required value="{{capacity}}"></label>{{/places}}
        <label>变更原因{{^needsReason}}（草稿可不填）{{/needsReason}} <input name="reason" maxlength="200"{{#needsReason}} required{{/needsReason}}></label>
        <button class="btn btn-primary" id="change-activity">保存修改</button></form></details>{{/change}}{{/canChange}}
    </section>{{/mayManage}}
    {{#hasRecords}}<section class="card" id="activity-records"><h2>服务记录</h2><table class="table cards"><thead><tr><th>志愿者</th><th>岗位</th><th>时长</th><th>说明</th></tr></thead><tbody>
      {{#records}}<tr><td data-label="志愿者">{{name}}</td><td data-label="岗位">{{role}}</td><td data-label="时长">{{hours}}</td><td data-label="说明">{{remark}}</td></tr>{{/records}}</tbody></table></section>{{/hasRecords}}
    <script src="/volunteers.js"></script>
    """

    static let newActivity = """
    <header class="page-head"><p class="crumbs"><a href="/activities">活动</a></p><h1>新建活动</h1>
    <p class="muted">保存为草稿，确认无误后再发布。时间均为北京时间。</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="activity-error">{{error}}</div>{{/error}}
    <form method="post" action="/activities" class="card form-stack" id="activity-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>活动名称 <input name="title" required maxlength="60" value="{{title}}"></label>
      <fieldset><legend>类型</legend><div class="choices">{{#kinds}}<label class="check"><input type="radio" name="kind" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/kinds}}</div></fieldset>
      <label>活动内容 <textarea name="description" maxlength="{{descriptionLength}}" rows="3">{{description}}</textarea></label>
      <label>活动地点 <select name="regionId" required>{{#places}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/places}}</select></label>
      <label>面向居民的标签（选填，居民活动） <select name="targetTag"><option value="">不限</option>{{#tags}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/tags}}</select></label>
      {{#hasTeams}}<label>志愿服务队（选填） <select name="teamId"><option value="">不指定</option>{{#teams}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/teams}}</select></label>{{/hasTeams}}
      <label>服务对象 <input name="beneficiary" maxlength="40" value="{{beneficiary}}"></label>
      <label>活动负责人 <input name="lead" maxlength="20" value="{{lead}}"></label>
      <label>开始 <input name="startsAt" type="datetime-local" required value="{{startsAt}}"></label>
      <label>结束 <input name="endsAt" type="datetime-local" required value="{{endsAt}}"></label>
      <label>报名截止（默认为开始时间） <input name="signUpCloses" type="datetime-local" value="{{signUpCloses}}"></label>
      <label>取消报名截止（默认为报名截止） <input name="cancelDeadline" type="datetime-local" value="{{cancelDeadline}}"></label>
      <fieldset><legend>名额满后</legend><div class="choices">{{#modes}}<label class="check"><input type="radio" name="waitingList" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/modes}}</div></fieldset>
      <fieldset class="question-rows"><legend>岗位与名额（居民活动只填第一行）</legend>
      {{#roleRows}}<div class="form-inline"><label>岗位 <input name="roles.{{index}}.name" maxlength="30" value="{{name}}"></label>
        <label>名额 <input name="roles.{{index}}.capacity" type="number" min="1" max="10000" inputmode="numeric" value="{{capacity}}"></label>
        <label>所需资质 <input name="roles.{{index}}.qualification" maxlength="20" value="{{qualification}}" list="skills"></label></div>{{/roleRows}}
      <datalist id="skills">{{#skills}}<option value="{{.}}">{{/skills}}</datalist></fieldset>
      <button class="btn btn-primary" id="activity-save">保存草稿</button></form>
    """

    static let signUps = """
    <header class="page-head"><p class="crumbs"><a href="/activities">活动</a> › <a href="/activities/{{id}}">{{title}}</a></p><h1>报名名单与签到</h1>
      <p class="muted">{{when}} · {{stateLabel}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="signups-error">{{error}}</div>{{/error}}
    {{#takesAttendance}}<form method="post" action="/activities/{{id}}/attendance" class="card form-inline" id="scan-personal">
      <input type="hidden" name="_csrf" value="{{csrf}}"><label>扫描或输入个人码 <input name="personalCode" required maxlength="40" autocomplete="off"></label>
      <label>记为 <select name="punch"><option value="in">签到</option><option value="out">签退</option></select></label><button class="btn btn-primary">确定</button></form>{{/takesAttendance}}
    {{#roles}}<section class="card"><h2>{{name}} <small class="muted">{{slot}} · 名额 {{capacity}}</small></h2>
      {{#hasPeople}}<table class="table cards"><thead><tr><th>姓名</th><th>状态</th><th>签到</th><th>签退</th><th>操作</th></tr></thead><tbody>
      {{#people}}<tr id="signup-row-{{id}}"><td data-label="姓名">{{name}}</td><td data-label="状态">{{statusLabel}}{{#hasAttendance}} · {{attendanceLabel}}{{/hasAttendance}}</td>
        <td data-label="签到">{{checkedIn}}</td><td data-label="签退">{{checkedOut}}</td><td data-label="操作">
        {{#canTickIn}}<form method="post" action="/activities/{{activityId}}/attendance" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="signUpId" value="{{id}}"><input type="hidden" name="punch" value="in"><button class="btn btn-small" id="tick-in-{{id}}">到场</button></form>{{/canTickIn}}
        {{#canTickOut}}<form method="post" action="/activities/{{activityId}}/attendance" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="signUpId" value="{{id}}"><input type="hidden" name="punch" value="out"><button class="btn btn-small" id="tick-out-{{id}}">离开</button></form>{{/canTickOut}}
        {{#decisions}}<form method="post" action="/signups/{{signUpId}}/decision" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="decision" value="{{decision}}"><button class="btn btn-small">{{label}}</button></form>{{/decisions}}
        {{#canCancel}}<form method="post" action="/signups/{{id}}/cancel" class="inline" data-confirm="确定取消{{name}}的报名吗？"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-small btn-danger">取消</button></form>{{/canCancel}}
      </td></tr>{{/people}}</tbody></table>{{/hasPeople}}{{^hasPeople}}<p class="muted">还没有人报名。</p>{{/hasPeople}}</section>{{/roles}}
    {{#takesSignUps}}<section class="card" id="add-person"><h2>替居民报名</h2><p class="muted">为没有手机的老人等报名：按姓名找到居民登记。</p>
      <form method="get" action="/activities/{{id}}/signups" class="form-inline"><label>姓名 <input name="name" maxlength="20" value="{{name}}"></label><button class="btn">查找</button></form>
      {{#candidates}}<form method="post" action="/activities/{{activityId}}/signups" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="residentId" value="{{residentId}}"><span>{{label}}</span>
        <select name="roleId">{{#roleOptions}}<option value="{{value}}">{{label}}</option>{{/roleOptions}}</select><button class="btn btn-small">报名</button></form>{{/candidates}}
    </section>{{/takesSignUps}}
    <script src="/volunteers.js"></script>
    """

    static let screen = """
    <section class="card screen" id="check-in-screen" data-refresh="{{refreshIn}}"><h1>{{title}}</h1>
      <p>请用手机扫码签到、签退（二维码每 30 秒更新）</p>
      <figure class="qr qr-large">{{{qr}}}<figcaption>签到码 <code id="check-in-code">{{code}}</code></figcaption></figure>
      <p class="muted">{{when}}</p></section>
    <script src="/volunteers.js"></script>
    """

    static let checkIn = """
    <header class="page-head"><h1>{{title}}</h1><p class="muted">{{when}} · {{place}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="check-in-error">{{error}}</div>{{/error}}
    <section class="card" id="check-in">
      {{#hasStatus}}<p id="check-in-status">{{status}}</p>{{/hasStatus}}
      {{#canPunch}}<form method="post" action="/activities/{{id}}/check-in"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="code" value="{{code}}"><input type="hidden" name="punch" value="{{punch}}">
        <button class="btn btn-primary" id="punch">{{punchLabel}}</button></form>{{/canPunch}}
      <p><a href="/volunteer">我的志愿服务</a> · <a href="/activities/{{id}}">活动详情</a></p></section>
    """

    static let me = """
    <header class="page-head"><h1>我的志愿服务</h1></header>
    {{#error}}<div class="alert alert-error" role="alert" id="volunteer-error">{{error}}</div>{{/error}}
    {{#needsIdentity}}<section class="card" id="identify"><h2>实名认证</h2>
      <p>输入姓名和身份证号，核对您在社区的居民登记。认证后才能报名活动、登记志愿者；身份证号不会显示给其他人。</p>
      <form method="post" action="/volunteer/identify" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>姓名 <input name="name" required maxlength="20" autocomplete="name"></label>
        <label>身份证号 <input name="idNumber" required maxlength="18" autocomplete="off" inputmode="text"></label>
        <button class="btn btn-primary" id="identify-submit">认证</button></form></section>{{/needsIdentity}}
    {{#canRegister}}<section class="card" id="register"><h2>登记为志愿者</h2><p>您好，{{personName}}。登记后由社区审核，通过后获得志愿者编号。</p>
      <form method="post" action="/volunteer" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
        <fieldset><legend>特长（选填）</legend><div class="choices">{{#skills}}<label class="check"><input type="checkbox" name="skills" value="{{.}}"> {{.}}</label>{{/skills}}</div></fieldset>
        <fieldset><legend>方便的服务时间（选填）</legend><div class="choices">{{#times}}<label class="check"><input type="checkbox" name="availability" value="{{.}}"> {{.}}</label>{{/times}}</div></fieldset>
        {{#hasTeams}}<label>申请加入（选填） <select name="teamId"><option value="">暂不加入</option>{{#teams}}<option value="{{value}}">{{label}}</option>{{/teams}}</select></label>{{/hasTeams}}
        <label class="check"><input type="checkbox" name="consent" value="on"> 我同意平台保存我的特长和服务时间，仅用于安排志愿服务</label>
        <button class="btn btn-primary" id="register-submit">提交登记</button></form></section>{{/canRegister}}
    {{#isVolunteer}}<section class="card" id="standing"><h2>{{personName}} <small class="muted">{{statusLabel}}{{#hasNumber}} · 编号 {{number}}{{/hasNumber}}</small></h2>
      <p class="stars" aria-label="{{stars}} 星"><span id="star-count">{{starText}}</span></p>
      <p>累计认证时长 <strong id="certified-hours">{{hours}}</strong>{{#hasNext}}，距下一星还差 {{toNext}} 小时{{/hasNext}}</p>
      <progress max="100" value="{{progress}}" id="star-progress">{{progress}}%</progress>
      {{#canCertificate}}<form method="post" action="/volunteer/certificates"><input type="hidden" name="_csrf" value="{{csrf}}">
        <button class="btn" id="certificate-issue">开具志愿服务记录证明</button></form>{{/canCertificate}}</section>{{/isVolunteer}}
    {{#hasSignUps}}<section class="card" id="my-signups"><h2>我的报名</h2><ul class="due-list">{{#signUps}}<li class="due-item">
      <a href="/activities/{{activityId}}"><strong>{{title}}</strong></a> <span class="badge">{{statusLabel}}</span><span>{{when}}</span></li>{{/signUps}}</ul></section>{{/hasSignUps}}
    {{#hasOpen}}<section class="card" id="open-activities"><h2>可以报名的活动</h2><ul class="due-list">{{#open}}<li class="due-item">
      <a href="/activities/{{id}}"><strong>{{title}}</strong></a><span>{{when}} · {{place}}</span><small class="muted">{{placesText}}</small></li>{{/open}}</ul></section>{{/hasOpen}}
    {{#hasRecords}}<section class="card" id="my-records"><h2>服务记录</h2><table class="table cards"><thead><tr><th>日期</th><th>活动</th><th>时长</th><th>来源</th><th></th></tr></thead><tbody>
      {{#records}}<tr{{#isOld}} class="retired"{{/isOld}}><td data-label="日期">{{date}}</td><td data-label="活动">{{title}} · {{role}}</td><td data-label="时长">{{hours}}</td>
      <td data-label="来源">{{source}}{{#isOld}}（已更正）{{/isOld}}</td><td data-label="">{{#canCorrect}}<details><summary>申请更正</summary>
        <form method="post" action="/service-records/{{id}}/corrections" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>应为多少小时 <input name="hours" type="number" step="0.1" min="0" max="168" required inputmode="decimal"></label>
        <label>哪里不对 <input name="reason" required maxlength="300"></label><button class="btn btn-small">提交</button></form></details>{{/canCorrect}}</td></tr>{{/records}}
      </tbody></table></section>{{/hasRecords}}
    {{#hasCorrections}}<section class="card" id="my-corrections"><h2>更正申请</h2><ul class="due-list">{{#corrections}}<li class="due-item">
      <strong>{{title}}</strong> <span class="badge">{{stateLabel}}</span><span>{{from}} → {{to}}</span>{{#hasNote}}<small class="muted">{{note}}</small>{{/hasNote}}</li>{{/corrections}}</ul></section>{{/hasCorrections}}
    {{#hasCertificates}}<section class="card" id="my-certificates"><h2>服务证明</h2><ul class="links">{{#certificates}}<li>
      <a href="/volunteer-certificates/{{id}}">{{number}}</a> {{hours}} · {{issuedOn}}{{#isRevoked}} <span class="badge badge-danger">已撤销</span>{{/isRevoked}}</li>{{/certificates}}</ul></section>{{/hasCertificates}}
    """

    static let register = """
    <header class="page-head"><h1>志愿者</h1>
    <p class="links">{{#mayManage}}<a class="btn" href="/volunteers/export.xlsx" id="volunteers-export">导出志愿者台账</a>
      <a class="btn" href="/service-records/import">导入纸质台账</a>{{/mayManage}}
      <a class="btn" href="/volunteer-teams">志愿服务队</a> <a class="btn" href="/activities">活动</a></p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="volunteers-error">{{error}}</div>{{/error}}
    {{#hasPending}}<section class="card" id="pending-volunteers"><h2>待审核的登记</h2><ul class="due-list">{{#pending}}<li class="due-item">
      <a href="/volunteers/{{id}}"><strong>{{name}}</strong></a><span>{{applied}}</span>
      <form method="post" action="/volunteers/{{id}}/decision" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="decision" value="approve"><button class="btn btn-small btn-primary" id="approve-{{id}}">通过</button></form>
      <form method="post" action="/volunteers/{{id}}/decision" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="decision" value="reject"><button class="btn btn-small">不通过</button></form></li>{{/pending}}</ul></section>{{/hasPending}}
    {{#hasCorrections}}<section class="card" id="pending-corrections"><h2>待处理的更正申请</h2><ul class="due-list">{{#corrections}}<li class="due-item">
      <strong>{{name}} · {{title}}</strong><span>{{from}} → {{to}}</span><small class="muted">{{reason}}</small>
      <form method="post" action="/corrections/{{id}}/decision" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>核定小时 <input name="hours" type="number" step="0.1" min="0" max="168" value="{{toHours}}" inputmode="decimal"></label>
        <label>说明 <input name="note" maxlength="300"></label>
        <button class="btn btn-small btn-primary" name="decision" value="accept" id="correction-accept-{{id}}">更正</button>
        <button class="btn btn-small" name="decision" value="reject">不予更正</button></form></li>{{/corrections}}</ul></section>{{/hasCorrections}}
    <form method="get" action="/volunteers" class="card form-inline" id="volunteer-search">
      <label>姓名 <input name="name" maxlength="20" value="{{name}}"></label>
      <label>特长 <input name="skill" maxlength="20" value="{{skill}}" list="skills"></label>
      <label>至少 <select name="minStars">{{#starChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/starChoices}}</select></label>
      <label>时长至少（小时） <input name="minHours" type="number" min="0" max="100000" inputmode="numeric" value="{{minHours}}"></label>
      <label>状态 <select name="status"><option value="">全部</option>{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></label>
      <button class="btn">查询</button><datalist id="skills">{{#skills}}<option value="{{.}}">{{/skills}}</datalist></form>
    <section class="card" id="volunteer-list"><h2>{{total}}</h2>
      <table class="table cards"><thead><tr><th>姓名</th><th>编号</th><th>状态</th><th>星级</th><th>时长</th><th>特长</th></tr></thead><tbody>
      {{#rows}}<tr><td data-label="姓名"><a href="/volunteers/{{id}}">{{name}}</a></td><td data-label="编号">{{number}}</td><td data-label="状态">{{statusLabel}}</td>
      <td data-label="星级">{{starText}}</td><td data-label="时长">{{hours}}</td><td data-label="特长">{{skills}}</td></tr>{{/rows}}</tbody></table>
      {{#hasMore}}<p class="pager"><a href="{{moreHref}}">下一页</a></p>{{/hasMore}}</section>
    {{#mayManage}}<section class="card" id="register-resident"><h2>为居民登记志愿者</h2>
      <form method="get" action="/volunteers" class="form-inline"><label>居民姓名 <input name="residentName" maxlength="20" value="{{residentName}}"></label><button class="btn">查找</button></form>
      {{#candidates}}<form method="post" action="/volunteers" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="residentId" value="{{residentId}}"><span>{{label}}</span><button class="btn btn-small">登记</button></form>{{/candidates}}</section>{{/mayManage}}
    """

    static let profile = """
    <header class="page-head"><p class="crumbs"><a href="/volunteers">志愿者</a></p><h1>{{name}}</h1>
      <p class="muted">{{statusLabel}}{{#hasNumber}} · 编号 {{number}}{{/hasNumber}} · {{starText}} · {{hours}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="profile-error">{{error}}</div>{{/error}}
    <section class="card"><dl class="facts"><dt>政治面貌</dt><dd>{{political}}</dd><dt>住址</dt><dd>{{address}}</dd>
      <dt>特长</dt><dd>{{skills}}</dd><dt>服务时间</dt><dd>{{availability}}</dd><dt>登记</dt><dd>{{applied}}</dd>
      <dt>信息使用同意</dt><dd>{{consent}}</dd></dl>
      {{#mayManage}}<p class="links">{{#isPending}}<form method="post" action="/volunteers/{{id}}/decision" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="decision" value="approve"><button class="btn btn-primary">通过审核</button></form>{{/isPending}}
      {{#changes}}<form method="post" action="/volunteers/{{volunteerId}}/status" class="inline" data-confirm="确定{{label}}吗？"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="change" value="{{change}}"><button class="btn">{{label}}</button></form>{{/changes}}
      {{#hasNumber}}<form method="post" action="/volunteers/{{id}}/certificates" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn">出具服务证明</button></form>{{/hasNumber}}</p>{{/mayManage}}</section>
    {{#hasRecords}}<section class="card"><h2>服务记录（含更正留痕）</h2><table class="table cards"><thead><tr><th>日期</th><th>活动</th><th>时长</th><th>记录人</th><th>来源</th></tr></thead><tbody>
      {{#records}}<tr{{#isOld}} class="retired"{{/isOld}}><td data-label="日期">{{date}}</td><td data-label="活动">{{title}} · {{role}}</td><td data-label="时长">{{hours}}</td><td data-label="记录人">{{recorder}}</td>
      <td data-label="来源">{{source}}{{#isOld}}（已被更正）{{/isOld}}{{#flagged}}（未签退，按默认时长）{{/flagged}}</td></tr>{{/records}}</tbody></table></section>{{/hasRecords}}
    {{#hasCertificates}}<section class="card"><h2>服务证明</h2><ul class="links">{{#certificates}}<li><a href="/volunteer-certificates/{{id}}">{{number}}</a> {{hours}} · {{issuedOn}}{{#isRevoked}} <span class="badge badge-danger">已撤销</span>{{/isRevoked}}</li>{{/certificates}}</ul></section>{{/hasCertificates}}
    <script src="/volunteers.js"></script>
    """

    static let teams = """
    <header class="page-head"><h1>志愿服务队</h1></header>
    {{#error}}<div class="alert alert-error" role="alert" id="teams-error">{{error}}</div>{{/error}}
    <section class="card" id="team-list">{{#hasTeams}}<ul class="due-list">{{#rows}}<li class="due-item"><a href="/volunteer-teams/{{id}}"><strong>{{name}}</strong></a>
      <span>{{kindLabel}} · {{place}}</span><small class="muted">{{memberCount}} 名队员{{#hasSponsor}} · {{sponsor}}{{/hasSponsor}}</small></li>{{/rows}}</ul>{{/hasTeams}}
      {{^hasTeams}}<p class="muted">还没有志愿服务队。</p>{{/hasTeams}}</section>
    {{#mayManage}}<section class="card" id="team-new"><h2>新建队伍</h2><form method="post" action="/volunteer-teams" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>队名 <input name="name" required maxlength="40"></label>
      <label>类型 <select name="kind">{{#kinds}}<option value="{{value}}">{{label}}</option>{{/kinds}}</select></label>
      <label>所属区域 <select name="regionId" required>{{#places}}<option value="{{value}}">{{label}}</option>{{/places}}</select></label>
      <label>上级队伍（选填） <select name="parentId"><option value="">无</option>{{#parents}}<option value="{{value}}">{{label}}</option>{{/parents}}</select></label>
      <label>所属组织或单位（社会组织、双报到单位的队伍填写） <input name="sponsor" maxlength="60"></label>
      <button class="btn btn-primary">新建</button></form></section>{{/mayManage}}
    """

    static let team = """
    <header class="page-head"><p class="crumbs"><a href="/volunteer-teams">志愿服务队</a></p><h1>{{name}}</h1><p class="muted">{{kindLabel}} · {{memberCount}} 名队员</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="team-error">{{error}}</div>{{/error}}
    {{#canJoin}}<form method="post" action="/volunteer-teams/{{id}}/join" class="card"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-primary" id="team-join">申请入队</button></form>{{/canJoin}}
    <section class="card"><h2>队员</h2><ul class="due-list">{{#members}}<li class="due-item"><strong>{{name}}</strong> <span class="badge">{{roleLabel}}</span> <span>{{statusLabel}}</span>
      {{#decisions}}<form method="post" action="/volunteer-teams/{{teamId}}/members" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="volunteerId" value="{{volunteerId}}"><input type="hidden" name="decision" value="{{decision}}"><button class="btn btn-small">{{label}}</button></form>{{/decisions}}</li>{{/members}}</ul></section>
    """

    static let certificate = """
    <article class="certificate" id="certificate">
      <h1>志愿服务记录证明</h1><p class="muted">编号 {{number}}</p>
      {{#isRevoked}}<p class="alert alert-error">本证明已于 {{revokedOn}} 撤销：{{revokeReason}}</p>{{/isRevoked}}
      <p>兹证明 <strong>{{name}}</strong>（志愿者编号 {{volunteerNumber}}）自 {{firstDate}} 至 {{lastDate}}，
        参加志愿服务 {{records}} 次，累计服务时长 <strong>{{hours}}</strong>。</p>
      <p>以上记录依据《志愿服务记录与证明出具办法（试行）》（民政部令第67号）出具，真实、准确、完整，免费出具。</p>
      <div class="seal"><p>出具单位：{{issuer}}（盖章）</p><p>出具日期：{{issuedOn}}</p></div>
      <figure class="qr">{{{qr}}}<figcaption>扫码核验：{{verifyURL}}</figcaption></figure>
    </article>
    <p class="noprint links"><button type="button" class="btn" data-print id="print">打印</button>{{#mayRevoke}}
      <form method="post" action="/volunteer-certificates/{{id}}/revoke" class="form-inline" data-confirm="撤销后核验将显示无效。确定撤销吗？"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>撤销原因 <input name="reason" required maxlength="200"></label><button class="btn btn-danger">撤销</button></form>{{/mayRevoke}}</p>
    <script src="/volunteers.js"></script>
    """

    static let verify = """
    <section class="card" id="verification"><h1>志愿服务记录证明核验</h1>
      {{#found}}<p id="verify-result" class="{{#valid}}alert alert-ok{{/valid}}{{^valid}}alert alert-error{{/valid}}">{{#valid}}证明有效{{/valid}}{{^valid}}证明已撤销：{{reason}}{{/valid}}</p>
      <dl class="facts"><dt>证明编号</dt><dd>{{number}}</dd><dt>志愿者</dt><dd>{{name}}（{{volunteerNumber}}）</dd><dt>服务时长</dt><dd>{{hours}}（{{records}} 次）</dd>
      <dt>出具单位</dt><dd>{{issuer}}</dd><dt>出具日期</dt><dd>{{issuedOn}}</dd></dl>{{/found}}
      {{^found}}<p class="alert alert-error" id="verify-result">没有找到这份证明，请核对二维码或链接。</p>{{/found}}</section>
    """
}
