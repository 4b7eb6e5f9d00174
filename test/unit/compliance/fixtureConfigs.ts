/**
 * Every real config the repository holds (test fixtures, golden cases, the integration workspace, the
 * examples), each with its platform: from the case or the manifest where one says, else from the
 * content, else from the file's extension.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEngine, type Platform } from '../../../server/src/engine';
import { FIXTURES, REPO_ROOT } from '../../support/paths';

export interface FixtureConfig {
  readonly file: string;
  readonly platform: Platform;
}

const parser = createEngine();

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => fs.statSync(f).isFile() && !/\.(json|md)$/.test(f));
}

function guess(file: string): Platform {
  return (
    parser.detectPlatform(fs.readFileSync(file, 'utf8')).platform ??
    (/\.nxos$|[/\\]nxos-[^/\\]*$/.test(file) ? 'cisco_nxos' : 'cisco_ios')
  );
}

export function fixtureConfigs(): FixtureConfig[] {
  const out: FixtureConfig[] = [];
  for (const file of [...files(path.join(FIXTURES, 'configs')), ...files(path.join(FIXTURES, 'workspace'))])
    out.push({ file, platform: guess(file) });
  const cases = path.join(FIXTURES, 'remediation');
  for (const name of fs.readdirSync(cases)) {
    const dir = path.join(cases, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const { platform } = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as {
      platform: Platform;
    };
    for (const side of ['running.cfg', 'intended.cfg']) out.push({ file: path.join(dir, side), platform });
  }
  const manifest = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'examples', 'fleet', 'netremediate.json'), 'utf8'),
  ) as { devices: { platform: Platform; running: string; intended: string }[] };
  for (const d of manifest.devices) {
    for (const f of [d.running, d.intended])
      out.push({ file: path.join(REPO_ROOT, 'examples', 'fleet', f), platform: d.platform });
  }
  for (const file of [
    ...files(path.join(REPO_ROOT, 'examples', 'branch')),
    ...files(path.join(REPO_ROOT, 'examples', 'pair')),
  ])
    out.push({ file, platform: guess(file) });
  return out;
}
