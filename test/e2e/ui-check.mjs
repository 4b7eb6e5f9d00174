// The thin UI check: installs the packaged .vsix into code-server like a user would, opens a workspace
// with a .ios file, checks the activity bar container, runs "NetRemediate: Show Log" from the command
// palette and waits for the server's start line in the NetRemediate output channel. Screenshots go to `out`.
// Logic checks belong in the in-host suite: these selectors are VS Code internals, so keep this thin.
import fs from 'node:fs';
import path from 'node:path';
import {
  makeRunDir,
  serverEnv,
  serverArgs,
  runCli,
  startServer,
  stopServer,
  launchBrowser,
  now,
  secs,
} from './lib.mjs';

/**
 * @param {{ codeServer: {launcher: string, path: string}, vsix: string, workspace: string, out: string }} opt
 * @returns {Promise<{ name: string, ok: boolean, detail: string }[]>}
 */
export async function runUiCheck(opt) {
  fs.mkdirSync(opt.out, { recursive: true });
  const dirs = makeRunDir({ workspace: opt.workspace });
  const env = serverEnv(dirs, { PATH: opt.codeServer.path });
  const checks = [];
  const check = (name, ok, detail = '') => {
    checks.push({ name, ok, detail });
    console.log(`  ${ok ? '✓' : '✗'} ui: ${name}${detail ? ` (${detail})` : ''}`);
  };
  const attempt = async (name, fn) => {
    const t = now();
    try {
      await fn();
      check(name, true, `${secs(now() - t)} s`);
    } catch (e) {
      check(name, false, String(e).split('\n')[0]);
    }
  };
  let server;
  let browser;
  try {
    await runCli(
      opt.codeServer.launcher,
      [...serverArgs(dirs), '--install-extension', path.resolve(opt.vsix)],
      env,
    );
    check('the .vsix installs into code-server', true);
    server = await startServer(
      opt.codeServer.launcher,
      serverArgs(dirs),
      env,
      path.join(opt.out, 'server.log'),
    );
    browser = await launchBrowser(dirs);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.ws)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: 'branch-router.ios' })
      .first()
      .waitFor({ timeout: 60000 });

    await attempt('the NetRemediate activity bar container is shown', async () => {
      await page
        .locator('.activitybar .action-item a[aria-label^="NetRemediate"]')
        .first()
        .waitFor({ timeout: 30000 });
    });

    await attempt('opening a .ios file gives it the Cisco IOS language', async () => {
      await page
        .locator('.explorer-folders-view .monaco-list-row', { hasText: 'branch-router.ios' })
        .first()
        .dblclick();
      await page
        .locator('.statusbar-item[id="status.editor.mode"]', { hasText: 'Cisco IOS' })
        .waitFor({ timeout: 30000 });
    });

    await attempt('the grammar colours the configuration (several token colours on one line)', async () => {
      const line = page
        .locator('.monaco-editor .view-lines .view-line', { hasText: 'hostname branch-rtr-01' })
        .first();
      await line.waitFor({ timeout: 15000 });
      const classes = await line
        .locator('span > span')
        .evaluateAll((spans) => [...new Set(spans.map((s) => s.className))]);
      if (classes.length < 2) throw new Error(`one token colour only: ${classes.join(', ')}`);
    });

    await attempt('command palette → "NetRemediate: Show Log" shows the server running', async () => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input[type="text"]').first();
      await input.waitFor({ state: 'visible', timeout: 15000 });
      await input.fill('>NetRemediate: Show Log');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'NetRemediate: Show Log' })
        .first()
        .waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page
        .locator('.part.panel .view-lines', { hasText: 'Language server' })
        .first()
        .waitFor({ timeout: 30000 });
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(opt.out, '01-output-channel.png') });

    await attempt('the Jobs view opens from the activity bar', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="NetRemediate"]').first().click();
      await page
        .locator('.part.sidebar', { hasText: 'No remediation jobs yet' })
        .first()
        .waitFor({ timeout: 15000 });
    });
    await page.screenshot({ path: path.join(opt.out, '02-activity-bar.png') });
  } catch (e) {
    check('the UI run completed', false, String(e).split('\n')[0]);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopServer(server);
    fs.rmSync(dirs.root, { recursive: true, force: true });
  }
  return checks;
}
