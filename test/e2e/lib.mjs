// Helpers for running NetRemediate in a real VS Code offline: code-server (VS Code served to a browser,
// installed from npm) opened by Debian's chromium through playwright-core. Every run is isolated: its own
// user data, extensions dir, XDG dirs and TMPDIR under one temporary root, removed afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const now = () => performance.now();
export const secs = (ms) => Math.round(ms) / 1000;

// Without the background-networking flags chromium keeps trying hosts this closed network refuses.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Fresh directories for one run; `workspace` is copied in so tests may write to it freely. */
export function makeRunDir({ workspace, settings = {} } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-vscode-'));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdg: path.join(root, 'xdg'),
    tmp: path.join(root, 'tmp'),
    ws: path.join(root, 'ws'),
  };
  for (const p of Object.values(dirs)) fs.mkdirSync(p, { recursive: true });
  if (workspace) fs.cpSync(workspace, dirs.ws, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'npm.autoDetect': 'off',
        'typescript.disableAutomaticTypeAcquisition': true,
        'chat.disableAIFeatures': true,
        ...settings,
      },
      null,
      2,
    ),
  );
  return dirs;
}

export function serverEnv(dirs, extra = {}) {
  return {
    ...process.env,
    // The server and extension host put sockets and caches in os.tmpdir(): keep them in the run dir.
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    // An empty gallery turns the marketplace off, so nothing tries the network.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/** `trust`: leave workspace trust on (the Restricted Mode suite); off otherwise, as in CI images. */
export function serverArgs(dirs, { trust = false } = {}) {
  return [
    '--config',
    path.join(dirs.root, 'config.yaml'),
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
}

/** Runs code-server as a CLI (e.g. --install-extension) and waits for it. */
export function runCli(codeServer, args, env) {
  return new Promise((resolve, reject) => {
    const p = spawn(codeServer, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (b) => (out += b));
    p.stderr.on('data', (b) => (out += b));
    p.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')} exited ${code}\n${out}`)),
    );
  });
}

/** Starts code-server on 127.0.0.1 with an ephemeral port, in its own process group. */
export function startServer(codeServer, args, env, logFile) {
  const t0 = now();
  const log = fs.createWriteStream(logFile);
  const proc = spawn(codeServer, ['--bind-addr', '127.0.0.1:0', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let buf = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${buf}`)), 60000);
    const onData = (b) => {
      log.write(b);
      buf += b;
      const m = buf.match(/HTTP server listening on (http:\/\/\S+?)\/?\s/);
      if (m && !started) {
        started = true;
        clearTimeout(timer);
        resolve({ proc, url: m[1], startMs: now() - t0 });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code, sig) => {
      if (!started) {
        clearTimeout(timer);
        reject(new Error(`code-server exited ${code ?? sig}:\n${buf}`));
      }
    });
  });
}

/** Stops code-server and everything it started (extension host, language server, workers). */
export async function stopServer(server) {
  if (!server || server.proc.exitCode !== null) return;
  const pid = server.proc.pid;
  const gone = new Promise((r) => server.proc.once('exit', r));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const t = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 5000);
  await gone;
  clearTimeout(t);
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* nothing left */
  }
}

export async function launchBrowser(dirs) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(dirs.xdg, 'chromium-config'),
      XDG_CACHE_HOME: path.join(dirs.xdg, 'chromium-cache'),
    },
  });
}

/** The browser reaches the server's file system through the vscode-remote scheme. */
export function remoteUri(serverUrl, fsPath) {
  return `vscode-remote://${new URL(serverUrl).host}${fsPath}`;
}

/**
 * Newer VS Code honours extensionDevelopmentPath/extensionTestsPath in the `payload` URL parameter only
 * with the smoke-test driver enabled, which code-server's CLI cannot set: an init script adds it to the
 * workbench configuration as the page reads it. (Rewriting the HTML instead makes Chromium block the
 * workbench's WebSocket to 127.0.0.1.) Harmless on 1.100, which honours the payload anyway.
 */
export async function enableSmokeTestDriver(page) {
  await page.addInitScript(() => {
    const getAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (name) {
      const value = getAttribute.call(this, name);
      if (name === 'data-settings' && this.id === 'vscode-workbench-web-configuration' && value) {
        try {
          const cfg = JSON.parse(value);
          cfg.developmentOptions = { ...(cfg.developmentOptions || {}), enableSmokeTestDriver: true };
          return JSON.stringify(cfg);
        } catch {
          /* leave it alone */
        }
      }
      return value;
    };
  });
}

/**
 * The code-server an install wrote (its env.sh names the launcher and the node it was built for, which
 * must come first on PATH); undefined when there is none.
 */
export function findCodeServer(installDir) {
  const envSh = path.join(installDir, 'env.sh');
  if (!fs.existsSync(envSh)) return undefined;
  const text = fs.readFileSync(envSh, 'utf8');
  const launcher = text.match(/CODE_SERVER="([^"]+)"/)?.[1];
  const nodeBin = text.match(/export PATH="([^"$:]+):\$PATH"/)?.[1];
  if (!launcher || !fs.existsSync(launcher)) return undefined;
  return { launcher, path: nodeBin ? `${nodeBin}:${process.env.PATH}` : process.env.PATH };
}
