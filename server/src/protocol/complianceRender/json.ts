/**
 * `--format json`: the report document itself, as `netremediate merge` reads it back, with `$schema`
 * naming the published JSON Schema (`schemas/compliance-report.schema.json` in the repository) so
 * editors and CI validators find it without configuration.
 */
import type { ComplianceReport } from '../compliance';

/** Where the schema is published: the file in the repository, served raw from its default branch. */
export const COMPLIANCE_REPORT_SCHEMA_URL =
  'https://raw.githubusercontent.com/netremediate/netremediate/main/schemas/compliance-report.schema.json';

export interface ComplianceJsonOptions {
  /** `$schema` of the written document; the published schema by default. */
  readonly schemaUrl?: string;
}

export function renderComplianceJson(report: ComplianceReport, options: ComplianceJsonOptions = {}): string {
  // `$schema` first, whatever the report carried: a reader sees what the document is before its data.
  const { $schema: _previous, ...fields } = report;
  const document = { $schema: options.schemaUrl ?? COMPLIANCE_REPORT_SCHEMA_URL, ...fields };
  return `${JSON.stringify(document, null, 2)}\n`;
}
