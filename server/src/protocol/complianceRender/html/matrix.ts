/**
 * The feature × device matrix: one row per device in attention order, one cell per feature (compliant,
 * drift with its `+missing −extra` counts, not configured), a failed device as one cell across the
 * features with its error. Drift and failed cells link to the device's details in the page; a device
 * with unmanaged drift is marked (`data-u`, drawn by the stylesheet) and its name links to it. At fleet
 * size every row is in the page (so the filter can search them) but only the first page is shown:
 * the inline script pages, filters and searches by toggling `hidden`, which costs no layout for the
 * rows it hides. The markup is terse on purpose: 10,000 devices × 16 features is 160,000 cells.
 */
import type { ComplianceDevice } from '../../compliance';
import { escapeHtml } from '../escape';
import { driftCounts, featuresByName, formatCount } from '../reportModel';
import { featureAnchor, type DeviceRow, type HtmlLayout } from './layout';
import { unmanagedAnchor, unmanagedRowTitle } from './unmanaged';

/** Rows per page of the matrix. */
export const MATRIX_PAGE_SIZE = 100;

export type DeviceLink = (device: ComplianceDevice, feature?: string) => string;

export function renderMatrix(layout: HtmlLayout, deviceLink: DeviceLink | undefined): string {
  const { rows, features, folders } = layout;
  const count = (s: DeviceRow['status']) => rows.filter((r) => r.status === s).length;
  const chips = [
    ['all', 'All', rows.length],
    ['x', 'Failed', count('x')],
    ['d', 'Drift', count('d')],
    ['c', 'Compliant', count('c')],
  ] as const;
  const parts: string[] = [
    '<div class="toolbar">',
    '<div class="chips" role="group" aria-label="Show devices">',
    ...chips.map(
      ([value, label, n]) =>
        `<button type="button" class="chip" data-filter="${value}" aria-pressed="${value === 'all'}">${label}<b>${formatCount(n)}</b></button>`,
    ),
    '</div>',
  ];
  if (folders.length > 1) {
    parts.push(
      '<select id="folder-filter" aria-label="Folder"><option value="">All folders</option>',
      ...folders.map((f, i) => `<option value="${i}">${escapeHtml(f || '(no folder)')}</option>`),
      '</select>',
    );
  }
  parts.push(
    '<input id="device-search" type="search" placeholder="Filter by device or folder\u2026" aria-label="Filter by device or folder" autocomplete="off" spellcheck="false">',
    '</div>',
    `<div class="matrix-scroll"><table class="matrix" id="matrix" data-page-size="${MATRIX_PAGE_SIZE}">`,
    '<thead><tr><th class="dev" scope="col">Device</th><th class="folder" scope="col">Folder</th>',
    ...features.map(
      (f) =>
        `<th class="feat" scope="col" title="${escapeHtml(f.title || f.feature)}"><span>${escapeHtml(f.title || f.feature)}</span></th>`,
    ),
    '</tr></thead><tbody>',
  );
  rows.forEach((row, i) => parts.push(renderRow(row, i >= MATRIX_PAGE_SIZE, layout, deviceLink)));
  parts.push(
    `<tr class="empty" hidden><td colspan="${features.length + 2}">No device matches the filter.</td></tr>`,
    '</tbody></table></div>',
    '<div class="pager">',
    `<div class="legend"><span class="c">Compliant</span><span class="d">Drift (+missing \u2212extra lines)</span><span class="n">Not configured</span><span class="x">Failed</span>${
      layout.report.summary.unmanaged_drift_devices === undefined
        ? ''
        : '<span class="u">Unmanaged drift (information)</span>'
    }</div>`,
    '<div>',
    `<span id="pager-status" aria-live="polite">${pagerText(rows.length)}</span> `,
    `<button type="button" data-page="prev" disabled>\u2039 Previous</button> `,
    `<button type="button" data-page="next"${rows.length > MATRIX_PAGE_SIZE ? '' : ' disabled'}>Next \u203a</button>`,
    '</div></div>',
  );
  return parts.join('');
}

function pagerText(total: number): string {
  if (total === 0) return 'No devices';
  return `Devices 1\u2013${formatCount(Math.min(total, MATRIX_PAGE_SIZE))} of ${formatCount(total)}`;
}

function renderRow(
  row: DeviceRow,
  hidden: boolean,
  layout: HtmlLayout,
  link: DeviceLink | undefined,
): string {
  const { device } = row;
  const name = escapeHtml(device.device_id);
  // A compliant device's details hold only its unmanaged drift: its name leads there.
  const nameCell =
    row.status !== 'c'
      ? `<a href="#${row.anchor}">${name}</a>`
      : row.unmanaged
        ? `<a href="#${unmanagedAnchor(row)}">${name}</a>`
        : link
          ? `<a href="${escapeHtml(link(device))}">${name}</a>`
          : `<span>${name}</span>`;
  const open = `<tr data-s="${row.status}" data-f="${row.folderIndex}"${row.unmanaged ? ' data-u' : ''}${hidden ? ' hidden' : ''}>`;
  const title = row.unmanaged ? ` title="${escapeHtml(unmanagedRowTitle(row))}"` : '';
  const head = `<th scope="row"${title}>${nameCell}</th><td class="folder">${escapeHtml(device.folder)}</td>`;
  if (row.status === 'x') {
    const error = (device.error ?? 'could not be checked').split(/\r?\n/, 1)[0];
    const cell = `<td class="x" colspan="${layout.features.length}"><a href="#${row.anchor}">Failed: ${escapeHtml(error.length > 140 ? `${error.slice(0, 139)}\u2026` : error)}</a></td>`;
    return `${open}${head}${cell}</tr>`;
  }
  const byName = featuresByName(device);
  const cells = layout.features.map((f, i) => {
    const feature = byName.get(f.feature);
    if (feature === undefined) return '<td class="n"></td>';
    if (feature.compliant) return '<td class="c">\u2713</td>';
    return `<td class="d"><a href="#${featureAnchor(row, i)}">${driftCounts(feature)}</a></td>`;
  });
  return `${open}${head}${cells.join('')}</tr>`;
}
