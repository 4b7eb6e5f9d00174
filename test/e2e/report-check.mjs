// The HTML compliance report in a real browser (Debian's chromium through playwright-core, offline):
// the fleet fixture's report opens from disk with no request but its own file and no CSP violation,
// the chart has a bar per feature, the matrix a row per device, and a drift cell opens its details;
// the same page under the webview's nonce policy still runs its script; a generated 2,000-device
// report pages, filters and opens details. Screenshots go to test-output/compliance/.
//
//   node test/e2e/report-check.mjs        (alone; `npm run test:vscode` runs it as one check)
/* global Buffer, document, getComputedStyle -- Node's Buffer; the others only inside functions the page runs */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { launchBrowser, makeRunDir, now, secs } from './lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The renderers and the report generator, bundled from source: this check needs no prior build. */
async function loadRenderers() {
  const entry = `export * from './server/src/protocol/complianceRender/index.ts';
export { generateComplianceReport } from './test/unit/complianceReport/generateComplianceReport.ts';`;
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: repo, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

function assert(ok, message) {
  if (!ok) throw new Error(message);
}

/** Opens a report file and records every request and every CSP violation or script error on the page. */
async function openReport(browser, file, viewport = { width: 1400, height: 900 }) {
  const page = await browser.newPage({ viewport, colorScheme: 'light' });
  const problems = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective}`),
    );
  });
  const t = now();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const loadMs = now() - t;
  const expectOnlyItself = () => {
    const others = requests.filter((u) => u !== pathToFileURL(file).href);
    assert(others.length === 0, `requests left the page: ${others.join(', ')}`);
    assert(problems.length === 0, problems.join('; '));
  };
  return { page, loadMs, expectOnlyItself };
}

async function checkFleetReport(browser, render, out) {
  const report = JSON.parse(
    fs.readFileSync(path.join(repo, 'test/fixtures/compliance/fleet-report.json'), 'utf8'),
  );
  const file = path.join(out, 'report.html');
  fs.writeFileSync(file, render.renderComplianceHtml(report));
  const { page, expectOnlyItself } = await openReport(browser, file, { width: 1400, height: 1240 });
  const bars = await page.locator('#feature-chart rect.bar').count();
  assert(
    bars === report.summary.features.length,
    `${bars} bars for ${report.summary.features.length} features`,
  );
  const rows = page.locator('#matrix tbody tr[data-s]');
  assert((await rows.count()) === report.devices.length, `${await rows.count()} matrix rows`);
  const visible = await page.locator('#matrix tbody tr[data-s]:visible').count();
  assert(visible === report.devices.length, `${visible} rows visible of ${report.devices.length}`);
  const firstRows = await rows.locator('th').allTextContents();
  assert(
    firstRows[0] === 'rtr-07' && firstRows.at(-1) === 'core-sw-02',
    `row order: ${firstRows.join(', ')}`,
  );
  await page.screenshot({ path: path.join(out, 'report.png') });
  await page.screenshot({ path: path.join(out, 'report-full.png'), fullPage: true });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  assert(light !== dark, `the dark scheme keeps the light background ${light}`);
  await page.screenshot({ path: path.join(out, 'report-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // The BGP cell of core-sw-01: its details come into view, marked, with the missing neighbor.
  const cell = page.locator('#matrix tr', { hasText: 'core-sw-01' }).locator('td.d a', { hasText: '+4' });
  const href = await cell.getAttribute('href');
  await cell.click();
  const target = page.locator(href);
  await target.waitFor({ state: 'visible' });
  assert(await target.evaluate((el) => el.classList.contains('is-focused')), `${href} is not marked`);
  const inView = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.top < window.innerHeight;
  });
  assert(inView, `${href} is not scrolled into view`);
  const text = await target.textContent();
  assert(
    /Routing: BGP/.test(text) && /neighbor 10\.255\.0\.2/.test(text),
    `details of ${href}: ${text.slice(0, 120)}`,
  );
  await page.screenshot({ path: path.join(out, 'report-details.png') });
  expectOnlyItself();
  await page.close();
}

async function checkWebviewPolicy(browser, render, out) {
  const report = JSON.parse(
    fs.readFileSync(path.join(repo, 'test/fixtures/compliance/fleet-report.json'), 'utf8'),
  );
  const file = path.join(out, 'report-webview.html');
  fs.writeFileSync(file, render.renderComplianceHtml(report, { nonce: 'e2eNonce0123456789' }));
  const { page, expectOnlyItself } = await openReport(browser, file);
  await page.click('[data-filter="d"]'); // only the script can filter: it ran under the nonce policy
  const shown = await page
    .locator('#matrix tbody tr[data-s]:visible')
    .evaluateAll((rs) => rs.map((r) => r.dataset.s));
  assert(shown.length === 4 && shown.every((s) => s === 'd'), `drift filter shows ${shown.join('')}`);
  expectOnlyItself();
  await page.close();
}

async function checkFleetSize(browser, render, out) {
  const report = render.generateComplianceReport(2000);
  const file = path.join(out, 'report-2000.html');
  fs.writeFileSync(file, render.renderComplianceHtml(report));
  const { page, loadMs, expectOnlyItself } = await openReport(browser, file);
  const visibleRows = () => page.locator('#matrix tbody tr[data-s]:visible');
  assert((await visibleRows().count()) === 100, `first page shows ${await visibleRows().count()} rows`);
  await page.click('[data-page="next"]');
  const status = await page.textContent('#pager-status');
  assert(status === 'Devices 101–200 of 2,000', `pager says ${status}`);
  await page.click('[data-filter="x"]');
  const failed = report.devices.filter((d) => d.status === 'failed').length;
  const states = await visibleRows().evaluateAll((rs) => rs.map((r) => r.dataset.s));
  assert(
    states.length === failed && states.every((s) => s === 'x'),
    `failed filter shows ${states.length}/${failed}`,
  );
  await page.click('[data-filter="all"]');
  await page.fill('#device-search', 'rtr-01999');
  await page.waitForFunction(
    () => document.getElementById('pager-status').textContent === 'Devices 1–1 of 1',
  );
  await page.fill('#device-search', '');
  await page.click('[data-filter="d"]');
  // Details of a large fleet are shown only for the device picked.
  const link = page.locator('#matrix td.d a').first();
  const id = (await link.getAttribute('href')).slice(1).replace(/-f\d+$/, '');
  assert(!(await page.locator(`#${id}`).isVisible()), `#${id} is shown before it is picked`);
  await link.click();
  await page.locator(`#${id}`).waitFor({ state: 'visible' });
  assert((await page.locator('.device:visible').count()) === 1, 'more than the picked device is shown');
  expectOnlyItself();
  await page.close();
  return loadMs;
}

/** @returns {Promise<{ name: string, ok: boolean, detail: string }>} */
export async function runReportCheck({ out = path.join(repo, 'test-output', 'compliance') } = {}) {
  const name = 'the HTML compliance report opens offline: chart, matrix, details, paging';
  const t = now();
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const dirs = makeRunDir();
  let browser;
  try {
    const render = await loadRenderers();
    browser = await launchBrowser(dirs);
    await checkFleetReport(browser, render, out);
    await checkWebviewPolicy(browser, render, out);
    const loadMs = await checkFleetSize(browser, render, out);
    const detail = `${secs(now() - t)} s, 2,000-device page loaded in ${secs(loadMs)} s, screenshot ${path.relative(repo, path.join(out, 'report.png'))}`;
    console.log(`  ✓ report: ${name} (${detail})`);
    return { name, ok: true, detail };
  } catch (e) {
    const detail = String(e).split('\n')[0];
    console.log(`  ✗ report: ${name} (${detail})`);
    return { name, ok: false, detail };
  } finally {
    await browser?.close();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ok } = await runReportCheck();
  console.log(`${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
  process.exitCode = ok ? 0 : 1;
}
