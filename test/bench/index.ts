/**
 * `npm run bench`: every performance target of the issues, measured on this machine and printed as a
 * table of medians. Exits 1 when a target is missed, so a regression is visible in CI logs.
 *
 * `node out/test/bench/index.js remediation` runs only the named groups (parse, remediation, cli,
 * jobs, lsp-under-load, lsp), for a before/after comparison of one part on a shared machine.
 */
import os from 'node:os';
import { cliBenchmarks } from './cliBench';
import { complianceBenchmarks } from './complianceBench';
import { complianceReportBenchmarks } from './complianceReportBench';
import { formatTable, type Measurement } from './measure';
import { jobsBenchmarks } from './jobsBench';
import { lspBenchmarks } from './lspBench';
import { lspUnderLoadBenchmarks } from './lspUnderLoadBench';
import { parseBenchmarks } from './parseBench';
import { remediationBenchmarks } from './remediationBench';
import { scopeBenchmarks } from './scopeBench';

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), load ${os.loadavg()[0].toFixed(2)}`,
  );
  // `node out/test/bench/index.js remediation cli` runs only those groups (all when none is named).
  const groups: readonly [string, () => Promise<Measurement[]>][] = [
    ['parse', parseBenchmarks],
    ['remediation', remediationBenchmarks],
    ['cli', cliBenchmarks],
    ['jobs', jobsBenchmarks],
    ['compliance', complianceBenchmarks],
    ['scope', scopeBenchmarks],
    ['lsp-under-load', lspUnderLoadBenchmarks],
    ['lsp', lspBenchmarks],
    ['compliance-report', complianceReportBenchmarks],
  ];
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !groups.some(([name]) => name === w));
  if (unknown.length > 0) {
    console.error(
      `unknown bench group(s): ${unknown.join(', ')}; known: ${groups.map(([n]) => n).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const rows: Measurement[] = [];
  for (const [name, run] of groups)
    if (wanted.length === 0 || wanted.includes(name)) rows.push(...(await run()));
  console.log(formatTable(rows));
  const missed = rows.filter((r) => r.met === false);
  if (missed.length > 0) {
    console.log(`targets missed: ${missed.map((r) => r.name).join('; ')}`);
    process.exitCode = 1;
  }
}

void main();
