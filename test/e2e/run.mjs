// `npm run test:vscode`: the integration suite in a real VS Code, plus the thin UI check on the packaged
// .vsix. Here (offline) VS Code is code-server driven by Debian's chromium; where VS Code can be
// downloaded, `--host electron` runs the same suite with @vscode/test-electron.
//
//   node test/e2e/run.mjs [--host code-server|electron] [--skip-ui] [--out DIR]
// Env: CS_DIR (code-server install dir, default .e2e/code-server; installed when missing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { findCodeServer, now, secs } from './lib.mjs';
import { runReportCheck } from './report-check.mjs';
import { runSuite } from './run-suite.mjs';
import { runUiCheck } from './ui-check.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opt } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.NETREMEDIATE_VSCODE_HOST || 'code-server' },
    'skip-ui': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(repo, 'test-output', 'vscode') },
  },
});
const testsPath = path.join(repo, 'out/test/integration/index.js');
const workspace = path.join(repo, 'test/fixtures/workspace');
if (!fs.existsSync(testsPath)) {
  console.error(
    `${testsPath} is missing: run \`node esbuild.mjs --tests\` first (npm run test:vscode does).`,
  );
  process.exit(2);
}
fs.rmSync(opt.out, { recursive: true, force: true });
fs.mkdirSync(opt.out, { recursive: true });

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}`);
}

const T0 = now();
let passed = 0;
let failed = 0;

if (opt.host === 'electron') {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      extensionDevelopmentPath: repo,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { NETREMEDIATE_TEST_RESULTS: path.join(opt.out, 'test-results.json') },
    });
  } catch (e) {
    console.error(String(e));
  }
} else {
  const installDir = path.resolve(process.env.CS_DIR || path.join(repo, '.e2e', 'code-server'));
  let codeServer = findCodeServer(installDir);
  if (!codeServer) {
    const t = now();
    console.log(`installing code-server into ${installDir} (npm registry + Debian packages only)`);
    run('bash', [path.join(repo, 'test/e2e/install-code-server.sh'), installDir]);
    codeServer = findCodeServer(installDir);
    console.log(`code-server installed in ${secs(now() - t)} s`);
  }

  if (!opt['skip-ui']) {
    const t = now();
    const vsix = path.join(opt.out, 'netremediate.vsix');
    run('node', ['esbuild.mjs', '--production']);
    run(path.join(repo, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--out', vsix]);
    const checks = await runUiCheck({ codeServer, vsix, workspace, out: path.join(opt.out, 'ui') });
    passed += checks.filter((c) => c.ok).length;
    failed += checks.filter((c) => !c.ok).length;
    console.log(`UI check: ${secs(now() - t)} s, screenshots in ${path.join(opt.out, 'ui')}`);
  }

  // The HTML compliance report in the same chromium, as one check (screenshots in test-output/compliance/).
  const report = await runReportCheck();
  if (report.ok) passed++;
  else failed++;

  const t = now();
  const { code, results } = await runSuite({
    codeServer,
    devPath: repo,
    testsPath,
    workspace,
    out: path.join(opt.out, 'suite'),
  });
  if (!results && code !== 0) failed++;
  console.log(`integration suite: exit ${code}, ${secs(now() - t)} s`);

  const tr = now();
  const restricted = await runSuite({
    codeServer,
    devPath: repo,
    testsPath: path.join(repo, 'out/test/integration/restricted/index.js'),
    workspace,
    out: path.join(opt.out, 'restricted'),
    trust: true,
  });
  for (const title of restricted.results?.passed ?? []) console.log(`  ✓ ${title}`);
  for (const test of restricted.results?.failed ?? []) console.log(`  ✗ ${test.title}: ${test.error}`);
  passed += restricted.results?.passed.length ?? 0;
  failed += restricted.results ? restricted.results.failed.length : 1;
  console.log(`Restricted Mode suite: exit ${restricted.code}, ${secs(now() - tr)} s`);
}

const resultsFile = [
  path.join(opt.out, 'suite', 'test-results.json'),
  path.join(opt.out, 'test-results.json'),
].find((f) => fs.existsSync(f));
if (resultsFile) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  for (const t of results.passed) console.log(`  ✓ ${t}`);
  for (const t of results.failed) console.log(`  ✗ ${t.title}: ${t.error}`);
  passed += results.passed.length;
  failed += results.failed.length;
} else {
  console.log('  ✗ the integration suite reported no results');
  failed++;
}
console.log(`real VS Code: ${secs(now() - T0)} s in all`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
