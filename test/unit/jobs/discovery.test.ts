import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverFolder, discoverTargets, formatProblem, validateManifest } from '../../../server/src/jobs';
import { globBase, globToRegExp } from '../../../server/src/jobs/glob';
import { tempDir } from '../../support/fleetGenerator';
import { REPO_ROOT } from '../../support/paths';

const tmp = tempDir('jobs-discovery');
after(() => tmp.remove());

function folderWith(name: string, files: Record<string, string>): string {
  const folder = path.join(tmp.dir, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

describe('discovery: manifest', () => {
  it('reads examples/fleet/netremediate.json: ids, platforms, absolute paths inside the folder', async () => {
    const folder = path.join(REPO_ROOT, 'examples', 'fleet');
    const found = await discoverFolder(folder);
    assert.equal(found.source, 'manifest');
    assert.deepEqual(found.errors, []);
    assert.equal(found.devices.length, 6);
    assert.deepEqual(found.devices[3], {
      device_id: 'leaf-101',
      folder,
      platform: 'cisco_nxos',
      platform_source: 'manifest',
      running: path.join(folder, 'running', 'leaf-101.nxos'),
      intended: path.join(folder, 'intended', 'leaf-101.nxos'),
    });
    const viaFile = await discoverFolder(path.join(folder, 'netremediate.json'));
    assert.deepEqual(viaFile.devices, found.devices);
  });

  it('rejects paths that leave the folder, naming the field and the device', async () => {
    const folder = folderWith('escape', {
      'netremediate.json': JSON.stringify({
        devices: [
          { device_id: 'ok', running: 'r/ok.cfg', intended: 'i/ok.cfg' },
          { device_id: 'up', running: '../outside/up.cfg', intended: 'i/up.cfg' },
          { device_id: 'abs', running: 'r/abs.cfg', intended: '/etc/passwd' },
          { running: '../**/*.cfg', intended: 'i/*.cfg' },
        ],
      }),
    });
    const found = await discoverFolder(folder);
    assert.deepEqual(
      found.devices.map((d) => d.device_id),
      ['ok'],
    );
    assert.deepEqual(
      found.errors.map((e) => [e.field, e.device_index]),
      [
        ['devices[1].running', 1],
        ['devices[2].intended', 2],
        ['devices[3].running', 3],
      ],
    );
    assert.match(
      formatProblem(found.errors[0]),
      /netremediate\.json: devices\[1\]\.running: \.\.\/outside\/up\.cfg is outside the folder/,
    );
  });

  it('validates the schema: every problem names its field', () => {
    const { problems } = validateManifest({
      devices: [
        { device_id: 'a', running: 'r/a', intended: 'i/a', platform: 'junos' },
        { running: 'r/b', intended: 'i/b' },
        { device_id: 'c', runing: 'r/c', intended: 'i/c' },
        { device_id: 'd', running: 'r/*.cfg', intended: 'i/d.cfg' },
        'e',
      ],
      extra: true,
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      [
        'extra',
        'devices[0].platform',
        'devices[1].device_id',
        'devices[2].runing',
        'devices[2].running',
        'devices[3].intended',
        'devices[3].device_id',
        'devices[4]',
      ],
    );
    assert.match(problems[1].message, /expected one of cisco_ios, cisco_nxos, got "junos"/);
    assert.deepEqual(
      validateManifest([]).problems.map((p) => p.message),
      ['expected an object with a "devices" array, got an array'],
    );
  });

  it('expands glob entries, pairing by name without extension', async () => {
    const folder = folderWith('globs', {
      'netremediate.json': JSON.stringify({
        devices: [{ platform: 'cisco_nxos', running: 'backups/*.txt', intended: 'rendered/**/*.nxos' }],
      }),
      'backups/leaf1.txt': 'x',
      'backups/leaf2.txt': 'x',
      'rendered/leaf1.nxos': 'x',
      'rendered/leaf2.nxos': 'x',
      'rendered/leaf3.nxos': 'x',
    });
    const found = await discoverFolder(folder);
    assert.deepEqual(found.errors, []);
    assert.deepEqual(
      found.devices.map((d) => [d.device_id, d.platform]),
      [
        ['leaf1', 'cisco_nxos'],
        ['leaf2', 'cisco_nxos'],
      ],
    );
    assert.match(found.warnings[0].message, /no running config pairs with rendered\/leaf3\.nxos: skipped/);
  });

  it('duplicate device ids are an error naming both files', async () => {
    const folder = folderWith('dup-manifest', {
      'netremediate.json': JSON.stringify({
        devices: [
          { device_id: 'r1', running: 'a/r1.cfg', intended: 'b/r1.cfg' },
          { device_id: 'r1', running: 'a/r1-new.cfg', intended: 'b/r1-new.cfg' },
        ],
      }),
    });
    const found = await discoverFolder(folder);
    assert.match(found.errors[0].message, /device id "r1" appears twice: a\/r1\.cfg and a\/r1-new\.cfg/);
  });

  it('a manifest that is not JSON is an error, not a crash', async () => {
    const found = await discoverFolder(folderWith('bad-json', { 'netremediate.json': '{ devices: [' }));
    assert.match(found.errors[0].message, /cannot read the manifest/);
  });
});

describe('discovery: running/ + intended/ convention', () => {
  it('pairs by name without extension, nested folders included, and skips unpaired and hidden files', async () => {
    const folder = folderWith('convention', {
      'running/r1.cfg': 'x',
      'running/r2.cfg': 'x',
      'running/site-a/r3.cfg': 'x',
      'running/.gitkeep': '',
      'running/lonely.cfg': 'x',
      'intended/r1.txt': 'x',
      'intended/r2.cfg': 'x',
      'intended/site-a/r3.ios': 'x',
    });
    const found = await discoverFolder(folder);
    assert.equal(found.source, 'convention');
    assert.deepEqual(found.errors, []);
    assert.deepEqual(
      found.devices.map((d) => [d.device_id, path.relative(folder, d.intended)]),
      [
        ['r1', 'intended/r1.txt'],
        ['r2', 'intended/r2.cfg'],
        ['site-a/r3', 'intended/site-a/r3.ios'],
      ],
    );
    assert.equal(found.warnings.length, 1);
    assert.match(found.warnings[0].message, /running\/lonely\.cfg/);
  });

  it('two files naming one device are an error naming both', async () => {
    const folder = folderWith('dup-convention', {
      'running/r1.cfg': 'x',
      'running/r1.txt': 'x',
      'intended/r1.cfg': 'x',
    });
    const found = await discoverFolder(folder);
    assert.match(
      found.errors[0].message,
      /device id "r1" is named by two files: running\/r1\.cfg and running\/r1\.txt/,
    );
  });

  it('takes configurable globs, and a language hint for the platform of open documents', async () => {
    const folder = folderWith('custom-globs', {
      'oxidized/core1': 'x',
      'templates/out/core1.cfg': 'x',
    });
    const hints = new Map([[path.join(folder, 'oxidized', 'core1'), 'cisco_nxos' as const]]);
    const found = await discoverFolder(folder, {
      runningGlob: 'oxidized/*',
      intendedGlob: 'templates/out/*.cfg',
      platformHints: hints,
    });
    assert.deepEqual(
      found.devices.map((d) => [d.device_id, d.platform, d.platform_source]),
      [['core1', 'cisco_nxos', 'language']],
    );
  });

  it('a folder with neither manifest nor pairs is an error; one folder named twice counts once', async () => {
    const empty = folderWith('nothing', { 'README.md': 'x' });
    assert.match((await discoverFolder(empty)).errors[0].message, /^no devices: no netremediate\.json/);
    const fleet = path.join(REPO_ROOT, 'examples', 'fleet');
    const both = await discoverTargets([fleet, path.join(fleet, 'netremediate.json')]);
    assert.deepEqual(both.folders, [fleet]);
    assert.equal(both.devices.length, 6);
  });
});

describe('glob dialect', () => {
  const cases: [string, string, boolean][] = [
    ['running/**/*', 'running/r1.cfg', true],
    ['running/**/*', 'running/a/b/r1.cfg', true],
    ['running/*', 'running/a/r1.cfg', false],
    ['running/*.{cfg,txt}', 'running/r1.txt', true],
    ['running/*.{cfg,txt}', 'running/r1.ios', false],
    ['running/r?.cfg', 'running/r1.cfg', true],
    ['running/[a-c]*.cfg', 'running/b1.cfg', true],
    ['running/[!a-c]*.cfg', 'running/b1.cfg', false],
    ['running/r(1).cfg', 'running/r(1).cfg', true],
  ];
  for (const [pattern, file, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${file}`, () => {
      assert.equal(globToRegExp(pattern).test(file), expected);
    });
  }
  it('walks from the static base of a pattern', () => {
    assert.equal(globBase('running/**/*'), 'running');
    assert.equal(globBase('a/b/*.cfg'), 'a/b');
    assert.equal(globBase('*.cfg'), '');
  });
});
