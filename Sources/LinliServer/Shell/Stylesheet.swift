/// The console's stylesheet: our own, small, mobile first (390 px phones up to desktops).
/// Every size is in rem or em, so the browser's font setting reaches all text. `html.care` is
/// 关怀模式 (docs/accessibility.md): 18 px text and larger controls, after the MIIT 适老化 norms.
enum Stylesheet {
    static let css = base + care + phone

    static let base = """
    :root{--fg:#1f2933;--muted:#5b6b7c;--line:#d9e2ec;--bg:#f5f7fa;--card:#fff;--brand:#c0392b;--accent:#1c64b8;--danger:#b42318;--ok:#17702f;--control:2.75rem}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;font-size:100%}
    body{margin:0;font-size:1rem;line-height:1.6;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
    a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
    code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:#eef2f6;padding:0 .25em;border-radius:.2rem;word-break:break-all}
    .topbar{display:flex;align-items:center;justify-content:space-between;gap:.5rem;padding:.5rem 1rem;background:var(--brand);color:#fff;flex-wrap:wrap}
    .topbar a{color:#fff}.brand{font-size:1.25rem;font-weight:700}.brand small{font-size:.8rem;font-weight:400;margin-left:.5rem}
    .who{display:flex;align-items:center;gap:.5rem}.who .muted{color:#fde8e6}
    .logout,.care-switch{display:inline;margin:0}
    button.link{background:none;border:0;color:#fff;text-decoration:underline;cursor:pointer;font:inherit;padding:0;min-height:var(--control)}
    .btn-care{font:inherit;font-size:.9rem;color:#fff;background:transparent;border:1px solid #fde8e6;border-radius:999px;padding:.2rem .8rem;min-height:2.25rem;cursor:pointer}
    .btn-care[aria-pressed=true]{background:#fff;color:var(--brand);font-weight:700}
    .mainnav{display:flex;flex-wrap:wrap;gap:0 .25rem;background:#fff;border-bottom:1px solid var(--line);padding:0 .5rem}
    .mainnav a{display:inline-flex;align-items:center;min-height:var(--control);padding:0 .75rem;color:var(--fg);border-bottom:3px solid transparent}
    .mainnav a[aria-current=page]{border-bottom-color:var(--brand);font-weight:600}
    .phonenav{display:none}
    main{max-width:70rem;margin:0 auto;padding:1rem}
    footer{text-align:center;padding:1rem;font-size:.875rem}
    h1{font-size:1.4rem;margin:.25rem 0}h2{font-size:1.15rem;margin:0 0 .75rem}
    .muted{color:var(--muted)}.nowrap{white-space:nowrap}
    .page-head{margin-bottom:1rem}.page-head p{margin:.25rem 0}
    .card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin-bottom:1rem}
    .card.narrow,.login{max-width:28rem;margin:2rem auto}
    .crumbs{display:flex;flex-wrap:wrap;gap:.35rem;font-size:.9rem;margin-bottom:.5rem}.crumbs span{color:var(--muted)}
    .table{width:100%;border-collapse:collapse}.table th,.table td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
    .table th{font-weight:600;color:var(--muted);font-size:.875rem}.table .num{text-align:right}
    .table tr.retired td{color:var(--muted)}
    .scroll-x{overflow-x:auto}.json{font-family:ui-monospace,monospace;font-size:.8rem;max-width:18rem;word-break:break-all}
    .form-inline{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.75rem;margin:.5rem 0}
    .form-stack{display:flex;flex-direction:column;gap:.75rem}.form-stack>button{align-self:flex-start}
    label{display:flex;flex-direction:column;font-size:.9375rem;gap:.25rem}
    input,select,textarea{font:inherit;padding:.5rem .6rem;border:1px solid #8ea2b6;border-radius:.375rem;background:#fff;min-width:0;max-width:100%;min-height:var(--control)}
    input[type=checkbox],input[type=radio]{min-height:0;width:1.25rem;height:1.25rem;margin:0;accent-color:var(--brand)}
    input[type=file]{padding:.4rem}
    textarea{min-height:5rem}
    .btn{display:inline-flex;align-items:center;justify-content:center;font:inherit;min-height:var(--control);padding:.4rem 1rem;border-radius:.375rem;border:1px solid #8ea2b6;background:#fff;color:var(--fg);cursor:pointer}
    .btn:hover{text-decoration:none;background:#f0f4f8}
    .btn-primary{background:var(--brand);border-color:var(--brand);color:#fff}.btn-primary:hover{background:#a93226}
    .btn-danger{color:var(--danger);border-color:#e8958c}.btn-small{min-height:2rem;padding:.2rem .6rem;font-size:.875rem}
    .alert{padding:.75rem 1rem;border-radius:.375rem;margin-bottom:1rem}
    .alert-error{background:#fdecea;color:var(--danger);border:1px solid #f5c2bc}
    .alert-ok{background:#e6f4ea;color:var(--ok);border:1px solid #b7dfc3}
    .badge{display:inline-block;font-size:.8rem;padding:0 .45rem;border-radius:999px;background:#e4e7eb;vertical-align:middle}
    .badge-muted{color:#3d4650;background:#eef0f2}
    .swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:.2rem;vertical-align:middle;border:1px solid rgba(0,0,0,.15)}
    .stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(7.5rem,1fr));gap:.75rem;margin-bottom:1rem}
    .stat{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.75rem;display:flex;flex-direction:column}
    .stat-value{font-size:1.5rem;font-weight:700}.stat-label{color:var(--muted);font-size:.875rem}
    .facts th{width:7.5rem;white-space:nowrap}form.inline{display:inline-block;margin:0 0 0 .5rem}
    fieldset.tags{border:1px solid var(--line);border-radius:.375rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
    label.check{flex-direction:row;align-items:center;gap:.5rem;min-height:var(--control)}
    .range{display:flex;align-items:center;gap:.25rem}.range input{width:4rem}
    details summary{cursor:pointer;color:var(--accent);margin:.25rem 0;min-height:var(--control);display:flex;align-items:center}
    .links{margin:0;padding-left:1.2rem}.links li{min-height:2rem}.pager{margin-top:.75rem;display:flex;gap:1rem}
    .pager a{display:inline-flex;align-items:center;min-height:var(--control)}
    .tabs{display:flex;flex-wrap:wrap;gap:.25rem;margin-bottom:.75rem}
    .tabs a{display:inline-flex;align-items:center;min-height:2.5rem;padding:0 .75rem;border:1px solid var(--line);border-radius:999px;background:#fff;color:var(--fg)}
    .tabs a[aria-current=page]{background:var(--brand);border-color:var(--brand);color:#fff}
    .badge-danger{background:#fdecea;color:var(--danger)}.danger{color:var(--danger)}tr.overdue td{background:#fff7f6}
    .prewrap{white-space:pre-wrap;word-break:break-word}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875rem}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;word-break:break-word}
    .timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:2px solid var(--line)}
    .timeline li{position:relative;padding:0 0 .9rem .5rem}.timeline li::before{content:"";position:absolute;left:-1.45rem;top:.45rem;width:.6rem;height:.6rem;border-radius:50%;background:var(--brand)}
    .timeline li.internal{background:#fffbea}.timeline p{margin:.25rem 0}
    .thumb{width:5.5rem;height:5.5rem;object-fit:cover;border-radius:.375rem;border:1px solid var(--line);margin:.25rem .25rem 0 0}
    .action{border-top:1px solid var(--line);padding-top:.75rem;margin-top:.75rem}.action:first-of-type{border-top:0;margin-top:0;padding-top:0}
    .choices{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.5rem}
    .choices a{display:flex;flex-direction:column;justify-content:center;padding:.75rem;border:1px solid var(--line);border-radius:.5rem;background:#fff;min-height:3.5rem}
    .choices small{font-size:.8rem;margin-top:.15rem;color:var(--muted)}
    .search{display:flex;gap:.5rem;margin:0 0 1rem}.search input{flex:1}
    fieldset{border:1px solid var(--line);border-radius:.375rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}legend{font-size:.9375rem}
    .messages{list-style:none;margin:0;padding:0}.messages li{padding:.6rem 0;border-bottom:1px solid var(--line)}
    .messages li.unread strong{color:var(--brand)}.messages button.link{color:var(--fg);text-decoration:none;text-align:left}
    .chart{width:100%;height:auto;display:block}.chart-narrow{display:none}.chart-bar{fill:var(--brand);opacity:.85}.chart-base{stroke:var(--line)}
    .chart-title{font-size:13px;font-weight:600;fill:var(--fg)}.chart-axis{font-size:11px;fill:var(--muted)}
    .today-counts{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 .75rem}.count-overdue strong{color:var(--danger)}
    .due-list{list-style:none;margin:0 0 .75rem;padding:0}
    .due-item{padding:.5rem 0;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:.15rem .5rem;align-items:baseline}
    .due-item small{flex-basis:100%}.due-item.is-overdue{border-left:.25rem solid var(--danger);padding-left:.5rem}
    .due-item.is-overdue .due-when strong{color:var(--danger)}.due-lists{margin:0;padding-left:1.2rem}
    .emergency{border:2px solid var(--danger);background:#fffafa}.emergency h2{color:var(--danger)}
    .calls{list-style:none;margin:0 0 .5rem;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem}
    .btn-call{width:100%;min-height:3.375rem;font-size:1.15rem;font-weight:700;color:var(--danger);border-color:var(--danger)}
    .again{margin-left:.5rem;white-space:nowrap}
    .changes{list-style:none;margin:0;padding:0;word-break:break-word}.changes li{margin:0 0 .15rem}
    .question-rows{display:block}.question-row{border-top:1px solid var(--line);padding:.5rem 0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr))}
    .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}

    .boundary-map{margin:0}.boundary-map svg{width:100%;max-height:70vh;height:auto}
    .boundary-map path{stroke:var(--fg,#333);stroke-width:1.2;vector-effect:non-scaling-stroke}
    .boundary-self{fill:#eef3f8}.boundary-child{fill:#cfe3f5;fill-opacity:.7}.boundary-map a:hover path{fill:#9cc7ea}
    .boundary-map text{font-size:20px;fill:#123;pointer-events:none}
    .qr{margin:.5rem 0;text-align:center}
    .qr svg{max-width:100%;height:auto}
    .qr figcaption{font-size:.9rem;word-break:break-all}
    .qr-large svg{width:min(80vw,22rem);height:auto}
    .plates{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1rem}.plate{border:1px dashed var(--line);break-inside:avoid}
    .screen{text-align:center}
    .stars{font-size:1.6rem;letter-spacing:.1rem;color:#b8860b;margin:.25rem 0}
    progress{width:100%;height:1rem}
    .certificate{max-width:48rem;margin:0 auto;padding:2rem;background:#fff;border:1px solid #ccc;line-height:2}
    .certificate h1{text-align:center;letter-spacing:.3rem}
    .certificate .seal{text-align:right;margin-top:2rem}
    @media print{.topbar,.mainnav,.phonenav,footer,.noprint{display:none}.certificate{border:0;padding:0}@page{size:A4;margin:2cm}}
    """

    /// 关怀模式: main text 18 px (1.125 × the browser's 16 px default, so a larger browser
    /// setting makes it larger still), controls at least 3.375rem (60 px) for the main ones and
    /// 2.75rem (49.5 px) for the rest, darker text, one column, no small print.
    static let care = """
    html.care{font-size:112.5%;--fg:#111a22;--muted:#3e4c59;--line:#9aa5b1;--bg:#fff;--control:2.75rem}
    .care body{line-height:1.7}
    .care small,.care .badge,.care .stat-label,.care .table th,.care label,.care legend,.care footer,.care .brand small,
    .care .choices small,.care .btn-small,.care .btn-care,.care .crumbs,.care .mono,.care code{font-size:1rem}
    .care h1{font-size:1.5rem}.care h2{font-size:1.25rem}
    .care .btn,.care .choices a{min-height:3.375rem;padding:.5rem 1.25rem;font-weight:600}
    .care .btn-small,.care .tabs a,.care .btn-care{min-height:var(--control)}
    .care input[type=checkbox],.care input[type=radio]{width:1.75rem;height:1.75rem}
    .care label.check{min-height:3.375rem}
    .care .choices{grid-template-columns:1fr}.care .form-inline{flex-direction:column;align-items:stretch}
    .care .form-stack>button{align-self:stretch}.care .stats{grid-template-columns:repeat(2,1fr)}
    .care .links li{min-height:var(--control);display:flex;align-items:center}
    .care .links li a{display:inline-flex;align-items:center;min-height:var(--control)}
    .care .due-item a,.care .crumbs a{display:inline-flex;align-items:center;min-height:var(--control)}

    """

    static let phone = """
    @media (max-width:37.5em){
      main{padding:.75rem}.table th:nth-child(n+4),.table td:nth-child(n+4){display:none}
      .form-inline{flex-direction:column;align-items:stretch}.brand small{display:none}
      .topbar{padding:.4rem .75rem}
      .chart-wide{display:none}.chart-narrow{display:block}
      .mainnav{display:none}
      .phonenav{display:flex;flex-wrap:wrap;align-items:stretch;background:#fff;border-bottom:1px solid var(--line);padding:0 .25rem;position:relative}
      .phonenav a{display:inline-flex;align-items:center;min-height:var(--control);padding:0 .6rem;color:var(--fg);border-bottom:3px solid transparent}
      .phonenav a[aria-current=page]{border-bottom-color:var(--brand);font-weight:600}
      .phonenav .more{margin-left:auto}.phonenav summary{min-height:var(--control);padding:0 .75rem;margin:0;color:var(--accent);font-weight:600}
      .more-links{position:absolute;right:0;left:0;z-index:10;background:#fff;border:1px solid var(--line);box-shadow:0 .5rem 1rem rgba(0,0,0,.12);
        display:grid;grid-template-columns:1fr 1fr;padding:.25rem}
      table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
      table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
      table.cards tr{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;margin-bottom:.5rem;background:#fff}
      table.cards td{border:0;padding:.15rem 0}table.cards td:nth-child(n){display:block}
      table.cards td[data-label]::before{content:attr(data-label) "：";color:var(--muted)}
    }
    """
}
