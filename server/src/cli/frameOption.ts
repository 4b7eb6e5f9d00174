import { FRAME_KINDS, type FramedScripts, type FrameKind } from '../engine';
import { UsageError } from './io';

/** `--frame` and `--frame-tag` of `remediate` and `batch` (docs/safe-apply.md). */
export interface FrameChoice {
  readonly frame: FrameKind;
  readonly tag: string | undefined;
}

export const FRAME_USAGE = `--frame F    wrap the scripts for a safe apply (docs/safe-apply.md): none (default, the bare script),
               terminal (configure terminal ... end, then saved), replace (IOS: a copy on flash, configure
               terminal revert timer, configure confirm; rollback: configure replace), checkpoint (NX-OS:
               checkpoint; rollback: rollback running-config checkpoint). Commands that make the device
               ask for confirmation get their answer on the next line in a frame.
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

/** One stderr line when printed scripts stop at questions they do not answer; empty otherwise. */
export function confirmationWarning(deviceId: string, framed: FramedScripts): string {
  if (!framed.needsConfirmation) return '';
  const unanswered =
    framed.frame === 'none' ? framed.prompts : framed.prompts.filter((p) => p.answer === undefined);
  const where = unanswered.map((p) => `${p.script} line ${p.line} \`${p.command}\``).join(', ');
  const advice =
    framed.frame === 'none'
      ? 'the bare script does not answer them: apply it with --frame terminal|replace|checkpoint (docs/safe-apply.md)'
      : 'no fixed answer is safe: the framed script leaves them to the operator as comments';
  return `${deviceId}: warning: ${unanswered.length} line(s) make the device ask for confirmation (${where}); ${advice}\n`;
}
