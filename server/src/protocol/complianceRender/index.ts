/**
 * PLACEHOLDER until the compliance-report branch lands (it replaces this file with the real text, HTML,
 * JUnit and SARIF renderers and keeps this entry point). Only `json` and a plain `text` are here, so
 * that the CLI and its tests can run meanwhile.
 */
import type { ComplianceReport } from '../compliance';

export function renderComplianceReport(
  report: ComplianceReport,
  format: 'text' | 'json' | 'html' | 'junit' | 'sarif',
): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'text') {
    const s = report.summary;
    const lines = [
      `${s.devices} devices: ${s.compliant} compliant, ${s.drifting} drifting, ${s.failed} failed`,
      ...report.devices
        .filter((d) => d.status !== 'compliant')
        .map((d) => {
          const drifting = d.features.filter((f) => !f.compliant).map((f) => f.feature);
          return `  ${d.status.toUpperCase().padEnd(9)} ${d.folder}/${d.device_id}  ${d.error ?? drifting.join(', ')}`;
        }),
    ];
    return `${lines.join('\n')}\n`;
  }
  throw new Error(`format ${format} is not built yet`);
}
