import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { reportFormat, writeReport } from './complianceCommand';
import { asReport, mergeReports } from './complianceMerge';
import { EXIT_OK, UsageError, type CliIo } from './io';
import { readJsonFile } from './jsonLocation';

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'combine shard compliance reports (compliance --shard I/N --format json) into one report',
  usage: `netremediate merge RESULT.json... [--format text|json|html|junit|sarif] [--out FILE]

  RESULT.json  a report of netremediate compliance --format json, usually one per --shard I/N
  --format     text (default), json, html, junit, sarif
  --out FILE   write the merged report there instead of stdout
Devices are combined and sorted by folder and device id; the summary is recomputed. Refused (exit 2,
the files named): reports of different feature sets (feature_set_sha256) or versions, the same shard
twice, shards of different counts, a device in two reports.`,
  run(argv: string[], io: CliIo): number {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, out: { type: 'string' } },
    });
    if (positionals.length === 0) throw new UsageError('merge takes at least one RESULT.json');
    const format = reportFormat(values.format);
    const inputs = positionals.map((file) => ({
      file,
      report: asReport(file, readJsonFile(file, io).value),
    }));
    const merged = mergeReports(inputs);
    writeReport(merged, format, values.out, io);
    const s = merged.summary;
    io.err(
      `merged ${inputs.length} reports: ${s.devices} devices, ${s.compliant} compliant, ${s.drifting} drifting, ${s.failed} failed\n`,
    );
    return EXIT_OK;
  },
};
