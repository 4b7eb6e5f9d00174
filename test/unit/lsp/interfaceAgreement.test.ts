/**
 * One truth about interface names: for every spelling, the editor (named-object index: definitions,
 * references, rename, undefined-interface diagnostics) and the remediation (canonical line keys) put
 * the same names together, per platform. Both sides are checked against one expected partition, so a
 * table change that moves only one of them fails here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, type Platform } from '../../../server/src/engine';
import { Canonicaliser } from '../../../server/src/engine/rules/canonical';
import { BUILT_IN_DRIVERS } from '../../../server/src/engine/rules/drivers';
import { InterfaceTypes } from '../../../server/src/engine/rules/interfaceTypes';
import { indexNamedObjects } from '../../../server/src/lsp/namedObjects';

const parser = createEngine();

/** The editor's key of each name, read from `interface NAME` definitions in a parsed document. */
function editorKeys(platform: Platform, names: readonly string[]): (string | undefined)[] {
  const parsed = parser.parse(names.map((n) => `interface ${n}\n`).join(''), { platform });
  const byLine = new Map(indexNamedObjects(parsed).occurrences.map((o) => [o.range.startLine, o.key]));
  return names.map((_, line) => byLine.get(line));
}

/** The remediation's key of each name: the canonical key of its `interface NAME` line. */
function remediationKeys(platform: Platform, names: readonly string[]): string[] {
  const canonical = new Canonicaliser(BUILT_IN_DRIVERS[platform].canonical);
  return names.map((n) => canonical.key(`interface ${n}`));
}

/** Names grouped by key, each group in input order, groups by first member: comparable partitions. */
function partition(names: readonly string[], keys: readonly (string | undefined)[]): string[][] {
  const groups = new Map<string, string[]>();
  names.forEach((name, i) => {
    const k = keys[i];
    assert.ok(k !== undefined, `${name} has no key`);
    groups.set(k, [...(groups.get(k) ?? []), name]);
  });
  return [...groups.values()];
}

/** Each row: one interface in every spelling of the set that must meet; rows must stay apart. */
const CLASSES: Record<Platform, string[][]> = {
  cisco_ios: [
    [
      'GigabitEthernet1/0/1',
      'Gi1/0/1',
      'gi1/0/1',
      'GIGABITETHERNET1/0/1',
      'GigabitEthernet 1/0/1',
      'gig 1/0/1',
    ],
    ['G1/0/1'],
    ['g1/0/1'],
    ['Gi1/0/10'],
    ['Gi1/0/1.100', 'GigabitEthernet1/0/1.100'],
    ['Ethernet1/1', 'Eth1/1', 'Et1/1', 'ethernet 1/1'],
    ['e1/1'],
    ['Port-channel10', 'Po10', 'port-channel10', 'po 10', 'PORT-CHANNEL10'],
    ['Port-channel1'],
    ['mgmt0'],
    ['Mgmt0'],
    ['Loopback0', 'lo0', 'Loopback 0', 'LOOPBACK0'],
    ['T1'],
    ['Te1', 'TenGigabitEthernet1'],
    ['Tu1', 'Tunnel1'],
    ['Tw1/0/1', 'TwoGigabitEthernet1/0/1'],
    ['Twe1/0/1', 'TwentyFiveGigE1/0/1'],
    ['Fi1/0/1', 'FiveGigabitEthernet1/0/1'],
    ['Fif1/0/1', 'FiftyGigE1/0/1', 'fiftygige 1/0/1'],
    ['Hu1/0/1', 'HundredGigE1/0/1'],
    ['Vi1'],
    ['Virtual-Access1', 'virtual-a1'],
    ['Virtual-Template1', 'virtual-te1', 'VIRTUAL-TEMPLATE 1'],
    ['Cellular0/2/0', 'cel0/2/0'],
    ['Ce0/2/0'],
    ['BVI1', 'bv1'],
    ['BDI10', 'bd10'],
    ['Async1', 'as1'],
    ['nve1', 'NVE1'],
    ['Null0', 'nu0'],
    ['Serial0/0/0:0', 'Se0/0/0:0'],
    ['Serial0/0/0:0.1'],
    ['Wlan-GigabitEthernet0'],
    ['wlan-gigabitethernet0'],
  ],
  cisco_nxos: [
    ['Ethernet1/1', 'Eth1/1', 'eth 1/1', 'e1/1', 'E1/1', 'ETHERNET1/1'],
    ['Ethernet1/10'],
    ['Ethernet1/1.10', 'Eth1/1.10'],
    ['port-channel10', 'Po10', 'Port-channel10', 'po 10'],
    ['mgmt0', 'Mgmt0', 'MGMT0', 'mgmt 0'],
    ['loopback0', 'Lo0', 'Loopback 0'],
    ['Vlan10', 'vl10', 'VLAN10'],
    ['Gi1/0/1'],
    ['GigabitEthernet1/0/1'],
    ['nve1', 'NVE1'],
    ['n1'],
    ['Null0', 'nu0'],
    ['Tunnel1', 'tu1'],
  ],
};

describe('the editor and the remediation agree on interface names', () => {
  for (const platform of ['cisco_ios', 'cisco_nxos'] as const) {
    const names = CLASSES[platform].flat();
    it(`${platform}: the editor keys every spelling into the expected groups`, () => {
      assert.deepEqual(partition(names, editorKeys(platform, names)), CLASSES[platform]);
    });
    it(`${platform}: the remediation keys them into the same groups`, () => {
      assert.deepEqual(partition(names, remediationKeys(platform, names)), CLASSES[platform]);
    });
    it(`${platform}: references meet the definition they name`, () => {
      // A reference in each spelling of the first group finds that group's definition.
      const [definition, ...spellings] = CLASSES[platform][0];
      const text = [`interface ${definition}`, ...spellings.map((s) => ` ip unnumbered ${s}`)].join('\n');
      const index = indexNamedObjects(parser.parse(`${text}\n`, { platform }));
      const objects = index.objects.filter((o) => o.kind === 'interface');
      assert.equal(objects.length, 1);
      assert.equal(objects[0].references.length, spellings.length);
    });
  }
});

describe('an ambiguous abbreviation is merged by neither', () => {
  it('prefixes that several types share stay as written on the device tables', () => {
    // IOS: T is TenGigabitEthernet, Tunnel, TwoGigabitEthernet...; Vi is Virtual-Access and -Template.
    // NX-OS: n is nve and Null.
    for (const [platform, name] of [
      ['cisco_ios', 'T1'],
      ['cisco_ios', 'Vi1'],
      ['cisco_ios', 'F0/1'],
      ['cisco_nxos', 'n1'],
    ] as const) {
      assert.deepEqual(editorKeys(platform, [name]), [name], `${platform} ${name} in the editor`);
      assert.deepEqual(
        remediationKeys(platform, [name]),
        [`interface ${name}`],
        `${platform} ${name} in remediation`,
      );
    }
  });

  it('an abbreviation two table entries claim resolves to neither, in both uses of the index', () => {
    // A table mistake: both types claim `Gx` (and `Gxy`...). The device would refuse the short form.
    const types = new InterfaceTypes([
      { name: 'GxyAlpha', shortest: 'Gx' },
      { name: 'GxyBeta', shortest: 'Gx' },
    ]);
    for (const name of ['Gx1', 'gxy1', 'Gxy 1']) {
      assert.equal(types.canonical(name), name, name);
      assert.equal(types.parts(name)?.resolved, false, name);
    }
    assert.equal(types.canonical('gxya1'), 'GxyAlpha1');
    assert.deepEqual(types.parts('gxya1'), { type: 'GxyAlpha', number: '1', resolved: true });
  });
});
