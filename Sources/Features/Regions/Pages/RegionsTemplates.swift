/// Every page of the Regions feature, in one place for review of the zh-CN text.
enum RegionsTemplates {
    static let all: [String: String] = [
        "regions.node": node,
        "regions.thematic-list": thematicList,
        "regions.thematic": thematic,
    ]

    static let node = """
    <nav class="crumbs" aria-label="层级">{{#crumbs}}<a href="/regions/{{id}}">{{name}}</a><span>›</span>{{/crumbs}}<strong>{{node.name}}</strong></nav>
    <header class="page-head">
      <h1>{{node.name}} {{#node.retired}}<span class="badge badge-muted">已撤销</span>{{/node.retired}}</h1>
      <p class="muted">{{node.levelLabel}} · 编码 <code id="node-code">{{node.code}}</code></p>
    </header>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    <section class="card">
      <h2>下级{{childLevelLabel}}（{{childTotal}}）</h2>
      {{#hasChildren}}
      <table class="table" id="children">
        <thead><tr><th>名称</th><th>编码</th><th>层级</th><th class="num">下级数</th></tr></thead>
        <tbody>
        {{#children}}
          <tr{{#retired}} class="retired"{{/retired}}><td><a href="/regions/{{id}}">{{name}}</a>{{#retired}} <span class="badge badge-muted">已撤销</span>{{/retired}}</td><td><code>{{code}}</code></td><td>{{levelLabel}}</td><td class="num">{{childCount}}</td></tr>
        {{/children}}
        </tbody>
      </table>
      {{/hasChildren}}
      {{^hasChildren}}<p class="muted">暂无下级。</p>{{/hasChildren}}
      <p><a href="/regions/{{node.id}}{{^showRetired}}?retired=1{{/showRetired}}">{{#showRetired}}隐藏已撤销{{/showRetired}}{{^showRetired}}显示已撤销{{/showRetired}}</a></p>
      {{#canCreateChild}}
      <form method="post" action="/regions/{{node.id}}/children" class="form-inline" id="create-child">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>新增{{childLevelLabel}}名称 <input name="name" required maxlength="50" value="{{values.name}}"></label>
        <label>编号（可空，自动分配）<input name="segment" inputmode="numeric" maxlength="6" value="{{values.segment}}" placeholder="{{segmentHint}}"></label>
        <button class="btn">新增</button>
      </form>
      {{/canCreateChild}}
    </section>
    {{#map}}
    <section class="card" id="map">
      <h2>边界图</h2>
      <figure class="boundary-map">
        <svg viewBox="0 0 {{width}} {{height}}" role="img" aria-label="{{node.name}}及下级的边界">
          {{#shapes}}<a href="/regions/{{id}}"><path class="{{#isSelf}}boundary-self{{/isSelf}}{{^isSelf}}boundary-child{{/isSelf}}" fill-rule="evenodd" d="{{path}}"><title>{{name}}</title></path>{{^isSelf}}<text x="{{labelX}}" y="{{labelY}}" text-anchor="middle">{{name}}</text>{{/isSelf}}</a>{{/shapes}}
        </svg>
        <figcaption class="muted">已标出 {{drawnChildren}} 个下级的边界；点击区域进入。</figcaption>
      </figure>
    </section>
    {{/map}}
    {{#canImportBoundaries}}
    <section class="card" id="boundaries">
      <h2>导入边界</h2>
      <p class="muted">上传 GeoJSON 文件（FeatureCollection，每个要素的 properties 中以 code 写明本区域或下级的区域编码，坐标为 [经度, 纬度]）。文件中任一要素有误则全部不导入。</p>
      <form method="post" action="/regions/{{node.id}}/boundaries" enctype="multipart/form-data" class="form-inline" id="boundary-form">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>边界文件 <input type="file" name="file" accept=".geojson,.json,application/geo+json,application/json" required></label>
        <button class="btn">导入</button>
      </form>
      <p><a href="/api/v1/regions/{{node.id}}/boundary">下载当前边界（GeoJSON）</a></p>
    </section>
    {{/canImportBoundaries}}
    {{#isGrid}}
    <section class="card" id="team">
      <h2>网格队伍（1+1+X）</h2>
      {{#hasTeam}}
      <table class="table"><thead><tr><th>姓名</th><th>职责</th>{{#canManageTeam}}<th></th>{{/canManageTeam}}</tr></thead><tbody>
      {{#team}}<tr><td>{{displayName}}</td><td>{{dutyLabel}}</td>{{#canManageTeam}}<td><form method="post" action="/regions/{{node.id}}/team/{{userId}}/remove"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-small btn-danger">移除</button></form></td>{{/canManageTeam}}</tr>{{/team}}
      </tbody></table>
      {{/hasTeam}}
      {{^hasTeam}}<p class="muted">尚未配置网格队伍。</p>{{/hasTeam}}
      {{#canManageTeam}}
      <form method="post" action="/regions/{{node.id}}/team" class="form-inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>账号 <input name="username" required maxlength="50"></label>
        <label>职责 <select name="duty">{{#duties}}<option value="{{value}}">{{label}}</option>{{/duties}}</select></label>
        <button class="btn">加入队伍</button>
      </form>
      {{/canManageTeam}}
    </section>
    {{/isGrid}}
    {{#canEdit}}
    <section class="card">
      <h2>维护</h2>
      <form method="post" action="/regions/{{node.id}}/rename" class="form-inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>名称 <input name="name" required maxlength="50" value="{{node.name}}"></label>
        <button class="btn">改名</button>
      </form>
      <form method="post" action="/regions/{{node.id}}/move" class="form-inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>移到新上级（名称或编码） <input name="parentCode" required maxlength="60" placeholder="如：二街道"></label>
        <button class="btn">移动</button>
      </form>
      <p class="muted">移动后本节点及其全部下级的编码将按新上级重新编排，原编码记入审计日志。</p>
      <form method="post" action="/regions/{{node.id}}/retire" class="form-inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <button class="btn btn-danger">撤销此{{node.levelLabel}}</button>
      </form>
    </section>
    {{/canEdit}}
    """

    static let thematicList = """
    <header class="page-head"><h1>专题网格（五色网格）</h1>
    <p class="muted">按服务对象叠加在网格之上的专题网格，各有责任队伍。</p></header>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    <section class="card">
    {{#hasGrids}}
    <table class="table" id="thematic-grids"><thead><tr><th>名称</th><th>颜色</th><th>服务对象</th><th>所属区域</th></tr></thead><tbody>
    {{#grids}}<tr><td><a href="/thematic-grids/{{id}}">{{name}}</a></td><td><svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill="{{colour}}"/></svg> {{colour}}</td><td>{{tagText}}</td><td>{{regionName}}</td></tr>{{/grids}}
    </tbody></table>
    {{/hasGrids}}
    {{^hasGrids}}<p class="muted">暂无专题网格。</p>{{/hasGrids}}
    </section>
    {{#canManage}}
    <section class="card">
      <h2>新建专题网格</h2>
      <form method="post" action="/thematic-grids" class="form-stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>名称 <input name="name" required maxlength="50" value="{{values.name}}" placeholder="例如：红色网格·党员服务"></label>
        <label>所属区域（名称或编码） <input name="regionCode" required maxlength="60" value="{{values.regionCode}}" placeholder="如：建设社区"></label>
        <label>颜色 <select name="colour">{{#colours}}<option value="{{hex}}">{{name}} {{hex}}</option>{{/colours}}</select></label>
        <label>服务对象标签（用顿号或逗号分隔）<input name="tags" required maxlength="300" value="{{values.tags}}" placeholder="独居老人、空巢老人"></label>
        <label>说明 <textarea name="description" maxlength="500">{{values.description}}</textarea></label>
        <button class="btn">新建</button>
      </form>
    </section>
    {{/canManage}}
    """

    static let thematic = """
    <nav class="crumbs"><a href="/thematic-grids">专题网格</a><span>›</span><strong>{{grid.name}}</strong></nav>
    <header class="page-head"><h1><svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill="{{grid.colour}}"/></svg> {{grid.name}} {{#grid.retired}}<span class="badge badge-muted">已撤销</span>{{/grid.retired}}</h1>
    <p class="muted">所属：<a href="/regions/{{grid.regionId}}">{{grid.regionName}}</a> · 服务对象：{{tagText}}</p>
    {{#grid.description}}<p>{{grid.description}}</p>{{/grid.description}}</header>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    <section class="card"><h2>责任队伍</h2>
    {{#hasTeam}}<table class="table"><thead><tr><th>姓名</th><th>职责</th>{{#canManage}}<th></th>{{/canManage}}</tr></thead><tbody>
    {{#team}}<tr><td>{{displayName}}</td><td>{{dutyLabel}}</td>{{#canManage}}<td><form method="post" action="/thematic-grids/{{grid.id}}/team/{{userId}}/remove"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-small btn-danger">移除</button></form></td>{{/canManage}}</tr>{{/team}}
    </tbody></table>{{/hasTeam}}
    {{^hasTeam}}<p class="muted">尚未配置队伍。</p>{{/hasTeam}}
    {{#canManage}}
    <form method="post" action="/thematic-grids/{{grid.id}}/team" class="form-inline">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label>账号 <input name="username" required maxlength="50"></label>
      <label>职责 <select name="duty">{{#duties}}<option value="{{value}}">{{label}}</option>{{/duties}}</select></label>
      <button class="btn">加入队伍</button>
    </form>
    <form method="post" action="/thematic-grids/{{grid.id}}/retire" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="btn btn-danger">撤销专题网格</button></form>
    {{/canManage}}
    </section>
    """
}
