/**
 * Unmanaged drift in the HTML report (docs/scope.md): top-level sections that differ outside a device's
 * scope. Information, never failure: its own colour (`--info`, not the amber of drift or the red of a
 * failure), a KPI beside the others only when a scope was in force, and per device a table of the
 * sections, the telling ones first. The texts are config lines: every one goes through escapeHtml.
 */
import type { ComplianceReport } from '../../compliance';
import { escapeHtml } from '../escape';
import {
  formatCount,
  plural,
  unlistedUnmanaged,
  unmanagedKindText,
  unmanagedSections,
  unmanagedWhere,
} from '../reportModel';
import type { DeviceRow } from './layout';

/** The id of a device's unmanaged drift part, where its matrix row links when it is compliant. */
export function unmanagedAnchor(row: DeviceRow): string {
  return `${row.anchor}-unmanaged`;
}

/** The summary's figure; none for a report without a scope, where there is nothing to count. */
export function unmanagedKpi(report: ComplianceReport): string {
  const n = report.summary.unmanaged_drift_devices;
  if (n === undefined) return '';
  const note =
    n > 0 ? 'devices with sections outside the scope that differ' : 'nothing differs outside the scope';
  return `<div class="kpi info"><div class="kpi-label">Unmanaged drift</div><div class="kpi-value">${formatCount(n)}</div><div class="kpi-note">${note}</div></div>`;
}

/** The matrix row's marker: an attribute the stylesheet draws (ⓘ), so search text stays the name. */
export function unmanagedRowTitle(row: DeviceRow): string {
  const n = row.device.unmanaged_drift ?? 0;
  return `${plural(n, 'section')} ${n === 1 ? 'differs' : 'differ'} outside the scope (information, not drift)`;
}

export function renderUnmanaged(row: DeviceRow): string {
  const { device } = row;
  const count = device.unmanaged_drift ?? 0;
  const sections = unmanagedSections(device);
  const unlisted = unlistedUnmanaged(device);
  const parts = [
    `<section class="unmanaged" id="${unmanagedAnchor(row)}">`,
    `<h4>Unmanaged drift<span class="info-note">information \u00b7 not drift</span></h4>`,
    `<p>${plural(count, 'top-level section')} ${count === 1 ? 'differs' : 'differ'} outside the scope: left alone by the remediation, not counted as drift.</p>`,
  ];
  if (sections.length > 0) {
    parts.push(
      '<table class="um-table"><thead><tr><th scope="col">Section</th><th scope="col">How</th><th scope="col">Where</th></tr></thead><tbody>',
      ...sections.map(
        (s) =>
          `<tr data-k="${escapeHtml(s.kind)}"><td><code>${escapeHtml(s.text)}</code></td><td>${escapeHtml(unmanagedKindText(s))}</td><td>${escapeHtml(unmanagedWhere(s))}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  if (unlisted > 0) {
    parts.push(
      sections.length > 0
        ? `<p class="um-more">\u2026 and ${formatCount(unlisted)} more, not listed in the report.</p>`
        : '<p class="um-more">The report does not list them.</p>',
    );
  }
  parts.push('</section>');
  return parts.join('');
}
