import type { Platform, PlatformClue, PlatformDetection } from '../model/types';

/**
 * Detection reads the start of a file only: headers, `feature` lines and the first interfaces are
 * there, and a 50 MB file must not be scanned twice per keystroke.
 */
export const DETECTION_WINDOW = 64 * 1024;

interface Clue {
  readonly platform: Platform;
  /** The line's content (indentation removed) starts with this. */
  readonly prefix: string;
  /** Only on unindented lines. */
  readonly topLevel: boolean;
  /** Evidence strength: 5 only one platform ever prints it, 2 a hint. */
  readonly weight: number;
  readonly clue: string;
  /** A further condition on the content, for clues a prefix alone cannot tell. */
  readonly test?: (content: string) => boolean;
}

const DOTTED_MASK = /^ip address \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+/;
const PREFIX_LENGTH = /^ip address \d+\.\d+\.\d+\.\d+\/\d+/;

const CLUES: readonly Clue[] = [
  // NX-OS
  {
    platform: 'cisco_nxos',
    prefix: '!Command: show running-config',
    topLevel: true,
    weight: 5,
    clue: '`!Command:` header',
  },
  { platform: 'cisco_nxos', prefix: '!Time:', topLevel: true, weight: 3, clue: '`!Time:` header' },
  {
    platform: 'cisco_nxos',
    prefix: '!Running configuration last done at:',
    topLevel: true,
    weight: 4,
    clue: '`!Running configuration last done at:` header',
  },
  {
    platform: 'cisco_nxos',
    prefix: 'version ',
    topLevel: true,
    weight: 4,
    clue: '`version N.N(N)`',
    test: (c) => c.includes('('),
  },
  { platform: 'cisco_nxos', prefix: 'feature ', topLevel: true, weight: 4, clue: '`feature` lines' },
  { platform: 'cisco_nxos', prefix: 'switchname ', topLevel: true, weight: 5, clue: '`switchname`' },
  { platform: 'cisco_nxos', prefix: 'vdc ', topLevel: true, weight: 4, clue: '`vdc`' },
  { platform: 'cisco_nxos', prefix: 'vrf context ', topLevel: true, weight: 4, clue: '`vrf context`' },
  { platform: 'cisco_nxos', prefix: 'boot nxos ', topLevel: true, weight: 5, clue: '`boot nxos`' },
  { platform: 'cisco_nxos', prefix: 'copp profile ', topLevel: true, weight: 4, clue: '`copp profile`' },
  { platform: 'cisco_nxos', prefix: 'vpc domain ', topLevel: true, weight: 3, clue: '`vpc domain`' },
  { platform: 'cisco_nxos', prefix: 'interface mgmt0', topLevel: true, weight: 4, clue: '`interface mgmt0`' },
  {
    platform: 'cisco_nxos',
    prefix: 'interface Ethernet',
    topLevel: true,
    weight: 2,
    clue: '`Ethernet1/1`-style interfaces',
    test: (c) => /^interface Ethernet\d+\/\d+/.test(c),
  },
  {
    platform: 'cisco_nxos',
    prefix: 'hardware access-list tcam region ',
    topLevel: true,
    weight: 3,
    clue: '`hardware access-list tcam region`',
  },
  {
    platform: 'cisco_nxos',
    prefix: 'system default switchport',
    topLevel: true,
    weight: 3,
    clue: '`system default switchport`',
  },
  {
    platform: 'cisco_nxos',
    prefix: 'username ',
    topLevel: true,
    weight: 3,
    clue: '`username ... role network-...`',
    test: (c) => c.includes(' role network-'),
  },
  {
    platform: 'cisco_nxos',
    prefix: 'ip address ',
    topLevel: false,
    weight: 2,
    clue: '`ip address A.B.C.D/len`',
    test: (c) => PREFIX_LENGTH.test(c),
  },
  // IOS
  {
    platform: 'cisco_ios',
    prefix: 'Building configuration',
    topLevel: true,
    weight: 5,
    clue: '`Building configuration...` header',
  },
  {
    platform: 'cisco_ios',
    prefix: 'Current configuration :',
    topLevel: true,
    weight: 5,
    clue: '`Current configuration :` header',
  },
  {
    platform: 'cisco_ios',
    prefix: '! Last configuration change at ',
    topLevel: true,
    weight: 4,
    clue: '`! Last configuration change` header',
  },
  {
    platform: 'cisco_ios',
    prefix: '! NVRAM config last updated at ',
    topLevel: true,
    weight: 4,
    clue: '`! NVRAM config last updated` header',
  },
  {
    platform: 'cisco_ios',
    prefix: 'boot-start-marker',
    topLevel: true,
    weight: 5,
    clue: '`boot-start-marker`',
  },
  {
    platform: 'cisco_ios',
    prefix: 'version ',
    topLevel: true,
    weight: 2,
    clue: '`version N.N`',
    test: (c) => /^version \d+\.\d+$/.test(c),
  },
  {
    platform: 'cisco_ios',
    prefix: 'service timestamps ',
    topLevel: true,
    weight: 3,
    clue: '`service timestamps`',
  },
  {
    platform: 'cisco_ios',
    prefix: 'service password-encryption',
    topLevel: true,
    weight: 3,
    clue: '`service password-encryption`',
  },
  { platform: 'cisco_ios', prefix: 'ip subnet-zero', topLevel: true, weight: 4, clue: '`ip subnet-zero`' },
  { platform: 'cisco_ios', prefix: 'ip classless', topLevel: true, weight: 4, clue: '`ip classless`' },
  { platform: 'cisco_ios', prefix: 'ip cef', topLevel: true, weight: 3, clue: '`ip cef`' },
  { platform: 'cisco_ios', prefix: 'enable secret ', topLevel: true, weight: 3, clue: '`enable secret`' },
  { platform: 'cisco_ios', prefix: 'vrf definition ', topLevel: true, weight: 3, clue: '`vrf definition`' },
  {
    platform: 'cisco_ios',
    prefix: 'interface GigabitEthernet',
    topLevel: true,
    weight: 3,
    clue: '`GigabitEthernet` interfaces',
  },
  {
    platform: 'cisco_ios',
    prefix: 'interface FastEthernet',
    topLevel: true,
    weight: 3,
    clue: '`FastEthernet` interfaces',
  },
  {
    platform: 'cisco_ios',
    prefix: 'interface TenGigabitEthernet',
    topLevel: true,
    weight: 3,
    clue: '`TenGigabitEthernet` interfaces',
  },
  {
    platform: 'cisco_ios',
    prefix: 'line vty ',
    topLevel: true,
    weight: 2,
    clue: '`line vty 0 4`',
    test: (c) => /^line vty \d/.test(c),
  },
  { platform: 'cisco_ios', prefix: 'crypto pki ', topLevel: true, weight: 2, clue: '`crypto pki`' },
  {
    platform: 'cisco_ios',
    prefix: 'exit-address-family',
    topLevel: false,
    weight: 3,
    clue: '`exit-address-family`',
  },
  {
    platform: 'cisco_ios',
    prefix: 'ip address ',
    topLevel: false,
    weight: 2,
    clue: '`ip address A.B.C.D M.M.M.M`',
    test: (c) => DOTTED_MASK.test(c),
  },
];

/** Clues by the char code of their prefix's first character: a line is tested against a handful at most. */
const CLUES_BY_FIRST_CODE: (Clue[] | undefined)[] = [];
for (const clue of CLUES) {
  const code = clue.prefix.charCodeAt(0);
  (CLUES_BY_FIRST_CODE[code] ??= []).push(clue);
}

/** Evidence a platform needs for full confidence: two strong clues, or several weaker ones. */
const CONFIDENT_WEIGHT = 8;

/** Which platform the text is, from what only one of them prints. */
export function detectPlatform(text: string): PlatformDetection {
  const window = text.length > DETECTION_WINDOW ? text.slice(0, DETECTION_WINDOW) : text;
  const seen = new Set<Clue>();
  const reasons: PlatformClue[] = [];
  // Line breaks found with indexOf (native, fast) rather than char by char: this runs on every parse.
  let nextLf = window.indexOf('\n');
  let nextCr = window.indexOf('\r');
  let line = 0;
  let start = 0;
  while (start < window.length) {
    if (nextLf !== -1 && nextLf < start) nextLf = window.indexOf('\n', start);
    if (nextCr !== -1 && nextCr < start) nextCr = window.indexOf('\r', start);
    const end = Math.min(nextLf === -1 ? window.length : nextLf, nextCr === -1 ? window.length : nextCr);
    let from = start;
    while (from < end && (window.charCodeAt(from) === 32 || window.charCodeAt(from) === 9)) from++;
    const candidates = from < end ? CLUES_BY_FIRST_CODE[window.charCodeAt(from)] : undefined;
    if (candidates !== undefined) {
      // The content ends before trailing blanks; a prefix must fit in it.
      let contentEnd = end;
      while (contentEnd > from && isBlank(window.charCodeAt(contentEnd - 1))) contentEnd--;
      for (const clue of candidates) {
        if (seen.has(clue) || (clue.topLevel && from !== start)) continue;
        if (from + clue.prefix.length > contentEnd || !window.startsWith(clue.prefix, from)) continue;
        if (clue.test !== undefined && !clue.test(window.slice(from, contentEnd))) continue;
        seen.add(clue);
        reasons.push({ platform: clue.platform, line, clue: clue.clue });
      }
    }
    start = end + (window.charCodeAt(end) === 13 && window.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  let ios = 0;
  let nxos = 0;
  for (const clue of seen) {
    if (clue.platform === 'cisco_ios') ios += clue.weight;
    else nxos += clue.weight;
  }
  if (ios === nxos) return { platform: undefined, confidence: 0, reasons };
  const winner = Math.max(ios, nxos);
  const loser = Math.min(ios, nxos);
  const confidence = (winner / (winner + loser)) * Math.min(1, winner / CONFIDENT_WEIGHT);
  return {
    platform: ios > nxos ? 'cisco_ios' : 'cisco_nxos',
    confidence: Math.round(confidence * 100) / 100,
    reasons,
  };
}

/** What String.prototype.trimEnd removes in a config line (blanks; line breaks never reach here). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}
