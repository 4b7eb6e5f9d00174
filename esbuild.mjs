// Builds every bundle into one flat dist/ (extension, language server, task worker, CLI), and with
// --tests the test suites into out/. Type checking is separate (npm run typecheck): esbuild only strips types.
//
//   node esbuild.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Prints the lines VS Code's esbuild problem matcher understands, so `--watch` works as a build task. */
const problemMatcherLog = {
  name: 'problem-matcher-log',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * The client may import only server/src/protocol from the server side. Lint says so too; this makes a
 * violation fail the build as well, whatever the import looks like after path rewriting.
 */
const clientLayerGuard = {
  name: 'client-layer-guard',
  setup(build) {
    build.onResolve({ filter: /server\/src\// }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      const protocolDir = path.resolve('server/src/protocol');
      if (!target.startsWith(protocolDir)) {
        return { errors: [{ text: `client imports ${args.path}: only server/src/protocol is allowed` }] };
      }
      return undefined;
    });
  },
};

const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  define: { __NETREMEDIATE_VERSION__: JSON.stringify(version) },
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: watch ? [problemMatcherLog] : [],
};

/** @type {import('esbuild').BuildOptions[]} */
const productBuilds = [
  {
    ...common,
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
    plugins: [...common.plugins, clientLayerGuard],
  },
  {
    ...common,
    entryPoints: {
      server: 'server/src/server.ts',
      taskWorker: 'server/src/jobs/taskWorker.ts',
      // piscina starts `worker.js` from its own __dirname, which bundled is dist/: ship its worker
      // entry there under that name (our task module has another name so the two never collide).
      worker: 'node_modules/piscina/dist/worker.js',
    },
    outdir: 'dist',
    // optional native module piscina loads for worker niceness; absent is fine
    external: ['@napi-rs/nice'],
  },
  {
    ...common,
    // The CLI bundle, started by the `netremediate` launcher below from a V8 code cache.
    entryPoints: { cliMain: 'server/src/cli.ts' },
    outdir: 'dist',
  },
  {
    ...common,
    entryPoints: { cli: 'server/src/cliLauncher.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

function listFiles(dir, pred) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => pred(f));
}

/** Unit tests, the in-VS-Code suite and the benchmark, each file a bundle, node_modules left as require(). */
const testBuilds = [
  {
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: [
      ...listFiles('test/unit', (f) => f.endsWith('.test.ts')),
      ...listFiles('test/integration', (f) => f.endsWith('.ts')),
      ...listFiles('test/bench', (f) => f.endsWith('.ts')),
    ],
    outbase: 'test',
    outdir: 'out/test',
    packages: 'external',
    external: ['vscode'],
  },
];

const builds = tests ? testBuilds : productBuilds;
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (!tests) fs.chmodSync('dist/cli.js', 0o755);
  console.log(
    `esbuild: ${tests ? 'tests' : production ? 'production bundles' : 'bundles'} in ${Date.now() - t0} ms`,
  );
}
