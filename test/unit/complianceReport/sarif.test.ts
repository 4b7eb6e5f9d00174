/**
 * `--format sarif`: golden files validated against the official SARIF 2.1.0 schema (and a broken log
 * must fail it), results at the intended file's lines, line 1 for a feature with only extra lines,
 * `error` for a failed device, URIs valid whatever the names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderComplianceReport, renderComplianceSarif } from '../../../server/src/protocol/complianceRender';
import { mergeRanges } from '../../../server/src/protocol/complianceRender/sarif';
import { generateComplianceReport } from './generateComplianceReport';
import { assertGolden, loadReport, REPORT_FIXTURES, shuffled } from './reportFixtures';
import { sarifSchema, validateSarif } from './validators';

interface Location {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: string };
    region: { startLine: number; endLine?: number };
  };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string; markdown: string };
  locations: Location[];
  relatedLocations?: Location[];
  properties: Record<string, unknown>;
}
interface Log {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: Result[] }[];
}

/** What the mutations below reach into, loosely typed so a test can break it. */
type MutableLog = Log & { version: string };

function sarif(name: Parameters<typeof loadReport>[0]): Log {
  return JSON.parse(renderComplianceSarif(loadReport(name))) as Log;
}

function resultFor(log: Log, device: string, ruleId: string): Result {
  const found = log.runs[0].results.find((r) => r.properties.device_id === device && r.ruleId === ruleId);
  assert.ok(found, `no ${ruleId} result for ${device}`);
  return found;
}

describe('compliance report SARIF', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    assert.match(sarifSchema().title, /SARIF\) Version 2\.1\.0/);
  });

  for (const name of REPORT_FIXTURES) {
    it(`${name} renders to its golden file, valid SARIF 2.1.0`, () => {
      const text = renderComplianceReport(loadReport(name), 'sarif');
      assertGolden(`${name}.sarif`, text);
      const result = validateSarif(JSON.parse(text));
      assert.ok(result.valid, result.errors);
    });
  }

  it('the schema validation is real: logs that break SARIF fail it', () => {
    const breakers: ((log: MutableLog) => void)[] = [
      (l) => (l.version = '2.0.0'),
      (l) => delete (l.runs[0].tool.driver as { name?: string }).name,
      (l) => (l.runs[0].results[0].level = 'fatal'),
      (l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0),
      (l) => ((l.runs[0].results[0] as { message: unknown }).message = 'a string, not a message object'),
      (l) =>
        (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'has space/and:colon'),
    ];
    for (const breakIt of breakers) {
      const log = JSON.parse(renderComplianceSarif(loadReport('fleet-report')));
      breakIt(log);
      assert.equal(validateSarif(log).valid, false, `accepted after ${breakIt.toString()}`);
    }
  });

  it('has one rule per feature (id = feature name) and one for failed devices', () => {
    const log = sarif('fleet-report');
    const report = loadReport('fleet-report');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].tool.driver.name, 'netremediate');
    assert.deepEqual(
      log.runs[0].tool.driver.rules.map((r) => r.id),
      [...report.summary.features.map((f) => f.feature), 'device-failed'],
    );
    for (const r of log.runs[0].results)
      assert.equal(log.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('reports each drifting feature of each device at its intended lines, as a warning with the remediation', () => {
    const log = sarif('fleet-report');
    assert.equal(log.runs[0].results.length, 9 + 1);
    const bgp = resultFor(log, 'core-sw-01', 'routing-bgp');
    assert.equal(bgp.level, 'warning');
    assert.deepEqual(bgp.locations[0].physicalLocation, {
      artifactLocation: { uri: 'dc1/intended/core-sw-01.nxos', uriBaseId: '%SRCROOT%' },
      region: { startLine: 100, endLine: 118 },
    });
    assert.match(bgp.message.text, /^core-sw-01 \(dc1\): Routing: BGP drift, 4 lines missing and 0 extra\./);
    assert.match(bgp.message.markdown, /```\nrouter bgp 65010\n {2}neighbor 10\.255\.0\.2\n/);
    assert.equal(bgp.properties.remediation, loadReport('fleet-report').devices[4].features[5].remediation);
    // Adjacent section ranges are one region; separate ones are related locations.
    assert.deepEqual(resultFor(log, 'core-sw-01', 'ntp').locations[0].physicalLocation.region, {
      startLine: 14,
      endLine: 15,
    });
    const interfaces = resultFor(log, 'leaf-101', 'interfaces');
    assert.deepEqual(interfaces.locations[0].physicalLocation.region, { startLine: 30, endLine: 37 });
    assert.deepEqual(
      interfaces.relatedLocations?.map((l) => l.physicalLocation.region),
      [{ startLine: 52, endLine: 56 }],
    );
  });

  it('points a feature with only extra lines at line 1 of the intended file, and says so', () => {
    const snmp = resultFor(sarif('fleet-report'), 'leaf-102', 'snmp');
    assert.deepEqual(snmp.locations[0].physicalLocation.region, { startLine: 1, endLine: 1 });
    assert.match(snmp.message.text, /The intended config has no SNMP lines, so this points at its line 1/);
  });

  it('reports a failed device as an error', () => {
    const failed = resultFor(sarif('fleet-report'), 'rtr-07', 'device-failed');
    assert.equal(failed.level, 'error');
    assert.match(failed.message.text, /could not be checked: intended\/rtr-07\.cfg:48/);
  });

  it('within a scope: one note per device with unmanaged drift, under its own rule', () => {
    const log = sarif('scoped-report');
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(
      rules.map((r) => r.id),
      ['ntp', 'snmp', 'logging', 'other', 'device-failed', 'unmanaged-drift'],
    );
    assert.equal(
      (rules[5] as { defaultConfiguration?: { level: string } }).defaultConfiguration?.level,
      'note',
    );
    const notes = log.runs[0].results.filter((r) => r.ruleId === 'unmanaged-drift');
    assert.equal(notes.length, 1, 'br-rtr-12 only: the others have none, or failed');
    const [note] = notes;
    assert.equal(note.level, 'note');
    assert.equal(log.runs[0].tool.driver.rules[note.ruleIndex].id, 'unmanaged-drift');
    // At the first listed section the intended file has (hostname differs: intended line 3).
    assert.deepEqual(note.locations[0].physicalLocation, {
      artifactLocation: { uri: 'branch/intended/br-rtr-12.cfg', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3 },
    });
    // Each section a related location: intended's line when intended has it, else running's.
    assert.deepEqual(
      note.relatedLocations?.map(
        (l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`,
      ),
      [
        'branch/intended/br-rtr-12.cfg:3',
        'branch/intended/br-rtr-12.cfg:31',
        'branch/running/br-rtr-12.cfg:11',
        'branch/running/br-rtr-12.cfg:21',
      ],
    );
    // The text links each to its location; brackets in config text cannot pose as a link.
    assert.match(
      note.message.text,
      /^br-rtr-12 \(branch\): 4 top-level sections differ outside the scope \(information/,
    );
    assert.match(note.message.text, /\n- \[hostname BR-RTR-12\]\(1\) \(differs\)\n/);
    assert.match(
      note.message.text,
      /\n- \[ip as-path access-list 10 permit _\\\[0-9\\\]\+_\]\(2\) \(only in intended\)\n/,
    );
    assert.match(
      note.message.markdown,
      /\n- `` username ops<1> privilege 15 secret 9 \$9\$Zx&"q"\[w\]`x` `` only in running, ignored$/,
    );
    assert.equal(note.properties.unmanaged_drift, 4);
    // No scope, no such rule: the other reports keep their rules and results as they were.
    assert.ok(!sarif('fleet-report').runs[0].tool.driver.rules.some((r) => r.id.startsWith('unmanaged')));
  });

  it('points unmanaged drift found only in running at line 1 of the intended file, and says so', () => {
    const report = loadReport('scoped-report');
    const only = [
      {
        text: 'license boot level appxk9',
        kind: 'running-only' as const,
        reason: 'unmanaged' as const,
        line: 4,
      },
    ];
    const features = [
      ...report.summary.features,
      { feature: 'unmanaged-drift', title: 'A feature by that name', devices: 0, compliant: 0, drifting: 0 },
    ];
    const devices = report.devices.map((d) =>
      d.device_id === 'br-rtr-12' ? { ...d, unmanaged_drift: 1, unmanaged_sections: only } : d,
    );
    const text = renderComplianceSarif({ ...report, devices, summary: { ...report.summary, features } });
    const log = JSON.parse(text) as Log;
    const note = resultFor(log, 'br-rtr-12', 'unmanaged-drift-2');
    assert.deepEqual(note.locations[0].physicalLocation.region, { startLine: 1 });
    assert.match(
      note.message.text,
      /No listed section has a line in the intended config, so this points at its line 1/,
    );
    assert.deepEqual(
      note.relatedLocations?.[0].physicalLocation.artifactLocation.uri,
      'branch/running/br-rtr-12.cfg',
    );
    const result = validateSarif(JSON.parse(text));
    assert.ok(result.valid, result.errors);
  });

  it('percent-encodes names into valid URIs and escapes markdown', () => {
    const log = sarif('edge-report');
    const aaa = resultFor(log, 'sw<1>&"q\'', 'aaa');
    assert.equal(
      aaa.locations[0].physicalLocation.artifactLocation.uri,
      'lab%20west/%C3%A4/intended/sw%201.cfg',
    );
    assert.match(aaa.message.markdown, /^\*\*sw\\<1\\>&"q'\*\*/);
    const banner = resultFor(log, 'sw<1>&"q\'', 'banner');
    assert.match(
      banner.message.markdown,
      /````\nbanner login #\n```\n/,
      'the fence outgrows the backticks inside',
    );
  });

  it('does not depend on the order of devices in the document', () => {
    const report = loadReport('fleet-report');
    assert.equal(renderComplianceSarif(shuffled(report)), renderComplianceSarif(report));
  });

  it('merges line ranges into regions', () => {
    assert.deepEqual(
      mergeRanges([
        { start_line: 20, end_line: 22 },
        { start_line: 3, end_line: 5 },
        { start_line: 6, end_line: 6 },
        { start_line: 4, end_line: 9 },
        { start_line: 0, end_line: 2 },
      ]),
      [
        { startLine: 3, endLine: 9 },
        { startLine: 20, endLine: 22 },
      ],
    );
  });

  it('a generated 2,000-device report is valid too', () => {
    const result = validateSarif(JSON.parse(renderComplianceSarif(generateComplianceReport(2000))));
    assert.ok(result.valid, result.errors);
  });
});
