/**
 * `--format html` and the editor's report webview: one self-contained page (inline CSS, inline SVG,
 * one small inline script; nothing fetched), under a Content Security Policy either way:
 *
 * - with a `nonce` (the webview): exactly the policy VS Code's webview guide asks for, the nonce on the
 *   `<style>` and the `<script>`, `cspSource` for anything the host serves;
 * - without (a file opened from disk or a CI artifact): `default-src 'none'` and the SHA-256 hashes of
 *   our one stylesheet and one script. Hashes, not `'unsafe-inline'`: the page carries config text
 *   from many devices, and a hash admits our code only, while `'unsafe-inline'` would admit any script
 *   or style an escaping bug ever let through. A fixed nonce in a static file would be public, so no
 *   better than `'unsafe-inline'`. (Hashes do not cover `style` attributes: the page has none.)
 */
import type { ComplianceReport } from '../../compliance';
import { escapeHtml } from '../escape';
import { describeScope, formatCount } from '../reportModel';
import { cspHash } from '../sha256';
import { renderFeatureChart, renderFleetBar } from './chart';
import { renderDetails } from './details';
import { buildHtmlLayout } from './layout';
import { renderMatrix, type DeviceLink } from './matrix';
import { REPORT_SCRIPT } from './script';
import { REPORT_CSS } from './styles';
import { unmanagedKpi } from './unmanaged';

export interface ComplianceHtmlOptions {
  /** A fresh nonce per render (the webview): put on the style and script, named by the CSP. */
  readonly nonce?: string;
  /** The webview's `cspSource`, allowed for styles and images beside the nonce. */
  readonly cspSource?: string;
  /**
   * Where "Review" links go (a `command:` URI in the webview); no review links without it. Called
   * for a device, and for a device and one of its features.
   */
  readonly deviceLink?: DeviceLink;
  /** The page title; `Fleet compliance` by default. */
  readonly title?: string;
}

// Hashed once: the stylesheet and the script are the same bytes in every report.
let standaloneCsp: string | undefined;

function contentSecurityPolicy(options: ComplianceHtmlOptions): string {
  if (options.nonce !== undefined) {
    const host = options.cspSource ? `${options.cspSource} ` : '';
    const nonce = `'nonce-${options.nonce}'`;
    return `default-src 'none'; style-src ${host}${nonce}; script-src ${nonce}; img-src ${host}data:`;
  }
  standaloneCsp ??=
    `default-src 'none'; style-src '${cspHash(REPORT_CSS)}'; script-src '${cspHash(REPORT_SCRIPT)}'; ` +
    `img-src data:; base-uri 'none'; form-action 'none'`;
  return standaloneCsp;
}

/** `2025-01-15T09:30:00.000Z` → `2025-01-15 09:30 UTC`; anything else is shown as it is. */
function readableTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] === undefined ? '' : m[3] === 'Z' ? ' UTC' : ` ${m[3]}`}`;
}

const LOGO =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><rect x="2" y="2" width="20" height="20" rx="5" fill="none" stroke="currentColor" stroke-width="2"/>' +
  '<path d="M7 12.5l3.2 3.2L17 8.8" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>';

export function renderComplianceHtml(report: ComplianceReport, options: ComplianceHtmlOptions = {}): string {
  const layout = buildHtmlLayout(report);
  const { summary } = report;
  const nonceAttr = options.nonce !== undefined ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  const title = options.title ?? 'Fleet compliance';
  const scope = describeScope(report);
  const share = (n: number) =>
    summary.devices > 0 ? `${Math.floor((n * 100) / summary.devices)}%` : '\u2013';
  const featureDrifts = layout.rows.reduce((n, r) => n + r.drifting.length, 0);
  const meta = [
    `Generated <time datetime="${escapeHtml(report.generated_at)}">${escapeHtml(readableTime(report.generated_at))}</time>`,
    `${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}`,
    scope ? escapeHtml(scope) : '',
    `feature set <code title="${escapeHtml(report.feature_set_sha256)}">${escapeHtml(report.feature_set_sha256.slice(0, 12))}</code>`,
    report.scope_sha256 === undefined
      ? ''
      : `scope <code title="${escapeHtml(report.scope_sha256)}">${escapeHtml(report.scope_sha256.slice(0, 12))}</code>`,
  ].filter((s) => s.length > 0);
  // A fifth figure only within a scope: without one, nothing can differ outside it.
  const infoKpi = unmanagedKpi(report);
  const kpi = (cls: string, label: string, value: number, note: string) =>
    `<div class="kpi ${cls}"><div class="kpi-label">${label}</div><div class="kpi-value">${formatCount(value)}</div><div class="kpi-note">${note}</div></div>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(title)} \u00b7 ${formatCount(summary.devices)} devices</title>`,
    `<style${nonceAttr}>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="report">',
    '<header class="masthead">',
    `<div><div class="brand">${LOGO}NetRemediate</div><h1>${escapeHtml(title)}</h1></div>`,
    `<p class="meta">${meta.join(' \u00b7 ')}</p>`,
    '</header>',
    `<section class="kpis${infoKpi ? ' has-info' : ''}" aria-label="Fleet summary">`,
    kpi(
      'all',
      'Devices',
      summary.devices,
      `in ${formatCount(layout.folders.length)} folder${layout.folders.length === 1 ? '' : 's'}`,
    ),
    kpi('ok', 'Compliant', summary.compliant, `${share(summary.compliant)} of the fleet`),
    kpi('warn', 'Drifting', summary.drifting, `${formatCount(featureDrifts)} feature drifts`),
    kpi('bad', 'Failed', summary.failed, summary.failed > 0 ? 'could not be checked' : 'none'),
    infoKpi,
    '</section>',
    renderFleetBar(report),
    '<section class="card" id="features" aria-labelledby="features-title">',
    '<div class="card-head"><h2 id="features-title">Compliance by feature</h2><span class="card-note">share of the devices that configure each feature</span></div>',
    renderFeatureChart(layout.features),
    '</section>',
    '<section class="card" id="matrix-card" aria-labelledby="matrix-title">',
    '<div class="card-head"><h2 id="matrix-title">Feature \u00d7 device matrix</h2><span class="card-note">failed and drifting devices first \u00b7 select a cell for its details</span></div>',
    renderMatrix(layout, options.deviceLink),
    '</section>',
    '<section class="card" id="details" aria-labelledby="details-title">',
    `<div class="card-head"><h2 id="details-title">Device details</h2><span class="card-note">missing and extra lines, remediation and rollback per feature${infoKpi ? '; sections differing outside the scope, for information' : ''}</span></div>`,
    renderDetails(layout, options.deviceLink),
    '</section>',
    `<footer>NetRemediate compliance report \u00b7 format version ${report.version}</footer>`,
    '</main>',
    `<script${nonceAttr}>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
