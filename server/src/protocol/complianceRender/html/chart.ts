/**
 * Inline SVG for the report: the bar chart of % compliant per feature (one `rect.bar` per feature,
 * drifting devices stacked after it in amber, the track grey) and the thin fleet bar under the
 * figures. Sizes are SVG attributes, never `style`, so a strict CSP keeps them.
 */
import type { ComplianceReport, FeatureSummary } from '../../compliance';
import { escapeHtml } from '../escape';
import { formatCount, percentCompliant, plural } from '../reportModel';

const WIDTH = 1100;
const LABEL_WIDTH = 210;
const BAR_WIDTH = 680;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 16;
const AXIS_HEIGHT = 24;

/** Bar widths as short decimals: the 10k report has no use for 15 significant digits. */
function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

export function renderFeatureChart(features: readonly FeatureSummary[]): string {
  const height = AXIS_HEIGHT + features.length * ROW_HEIGHT + 6;
  const x0 = LABEL_WIDTH;
  const parts: string[] = [
    `<svg id="feature-chart" class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="feature-chart-title">`,
    '<title id="feature-chart-title">Percent of configured devices compliant, per feature</title>',
    '<g class="axis">',
  ];
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = px(x0 + (BAR_WIDTH * tick) / 100);
    parts.push(
      `<line class="grid" x1="${x}" x2="${x}" y1="${AXIS_HEIGHT - 6}" y2="${height - 4}"/>`,
      `<text x="${x}" y="${AXIS_HEIGHT - 10}" text-anchor="middle">${tick}%</text>`,
    );
  }
  parts.push('</g>');
  features.forEach((f, i) => parts.push(featureRow(f, AXIS_HEIGHT + i * ROW_HEIGHT)));
  parts.push('</svg>');
  return parts.join('');
}

function featureRow(f: FeatureSummary, top: number): string {
  const title = f.title || f.feature;
  const pct = percentCompliant(f);
  const y = top + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  const textY = px(top + ROW_HEIGHT / 2 + 4);
  const configured = Math.max(f.devices, 1);
  const okWidth = (BAR_WIDTH * f.compliant) / configured;
  const driftWidth = (BAR_WIDTH * f.drifting) / configured;
  const tooltip =
    pct === undefined
      ? `${title}: not configured on any device`
      : `${title}: ${pct}% compliant (${formatCount(f.compliant)} of ${formatCount(f.devices)} devices), ${formatCount(f.drifting)} drifting`;
  const x0 = LABEL_WIDTH;
  const valueX = x0 + BAR_WIDTH + 12;
  const value =
    pct === undefined
      ? `<text class="muted" x="${valueX}" y="${textY}">not configured</text>`
      : `<text x="${valueX}" y="${textY}"><tspan class="pct">${pct}%</tspan><tspan class="muted" dx="8">${f.drifting > 0 ? `${plural(f.drifting, 'device')} drift` : `all ${formatCount(f.devices)} compliant`}</tspan></text>`;
  return [
    `<g class="feature-row" data-feature="${escapeHtml(f.feature)}"><title>${escapeHtml(tooltip)}</title>`,
    `<text x="${x0 - 12}" y="${textY}" text-anchor="end">${escapeHtml(truncate(title, 28))}</text>`,
    `<rect class="track" x="${x0}" y="${px(y)}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="4"/>`,
    `<rect class="bar" data-feature="${escapeHtml(f.feature)}" x="${x0}" y="${px(y)}" width="${px(okWidth)}" height="${BAR_HEIGHT}" rx="4"/>`,
    driftWidth > 0
      ? `<rect class="bar-drift" x="${px(x0 + okWidth)}" y="${px(y)}" width="${px(driftWidth)}" height="${BAR_HEIGHT}" rx="4"/>`
      : '',
    value,
    '</g>',
  ].join('');
}

/** The fleet at a glance: compliant, drifting and failed devices as one stacked bar. */
export function renderFleetBar(report: ComplianceReport): string {
  const { devices, compliant, drifting, failed } = report.summary;
  const total = Math.max(devices, 1);
  const segments: [string, number, string][] = [
    ['seg-ok', compliant, 'compliant'],
    ['seg-warn', drifting, 'drifting'],
    ['seg-bad', failed, 'failed'],
  ];
  const parts = [
    `<svg class="fleet-bar" viewBox="0 0 1000 8" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(`${formatCount(compliant)} compliant, ${formatCount(drifting)} drifting, ${formatCount(failed)} failed`)}">`,
    '<rect class="seg-none" x="0" y="0" width="1000" height="8"/>',
  ];
  let x = 0;
  for (const [cls, n, label] of segments) {
    if (n <= 0) continue;
    const w = (1000 * n) / total;
    parts.push(
      `<rect class="${cls}" x="${px(x)}" y="0" width="${px(w)}" height="8"><title>${formatCount(n)} ${label}</title></rect>`,
    );
    x += w;
  }
  parts.push('</svg>');
  return parts.join('');
}
