/**
 * extensionTestsPath entry: the VS Code extension host require()s this bundle and awaits run(). Used
 * unchanged by @vscode/test-electron (desktop) and by test/e2e/run-suite.mjs (code-server, offline).
 * Results also go to $NETREMEDIATE_TEST_RESULTS as JSON, which the harness prints as `N passed, N failed`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}

/** Runs every `*.test.js` of one folder (the Restricted Mode suite has its own folder and entry). */
export function runMochaIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  for (const file of fs.readdirSync(dir)) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(dir, file));
  }
  const results = { passed: [] as string[], failed: [] as { title: string; error: string }[] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultFile = process.env.NETREMEDIATE_TEST_RESULTS;
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(results, null, 2));
      console.log(`${results.passed.length} passed, ${results.failed.length} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.passed.push(t.fullTitle()));
    runner.on('fail', (t, err: Error) =>
      results.failed.push({ title: t.fullTitle(), error: String(err?.message) }),
    );
  });
}
