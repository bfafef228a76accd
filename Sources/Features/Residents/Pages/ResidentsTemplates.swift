/// Every page of the Residents feature, in one place for review of the zh-CN text.
enum ResidentsTemplates {
    static let all: [String: String] = [
        "residents.list": list, "residents.form": form, "residents.detail": detail,
        "residents.household": household, "residents.tags": tags, "residents.import": importPage,
    ]

    static let importPage = """
    <nav class="crumbs"><a href="/residents">居民信息</a><span>›</span><strong>导入台账</strong></nav>
    <header class="page-head"><h1>导入居民台账</h1>
    <p class="muted">支持 Excel（.xlsx）和 CSV（UTF-8 或 GBK）。先整表校验：全部无误才导入，有错则一行都不导入，并列出每个错误的行号、列和原因。
    <a href="/residents/import/template.xlsx">下载导入模板</a></p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="import-error">{{error}}</div>{{/error}}
    {{#report}}
      {{#imported}}<div class="alert alert-ok" role="status" id="import-result">已导入 {{total}} 行：新增 {{inserted}} 人，更新 {{updated}} 人。</div>{{/imported}}
      {{^imported}}<div class="alert alert-error" role="alert" id="import-result">发现 {{problemCount}} 处问题，未导入任何数据。请在原表中改正后重新导入。</div>
      <section class="card scroll-x"><table class="table" id="import-problems"><thead><tr><th>行</th><th>列</th><th>问题</th></tr></thead><tbody>
      {{#problems}}<tr><td>{{row}}</td><td>{{column}}</td><td>{{message}}</td></tr>{{/problems}}
      </tbody></table></section>{{/imported}}
      {{#hasIgnored}}<p class="muted" id="ignored-columns">未识别、未导入的列：{{ignored}}</p>{{/hasIgnored}}
    {{/report}}
    <section class="card">
      <form method="post" action="/residents/import" enctype="multipart/form-data" class="form-stack" id="import-form">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>台账文件 <input type="file" name="file" accept=".xlsx,.csv" required></label>
        <label>默认居住地编码（表中没有「居住地编码」列时使用） <input name="community" maxlength="30" inputmode="numeric" value="{{community}}"></label>
        <label class="check"><input type="checkbox" name="mode" value="upsert"{{#upsert}} checked{{/upsert}}> 身份证号已登记的，按表更新（否则视为错误）</label>
        <button class="btn btn-primary">校验并导入</button>
      </form>
    </section>
    """

    static let list = """
    <header class="page-head"><h1>居民信息</h1><p class="muted">共 {{total}} 人（您管辖范围内）。身份证号、电话默认脱敏显示。</p></header>
    <form method="get" action="/residents" class="card" id="resident-filter">
      <div class="form-inline">
        <label>姓名 <input name="name" maxlength="20" value="{{f.name}}" placeholder="如：张伟"></label>
        <button class="btn">查询</button>
        {{#canManage}}<a class="btn btn-primary" href="/residents/new">登记居民</a> <a class="btn" href="/residents/import">导入台账</a>{{/canManage}}
        <a class="btn" href="{{exportLink}}format=xlsx" id="export-xlsx">导出 Excel</a>
        <a class="btn" href="{{exportLink}}format=csv">导出 CSV</a>
        {{#canExportFull}}<a class="btn" href="{{exportLink}}format=xlsx&amp;full=1" id="export-full">导出完整信息</a>{{/canExportFull}}
      </div>
      <details{{#moreFilters}} open{{/moreFilters}}><summary>更多条件</summary>
      <div class="form-inline">
        <label>电话 <input name="phone" maxlength="20" inputmode="tel" value="{{f.phone}}"></label>
        <label>身份证号 <input name="idNumber" maxlength="20" value="{{f.idNumber}}"></label>
        <label>地址 <input name="address" maxlength="50" value="{{f.address}}"></label>
        <label>区域（名称或编码） <input name="regionCode" maxlength="60" value="{{f.regionCode}}" placeholder="如：第一网格"></label>
        <label>标签 <select name="tag"><option value="">全部</option>{{#tagOptions}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/tagOptions}}</select></label>
        <label>年龄 <span class="range"><input name="minAge" size="3" maxlength="3" inputmode="numeric" value="{{f.minAge}}"> – <input name="maxAge" size="3" maxlength="3" inputmode="numeric" value="{{f.maxAge}}"></span></label>
        <label>类别 <select name="status"><option value="">全部</option>{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></label>
      </div>
      </details>
    </form>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    <section class="card scroll-x">
    <table class="table" id="residents"><thead><tr><th>姓名</th><th>性别</th><th>年龄</th><th>地址</th><th>身份证号</th><th>电话</th><th>标签</th></tr></thead><tbody>
    {{#items}}<tr><td><a href="/residents/{{id}}">{{name}}</a></td><td>{{gender}}</td><td>{{age}}</td><td>{{address}}</td><td><code>{{idNumber}}</code></td><td>{{phone}}</td><td>{{tagText}}</td></tr>{{/items}}
    </tbody></table>
    {{^items}}<p class="muted">没有符合条件的居民。</p>{{/items}}
    <nav class="pager">{{#previous}}<a href="{{previous}}">上一页</a>{{/previous}} {{#next}}<a href="{{next}}">下一页</a>{{/next}}</nav>
    </section>
    """

    static let form = """
    <nav class="crumbs"><a href="/residents">居民信息</a><span>›</span><strong>{{title}}</strong></nav>
    <section class="card">
      <h1>{{title}}</h1>
      {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
      <form method="post" action="{{action}}" class="form-stack" id="resident-form">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>姓名 <input name="name" required maxlength="50" value="{{v.name}}"></label>
        <label>居住地（到户，名称或编码） <input name="regionCode" required maxlength="60" value="{{v.regionCode}}" placeholder="如：第一网格 1号楼 1单元 101室"></label>
        <label>身份证号 <input name="idNumber" maxlength="20" autocomplete="off" value="{{v.idNumber}}" placeholder="{{idPlaceholder}}"></label>
        <label>电话 <input name="phone" maxlength="20" inputmode="tel" autocomplete="off" value="{{v.phone}}" placeholder="{{phonePlaceholder}}"></label>
        <p class="muted">填写身份证号后，出生日期和性别按身份证号确定。{{#editing}}身份证号、电话留空则保持不变。{{/editing}}</p>
        <label>性别 <select name="gender"><option value="">未填</option>{{#genders}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/genders}}</select></label>
        <label>出生日期 <input name="birthDate" type="date" value="{{v.birthDate}}"></label>
        <label>民族 <select name="ethnicity"><option value="">未填</option>{{#ethnicities}}<option{{#selected}} selected{{/selected}}>{{label}}</option>{{/ethnicities}}</select></label>
        <label>政治面貌 <select name="politicalStatus"><option value="">未填</option>{{#politicalStatuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/politicalStatuses}}</select></label>
        <label>与户主关系 <select name="relation"><option value="">未填</option>{{#relations}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/relations}}</select></label>
        <label>人口类别 <select name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></label>
        <fieldset class="tags"><legend>关爱与服务标签</legend>
        {{#tagOptions}}<label class="check"><input type="checkbox" name="tags" value="{{name}}"{{#selected}} checked{{/selected}}> {{name}}</label>{{/tagOptions}}
        </fieldset>
        <label>备注 <textarea name="notes" maxlength="500">{{v.notes}}</textarea></label>
        <button class="btn btn-primary">保存</button>
      </form>
    </section>
    """

    static let detail = """
    <nav class="crumbs"><a href="/residents">居民信息</a><span>›</span><strong>{{r.name}}</strong></nav>
    <header class="page-head"><h1>{{r.name}}</h1>
    <p class="muted">{{r.gender}} {{#r.ageText}}· {{r.ageText}}{{/r.ageText}} · {{r.status}} · <a href="/households/{{r.regionId}}">{{r.address}}</a></p>
    <p>{{#r.tags}}<span class="badge">{{.}}</span> {{/r.tags}}</p></header>
    <section class="card">
      <table class="table facts" id="resident-facts">
        <tr><th>身份证号</th><td><code id="id-number">{{idNumber}}</code>{{#canRevealId}}
          <form method="post" action="/residents/{{r.id}}/reveal" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="field" value="id_number"><button class="btn btn-small" id="reveal-id">查看完整</button></form>{{/canRevealId}}</td></tr>
        <tr><th>电话</th><td><span id="phone">{{phone}}</span>{{#canRevealPhone}}
          <form method="post" action="/residents/{{r.id}}/reveal" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="field" value="phone"><button class="btn btn-small" id="reveal-phone">查看完整</button></form>{{/canRevealPhone}}</td></tr>
        <tr><th>出生日期</th><td>{{r.birthDate}}</td></tr>
        <tr><th>民族</th><td>{{r.ethnicity}}</td></tr>
        <tr><th>政治面貌</th><td>{{r.politicalStatus}}</td></tr>
        <tr><th>与户主关系</th><td>{{r.relation}}</td></tr>
        <tr><th>备注</th><td>{{r.notes}}</td></tr>
      </table>
      {{#revealed}}<p class="muted">完整信息的每次查看都已记入审计日志。</p>{{/revealed}}
      {{#canManage}}<p><a class="btn" href="/residents/{{r.id}}/edit">修改</a></p>{{/canManage}}
    </section>
    """

    static let household = """
    <nav class="crumbs"><a href="/residents">居民信息</a><span>›</span><strong>{{address}}</strong></nav>
    <header class="page-head"><h1>{{address}}</h1><p class="muted">{{levelLabel}} · 编码 <code>{{code}}</code> · 共 {{count}} 人</p></header>
    <section class="card">
    <table class="table" id="members"><thead><tr><th>姓名</th><th>与户主关系</th><th>性别</th><th>年龄</th><th>类别</th><th>标签</th></tr></thead><tbody>
    {{#members}}<tr><td><a href="/residents/{{id}}">{{name}}</a></td><td>{{relation}}</td><td>{{gender}}</td><td>{{age}}</td><td>{{status}}</td><td>{{tagText}}</td></tr>{{/members}}
    </tbody></table>
    {{^members}}<p class="muted">此处尚未登记居民。</p>{{/members}}
    {{#canManage}}<p><a class="btn btn-primary" href="/residents/new?regionCode={{code}}">在此登记居民</a></p>{{/canManage}}
    </section>
    """

    static let tags = """
    <header class="page-head"><h1>关爱与服务标签</h1><p class="muted">用于筛选独居老人、低保户、留守儿童等服务对象。</p></header>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    <section class="card"><p id="tag-list">{{#items}}<span class="badge">{{.}}</span> {{/items}}</p>
    {{#canManage}}
    <form method="post" action="/tags" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>新标签 <input name="name" required maxlength="20"></label><button class="btn">新增</button></form>
    {{/canManage}}
    </section>
    """
}
