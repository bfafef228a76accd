/// 五社资源 pages (zh-CN text in one place). Rows use `Bool` flags beside optional values and
/// names no enclosing model uses (docs/adding-a-feature.md, the Mustache traps).
enum ResourcesTemplates {
    static let all: [String: String] = [
        "resources.home": home, "resources.organisationForm": organisationForm, "resources.organisation": organisation,
        "resources.match": match, "resources.workerForm": workerForm, "resources.charity": charity, "resources.donor": donor,
        "resources.donation": donation, "resources.noOrganisation": noOrganisation, "resources.incubations": incubations,
        "resources.incubation": incubation, "resources.map": map, "resources.team": team,
    ]

    static let error = """
    {{#error}}<div class="alert alert-error" role="alert" id="resources-error">{{error}}</div>{{/error}}
    """

    static let home = """
    <header class="page-head"><h1>五社资源</h1>
    <p class="links">{{#mayManage}}<a class="btn btn-primary" href="/resources/organisations/new" id="organisation-new">登记社会组织</a>
      <a class="btn" href="/resources/social-workers/new" id="worker-new">登记社工</a>{{/mayManage}}
      <a class="btn" href="/resources/charity" id="charity-link">慈善资源</a> <a class="btn" href="/resources/incubations" id="incubations-link">孵化基地</a>
      <a class="btn" href="/resources/map" id="map-link">资源地图</a></p></header>
    <form method="get" action="/resources" class="card form-inline" id="organisation-filter">
      <label>名称 <input name="q" value="{{term}}" maxlength="50"></label>
      <label>服务领域 <select name="field"><option value="">全部</option>{{#fieldOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/fieldOptions}}</select></label>
      <label>服务项目 <select name="itemId"><option value="">全部</option>{{#itemOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/itemOptions}}</select></label>
      <label>状态 <select name="status"><option value="">全部</option>{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></label>
      <button class="btn">查找</button></form>
    <section class="card" id="organisations"><h2>社会组织（{{organisationCount}}）</h2>
    {{#hasOrganisations}}<ul class="due-list">{{#organisations}}<li class="due-item"><a href="/resources/organisations/{{id}}"><strong>{{name}}</strong></a>
      <span class="badge{{#isOff}} badge-muted{{/isOff}}">{{statusLabel}}</span>{{#hasGrade}} <span class="badge">{{grade}}</span>{{/hasGrade}}
      <span>{{kindLabel}} · {{fieldsText}}</span>{{#hasInspection}}<small class="muted">{{inspection}}</small>{{/hasInspection}}</li>{{/organisations}}</ul>{{/hasOrganisations}}
    {{^hasOrganisations}}<p class="muted" id="organisations-none">没有符合条件的社会组织。</p>{{/hasOrganisations}}</section>
    <section class="card" id="shares"><h2>持证社工占比</h2>
    {{#hasShares}}<table class="table"><thead><tr><th>社区</th><th>持证 / 在岗</th><th>占比</th></tr></thead><tbody>
    {{#shares}}<tr><td>{{name}}</td><td>{{certified}} / {{total}}</td><td>{{percent}}%{{#meets}} ✓{{/meets}}{{^meets}} <span class="muted">未达 {{target}}%</span>{{/meets}}</td></tr>{{/shares}}
    </tbody></table>{{/hasShares}}{{^hasShares}}<p class="muted">辖区内没有社区。</p>{{/hasShares}}</section>
    <section class="card" id="workers"><h2>社工（{{workerCount}}）</h2>
    {{#hasWorkers}}<ul class="due-list">{{#workers}}<li class="due-item"><strong>{{name}}</strong> <span class="badge{{^certified}} badge-muted{{/certified}}">{{certificate}}</span>
      <span>{{post}} · 培训 {{hours}} 学时 · 个案 {{individual}} · 小组 {{group}} · 社区活动 {{community}}</span>
      {{#mayEdit}}<a href="/resources/social-workers/{{id}}/edit">修改</a>{{/mayEdit}}</li>{{/workers}}</ul>{{/hasWorkers}}
    {{^hasWorkers}}<p class="muted">辖区内还没有登记社工。</p>{{/hasWorkers}}</section>
    """

    static let checkboxes = """
    <fieldset class="tags"><legend>{{legend}}</legend>{{#boxes}}<label class="check"><input type="checkbox" name="{{name}}" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/boxes}}</fieldset>
    """

    static let organisationForm = """
    <header class="page-head"><p class="crumbs"><a href="/resources">五社资源</a></p><h1>{{heading}}</h1></header>
    \(error)
    <form method="post" action="{{action}}" class="card form-stack" id="organisation-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>组织名称 <input name="name" required maxlength="100" value="{{name}}"></label>
      <label>组织类型 <select name="kind" required>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
      <label>统一社会信用代码 <input name="creditCode" maxlength="30" value="{{creditCode}}" autocapitalize="characters"></label>
      <label>备案编号（社区社会组织未登记时填写） <input name="filingNumber" maxlength="40" value="{{filingNumber}}"></label>
      {{#fieldBoxes}}\(checkboxes){{/fieldBoxes}}
      {{#isNew}}<label>登记地 <select name="regionId" required>{{#places}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/places}}</select></label>{{/isNew}}
      <label>联系人 <input name="contactName" maxlength="50" value="{{contactName}}"></label>
      <label>联系电话 <input name="contactPhone" maxlength="30" inputmode="tel" value="{{contactPhone}}"></label>
      <label>地址 <input name="address" maxlength="200" value="{{address}}"></label>
      <label>简介 <textarea name="summary" rows="3" maxlength="1000">{{summary}}</textarea></label>
      <label class="check"><input type="checkbox" name="partyOrganisation" value="1"{{#party}} checked{{/party}}> 已建立党组织</label>
      <button class="btn btn-primary">保存</button></form>
    """

    static let organisation = """
    <header class="page-head"><p class="crumbs">{{#isStaff}}<a href="/resources">五社资源</a>{{/isStaff}}{{^isStaff}}本组织{{/isStaff}}</p><h1>{{name}}</h1>
      <p><span class="badge{{#isOff}} badge-muted{{/isOff}}">{{statusLabel}}</span>{{#hasGrade}} <span class="badge">{{grade}}</span>{{/hasGrade}} <span class="muted">{{kindLabel}}</span></p></header>
    \(error)
    <section class="card"><dl class="facts">
      <dt>{{codeLabel}}</dt><dd id="organisation-code">{{code}}</dd><dt>服务领域</dt><dd>{{fieldsText}}</dd>
      <dt>年检</dt><dd>{{inspection}}</dd><dt>党组织</dt><dd>{{party}}</dd>
      <dt>联系人</dt><dd>{{contact}}</dd>{{#hasAddress}}<dt>地址</dt><dd>{{address}}</dd>{{/hasAddress}}
      <dt>在办诉求</dt><dd id="organisation-open">{{open}} 件</dd><dt>居民评价</dt><dd id="organisation-rating">{{rating}}</dd></dl>
      {{#hasSummary}}<p class="prewrap">{{summary}}</p>{{/hasSummary}}
      {{#mayManage}}<p><a class="btn" href="/resources/organisations/{{id}}/edit" id="organisation-edit">修改档案</a></p>{{/mayManage}}</section>
    <section class="card" id="organisation-services"><h2>服务项目与服务范围</h2>
      <p>{{servicesText}}</p><p class="muted">服务范围：{{areasText}}</p>
      {{#mayManage}}<details><summary>设置服务项目与范围</summary>
      <form method="post" action="/resources/organisations/{{id}}/services" class="form-stack" id="services-form"><input type="hidden" name="_csrf" value="{{csrf}}">
        {{#itemBoxes}}\(checkboxes){{/itemBoxes}}{{#areaBoxes}}\(checkboxes){{/areaBoxes}}
        <button class="btn btn-primary">保存服务</button></form></details>{{/mayManage}}</section>
    <section class="card" id="organisation-staff"><h2>工作人员</h2>
      {{#hasStaff}}<ul>{{#staff}}<li>{{name}}{{#intake}} <span class="badge">接单人</span>{{/intake}}</li>{{/staff}}</ul>{{/hasStaff}}
      {{^hasStaff}}<p class="muted">还没有工作人员账号；指定接单人后才能接收派遣。</p>{{/hasStaff}}
      {{#mayManage}}<details><summary>设置工作人员和接单人</summary>
      <form method="post" action="/resources/organisations/{{id}}/staff" class="form-stack" id="staff-form"><input type="hidden" name="_csrf" value="{{csrf}}">
        {{#staffBoxes}}\(checkboxes){{/staffBoxes}}
        <label>接单人 <select name="intakeUserId"><option value="">暂不指定</option>{{#intakeOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/intakeOptions}}</select></label>
        <button class="btn btn-primary">保存工作人员</button></form></details>{{/mayManage}}</section>
    {{#mayManage}}<section class="card" id="organisation-review"><h2>年检、等级评估与状态</h2>
      <form method="post" action="/resources/organisations/{{id}}/reviews" class="form-inline" id="inspection-form"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="kind" value="inspection"><label>年度 <input name="year" type="number" min="2000" max="{{thisYear}}" value="{{lastYear}}" required></label>
        <label>年检结果 <select name="result">{{#results}}<option value="{{value}}">{{label}}</option>{{/results}}</select></label><button class="btn">记录年检</button></form>
      <form method="post" action="/resources/organisations/{{id}}/reviews" class="form-inline" id="grade-form"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="kind" value="grade"><label>年度 <input name="year" type="number" min="2000" max="{{thisYear}}" value="{{thisYear}}" required></label>
        <label>等级 <select name="grade"><option value="1">1A</option><option value="2">2A</option><option value="3">3A</option><option value="4">4A</option><option value="5">5A</option></select></label>
        <button class="btn">记录评估</button></form>
      <form method="post" action="/resources/organisations/{{id}}/reviews" class="form-inline" id="status-form"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="kind" value="status"><label>状态 <select name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></label>
        <label>原因 <input name="note" maxlength="200" required></label><button class="btn">变更状态</button></form></section>{{/mayManage}}
    <section class="card" id="organisation-incubation"><h2>孵化</h2>
      {{#hasIncubation}}<p><a href="/resources/incubations/{{incubationId}}">{{incubationHub}}</a>：<span class="badge">{{incubationStage}}</span></p>{{/hasIncubation}}
      {{^hasIncubation}}<p class="muted">未申请入孵。</p>{{/hasIncubation}}
      {{#mayApply}}<details><summary>申请入孵</summary>
      <form method="post" action="/resources/organisations/{{id}}/incubation" class="form-stack" id="incubation-apply"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>孵化基地所在 <select name="hubRegionId" required>{{#hubs}}<option value="{{value}}">{{label}}</option>{{/hubs}}</select></label>
        <label>孵化基地名称 <input name="hubName" required maxlength="50" value="{{hubDefault}}"></label>
        <label>申请说明 <input name="note" maxlength="500"></label><button class="btn">提交申请</button></form></details>{{/mayApply}}</section>
    <section class="card" id="organisation-requests"><h2>派给本组织的诉求</h2>
      {{#hasRequests}}<ul class="due-list">{{#requests}}<li class="due-item">{{#mayOpen}}<a href="/requests/{{id}}">{{/mayOpen}}<strong>{{itemName}}</strong>{{#mayOpen}}</a>{{/mayOpen}}
        <span class="badge">{{stateLabel}}</span><span>{{place}}</span><small class="muted">{{submitted}}</small></li>{{/requests}}</ul>{{/hasRequests}}
      {{^hasRequests}}<p class="muted">还没有派给本组织的诉求。</p>{{/hasRequests}}</section>
    <section class="card" id="organisation-received"><h2>收到的捐赠</h2>
      {{#hasReceived}}<ul>{{#received}}<li>{{at}} {{amount}}（{{item}}，收据 {{receipt}}）：{{label}}</li>{{/received}}</ul>{{/hasReceived}}
      {{^hasReceived}}<p class="muted">还没有分配给本组织的捐赠。</p>{{/hasReceived}}</section>
    <section class="card" id="organisation-documents"><h2>证照与年报</h2>
      {{#hasDocuments}}<ul class="due-list">{{#documents}}<li class="due-item">
        <a href="/resources/organisations/{{organisationId}}/documents/{{documentId}}" download><strong>{{title}}</strong></a>
        <span>{{kindLabel}} · {{size}}</span><small class="muted">{{uploaded}} {{by}}</small>
        {{#mayKeepDocuments}}<form method="post" action="/resources/organisations/{{organisationId}}/documents/{{documentId}}/delete" class="form-inline">
          <input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-small">删除</button></form>{{/mayKeepDocuments}}
      </li>{{/documents}}</ul>{{/hasDocuments}}
      {{^hasDocuments}}<p class="muted" id="documents-none">还没有上传登记证书、年度报告等材料。</p>{{/hasDocuments}}
      {{#mayKeepDocuments}}<details><summary>上传材料</summary>
      <form method="post" action="/resources/organisations/{{id}}/documents" enctype="multipart/form-data" class="form-stack" id="document-form">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>材料类型 <select name="kind">{{#documentKinds}}<option value="{{value}}">{{label}}</option>{{/documentKinds}}</select></label>
        <label>材料名称 <input name="title" required maxlength="60" placeholder="例如：2025 年度工作报告"></label>
        <label>文件（PDF 或图片，不超过 10 MB） <input type="file" name="file" required accept="application/pdf,image/jpeg,image/png,image/webp"></label>
        <button class="btn btn-primary">上传</button></form></details>{{/mayKeepDocuments}}</section>
    <section class="card" id="organisation-events"><h2>状态记录</h2><ul>{{#events}}<li>{{at}} {{text}} <small class="muted">{{by}}</small></li>{{/events}}</ul></section>
    """

    static let noOrganisation = """
    <header class="page-head"><h1>本组织</h1></header>
    <section class="card"><p>本账号还没有登记为任何社会组织的工作人员。请联系组织登记地的社区或街道工作人员添加。</p></section>
    """

    static let match = """
    <header class="page-head"><p class="crumbs"><a href="/requests/{{requestId}}">返回诉求</a></p><h1>匹配承接方：{{itemName}}</h1>
      <p class="muted">{{placeName}}{{#hasCertificate}} · 此项要求{{certificate}}及以上证书{{/hasCertificate}}</p></header>
    \(error)
    <p class="muted">按提供此项服务、服务范围、在办数量、居民评价和职业资格打分；分数只作参考，由您决定派给谁。</p>
    {{#hasCandidates}}<ol class="due-list match-list" id="candidates">{{#candidates}}<li class="due-item match-item{{^fits}} is-muted{{/fits}}">
      <strong>{{name}}</strong> <span class="badge">{{kindLabel}}</span> <span class="score">{{score}} 分</span>
      <ul class="reasons">{{#reasons}}<li>{{#won}}✓{{/won}}{{^won}}✗{{/won}} {{text}}（{{points}}/{{weight}}）</li>{{/reasons}}</ul>
      {{#dispatchable}}<form method="post" action="/requests/{{requestId}}/match" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="kind" value="{{kind}}"><input type="hidden" name="id" value="{{id}}">
        <label>说明（选填） <input name="note" maxlength="1000"></label><button class="btn btn-primary">派给{{name}}</button></form>{{/dispatchable}}
    </li>{{/candidates}}</ol>{{/hasCandidates}}
    {{^hasCandidates}}<p class="card muted" id="candidates-none">辖区内还没有可承接的社会组织或社工（组织需正常服务并指定接单人）。</p>{{/hasCandidates}}
    """

    static let workerForm = """
    <header class="page-head"><p class="crumbs"><a href="/resources">五社资源</a></p><h1>{{heading}}</h1></header>
    \(error)
    {{#mayLinkResident}}<form method="get" action="{{searchAction}}" class="card form-inline" id="worker-resident-search">
      <label>按姓名查找居民档案（可选） <input name="residentName" maxlength="20" value="{{residentName}}"></label><button class="btn">查找</button>
      {{#searched}}{{^residentOptions}}<p class="muted">本辖区居民登记中没有找到这个姓名。</p>{{/residentOptions}}{{/searched}}</form>{{/mayLinkResident}}
    <form method="post" action="{{action}}" class="card form-stack" id="worker-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>社工账号 <select name="userId" required>{{#accounts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/accounts}}</select></label>
      {{#mayLinkResident}}<label>居民档案 <select name="residentId"><option value="">不关联</option>{{#residentOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/residentOptions}}</select></label>{{/mayLinkResident}}
      <label>职业资格 <select name="certificate"><option value="">未取得</option>{{#levels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/levels}}</select></label>
      <label>证书编号 <input name="certificateNumber" maxlength="40" value="{{certificateNumber}}"></label>
      <label>岗位 <select name="post" required>{{#posts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/posts}}</select></label>
      <label>岗位所在地（社区社会工作室、街道社工站） <select name="regionId"><option value="">—</option>{{#places}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/places}}</select></label>
      <label>所在组织（在社会组织任职时） <select name="organisationId"><option value="">—</option>{{#organisations}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/organisations}}</select></label>
      <label>培训学时 <input name="trainingHours" type="number" min="0" max="10000" value="{{hours}}"></label>
      <label>培训主题 <input name="trainingTopics" maxlength="500" value="{{topics}}"></label>
      <fieldset class="form-inline"><legend>服务数量（只记数量，不记个案内容）</legend>
        <label>个案 <input name="individualCases" type="number" min="0" max="100000" value="{{individual}}"></label>
        <label>小组 <input name="groupCases" type="number" min="0" max="100000" value="{{group}}"></label>
        <label>社区活动 <input name="communityCases" type="number" min="0" max="100000" value="{{community}}"></label></fieldset>
      {{#itemBoxes}}\(checkboxes){{/itemBoxes}}
      <button class="btn btn-primary">保存</button></form>
    """

    static let charity = """
    <header class="page-head"><p class="crumbs"><a href="/resources">五社资源</a></p><h1>慈善资源</h1></header>
    \(error)
    <section class="card" id="donations"><h2>收到的捐赠</h2>
    {{#hasDonations}}<ul class="due-list">{{#donations}}<li class="due-item"><a href="/resources/donations/{{id}}"><strong>{{what}}</strong></a>
      <span>{{donorName}} · 收据 {{receipt}}</span><small class="muted">已分配 {{allocated}}，剩余 {{remainder}}</small></li>{{/donations}}</ul>{{/hasDonations}}
    {{^hasDonations}}<p class="muted">辖区内还没有登记捐赠。</p>{{/hasDonations}}</section>
    <section class="card" id="donors"><h2>捐赠方</h2>
    {{#hasDonors}}<ul>{{#donors}}<li><a href="/resources/donors/{{id}}">{{name}}</a> <span class="muted">{{kindLabel}}{{#anonymous}} · 匿名展示{{/anonymous}}</span></li>{{/donors}}</ul>{{/hasDonors}}
    {{^hasDonors}}<p class="muted">还没有登记捐赠方。</p>{{/hasDonors}}</section>
    {{#mayManage}}<section class="card" id="donation-new"><h2>接收捐赠</h2>
    {{#hasDonors}}<form method="post" action="/resources/donations" class="form-stack" id="donation-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>捐赠方 <select name="donorId" required>{{#donors}}<option value="{{id}}">{{name}}</option>{{/donors}}</select></label>
      <label>类型 <select name="kind"><option value="money">善款</option><option value="goods">物资</option></select></label>
      <label>物资名称（物资时填写） <input name="item" maxlength="100"></label><label>单位（物资时填写，如 箱、件） <input name="unit" maxlength="10"></label>
      <label>金额（元）或数量 <input name="quantity" type="number" min="0.01" step="0.01" required></label>
      <label>接收地 <select name="regionId" required>{{#places}}<option value="{{value}}">{{label}}</option>{{/places}}</select></label>
      <label>说明 <input name="note" maxlength="500"></label><button class="btn btn-primary">登记并生成收据</button></form>{{/hasDonors}}
    {{^hasDonors}}<p class="muted">请先登记捐赠方。</p>{{/hasDonors}}</section>
    <section class="card" id="donor-new"><h2>登记捐赠方</h2>
    <form method="post" action="/resources/donors" class="form-stack" id="donor-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>类型 <select name="kind">{{#donorKinds}}<option value="{{value}}">{{label}}</option>{{/donorKinds}}</select></label>
      <label>名称 <input name="name" required maxlength="100"></label><label>联系方式 <input name="contact" maxlength="100"></label>
      <label>登记地 <select name="regionId" required>{{#places}}<option value="{{value}}">{{label}}</option>{{/places}}</select></label>
      <label class="check"><input type="checkbox" name="anonymous" value="1"> 公开去向时不显示名称</label><button class="btn">登记</button></form></section>{{/mayManage}}
    """

    static let donor = """
    <header class="page-head"><p class="crumbs"><a href="/resources/charity">慈善资源</a></p><h1>{{name}}</h1><p class="muted">{{kindLabel}}</p></header>
    <p>感谢您的爱心。每一笔捐赠用在了哪里，都记在下面。</p>
    {{#donations}}<section class="card donation"><h2>{{what}} <small class="muted">收据 {{receipt}} · {{received}}</small></h2>
      <p>已用 {{allocated}}，剩余 {{remainder}}</p>
      {{#hasUses}}<ul>{{#uses}}<li>{{at}} {{amount}} → {{targetLabel}}：{{label}}</li>{{/uses}}</ul>{{/hasUses}}{{^hasUses}}<p class="muted">尚未分配。</p>{{/hasUses}}
    </section>{{/donations}}
    {{^hasDonations}}<p class="card muted">辖区内没有这位捐赠方的捐赠。</p>{{/hasDonations}}
    """

    static let donation = """
    <header class="page-head"><p class="crumbs"><a href="/resources/charity">慈善资源</a></p><h1>捐赠收据 {{receipt}}</h1></header>
    \(error)
    <section class="card receipt" id="receipt"><dl class="facts">
      <dt>收据编号</dt><dd>{{receipt}}</dd><dt>捐赠方</dt><dd><a href="/resources/donors/{{donorId}}">{{donorName}}</a></dd>
      <dt>捐赠内容</dt><dd>{{what}}</dd><dt>接收时间</dt><dd>{{received}}</dd><dt>经办人</dt><dd>{{receivedBy}}</dd>
      {{#hasNote}}<dt>说明</dt><dd>{{note}}</dd>{{/hasNote}}<dt>已分配</dt><dd>{{allocated}}</dd><dt>剩余</dt><dd id="donation-remainder">{{remainder}}</dd></dl></section>
    <section class="card" id="uses"><h2>去向</h2>
      {{#hasUses}}<ul>{{#uses}}<li>{{at}} {{amount}} → {{targetLabel}}：{{label}} <small class="muted">{{by}}</small></li>{{/uses}}</ul>{{/hasUses}}
      {{^hasUses}}<p class="muted">尚未分配。</p>{{/hasUses}}</section>
    {{#mayAllocate}}<section class="card" id="allocate"><h2>分配去向</h2>
    <form method="post" action="/resources/donations/{{id}}/allocations" class="form-stack" id="allocation-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>{{amountLabel}} <input name="amount" type="number" min="0.01" step="{{step}}" required></label>
      <label>去向类型 <select name="target">{{#targets}}<option value="{{value}}">{{label}}</option>{{/targets}}</select></label>
      {{#hasOrganisations}}<label>受赠组织（去向为社会组织时选择） <select name="targetId"><option value="">—</option>{{#organisations}}<option value="{{value}}">{{label}}</option>{{/organisations}}</select></label>{{/hasOrganisations}}
      <label>用在哪里 <input name="label" required maxlength="100" placeholder="如：重阳节慰问 张某某家"></label>
      <label>说明 <input name="note" maxlength="500"></label><button class="btn btn-primary">分配</button></form></section>{{/mayAllocate}}
    """

    static let incubations = """
    <header class="page-head"><p class="crumbs"><a href="/resources">五社资源</a></p><h1>孵化基地</h1>
      <p class="muted">初审时限 {{checkDays}} 个工作日；出壳后 {{returnDays}} 天内交还场地。</p></header>
    <section class="card" id="stage-counts"><h2>各阶段组织</h2><ul class="stat-list">{{#stages}}<li><strong>{{count}}</strong> {{label}}</li>{{/stages}}</ul></section>
    {{#groups}}<section class="card stage-group"><h2>{{label}}（{{count}}）</h2><ul class="due-list">{{#rows}}<li class="due-item{{#overdue}} is-overdue{{/overdue}}">
      <a href="/resources/incubations/{{id}}"><strong>{{name}}</strong></a>{{#overdue}} <span class="badge badge-danger">已超期</span>{{/overdue}}
      <span>{{hub}} · 申请于 {{applied}}</span>{{#hasDue}}<small class="muted">{{dueText}}</small>{{/hasDue}}</li>{{/rows}}</ul></section>{{/groups}}
    {{^hasGroups}}<p class="card muted" id="incubations-none">辖区内还没有孵化申请。组织可在其档案页申请入孵。</p>{{/hasGroups}}
    """

    static let incubation = """
    <header class="page-head"><p class="crumbs"><a href="/resources/incubations">孵化基地</a></p><h1>{{name}}</h1>
      <p><span class="badge">{{stage}}</span>{{#overdue}} <span class="badge badge-danger">已超期</span>{{/overdue}} <span class="muted">{{hub}}</span></p></header>
    \(error)
    <section class="card"><dl class="facts"><dt>组织</dt><dd><a href="/resources/organisations/{{organisationId}}">{{name}}</a></dd>
      <dt>申请时间</dt><dd>{{applied}}</dd><dt>初审时限</dt><dd>{{checkDue}}</dd>
      {{#hasAgreement}}<dt>孵化期限</dt><dd>{{period}}</dd><dt>场地</dt><dd>{{space}}</dd><dt>扶持内容</dt><dd>{{support}}</dd>{{/hasAgreement}}
      {{#hasSpaceDue}}<dt>交还场地时限</dt><dd>{{spaceDue}}</dd>{{/hasSpaceDue}}</dl></section>
    {{#hasSteps}}<section class="card" id="incubation-steps"><h2>办理</h2>
    {{#steps}}<form method="post" action="/resources/incubations/{{id}}/steps" class="form-stack step" id="step-{{step}}"><input type="hidden" name="_csrf" value="{{csrf}}">
      <input type="hidden" name="step" value="{{step}}">
      {{#isSign}}<label>开始日期 <input name="agreementFrom" type="date" required></label><label>结束日期 <input name="agreementTo" type="date" required></label>
        <label>场地（不提供场地留空） <input name="space" maxlength="100" placeholder="如：孵化基地 203 室"></label>
        <label>扶持内容 <textarea name="support" rows="2" maxlength="500" required></textarea></label>{{/isSign}}
      <label>说明{{#needsNote}}（必填）{{/needsNote}} <input name="note" maxlength="500"{{#needsNote}} required{{/needsNote}}></label>
      <button class="btn{{#isMain}} btn-primary{{/isMain}}">{{label}}</button></form>{{/steps}}</section>{{/hasSteps}}
    {{#mayNote}}<section class="card" id="incubation-note"><h2>记录</h2>
    <form method="post" action="/resources/incubations/{{id}}/notes" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>类型 <select name="kind"><option value="milestone">里程碑</option>{{#mayStep}}<option value="mentor">导师意见</option>{{/mayStep}}</select></label>
      <label>内容 <textarea name="text" rows="2" maxlength="1000" required></textarea></label><button class="btn">记录</button></form></section>{{/mayNote}}
    <section class="card" id="incubation-events"><h2>孵化记录</h2><ul>{{#events}}<li>{{at}} {{text}} <small class="muted">{{by}}</small></li>{{/events}}</ul></section>
    """

    static let map = """
    <header class="page-head"><p class="crumbs"><a href="/resources">五社资源</a></p><h1>资源地图</h1>
      <p class="muted">辖区内可以调动的社会组织、社工、志愿服务队、共建单位和捐赠物资。</p></header>
    \(error)
    <form method="get" action="/resources/map" class="card form-inline" id="map-filter">
      <label>类型 <select name="kind"><option value="">全部</option>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
      <label>服务领域 <select name="field"><option value="">全部</option>{{#fieldOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/fieldOptions}}</select></label>
      <label>服务项目 <select name="itemId"><option value="">全部</option>{{#itemOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/itemOptions}}</select></label>
      <label>区域 <select name="areaId"><option value="">全辖区</option>{{#areaOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/areaOptions}}</select></label>
      <label class="check"><input type="checkbox" name="available" value="1"{{#availableOnly}} checked{{/availableOnly}}> 只看现在可调动的</label>
      <button class="btn">查找</button></form>
    {{#groups}}<section class="card map-group"><h2>{{label}}（{{count}}）</h2><ul class="due-list">{{#entries}}<li class="due-item{{^available}} is-muted{{/available}}">
      {{#hasHref}}<a href="{{href}}">{{/hasHref}}<strong>{{name}}</strong>{{#hasHref}}</a>{{/hasHref}} <span class="badge{{^available}} badge-muted{{/available}}">{{availability}}</span>
      <span>{{detail}}</span>{{#hasServices}}<small class="muted">{{services}}</small>{{/hasServices}}<small class="muted">{{areas}}</small></li>{{/entries}}</ul></section>{{/groups}}
    {{^hasGroups}}<p class="card muted" id="map-none">没有符合条件的资源。</p>{{/hasGroups}}
    """

    static let team = """
    <header class="page-head"><p class="crumbs"><a href="/resources/map?kind=volunteer_team">资源地图</a></p><h1>{{name}}</h1>
      <p class="muted">志愿服务队 · 队员 {{members}} 人</p></header>
    \(error)
    <section class="card"><dl class="facts"><dt>接单队长</dt><dd id="team-intake">{{intake}}</dd><dt>在办诉求</dt><dd>{{open}} 件</dd>
      <dt>居民评价</dt><dd>{{rating}}</dd><dt>服务项目</dt><dd id="team-services">{{servicesText}}</dd></dl>
      <p><a href="/volunteer-teams/{{id}}">队伍与队员</a></p></section>
    {{#mayManage}}<section class="card"><h2>设置服务项目</h2><p class="muted">匹配诉求时按服务项目计分；队长有账号时才能接收派遣。</p>
    <form method="post" action="/resources/teams/{{id}}/services" class="form-stack" id="team-services-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      {{#itemBoxes}}\(checkboxes){{/itemBoxes}}<button class="btn btn-primary">保存</button></form></section>{{/mayManage}}
    """
}
