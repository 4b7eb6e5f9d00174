/**
 * The documents a review of one device opens: the running and intended configs as they are now, the
 * remediation, rollback and predicted config the job computed, and whether either input changed since
 * the job ran (its sha256 differs from the one the job recorded), so a review can say so.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createEngine, createRemediationEngine, type FeatureSets, type Scope } from '../engine';
import type { DeviceResult } from './types';
import type { ConfigTree } from '../engine';

export interface ReviewDocuments {
  readonly device: DeviceResult;
  /** The input texts now: an open document's unsaved text, else the file; undefined when unreadable. */
  readonly running: string | undefined;
  readonly intended: string | undefined;
  /** True when the text now differs from the one the job used (or cannot be read). */
  readonly running_changed: boolean;
  readonly intended_changed: boolean;
  /**
   * The running config rendered from its tree, as the predicted config is: the left side of a review.
   * Comparing the file as printed with a rendered config would show every header, `!` line and
   * indentation difference as a change; rendering both sides leaves only what the remediation does.
   */
  readonly running_rendered: string | undefined;
  /** The predicted config with the rollback applied, rendered the same way. */
  readonly after_rollback: string | undefined;
}

async function current(
  file: string,
  unsaved: ReadonlyMap<string, string> | undefined,
): Promise<string | undefined> {
  const open = unsaved?.get(file);
  if (open !== undefined) return open;
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function changed(text: string | undefined, sha256: string | undefined): boolean {
  if (text === undefined || sha256 === undefined) return true;
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex') !== sha256;
}

/** The scope a device's job ran within, and the feature sets its `manage.features` resolve against. */
export interface ReviewScope {
  readonly scope: Scope;
  readonly features?: FeatureSets;
}

/** A review focused on one compliance feature: only the top-level lines `inFeature` accepts are shown. */
export interface FeatureFocus {
  readonly feature: string;
  inFeature(topLevelText: string): boolean;
}

interface RenderedSides {
  readonly predicted?: string;
  readonly running_rendered?: string;
  readonly after_rollback?: string;
}

/**
 * Jobs do not store each device's predicted config (the largest text: storing it cost a fifth of a
 * 1,000-device job). A review computes it from the inputs, with the two other rendered sides; when the
 * inputs changed since the job ran, the review already says so through `running_changed` /
 * `intended_changed`.
 */
function renderSides(
  device: DeviceResult,
  running: string | undefined,
  intended: string | undefined,
  userRules: unknown,
  scope: ReviewScope | undefined,
  focus: FeatureFocus | undefined,
): RenderedSides {
  if (device.status !== 'success' || !device.platform) return {};
  if (running === undefined || intended === undefined) return {};
  const parser = createEngine();
  const engine = createRemediationEngine({ userRules });
  const plan = engine.plan(
    parser.parse(running, { platform: device.platform }),
    parser.parse(intended, { platform: device.platform }),
    scope,
  );
  // Within a scope, both sides are the whole device: the scoped remediation applied to all of running,
  // so the diff shows only what the scripts change, never the sections outside the scope as removed.
  const wholeRunning = plan.unscoped?.running ?? plan.running;
  const predicted =
    plan.unscoped === undefined ? plan.predicted : engine.predict(wholeRunning, plan.remediation);
  // Focused on a feature: each side shows only its top-level sections of that feature, rendered as a
  // config like the whole review.
  const render = (tree: ConfigTree): string => {
    if (focus === undefined) return engine.renderConfig(tree);
    const topLevel = new Set(tree.root.children.filter((node) => focus.inFeature(node.text)));
    return engine.render(tree, { exits: false, bannerDelimiter: 'original', topLevel });
  };
  const runningRendered = render(wholeRunning);
  return {
    predicted: render(predicted),
    running_rendered: runningRendered,
    // A verified rollback gives running back as a tree; shown in running's own order, so that the diff
    // does not show sections the prediction appended as moved. Unverified, the restored tree as it is.
    after_rollback:
      plan.rollbackVerify.length === 0 ? runningRendered : render(engine.predict(predicted, plan.rollback)),
  };
}

/**
 * The device's review documents. With a focus, the sides show that feature's sections only, and the
 * scripts are the feature's part of the remediation and rollback (from the job's compliance details).
 */
export async function readReviewDocuments(
  device: DeviceResult,
  unsaved?: ReadonlyMap<string, string>,
  userRules?: unknown,
  scope?: ReviewScope,
  focus?: FeatureFocus,
): Promise<ReviewDocuments> {
  const [running, intended] = await Promise.all([
    current(device.running.path, unsaved),
    current(device.intended.path, unsaved),
  ]);
  const sides = renderSides(device, running, intended, userRules, scope, focus);
  let shown = device;
  if (focus !== undefined) {
    const part = device.feature_compliance?.find((f) => f.feature === focus.feature);
    shown = {
      ...device,
      remediation: part?.remediation ?? '',
      rollback: part?.rollback ?? '',
      predicted: undefined,
    };
  }
  return {
    device:
      shown.predicted === undefined && sides.predicted !== undefined
        ? { ...shown, predicted: sides.predicted }
        : shown,
    running,
    intended,
    running_changed: changed(running, device.running.sha256),
    intended_changed: changed(intended, device.intended.sha256),
    running_rendered: sides.running_rendered,
    after_rollback: sides.after_rollback,
  };
}
