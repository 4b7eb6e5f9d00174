/**
 * `netremediate` (dist/cli.js): starts the CLI bundle (dist/cliMain.js) from a V8 code cache.
 *
 * Why: a pipeline that runs `netremediate remediate` once per device pays the JavaScript compile of the
 * whole bundle on every process. The bytecode of every function the last run compiled is kept in the
 * user's cache directory and handed back to V8, which then skips parsing and compiling them (issue 4:
 * the whole process ≤ 300 ms on a 5,000-interface pair; this saves about a tenth of it).
 *
 * Safety: V8 checks a cache only by the source's length and its own version and flags, so the file name
 * carries a hash of the bundle's content: a rebuilt or upgraded bundle never runs old bytecode. The
 * directory is the user's own (0700, owned by them, else no cache), as bytecode is code. Anything that
 * goes wrong with the cache (read-only home, a full disk, a rejected file) only means a compile as
 * without it. `NETREMEDIATE_CODE_CACHE=off` turns it off; `NETREMEDIATE_CODE_CACHE_DIR` moves it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

const bundle = path.join(__dirname, 'cliMain.js');

/** The user's cache directory for compiled bytecode, created private; undefined when unusable. */
function cacheDirectory(): string | undefined {
  if (process.env.NETREMEDIATE_CODE_CACHE === 'off') return undefined;
  const base =
    process.env.NETREMEDIATE_CODE_CACHE_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'netremediate');
  try {
    fs.mkdirSync(base, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(base);
    const mine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    // Someone else's directory, or one others may write to: their bytecode would run as us.
    if (!mine || (process.platform !== 'win32' && (stat.mode & 0o022) !== 0)) return undefined;
    return base;
  } catch {
    return undefined;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written after the run, so that it holds every function the run compiled, not just the top level. */
function writeCacheOnExit(script: vm.Script, file: string): void {
  process.once('exit', () => {
    try {
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temporary, file);
      removeStaleCaches(path.dirname(file), file);
    } catch {
      // No cache this time: the next run compiles again and tries again.
    }
  });
}

/**
 * Commands that read one pair or one file and exit within a fraction of a second. V8 tiers a function
 * up to its optimising compiler once it has run a budget of bytecode; with the default budget, such a
 * run spends the second core compiling optimised code it exits before using (measured on the
 * 5,000-interface pair: 350 ms with the default, 265–280 ms with 300,000 to 600,000). Batch and
 * compliance jobs run long enough for optimised code to pay, in worker threads that share the flags:
 * they keep the default.
 */
const ONE_SHOT_COMMANDS = new Set(['remediate', 'diff', 'parse']);
const ONE_SHOT_V8_FLAGS = '--interrupt-budget=400000';

/** A cache file not rewritten for this long is removed when another is written (upgrades leave old ones). */
const STALE_CACHE_MS = 7 * 24 * 3600 * 1000;

/**
 * Old cache files (other bundles, Node versions, flags): removed when a new one is written, so that
 * upgrades do not pile them up. By age, not by name: the files of one-shot commands and of jobs are
 * both current, and removing each other's would compile again on every switch.
 */
function removeStaleCaches(directory: string, keep: string): void {
  try {
    const now = Date.now();
    for (const name of fs.readdirSync(directory)) {
      const file = path.join(directory, name);
      if (file === keep || !/^cli-[0-9a-f]{32}\.v8cache$/.test(name)) continue;
      if (now - fs.statSync(file).mtimeMs > STALE_CACHE_MS) fs.rmSync(file, { force: true });
    }
  } catch {
    // A cache that cannot be tidied only takes disk space.
  }
}

function run(): void {
  // Flags first: V8 keys its code cache to them, and they apply to what is compiled from here on.
  const v8Flags = ONE_SHOT_COMMANDS.has(process.argv[2] ?? '') ? ONE_SHOT_V8_FLAGS : '';
  if (v8Flags !== '') v8.setFlagsFromString(v8Flags);
  let source = fs.readFileSync(bundle, 'utf8');
  const directory = cacheDirectory();
  const cacheFile =
    directory === undefined
      ? undefined
      : path.join(
          directory,
          `cli-${createHash('sha256')
            .update(process.version)
            .update(process.arch)
            .update(v8Flags)
            .update(source)
            .digest('hex')
            .slice(0, 32)}.v8cache`,
        );
  const cachedData = readCache(cacheFile);
  // The bundle as Node would load it: the CommonJS wrapper, its own file name (stack traces, source maps).
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true))
    writeCacheOnExit(script, cacheFile);
  const main = new Module(bundle, module);
  main.filename = bundle;
  // The bundle resolves through the `require` given below (createRequire), not through `main.paths`.
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(main.exports, main.exports, Module.createRequire(bundle), main, bundle, __dirname);
}

run();
