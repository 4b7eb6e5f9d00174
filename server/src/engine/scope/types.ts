/**
 * Scope (issue #9): what a workspace manages. Data, like platform rules and features, from
 * `netremediate.json` `scope`, the `netremediate.scope` setting or `--scope FILE`:
 *
 *   { "manage": { "features": ["ntp", "snmp", "logging"],
 *                 "lineages": [{ "lineage": [{ "startswith": "interface " }, { "startswith": "description " }] }] },
 *     "ignore": [{ "preset": "credentials" },
 *                { "lineage": [{ "startswith": "license " }] },
 *                { "lineage": [{ "startswith": "snmp-server user " }], "platforms": ["cisco_nxos"] }] }
 *
 * - `manage` absent: everything is managed. Present: only what it names. `features` names compliance
 *   features (resolved per platform through the feature sets in force, `other` included): their
 *   top-level sections are managed whole. `lineages` are lineage rules with the platform rules'
 *   predicates: a 1-level rule manages the top-level sections it matches, whole; a deeper rule manages
 *   the lines it matches (with their subtrees), and the sections above them are only context — sent to
 *   reach the lines, never added or removed for themselves.
 * - `ignore`: lines never touched, at any depth, even inside a managed section: lineage rules, or named
 *   presets (presets.ts). Ignored lines are removed from both configs before remediation.
 * Everything outside the scope is removed from both loaded configs before remediation, so remediation,
 * rollback, the predicted config, verify, the change score, risks and compliance all stay inside it; what
 * differs outside it is reported as `unmanaged` drift, information only.
 */
import type { Platform } from '../model/types';
import type { Lineage } from '../rules/types';

/** Named sets of ignore rules per platform (presets.ts): opt in with `{ "preset": "credentials" }`. */
export const SCOPE_PRESETS = ['credentials', 'licensing', 'pki'] as const;
export type ScopePreset = (typeof SCOPE_PRESETS)[number];

/** A lineage rule of a scope, optionally for some platforms only (all when absent). */
export interface ScopeRule {
  readonly lineage: Lineage;
  readonly platforms?: readonly Platform[];
}

export type IgnoreEntry = ScopeRule | { readonly preset: ScopePreset };

export interface Scope {
  readonly manage?: {
    /** Compliance feature names (`ntp`, `routing-bgp`, `other`): their top-level sections, whole. */
    readonly features?: readonly string[];
    readonly lineages?: readonly ScopeRule[];
  };
  readonly ignore?: readonly IgnoreEntry[];
}

/** How a top-level section outside the scope differs. */
export type UnmanagedKind = 'running-only' | 'intended-only' | 'differs';

export interface UnmanagedSection {
  /** The top-level line, as written (running's spelling when both have it; a banner's first line). */
  readonly text: string;
  readonly kind: UnmanagedKind;
  /** `ignored`: the difference is in lines an ignore rule covers; `unmanaged`: outside `manage`. */
  readonly reason: 'unmanaged' | 'ignored';
  /** 0-based line in running (in intended for `intended-only`), when known. */
  readonly line?: number;
  /**
   * For `differs`: its 0-based line in intended, when known, so that reports can point at the intended
   * file (SARIF annotates the file a pull request changes).
   */
  readonly intended_line?: number;
}

/** The top-level sections that differ outside the scope: information, never in a script. */
export interface UnmanagedDrift {
  readonly count: number;
  /** The first MAX_UNMANAGED_SECTIONS of them, running's order, then intended's own. */
  readonly sections: readonly UnmanagedSection[];
}

export const MAX_UNMANAGED_SECTIONS = 50;

/** A field that is wrong, named from the document's root: `scope.ignore[2].lineage[0].re_search`. */
export interface ScopeError {
  readonly field: string;
  readonly message: string;
}
