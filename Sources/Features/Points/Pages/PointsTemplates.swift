/// 积分银行 pages (zh-CN text in one place). Rows use `Bool` flags beside optional values and
/// names no enclosing model uses (docs/adding-a-feature.md, the Mustache traps).
enum PointsTemplates {
    static let all: [String: String] = [
        "points.mine": mine, "points.manage": manage, "points.pickup": pickup, "points.items": items, "points.item": item,
        "points.statement": statement, "points.rules": rules, "points.monthly": monthly, "points.verify": verify,
    ]

    static let lineRows = """
    <table class="table cards"><thead><tr><th>时间</th><th>摘要</th><th>对方</th><th>变动</th><th>余额</th>{{#mayManage}}<th>操作</th>{{/mayManage}}</tr></thead><tbody>
    {{#lines}}<tr><td data-label="时间">{{date}}</td><td data-label="摘要">{{memo}} <small class="muted">{{purpose}}</small></td>
      <td data-label="对方">{{counterparty}}</td><td data-label="变动" class="num">{{change}}</td><td data-label="余额" class="num">{{balance}}</td>
      {{#canReverse}}<td data-label="操作"><details><summary>冲正</summary><form method="post" action="/points/transfers/{{transferId}}/reverse" class="form-inline"
        data-confirm="冲正后这笔积分原数退回，确定吗？"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>理由 <input name="reason" required maxlength="200"></label><button class="btn btn-small btn-danger">冲正</button></form></details></td>{{/canReverse}}
      {{#mayManage}}{{^canReverse}}<td data-label="操作"></td>{{/canReverse}}{{/mayManage}}
    </tr>{{/lines}}</tbody></table>
    """

    static let mine = """
    <header class="page-head"><h1>我的积分</h1>{{^needsIdentity}}<p class="muted">{{name}}</p>{{/needsIdentity}}</header>
    {{#error}}<div class="alert alert-error" role="alert" id="points-error">{{error}}</div>{{/error}}
    {{#needsIdentity}}<section class="card" id="points-identity"><p>积分记在您的居民登记上。请先<a href="/volunteer">完成实名认证</a>，
      核对身份证号后就能查看和使用积分。</p></section>{{/needsIdentity}}
    {{^needsIdentity}}
    <section class="stats" id="points-figures"><div class="stat"><span class="stat-value" id="points-available">{{available}}</span><span class="stat-label">可用积分</span></div>
      <div class="stat"><span class="stat-value">{{balance}}</span><span class="stat-label">账户余额</span></div>
      {{#hasPending}}<div class="stat"><span class="stat-value">{{pending}}</span><span class="stat-label">兑换待领取</span></div>{{/hasPending}}</section>
    {{#hasHeld}}<section class="card" id="held"><h2>待领取</h2>{{#held}}<div class="due-item">
      <strong>{{item}}</strong> <span>{{points}} 积分</span>
      <figure class="qr">{{{qr}}}<figcaption>领取码 <code class="mono">{{code}}</code></figcaption></figure>
      <p>请在 <strong>{{until}}</strong> 前到 {{place}} 出示此码。过期未领，积分自动退回。</p>
      <form method="post" action="/points/redemptions/{{id}}/cancel" data-confirm="确定不要了吗？积分会退回。"><input type="hidden" name="_csrf" value="{{csrf}}">
        <button class="btn btn-danger btn-small">不要了，取消兑换</button></form></div>{{/held}}</section>{{/hasHeld}}
    <section class="card" id="shop"><h2>爱心兑换</h2>
    {{#hasOffers}}<ul class="due-list">{{#offers}}<li class="due-item"><strong>{{name}}</strong> <span class="badge">{{price}} 积分</span>
      <span>{{stockText}} · {{donor}} · 领取：{{place}}</span>{{#hasDescription}}<small class="muted">{{description}}</small>{{/hasDescription}}
      {{#canRedeem}}<form method="post" action="/points/shop/{{id}}/redeem" data-confirm="用 {{price}} 积分兑换「{{name}}」？"><input type="hidden" name="_csrf" value="{{csrf}}">
        <button class="btn btn-primary" id="redeem-{{id}}">兑换</button></form>{{/canRedeem}}
      {{^canRedeem}}<small class="muted">{{refusal}}</small>{{/canRedeem}}</li>{{/offers}}</ul>{{/hasOffers}}
    {{^hasOffers}}<p class="muted">社区暂时没有可兑换的物品。</p>{{/hasOffers}}</section>
    {{#hasDone}}<section class="card" id="done"><h2>兑换记录</h2><ul class="due-list">{{#done}}<li class="due-item"><strong>{{item}}</strong>
      <span class="badge badge-muted">{{state}}</span><span>{{points}} 积分 · {{when}}</span></li>{{/done}}</ul></section>{{/hasDone}}
    <section class="card" id="history"><h2>积分明细</h2>{{#hasLines}}\(lineRows){{/hasLines}}{{^hasLines}}<p class="muted">还没有积分。参加志愿服务、社区活动，或申报好人好事都能获得积分。</p>{{/hasLines}}</section>
    <section class="card" id="deeds"><h2>申报好人好事</h2>
      {{#form}}<form method="post" action="/points/good-deeds" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>做了什么 <input name="title" required maxlength="40" value="{{title}}" placeholder="如：拾金不昧"></label>
        <label>经过 <textarea name="description" required maxlength="1000" rows="3">{{description}}</textarea></label>
        <label>日期 <input type="date" name="happenedOn" required value="{{happenedOn}}" max="{{today}}"></label>
        <label>证明人或其他证明 <input name="evidence" required maxlength="500" value="{{evidence}}"></label>
        <button class="btn btn-primary" id="deed-submit">提交</button></form>{{/form}}
      {{#hasDeeds}}<ul class="due-list">{{#deeds}}<li class="due-item"><strong>{{title}}</strong> <span class="badge">{{state}}</span><span>{{day}}</span>
        {{#hasNote}}<small class="muted">{{note}}</small>{{/hasNote}}</li>{{/deeds}}</ul>{{/hasDeeds}}</section>
    {{/needsIdentity}}
    <script src="/points.js"></script>
    """

    static let manage = """
    <header class="page-head"><h1>积分管理</h1><p class="links"><a class="btn" href="/points/pickup" id="pickup-link">核销领取</a>
      <a class="btn" href="/points/items">兑换物品</a> <a class="btn" href="/points/rules">积分规则</a>
      <a class="btn" href="/points/monthly?month={{month}}">月报</a>{{#mayVerify}} <a class="btn" href="/points/verify">核对总账</a>{{/mayVerify}}
      <a class="btn" href="/points">我的积分</a></p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="points-error">{{error}}</div>{{/error}}
    <section class="card" id="people"><h2>居民积分</h2><p class="muted">按姓名找到居民：查看对账单、奖励积分，或替没有手机的老人兑换。</p>
      <form method="get" action="/points/manage" class="form-inline"><label>姓名 <input name="name" maxlength="20" value="{{name}}"></label><button class="btn">查找</button></form>
      {{#hasPeople}}<ul class="due-list">{{#people}}<li class="due-item"><strong>{{label}}</strong>
        <span>余额 {{balance}}，可用 {{available}}</span>{{#hasAccount}} <a href="/points/accounts/{{accountId}}">对账单</a>{{/hasAccount}}
        <details><summary>奖励积分</summary><form method="post" action="/points/grants" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="residentId" value="{{residentId}}"><label>积分 <input name="amount" type="number" min="0.01" max="10000" step="0.01" required></label>
          <label>理由 <input name="reason" required maxlength="200"></label><button class="btn btn-small btn-primary">奖励</button></form></details>
        {{#hasItems}}<details><summary>代兑换</summary><form method="post" action="/points/counter-redemptions" class="form-inline">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="residentId" value="{{residentId}}">
          <label>物品 <select name="itemId">{{#items}}<option value="{{value}}">{{label}}</option>{{/items}}</select></label>
          <button class="btn btn-small">兑换</button></form></details>{{/hasItems}}</li>{{/people}}</ul>{{/hasPeople}}
      {{#searched}}{{^hasPeople}}<p class="muted">辖区内没有找到这个姓名的居民。</p>{{/hasPeople}}{{/searched}}</section>
    <section class="card" id="waiting"><h2>待领取</h2>{{#hasWaiting}}<table class="table cards"><thead><tr><th>居民</th><th>物品</th><th>积分</th><th>保留至</th><th>领取码</th></tr></thead><tbody>
      {{#waiting}}<tr><td data-label="居民">{{name}}</td><td data-label="物品">{{item}}</td><td data-label="积分" class="num">{{points}}</td>
      <td data-label="保留至">{{until}}</td><td data-label="领取码"><a class="mono" href="/points/pickup?code={{rawCode}}">{{code}}</a></td></tr>{{/waiting}}</tbody></table>{{/hasWaiting}}
      {{^hasWaiting}}<p class="muted">没有待领取的兑换。</p>{{/hasWaiting}}</section>
    <section class="card" id="reviews"><h2>好人好事待审核</h2>{{#hasReviews}}<ul class="due-list">{{#reviews}}<li class="due-item">
      <strong>{{name}}：{{title}}</strong><span>{{day}} · 申报于 {{asked}}</span><p class="prewrap">{{description}}</p><small>证明：{{evidence}}</small>
      <form method="post" action="/points/good-deeds/{{id}}/decision" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="decision" value="approve"><label>积分（不填按规则） <input name="granted" type="number" min="0.01" max="100" step="0.01"></label>
        <button class="btn btn-small btn-primary" id="approve-{{id}}">通过</button></form>
      <form method="post" action="/points/good-deeds/{{id}}/decision" class="form-inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="decision" value="reject"><label>理由 <input name="note" required maxlength="200"></label>
        <button class="btn btn-small btn-danger">不通过</button></form></li>{{/reviews}}</ul>{{/hasReviews}}
      {{^hasReviews}}<p class="muted">没有待审核的申报。</p>{{/hasReviews}}</section>
    """

    static let pickup = """
    <header class="page-head"><p class="crumbs"><a href="/points/manage">积分管理</a></p><h1>核销领取</h1>
      <p class="muted">用手机相机扫描居民的领取码即可打开本页；也可以输入码上的 10 位字母和数字。</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="pickup-error">{{error}}</div>{{/error}}
    <form method="get" action="/points/pickup" class="card form-inline"><label>领取码 <input name="code" maxlength="20" value="{{code}}" autocomplete="off" autocapitalize="characters" required></label>
      <button class="btn">查看</button></form>
    {{#hasRedemption}}<section class="card" id="redemption"><dl class="facts"><dt>居民</dt><dd>{{name}}</dd><dt>物品</dt><dd>{{item}}</dd>
      <dt>积分</dt><dd>{{points}}</dd><dt>领取地点</dt><dd>{{place}}</dd><dt>保留至</dt><dd>{{until}}</dd><dt>状态</dt><dd id="redemption-state">{{stateLabel}}</dd></dl>
      {{#isHeld}}<form method="post" action="/points/pickup"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="code" value="{{code}}">
        <button class="btn btn-primary" id="pickup-confirm">确认交付</button></form>{{/isHeld}}</section>{{/hasRedemption}}
    """

    static let itemForm = """
      <label>名称 <input name="name" required maxlength="40" value="{{name}}"></label>
      <label>说明 <textarea name="description" maxlength="500" rows="2">{{description}}</textarea></label>
      <label>类别 <select name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
      <label>来源 <select name="source">{{#sources}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sources}}</select></label>
      <label>捐赠方（社区购置可不填） <input name="donor" maxlength="60" value="{{donor}}"></label>
      <label>兑换积分 <input name="price" type="number" min="0.01" max="100000" step="0.01" required value="{{price}}"></label>
      <label>每人限兑（件，不限请留空） <input name="perPersonLimit" type="number" min="1" max="1000" value="{{limit}}"></label>
      <label>限兑周期 <select name="limitPeriod">{{#periods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select></label>
      <label>只限这些标签的居民（选填，逗号分隔） <input name="eligibleTags" maxlength="200" value="{{tags}}"></label>
      <label>领取地点 <input name="pickupPlace" required maxlength="60" value="{{place}}"></label>
      <label>保留时长（小时） <input name="holdHours" type="number" min="1" max="720" value="{{holdHours}}"></label>
    """

    static let items = """
    <header class="page-head"><p class="crumbs"><a href="/points/manage">积分管理</a></p><h1>爱心兑换物品</h1></header>
    {{#error}}<div class="alert alert-error" role="alert" id="item-error">{{error}}</div>{{/error}}
    <section class="card" id="items">{{#hasRows}}<table class="table cards"><thead><tr><th>物品</th><th>积分</th><th>架上</th><th>待领取</th><th>已领取</th><th>限兑</th><th>来源</th></tr></thead><tbody>
      {{#rows}}<tr><td data-label="物品"><a href="/points/items/{{id}}">{{name}}</a>{{^onSale}} <span class="badge badge-muted">已下架</span>{{/onSale}}</td>
      <td data-label="积分" class="num">{{price}}</td><td data-label="架上" class="num">{{stock}}</td><td data-label="待领取" class="num">{{held}}</td>
      <td data-label="已领取" class="num">{{redeemed}}</td><td data-label="限兑">{{limit}}</td><td data-label="来源">{{donor}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}
      {{^hasRows}}<p class="muted">还没有兑换物品。</p>{{/hasRows}}</section>
    {{#hasCommunities}}<details class="card" id="item-new"><summary>上架新物品</summary>
      <form method="post" action="/points/items" class="form-stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>所属社区 <select name="communityId" required>{{#communities}}<option value="{{value}}">{{label}}</option>{{/communities}}</select></label>
      \(itemForm)
      <label>初始库存（件） <input name="stock" type="number" min="0" max="100000" value="0"></label>
      <button class="btn btn-primary" id="item-create">上架</button></form></details>{{/hasCommunities}}
    """

    static let item = """
    <header class="page-head"><p class="crumbs"><a href="/points/items">兑换物品</a></p><h1>{{name}}</h1>
      <p>{{^onSale}}<span class="badge badge-muted">已下架</span>{{/onSale}} {{price}} 积分 · 领取：{{place}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="item-error">{{error}}</div>{{/error}}
    <section class="stats"><div class="stat"><span class="stat-value" id="item-stock">{{stock}}</span><span class="stat-label">架上</span></div>
      <div class="stat"><span class="stat-value">{{held}}</span><span class="stat-label">待领取</span></div>
      <div class="stat"><span class="stat-value">{{redeemed}}</span><span class="stat-label">已领取</span></div></section>
    {{#mayManage}}<section class="card" id="restock"><h2>入库 / 出库</h2><form method="post" action="/points/items/{{id}}/stock" class="form-inline">
      <input type="hidden" name="_csrf" value="{{csrf}}"><label>数量（出库填负数） <input name="delta" type="number" min="-100000" max="100000" required></label>
      <label>原因 <input name="reason" required maxlength="100" placeholder="如：惠民超市再捐 10 袋"></label><button class="btn btn-primary" id="restock-submit">保存</button></form></section>
    <details class="card" id="item-change"><summary>修改物品</summary><form method="post" action="/points/items/{{id}}" class="form-stack">
      <input type="hidden" name="_csrf" value="{{csrf}}">\(itemForm)
      <label class="check"><input type="checkbox" name="offSale"{{^onSale}} checked{{/onSale}}> 下架（居民不能再兑换；已兑换的仍可领取）</label>
      <button class="btn btn-primary">保存修改</button></form></details>{{/mayManage}}
    <section class="card" id="moves"><h2>库存变动</h2>{{#hasMoves}}<table class="table cards"><thead><tr><th>时间</th><th>数量</th><th>原因</th><th>经办</th></tr></thead><tbody>
      {{#moves}}<tr><td data-label="时间">{{when}}</td><td data-label="数量" class="num">{{delta}}</td><td data-label="原因">{{reason}}</td><td data-label="经办">{{actor}}</td></tr>{{/moves}}
      </tbody></table>{{/hasMoves}}{{^hasMoves}}<p class="muted">没有库存变动。</p>{{/hasMoves}}</section>
    """

    static let statement = """
    <header class="page-head"><p class="crumbs"><a href="/points/manage">积分管理</a></p><h1>对账单：{{name}}</h1><p class="muted">{{kindLabel}}</p></header>
    {{#error}}<div class="alert alert-error" role="alert">{{error}}</div>{{/error}}
    <section class="stats"><div class="stat"><span class="stat-value" id="statement-balance">{{balance}}</span><span class="stat-label">余额</span></div>
      <div class="stat"><span class="stat-value">{{available}}</span><span class="stat-label">可用</span></div>
      <div class="stat"><span class="stat-value">{{pending}}</span><span class="stat-label">冻结（待领取）</span></div></section>
    <form method="get" action="/points/accounts/{{accountId}}" class="card form-inline"><label>某日日终余额 <input type="date" name="date" value="{{asOf}}" required></label>
      <button class="btn">查询</button>{{#hasAsOf}} <strong id="as-of">{{asOf}} 日终余额：{{asOfBalance}}</strong>{{/hasAsOf}}</form>
    <p class="links"><a class="btn" href="/points/accounts/{{accountId}}/statement.xlsx">导出对账单（Excel）</a></p>
    <section class="card" id="lines">{{#hasLines}}\(lineRows){{/hasLines}}{{^hasLines}}<p class="muted">没有流水。</p>{{/hasLines}}
      {{#hasMore}}<p class="pager"><a href="/points/accounts/{{accountId}}?before={{nextBefore}}">更早的流水</a></p>{{/hasMore}}</section>
    <script src="/points.js"></script>
    """

    static let rules = """
    <header class="page-head"><p class="crumbs"><a href="/points/manage">积分管理</a></p><h1>积分规则：{{regionName}}</h1>
      <p class="muted">{{#inherited}}沿用上级或系统默认规则（{{from}}）。{{/inherited}}修改后生成新版本，此前发放的积分不变。</p></header>
    {{#error}}<div class="alert alert-error" role="alert" id="rules-error">{{error}}</div>{{/error}}
    <form method="post" action="/points/rules" class="card form-stack" id="rules-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>每服务 1 小时（认证时长） <input name="perHour" type="number" min="0" max="10000" step="0.01" required value="{{perHour}}"></label>
      <label>服务类别系数（如「医护=1.5，助老=1.2」；未列出的类别按 1） <input name="coefficients" maxlength="600" value="{{coefficients}}"></label>
      <label>参加一次居民活动 <input name="perActivity" type="number" min="0" max="10000" step="0.01" required value="{{perActivity}}"></label>
      <label>一件好人好事（审核时可另定） <input name="perGoodDeed" type="number" min="0" max="10000" step="0.01" required value="{{perGoodDeed}}"></label>
      <label>志愿者协助办结一件诉求 <input name="perRequestHandled" type="number" min="0" max="10000" step="0.01" required value="{{perRequestHandled}}"></label>
      <label>诉求评价至少（星） <input name="minRating" type="number" min="1" max="5" required value="{{minRating}}"></label>
      <label>每人每日上限（不设请留空） <input name="dailyCap" type="number" min="0.01" step="0.01" value="{{dailyCap}}"></label>
      <label>每人每月上限（不设请留空） <input name="monthlyCap" type="number" min="0.01" step="0.01" value="{{monthlyCap}}"></label>
      {{#mayManage}}<label>修改依据 <input name="note" required maxlength="200" placeholder="如：街道 2026 年积分管理办法"></label>
      <button class="btn btn-primary" id="rules-save">保存为新版本</button>{{/mayManage}}</form>
    {{#hasHistory}}<section class="card" id="rules-history"><h2>历次修改</h2><ul class="due-list">{{#history}}<li class="due-item"><strong>第 {{version}} 版</strong>
      <span>{{when}} · {{by}}</span><small class="muted">{{note}}</small></li>{{/history}}</ul></section>{{/hasHistory}}
    """

    static let monthly = """
    <header class="page-head"><p class="crumbs"><a href="/points/manage">积分管理</a></p><h1>积分兑换月报</h1></header>
    <form method="get" action="/points/monthly" class="card form-inline"><label>月份 <input type="month" name="month" value="{{month}}" required></label>
      <button class="btn">查看</button> <a class="btn" href="/points/monthly.xlsx?month={{month}}">导出 Excel</a></form>
    <section class="card" id="monthly">{{#hasRows}}<table class="table cards"><thead><tr><th>社区</th><th>发放</th><th>兑换</th><th>过期</th><th>月末结余</th></tr></thead><tbody>
      {{#rows}}<tr><td data-label="社区">{{name}}</td><td data-label="发放" class="num">{{issued}}</td><td data-label="兑换" class="num">{{redeemed}}</td>
      <td data-label="过期" class="num">{{expired}}</td><td data-label="月末结余" class="num">{{outstanding}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}
      {{^hasRows}}<p class="muted">辖区内还没有积分往来。</p>{{/hasRows}}</section>
    """

    static let verify = """
    <header class="page-head"><p class="crumbs"><a href="/points/manage">积分管理</a></p><h1>核对积分总账</h1>
      <p class="muted">从每一条流水重算所有账户的余额，核对总和为零、每笔冲正和了结、奖励的幂等键和兑换物品的库存。命令行：<code>linli ledger verify</code>。</p></header>
    <p><a class="btn btn-primary" href="/points/verify?run=1" id="verify-run">开始核对</a></p>
    {{#ran}}<div class="alert {{#ok}}alert-ok{{/ok}}{{^ok}}alert-error{{/ok}}" role="status" id="verify-result">{{message}}</div>{{/ran}}
    """
}
