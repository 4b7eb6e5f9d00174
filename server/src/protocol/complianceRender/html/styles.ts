/**
 * The report's one stylesheet. Colours are our own light and dark palettes (prefers-color-scheme),
 * overridden by VS Code's theme variables when the page is a webview: `--vscode-*` when defined, and
 * the `vscode-light` / `vscode-dark` body classes, because a webview follows the editor's theme, not
 * the OS's. Status tints are mixed from the status colours, so they suit any theme. No `style`
 * attribute exists anywhere in the page: a hash or nonce CSP would block it.
 */
const LIGHT = `
  --nr-bg: #f6f8fa; --nr-surface: #ffffff; --nr-fg: #1f2328; --nr-muted: #59636e; --nr-border: #d1d9e0;
  --nr-ok: #1a7f37; --nr-warn: #b35900; --nr-bad: #d1242f; --nr-none: #eef1f4; --nr-accent: #0969da;
  --nr-info: #0e7490;`;
const DARK = `
  --nr-bg: #0d1117; --nr-surface: #151b23; --nr-fg: #e6edf3; --nr-muted: #9198a1; --nr-border: #3d444d;
  --nr-ok: #3fb950; --nr-warn: #e3a03c; --nr-bad: #f85149; --nr-none: #212830; --nr-accent: #4493f8;
  --nr-info: #22b8cf;`;

export const REPORT_CSS = `
:root { color-scheme: light dark; ${LIGHT} }
@media (prefers-color-scheme: dark) { :root { ${DARK} } }
body.vscode-light { ${LIGHT} }
body.vscode-dark, body.vscode-high-contrast { ${DARK} }
:root {
  --bg: var(--vscode-editor-background, var(--nr-bg));
  --surface: var(--vscode-editorWidget-background, var(--nr-surface));
  --fg: var(--vscode-foreground, var(--nr-fg));
  --muted: var(--vscode-descriptionForeground, var(--nr-muted));
  --border: var(--vscode-widget-border, var(--vscode-panel-border, var(--nr-border)));
  --accent: var(--vscode-textLink-foreground, var(--nr-accent));
  --ok: var(--vscode-testing-iconPassed, var(--nr-ok));
  --warn: var(--vscode-editorWarning-foreground, var(--nr-warn));
  --bad: var(--vscode-errorForeground, var(--nr-bad));
  --none: var(--nr-none);
  /* Unmanaged drift is information: neither the amber of drift nor the red of a failure. */
  --info: var(--vscode-editorInfo-foreground, var(--nr-info));
  --info-tint: color-mix(in srgb, var(--info) 14%, transparent);
  --ok-tint: color-mix(in srgb, var(--ok) 16%, transparent);
  --warn-tint: color-mix(in srgb, var(--warn) 20%, transparent);
  --bad-tint: color-mix(in srgb, var(--bad) 16%, transparent);
  --mono: var(--vscode-editor-font-family, ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, monospace);
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.5 var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--vscode-focusBorder, var(--accent)); outline-offset: 1px; }
.report { max-width: 1280px; margin: 0 auto; padding: 28px 24px 48px; }
.masthead { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 8px 24px; margin-bottom: 20px; }
.brand { display: flex; align-items: center; gap: 8px; color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
.brand svg { width: 18px; height: 18px; }
h1 { margin: 2px 0 0; font-size: 26px; font-weight: 650; letter-spacing: -.01em; }
h2 { margin: 0; font-size: 16px; font-weight: 600; }
.meta { margin: 0; color: var(--muted); font-size: 12px; text-align: right; }
.meta code { font-family: var(--mono); font-size: 11px; }
.kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin-bottom: 12px; }
.kpi { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 14px 16px; border-top: 3px solid var(--kpi, var(--border)); }
.kpi.ok { --kpi: var(--ok); } .kpi.warn { --kpi: var(--warn); } .kpi.bad { --kpi: var(--bad); } .kpi.all { --kpi: var(--accent); } .kpi.info { --kpi: var(--info); }
.kpis.has-info { grid-template-columns: repeat(5, minmax(0, 1fr)); }
.kpi-label { color: var(--muted); font-size: 12px; font-weight: 500; }
.kpi-value { font-size: 28px; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.kpi-note { color: var(--muted); font-size: 12px; }
.fleet-bar { display: block; width: 100%; height: 8px; margin: 0 0 20px; border-radius: 4px; overflow: hidden; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 18px 20px; margin-bottom: 20px; }
.card-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 8px 16px; margin-bottom: 14px; }
.card-note { color: var(--muted); font-size: 12px; }
.seg-ok, .bar { fill: var(--ok); } .seg-warn, .bar-drift { fill: var(--warn); } .seg-bad { fill: var(--bad); } .seg-none { fill: var(--none); }
.bar-drift { opacity: .8; }
.chart { display: block; width: 100%; max-width: 1100px; height: auto; }
.chart text { fill: var(--fg); font-size: 12px; }
.chart .axis text, .chart .muted { fill: var(--muted); font-size: 11px; }
.chart .grid { stroke: var(--border); stroke-width: 1; }
.chart .track { fill: var(--none); }
.chart .pct { font-weight: 600; font-variant-numeric: tabular-nums; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin-bottom: 10px; }
.chips { display: inline-flex; border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
.chip { font: inherit; font-size: 12px; color: var(--fg); background: transparent; border: 0; border-right: 1px solid var(--border); padding: 5px 10px; cursor: pointer; }
.chip:last-child { border-right: 0; }
.chip b { font-weight: 600; margin-left: 4px; font-variant-numeric: tabular-nums; }
.chip[aria-pressed='true'] { background: var(--vscode-button-background, var(--accent)); color: var(--vscode-button-foreground, #fff); }
.toolbar select, .toolbar input { font: inherit; font-size: 12px; color: var(--fg); background: var(--vscode-input-background, var(--bg));
  border: 1px solid var(--vscode-input-border, var(--border)); border-radius: 6px; padding: 5px 8px; }
.toolbar input { min-width: 220px; flex: 1 1 220px; max-width: 320px; }
.matrix-scroll { overflow: auto; max-height: 72vh; width: fit-content; max-width: 100%; border: 1px solid var(--border); border-radius: 8px; }
table.matrix { border-collapse: separate; border-spacing: 0; font-size: 12px; width: max-content; }
.matrix th, .matrix td { border-bottom: 1px solid var(--border); padding: 0; white-space: nowrap; }
.matrix thead th { position: sticky; top: 0; z-index: 2; background: var(--surface); vertical-align: bottom; font-weight: 600; color: var(--muted); text-align: left; }
.matrix thead th.dev, .matrix thead th.folder { padding: 6px 12px; }
.matrix th.feat { width: 44px; min-width: 44px; padding: 8px 0 6px; }
.matrix th.feat span { display: block; writing-mode: vertical-rl; transform: rotate(180deg); margin: 0 auto; max-height: 120px; overflow: hidden; text-overflow: ellipsis; color: var(--fg); }
.matrix tbody th { position: sticky; left: 0; z-index: 1; background: var(--surface); text-align: left; font-weight: 500; padding: 0 12px; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
.matrix tbody th a, .matrix tbody th span { display: block; padding: 5px 0; color: var(--fg); }
.matrix td { text-align: center; min-width: 44px; height: 28px; border-left: 2px solid var(--surface); font-variant-numeric: tabular-nums; }
.matrix td a { display: block; line-height: 28px; color: inherit; text-decoration: none; }
.matrix td.folder { padding: 0 12px; color: var(--muted); text-align: left; min-width: 0; height: auto; border-left: 0; font-variant-numeric: normal; }
.matrix td.c { background: var(--ok-tint); color: var(--ok); }
.matrix td.d { background: var(--warn-tint); color: var(--fg); font-weight: 600; }
.matrix td.d a:hover, .matrix td.x a:hover { box-shadow: inset 0 0 0 2px var(--warn); }
.matrix td.n { background: transparent; color: var(--muted); }
.matrix td.n::before { content: '\\00b7'; }
.matrix td.x { background: var(--bad-tint); color: var(--bad); text-align: left; padding: 0 10px; font-weight: 500; }
.matrix tbody tr:hover th, .matrix tbody tr:hover td.folder { background: var(--vscode-list-hoverBackground, color-mix(in srgb, var(--accent) 8%, var(--surface))); }
.matrix tr.is-selected th { box-shadow: inset 3px 0 0 var(--accent); }
/* The unmanaged drift marker, a circled i, is drawn (fonts lack U+24D8), never written: the row's search text stays the name. */
.um-mark::before, .matrix tbody tr[data-u] th a::after, .legend .u::before { content: 'i'; display: inline-block; box-sizing: border-box; width: 13px; height: 13px;
  margin: 0 0 0 6px; border: 1px solid var(--info); border-radius: 50%; color: var(--info); background: transparent; box-shadow: none;
  font: italic 600 9px/11px Georgia, serif; text-align: center; vertical-align: 1px; }
.legend .u::before { margin: 0 6px 0 0; }
.um-mark::before { margin: 0 2px; }
.matrix .empty td { padding: 24px; text-align: center; color: var(--muted); }
.pager { display: flex; align-items: center; justify-content: space-between; gap: 12px; margin-top: 10px; font-size: 12px; color: var(--muted); }
.pager button { font: inherit; color: var(--fg); background: transparent; border: 1px solid var(--border); border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.pager button:disabled { opacity: .45; cursor: default; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12px; color: var(--muted); }
.legend span::before { content: ''; display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -2px; }
.legend .c::before { background: var(--ok-tint); box-shadow: inset 0 0 0 1px var(--ok); }
.legend .d::before { background: var(--warn-tint); box-shadow: inset 0 0 0 1px var(--warn); }
.legend .n::before { box-shadow: inset 0 0 0 1px var(--border); }
.legend .x::before { background: var(--bad-tint); box-shadow: inset 0 0 0 1px var(--bad); }
.devices[data-mode='selected'] .device { display: none; }
.devices[data-mode='selected'] .device.is-selected, .devices[data-mode='selected'] .device:target { display: block; }
/* Apart: a browser without :has() drops only this rule, not the selection above. */
.devices[data-mode='selected'] .device:has(:target) { display: block; }
.devices[data-mode='all'] .hint-select { display: none; }
.hint { color: var(--muted); font-size: 13px; margin: 0 0 12px; }
.device { border: 1px solid var(--border); border-radius: 8px; margin-top: 14px; scroll-margin-top: 12px; }
.device.is-selected { border-color: var(--accent); box-shadow: 0 0 0 1px var(--accent); }
/* The device's header stays in view while its features scroll by, so a feature is never read without its device. */
.device-head { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; padding: 10px 14px;
  background: color-mix(in srgb, var(--fg) 4%, var(--surface)); border-bottom: 1px solid var(--border); border-radius: 8px 8px 0 0; }
.device-head h3 { margin: 0; font-size: 15px; font-weight: 600; }
.device-head .where { color: var(--muted); font-size: 12px; flex: 1 1 auto; }
.device-head .where code { font-family: var(--mono); font-size: 11.5px; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 999px; }
.badge.d { background: var(--warn-tint); color: var(--warn); } .badge.x { background: var(--bad-tint); color: var(--bad); } .badge.c { background: var(--ok-tint); color: var(--ok); } .badge.u { background: var(--info-tint); color: var(--info); }
.review { font-size: 12px; font-weight: 500; white-space: nowrap; }
.feature { padding: 12px 14px 14px; border-top: 1px solid var(--border); scroll-margin-top: 56px; }
.feature:last-child { border-radius: 0 0 8px 8px; }
.device-head + .feature { border-top: 0; }
.feature.is-focused { background: color-mix(in srgb, var(--accent) 7%, transparent); }
.feature h4 { display: flex; align-items: baseline; gap: 10px; margin: 0 0 10px; font-size: 13px; font-weight: 600; }
.feature h4 .counts { font-family: var(--mono); font-weight: 500; color: var(--warn); }
.feature h4 .review { margin-left: auto; }
.panes { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; }
.pane { display: flex; flex-direction: column; margin: 0; background: var(--surface); border: 1px solid var(--border); border-radius: 6px; overflow: hidden; border-left: 3px solid var(--pane, var(--border)); }
.pane.missing { --pane: var(--ok); } .pane.extra { --pane: var(--bad); } .pane.remediation { --pane: var(--accent); } .pane.rollback { --pane: var(--muted); }
.pane figcaption { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); padding: 5px 10px; border-bottom: 1px solid var(--border); }
.pane pre { flex: 1 1 auto; margin: 0; padding: 8px 10px; font: 12px/1.45 var(--mono); overflow: auto; max-height: 320px; white-space: pre; background: var(--vscode-textCodeBlock-background, color-mix(in srgb, var(--fg) 3%, var(--surface))); }
.pane pre.empty { color: var(--muted); font-style: italic; font-family: inherit; }
.error-box { margin: 12px 14px 14px; padding: 10px 12px; border-radius: 6px; background: var(--bad-tint); color: var(--fg); font: 12px/1.45 var(--mono); white-space: pre-wrap; overflow-wrap: anywhere; }
.compliant-list { margin: 0; padding: 10px 14px; border-top: 1px solid var(--border); color: var(--muted); font-size: 12px; }
.unmanaged { padding: 12px 14px 14px; border-top: 1px solid var(--border); box-shadow: inset 3px 0 0 var(--info); scroll-margin-top: 56px; }
.unmanaged:last-child { border-radius: 0 0 8px 8px; }
.unmanaged.is-focused { background: var(--info-tint); }
.unmanaged h4 { display: flex; align-items: baseline; gap: 10px; margin: 0 0 4px; font-size: 13px; font-weight: 600; }
.unmanaged .info-note { font-size: 11px; font-weight: 500; color: var(--info); background: var(--info-tint); padding: 0 8px; border-radius: 999px; }
.unmanaged p { margin: 0 0 8px; color: var(--muted); font-size: 12px; }
.unmanaged p.um-more { margin: 6px 0 0; }
.um-table { border-collapse: collapse; font-size: 12px; width: 100%; }
.um-table th { text-align: left; font-weight: 600; color: var(--muted); padding: 3px 12px 3px 0; border-bottom: 1px solid var(--border); }
.um-table td { padding: 3px 12px 3px 0; border-bottom: 1px solid color-mix(in srgb, var(--border) 50%, transparent); vertical-align: top; }
.um-table td:first-child { width: 60%; overflow-wrap: anywhere; }
.um-table code { font-family: var(--mono); font-size: 11.5px; }
.um-table td:not(:first-child) { color: var(--muted); white-space: nowrap; }
.um-table tr[data-k='differs'] td:nth-child(2) { color: var(--info); font-weight: 500; }
.back { font-size: 12px; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
@media (max-width: 860px) { .kpis, .kpis.has-info { grid-template-columns: repeat(2, minmax(0, 1fr)); } .panes { grid-template-columns: minmax(0, 1fr); } .meta { text-align: left; } }
@media print { .toolbar, .pager { display: none; } .matrix-scroll { max-height: none; overflow: visible; } }
`;
