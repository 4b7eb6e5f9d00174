import path from 'node:path';
import { parseArgs } from 'node:util';
import { answeringFrames, type PromptLine } from '../engine';
import type { DeviceResult, JobManager, JobSummary } from '../jobs';
import type * as Export from '../jobs/exportResults';
import type { CliCommand } from './command';
import { FRAME_USAGE, parseFrameOption, promptLines } from './frameOption';
import { EXIT_INCOMPLETE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { checkTargets, JOB_ARGS, jobArgs, loadOnUse, unmanagedJobNote, withFinishedJob } from './jobRun';

function seconds(ms: number | undefined): string {
  return ms === undefined ? '?' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** `+added −removed ~changed`, as the Jobs view shows a device's change score. */
function scoreText(d: DeviceResult): string {
  const s = d.change_score;
  return s ? `+${s.added} −${s.removed}${s.changed ? ` ~${s.changed}` : ''}` : '';
}

const LISTED_WHEN_FEW = 50;

/**
 * The success devices whose scripts, printed or written with frame `none`, withhold lines. The devices of
 * `--format json` come framed with their `withheld_lines`; a text report reads the texts of only the few
 * devices whose summary says a line asks (`needs_confirmation`), so a large fleet is not read twice.
 */
function withheldDevices(
  manager: JobManager,
  jobId: string,
  devices: readonly DeviceResult[],
): { device: DeviceResult; lines: readonly PromptLine[] }[] {
  return devices.flatMap((device) => {
    if (device.status !== 'success' || device.needs_confirmation !== true) return [];
    const lines =
      device.withheld_lines ??
      manager.getDeviceResult(jobId, device.folder, device.device_id, true, { frame: 'none' })
        ?.withheld_lines ??
      [];
    return lines.length === 0 ? [] : [{ device, lines }];
  });
}

function withheldWarning(device: DeviceResult, lines: readonly PromptLine[]): string {
  const frames =
    device.platform === undefined ? 'terminal|replace|checkpoint' : answeringFrames(device.platform);
  return (
    `${device.device_id}: warning: ${lines.length} line(s) make the device ask for confirmation and are ` +
    `withheld from its scripts, a comment in their place (${promptLines(lines)}): they do not reach the ` +
    `intended config; --frame ${frames} sends them with their answers (docs/safe-apply.md)\n`
  );
}

function textReport(job: JobSummary, devices: DeviceResult[], cwd: string): string {
  const s = job.summary;
  const rel = (p: string) => path.relative(cwd, p) || '.';
  const lines = [
    `job ${job.job_id} ${job.status} in ${seconds(job.duration)}: ${job.total_devices} devices in ${job.folders.map(rel).join(', ')}`,
    `  ${s.success} succeeded (${s.changed_devices} with changes, ${s.unchanged_devices} already as intended), ` +
      `${s.failed} failed, ${s.cancelled} cancelled, ${s.unverified} unverified, ${s.devices_with_risks} with risks; ` +
      `+${s.added} −${s.removed} ~${s.changed} lines`,
  ];
  const problems = devices.filter((d) => d.status !== 'success' || d.verified === false);
  // Devices that need attention first, then the rest in discovery order.
  const shown =
    devices.length <= LISTED_WHEN_FEW
      ? [...problems, ...devices.filter((d) => !problems.includes(d))]
      : problems;
  if (shown.length > 0) lines.push('');
  for (const d of shown) {
    const name = job.folders.length > 1 ? `${path.basename(d.folder)}/${d.device_id}` : d.device_id;
    const status = d.status === 'success' && d.verified === false ? 'UNVERIFIED' : d.status.toUpperCase();
    const detail =
      d.error ?? [scoreText(d), d.risk_count ? `${d.risk_count} risk(s)` : ''].filter(Boolean).join('  ');
    lines.push(`  ${status.padEnd(10)} ${name.padEnd(28)} ${detail}`);
  }
  if (devices.length > shown.length) {
    lines.push(
      `  (${devices.length - shown.length} more succeeded; --format json or --out for every device)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'remediation and rollback for every device of workspace folders or manifests, on worker threads',
  usage: `netremediate batch FOLDER|MANIFEST... [--workers N] [--store DIR] [--out DIR] [--format text|json]
                    [--timeout MS] [--shard I/N] [--rules FILE] [--scope FILE] [--comment TEXT] [--ticket REF]
                    [--running-glob G] [--intended-glob G]

  FOLDER       a folder with a netremediate.json manifest, or running/ and intended/ folders paired by name
  MANIFEST     a netremediate.json file
  --workers N  worker threads (default: one per core: unlike the editor, the CLI has the machine to itself)
  --store DIR  keep the job and its results there (default: a temporary store, removed at the end)
  --out DIR    write remediation/<device>.cfg, rollback/<device>.cfg and report.json
               (remediation/<folder>/<device>.cfg when several folders are given)
  --format     text: a summary and the devices that need attention (default); json: the batch results
  --timeout MS a device taking longer fails alone (default 60000; 0: none)
  --shard I/N  only the devices of shard I of N (stable across runs: split a fleet across CI runners)
  --rules F    extra platform rules, JSON as in the netremediate.rules setting
  --scope F    what is managed and ignored, JSON as in the netremediate.scope setting (docs/scope.md); a
               manifest's "scope" wins over it. Sections differing outside it are counted (unmanaged_drift)
  --running-glob G, --intended-glob G
               where a folder without a manifest keeps its configs (default running/**/* and intended/**/*)
  ${FRAME_USAGE}
               A frame applies to the scripts --out writes and --format json prints; a device whose
               platform has no such frame (checkpoint on IOS, replace on NX-OS) gets no script files.
Ctrl-C cancels the job; the devices finished so far are kept and reported.
Without a frame, the lines that make the device ask for confirmation are withheld from the scripts (a
comment in their place, json withheld_lines per device); stderr names them and the frames that send them.
Exit code 1 when a device failed, its remediation is unverified, its scripts withhold lines (frame none),
or it could not be framed; 2 when the job could not run.`,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { allDeviceResults, batchResultsDocument, exportJobResults } = loadOnUse<typeof Export>(() =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see loadOnUse
      require('../jobs/exportResults'),
    );
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...JOB_ARGS,
        out: { type: 'string' },
        format: { type: 'string', default: 'text' },
        comment: { type: 'string' },
        ticket: { type: 'string' },
        frame: { type: 'string' },
        'frame-tag': { type: 'string' },
      },
    });
    const frameChoice = parseFrameOption(values.frame, values['frame-tag']);
    if (frameChoice.frame !== 'none' && values.out === undefined && values.format !== 'json')
      throw new UsageError('--frame frames the scripts of --out or --format json: give one of them');
    // `none` is a frame too: the scripts printed and written withhold the lines that make the device ask.
    const frame = { frame: frameChoice.frame, tag: frameChoice.tag };
    checkTargets('batch', positionals);
    if (values.format !== 'text' && values.format !== 'json')
      throw new UsageError(`--format ${values.format}: expected text or json`);
    const options = {
      ...jobArgs(positionals, values, io),
      // `batch` reports no compliance: its workers need not compute it.
      compliance: false,
      comment: values.comment,
      ticket: values.ticket,
      progress: values.format === 'text',
    };
    return withFinishedJob(options, io, (manager, job) => {
      if (job.status === 'failed') {
        io.err(`netremediate batch: the job could not run: ${job.error ?? 'unknown reason'}\n`);
        return EXIT_USAGE;
      }
      const json = values.format === 'json';
      const devices = [...allDeviceResults(manager, job.job_id, json, json ? frame : undefined)];
      if (json) io.out(`${JSON.stringify(batchResultsDocument(job, devices, frame.frame), null, 2)}\n`);
      else io.out(textReport(job, devices, process.cwd()));
      let unframed: readonly { device_id: string; error: string }[] = [];
      if (values.out !== undefined) {
        const written = exportJobResults(manager, job.job_id, values.out, frame);
        unframed = written.unframed;
        const how = frame.frame === 'none' ? '' : ` (--frame ${frame.frame})`;
        io.err(
          `wrote ${written.scripts} scripts${how} and ${path.relative(process.cwd(), written.report)}\n`,
        );
      } else if (json) {
        unframed = devices.flatMap((d) =>
          d.frame_error === undefined ? [] : [{ device_id: d.device_id, error: d.frame_error }],
        );
      }
      const bad = devices.filter((d) => d.status !== 'success' || d.verified === false);
      for (const d of bad) {
        const why =
          d.error ?? (d.verified === false ? 'the predicted config differs from the intended one' : d.status);
        io.err(`${d.device_id}: ${why}\n`);
      }
      for (const u of unframed) io.err(`${u.device_id}: not framed, no scripts written: ${u.error}\n`);
      io.err(unmanagedJobNote(devices));
      // Like an unverified device (exit 1, not failed): its scripts stop short of the intended config.
      const withheld = frame.frame === 'none' ? withheldDevices(manager, job.job_id, devices) : [];
      for (const { device, lines } of withheld) io.err(withheldWarning(device, lines));
      const failed =
        bad.length > 0 || unframed.length > 0 || withheld.length > 0 || job.status !== 'completed';
      return failed ? EXIT_INCOMPLETE : EXIT_OK;
    });
  },
};
