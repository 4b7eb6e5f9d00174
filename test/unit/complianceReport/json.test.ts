/**
 * `--format json` and the published schema: every fixture report and its rendering validate against
 * schemas/compliance-report.schema.json, and documents that break the contract (a camelCase field,
 * another version, a failed device without its error, ...) do not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComplianceReport } from '../../../server/src/protocol/compliance';
import {
  COMPLIANCE_REPORT_SCHEMA_URL,
  renderComplianceJson,
  renderComplianceReport,
} from '../../../server/src/protocol/complianceRender';
import { generateComplianceReport, summarize } from './generateComplianceReport';
import { loadReport, REPORT_FIXTURES } from './reportFixtures';
import { reportSchema, validateComplianceReport } from './validators';

type Mutable = Record<string, unknown> & { devices: Record<string, unknown>[] };

function clone(report: ComplianceReport): Mutable {
  return JSON.parse(JSON.stringify(report)) as Mutable;
}

describe('compliance report JSON and its schema', () => {
  it('the schema names itself where the JSON output points', () => {
    assert.equal((reportSchema() as { $id: string }).$id, COMPLIANCE_REPORT_SCHEMA_URL);
  });

  for (const name of REPORT_FIXTURES) {
    it(`${name}: the fixture and its JSON rendering validate`, () => {
      const report = loadReport(name);
      const direct = validateComplianceReport(report);
      assert.ok(direct.valid, direct.errors);
      const rendered = JSON.parse(renderComplianceReport(report, 'json'));
      const result = validateComplianceReport(rendered);
      assert.ok(result.valid, result.errors);
    });

    it(`${name}: the summary agrees with the devices`, () => {
      const report = loadReport(name);
      assert.deepEqual(report.summary, summarize(report.devices, report.summary.features));
    });
  }

  it('a generated 1,000-device report validates', () => {
    const result = validateComplianceReport(
      JSON.parse(renderComplianceReport(generateComplianceReport(1000), 'json')),
    );
    assert.ok(result.valid, result.errors);
  });

  it('writes the report as it is, $schema first, two-space indented with a final newline', () => {
    const report = loadReport('fleet-report');
    const text = renderComplianceJson(report);
    assert.ok(text.startsWith(`{\n  "$schema": "${COMPLIANCE_REPORT_SCHEMA_URL}",\n  "version": 1,`));
    assert.ok(text.endsWith('}\n'));
    const { $schema, ...rest } = JSON.parse(text);
    assert.equal($schema, COMPLIANCE_REPORT_SCHEMA_URL);
    assert.deepEqual(rest, report);
    // A report that already names a schema gets the one asked for, still first.
    const again = JSON.parse(
      renderComplianceJson({ ...report, $schema: 'old' }, { schemaUrl: 'https://example.test/s.json' }),
    );
    assert.equal(Object.keys(again)[0], '$schema');
    assert.equal(again.$schema, 'https://example.test/s.json');
  });

  const broken: [string, (doc: Mutable) => void][] = [
    ['another version', (d) => (d.version = 2)],
    ['a camelCase field', (d) => (d.generatedAt = d.generated_at)],
    ['a missing required field', (d) => delete d.feature_set_sha256],
    ['a hash that is not sha256 hex', (d) => (d.feature_set_sha256 = 'abc')],
    ['a time that is not a date-time', (d) => (d.generated_at = 'yesterday')],
    ['an unknown device status', (d) => (d.devices[0].status = 'unknown')],
    [
      'a failed device without its error',
      (d) => (d.devices.find((x) => x.status === 'failed')!.error = undefined),
    ],
    ['an unknown platform', (d) => (d.devices[0].platform = 'junos')],
    ['a negative count', (d) => ((d.summary as { failed: number }).failed = -1)],
    [
      'a line range starting at 0',
      (d) =>
        ((d.devices[0].features as { intended_ranges: unknown[] }[])[0].intended_ranges = [
          { start_line: 0, end_line: 3 },
        ]),
    ],
    ['a shard index of 0', (d) => (d.shard = { index: 0, count: 2 })],
    [
      'an unmanaged section of an unknown kind',
      (d) => (d.devices[0].unmanaged_sections = [{ text: 'hostname r1', kind: 'gone', reason: 'unmanaged' }]),
    ],
    [
      'an unmanaged section without its text',
      (d) => (d.devices[0].unmanaged_sections = [{ kind: 'differs', reason: 'ignored', line: 3 }]),
    ],
    [
      'an unmanaged section at a negative line',
      (d) =>
        (d.devices[0].unmanaged_sections = [
          { text: 'hostname r1', kind: 'differs', reason: 'unmanaged', line: 3, intended_line: -1 },
        ]),
    ],
  ];
  for (const [what, breakIt] of broken) {
    it(`rejects ${what}`, () => {
      const doc = clone(loadReport('fleet-report'));
      breakIt(doc);
      const result = validateComplianceReport(JSON.parse(JSON.stringify(doc)));
      assert.equal(result.valid, false, `${what} passed the schema`);
    });
  }
});
