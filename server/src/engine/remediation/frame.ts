/**
 * Safe-apply framing (issue 9; docs/safe-apply.md says what each frame prints and why): the text a
 * careful engineer pastes around a script. We never connect to a device: a frame is text, and its
 * names are deterministic (`netremediate-<device>[-<tag>]`) so that the same inputs print the same
 * framed script.
 *
 * - `none`: the script as computed, except that each command that makes the device ask for
 *   confirmation is withheld: replaced in place by one `!` comment naming it (the device ignores
 *   comments, so the rest applies; unanswered, the question would take the next line as its answer and
 *   lose it). Answering is a frame's job.
 * - `terminal`: `configure terminal` … `end`, then the config saved.
 * - `replace` (IOS): a copy of the running config on flash, the script under `configure terminal
 *   revert timer` (the device undoes it by itself unless `configure confirm` arrives), then saved; the
 *   rollback is `configure replace` of that copy.
 * - `checkpoint` (NX-OS): a named checkpoint, the script in `configure terminal` … `end`, saved; the
 *   rollback is `rollback running-config checkpoint`.
 * In every frame, a command that asks for confirmation gets its answer on the next line (comments go
 * before it: whatever follows a question is taken as the answer), or, when no fixed answer is safe, is
 * left to the operator as a comment.
 */
import type { ConfigNode, Platform } from '../model/types';
import { parseConfig } from '../parse/parseConfig';
import type { PlatformRules } from '../rules/semantics';
import { createRootNode, HNode, walk } from './hnode';

export type FrameKind = 'none' | 'terminal' | 'replace' | 'checkpoint';

export const FRAME_KINDS: readonly FrameKind[] = ['none', 'terminal', 'replace', 'checkpoint'];

/** Minutes `configure terminal revert timer` waits for `configure confirm` (IOS takes 1–120). */
export const REVERT_MINUTES = 10;

export interface FrameOptions {
  readonly frame: FrameKind;
  /** Names the archive file / checkpoint (sanitised): `netremediate-<device>`. */
  readonly deviceId: string;
  /** Appended to the names (`netremediate-<device>-<tag>`): a change ticket, a date, a run number. */
  readonly tag?: string;
}

/** A script line that makes the device ask, and how the frame answers. */
export interface PromptLine {
  readonly script: 'remediation' | 'rollback';
  /**
   * 1-based, in the unframed script. With frame `none` it is also the line in the printed script: a
   * withheld line is replaced by exactly one comment line.
   */
  readonly line: number;
  readonly command: string;
  readonly asks: string;
  /** The line sent after the command (`''`: an empty line); absent: left to the operator. */
  readonly answer?: string;
}

export interface FramedScripts {
  readonly frame: FrameKind;
  readonly remediation: string;
  readonly rollback: string;
  /** The lines of the printed scripts (unframed numbering) that make the device ask. */
  readonly prompts: readonly PromptLine[];
  /**
   * A command of the scripts needs a confirmation the printed scripts do not give: any prompt with frame
   * `none` (withheld), or a prompt without a safe answer (left to the operator) in a frame.
   */
  readonly needsConfirmation: boolean;
  /**
   * With frame `none`: the prompting lines left out of the printed scripts (each replaced by a
   * `! netremediate: withheld ...` comment), so the scripts do not reach the intended config. Empty in a
   * frame, which sends them with their answers.
   */
  readonly withheld: readonly PromptLine[];
}

/** Whether any of these risks is a command that makes the device ask (scripts then need reading back). */
export function asksForConfirmation(risks: readonly { readonly kind: string }[]): boolean {
  return risks.some((r) => r.kind === 'confirmation-prompt');
}

/** A frame the platform does not have (IOS `checkpoint`, NX-OS `replace`): a usage error. */
export class FrameError extends Error {}

/** Why `frame` cannot frame a `platform` script, or undefined when it can. */
export function frameProblem(platform: Platform, frame: FrameKind): string | undefined {
  if (platform === 'cisco_ios' && frame === 'checkpoint')
    return '--frame checkpoint is NX-OS (checkpoint, rollback running-config checkpoint); IOS has --frame replace (archive, configure terminal revert timer, configure replace)';
  if (platform === 'cisco_nxos' && frame === 'replace')
    return '--frame replace is IOS (configure terminal revert timer, configure replace); NX-OS has --frame checkpoint (checkpoint, rollback running-config checkpoint)';
  return undefined;
}

/** A device's scripts to frame, as rendered (with or without exits). */
export interface ScriptsToFrame {
  readonly remediation: string;
  readonly rollback: string;
  /**
   * False when the caller knows no line of either script asks (the trees they were rendered from carry
   * no `confirmation-prompt` risk): the scripts are then not read back to find prompts, which on a
   * 5,000-interface script costs as much as a parse.
   */
  readonly mayAsk?: boolean;
}

/** Frames a device's remediation and rollback scripts. */
export function frameScripts(
  rules: PlatformRules,
  scripts: ScriptsToFrame,
  options: FrameOptions,
): FramedScripts {
  const problem = frameProblem(rules.platform, options.frame);
  if (problem !== undefined) throw new FrameError(problem);
  // A replace or checkpoint rollback does not print the line-by-line rollback: its prompts do not count.
  const wholeRollback = options.frame === 'replace' || options.frame === 'checkpoint';
  const read = scripts.mayAsk !== false;
  const prompts = !read
    ? []
    : [
        ...findPrompts(rules, scripts.remediation, 'remediation'),
        ...(wholeRollback ? [] : findPrompts(rules, scripts.rollback, 'rollback')),
      ];
  const { mayAsk: _mayAsk, ...texts } = scripts;
  const needsConfirmation =
    options.frame === 'none' ? prompts.length > 0 : prompts.some((p) => p.answer === undefined);
  const of = (script: PromptLine['script']): PromptLine[] => prompts.filter((p) => p.script === script);
  if (options.frame === 'none') {
    const withhold = (script: PromptLine['script'], text: string): string =>
      withholding(rules.platform, text, of(script));
    return {
      frame: 'none',
      remediation: withhold('remediation', scripts.remediation),
      rollback: withhold('rollback', scripts.rollback),
      prompts,
      needsConfirmation,
      withheld: prompts,
    };
  }
  if (scripts.remediation === '') {
    // Nothing to apply: no archive, no checkpoint, no save.
    return { frame: options.frame, ...texts, prompts, needsConfirmation, withheld: [] };
  }
  const body = (script: PromptLine['script'], text: string): string[] => withAnswers(text, of(script));
  const remediation = frameRemediation(rules.platform, options, body('remediation', scripts.remediation));
  const rollback = frameRollback(rules.platform, options, body('rollback', scripts.rollback));
  return { frame: options.frame, remediation, rollback, prompts, needsConfirmation, withheld: [] };
}

/** The lines of a script that make the device ask (read back from the text, nothing dropped). */
export function findPrompts(rules: PlatformRules, script: string, which: PromptLine['script']): PromptLine[] {
  if (script === '') return [];
  const root = createRootNode();
  mirror(parseConfig(script, rules.platform).root, root);
  const found: PromptLine[] = [];
  for (const node of walk(root)) {
    const prompt = rules.confirmationPrompt(node);
    if (prompt === undefined || node.source === undefined) continue;
    found.push({ script: which, line: node.source.line + 1, command: node.text, ...prompt });
  }
  return found;
}

/** The parsed script as engine nodes, so that risk rules match it by lineage. */
function mirror(from: ConfigNode, to: HNode): void {
  for (const child of from.children) mirror(child, to.add(new HNode(child.text, child.kind, child)));
}

/** `netremediate-<device>[-<tag>]`: letters, digits, `-` and `_` only (file and checkpoint names). */
export function frameName(options: Pick<FrameOptions, 'deviceId' | 'tag'>): string {
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64);
  const tag = options.tag === undefined || options.tag === '' ? '' : `-${clean(options.tag)}`;
  return `netremediate-${clean(options.deviceId)}${tag}`;
}

/** A script's lines, without the empty string after its final newline. */
function linesOf(script: string): string[] {
  if (script === '') return [];
  return script.endsWith('\n') ? script.slice(0, -1).split('\n') : script.split('\n');
}

/** The frames of `platform` that answer prompts, as `--frame` takes them: `terminal|replace`. */
export function answeringFrames(platform: Platform): string {
  return FRAME_KINDS.filter((f) => f !== 'none' && frameProblem(platform, f) === undefined).join('|');
}

/**
 * Frame `none`: each prompting line replaced, at its indentation, by one comment saying what was withheld
 * and how to send it, so every other line keeps its place and its line number. A comment inside a
 * section is ignored there too: the section's other lines still apply in it.
 */
function withholding(platform: Platform, script: string, prompts: readonly PromptLine[]): string {
  if (prompts.length === 0) return script;
  const byLine = new Map(prompts.map((p) => [p.line - 1, p]));
  const how = `apply with --frame ${answeringFrames(platform)}, docs/safe-apply.md`;
  const lines = linesOf(script).map((line, i) => {
    const prompt = byLine.get(i);
    if (prompt === undefined) return line;
    const pad = line.slice(0, line.length - line.trimStart().length);
    const send =
      prompt.answer === undefined ? 'no fixed answer is safe: send it by hand, docs/safe-apply.md' : how;
    return `${pad}! netremediate: withheld, the device asks "${prompt.asks}": ${line.trim()} (${send})`;
  });
  return script.endsWith('\n') ? text(lines) : lines.join('\n');
}

/** The script's lines with each prompt answered on the next line, or left to the operator. */
function withAnswers(script: string, prompts: readonly PromptLine[]): string[] {
  const lines = linesOf(script);
  const byLine = new Map(prompts.map((p) => [p.line - 1, p]));
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prompt = byLine.get(i);
    if (prompt === undefined) {
      out.push(line);
      return;
    }
    const pad = line.slice(0, line.length - line.trimStart().length);
    if (prompt.answer === undefined) {
      out.push(`${pad}! netremediate: by hand, the device asks "${prompt.asks}": ${line.trim()}`);
      return;
    }
    const answer =
      prompt.answer === '' ? 'the empty line after it answers' : `the next line answers ${prompt.answer}`;
    out.push(`${pad}! netremediate: the device asks "${prompt.asks}": ${answer}`, line, prompt.answer);
  });
  return out;
}

/** IOS asks for the file name of a copy; the empty line takes the default it offers. */
const SAVE_IOS = [
  '! the empty line after copy answers "Destination filename [startup-config]?"',
  'copy running-config startup-config',
  '',
];
const SAVE_NXOS = ['copy running-config startup-config'];

function frameRemediation(platform: Platform, options: FrameOptions, script: string[]): string {
  const name = frameName(options);
  const save = platform === 'cisco_ios' ? SAVE_IOS : SAVE_NXOS;
  const head = `! netremediate: --frame ${options.frame} for ${printable(options.deviceId)} (${platform})`;
  if (options.frame === 'terminal') return text([head, 'configure terminal', ...script, 'end', ...save]);
  if (options.frame === 'checkpoint') {
    return text([
      `${head}: a checkpoint of this name from an earlier run is replaced (--frame-tag names a new one)`,
      `no checkpoint ${name}`,
      `checkpoint ${name}`,
      'configure terminal',
      ...script,
      'end',
      ...save,
    ]);
  }
  // replace (IOS): the revert timer needs the archive feature (`archive` / `path ...`) on the device.
  return text([
    `${head}: needs archive with a path configured on the device (the revert timer archives there)`,
    `! the empty lines after copy answer "Destination filename [${name}-pre.cfg]?" and, when the file exists, "Do you want to over write? [confirm]"`,
    `copy running-config flash:${name}-pre.cfg`,
    '',
    '',
    `configure terminal revert timer ${REVERT_MINUTES}`,
    ...script,
    'end',
    `! still connected: configure confirm keeps the change; without it the device reverts in ${REVERT_MINUTES} minutes`,
    'configure confirm',
    ...save,
  ]);
}

function frameRollback(platform: Platform, options: FrameOptions, script: string[]): string {
  const name = frameName(options);
  const save = platform === 'cisco_ios' ? SAVE_IOS : SAVE_NXOS;
  const head = `! netremediate: --frame ${options.frame} rollback for ${printable(options.deviceId)} (${platform})`;
  if (options.frame === 'terminal') {
    return script.length === 0 ? '' : text([head, 'configure terminal', ...script, 'end', ...save]);
  }
  if (options.frame === 'checkpoint') {
    return text([
      `${head}: back to the checkpoint taken before the change`,
      `rollback running-config checkpoint ${name}`,
      ...save,
    ]);
  }
  return text([
    `${head}: back to the copy taken before the change`,
    `configure replace flash:${name}-pre.cfg force`,
    ...save,
  ]);
}

/** A device id as one comment line can hold it. */
function printable(id: string): string {
  return [...id].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c)).join('');
}

function text(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
