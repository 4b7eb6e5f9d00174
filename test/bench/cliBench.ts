import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateIosConfig } from '../support/generateIosConfig';
import { mutateIosConfig } from '../support/mutateIosConfig';
import { DIST } from '../support/paths';
import { measure, type Measurement } from './measure';

/** The CLI as a pipeline runs it: a whole `node dist/cli.js remediate` process (issue 4: ≤ 300 ms at N = 5,000). */
export async function cliBenchmarks(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-cli-bench-'));
  const running = path.join(dir, 'running.cfg');
  const intended = path.join(dir, 'intended.cfg');
  const text = generateIosConfig(5000);
  fs.writeFileSync(running, text);
  fs.writeFileSync(intended, mutateIosConfig(text, 5000));
  const cli = path.join(DIST, 'cli.js');
  try {
    return [
      await measure(
        'CLI remediate process, N=5000 pair',
        () => {
          const r = spawnSync(
            process.execPath,
            [cli, 'remediate', running, intended, '--platform', 'cisco_ios'],
            {
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          );
          if (r.status !== 0) throw new Error(`cli exited ${r.status}: ${r.stderr}`);
        },
        { runs: 11, warmup: 2, targetMs: 300, extra: () => 'node startup, read, parse, plan, render, write' },
      ),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
