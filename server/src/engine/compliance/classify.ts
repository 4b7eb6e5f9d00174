import { compilePredicate, type CompiledPredicate } from '../rules/match';
import { OTHER_FEATURE, type FeatureDefinition } from './types';

const MEMO_LIMIT = 50_000;

interface Candidate {
  readonly feature: number;
  readonly predicate: CompiledPredicate;
}

/**
 * A platform's features compiled for matching top-level lines: first feature (in order) with a rule
 * that matches wins; `other` (index `names.length - 1`) owns the rest. The predicates are the platform
 * rules' own (rules/match.ts: regexes run on lines cut to MATCH_LENGTH_LIMIT), bucketed by the first
 * character a match can start with, so a line is tested only against the rules that can match it.
 *
 * A top-level `no X` line that no rule matches is tried as `X`: configs carry `no ip domain lookup`,
 * `no logging console`, and a negation in a remediation is classified like the line it removes.
 */
export class CompiledFeatures {
  /** Feature names in match order, `other` last. */
  readonly names: readonly string[];
  readonly other: number;
  private readonly byChar = new Map<string, readonly Candidate[]>();
  private readonly anyChar: readonly Candidate[];
  /**
   * Lines already classified: across a fleet most top-level lines repeat (interface names, NTP and
   * logging servers), and running and intended share nearly all of theirs. Bounded: cleared when full.
   */
  private readonly memo = new Map<string, number>();

  constructor(readonly definitions: readonly FeatureDefinition[]) {
    this.names = [...definitions.map((d) => d.name), OTHER_FEATURE];
    this.other = definitions.length;
    const all: { candidate: Candidate; chars: readonly string[] | undefined }[] = [];
    definitions.forEach((d, feature) => {
      for (const rule of d.match) {
        const predicate = compilePredicate(rule);
        all.push({ candidate: { feature, predicate }, chars: predicate.firstChars });
      }
    });
    this.anyChar = all.filter((c) => c.chars === undefined).map((c) => c.candidate);
    const chars = new Set(all.flatMap((c) => c.chars ?? []));
    // Each bucket keeps match order: rules for its character and rules for any character, interleaved.
    for (const ch of chars) {
      this.byChar.set(
        ch,
        all.filter((c) => c.chars === undefined || c.chars.includes(ch)).map((c) => c.candidate),
      );
    }
  }

  /** Index (into `names`) of the feature a top-level line belongs to. */
  featureOf(text: string): number {
    const known = this.memo.get(text);
    if (known !== undefined) return known;
    let found = this.match(text);
    if (found === this.other && text.startsWith('no ')) found = this.match(text.slice(3));
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(text, found);
    return found;
  }

  private match(text: string): number {
    const candidates = this.byChar.get(text.charAt(0)) ?? this.anyChar;
    for (const c of candidates) if (c.predicate.test(text)) return c.feature;
    return this.other;
  }
}
