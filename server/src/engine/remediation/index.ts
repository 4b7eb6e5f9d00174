/**
 * The remediation engine's public API (re-exported by server/src/engine/index.ts).
 *
 *   const parser = createEngine();
 *   const engine = createRemediationEngine({ userRules });          // rules checked once
 *   const plan = engine.plan(parser.parse(runningText, { platform }), parser.parse(intendedText, { platform }));
 *   engine.render(plan.remediation);                                // the script, no exits
 *   engine.render(plan.rollback, { exits: true });                  // with exit tokens
 *   engine.renderConfig(plan.predicted);                            // the predicted config
 *   plan.verify;                                                    // [] when the remediation is complete
 *
 * Trees are values (ConfigTree); their nodes (HNode) carry the source line, and remediation nodes a
 * `meta` with their origin, tags and, for negations, the running line they remove.
 */
export { createRemediationEngine } from './engine';
export type { PlanOptions, RemediationEngine, RemediationEngineOptions, RemediationPlan } from './engine';
export { HNode, walk } from './hnode';
export type { ChangeMeta, Origin } from './hnode';
export { removedLineCount } from './annotate';
export {
  answeringFrames,
  asksForConfirmation,
  FRAME_KINDS,
  FrameError,
  frameName,
  frameProblem,
  REVERT_MINUTES,
} from './frame';
export type { FramedScripts, FrameKind, FrameOptions, PromptLine, ScriptsToFrame } from './frame';
export type { UnifiedDiffOptions } from './unifiedDiff';
export type { Tag } from './annotate';
export type {
  ChangeScore,
  ConfigTree,
  Difference,
  LoadDiagnostic,
  LoadedConfig,
  RemediationTree,
  RenderOptions,
  SectionLines,
  Risk,
  RiskKind,
} from './types';
export { BUILT_IN_DRIVERS } from '../rules/drivers';
export { validateUserRules } from '../rules/userRules';
export type { RuleError, UserPlatformRules, UserRules } from '../rules/userRules';
export type {
  CanonicalRules,
  ConfirmationPrompt,
  InterfaceType,
  CascadeRule,
  FeatureRule,
  LineageRule,
  MatchRule,
  NumberedListRule,
  ObjectRule,
  OrderingRule,
  PlatformDriver,
  PostLoadFixup,
  PrintedDefaultRule,
  SecretRule,
  SectionalExitRule,
  SequencedRule,
  VlanSetRule,
} from '../rules/types';
