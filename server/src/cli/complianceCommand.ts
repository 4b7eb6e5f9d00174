import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ComplianceReport } from '../protocol/compliance';
import type * as Render from '../protocol/complianceRender';
import type { CliCommand } from './command';
import { readFeaturesOption } from './featuresOption';
import { EXIT_INCOMPLETE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { checkTargets, JOB_ARGS, jobArgs, loadOnUse, unmanagedJobNote, withFinishedJob } from './jobRun';

export const REPORT_FORMATS = ['text', 'json', 'html', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
const FAIL_ON = ['drift', 'error', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

export function reportFormat(value: string | undefined): ReportFormat {
  if (!(REPORT_FORMATS as readonly (string | undefined)[]).includes(value))
    throw new UsageError(`--format ${value}: expected one of ${REPORT_FORMATS.join(', ')}`);
  return value as ReportFormat;
}

/** The report rendered in `format`, to `--out FILE` (folders created) or stdout. */
export function writeReport(
  report: ComplianceReport,
  format: ReportFormat,
  out: string | undefined,
  io: CliIo,
): void {
  const { renderComplianceReport } = loadOnUse<typeof Render>(() =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, like the job layer (jobRun.ts)
    require('../protocol/complianceRender'),
  );
  let text: string;
  try {
    text = renderComplianceReport(report, format);
  } catch (error) {
    throw new UsageError(`--format ${format}: ${(error as Error).message}`, false);
  }
  if (out === undefined) {
    io.out(text);
    return;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, text);
  } catch (error) {
    throw new UsageError(`${out}: cannot write the report (${(error as Error).message})`, false);
  }
  io.err(`wrote ${out}\n`);
}

/** Exit code per `--fail-on`: `drift` (default) fails on drifting or failed devices, `error` on failed ones. */
function exitCode(report: ComplianceReport, failOn: FailOn): number {
  const { drifting, failed } = report.summary;
  if (failOn === 'never') return EXIT_OK;
  if (failed > 0 || (failOn === 'drift' && drifting > 0)) return EXIT_INCOMPLETE;
  return EXIT_OK;
}

export const complianceCommand: CliCommand = {
  name: 'compliance',
  summary: 'per-feature compliance of every device of workspace folders or manifests, as a report',
  usage: `netremediate compliance FOLDER|MANIFEST... [--features FILE] [--format text|json|html|junit|sarif]
                         [--out FILE] [--shard I/N] [--fail-on drift|error|never] [--workers N] [--timeout MS]
                         [--store DIR] [--rules FILE] [--scope FILE] [--running-glob G] [--intended-glob G]

  FOLDER        a folder with a netremediate.json manifest, or running/ and intended/ folders paired by name
  MANIFEST      a netremediate.json file
  --features F  feature overrides, JSON as in the netremediate.features setting; a manifest's
                "features" wins over it for the platforms it names
  --format      text (default), json (the report document; input of netremediate merge), html, junit, sarif
  --out FILE    write the report there instead of stdout
  --shard I/N   only the devices of shard I of N; merge the shards' json reports with netremediate merge
  --fail-on     drift (default): exit 1 when a device drifts or failed; error: only when one failed;
                never: exit 0 whatever the devices
  --workers N   worker threads (default: one per core)
  --timeout MS  a device taking longer fails alone (default 60000; 0: none)
  --store DIR   keep the job and its results there (default: a temporary store, removed at the end)
  --rules F     extra platform rules, JSON as in the netremediate.rules setting
  --scope F     what is managed and ignored, JSON as in the netremediate.scope setting (docs/scope.md); a
                manifest's "scope" wins over it. Only managed features are reported; sections differing
                outside the scope are counted per device (unmanaged_drift), never drift
  --running-glob G, --intended-glob G
                where a folder without a manifest keeps its configs
Ctrl-C cancels the job; the devices not finished are reported as failed.
Exit code 2 for bad usage, an invalid --features file or manifest (file and field named), or a job that could not run.`,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...JOB_ARGS,
        features: { type: 'string' },
        format: { type: 'string', default: 'text' },
        out: { type: 'string' },
        'fail-on': { type: 'string', default: 'drift' },
      },
    });
    checkTargets('compliance', positionals);
    const format = reportFormat(values.format);
    const failOn = values['fail-on'] as FailOn;
    if (!FAIL_ON.includes(failOn))
      throw new UsageError(`--fail-on ${failOn}: expected one of ${FAIL_ON.join(', ')}`);
    const features = readFeaturesOption(values.features, io);
    const options = {
      ...jobArgs(positionals, values, io),
      compliance: true,
      features,
      // The bar goes to stderr on a terminal only; it never mixes with a report on stdout.
      progress: true,
    };
    return withFinishedJob(options, io, (manager, job) => {
      if (job.status === 'failed') {
        io.err(`netremediate compliance: the job could not run: ${job.error ?? 'unknown reason'}\n`);
        return EXIT_USAGE;
      }
      const report = manager.complianceReport(job.job_id, { cwd: process.cwd(), shard: options.shard });
      writeReport(report, format, values.out, io);
      for (const d of report.devices)
        if (d.status === 'failed') io.err(`${d.folder}/${d.device_id}: ${d.error}\n`);
      io.err(unmanagedJobNote(report.devices));
      const s = report.summary;
      io.err(`${s.devices} devices: ${s.compliant} compliant, ${s.drifting} drifting, ${s.failed} failed\n`);
      return exitCode(report, failOn);
    });
  },
};
