import {
  compilePredicate,
  regexFirstChars,
  regexLiteralPrefix,
  type CompiledPredicate,
} from '../rules/match';
import type { MatchRule } from '../rules/types';
import { OTHER_FEATURE, type FeatureDefinition } from './types';

interface Candidate {
  readonly feature: number;
  readonly predicate: CompiledPredicate;
}

/**
 * A platform's features compiled for matching top-level lines: first feature (in order) with a rule
 * that matches wins; `other` (index `names.length - 1`) owns the rest. The predicates are the platform
 * rules' own (rules/match.ts: regexes run on lines cut to MATCH_LENGTH_LIMIT).
 *
 * Every device's every top-level line is classified, so the rules are bucketed by the first two
 * characters a matching line must start with (from `startswith`/`equals` literals and a regex's
 * literal prefix): `interface Gi0/1` is tested against the one or two rules that can match it, in
 * their order, with no string built to look it up.
 *
 * A top-level `no X` line that no rule matches is tried as `X`: configs carry `no ip domain lookup`,
 * `no logging console`, and a negation in a remediation is classified like the line it removes.
 */
export class CompiledFeatures {
  /** Feature names in match order, `other` last. */
  readonly names: readonly string[];
  readonly other: number;
  private readonly byTwo = new Map<number, readonly Candidate[]>();
  private readonly byOne = new Map<number, readonly Candidate[]>();
  private readonly anyStart: readonly Candidate[];

  constructor(readonly definitions: readonly FeatureDefinition[]) {
    this.names = [...definitions.map((d) => d.name), OTHER_FEATURE];
    this.other = definitions.length;
    const all: { candidate: Candidate; prefixes: readonly string[] | undefined }[] = [];
    definitions.forEach((d, feature) => {
      for (const rule of d.match) {
        all.push({ candidate: { feature, predicate: compilePredicate(rule) }, prefixes: prefixesOf(rule) });
      }
    });
    // Each bucket keeps match order: its own rules and the shorter-prefixed ones, interleaved.
    const fits = (prefixes: readonly string[] | undefined, start: string): boolean =>
      prefixes === undefined || prefixes.some((p) => p.startsWith(start) || start.startsWith(p));
    const starts = new Set(all.flatMap((c) => (c.prefixes ?? []).map((p) => p.slice(0, 2))));
    for (const start of starts) {
      const list = all.filter((c) => fits(c.prefixes, start)).map((c) => c.candidate);
      if (start.length === 2) this.byTwo.set(key2(start, 0), list);
    }
    const firsts = new Set([...starts].map((s) => s[0]));
    for (const first of firsts) {
      const short = all.filter(
        (c) => c.prefixes === undefined || c.prefixes.some((p) => p.length === 1 && p === first),
      );
      this.byOne.set(
        first.charCodeAt(0),
        short.map((c) => c.candidate),
      );
    }
    this.anyStart = all.filter((c) => c.prefixes === undefined).map((c) => c.candidate);
  }

  /** Index (into `names`) of the feature a top-level line belongs to. */
  featureOf(text: string): number {
    const found = this.match(text, 0);
    if (found !== this.other) return found;
    // `no X` and `default X` (a port reset) belong where X does.
    if (text.startsWith('no ')) return this.match(text, 3);
    if (text.startsWith('default ')) return this.match(text, 8);
    return found;
  }

  private match(text: string, from: number): number {
    const line = from === 0 ? text : text.slice(from);
    const candidates =
      (line.length >= 2 ? this.byTwo.get(key2(line, 0)) : undefined) ??
      this.byOne.get(line.charCodeAt(0)) ??
      this.anyStart;
    for (const c of candidates) if (c.predicate.test(line)) return c.feature;
    return this.other;
  }
}

function key2(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

/**
 * Literals one of which a line must start with for the rule to match, or undefined when any line may:
 * from one criterion (each must hold, so any one's prefixes are necessary), the most telling first.
 */
function prefixesOf(rule: MatchRule): readonly string[] | undefined {
  const list = (v: string | readonly string[]): readonly string[] => (typeof v === 'string' ? [v] : v);
  for (const values of [rule.startswith, rule.equals]) {
    if (values !== undefined && list(values).every((v) => v.length > 0)) return list(values);
  }
  if (rule.re_search !== undefined) {
    const literal = regexLiteralPrefix(rule.re_search);
    if (literal.length > 0) return [literal];
    return regexFirstChars(rule.re_search);
  }
  return undefined;
}
