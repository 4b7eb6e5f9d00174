/**
 * Writes a generated fleet for job tests and benchmarks: `devices` IOS devices under `running/` and
 * `intended/` (the convention) or listed in a `netremediate.json` manifest. Each running config is
 * `generateIosConfig(interfaces)` with its own hostname (about 11 lines per interface up to 200, so
 * 90 interfaces ≈ 1,000 lines); its intended config is `mutateIosConfig` of it (about 10% of the lines
 * changed) for every device when `changedEvery` is 1, or for every n-th device (the others unchanged).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateIosConfig } from './generateIosConfig';
import { mutateIosConfig } from './mutateIosConfig';

export interface FleetOptions {
  readonly devices: number;
  /** Interfaces per device (generateIosConfig's n). Default 3 (a ~60-line config). */
  readonly interfaces?: number;
  /** Mutate every n-th device's intended config. Default 1: every device changes. */
  readonly changedEvery?: number;
  /** `convention` (default) or `manifest` (platform cisco_ios in each entry). */
  readonly layout?: 'convention' | 'manifest';
  /** Device ids are `${prefix}${number}`. Default `r`. */
  readonly prefix?: string;
  readonly extension?: string;
}

export interface Fleet {
  readonly folder: string;
  readonly deviceIds: readonly string[];
  /** Lines of one running config. */
  readonly linesPerDevice: number;
}

export function writeFleet(folder: string, options: FleetOptions): Fleet {
  const n = options.interfaces ?? 3;
  const every = options.changedEvery ?? 1;
  const ext = options.extension ?? '.cfg';
  const base = generateIosConfig(n);
  const mutated = mutateIosConfig(base, n);
  fs.mkdirSync(path.join(folder, 'running'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'intended'), { recursive: true });
  const ids: string[] = [];
  const width = String(options.devices).length;
  for (let k = 0; k < options.devices; k++) {
    const id = `${options.prefix ?? 'r'}${String(k + 1).padStart(width, '0')}`;
    ids.push(id);
    const hostname = `hostname ${id.toUpperCase()}`;
    const running = base.replace('hostname BENCH-PE1', hostname);
    const intended = (k % every === 0 ? mutated : base).replace('hostname BENCH-PE1', hostname);
    fs.writeFileSync(path.join(folder, 'running', `${id}${ext}`), running);
    fs.writeFileSync(path.join(folder, 'intended', `${id}${ext}`), intended);
  }
  if (options.layout === 'manifest') {
    const devices = ids.map((id) => ({
      device_id: id,
      platform: 'cisco_ios',
      running: `running/${id}${ext}`,
      intended: `intended/${id}${ext}`,
    }));
    fs.writeFileSync(path.join(folder, 'netremediate.json'), JSON.stringify({ devices }, null, 1));
  }
  return { folder, deviceIds: ids, linesPerDevice: base.split('\n').length };
}

/** A fresh temporary folder under the OS temp dir, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), `${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
