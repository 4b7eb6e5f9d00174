/**
 * Fleet compliance, per feature (issue #8): which top-level sections of a config belong to which
 * feature, and for one device, per feature, what drifts. Features are data, like platform rules: a
 * default set per platform, overridable per workspace (`netremediate.json` `features`, the
 * `netremediate.features` setting). Every top-level line belongs to exactly one feature: the first
 * whose rules match it, in order; `other` owns the rest, so nothing drifts unseen.
 */
import type { Platform } from '../model/types';
import type { MatchRule } from '../rules/types';

/** The catch-all feature: always last, never defined by rules. */
export const OTHER_FEATURE = 'other';

export interface FeatureDefinition {
  /** Stable id, lowercase (`ntp`, `routing-bgp`): report keys, JUnit case names, SARIF rule ids. */
  readonly name: string;
  /** Shown to people (`NTP`, `Routing: BGP`); `name` when absent. */
  readonly title?: string;
  /** A top-level line is this feature's when any rule matches it (same predicates as platform rules). */
  readonly match: readonly MatchRule[];
}

/** The features of each platform, in match order (without `other`, which is implicit and last). */
export type FeatureSets = Readonly<Record<Platform, readonly FeatureDefinition[]>>;

/** A 1-based inclusive line range of a top-level section in a config file. */
export interface LineRange {
  readonly start_line: number;
  readonly end_line: number;
}

/** One feature of one device. Listed only when the feature has lines in running or intended. */
export interface FeatureCompliance {
  readonly feature: string;
  readonly compliant: boolean;
  /** In intended, not in running: config text with section headers, platform indentation. */
  readonly missing: string;
  readonly missing_count: number;
  /** In running, not in intended. */
  readonly extra: string;
  readonly extra_count: number;
  /** This feature's part of the remediation and rollback, rendered with exits as a script. */
  readonly remediation: string;
  readonly rollback: string;

  /** Where the feature's top-level sections are in the intended file (SARIF, review scoping). */
  readonly intended_ranges: readonly LineRange[];
}

/** A feature as computed: with where its scripts are in the device's whole scripts. */
export interface ComputedFeatureCompliance extends FeatureCompliance {
  /**
   * Where `remediation` and `rollback` are in the device's whole remediation and rollback (rendered with
   * exits at the platform's indentation): 1-based inclusive line ranges, in script order. A job stores
   * these instead of the texts, which it gives back by slicing the scripts it stores anyway.
   */
  readonly remediation_lines: readonly LineRange[];
  readonly rollback_lines: readonly LineRange[];
}

export interface DeviceCompliance {
  /** Every listed feature is compliant. */
  readonly compliant: boolean;
  readonly features: readonly ComputedFeatureCompliance[];
}
