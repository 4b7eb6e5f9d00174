import { CompiledFeatures } from '../compliance/classify';
import { computeCompliance, type ScriptsOfDevice } from '../compliance/compute';
import { DEFAULT_FEATURES } from '../compliance/defaultFeatures';
import type { DeviceCompliance, FeatureDefinition, FeatureSets } from '../compliance/types';
import type { ParsedConfig, Platform } from '../model/types';
import { BUILT_IN_DRIVERS } from '../rules/drivers';
import { PlatformRules } from '../rules/semantics';
import type { PlatformDriver } from '../rules/types';
import { validateUserRules, withUserRules, type RuleError } from '../rules/userRules';
import type { ScopedPair } from '../scope/applyScope';
import { createScoper } from '../scope/scoper';
import type { Scope, UnmanagedDrift } from '../scope/types';
import { annotate, changeScore, selectLines } from './annotate';
import type { HNode } from './hnode';
import { frameScripts, type FramedScripts, type FrameOptions, type ScriptsToFrame } from './frame';
import { loadConfig } from './load';
import { predictTree } from './predict';
import { remediateTrees } from './remediate';
import { renderTree } from './render';
import type {
  ChangeScore,
  ConfigTree,
  Difference,
  LoadedConfig,
  RemediationTree,
  RenderOptions,
  Risk,
} from './types';
import { unifiedDiff, type UnifiedDiffOptions } from './unifiedDiff';
import { verifyTrees } from './verify';

/** Everything one device needs, computed once from its two parsed configs. */
export interface RemediationPlan {
  readonly platform: Platform;
  readonly running: LoadedConfig;
  readonly intended: LoadedConfig;
  /** running → intended, tagged. */
  readonly remediation: RemediationTree;
  /** intended → running, tagged. */
  readonly rollback: RemediationTree;
  /** running with the remediation applied. */
  readonly predicted: ConfigTree;
  /** predicted vs intended: empty when the remediation is complete. */
  readonly verify: readonly Difference[];
  /** (predicted with the rollback applied) vs running: empty when the rollback gets back. */
  readonly rollbackVerify: readonly Difference[];
  readonly changeScore: ChangeScore;
  readonly rollbackChangeScore: ChangeScore;
  readonly risks: readonly Risk[];
  /** Planned with a scope: the top-level sections that differ outside it (information, never sent). */
  readonly unmanaged?: UnmanagedDrift;
  /**
   * Planned with a scope: both configs whole, before the cut (`running`/`intended` above are cut). A
   * review shows the device whole: `predict(unscoped.running, remediation)`.
   */
  readonly unscoped?: { readonly running: LoadedConfig; readonly intended: LoadedConfig };
}

/** What `plan` works within. Absent: everything, at no cost. */
export interface PlanOptions {
  /** Cut both configs to this scope (validated with validateScope) before remediation. */
  readonly scope?: Scope;
  /** The feature sets `scope.manage.features` resolve against; default the built-in ones. */
  readonly features?: FeatureSets;
}

export interface RemediationEngineOptions {
  /** `netremediate.rules` as the user wrote it; checked, invalid rules left out (see `ruleErrors`). */
  readonly userRules?: unknown;
}

/**
 * The remediation engine as a service: one factory, an interface of verbs over values. Pure: no I/O;
 * parsed configs come in (from `createEngine().parse`), trees and text go out.
 */
export interface RemediationEngine {
  /** What was wrong in the user rules given to the factory (those rules are not used). */
  readonly ruleErrors: readonly RuleError[];
  /** The rules in force for a platform (built-in plus the user's), as data. */
  driver(platform: Platform): PlatformDriver;
  /** Parsed config → normalised tree (platform fix-ups applied). Load once, pass to every verb. */
  load(parsed: ParsedConfig): LoadedConfig;
  /** The commands from `running` to `intended`, tagged (`negation`, `addition`, `risk:...`, `safe`, ...). */
  remediate(running: ConfigTree, intended: ConfigTree): RemediationTree;
  /**
   * The commands undoing the remediation: remediate with the configs swapped (an ACL the rollback
   * adds entries to is renumbered first: the remediation may have put its entries at other numbers
   * than the intended file's).
   */
  rollback(running: ConfigTree, intended: ConfigTree): RemediationTree;
  /** `running` with `remediation` applied. */
  predict(running: ConfigTree, remediation: ConfigTree): ConfigTree;
  /** How `predicted` differs from `intended`; empty when equal as hierarchies. */
  verify(predicted: ConfigTree, intended: ConfigTree): Difference[];
  /** A script (default: platform indentation, no exits, banners with a safe delimiter). */
  render(tree: ConfigTree, options?: RenderOptions): string;
  /** A config as a full config text (banners with their original delimiters, no exits). */
  renderConfig(tree: ConfigTree, options?: Pick<RenderOptions, 'indent'>): string;
  changeScore(remediation: ConfigTree): ChangeScore;
  /** Tags the lines of a remediation tree (e.g. one filtered with `select`) and returns its risks. */
  risks(remediation: ConfigTree): Risk[];
  /** The lines for which `keep` holds (e.g. tagged `safe`), with their section headers. */
  select(remediation: ConfigTree, keep: (node: HNode) => boolean): ConfigTree;
  /**
   * A unified diff of the two configs as printed, hierarchy-aware (only differing top-level sections,
   * each hunk headed by its section).
   */
  diff(running: ParsedConfig, intended: ParsedConfig, options?: UnifiedDiffOptions): string;
  /**
   * Both loaded configs cut to a scope (scope/applyScope.ts): what is outside it or ignored removed from
   * both, and what differs outside it. Pure; the inputs are not changed.
   */
  scope(running: LoadedConfig, intended: LoadedConfig, scope: Scope, features?: FeatureSets): ScopedPair;
  /**
   * Load both (cut to `options.scope` when given), remediate, roll back, predict and verify both ways,
   * score and flag: one device.
   */
  plan(running: ParsedConfig, intended: ParsedConfig, options?: PlanOptions): RemediationPlan;
  /**
   * A device's rendered remediation and rollback in a safe-apply frame (frame.ts), with the lines that
   * make the device ask for confirmation. Throws FrameError for a frame the platform does not have.
   */
  frame(platform: Platform, scripts: ScriptsToFrame, options: FrameOptions): FramedScripts;
  /**
   * Per feature of the plan's platform (`features`, default the built-in sets): compliant, missing and
   * extra lines, and that feature's part of the remediation and rollback. Reuses the plan's trees, and
   * the scripts when the caller rendered them already (with exits, `sectionLines` filled).
   */
  compliance(plan: RemediationPlan, features?: FeatureSets, scripts?: ScriptsOfDevice): DeviceCompliance;
}

export function createRemediationEngine(options: RemediationEngineOptions = {}): RemediationEngine {
  const { rules: user, errors } = validateUserRules(options.userRules);
  // Compiled on first use: a CLI run or a worker of a one-platform fleet never pays for the other.
  const byPlatform = new Map<Platform, PlatformRules>();
  const rulesFor = (platform: Platform): PlatformRules => {
    let rules = byPlatform.get(platform);
    if (rules === undefined) {
      rules = new PlatformRules(withUserRules(BUILT_IN_DRIVERS[platform], user[platform]));
      byPlatform.set(platform, rules);
    }
    return rules;
  };

  const remediate = (running: ConfigTree, intended: ConfigTree, rollback = false): RemediationTree => {
    checkSamePlatform(running, intended);
    return remediateTrees(running, intended, { rollback });
  };

  // Compiled once per feature list: a host passing the same FeatureSets value for every device (the
  // task worker does) compiles its rules once.
  const compiled = new WeakMap<readonly FeatureDefinition[], CompiledFeatures>();
  const compiledFeatures = (definitions: readonly FeatureDefinition[]): CompiledFeatures => {
    let c = compiled.get(definitions);
    if (c === undefined) {
      c = new CompiledFeatures(definitions);
      compiled.set(definitions, c);
    }
    return c;
  };
  const scoper = createScoper(compiledFeatures);

  const engine: RemediationEngine = {
    ruleErrors: errors,
    driver: (platform) => rulesFor(platform).driver,
    load: (parsed) => loadConfig(parsed, rulesFor(parsed.platform)),
    remediate,
    rollback: (running, intended) => remediate(intended, running, true),
    predict: (running, remediation) => predictTree(running, remediation),
    verify: (predicted, intended) => verifyTrees(predicted, intended),
    render: (tree, renderOptions) => renderTree(tree, renderOptions),
    renderConfig: (tree, renderOptions) =>
      renderTree(tree, { indent: renderOptions?.indent, bannerDelimiter: 'original', exits: false }),
    changeScore: (remediation) => changeScore(remediation),
    risks: (remediation) => annotate(remediation),
    select: (remediation, keep) => selectLines(remediation, keep),
    diff: (running, intended, diffOptions) => unifiedDiff(running, intended, diffOptions),
    frame: (platform, scripts, frameOptions) => frameScripts(rulesFor(platform), scripts, frameOptions),
    scope: (running, intended, scope, features = DEFAULT_FEATURES) => {
      checkSamePlatform(running, intended);
      return scoper(running, intended, scope, features);
    },
    plan: (runningParsed, intendedParsed, options) => {
      const whole = { running: engine.load(runningParsed), intended: engine.load(intendedParsed) };
      checkSamePlatform(whole.running, whole.intended);
      const cut =
        options?.scope === undefined
          ? undefined
          : engine.scope(whole.running, whole.intended, options.scope, options.features);
      const running = cut?.running ?? whole.running;
      const intended = cut?.intended ?? whole.intended;
      const remediation = remediateTrees(running, intended);
      const rollback = remediate(intended, running, true);
      const predicted = predictTree(running, remediation);
      const restored = predictTree(predicted, rollback);
      return {
        platform: running.platform,
        running,
        intended,
        remediation,
        rollback,
        predicted,
        verify: verifyTrees(predicted, intended),
        rollbackVerify: verifyTrees(restored, running),
        changeScore: changeScore(remediation),
        rollbackChangeScore: changeScore(rollback),
        risks: remediation.risks,
        ...(cut === undefined ? {} : { unmanaged: cut.unmanaged, unscoped: whole }),
      };
    },
    compliance: (plan, features = DEFAULT_FEATURES, scripts) =>
      computeCompliance(plan, compiledFeatures(features[plan.platform]), engine, scripts),
  };
  return engine;
}

function checkSamePlatform(a: ConfigTree, b: ConfigTree): void {
  if (a.platform !== b.platform) {
    throw new Error(`Cannot compare a ${a.platform} config with a ${b.platform} config.`);
  }
}
