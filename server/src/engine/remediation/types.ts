/**
 * The remediation engine's own vocabulary. Trees are values: the host loads a parsed config once and
 * passes it to every verb (remediate, rollback, predict, verify, render), so nothing is parsed twice.
 */
import type { Platform } from '../model/types';
import type { PlatformRules } from '../rules/semantics';
import type { RiskKind } from '../rules/types';
import type { HNode } from './hnode';

/** A configuration tree of one platform, with the compiled rules that give its lines meaning. */
export interface ConfigTree {
  readonly platform: Platform;
  readonly root: HNode;
  readonly rules: PlatformRules;
}

/** A remediation (or rollback): its lines carry `meta` (origin, tags), and the risks found in them. */
export interface RemediationTree extends ConfigTree {
  readonly risks: readonly Risk[];
}

/** What loading did to the parsed tree, line by line (0-based lines, like the parser's). */
export interface LoadDiagnostic {
  readonly code: 'dropped-line' | 'merged-duplicate' | 'split-list' | 'merged-range';
  readonly message: string;
  readonly line: number | undefined;
  /** For a merged duplicate: the line it was merged into. */
  readonly relatedLine?: number;
}

/** A parsed config normalised per platform: the input of remediate and predict. */
export interface LoadedConfig extends ConfigTree {
  readonly diagnostics: readonly LoadDiagnostic[];
}

/**
 * A difference between the predicted and the intended config: a line the intended config has and the
 * prediction lacks (`missing`), or the reverse (`unexpected`). `path` runs from the top-level line.
 */
export interface Difference {
  readonly kind: 'missing' | 'unexpected';
  readonly path: readonly string[];
  /** Source line (0-based) of the line in the config it comes from, when known. */
  readonly line: number | undefined;
}

/**
 * Size of a change: lines added, removed (a removed section counts all its descendants) and changed
 * (an idempotent overwrite is one changed line, not a removal plus an addition). `score` weighs each
 * line by depth, top-level 3, second level 2, deeper 1: a removed `router bgp` outweighs a description.
 */
export interface ChangeScore {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly score: number;
}

/** A remediation line that can cut the operator off. */
export interface Risk {
  readonly kind: RiskKind;
  /** Path of the remediation line, from the top level. */
  readonly path: readonly string[];
  readonly message: string;
}

export interface RenderOptions {
  /** Spaces per level; the platform's (IOS 1, NX-OS 2) when absent. */
  readonly indent?: number;
  /** Close each section with its exit token (`exit`, `exit-address-family`, ...). Default false. */
  readonly exits?: boolean;
  /**
   * `safe` (default): one delimiter character that does not occur in the body, as a device reads
   * a banner it is sent (IOS prints ETX as `^C`, which sent back makes `^` the delimiter).
   * `original`: the delimiter the file used, verbatim (`^C` stays `^C`).
   */
  readonly bannerDelimiter?: 'safe' | 'original';
  /** Add `! removes N lines` after a removed section's negation. Default false. */
  readonly comments?: boolean;
  /**
   * Only these top-level lines of the tree (in the tree's order), each with its subtree: a part of a
   * script without copying it (compliance renders each feature's part of a remediation so).
   */
  readonly topLevel?: ReadonlySet<HNode>;
  /**
   * Filled with where each top-level line's section (with its exit) is in the text: 0-based first line
   * and the line after it. Lets compliance point into the device's script instead of rendering each
   * feature's part again.
   */
  readonly sectionLines?: Map<HNode, SectionLines>;
}

/** Lines `start` (0-based) up to, not including, `end` of a rendered text. */
export interface SectionLines {
  readonly start: number;
  readonly end: number;
}

export type { RiskKind };
