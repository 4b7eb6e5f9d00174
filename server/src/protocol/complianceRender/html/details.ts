/**
 * Per-device details for every device that is not compliant: for each drifting feature the lines
 * missing from running, the extra lines, the remediation and the rollback; for a failed device its
 * error. A device with unmanaged drift has details too, compliant or not, listing the sections that
 * differ outside its scope (unmanaged.ts). A small fleet shows them all; a large one shows only the
 * device picked in the matrix (the script marks it, and `:target` does the same without script), so
 * the page stays light.
 */
import type { FeatureCompliance } from '../../../engine/compliance/types';
import { escapeHtml } from '../escape';
import { driftCounts, formatCount, plural } from '../reportModel';
import { hasDetails, type DeviceRow, type HtmlLayout } from './layout';
import type { DeviceLink } from './matrix';
import { renderUnmanaged } from './unmanaged';

/** Up to this many devices needing attention, every one's details are shown at once. */
export const SHOW_ALL_DETAILS_UP_TO = 25;

export function renderDetails(layout: HtmlLayout, deviceLink: DeviceLink | undefined): string {
  if (layout.rows.length === 0) return '<p class="hint">The report has no devices.</p>';
  const attention = layout.rows.filter((r) => r.status !== 'c').length;
  // The rows come attention first, so the compliant devices with unmanaged drift come last.
  const detailed = layout.rows.filter(hasDetails);
  const parts: string[] = [];
  if (attention === 0) {
    parts.push('<p class="hint">Every device is compliant: there is nothing to remediate.</p>');
  }
  if (detailed.length === 0) return parts.join('');
  const mode = detailed.length <= SHOW_ALL_DETAILS_UP_TO ? 'all' : 'selected';
  const informational = detailed.length - attention;
  const mark = `<span class="um-mark" aria-label="unmanaged drift"></span>`;
  const unmanaged = `${plural(informational, 'compliant device')} ${informational === 1 ? 'has' : 'have'} unmanaged drift`;
  const hint =
    informational === 0
      ? `${formatCount(attention)} devices need attention. Select a drift or failed cell in the matrix to see what differs and how to fix it.`
      : attention === 0
        ? `${unmanaged}. Select a device marked ${mark} in the matrix to see what differs outside its scope.`
        : `${formatCount(attention)} devices need attention, and ${unmanaged}. Select a drift or failed cell, or a device marked ${mark}, in the matrix to see its details.`;
  parts.push(
    `<div class="devices" id="devices" data-mode="${mode}">`,
    `<p class="hint hint-select">${hint}</p>`,
  );
  for (const row of detailed) parts.push(renderDevice(row, layout, deviceLink));
  parts.push('</div>');
  return parts.join('');
}

function statusBadge(row: DeviceRow): string {
  if (row.status === 'x') return '<span class="badge x">Failed</span>';
  if (row.status === 'c') return '<span class="badge c">Compliant</span>';
  return `<span class="badge d">Drift \u00b7 ${plural(row.drifting.length, 'feature')}</span>`;
}

function renderDevice(row: DeviceRow, layout: HtmlLayout, link: DeviceLink | undefined): string {
  const { device } = row;
  const badge =
    statusBadge(row) +
    (row.unmanaged
      ? `<span class="badge u">${formatCount(device.unmanaged_drift ?? 0)} unmanaged</span>`
      : '');
  const where = [
    escapeHtml(device.folder),
    device.platform ? escapeHtml(device.platform) : '',
    `intended <code>${escapeHtml(device.intended)}</code>`,
    `running <code>${escapeHtml(device.running)}</code>`,
  ]
    .filter((s) => s.length > 0)
    .join(' \u00b7 ');
  const review =
    link && row.status !== 'x'
      ? `<a class="review" href="${escapeHtml(link(device))}">Review remediation</a>`
      : '';
  const parts = [
    `<article class="device" id="${row.anchor}" data-s="${row.status}">`,
    `<header class="device-head"><h3>${escapeHtml(device.device_id)}</h3>${badge}<span class="where">${where}</span>${review}<a class="back" href="#matrix">\u2191 Matrix</a></header>`,
  ];
  if (row.status === 'x') {
    parts.push(
      `<div class="error-box">${escapeHtml(device.error ?? 'The device could not be checked.')}</div>`,
    );
  } else {
    row.drifting.forEach((feature, j) => parts.push(renderFeature(row, feature, j, layout, link)));
    const compliant = layout.order.sort(device.features.filter((f) => f.compliant));
    if (compliant.length > 0) {
      const names = compliant.map((f) => escapeHtml(layout.order.title(f.feature))).join(', ');
      parts.push(`<p class="compliant-list">Compliant: ${names}</p>`);
    }
    if (row.unmanaged) parts.push(renderUnmanaged(row));
  }
  parts.push('</article>');
  return parts.join('');
}

function renderFeature(
  row: DeviceRow,
  feature: FeatureCompliance,
  position: number,
  layout: HtmlLayout,
  link: DeviceLink | undefined,
): string {
  const index = layout.order.indexOf(feature.feature);
  const id = index === undefined ? `${row.anchor}-u${position}` : `${row.anchor}-f${index}`;
  const review = link
    ? `<a class="review" href="${escapeHtml(link(row.device, feature.feature))}">Review ${escapeHtml(layout.order.title(feature.feature))}</a>`
    : '';
  return [
    `<section class="feature" id="${id}">`,
    `<h4>${escapeHtml(layout.order.title(feature.feature))}<span class="counts">${driftCounts(feature)}</span>${review}</h4>`,
    '<div class="panes">',
    pane('missing', `Missing from running (${formatCount(feature.missing_count)})`, feature.missing, 'none'),
    pane('extra', `Extra in running (${formatCount(feature.extra_count)})`, feature.extra, 'none'),
    pane('remediation', 'Remediation', feature.remediation, 'nothing to send'),
    pane('rollback', 'Rollback', feature.rollback, 'nothing to send'),
    '</div></section>',
  ].join('');
}

function pane(kind: string, caption: string, text: string, emptyText: string): string {
  const body = text.replace(/\n+$/, '');
  const pre = body.length > 0 ? `<pre>${escapeHtml(body)}</pre>` : `<pre class="empty">${emptyText}</pre>`;
  return `<figure class="pane ${kind}"><figcaption>${caption}</figcaption>${pre}</figure>`;
}
