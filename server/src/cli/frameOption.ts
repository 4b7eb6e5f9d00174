import {
  answeringFrames,
  FRAME_KINDS,
  type FramedScripts,
  type FrameKind,
  type Platform,
  type PromptLine,
} from '../engine';
import { UsageError } from './io';

/** `--frame` and `--frame-tag` of `remediate` and `batch` (docs/safe-apply.md). */
export interface FrameChoice {
  readonly frame: FrameKind;
  readonly tag: string | undefined;
}

export const FRAME_USAGE = `--frame F    wrap the scripts for a safe apply (docs/safe-apply.md): none (default, no wrapping),
               terminal (configure terminal ... end, then saved), replace (IOS: a copy on flash, configure
               terminal revert timer, configure confirm; rollback: configure replace), checkpoint (NX-OS:
               checkpoint; rollback: rollback running-config checkpoint). Commands that make the device
               ask for confirmation get their answer on the next line in a frame; with none they are
               withheld (a "! netremediate: withheld ..." comment in their place) and the exit code is 1.
  --frame-tag T  appended to the archive / checkpoint name (netremediate-<device>-T): a change id`;

export function parseFrameOption(frame: string | undefined, tag: string | undefined): FrameChoice {
  const kind = frame ?? 'none';
  if (!(FRAME_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--frame ${kind}: expected one of ${FRAME_KINDS.join(', ')}`);
  if (tag !== undefined && kind !== 'replace' && kind !== 'checkpoint')
    throw new UsageError(
      '--frame-tag names the archive of --frame replace or the checkpoint of --frame checkpoint',
    );
  if (tag !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(tag))
    throw new UsageError(`--frame-tag ${tag}: letters, digits, - and _ only (at most 40)`);
  return { frame: kind as FrameKind, tag };
}

/** `remediation line 2 \`no crypto pki trustpoint TP\``, comma-separated. */
export function promptLines(prompts: readonly PromptLine[]): string {
  return prompts.map((p) => `${p.script} line ${p.line} \`${p.command}\``).join(', ');
}

/** One stderr line when printed scripts stop at or withhold questions; empty otherwise. */
export function confirmationWarning(deviceId: string, platform: Platform, framed: FramedScripts): string {
  if (!framed.needsConfirmation) return '';
  if (framed.frame === 'none') {
    return (
      `${deviceId}: warning: ${framed.withheld.length} line(s) make the device ask for confirmation and are ` +
      `withheld from the printed script, a comment in their place (${promptLines(framed.withheld)}): it does ` +
      `not reach the intended config; --frame ${answeringFrames(platform)} sends them with their answers ` +
      `(docs/safe-apply.md)\n`
    );
  }
  const unanswered = framed.prompts.filter((p) => p.answer === undefined);
  return `${deviceId}: warning: ${unanswered.length} line(s) make the device ask for confirmation (${promptLines(unanswered)}); no fixed answer is safe: the framed script leaves them to the operator as comments\n`;
}
