import type { MatchRule } from './types';

/**
 * Regular expressions see at most this many characters of a line. Lines are rarely longer (banners
 * and certificates are), and a bound keeps a badly written user regex from running for seconds.
 */
export const MATCH_LENGTH_LIMIT = 1024;

/** Separates the parts of a composite key; never in configuration text. */
const KEY_SEPARATOR = '\u0001';

/** One level of a lineage, compiled: `test` and `key` take the node's normalised text. */
export interface CompiledPredicate {
  test(text: string): boolean;
  /**
   * The idempotency key of a text that passes `test` (PLATFORM-RULES.md, "Idempotency key"): the
   * matched literal, the longest when several match; a regex's groups, or its match without a trailing
   * `.*`/`.+`, or its whole match; a leading `no ` ignored.
   */
  key(text: string): string;
  /**
   * First characters a matching text can start with, or undefined when any: rules are bucketed by
   * them so that a line is tested only against rules that can match it.
   */
  readonly firstChars: readonly string[] | undefined;
}

type Check = { test(text: string): boolean; key(text: string): string };

export function compilePredicate(rule: MatchRule): CompiledPredicate {
  const checks: Check[] = [];
  let firstChars: string[] | undefined;
  const narrow = (chars: string[]): void => {
    firstChars = firstChars === undefined ? chars : firstChars.filter((c) => chars.includes(c));
  };
  if (rule.equals !== undefined) {
    const values = list(rule.equals);
    checks.push(equalsCheck(values));
    narrow(values.map((v) => v.charAt(0)));
  }
  if (rule.startswith !== undefined) {
    const values = list(rule.startswith);
    checks.push(literalCheck(values, (text, v) => text.startsWith(v)));
    if (values.every((v) => v.length > 0)) narrow(values.map((v) => v.charAt(0)));
  }
  if (rule.endswith !== undefined)
    checks.push(literalCheck(list(rule.endswith), (text, v) => text.endsWith(v)));
  if (rule.contains !== undefined)
    checks.push(literalCheck(list(rule.contains), (text, v) => text.includes(v)));
  if (rule.re_search !== undefined) {
    checks.push(regexCheck(rule.re_search));
    const chars = regexFirstChars(rule.re_search);
    if (chars !== undefined) narrow(chars);
  }
  const unique = firstChars === undefined ? undefined : [...new Set<string>(firstChars)];
  if (checks.length === 1) return { test: checks[0].test, key: checks[0].key, firstChars: unique };
  return {
    test: (text) => checks.every((c) => c.test(text)),
    key: (text) => checks.map((c) => c.key(text)).join(KEY_SEPARATOR),
    firstChars: unique,
  };
}

/**
 * The characters a match of an anchored regex must start with, when the pattern says so plainly
 * (`^interface`, `^[#!]`); undefined otherwise. Lets callers skip the regex for most lines.
 */
export function regexFirstChars(source: string): string[] | undefined {
  if (hasTopLevelAlternation(source)) return undefined;
  const literal = /^\^([A-Za-z0-9 !#-])(?![?*{+])/.exec(source);
  if (literal !== null) return [literal[1]];
  const set = /^\^\[([A-Za-z0-9!#]+)\](?![?*{])/.exec(source);
  return set === null ? undefined : [...set[1]];
}

/** The literal text a match of an anchored regex must start with (`^ipv6 unreachables disable$` → all of it). */
export function regexLiteralPrefix(source: string): string {
  if (hasTopLevelAlternation(source)) return '';
  const m = /^\^((?:[A-Za-z0-9 _,:/=-]|\\[.()[\]^$*+?{}|\\/-])*)/.exec(source);
  if (m === null) return '';
  // A quantifier after the run applies to its last character, which is then optional.
  const run = m[1];
  const next = source.charAt(m[0].length);
  const literal = '?*{'.includes(next) && next !== '' ? run.slice(0, -1) : run;
  return literal.replace(/\\(.)/g, '$1').replace(/\\$/, '');
}

/**
 * `^ip ssh|^ip http`: a `|` outside any group or character class makes the anchor and the literal
 * before it hold for the first branch only, so neither says anything about a match.
 */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

function list(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function withoutNo(key: string): string {
  return key.startsWith('no ') ? key.slice(3) : key;
}

function equalsCheck(values: readonly string[]): Check {
  if (values.length === 1) {
    const only = values[0];
    return { test: (text) => text === only, key: () => withoutNo(only) };
  }
  const set = new Set(values);
  return { test: (text) => set.has(text), key: (text) => withoutNo(text) };
}

function literalCheck(values: readonly string[], holds: (text: string, value: string) => boolean): Check {
  if (values.length === 1) {
    const only = values[0];
    return { test: (text) => holds(text, only), key: () => withoutNo(only) };
  }
  return {
    test: (text) => values.some((v) => holds(text, v)),
    key: (text) => {
      let best = '';
      for (const v of values) if (v.length > best.length && holds(text, v)) best = v;
      return withoutNo(best);
    },
  };
}

/** Cut to the bound regular expressions run on. */
export function bounded(text: string): string {
  return text.length > MATCH_LENGTH_LIMIT ? text.slice(0, MATCH_LENGTH_LIMIT) : text;
}

function regexCheck(source: string): Check {
  const re = new RegExp(source);
  const tail = /(?<!\\)\.[*+]$/.test(source) ? new RegExp(source.slice(0, -2)) : undefined;
  const prefix = regexLiteralPrefix(source);
  return {
    test: (text) => text.startsWith(prefix) && re.test(bounded(text)),
    key: (text) => {
      const cut = bounded(text);
      const m = re.exec(cut);
      if (m === null) return '';
      if (m.length > 1)
        return m
          .slice(1)
          .map((g) => withoutNo(g ?? ''))
          .join(KEY_SEPARATOR);
      if (tail !== undefined) return withoutNo(tail.exec(cut)?.[0] ?? m[0]);
      return withoutNo(m[0]);
    },
  };
}
