import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  renderComplianceReport,
  type ComplianceReportFormat,
} from '../../server/src/protocol/complianceRender';
import { generateComplianceReport } from '../unit/complianceReport/generateComplianceReport';
import { measure, type Measurement } from './measure';

/**
 * The compliance report renderers on a generated 10,000-device × 16-feature report (issue #8: the HTML
 * report for 10,000 devices is written within 2 s). The HTML row includes writing the file, as the CLI
 * does; the other formats have no target and are listed for comparison.
 */
export async function complianceReportBenchmarks(): Promise<Measurement[]> {
  const devices = 10_000;
  const report = generateComplianceReport(devices);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-report-bench-'));
  const rows: Measurement[] = [];
  const size = (text: string) => `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;
  try {
    let html = '';
    rows.push(
      await measure(
        `compliance report html, ${devices} devices × 16 features, file written`,
        () => {
          html = renderComplianceReport(report, 'html');
          fs.writeFileSync(path.join(dir, 'report.html'), html);
        },
        { runs: 7, warmup: 2, targetMs: 2000, extra: () => size(html) },
      ),
    );
    for (const format of ['text', 'json', 'junit', 'sarif'] as ComplianceReportFormat[]) {
      let out = '';
      rows.push(
        await measure(
          `compliance report ${format}, ${devices} devices`,
          () => (out = renderComplianceReport(report, format)),
          { runs: 7, warmup: 2, extra: () => size(out) },
        ),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
