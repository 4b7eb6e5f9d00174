/**
 * `npm run bench`: every performance target of the issues, measured on this machine and printed as a
 * table of medians. Exits 1 when a target is missed, so a regression is visible in CI logs.
 */
import os from 'node:os';
import { cliBenchmarks } from './cliBench';
import { complianceBenchmarks } from './complianceBench';
import { formatTable, type Measurement } from './measure';
import { jobsBenchmarks } from './jobsBench';
import { lspBenchmarks } from './lspBench';
import { lspUnderLoadBenchmarks } from './lspUnderLoadBench';
import { parseBenchmarks } from './parseBench';
import { remediationBenchmarks } from './remediationBench';

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), load ${os.loadavg()[0].toFixed(2)}`,
  );
  const rows: Measurement[] = [
    ...(await parseBenchmarks()),
    ...(await remediationBenchmarks()),
    ...(await cliBenchmarks()),
    ...(await jobsBenchmarks()),
    ...(await complianceBenchmarks()),
    ...(await lspUnderLoadBenchmarks()),
    ...(await lspBenchmarks()),
  ];
  console.log(formatTable(rows));
  const missed = rows.filter((r) => r.met === false);
  if (missed.length > 0) {
    console.log(`targets missed: ${missed.map((r) => r.name).join('; ')}`);
    process.exitCode = 1;
  }
}

void main();
