/**
 * The compliance report's renderers (issue #8): one ComplianceReport document, five formats. Pure
 * string functions (no node:*, no vscode, no DOM, no dependencies) so the CLI writes them and the
 * editor's webview reuses the HTML one. Deterministic: the same report renders to the same bytes.
 *
 *   renderComplianceReport(report, 'junit')                  // what `--format junit` writes
 *   renderComplianceHtml(report, { nonce, cspSource, deviceLink })   // the webview
 */
import type { ComplianceReport } from '../compliance';
import { renderComplianceHtml } from './html/document';
import { renderComplianceJson } from './json';
import { renderComplianceJUnit } from './junit';
import { renderComplianceSarif } from './sarif';
import { renderComplianceText } from './text';

export type ComplianceReportFormat = 'text' | 'json' | 'html' | 'junit' | 'sarif';

export const COMPLIANCE_REPORT_FORMATS: readonly ComplianceReportFormat[] = [
  'text',
  'json',
  'html',
  'junit',
  'sarif',
];

/** The file extension for `--out` when the user names a folder rather than a file. */
export const COMPLIANCE_REPORT_EXTENSIONS: Readonly<Record<ComplianceReportFormat, string>> = {
  text: '.txt',
  json: '.json',
  html: '.html',
  junit: '.xml',
  sarif: '.sarif',
};

/** The report in one format, with each format's default options. */
export function renderComplianceReport(report: ComplianceReport, format: ComplianceReportFormat): string {
  switch (format) {
    case 'text':
      return renderComplianceText(report);
    case 'json':
      return renderComplianceJson(report);
    case 'html':
      return renderComplianceHtml(report);
    case 'junit':
      return renderComplianceJUnit(report);
    case 'sarif':
      return renderComplianceSarif(report);
    default:
      throw new Error(`unknown compliance report format: ${String(format)}`);
  }
}

export { renderComplianceHtml, type ComplianceHtmlOptions } from './html/document';
export type { DeviceLink } from './html/matrix';
export { COMPLIANCE_REPORT_SCHEMA_URL, renderComplianceJson, type ComplianceJsonOptions } from './json';
export { renderComplianceJUnit, type ComplianceJUnitOptions } from './junit';
export { renderComplianceSarif, SARIF_SCHEMA_URL, type ComplianceSarifOptions } from './sarif';
export { renderComplianceText, type ComplianceTextOptions } from './text';
