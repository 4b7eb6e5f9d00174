/**
 * The `netremediate` launcher (server/src/cliLauncher.ts) starts the CLI from a V8 code cache in the
 * user's cache directory: written after a first run, used by the next, never trusted from a directory
 * others may write to, and never a reason for a run to fail.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { generateIosConfig } from '../../support/generateIosConfig';
import { REPO_ROOT } from '../../support/paths';
import { runCli } from '../../support/runCli';

const PAIR = ['remediate', 'examples/pair/running.cfg', 'examples/pair/intended.cfg'];

function cacheFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : [];
}

describe('CLI code cache', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-code-cache-'));
  const plain = runCli(PAIR, { NETREMEDIATE_CODE_CACHE: 'off' });

  test('a first run writes the cache, a second uses it and prints the same', () => {
    const dir = path.join(root, 'fresh');
    const first = runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: dir });
    assert.deepEqual(first, plain);
    const files = cacheFiles(dir);
    assert.equal(files.length, 1);
    assert.match(files[0], /^cli-[0-9a-f]{32}\.v8cache$/);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700, 'the directory is private');
    assert.equal(fs.statSync(path.join(dir, files[0])).mode & 0o777, 0o600, 'the cache is private');
    const written = fs.statSync(path.join(dir, files[0])).mtimeMs;
    assert.deepEqual(runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: dir }), plain);
    assert.equal(
      fs.statSync(path.join(dir, files[0])).mtimeMs,
      written,
      'an accepted cache is not rewritten',
    );
  });

  test('a damaged cache is rejected by V8, the run is unaffected and the cache rewritten', () => {
    const dir = path.join(root, 'damaged');
    runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: dir });
    const file = path.join(dir, cacheFiles(dir)[0]);
    const garbage = Buffer.alloc(4096, 0x5a);
    fs.writeFileSync(file, garbage);
    assert.deepEqual(runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: dir }), plain);
    const rewritten = fs.readFileSync(file);
    assert.ok(rewritten.length > 50_000 && !rewritten.subarray(0, 4096).equals(garbage), 'rewritten whole');
  });

  test('no cache in a directory others may write to, none when turned off', () => {
    const shared = path.join(root, 'shared');
    fs.mkdirSync(shared, { mode: 0o777 });
    fs.chmodSync(shared, 0o777);
    assert.deepEqual(runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: shared }), plain);
    assert.deepEqual(cacheFiles(shared), []);
    const off = path.join(root, 'off');
    assert.deepEqual(
      runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: off, NETREMEDIATE_CODE_CACHE: 'off' }),
      plain,
    );
    assert.deepEqual(cacheFiles(off), []);
  });

  test('a cache directory that cannot be created: the run goes on without one', () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    assert.deepEqual(runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: path.join(file, 'cache') }), plain);
  });

  test('one-shot commands and jobs keep separate caches (V8 flags differ), and neither evicts the other', () => {
    const dir = path.join(root, 'modes');
    runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: dir });
    assert.equal(cacheFiles(dir).length, 1);
    const merge = runCli(['merge'], { NETREMEDIATE_CODE_CACHE_DIR: dir });
    assert.equal(merge.code, 2);
    assert.equal(cacheFiles(dir).length, 2, 'a job command tunes nothing: a cache of its own');
    runCli(['parse', 'examples/pair/running.cfg'], { NETREMEDIATE_CODE_CACHE_DIR: dir });
    assert.equal(cacheFiles(dir).length, 2, 'parse is one-shot like remediate: the same cache');
    assert.deepEqual(runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: dir }), plain);
  });

  test('writing a cache removes cache files not rewritten for a week, and only those', () => {
    const dir = path.join(root, 'stale');
    fs.mkdirSync(dir, { mode: 0o700 });
    const old = path.join(dir, `cli-${'a'.repeat(32)}.v8cache`);
    const recent = path.join(dir, `cli-${'b'.repeat(32)}.v8cache`);
    const other = path.join(dir, 'notes.txt');
    for (const file of [old, recent, other]) fs.writeFileSync(file, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    fs.utimesSync(old, eightDaysAgo, eightDaysAgo);
    fs.utimesSync(other, eightDaysAgo, eightDaysAgo);
    assert.deepEqual(runCli(PAIR, { NETREMEDIATE_CODE_CACHE_DIR: dir }), plain);
    assert.equal(fs.existsSync(old), false, 'a week old: removed');
    assert.equal(fs.existsSync(recent), true, 'recent: kept');
    assert.equal(fs.existsSync(other), true, 'not ours: kept');
    assert.equal(cacheFiles(dir).length, 2);
  });

  test('output piped into a reader that stops early ends quietly', () => {
    // `| head -c 1` on a script of some 10,000 lines: the pipe closes long before the CLI has written
    // it all; no EPIPE stack trace, exit 0.
    const text = generateIosConfig(2000);
    fs.writeFileSync(path.join(root, 'running.cfg'), text);
    fs.writeFileSync(path.join(root, 'intended.cfg'), text.replace(/^interface /gm, 'default interface '));
    const cli = `node dist/cli.js remediate ${root}/running.cfg ${root}/intended.cfg`;
    const r = spawnSync('bash', ['-c', `${cli} | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      cwd: REPO_ROOT,
    });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.trim(), '0');
  });

  test.after?.(() => fs.rmSync(root, { recursive: true, force: true }));
});
