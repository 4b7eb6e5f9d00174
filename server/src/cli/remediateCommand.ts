import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  asksForConfirmation,
  DEFAULT_FEATURES,
  FrameError,
  OTHER_FEATURE,
  PLATFORMS,
  type Difference,
  type FramedScripts,
  type ParsedConfig,
} from '../engine';
import { EXIT_INCOMPLETE, EXIT_OK, UsageError, type CliIo } from './io';
import type { CliCommand } from './command';
import { readConfigPair } from './configPair';
import { confirmationWarning, FRAME_USAGE, parseFrameOption } from './frameOption';
import { engineWithRules } from './rulesOption';
import { readScopeOption, unmanagedNote } from './scopeOption';

/** The feature names `--scope` may manage: the built-in features of either platform, and `other`. */
function builtInFeatureNames(): Set<string> {
  const names = new Set<string>([OTHER_FEATURE]);
  for (const platform of PLATFORMS) for (const d of DEFAULT_FEATURES[platform]) names.add(d.name);
  return names;
}

function parseIndent(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 8)
    throw new UsageError(`--indent ${value}: expected a whole number from 1 to 8`);
  return n;
}

/**
 * A config the parser could not read whole (a banner or certificate never closed, binary content) would
 * give a remediation that re-adds everything after the damage: refuse it, naming the file and line.
 */
function refuseBroken(parsed: ParsedConfig, file: string): ParsedConfig {
  const errors = parsed.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return parsed;
  const list = errors
    .map((f) => `${file}:${f.range.startLine + 1}:${f.range.startColumn + 1}: ${f.message}`)
    .join('\n');
  throw new UsageError(`cannot remediate from a config that did not parse whole:\n${list}`, false);
}

function describeDifference(d: Difference): string {
  return `${d.kind === 'missing' ? 'missing after remediation' : 'left over after remediation'}: ${d.path.join(' > ')}`;
}

/** The device id: the running file's name without its extension (what fleets name their backups by). */
export function deviceIdFromPath(file: string): string {
  return path.basename(file).replace(/\.(cfg|conf|txt|ios|nxos)$/i, '');
}

export const remediateCommand: CliCommand = {
  name: 'remediate',
  summary: "the commands that turn a device's running config into its intended config, and their rollback",
  usage: `netremediate remediate RUNNING INTENDED [--platform cisco_ios|cisco_nxos|auto] [--rules FILE] [--scope FILE] [--only TAG]
                            [--rollback] [--future] [--no-exits] [--indent N] [--frame none|terminal|replace|checkpoint]
                            [--frame-tag T] [--format text|json]

  --platform   the configs' platform (default auto: detected from their content)
  --rules F    extra platform rules, JSON as in the netremediate.rules setting
  --scope F    what is managed and ignored, JSON as in the netremediate.scope setting (docs/scope.md):
               the scripts stay inside it; sections that differ outside it are a note on stderr
  --only TAG   print only the remediation lines with this tag (safe, negation, addition,
               idempotent-overwrite, risk:<kind>) under their section headers
  --rollback   also print the commands that undo the remediation
  --future     also print the predicted config after the remediation
  --no-exits   leave out sectional exit lines (exit, exit-address-family, ...), for review and comparison
  --indent N   spaces per level (default: the platform's, IOS 1, NX-OS 2)
  ${FRAME_USAGE}
  --format     text: the script(s) (default); json: {device_id, platform, status, verified, frame,
               needs_confirmation, confirmation_prompts, withheld_lines, remediation, rollback, future?,
               verify, change_score, risks, unmanaged? (with --scope: {count, sections})}
Lines that make the device ask for confirmation are flagged (risk confirmation-prompt). Without a frame
they are withheld: each is replaced by one "! netremediate: withheld, the device asks ..." comment (line
numbers unchanged), a warning on stderr names them and the frames that send them, json lists them in
withheld_lines, and the exit code is 1 (the printed script does not reach the intended config).
Exit code 1 when the predicted config differs from the intended one (the reasons go to stderr) or lines
were withheld; 2 when a config did not parse whole (a banner or certificate never closed, binary content),
naming file and line, or for a frame the platform does not have (checkpoint on IOS, replace on NX-OS).`,
  run(argv: string[], io: CliIo): number {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        platform: { type: 'string' },
        rules: { type: 'string' },
        scope: { type: 'string' },
        only: { type: 'string' },
        rollback: { type: 'boolean', default: false },
        future: { type: 'boolean', default: false },
        'no-exits': { type: 'boolean', default: false },
        indent: { type: 'string' },
        frame: { type: 'string' },
        'frame-tag': { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
    });
    if (values.format !== 'text' && values.format !== 'json')
      throw new UsageError(`--format ${values.format}: expected text or json`);
    const indent = parseIndent(values.indent);
    const frameChoice = parseFrameOption(values.frame, values['frame-tag']);
    const scope = readScopeOption(values.scope, io, builtInFeatureNames());
    const { runningFile, intendedFile, platform, ...parsed } = readConfigPair(
      'remediate',
      positionals,
      values.platform,
      io,
    );

    // The verbs one by one rather than plan(): a pipeline that only wants the script should not pay for
    // the rollback and its own verification (a third of the time on a 40,000-line pair).
    const engine = engineWithRules(values.rules, io);
    const wholeRunning = engine.load(refuseBroken(parsed.running, runningFile));
    const wholeIntended = engine.load(refuseBroken(parsed.intended, intendedFile));
    const cut = scope === undefined ? undefined : engine.scope(wholeRunning, wholeIntended, scope);
    const running = cut?.running ?? wholeRunning;
    const intended = cut?.intended ?? wholeIntended;
    const remediationTree = engine.remediate(running, intended);
    const predicted = engine.predict(running, remediationTree);
    const verifyResult = engine.verify(predicted, intended);
    const wantsRollback = values.rollback || values.format === 'json';
    const renderOptions = { indent, exits: !values['no-exits'] };
    const shown =
      values.only === undefined
        ? remediationTree
        : engine.select(remediationTree, (node) => node.meta?.tags.includes(values.only as string) ?? false);
    const deviceId = deviceIdFromPath(runningFile);
    let framed: FramedScripts;
    try {
      const rollbackTree = wantsRollback ? engine.rollback(running, intended) : undefined;
      framed = engine.frame(
        platform,
        {
          remediation: engine.render(shown, renderOptions),
          rollback: rollbackTree === undefined ? '' : engine.render(rollbackTree, renderOptions),
          // The trees know their risks: no need to read the scripts back when nothing can ask.
          mayAsk:
            asksForConfirmation(remediationTree.risks) ||
            (rollbackTree !== undefined && asksForConfirmation(rollbackTree.risks)),
        },
        { frame: frameChoice.frame, deviceId, tag: frameChoice.tag },
      );
    } catch (error) {
      if (error instanceof FrameError)
        throw new UsageError(`${deviceId} is ${platform}: ${error.message}`, false);
      throw error;
    }
    const { remediation, rollback } = framed;
    // Within a scope, the predicted config is the whole device with the scoped remediation applied.
    const future = !values.future
      ? undefined
      : engine.renderConfig(cut === undefined ? predicted : engine.predict(wholeRunning, remediationTree), {
          indent,
        });
    const plan = { verify: verifyResult, risks: remediationTree.risks };
    const verified = plan.verify.length === 0;

    if (values.format === 'json') {
      const json = {
        device_id: deviceId,
        platform,
        status: 'success',
        verified,
        frame: framed.frame,
        needs_confirmation: framed.needsConfirmation,
        confirmation_prompts: framed.prompts,
        withheld_lines: framed.withheld,
        remediation,
        rollback,
        ...(future === undefined ? {} : { future }),
        verify: plan.verify.map((d) => ({ kind: d.kind, path: d.path })),
        // Only json prints it: a text run does not pay for the score.
        change_score: engine.changeScore(remediationTree),
        risks: plan.risks.map((r) => ({ kind: r.kind, path: r.path, message: r.message })),
        ...(cut === undefined ? {} : { unmanaged: cut.unmanaged }),
      };
      io.out(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.out(remediation);
      if (values.rollback) io.out(`${remediation.length > 0 ? '\n' : ''}! rollback\n${rollback}`);
      if (future !== undefined) io.out(`\n! predicted config after the remediation\n${future}`);
    }
    for (const risk of plan.risks) io.err(`${deviceId}: risk: ${risk.message} (${risk.path.join(' > ')})\n`);
    io.err(confirmationWarning(deviceId, platform, framed));
    io.err(unmanagedNote(deviceId, cut?.unmanaged));
    if (!verified) {
      io.err(
        `${deviceId}: the remediation is incomplete: the predicted config differs from ${intendedFile}\n`,
      );
      for (const d of plan.verify.slice(0, 20)) io.err(`  ${describeDifference(d)}\n`);
      if (plan.verify.length > 20) io.err(`  ... and ${plan.verify.length - 20} more\n`);
      return EXIT_INCOMPLETE;
    }
    // Withheld lines (frame none): what was printed stops short of the intended config, like an
    // incomplete remediation.
    return framed.withheld.length > 0 ? EXIT_INCOMPLETE : EXIT_OK;
  },
};
