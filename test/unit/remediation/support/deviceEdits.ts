/**
 * Edits for the device-true behaviours (PLATFORM-RULES.md, "Device behaviour beyond hier_config"),
 * so the property tests cover them: VRF membership set, changed and removed on L3 ports; trunk VLAN
 * lists rewritten and split over `add` lines; named ACL entries moved; numbered ACLs added and edited
 * (entries inserted, removed, reordered, remarks); a BGP neighbor removed with all its lines; an NX-OS
 * feature removed with every line that needs it; an NX-OS port turned from L3 to L2 and back. Each
 * keeps the config one a device could hold. `indent` tells the platform: one space IOS, two NX-OS.
 */
import { pick, type Block, type Edit } from './blocks';
import type { Random } from './random';

const isNxos = (indent: string): boolean => indent.length === 2;
const depth = (line: string): number => line.length - line.trimStart().length;

/** Removes body lines for which `doomed` holds, with the deeper lines below each. */
function removeBody(block: Block, doomed: (line: string) => boolean): void {
  const out: string[] = [];
  let cut: number | undefined;
  for (const line of block.body) {
    if (cut !== undefined && depth(line) > cut) continue;
    cut = undefined;
    if (line.trim() !== '' && doomed(line)) {
      cut = depth(line);
      continue;
    }
    out.push(line);
  }
  block.body = out;
}

const changeVrf: Edit = (blocks, random, indent) => {
  const ports = blocks.filter(
    (b) => b.header.startsWith('interface ') && b.body.some((l) => /^\s+ip address \d/.test(l)),
  );
  const port = pick(random, ports);
  if (port === undefined) return;
  const form = isNxos(indent) ? 'vrf member' : 'vrf forwarding';
  const at = port.body.findIndex((l) => l.trim().startsWith(`${form} `));
  const name = `CUST-${String.fromCharCode(65 + random.int(4))}`;
  if (at >= 0 && random.int(2) === 0) port.body.splice(at, 1);
  else if (at >= 0) port.body[at] = `${indent}${form} ${name}`;
  else port.body.splice(Math.min(1, port.body.length), 0, `${indent}${form} ${name}`);
};

function vlanList(random: Random): number[] {
  const ids = new Set<number>();
  const count = 1 + random.int(8);
  while (ids.size < count) ids.add(100 + random.int(12) * 10 + (random.int(3) === 0 ? random.int(3) : 0));
  return [...ids].sort((a, b) => a - b);
}

/** A list as devices print long ones: a first line, the rest on `add` lines. */
function trunkLines(ids: readonly number[], indent: string, random: Random): string[] {
  const split = ids.length > 2 && random.int(2) === 0 ? 1 + random.int(ids.length - 1) : ids.length;
  const lines = [`${indent}switchport trunk allowed vlan ${ids.slice(0, split).join(',')}`];
  if (split < ids.length)
    lines.push(`${indent}switchport trunk allowed vlan add ${ids.slice(split).join(',')}`);
  return lines;
}

const changeTrunk: Edit = (blocks, random, indent) => {
  const trunks = blocks.filter((b) =>
    b.body.some((l) => l.trim().startsWith('switchport trunk allowed vlan ')),
  );
  const trunk = pick(random, trunks);
  if (trunk === undefined || random.int(4) === 0) {
    const k = 1 + random.int(40);
    const name = isNxos(indent) ? `interface port-channel${100 + k}` : `interface Port-channel${100 + k}`;
    if (blocks.some((b) => b.header === name)) return;
    const body = [`${indent}switchport mode trunk`, ...trunkLines(vlanList(random), indent, random)];
    blocks.splice(random.int(blocks.length + 1), 0, { header: name, body });
    return;
  }
  const at = trunk.body.findIndex((l) => l.trim().startsWith('switchport trunk allowed vlan '));
  removeBody(trunk, (l) => l.trim().startsWith('switchport trunk allowed vlan '));
  const lines = random.int(5) === 0 ? [] : trunkLines(vlanList(random), indent, random);
  trunk.body.splice(Math.min(at, trunk.body.length), 0, ...lines);
};

const moveAclEntry: Edit = (blocks, random) => {
  const acl = pick(
    random,
    blocks.filter((b) => b.header.startsWith('ip access-list ')),
  );
  if (acl === undefined) return;
  const entries = acl.body.map((l, i) => i).filter((i) => /^\s+(?:\d+ )?(?:permit|deny) /.test(acl.body[i]));
  if (entries.length < 2) return;
  const i = pick(random, entries) as number;
  const j = pick(random, entries) as number;
  [acl.body[i], acl.body[j]] = [acl.body[j], acl.body[i]];
};

/** Numbered ACLs: top-level `access-list N ...` lines, one block each. */
const numberedAcl: Edit = (blocks, random, indent) => {
  if (isNxos(indent)) return;
  const numbers = [
    ...new Set(blocks.map((b) => /^access-list (\d+) /.exec(b.header)?.[1]).filter((n) => n !== undefined)),
  ];
  const n = pick(random, numbers);
  const entry = (): string => `permit 10.${random.int(250)}.${random.int(250)}.0 0.0.0.255`;
  if (n === undefined || random.int(4) === 0) {
    const fresh = String(10 + random.int(80));
    if (numbers.includes(fresh)) return;
    const lines = [entry(), entry(), `deny any log`].map((e) => ({
      header: `access-list ${fresh} ${e}`,
      body: [],
    }));
    blocks.splice(random.int(blocks.length + 1), 0, ...lines);
    return;
  }
  const at = blocks.map((b, i) => i).filter((i) => blocks[i].header.startsWith(`access-list ${n} `));
  const op = random.int(4);
  if (op === 0) {
    const text = `access-list ${n} ${entry()}`;
    if (!blocks.some((b) => b.header === text))
      blocks.splice(pick(random, at) as number, 0, { header: text, body: [] });
  } else if (op === 1 && at.length > 1) {
    blocks.splice(pick(random, at) as number, 1);
  } else if (op === 2 && at.length > 1) {
    const i = pick(random, at) as number;
    const j = pick(random, at) as number;
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
  } else {
    const text = `access-list ${n} remark change ${random.int(900) + 100}`;
    blocks.splice(pick(random, at) as number, 0, { header: text, body: [] });
  }
};

/** IOS: a neighbor goes with all its lines (session and address families); NX-OS: its block. */
const removeNeighbor: Edit = (blocks, random) => {
  const bgp = blocks.find((b) => b.header.startsWith('router bgp '));
  if (bgp === undefined) return;
  const addresses = bgp.body
    // Neighbors by address: a peer group goes with its members (bgpGroupEdits.ts).
    .map((l) => /^\s+neighbor (\d\S*)(?: remote-as |$)/.exec(l)?.[1])
    .filter((a): a is string => a !== undefined);
  const address = pick(random, addresses);
  if (address === undefined) return;
  removeBody(bgp, (l) => l.trim() === `neighbor ${address}` || l.trim().startsWith(`neighbor ${address} `));
};

/** NX-OS: `no feature X` with every line that needs it. */
const FEATURES: readonly { feature: string; blocks?: RegExp; lines?: RegExp }[] = [
  { feature: 'bgp', blocks: /^router bgp / },
  { feature: 'ospf', blocks: /^router ospf /, lines: /^\s+(?:ip ospf |ip router ospf )/ },
  { feature: 'interface-vlan', blocks: /^interface Vlan\d+$/ },
  { feature: 'hsrp', lines: /^\s+hsrp / },
];

const removeFeature: Edit = (blocks, random, indent) => {
  if (!isNxos(indent)) return;
  const present = FEATURES.filter((f) => blocks.some((b) => b.header === `feature ${f.feature}`));
  const f = pick(random, present);
  if (f === undefined) return;
  const kept = blocks.filter((b) => b.header !== `feature ${f.feature}` && f.blocks?.test(b.header) !== true);
  blocks.splice(0, blocks.length, ...kept);
  if (f.lines !== undefined) {
    const lines = f.lines;
    for (const b of blocks) if (b.header.startsWith('interface ')) removeBody(b, (l) => lines.test(l));
  }
};

/** NX-OS: a routed port becomes an access port, or the reverse; the other kind's lines go. */
const convertPort: Edit = (blocks, random, indent) => {
  if (!isNxos(indent)) return;
  const port = pick(
    random,
    blocks.filter((b) => /^interface Ethernet/.test(b.header)),
  );
  if (port === undefined) return;
  if (port.body.some((l) => l.trim() === 'no switchport')) {
    removeBody(port, (l) => /^\s+(?:no switchport$|ip |ipv6 |vrf member |hsrp )/.test(l));
    port.body.push(`${indent}switchport access vlan ${100 + random.int(4) * 10}`);
  } else {
    removeBody(port, (l) => /^\s+(?:switchport |spanning-tree )/.test(l));
    port.body.splice(
      Math.min(1, port.body.length),
      0,
      `${indent}no switchport`,
      `${indent}ip address 10.7.${random.int(250)}.1/31`,
    );
  }
};

/** IOS: vty lines split into ranges and joined again, alike or not (the device's lines are 0-15). */
const vtyRanges: Edit = (blocks, random, indent) => {
  if (isNxos(indent)) return;
  const vty = blocks.filter((b) => b.header.startsWith('line vty '));
  const first = vty[0];
  if (first === undefined) return;
  const op = random.int(3);
  if (op === 0 && first.header !== 'line vty 0 15' && vty.length === 1) {
    // The default split printed as one range, or the reverse.
    first.header = 'line vty 0 15';
  } else if (op === 1 && vty.length === 1) {
    const body = first.body.map((l) =>
      random.int(3) === 0 ? l.replace(/exec-timeout \d+/, 'exec-timeout 5') : l,
    );
    const at = blocks.indexOf(first);
    first.header = 'line vty 0 4';
    blocks.splice(at + 1, 0, { header: 'line vty 5 15', body });
  } else {
    const target = pick(random, vty) as Block;
    target.body = target.body.map((l) => l.replace(/exec-timeout \d+/, `exec-timeout ${1 + random.int(30)}`));
  }
};

export const DEVICE_EDITS: readonly Edit[] = [
  vtyRanges,
  changeVrf,
  changeTrunk,
  moveAclEntry,
  numberedAcl,
  removeNeighbor,
  removeFeature,
  convertPort,
];
