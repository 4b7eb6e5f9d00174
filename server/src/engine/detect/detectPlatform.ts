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
  /**
   * A further condition on the line, for clues a prefix alone cannot tell: given the text and where the
   * line's content starts and ends (no slice per line: detection runs on every parse).
   */
  readonly test?: (text: string, from: number, end: number) => boolean;
}

const IOS_VERSION = /^version \d+\.\d+$/;

/** `pattern` (sticky) matches at the line's start; it cannot run into the next line (no `\s`, `.`). */
function at(pattern: RegExp): NonNullable<Clue['test']> {
  return (text, from) => {
    pattern.lastIndex = from;
    return pattern.test(text);
  };
}

/** `literal` occurs in the line. */
function containing(literal: string): NonNullable<Clue['test']> {
  return (text, from, end) => {
    const i = text.indexOf(literal, from);
    return i >= 0 && i + literal.length <= end;
  };
}

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
    test: containing('('),
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
    test: at(/interface Ethernet\d+\/\d+/y),
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
    test: containing(' role network-'),
  },
  {
    platform: 'cisco_nxos',
    prefix: 'ip address ',
    topLevel: false,
    weight: 2,
    clue: '`ip address A.B.C.D/len`',
    test: at(/ip address \d+\.\d+\.\d+\.\d+\/\d+/y),
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
    // The whole line must be `version N.N` (a top-level line, once per file: the slice is cheap here).
    test: (text, from, end) => IOS_VERSION.test(text.slice(from, end)),
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
    test: at(/line vty \d/y),
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
    test: at(/ip address \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+/y),
  },
];

/**
 * Clues by the char code of their prefix's first character, so that a line is tested against a handful
 * at most: all of them for an unindented line, the nested ones only for an indented line (most lines
 * of a config, and those clues are few).
 */
const TOP_LEVEL_BY_CODE: (number[] | undefined)[] = [];
const NESTED_BY_CODE: (number[] | undefined)[] = [];
CLUES.forEach((clue, index) => {
  const code = clue.prefix.charCodeAt(0);
  (TOP_LEVEL_BY_CODE[code] ??= []).push(index);
  if (!clue.topLevel) (NESTED_BY_CODE[code] ??= []).push(index);
});

/** Evidence a platform needs for full confidence: two strong clues, or several weaker ones. */
const CONFIDENT_WEIGHT = 8;

/** Which platform the text is, from what only one of them prints. */
export function detectPlatform(text: string): PlatformDetection {
  const window = text.length > DETECTION_WINDOW ? text.slice(0, DETECTION_WINDOW) : text;
  // By index into CLUES: a flag array is cheaper than a Set on a path taken for most lines.
  const seen = new Uint8Array(CLUES.length);
  const found: Clue[] = [];
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
    const byCode = from === start ? TOP_LEVEL_BY_CODE : NESTED_BY_CODE;
    const candidates = from < end ? byCode[window.charCodeAt(from)] : undefined;
    if (candidates !== undefined) {
      // The content ends before trailing blanks; a prefix must fit in it.
      let contentEnd = end;
      while (contentEnd > from && isBlank(window.charCodeAt(contentEnd - 1))) contentEnd--;
      for (const index of candidates) {
        if (seen[index] === 1) continue;
        const clue = CLUES[index];
        if (from + clue.prefix.length > contentEnd || !prefixAt(window, from, clue.prefix)) continue;
        if (clue.test !== undefined && !clue.test(window, from, contentEnd)) continue;
        seen[index] = 1;
        found.push(clue);
        reasons.push({ platform: clue.platform, line, clue: clue.clue });
      }
    }
    start = end + (window.charCodeAt(end) === 13 && window.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  let ios = 0;
  let nxos = 0;
  for (const clue of found) {
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

/** `text` has `prefix` at `from` (the caller checked it fits): faster than startsWith with a position. */
function prefixAt(text: string, from: number, prefix: string): boolean {
  for (let i = prefix.length - 1; i >= 1; i--)
    if (text.charCodeAt(from + i) !== prefix.charCodeAt(i)) return false;
  return true;
}

/** What String.prototype.trimEnd removes in a config line (blanks; line breaks never reach here). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}
