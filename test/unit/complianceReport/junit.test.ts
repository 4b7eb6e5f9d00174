/**
 * `--format junit`: golden files, validated against Jenkins' JUnit XSD with libxml2 (a deliberately
 * broken document must fail that validation, or the validation proves nothing), counts per folder,
 * and XML that survives any config text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderComplianceJUnit, renderComplianceReport } from '../../../server/src/protocol/complianceRender';
import { generateComplianceReport } from './generateComplianceReport';
import { assertGolden, loadReport, REPORT_FIXTURES, shuffled } from './reportFixtures';
import { validateJUnit } from './validators';

describe('compliance report JUnit', () => {
  for (const name of REPORT_FIXTURES) {
    it(`${name} renders to its golden file, valid against the JUnit XSD`, async () => {
      const xml = renderComplianceReport(loadReport(name), 'junit');
      assertGolden(`${name}.junit.xml`, xml);
      const result = await validateJUnit(xml);
      assert.ok(result.valid, result.errors);
    });
  }

  it('the XSD validation is real: documents that break the schema or XML fail it', async () => {
    const xml = renderComplianceJUnit(loadReport('fleet-report'));
    const broken = [
      xml.replace('<testcase classname="dc1" name="core-sw-02"/>', '<testcase classname="dc1"/>'), // name is required
      xml.replace('<testsuite name="dc1" tests="4"', '<testsuite name="dc1"'), // tests is required
      xml.replace('</testsuites>', '<unknown/></testsuites>'),
      xml.replace('type="drift">no ntp', 'type="drift"><b>no ntp</b>'), // elements inside a failure
      xml.replace('&lt;uplink', '<uplink'), // not well-formed
    ];
    for (const doc of broken) {
      assert.notEqual(doc, xml, 'the mutation must change the document');
      const result = await validateJUnit(doc);
      assert.equal(result.valid, false, `accepted:\n${doc.slice(0, 300)}`);
    }
  });

  it('makes each device a test case and each drifting feature a failure, with the remediation in its body', () => {
    const xml = renderComplianceJUnit(loadReport('fleet-report'));
    assert.match(xml, /<testsuites name="netremediate compliance" tests="8" failures="4" errors="1">/);
    assert.match(xml, /<testsuite name="branch" tests="4" failures="1" errors="1"/);
    assert.match(xml, /<testsuite name="dc1" tests="4" failures="3" errors="0"/);
    assert.match(
      xml,
      /<failure message="ntp: 1 missing, 1 extra" type="drift">no ntp server 192\.0\.2\.10 use-vrf management\nntp server 10\.0\.0\.123 use-vrf management<\/failure>/,
    );
    assert.match(xml, /<failure message="snmp: 0 missing, 2 extra" type="drift">no snmp-server host/);
    assert.match(
      xml,
      /<testcase classname="branch" name="rtr-07">\n {6}<error message="intended\/rtr-07\.cfg:48: [^"]*" type="failed">/,
    );
    assert.match(xml, /<testcase classname="dc1" name="core-sw-02"\/>/);
  });

  it('puts unmanaged drift in the test case’s system-out, never a failure', async () => {
    const xml = renderComplianceJUnit(loadReport('scoped-report'));
    // br-rtr-12 is compliant with unmanaged drift: still a passing test, one of 4 with 1 failure.
    assert.match(xml, /<testsuites name="netremediate compliance" tests="4" failures="1" errors="1">/);
    const passing = /<testcase classname="branch" name="br-rtr-12">\n(.*?)\n {4}<\/testcase>/s.exec(xml)?.[1];
    assert.ok(passing);
    assert.doesNotMatch(passing, /<failure|<error|<skipped/);
    assert.match(
      passing,
      /^ {6}<system-out>Unmanaged drift \(information, not a failure\): 4 top-level sections differ outside the scope/,
    );
    assert.match(passing, /\n {2}hostname BR-RTR-12 {2}\(differs; running line 14 · intended line 3\)\n/);
    assert.match(
      passing,
      /username ops&lt;1&gt; privilege 15 secret 9 \$9\$Zx&amp;"q"\[w\]`x` {2}\(only in running, ignored/,
    );
    assert.match(xml, /<property name="unmanaged_drift_devices" value="1"\/>/);
    // A drifting device keeps its failures, and its unmanaged drift follows them (the XSD's order).
    const report = loadReport('scoped-report');
    const devices = report.devices.map((d) =>
      d.device_id === 'br-rtr-11'
        ? { ...d, unmanaged_drift: 70, unmanaged_sections: report.devices[1].unmanaged_sections }
        : d,
    );
    const both = renderComplianceJUnit({ ...report, devices });
    assert.match(
      both,
      /<testcase classname="branch" name="br-rtr-11">\n {6}<failure [^>]*>[^<]*<\/failure>\n {6}<system-out>Unmanaged drift [^<]*\n {2}… and 66 more, not listed in the report<\/system-out>\n {4}<\/testcase>/,
    );
    const result = await validateJUnit(both);
    assert.ok(result.valid, result.errors);
    assert.doesNotMatch(renderComplianceJUnit(loadReport('fleet-report')), /system-out|unmanaged/);
  });

  it('escapes markup and replaces characters XML 1.0 forbids', async () => {
    const xml = renderComplianceJUnit(loadReport('edge-report'));
    assert.match(xml, /name="sw&lt;1&gt;&amp;&quot;q'"/);
    assert.match(xml, /\]\]&gt; &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/); // eslint-disable-line no-control-regex
    assert.doesNotMatch(xml, /[\uD800-\uDFFF]/u, 'a lone surrogate is left');
    assert.ok((await validateJUnit(xml)).valid);
  });

  it('keeps tabs and line breaks in attribute values as character references', () => {
    const report = loadReport('fleet-report');
    const devices = report.devices.map((d) =>
      d.device_id === 'rtr-09' ? { ...d, device_id: 'rtr-09\tspare\r\nrack 4' } : d,
    );
    const xml = renderComplianceJUnit({ ...report, devices });
    assert.match(xml, /<testcase classname="branch" name="rtr-09&#9;spare&#13;&#10;rack 4"\/>/);
  });

  it('does not depend on the order of devices in the document', () => {
    const report = loadReport('fleet-report');
    assert.equal(renderComplianceJUnit(shuffled(report)), renderComplianceJUnit(report));
  });

  it('a generated 2,000-device report is valid too', async () => {
    const result = await validateJUnit(renderComplianceJUnit(generateComplianceReport(2000)));
    assert.ok(result.valid, result.errors);
  });
});
