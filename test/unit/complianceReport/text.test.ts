/** `--format text`: golden summaries, deterministic whatever the input order, safe for a terminal. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderComplianceReport, renderComplianceText } from '../../../server/src/protocol/complianceRender';
import { generateComplianceReport } from './generateComplianceReport';
import { assertGolden, loadReport, REPORT_FIXTURES, shuffled } from './reportFixtures';

describe('compliance report text', () => {
  for (const name of REPORT_FIXTURES) {
    it(`${name} renders to its golden summary`, () => {
      assertGolden(`${name}.txt`, renderComplianceReport(loadReport(name), 'text'));
    });
  }

  it('does not depend on the order of devices or features in the document', () => {
    for (const name of REPORT_FIXTURES) {
      const report = loadReport(name);
      assert.equal(renderComplianceText(shuffled(report)), renderComplianceText(report), name);
    }
  });

  it('says per feature how compliant it is and how many devices drift', () => {
    const text = renderComplianceText(loadReport('fleet-report'));
    assert.match(text, /^ {2}SNMP \(snmp\) +66% compliant · 2 devices drift \(of 6 configured\)$/m);
    assert.match(text, /^ {2}Other \(other\) +100% compliant · 0 devices drift/m);
    assert.match(text, /^8 devices: 3 compliant \(37%\), 4 drifting, 1 failed$/m);
  });

  it('lists a device with only extra lines, and a failed device with every line of its error', () => {
    const text = renderComplianceText(loadReport('fleet-report'));
    assert.match(
      text,
      /dc1\/leaf-102 \(cisco_nxos\): 2 features drift\n {4}snmp +\+0 −2\n {4}logging +\+0 −1/,
    );
    assert.match(
      text,
      /Failed devices \(1\)\n {2}branch\/rtr-07 \(cisco_ios\)\n {4}intended\/rtr-07\.cfg:48: .*\n {4}the file ends/,
    );
  });

  it('never writes control characters a terminal would act on', () => {
    const text = renderComplianceText(loadReport('edge-report'));
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/); // eslint-disable-line no-control-regex
    assert.match(text, /binary content \uFFFD\uFFFD\uFFFD\[31mred/);
  });

  it('lists at most maxDevices drifting devices and says how many more there are', () => {
    const report = generateComplianceReport(500);
    const text = renderComplianceText(report, { maxDevices: 10 });
    const drifting = report.devices.filter((d) => d.status === 'drift').length;
    assert.match(text, new RegExp(`… and ${drifting - 10} more drifting devices`));
    assert.equal(text.match(/^ {2}site-\d+\/rtr-\d+ \(cisco_ios\): \d+ features? drift$/gm)?.length, 10);
  });
});
