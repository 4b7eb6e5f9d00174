import type { CompiledFeatures } from '../compliance/classify';
import type { Platform } from '../model/types';
import { compilePredicate, type CompiledPredicate } from '../rules/match';
import type { Lineage } from '../rules/types';
import { PRESETS } from './presets';
import type { Scope, ScopeRule } from './types';

/** A lineage rule compiled: one predicate per level (regexes run on bounded lines, match.ts). */
export interface CompiledLineage {
  readonly levels: readonly CompiledPredicate[];
}

const NONE: readonly CompiledLineage[] = Object.freeze([]) as readonly CompiledLineage[];

/**
 * What happens to one line: `ignored` (dropped from both configs, with its subtree), `whole` (managed
 * with its subtree, less what `ignore` still reaches below), `context` (a header kept only to reach
 * managed lines below: `manage` the rules still alive), `out` (not managed).
 */
export interface Verdict {
  readonly fate: 'ignored' | 'whole' | 'context' | 'out';
  /** Manage rules that matched down to this line and go deeper (for `context`). */
  readonly manage: readonly CompiledLineage[];
  /** Ignore rules that matched down to this line and go deeper. */
  readonly ignore: readonly CompiledLineage[];
}

const WHOLE: Verdict = { fate: 'whole', manage: NONE, ignore: NONE };
const OUT: Verdict = { fate: 'out', manage: NONE, ignore: NONE };
const IGNORED: Verdict = { fate: 'ignored', manage: NONE, ignore: NONE };

/**
 * A scope compiled for one platform and the feature set in force for it. Judging a line costs nothing
 * for the rules that cannot reach it: a line is tested only against the rules alive at its parent
 * (those whose upper levels matched its ancestors), which below the top level is usually none.
 */
export class CompiledScope {
  /** No `manage`: every line is managed. */
  readonly manageAll: boolean;
  private readonly managedFeature: readonly boolean[] | undefined;
  readonly manage: readonly CompiledLineage[];
  readonly ignore: readonly CompiledLineage[];

  constructor(
    scope: Scope,
    platform: Platform,
    private readonly features: CompiledFeatures,
  ) {
    const forPlatform = (rules: readonly ScopeRule[]): Lineage[] =>
      rules.filter((r) => r.platforms === undefined || r.platforms.includes(platform)).map((r) => r.lineage);
    this.manageAll = scope.manage === undefined;
    const names = scope.manage?.features;
    this.managedFeature =
      names === undefined || names.length === 0 ? undefined : features.names.map((n) => names.includes(n));
    this.manage = compileAll(forPlatform(scope.manage?.lineages ?? []));
    const ignore: Lineage[] = [];
    for (const entry of scope.ignore ?? []) {
      if ('preset' in entry) ignore.push(...PRESETS[entry.preset][platform]);
      else ignore.push(...forPlatform([entry]));
    }
    this.ignore = compileAll(ignore);
  }

  /** A top-level line's verdict. */
  top(text: string): Verdict {
    const ignore = this.ignore.length === 0 ? undefined : alive(this.ignore, text, 0);
    if (ignore?.ends === true) return IGNORED;
    const deeperIgnore = ignore?.deeper ?? NONE;
    let whole = this.manageAll;
    if (!whole && this.managedFeature !== undefined)
      whole = this.managedFeature[this.features.featureOf(text)];
    let manage: Alive | undefined;
    if (!whole && this.manage.length > 0) {
      manage = alive(this.manage, text, 0);
      whole = manage.ends;
    }
    if (whole)
      return deeperIgnore.length === 0 ? WHOLE : { fate: 'whole', manage: NONE, ignore: deeperIgnore };
    if (manage !== undefined && manage.deeper.length > 0)
      return { fate: 'context', manage: manage.deeper, ignore: deeperIgnore };
    return OUT;
  }

  /**
   * A line below the top level (`depth` 2 for a top-level line's children), given its parent's verdict
   * (`whole` or `context`: the lines under `ignored` and `out` are never looked at).
   */
  below(text: string, depth: number, parent: Verdict): Verdict {
    const ignore = parent.ignore.length === 0 ? undefined : alive(parent.ignore, text, depth - 1);
    if (ignore?.ends === true) return IGNORED;
    const deeperIgnore = ignore?.deeper ?? NONE;
    if (parent.fate === 'whole')
      return deeperIgnore.length === 0 ? WHOLE : { fate: 'whole', manage: NONE, ignore: deeperIgnore };
    const manage = alive(parent.manage, text, depth - 1);
    if (manage.ends)
      return deeperIgnore.length === 0 ? WHOLE : { fate: 'whole', manage: NONE, ignore: deeperIgnore };
    if (manage.deeper.length > 0) return { fate: 'context', manage: manage.deeper, ignore: deeperIgnore };
    return OUT;
  }
}

interface Alive {
  /** A rule whose last level is this one matched. */
  readonly ends: boolean;
  /** Rules that matched here and have levels below. */
  readonly deeper: readonly CompiledLineage[];
}

function alive(rules: readonly CompiledLineage[], text: string, level: number): Alive {
  let ends = false;
  let deeper: CompiledLineage[] | undefined;
  for (const rule of rules) {
    const predicate = rule.levels[level];
    if (predicate === undefined || !predicate.test(text)) continue;
    if (rule.levels.length === level + 1) ends = true;
    else (deeper ??= []).push(rule);
  }
  return { ends, deeper: deeper ?? NONE };
}

function compileAll(lineages: readonly Lineage[]): readonly CompiledLineage[] {
  if (lineages.length === 0) return NONE;
  return lineages.map((lineage) => ({ levels: lineage.map(compilePredicate) }));
}
