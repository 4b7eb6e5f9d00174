// Runs the integration suite (test/integration, built to out/test/integration/index.js) inside code-server's
// extension host, the way @vscode/test-electron does for desktop VS Code: the workbench URL carries a
// `payload` with extensionDevelopmentPath and extensionTestsPath; the host awaits the suite's run(); the
// workbench then calls window.codeAutomationExit(code), which playwright exposes to us.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  makeRunDir,
  serverEnv,
  serverArgs,
  startServer,
  stopServer,
  launchBrowser,
  remoteUri,
  now,
  secs,
  enableSmokeTestDriver,
} from './lib.mjs';

/**
 * @param {{ codeServer: {launcher: string, path: string}, devPath: string, testsPath: string,
 *           workspace: string, out: string, timeoutS?: number, env?: Record<string,string>,
 *           trust?: boolean }} opt
 * `trust`: workspace trust on and the folder untrusted (Restricted Mode); off (trusted) by default.
 * @returns {Promise<{ code: number, results?: { passed: string[], failed: {title: string, error: string}[] } }>}
 */
export async function runSuite(opt) {
  fs.mkdirSync(opt.out, { recursive: true });
  const settings = opt.trust
    ? {
        'security.workspace.trust.enabled': true,
        // No start-up dialog: the folder simply stays untrusted, as when a user picks "Don't Trust".
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.untrustedFiles': 'open',
      }
    : {};
  const dirs = makeRunDir({ workspace: opt.workspace, settings });
  const resultFile = path.join(opt.out, 'test-results.json');
  fs.rmSync(resultFile, { force: true });
  // The extension host is forked by the server and inherits its environment.
  const env = serverEnv(dirs, {
    PATH: opt.codeServer.path,
    NETREMEDIATE_TEST_RESULTS: resultFile,
    ...opt.env,
  });
  const hostLog = fs.createWriteStream(path.join(opt.out, 'extension-host.log'));
  const timings = {};
  let server;
  let browser;
  let code = 1;
  try {
    server = await startServer(
      opt.codeServer.launcher,
      serverArgs(dirs, { trust: opt.trust }),
      env,
      path.join(opt.out, 'server.log'),
    );
    timings.serverStartS = secs(server.startMs);
    browser = await launchBrowser(dirs);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => hostLog.write(`[pageerror] ${e}\n`));
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    // The hooks VS Code's own web integration tests use; the host's console (mocha's reporter) comes here.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      hostLog.write(`[${type}] ${line}\n`);
      if (
        /^\s*(✔|✓|✗|\d+\)|\d+ passing|\d+ failing|\d+ passed)|\[netremediate test\]/.test(line) ||
        type === 'error'
      ) {
        process.stdout.write(`[exthost] ${line}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (exitCode) => resolveExit(exitCode));
    await enableSmokeTestDriver(page);
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.url, path.resolve(opt.devPath))],
      ['extensionTestsPath', remoteUri(server.url, path.resolve(opt.testsPath))],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(dirs.ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const t0 = now();
    await page.goto(url);
    const timeoutMs = (opt.timeoutS ?? 300) * 1000;
    let timer;
    code = await Promise.race([
      exited,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the suite did not finish within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    timings.suiteS = secs(now() - t0);
    await page.screenshot({ path: path.join(opt.out, 'after-suite.png') }).catch(() => {});
  } catch (e) {
    console.error(`integration suite harness error: ${e?.stack ?? e}`);
    code = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopServer(server);
    hostLog.end();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  }
  let results;
  try {
    results = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    console.error('the extension host wrote no test results (see extension-host.log)');
  }
  console.log(`suite timings ${JSON.stringify(timings)}`);
  return { code: typeof code === 'number' ? code : 1, results };
}
