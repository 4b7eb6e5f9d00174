/**
 * Canonical comparison (issue 9): the key a line is compared by, so that spellings the device takes as
 * one line are one line here too — `interface gi1/0/1` and `interface GigabitEthernet1/0/1`, NX-OS
 * `ip address 10.0.0.1 255.255.255.0` and `ip address 10.0.0.1/24`, `switchport trunk allowed vlan
 * 10,11,12` and `... 10-12`. The data (which types, which positions) is per platform in the drivers;
 * this file only applies it. Whitespace needs nothing here: the parser already trims lines and collapses
 * inner blanks. Scripts never print a key: they print the device's own text (remediate.ts).
 *
 * Fast path: most lines start with a character no anchored pattern starts with and contain none of the
 * few literals the unanchored ones need, and return as they are without allocating. Lines that took the
 * slow path (5,000 `interface ...` headers) are remembered, so loading the same config again is cheap.
 */
import { InterfaceTypes } from './interfaceTypes';
import { bounded, MATCH_LENGTH_LIMIT, regexFirstChars, regexLiteralPrefix } from './match';
import type { CanonicalPattern, CanonicalRules } from './types';

type Rewrite = (group: string, index: number) => string;

interface Compiled {
  readonly re: RegExp;
  /** What the line must start with (anchored patterns) or contain (`contains`). */
  readonly prefix: string;
  readonly contains: string | undefined;
  /** Rewrites the captured groups (`prefix-length` rewrites groups 1 and 2 as one). */
  readonly apply: (text: string, m: RegExpExecArray) => string;
}

/** Slow-path results kept per rule set; cleared when it grows past this (a config of 40,000 lines fits). */
const CACHE_LIMIT = 50_000;
const VLAN_LIST_ITEM = /^(\d+)(?:-(\d+))?$/;

export class Canonicaliser {
  /** Anchored patterns by the char code a line (past `no `/`default `) must start with. */
  private readonly byCode: (Compiled[] | undefined)[] = [];
  /** Unanchored patterns: tested on every line that contains their literal. */
  private readonly anywhere: Compiled[] = [];
  /** The platform's interface types and their abbreviations (shared with the editor: interfaceNames.ts). */
  private readonly interfaces: InterfaceTypes;
  private readonly freeText: readonly string[];
  private readonly cache = new Map<string, string>();
  /** A line may match an anchored pattern: it starts with one's literal (after `no `/`default `). */
  private mayAnchored = NEVER;
  /** A line may match an unanchored pattern: it contains one's literal. */
  private mayAnywhere = NEVER;

  constructor(rules: CanonicalRules | undefined) {
    this.freeText = rules?.freeText.map((w) => `${w} `) ?? [];
    this.interfaces = new InterfaceTypes(rules?.interfaceTypes ?? []);
    if (rules === undefined) return;
    const iface: Rewrite = (group) => this.interfaceName(group);
    for (const p of rules.interfaceReferences) this.add(p, groupsRewriter(iface));
    for (const p of rules.vlanLists) this.add(p, groupsRewriter(canonicalVlanList));
    for (const p of rules.prefixLength) this.add(p, prefixLengthRewriter);
    const anchored = new Set<string>();
    for (const list of this.byCode) for (const p of list ?? []) anchored.add(escapeRegex(p.prefix));
    if (anchored.size > 0) this.mayAnchored = new RegExp(`^(?:no |default )?(?:${[...anchored].join('|')})`);
    if (this.anywhere.length > 0)
      this.mayAnywhere = new RegExp(this.anywhere.map((p) => escapeRegex(p.contains as string)).join('|'));
  }

  /** The canonical form of a line (the text itself when it has only one spelling). */
  key(text: string): string {
    // The fast path: two regular expressions that only test for the patterns' literals (V8 runs
    // these faster than loops of startsWith/includes), no allocation.
    const anchored = this.mayAnchored.test(text);
    if (!anchored && !this.mayAnywhere.test(text)) return text;
    if (text.length > MATCH_LENGTH_LIMIT) return text;
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const start = text.startsWith('no ') ? 3 : text.startsWith('default ') ? 8 : 0;
    const body = text.slice(start);
    let out = body;
    const byCode = anchored ? this.byCode[body.charCodeAt(0)] : undefined;
    if (byCode !== undefined) for (let i = 0; i < byCode.length; i++) out = this.run(byCode[i], out);
    // Indexed loops: this runs once per distinct line, mostly before V8 has optimised it.
    if (this.mayAnywhere.test(out) && !this.isFreeText(out)) {
      for (let i = 0; i < this.anywhere.length; i++) out = this.run(this.anywhere[i], out);
    }
    const key = out === body ? text : text.slice(0, start) + out;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, key);
    return key;
  }

  /** `Gi1/0/1` → `GigabitEthernet1/0/1`; unknown or ambiguous types stay as written (interfaceTypes.ts). */
  interfaceName(name: string): string {
    return this.interfaces.canonical(name);
  }

  private add(pattern: CanonicalPattern, apply: Compiled['apply']): void {
    const compiled: Compiled = {
      re: new RegExp(pattern.re, 'd'),
      prefix: regexLiteralPrefix(pattern.re),
      contains: pattern.contains,
      apply,
    };
    const chars = pattern.contains === undefined ? regexFirstChars(pattern.re) : undefined;
    if (chars === undefined) {
      if (pattern.contains === undefined)
        throw new Error(`canonical pattern ${pattern.re}: anchor it (^literal) or give \`contains\``);
      this.anywhere.push(compiled);
      return;
    }
    for (const c of chars) {
      const code = c.charCodeAt(0);
      const list = this.byCode[code];
      if (list === undefined) this.byCode[code] = [compiled];
      else list.push(compiled);
    }
  }

  private run(p: Compiled, text: string): string {
    if (!text.startsWith(p.prefix)) return text;
    if (p.contains !== undefined && !text.includes(p.contains)) return text;
    const m = p.re.exec(bounded(text));
    return m === null ? text : p.apply(text, m);
  }

  private isFreeText(text: string): boolean {
    for (let i = 0; i < this.freeText.length; i++) if (text.startsWith(this.freeText[i])) return true;
    return false;
  }
}

/** Matches nothing: a rule set without patterns of a kind. */
const NEVER = /(?!)/;

function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewrites every captured group, last first so earlier offsets stay valid. */
function groupsRewriter(rewrite: Rewrite): Compiled['apply'] {
  return (text, m) => {
    const indices = m.indices as RegExpIndicesArray;
    let out = text;
    for (let g = m.length - 1; g >= 1; g--) {
      const span = indices[g];
      if (span === undefined) continue;
      const [from, to] = span;
      const replaced = rewrite(out.slice(from, to), g);
      if (replaced !== out.slice(from, to)) out = out.slice(0, from) + replaced + out.slice(to);
    }
    return out;
  };
}

/** Groups 1 (address) and 2 (dotted mask) → `address/len`; a mask that is not contiguous stays. */
function prefixLengthRewriter(text: string, m: RegExpExecArray): string {
  const indices = m.indices as RegExpIndicesArray;
  const address = indices[1];
  const mask = indices[2];
  if (address === undefined || mask === undefined) return text;
  const length = maskLength(text.slice(mask[0], mask[1]));
  if (length === undefined) return text;
  return `${text.slice(0, address[0])}${text.slice(address[0], address[1])}/${length}${text.slice(mask[1])}`;
}

/** `255.255.255.0` → 24; undefined for a mask with holes (`255.0.255.0`) or out-of-range octets. */
export function maskLength(mask: string): number | undefined {
  const octets = mask.split('.');
  if (octets.length !== 4) return undefined;
  let bits = 0;
  for (const o of octets) {
    const n = Number(o);
    if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
    bits = bits * 256 + n;
  }
  let length = 0;
  while (length < 32 && bits >= 2 ** (31 - length)) {
    bits -= 2 ** (31 - length);
    length++;
  }
  return bits === 0 ? length : undefined;
}

/**
 * `12,10, 11` → `10-12`: the ids sorted, repeats dropped, runs of two or more as `a-b`. A list the
 * device would refuse (`12-10`) stays as written.
 */
export function canonicalVlanList(list: string): string {
  const ranges: [number, number][] = [];
  for (const item of list.replace(/ /g, '').split(',')) {
    const m = VLAN_LIST_ITEM.exec(item);
    if (m === null) return list;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from > to) return list;
    ranges.push([from, to]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`)).join(',');
}
