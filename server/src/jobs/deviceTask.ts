/**
 * One device, computed: read both configs (or take the unsaved texts), hash them, settle the platform,
 * parse, plan, render, and (when the job asks) its compliance per feature from the same plan. Runs in
 * a task worker; returns plain data only (texts pre-encoded as the
 * journal body). Never throws for a device's own problems: an unreadable file, a parse error or an
 * engine error fails the device with a readable message naming the file (and line when known).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  asksForConfirmation,
  createEngine,
  createRemediationEngine,
  DEFAULT_FEATURES,
  type DeviceCompliance,
  type Difference,
  type FeatureSets,
  type HNode,
  type ParsedConfig,
  type Platform,
  type RemediationEngine,
  type Scope,
  type SectionLines,
  type UnmanagedSection,
} from '../engine';
import { orderUnmanaged } from '../protocol/complianceRender/reportModel';
import { compactFeatures } from './featureTexts';
import { encodeBody } from './journalFormat';
import {
  UNMANAGED_PREVIEW,
  UNMANAGED_PREVIEW_TEXT,
  type DeviceComplianceBrief,
  type ParseError,
  type PlatformSource,
  type RiskFlag,
  type UnmanagedPreview,
} from './types';
import type { DeviceOutcome, DeviceTask, DeviceTaskResult, TaskInput } from './workerProtocol';

const parser = createEngine();
let remediation: { key: string | undefined; engine: RemediationEngine } | undefined;
/** The last custom feature sets seen: one value per set, so the engine compiles each set once. */
let customFeatures: { key: string | undefined; sets: FeatureSets } | undefined;

/** The last scope seen: one value per scope, so the engine compiles each scope once. */
let lastScope: { key: string | undefined; scope: Scope } | undefined;

/** How much of a config platform detection looks at: the clues (`feature`, `!Command:`) come early. */
const DETECTION_BYTES = 16 * 1024;
const MAX_RISKS = 20;
const MAX_PARSE_ERRORS = 20;

function engineFor(task: DeviceTask): RemediationEngine {
  if (remediation === undefined || remediation.key !== task.rulesKey) {
    remediation = { key: task.rulesKey, engine: createRemediationEngine({ userRules: task.userRules }) };
  }
  return remediation.engine;
}

function featuresFor(task: DeviceTask): FeatureSets {
  if (task.features === undefined) return DEFAULT_FEATURES;
  if (customFeatures === undefined || customFeatures.key !== task.featuresKey) {
    customFeatures = { key: task.featuresKey, sets: task.features };
  }
  return customFeatures.sets;
}

function scopeFor(task: DeviceTask): Scope | undefined {
  if (task.scope === undefined) return undefined;
  if (lastScope === undefined || lastScope.key !== task.scopeKey) {
    lastScope = { key: task.scopeKey, scope: task.scope };
  }
  return lastScope.scope;
}

function brief(result: DeviceCompliance): DeviceComplianceBrief {
  return {
    compliant: result.compliant,
    drifting: result.features.filter((f) => !f.compliant).map((f) => f.feature),
    features: result.features.map((f) => f.feature),
  };
}

/** A path as the user reads it: relative to the device's folder when inside it. */
export function displayPath(folder: string, file: string): string {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

class DeviceFailure extends Error {}

function readInput(task: DeviceTask, input: TaskInput): string {
  if (input.text !== undefined) return input.text;
  try {
    return fs.readFileSync(input.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
    throw new DeviceFailure(`${displayPath(task.folder, input.path)}: cannot read (${reason})`);
  }
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

function settlePlatform(
  task: DeviceTask,
  running: string,
  intended: string,
): { platform: Platform; source: PlatformSource } {
  if (task.platform !== undefined)
    return { platform: task.platform, source: task.platformSource ?? 'manifest' };
  for (const text of [running, intended]) {
    const detected = parser.detectPlatform(text.slice(0, DETECTION_BYTES)).platform;
    if (detected !== undefined) return { platform: detected, source: 'content' };
  }
  return { platform: task.defaultPlatform, source: 'default' };
}

function parseErrors(file: string, parsed: ParsedConfig): ParseError[] {
  return parsed.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ file, line: f.range.startLine + 1, code: f.code, message: f.message }));
}

export function describeDifference(d: Difference): string {
  const where = d.line === undefined ? '' : ` (line ${d.line + 1})`;
  return `${d.kind === 'missing' ? 'missing after remediation' : 'left over after remediation'}: ${d.path.join(' > ')}${where}`;
}

export function computeDevice(task: DeviceTask, threadId: number): DeviceTaskResult {
  const started = performance.now();
  const failed = (error: string, extra: Partial<DeviceOutcome> = {}): DeviceTaskResult => ({
    threadId,
    outcome: { status: 'failed', error, ...extra, duration: Math.round(performance.now() - started) },
  });
  let runningText: string;
  let intendedText: string;
  try {
    runningText = readInput(task, task.running);
    intendedText = readInput(task, task.intended);
  } catch (error) {
    return failed(error instanceof DeviceFailure ? error.message : String(error));
  }
  const hashes = { running_sha256: sha256(runningText), intended_sha256: sha256(intendedText) };
  const runningFile = displayPath(task.folder, task.running.path);
  const intendedFile = displayPath(task.folder, task.intended.path);
  const { platform, source } = settlePlatform(task, runningText, intendedText);
  const known = { ...hashes, platform, platform_source: source };
  let stage = `parsing ${runningFile}`;
  try {
    const running = parser.parse(runningText, { platform });
    stage = `parsing ${intendedFile}`;
    const intended = parser.parse(intendedText, { platform });
    const errors = [...parseErrors(runningFile, running), ...parseErrors(intendedFile, intended)];
    if (errors.length > 0) {
      const first = errors[0];
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more parse errors)` : '';
      return failed(`${first.file}:${first.line}: ${first.message}${more}`, {
        ...known,
        parse_errors: errors.slice(0, MAX_PARSE_ERRORS),
      });
    }
    stage = `computing the remediation of ${runningFile} → ${intendedFile}`;
    const engine = engineFor(task);
    const scope = scopeFor(task);
    const plan =
      scope === undefined
        ? engine.plan(running, intended)
        : engine.plan(running, intended, { scope, features: featuresFor(task) });
    stage = 'rendering the remediation';
    // With compliance, where each section is in the scripts: its features point into them.
    const remediationSections = task.compliance ? new Map<HNode, SectionLines>() : undefined;
    const rollbackSections = task.compliance ? new Map<HNode, SectionLines>() : undefined;
    const remediationText = engine.render(plan.remediation, {
      exits: true,
      sectionLines: remediationSections,
    });
    const rollbackText = engine.render(plan.rollback, { exits: true, sectionLines: rollbackSections });
    stage = 'computing compliance';
    const compliance =
      remediationSections === undefined || rollbackSections === undefined
        ? undefined
        : engine.compliance(plan, featuresFor(task), {
            remediation: { text: remediationText, sections: remediationSections },
            rollback: { text: rollbackText, sections: rollbackSections },
            withTexts: false, // stored as lines of the scripts above (featureTexts.ts)
          });
    // With a scope, the predicted config is the whole device with the (scoped) remediation applied.
    const predicted = !task.includePredicted
      ? undefined
      : plan.unscoped === undefined
        ? plan.predicted
        : engine.predict(plan.unscoped.running, plan.remediation);
    const texts = {
      remediation: remediationText,
      rollback: rollbackText,
      predicted: predicted === undefined ? undefined : engine.renderConfig(predicted),
      verify: plan.verify.map(describeDifference),
      rollback_verify: plan.rollbackVerify.map(describeDifference),
      feature_compliance:
        compliance === undefined
          ? undefined
          : compactFeatures(compliance.features, { remediation: remediationText, rollback: rollbackText }),
      unmanaged_sections: plan.unmanaged?.sections,
    };
    const risks: RiskFlag[] = plan.risks.map((r) => ({ kind: r.kind, path: r.path, message: r.message }));
    const { body, bodyCrc } = encodeBody(texts);
    return {
      threadId,
      body,
      bodyCrc,
      outcome: {
        status: 'success',
        ...known,
        change_score: plan.changeScore,
        rollback_change_score: plan.rollbackChangeScore,
        verified: plan.verify.length === 0,
        verify_count: plan.verify.length,
        rollback_verified: plan.rollbackVerify.length === 0,
        risks: risks.slice(0, MAX_RISKS),
        risk_count: risks.length,
        ...(asksForConfirmation(plan.risks) || asksForConfirmation(plan.rollback.risks)
          ? { needs_confirmation: true }
          : {}),
        ...(compliance === undefined ? {} : { compliance: brief(compliance) }),
        ...(plan.unmanaged === undefined ? {} : { unmanaged_drift: plan.unmanaged.count }),
        ...(plan.unmanaged === undefined || plan.unmanaged.count === 0
          ? {}
          : { unmanaged_preview: unmanagedPreview(plan.unmanaged.sections) }),
        duration: Math.round(performance.now() - started),
      },
    };
  } catch (error) {
    return failed(`${stage}: ${(error as Error).message ?? String(error)}`, known);
  }
}

/** The tooltip's few sections, the telling ones first, each top-level line cut short (kept in memory). */
function unmanagedPreview(sections: readonly UnmanagedSection[]): UnmanagedPreview[] {
  return orderUnmanaged(sections)
    .slice(0, UNMANAGED_PREVIEW)
    .map(({ text, kind, reason }) => ({
      text:
        text.length > UNMANAGED_PREVIEW_TEXT ? `${text.slice(0, UNMANAGED_PREVIEW_TEXT - 1)}\u2026` : text,
      kind,
      reason,
    }));
}
