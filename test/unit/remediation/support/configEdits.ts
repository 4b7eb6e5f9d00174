/**
 * Random, realistic edits of a configuration text, for property tests: sections removed and added,
 * lines removed, values changed (descriptions, addresses, costs, names, banners), `shutdown` toggled,
 * ACL entries inserted, sections reordered; and the device-true cases (deviceEdits.ts): VRF
 * membership, trunk VLAN lists, named and numbered ACL edits, BGP neighbors and NX-OS features
 * removed whole. Edits keep the config one a device could hold (no two values for one setting, no
 * `shutdown` next to `no shutdown`, no line without the feature or neighbor it needs), so a correct
 * remediation must reproduce it exactly.
 */
import { pick, toBlocks, toText, type Block, type Edit } from './blocks';
import { BGP_GROUP_EDITS } from './bgpGroupEdits';
import { DEVICE_EDITS } from './deviceEdits';
import type { Random } from './random';

const isBanner = (b: Block): boolean => b.header.startsWith('banner ');
const isSection = (b: Block): boolean =>
  b.body.some((l) => l.trim() !== '' && l.trim() !== '!') && !isBanner(b);
const isConfigLine = (b: Block): boolean =>
  b.header.trim() !== '' && !/^[!#]|^(Building|Current|version|end$)/.test(b.header);

/** Body lines that can go without orphaning deeper lines. */
function leafLines(block: Block): number[] {
  const out: number[] = [];
  block.body.forEach((line, i) => {
    const depth = line.length - line.trimStart().length;
    const next = block.body[i + 1];
    const nextDepth = next === undefined ? 0 : next.length - next.trimStart().length;
    if (line.trim() !== '' && line.trim() !== '!' && nextDepth <= depth) out.push(i);
  });
  return out;
}

/**
 * Lines that other lines need: removing one alone leaves a config no device holds (a neighbor's
 * lines without its `remote-as` or the peer group it has its AS from, a group's members without the
 * group, a port's L3 lines without `no switchport`, `router bgp` without `feature bgp`).
 * deviceEdits.ts and bgpGroupEdits.ts remove them with what needs them.
 */
const NEEDED = /^(?:feature |\s+neighbor \S+ (?:remote-as |peer-group)|\s+(?:no )?switchport$)/;

const removeSection: Edit = (blocks, random) => {
  const candidates = blocks
    .map((b, i) => i)
    .filter((i) => isConfigLine(blocks[i]) && !NEEDED.test(blocks[i].header));
  const i = pick(random, candidates);
  if (i !== undefined) blocks.splice(i, 1);
};

const removeLine: Edit = (blocks, random) => {
  const block = pick(random, blocks.filter(isSection));
  const i =
    block === undefined
      ? undefined
      : pick(
          random,
          leafLines(block).filter((k) => !NEEDED.test(block.body[k])),
        );
  if (block !== undefined && i !== undefined) block.body.splice(i, 1);
};

/** Rewrites one line matching `pattern` in some block. */
function changeLine(pattern: RegExp, rewrite: (line: string, random: Random) => string): Edit {
  return (blocks, random) => {
    const hits: [Block, number][] = [];
    for (const b of blocks) b.body.forEach((line, i) => pattern.test(line) && hits.push([b, i]));
    const hit = pick(random, hits);
    if (hit !== undefined) hit[0].body[hit[1]] = rewrite(hit[0].body[hit[1]], random);
  };
}

const changeDescription = changeLine(/^\s+description /, (l, r) => `${l} (ticket ${r.int(9000) + 1000})`);
const changeCost = changeLine(/^\s+ip ospf cost \d+$/, (l, r) => l.replace(/\d+$/, String(r.int(500) + 1)));
const changeName = changeLine(/^\s+name \S+$/, (l, r) => `${l}-${r.int(90) + 10}`);
const changeAddress = changeLine(/^\s+ip address \d+\.\d+\.\d+\.\d+/, (l, r) =>
  l.replace(/^(\s+ip address \d+\.\d+\.\d+\.)\d+/, `$1${r.int(200) + 20}`),
);
const toggleShutdown = changeLine(/^\s+(no )?shutdown$/, (l) =>
  l.trim() === 'shutdown' ? l.replace('shutdown', 'no shutdown') : l.replace('no shutdown', 'shutdown'),
);

const changeBanner: Edit = (blocks, random) => {
  const banner = blocks.find(isBanner);
  if (banner === undefined) return;
  const tag = ` (rev ${random.int(90) + 10})`;
  if (banner.body.length >= 2) banner.body.splice(banner.body.length - 1, 0, `Change window${tag}`);
  else banner.header = banner.header.replace(/(.)$/, `${tag}$1`);
};

const addSection: Edit = (blocks, random, indent) => {
  const k = random.int(10_000);
  const kind = random.int(4);
  const lines =
    kind === 0
      ? [
          `interface Loopback${k}`,
          `${indent}description service ${k}`,
          `${indent}ip address 172.20.${k % 250}.1 255.255.255.255`,
        ]
      : kind === 1
        ? [
            `ip prefix-list PL-NEW-${k} seq 5 permit 192.0.2.0/24`,
            `route-map RM-NEW-${k} permit 10`,
            `${indent}match ip address prefix-list PL-NEW-${k}`,
          ]
        : kind === 2
          ? [`logging host 10.9.${k % 250}.${(k >> 8) % 250}`]
          : [
              `ip access-list extended ACL-NEW-${k}`,
              `${indent}permit tcp any any eq 22`,
              `${indent}deny ip any any log`,
            ];
  const at = random.int(blocks.length + 1);
  blocks.splice(at, 0, ...toBlocks(lines.join('\n')));
};

const addLine: Edit = (blocks, random, indent) => {
  const iface = pick(
    random,
    blocks.filter((b) => b.header.startsWith('interface ')),
  );
  if (iface === undefined) return;
  const k = random.int(250) + 1;
  const line = pick(random, [
    `ip helper-address 10.0.5.${k}`,
    `bandwidth ${k * 1000}`,
    `load-interval 30`,
    `cdp enable`,
  ]);
  if (line !== undefined && !iface.body.includes(indent + line))
    iface.body.splice(random.int(iface.body.length + 1), 0, indent + line);
};

const insertAclEntry: Edit = (blocks, random, indent) => {
  const acl = pick(
    random,
    blocks.filter((b) => b.header.startsWith('ip access-list ')),
  );
  if (acl === undefined) return;
  const entry = `${indent}permit udp host 10.0.${random.int(250)}.${random.int(250)} any eq ${random.int(60_000) + 1024}`;
  acl.body.splice(random.int(acl.body.length + 1), 0, entry);
};

const swapSections: Edit = (blocks, random) => {
  const i = random.int(blocks.length);
  const j = random.int(blocks.length);
  if (isConfigLine(blocks[i]) && isConfigLine(blocks[j]) && !isBanner(blocks[i]) && !isBanner(blocks[j])) {
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
  }
};

const EDITS: readonly Edit[] = [
  removeSection,
  removeLine,
  changeDescription,
  changeCost,
  changeName,
  changeAddress,
  toggleShutdown,
  changeBanner,
  addSection,
  addLine,
  insertAclEntry,
  swapSections,
  ...DEVICE_EDITS,
  ...BGP_GROUP_EDITS,
];

/** `count` random edits of `text`; `indent` is the file's indentation unit. */
export function editConfig(text: string, random: Random, count: number, indent: string): string {
  const blocks = toBlocks(text);
  for (let i = 0; i < count; i++) (pick(random, EDITS) as Edit)(blocks, random, indent);
  return toText(blocks);
}
