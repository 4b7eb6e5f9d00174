/**
 * A finished device's scripts in a safe-apply frame (docs/safe-apply.md), for the export (`batch --out`,
 * the editor's Export Results…), `batch --format json` and the review's script documents. The job stores
 * the bare scripts; a frame is applied when they are read, so one job serves every frame.
 */
import { FrameError, type FrameKind, type RemediationEngine } from '../engine';
import type { DeviceResult } from './types';

export interface FrameRequest {
  readonly frame: FrameKind;
  readonly tag?: string;
}

/**
 * `device` with its remediation and rollback framed, `frame` set, `needs_confirmation` saying whether
 * the framed scripts still leave a question unanswered and `withheld_lines` what frame `none` left out
 * (the commands that make the device ask: a printed script never sends them unanswered). A device
 * without texts or not computed comes back as it is; one whose platform has no such frame comes back
 * with its bare texts and `frame_error` (an export then writes no script for it).
 */
export function frameDeviceResult(
  device: DeviceResult,
  request: FrameRequest | undefined,
  engine: RemediationEngine,
): DeviceResult {
  if (request === undefined) return device;
  if (device.status !== 'success' || device.platform === undefined || device.remediation === undefined)
    return device;
  try {
    const framed = engine.frame(
      device.platform,
      { remediation: device.remediation, rollback: device.rollback ?? '' },
      { frame: request.frame, deviceId: device.device_id, tag: request.tag },
    );
    return {
      ...device,
      remediation: framed.remediation,
      rollback: framed.rollback,
      frame: framed.frame,
      needs_confirmation: framed.needsConfirmation,
      withheld_lines: framed.withheld,
    };
  } catch (error) {
    if (!(error instanceof FrameError)) throw error;
    return { ...device, frame: request.frame, frame_error: error.message };
  }
}
