/**
 * The report's one inline script (plain ES2019, run by the browser or the webview, never by Node):
 * pages the matrix, filters it by status, folder and search text, and opens a device's details when
 * a cell is picked. It reads everything from the markup (`data-s`, `data-f`, `data-page-size`), so
 * the script is the same bytes for every report: one CSP hash, and no report data inside a script.
 * Link clicks are not prevented: a browser then updates `:target` and history; VS Code's webview,
 * which handles in-page links itself, still gets its scroll.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('matrix');
  var devices = document.getElementById('devices');
  var selectedRow = null;

  function select(id) {
    var target = id ? document.getElementById(id) : null;
    if (!target || !devices || !devices.contains(target)) return;
    var device = target.closest('.device');
    Array.prototype.forEach.call(devices.querySelectorAll('.is-selected, .is-focused'), function (el) {
      el.classList.remove('is-selected', 'is-focused');
    });
    device.classList.add('is-selected');
    if (target !== device) target.classList.add('is-focused');
    target.scrollIntoView({ block: 'start' });
  }

  if (table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].querySelectorAll('tr[data-s]'));
    var empty = table.querySelector('tr.empty');
    var pageSize = Number(table.getAttribute('data-page-size')) || 100;
    var statusText = document.getElementById('pager-status');
    var prev = document.querySelector('[data-page="prev"]');
    var next = document.querySelector('[data-page="next"]');
    var search = document.getElementById('device-search');
    var folder = document.getElementById('folder-filter');
    var chips = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
    var filter = 'all';
    var page = 0;
    var matches = rows;
    var shown = rows.filter(function (r) { return !r.hidden; });

    var format = function (n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); };

    var render = function () {
      var start = page * pageSize;
      var visible = matches.slice(start, start + pageSize);
      // Only rows whose state changes are touched: the matrix may hold 10,000 of them.
      shown.forEach(function (r) { r.hidden = true; });
      visible.forEach(function (r) { r.hidden = false; });
      shown = visible;
      empty.hidden = matches.length > 0;
      statusText.textContent = matches.length === 0 ? 'No devices' :
        'Devices ' + format(start + 1) + '\\u2013' + format(start + visible.length) + ' of ' + format(matches.length);
      prev.disabled = page === 0;
      next.disabled = start + pageSize >= matches.length;
    };

    var apply = function () {
      var query = search ? search.value.trim().toLowerCase() : '';
      var folderIndex = folder ? folder.value : '';
      matches = rows.filter(function (r) {
        if (filter !== 'all' && r.getAttribute('data-s') !== filter) return false;
        if (folderIndex !== '' && r.getAttribute('data-f') !== folderIndex) return false;
        return query === '' || (r.cells[0].textContent + ' ' + r.cells[1].textContent).toLowerCase().indexOf(query) >= 0;
      });
      page = 0;
      render();
    };

    chips.forEach(function (chip) {
      chip.addEventListener('click', function () {
        filter = chip.getAttribute('data-filter');
        chips.forEach(function (c) { c.setAttribute('aria-pressed', String(c === chip)); });
        apply();
      });
    });
    var timer = 0;
    if (search) search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
    if (folder) folder.addEventListener('change', apply);
    prev.addEventListener('click', function () { if (page > 0) { page--; render(); } });
    next.addEventListener('click', function () { if ((page + 1) * pageSize < matches.length) { page++; render(); } });

    table.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) return;
      if (selectedRow) selectedRow.classList.remove('is-selected');
      selectedRow = link.closest('tr');
      if (selectedRow) selectedRow.classList.add('is-selected');
      select(decodeURIComponent(link.getAttribute('href').slice(1)));
    });
  }

  window.addEventListener('hashchange', function () { select(decodeURIComponent(location.hash.slice(1))); });
  if (location.hash.length > 1) select(decodeURIComponent(location.hash.slice(1)));
})();
`;
