/** The compliance requests over a real JSON-RPC connection to dist/server.js. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ComplianceReportRequest,
  ComplianceSummaryRequest,
  DeviceComplianceRequest,
  JobChangedNotification,
  StartJobRequest,
  type JobSummary,
} from '../../../server/src/protocol';
import { tempDir } from '../../support/fleetGenerator';
import { startLspSession, type LspSession } from '../../support/lspClient';
import { REPO_ROOT } from '../../support/paths';

const FLEET = path.join(REPO_ROOT, 'examples', 'fleet');

function waitFinished(session: LspSession, jobId: string): Promise<JobSummary> {
  return new Promise((resolve) => {
    session.connection.onNotification(JobChangedNotification, (event) => {
      if (event.job.job_id === jobId && ['completed', 'failed', 'cancelled'].includes(event.job.status))
        resolve(event.job);
    });
  });
}

describe('compliance requests over a real JSON-RPC connection', () => {
  const store = tempDir('nr-lsp-compliance');
  let session: LspSession;
  let jobId: string;
  before(async () => {
    // netremediate.features, pulled with workspace/configuration like VS Code does.
    session = await startLspSession(REPO_ROOT, {
      initializationOptions: { storagePath: store.dir },
      settings: {
        netremediate: {
          features: { cisco_nxos: [{ name: 'fabric', title: 'Fabric', match: [{ startswith: 'vpc ' }] }] },
        },
      },
    });
    const started = await session.connection.sendRequest(StartJobRequest, { folders: [FLEET] });
    jobId = started.job_id;
    const done = await waitFinished(session, jobId);
    assert.equal(done.status, 'completed');
  });
  after(async () => {
    await session.close();
    store.remove();
  });

  it('netremediate/complianceSummary: counts per feature and a page of devices needing attention', async () => {
    const result = await session.connection.sendRequest(ComplianceSummaryRequest, {
      job_id: jobId,
      limit: 2,
    });
    assert.equal(result.job_id, jobId);
    assert.equal(result.summary.devices, 6);
    assert.equal(result.summary.drifting, 6);
    const byName = Object.fromEntries(result.summary.features.map((f) => [f.feature, f]));
    assert.deepEqual(byName['routing-bgp'], {
      feature: 'routing-bgp',
      title: 'Routing: BGP',
      devices: 5,
      compliant: 1,
      drifting: 4,
    });
    assert.deepEqual(byName.fabric, {
      feature: 'fabric',
      title: 'Fabric',
      devices: 2,
      compliant: 2,
      drifting: 0,
    });
    assert.equal(result.attention.total, 6);
    assert.deepEqual(
      result.attention.devices.map((d) => [d.device_id, d.status, d.drifting]),
      [
        ['core-rtr-01', 'drift', ['ntp', 'interfaces', 'routing-bgp', 'routing-ospf']],
        ['edge-rtr-02', 'drift', ['snmp', 'routing-static', 'acls']],
      ],
    );
  });

  it('netremediate/deviceCompliance: one device per feature; null for an unknown device', async () => {
    const result = await session.connection.sendRequest(DeviceComplianceRequest, {
      job_id: jobId,
      folder: FLEET,
      device_id: 'leaf-101',
    });
    assert.ok(result);
    assert.equal(result.device.compliance?.compliant, false);
    assert.equal(result.features[0].feature, 'fabric');
    const snmp = result.features.find((f) => f.feature === 'snmp');
    assert.equal(snmp?.remediation, 'snmp-server location DC2 hall A row 7 rack 12\n');
    assert.deepEqual(snmp?.intended_ranges, [{ start_line: 26, end_line: 28 }]);
    const none = await session.connection.sendRequest(DeviceComplianceRequest, {
      job_id: jobId,
      folder: FLEET,
      device_id: 'nope',
    });
    assert.equal(none, null);
  });

  it('netremediate/complianceReport: the whole report, folders by name', async () => {
    const report = await session.connection.sendRequest(ComplianceReportRequest, { job_id: jobId });
    assert.equal(report.version, 1);
    assert.equal(report.devices.length, 6);
    assert.ok(report.devices.every((d) => d.folder === 'fleet'));
    assert.equal(report.summary.features.at(-1)?.feature, 'other');
  });

  it('refuses an unknown job with its id in the message', async () => {
    await assert.rejects(
      session.connection.sendRequest(ComplianceSummaryRequest, { job_id: 'job-nope' }),
      /job-nope/,
    );
  });
});
