import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DIST, REPO_ROOT } from './paths';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs dist/cli.js as a user would (a real process, cwd the repo root); `env` adds variables. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
