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

    await attempt(
      'a job run from the palette shows mid-job in the Jobs view; Review Remediation opens a diff',
      () =>
        jobsStep().catch(async (e) => {
          await page.screenshot({ path: path.join(opt.out, '03-failure.png') }).catch(() => {});
          throw e;
        }),
    );
    async function jobsStep() {
      // Generated devices (150 interfaces each) next to the fixture's four, so the job runs a while.
      const GENERATED = 2000;
      for (let i = 1; i <= GENERATED; i++) {
        const id = `gen-${String(i).padStart(4, '0')}`;
        let running = `hostname ${id}\n!\n`;
        let intended = running;
        for (let k = 0; k < 150; k++) {
          running += `interface GigabitEthernet0/${k}\n description port ${k}\n ip address 10.${k}.0.1 255.255.255.0\n!\n`;
          intended += `interface GigabitEthernet0/${k}\n description port ${k} (${id})\n ip address 10.${k}.0.1 255.255.255.0\n!\n`;
        }
        fs.writeFileSync(path.join(dirs.ws, 'running', `${id}.cfg`), running);
        fs.writeFileSync(path.join(dirs.ws, 'intended', `${id}.cfg`), intended);
      }
      const total = GENERATED + 4;
      const input = page.locator('.quick-input-widget input[type="text"]').first();
      const title = (text) =>
        page.locator('.quick-input-widget .quick-input-title', { hasText: text }).first();
      const palette = async (command) => {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 15000 });
        await input.fill(`>${command}`);
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: command })
          .first()
          .waitFor({ timeout: 15000 });
        await page.keyboard.press('Enter');
      };

      await palette('NetRemediate: Run Remediation on Workspace');
      await title('(1/2)').waitFor({ timeout: 15000 });
      await input.fill('nightly drift check');
      await page.keyboard.press('Enter');
      await title('(2/2)').waitFor({ timeout: 15000 });
      await input.fill('CHG-1042');
      await page.keyboard.press('Enter');

      // The previous step left the NetRemediate container open (clicking it again would close it).
      const jobsHeader = page.locator('.part.sidebar .pane-header', { hasText: 'Jobs' }).first();
      if (!(await jobsHeader.isVisible())) {
        await page.locator('.activitybar .action-item a[aria-label^="NetRemediate"]').first().click();
      }
      // Widen the side bar (drag its edge) so the job's description shows whole in the screenshots.
      const sidebar = await page.locator('.part.sidebar').first().boundingBox();
      if (sidebar) {
        const y = sidebar.y + sidebar.height / 2;
        await page.mouse.move(sidebar.x + sidebar.width - 1, y);
        await page.mouse.down();
        await page.mouse.move(sidebar.x + sidebar.width + 110, y, { steps: 5 });
        await page.mouse.up();
      }
      const jobRow = page
        .locator('.part.sidebar .monaco-list-row', { hasText: 'nightly drift check' })
        .first();
      await jobRow.waitFor({ timeout: 30000 });
      // Mid-job: some devices done, not all (1–99%).
      await page
        .locator('.part.sidebar .monaco-list-row', { hasText: new RegExp(`[1-9]\\d?% · \\d+/${total}`) })
        .first()
        .waitFor({ timeout: 60000 });
      await jobRow.click();
      await page
        .locator('.part.sidebar .monaco-list-row', { hasText: 'gen-0001' })
        .first()
        .waitFor({ timeout: 30000 });
      await page.screenshot({ path: path.join(opt.out, '03-jobs-view-mid-job.png') });

      await page
        .locator('.part.sidebar .monaco-list-row', { hasText: `100% · ${total}/${total}` })
        .first()
        .waitFor({ timeout: 180000 });
      await palette('NetRemediate: Review Remediation');
      await title('Pick a Job').waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await title('Pick a Device').waitFor({ timeout: 15000 });
      await input.fill('edge-rtr-01');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'edge-rtr-01' })
        .first()
        .waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page
        .locator('.tabs-container .tab', { hasText: 'edge-rtr-01: running ↔ after remediation' })
        .first()
        .waitFor({ timeout: 30000 });
      await page
        .locator('.monaco-diff-editor .modified .view-lines', {
          hasText: 'description WAN uplink to ISP-A (circuit 4411-220)',
        })
        .first()
        .waitFor({ timeout: 30000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(opt.out, '04-review-diff.png') });
    }

    await attempt('the Compliance view lists the finished job by feature', async () => {
      const header = page.locator('.part.sidebar .pane-header', { hasText: 'Compliance' }).first();
      await header.waitFor({ timeout: 15000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const row = page
        .locator('.part.sidebar .monaco-list-row', { hasText: /Interfaces.*devices drift/ })
        .first();
      await row.waitFor({ timeout: 30000 });
      await row.click();
      await page
        .locator('.part.sidebar .monaco-list-row', { hasText: 'gen-0001' })
        .first()
        .waitFor({ timeout: 15000 });
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(opt.out, '06-compliance-view.png') });
    });

    await attempt(
      'an intended config shows Review lenses; the hover shows the section remediation',
      async () => {
        // Quick Open (the keybinding differs per host): the command is the same everywhere.
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input[type="text"]').first();
        await input.waitFor({ state: 'visible', timeout: 15000 });
        await input.fill('intended/edge-rtr-01.cfg');
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: 'edge-rtr-01.cfg' })
          .first()
          .waitFor({ timeout: 15000 });
        await page.keyboard.press('Enter');
        const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'commands · Review' });
        await lens.first().waitFor({ timeout: 30000 });
        const titles = await lens.allInnerTexts();
        if (!titles.some((t) => t.includes('2 commands · Review'))) {
          throw new Error(`lenses: ${titles.join(' | ')}`);
        }
        // A line near the top of a changed section (lines below the fold are not rendered).
        const line = page
          .locator('.editor-group-container.active .monaco-editor .view-lines .view-line', {
            hasText: 'WAN uplink to ISP-A (circuit',
          })
          .first();
        await line.hover({ timeout: 15000 }).catch(async (e) => {
          await page.screenshot({ path: path.join(opt.out, '05-failure.png') }).catch(() => {});
          throw e;
        });
        await page
          .locator('.monaco-hover', { hasText: 'Remediation of this section' })
          .first()
          .waitFor({ timeout: 15000 });
        await page.waitForTimeout(200);
        await page.screenshot({ path: path.join(opt.out, '05-inline-review.png') });
      },
    );
  } catch (e) {
    check('the UI run completed', false, String(e).split('\n')[0]);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopServer(server);
    fs.rmSync(dirs.root, { recursive: true, force: true });
  }
  return checks;
}
