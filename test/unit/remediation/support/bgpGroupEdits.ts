/**
 * Edits of BGP peer groups (IOS) and peer templates (NX-OS), so the property tests cover their
 * device behaviour (docs/platforms/cisco-ios.md and cisco-nxos.md): groups created with members and
 * address-family lines, removed with their members, members moved between groups or made plain
 * neighbors again; templates created and inherited, removed (their neighbors given an AS of their
 * own), neighbors switched to another template. Each keeps the config one a device could hold: a
 * member of a group with an AS has none of its own, a member of a group without one has its own.
 */
import { pick, toBlocks, toText, type Block, type Edit } from './blocks';
import { seededRandom, type Random } from './random';

const isNxos = (indent: string): boolean => indent.length === 2;
const depth = (line: string): number => line.length - line.trimStart().length;

/** The neighbors by address (`neighbor 10.0.0.1 ...` lines at the top of `router bgp`). */
function neighbors(bgp: Block): string[] {
  const found = new Set<string>();
  for (const l of bgp.body) {
    const m = /^ neighbor (\d+\.\d+\.\d+\.\d+) /.exec(l);
    if (m !== null) found.add(m[1]);
  }
  return [...found];
}

/** Peer groups: name → whether the group has a remote-as. */
function groups(bgp: Block): Map<string, boolean> {
  const found = new Map<string, boolean>();
  for (const l of bgp.body) {
    const m = /^ neighbor ([A-Z]\S*) peer-group$/.exec(l);
    if (m !== null)
      found.set(
        m[1],
        bgp.body.some((k) => k.startsWith(` neighbor ${m[1]} remote-as `)),
      );
  }
  return found;
}

const groupOf = (bgp: Block, address: string): string | undefined =>
  bgp.body
    .map((l) => new RegExp(`^ neighbor ${address.replace(/\./g, '\\.')} peer-group (\\S+)$`).exec(l)?.[1])
    .find((g) => g !== undefined);

const hasOwnAs = (bgp: Block, address: string): boolean =>
  bgp.body.some((l) => l.startsWith(` neighbor ${address} remote-as `));

/** Index of the IPv4 address family's first line below its header, or -1. */
function familyStart(bgp: Block): number {
  const at = bgp.body.findIndex((l) => l === ' address-family ipv4');
  return at < 0 ? -1 : at + 1;
}

/** Where a neighbor's lines start (its first line), or the end of the top-level neighbor lines. */
function neighborAt(bgp: Block, address: string): number {
  const at = bgp.body.findIndex((l) => l.startsWith(` neighbor ${address} `));
  return at >= 0 ? at : bgp.body.findIndex((l) => l.startsWith(' address-family '));
}

/** IOS: a group made from 1-3 neighbors, with or without an AS, activated in the address family. */
function createGroup(bgp: Block, random: Random): void {
  const name = `PG-${random.int(90) + 10}`;
  if (groups(bgp).has(name)) return;
  const free = neighbors(bgp).filter((a) => groupOf(bgp, a) === undefined);
  const members = new Set<string>();
  for (let i = 1 + random.int(3); i > 0 && free.length > 0; i--) members.add(free[random.int(free.length)]);
  const withAs = random.int(2) === 0;
  for (const m of members) {
    if (withAs) bgp.body = bgp.body.filter((l) => !l.startsWith(` neighbor ${m} remote-as `));
    bgp.body.splice(neighborAt(bgp, m) + (withAs ? 0 : 1), 0, ` neighbor ${m} peer-group ${name}`);
  }
  const first = bgp.body.findIndex((l) => l.startsWith(' neighbor '));
  const lines = [` neighbor ${name} peer-group`, ...(withAs ? [` neighbor ${name} remote-as 65000`] : [])];
  bgp.body.splice(first < 0 ? bgp.body.length : first, 0, ...lines);
  const af = familyStart(bgp);
  if (af > 0) bgp.body.splice(af, 0, `  neighbor ${name} activate`);
}

/** IOS: a group goes with its members, every line of theirs. */
function removeGroup(bgp: Block, name: string): void {
  const members = neighbors(bgp).filter((a) => groupOf(bgp, a) === name);
  const owners = new Set([name, ...members]);
  bgp.body = bgp.body.filter((l) => {
    const m = /^\s+neighbor (\S+) /.exec(l);
    return m === null || !owners.has(m[1]);
  });
}

/** IOS: a member leaves its group for another one or for none, taking or giving up an AS of its own. */
function moveMember(bgp: Block, random: Random): void {
  const all = groups(bgp);
  const member = pick(
    random,
    neighbors(bgp).filter((a) => groupOf(bgp, a) !== undefined),
  );
  if (member === undefined) return;
  const from = groupOf(bgp, member) as string;
  const to = pick(
    random,
    [...all.keys(), undefined].filter((g) => g !== from),
  );
  const line = bgp.body.findIndex((l) => l === ` neighbor ${member} peer-group ${from}`);
  bgp.body.splice(line, 1);
  const needsAs = to === undefined || all.get(to) === false;
  if (needsAs && !hasOwnAs(bgp, member))
    bgp.body.splice(line, 0, ` neighbor ${member} remote-as 65${random.int(900) + 100}`);
  if (!needsAs) bgp.body = bgp.body.filter((l) => !l.startsWith(` neighbor ${member} remote-as `));
  if (to !== undefined)
    bgp.body.splice(neighborAt(bgp, member) + (needsAs ? 1 : 0), 0, ` neighbor ${member} peer-group ${to}`);
}

const iosPeerGroups: Edit = (blocks, random, indent) => {
  if (isNxos(indent)) return;
  const bgp = blocks.find((b) => b.header.startsWith('router bgp '));
  if (bgp === undefined) return;
  const existing = [...groups(bgp).keys()];
  const op = random.int(4);
  if (existing.length === 0 || op === 0) createGroup(bgp, random);
  else if (op === 1) removeGroup(bgp, pick(random, existing) as string);
  else moveMember(bgp, random);
};

/** NX-OS: the lines of a `router bgp` child section (`  neighbor X`), from its header on. */
function sectionRange(bgp: Block, header: string): [number, number] | undefined {
  const at = bgp.body.indexOf(header);
  if (at < 0) return undefined;
  let end = at + 1;
  while (end < bgp.body.length && depth(bgp.body[end]) > depth(header)) end++;
  return [at, end];
}

const nxosNeighbors = (bgp: Block): string[] => bgp.body.filter((l) => /^ {2}neighbor \S+$/.test(l));
const templates = (bgp: Block): string[] =>
  bgp.body.filter((l) => /^ {2}template peer \S+$/.test(l)).map((l) => l.slice('  template peer '.length));

/** NX-OS: sets a neighbor's template (replacing its `inherit peer`), or none; it keeps an AS either way. */
function inherit(bgp: Block, neighbor: string, template: string | undefined, random: Random): void {
  const range = sectionRange(bgp, neighbor) as [number, number];
  const body = bgp.body.slice(range[0] + 1, range[1]).filter((l) => !l.startsWith('    inherit peer '));
  if (template !== undefined) {
    body.unshift(`    inherit peer ${template}`);
    // The template's AS: the neighbor may keep its own; half the time it does not.
    if (random.int(2) === 0) {
      const own = body.findIndex((l) => l.startsWith('    remote-as '));
      if (own >= 0) body.splice(own, 1);
    }
  } else if (!body.some((l) => l.startsWith('    remote-as '))) body.unshift('    remote-as 65000');
  bgp.body.splice(range[0] + 1, range[1] - range[0] - 1, ...body);
}

const nxosTemplates: Edit = (blocks, random, indent) => {
  if (!isNxos(indent)) return;
  const bgp = blocks.find((b) => b.header.startsWith('router bgp '));
  if (bgp === undefined) return;
  const existing = templates(bgp);
  const peers = nxosNeighbors(bgp);
  const op = random.int(3);
  if (existing.length === 0 || op === 0) {
    const name = `SPINE-${random.int(90) + 10}`;
    if (existing.includes(name)) return;
    const first = bgp.body.findIndex((l) => /^ {2}neighbor /.test(l));
    const lines = [`  template peer ${name}`, '    remote-as 65000', '    timers 3 9'];
    if (random.int(2) === 0) lines.push('    address-family ipv4 unicast', '      send-community');
    bgp.body.splice(first < 0 ? bgp.body.length : first, 0, ...lines);
    for (let i = random.int(3); i > 0 && peers.length > 0; i--)
      inherit(bgp, pick(random, peers) as string, name, random);
  } else if (op === 1) {
    const name = pick(random, existing) as string;
    for (const n of peers)
      if (bgp.body.slice(...(sectionRange(bgp, n) as [number, number])).includes(`    inherit peer ${name}`))
        inherit(bgp, n, undefined, random);
    const range = sectionRange(bgp, `  template peer ${name}`) as [number, number];
    bgp.body.splice(range[0], range[1] - range[0]);
  } else {
    const peer = pick(random, peers);
    if (peer !== undefined) inherit(bgp, peer, pick(random, [...existing, undefined]), random);
  }
};

export const BGP_GROUP_EDITS: readonly Edit[] = [iosPeerGroups, nxosTemplates];

/**
 * `text` with peer groups (IOS) or peer templates (NX-OS) already in use, as a base for the property
 * tests: a few random edits rarely make a running config with a group that the intended one changes.
 */
export function withBgpGroups(text: string, indent: string): string {
  return editBgpGroups(text, seededRandom(4242), 8, indent);
}

/** `count` random peer group (IOS) or peer template (NX-OS) edits of `text`. */
export function editBgpGroups(text: string, random: Random, count: number, indent: string): string {
  const blocks = toBlocks(text);
  for (let i = 0; i < count; i++) (isNxos(indent) ? nxosTemplates : iosPeerGroups)(blocks, random, indent);
  return toText(blocks);
}
