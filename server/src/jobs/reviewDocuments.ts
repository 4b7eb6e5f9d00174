/**
 * The documents a review of one device opens: the running and intended configs as they are now, the
 * remediation, rollback and predicted config the job computed, and whether either input changed since
 * the job ran (its sha256 differs from the one the job recorded), so a review can say so.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createEngine, createRemediationEngine } from '../engine';
import type { DeviceResult } from './types';

export interface ReviewDocuments {
  readonly device: DeviceResult;
  /** The input texts now: an open document's unsaved text, else the file; undefined when unreadable. */
  readonly running: string | undefined;
  readonly intended: string | undefined;
  /** True when the text now differs from the one the job used (or cannot be read). */
  readonly running_changed: boolean;
  readonly intended_changed: boolean;
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

/**
 * Jobs do not store each device's predicted config (the largest text: storing it cost a fifth of a
 * 1,000-device job). A review computes it from the inputs; when they changed since the job ran, the
 * review already says so through `running_changed` / `intended_changed`.
 */
function withPredicted(
  device: DeviceResult,
  running: string | undefined,
  intended: string | undefined,
  userRules: unknown,
): DeviceResult {
  if (device.predicted !== undefined || device.status !== 'success' || !device.platform) return device;
  if (running === undefined || intended === undefined) return device;
  const parser = createEngine();
  const engine = createRemediationEngine({ userRules });
  const plan = engine.plan(
    parser.parse(running, { platform: device.platform }),
    parser.parse(intended, { platform: device.platform }),
  );
  return { ...device, predicted: engine.renderConfig(plan.predicted) };
}

export async function readReviewDocuments(
  device: DeviceResult,
  unsaved?: ReadonlyMap<string, string>,
  userRules?: unknown,
): Promise<ReviewDocuments> {
  const [running, intended] = await Promise.all([
    current(device.running.path, unsaved),
    current(device.intended.path, unsaved),
  ]);
  return {
    device: withPredicted(device, running, intended, userRules),
    running,
    intended,
    running_changed: changed(running, device.running.sha256),
    intended_changed: changed(intended, device.intended.sha256),
  };
}
