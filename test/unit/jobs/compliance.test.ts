/** Compliance in batch jobs: computed in the workers, kept in the journal, served by the manager. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JobError, type JobManager } from '../../../server/src/jobs';
import { tempDir } from '../../support/fleetGenerator';
import { openManager } from '../../support/fleetHarness';
import { REPO_ROOT } from '../../support/paths';
import { summaryPage } from '../../../server/src/jobs/complianceReport';
import { jobCompliance } from '../../../server/src/jobs/jobFeatures';

const FLEET = path.join(REPO_ROOT, 'examples', 'fleet');

async function runJob(manager: JobManager, targets: string[]) {
  const started = await manager.startJob({ targets });
  return manager.waitForJob(started.job_id);
}

/** A copy of examples/fleet whose manifest has `features`. */
function fleetWithFeatures(dir: string, features: unknown): string {
  const folder = path.join(dir, 'fleet');
  fs.cpSync(FLEET, folder, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'netremediate.json'), 'utf8'));
  fs.writeFileSync(path.join(folder, 'netremediate.json'), JSON.stringify({ ...manifest, features }));
  return folder;
}

describe('compliance in a job over examples/fleet', () => {
  const store = tempDir('nr-jobs-compliance');
  let manager: JobManager;
  let jobId: string;
  before(async () => {
    manager = await openManager(store.dir);
    const job = await runJob(manager, [FLEET]);
    assert.equal(job.status, 'completed');
    jobId = job.job_id;
  });
  after(async () => {
    await manager.close();
    store.remove();
  });

  it('gives every device its brief in memory, computed by the worker', () => {
    const devices = manager.getDeviceResults(jobId).devices;
    const briefs = Object.fromEntries(devices.map((d) => [d.device_id, d.compliance?.drifting]));
    assert.deepEqual(briefs, {
      'core-rtr-01': ['ntp', 'interfaces', 'routing-bgp', 'routing-ospf'],
      'edge-rtr-02': ['snmp', 'routing-static', 'acls'],
      'access-sw-03': ['vlans', 'interfaces'],
      'leaf-101': ['snmp', 'vlans', 'interfaces', 'routing-bgp'],
      'leaf-102': ['ntp', 'vlans', 'interfaces', 'routing-bgp'],
      'spine-01': ['interfaces', 'routing-bgp'],
    });
    const core = devices.find((d) => d.device_id === 'core-rtr-01');
    assert.equal(core?.compliance?.compliant, false);
    assert.ok(core?.compliance?.features.includes('aaa'), 'configured features are listed too');
  });

  it('serves one device’s per-feature details from the journal', () => {
    const result = manager.deviceCompliance(jobId, FLEET, 'core-rtr-01');
    assert.ok(result);
    assert.equal(result.device.device_id, 'core-rtr-01');
    assert.equal((result.device as { remediation?: string }).remediation, undefined, 'no texts');
    const ntp = result.features.find((f) => f.feature === 'ntp');
    assert.deepEqual(
      [ntp?.missing, ntp?.extra, ntp?.remediation],
      ['ntp server 10.0.6.2\n', 'ntp server 10.0.5.2\n', 'no ntp server 10.0.5.2\nntp server 10.0.6.2\n'],
    );
    assert.equal(manager.deviceCompliance(jobId, FLEET, 'no-such-device'), undefined);
  });

  it('does not count devices still pending or running as failed (the live view of a running job)', () => {
    const devices = manager.getDeviceResults(jobId, { limit: 100 }).devices;
    const live = devices.map((d, i) =>
      i < 2 ? { ...d, status: i === 0 ? 'pending' : 'running' } : d,
    ) as typeof devices;
    const page = summaryPage(jobCompliance([FLEET], undefined, new Map()), live, {});
    assert.deepEqual(
      { ...page.summary, features: undefined },
      { devices: 4, compliant: 0, drifting: 4, failed: 0, features: undefined },
    );
    assert.equal(page.attention.total, 4);
  });

  it('summarises per feature and pages the devices that need attention', () => {
    const page = manager.complianceSummary(jobId, { offset: 1, limit: 2 });
    assert.deepEqual(
      { ...page.summary, features: undefined },
      { devices: 6, compliant: 0, drifting: 6, failed: 0, features: undefined },
    );
    const interfaces = page.summary.features.find((f) => f.feature === 'interfaces');
    assert.deepEqual(interfaces, {
      feature: 'interfaces',
      title: 'Interfaces',
      devices: 6,
      compliant: 1,
      drifting: 5,
    });
    assert.equal(page.summary.features.at(-1)?.feature, 'other');
    assert.equal(page.attention.total, 6);
    assert.deepEqual(
      page.attention.devices.map((d) => d.device_id),
      ['edge-rtr-02', 'access-sw-03'],
    );
    assert.match(page.feature_set_sha256, /^[0-9a-f]{64}$/);
  });

  it('builds the report with folders as given and paths relative to them, and it survives a reopen', async () => {
    const report = manager.complianceReport(jobId, {
      cwd: REPO_ROOT,
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.devices.map((d) => `${d.folder}/${d.device_id}:${d.status}`),
      [
        'examples/fleet/access-sw-03:drift',
        'examples/fleet/core-rtr-01:drift',
        'examples/fleet/edge-rtr-02:drift',
        'examples/fleet/leaf-101:drift',
        'examples/fleet/leaf-102:drift',
        'examples/fleet/spine-01:drift',
      ],
    );
    const leaf = report.devices.find((d) => d.device_id === 'leaf-101');
    assert.equal(leaf?.intended, 'intended/leaf-101.nxos');
    assert.equal(leaf?.platform, 'cisco_nxos');
    assert.equal(
      manager.complianceReport(jobId).devices[0].folder,
      'fleet',
      'without a cwd: the folder name',
    );

    await manager.close();
    manager = await openManager(store.dir);
    const again = manager.complianceReport(jobId, {
      cwd: REPO_ROOT,
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    assert.deepEqual(again, report);
  });
});

describe('feature sets of a job', () => {
  const dir = tempDir('nr-jobs-features');
  after(() => dir.remove());

  it('applies the setting, and a manifest’s features over it for the platforms it names', async () => {
    const folder = fleetWithFeatures(dir.dir, {
      cisco_ios: [{ name: 'time', title: 'Time', match: [{ startswith: ['ntp ', 'clock '] }] }],
    });
    const manager = await openManager(path.join(dir.dir, 'store-1'), {
      features: {
        cisco_ios: [{ name: 'from-setting', match: [{ startswith: 'ip ssh ' }] }],
        cisco_nxos: [{ name: 'fabric', match: [{ startswith: ['vpc ', 'feature vpc'] }] }],
      },
    });
    try {
      const job = await runJob(manager, [folder]);
      const drifting = Object.fromEntries(
        manager.getDeviceResults(job.job_id).devices.map((d) => [d.device_id, d.compliance?.drifting]),
      );
      assert.deepEqual(drifting['core-rtr-01'], ['time', 'interfaces', 'routing-bgp', 'routing-ospf']);
      assert.deepEqual(drifting['leaf-102'], ['ntp', 'vlans', 'interfaces', 'routing-bgp']);
      const features = manager.complianceSummary(job.job_id).summary.features.map((f) => f.feature);
      assert.ok(features.includes('time') && features.includes('fabric'));
      assert.ok(!features.includes('from-setting'), 'the manifest replaced the setting for cisco_ios');
      const leaf = manager.getDeviceResults(job.job_id).devices.find((d) => d.device_id === 'leaf-101');
      assert.equal(leaf?.compliance?.features[0], 'fabric', 'a new feature is matched first');
    } finally {
      await manager.close();
    }
  });

  it('fails the job when a manifest’s features are invalid, naming the file and the field', async () => {
    const folder = fleetWithFeatures(path.join(dir.dir, 'bad'), {
      cisco_ios: [{ name: 'mgmt', match: [{ re_search: '^ip (ssh' }] }],
    });
    const manager = await openManager(path.join(dir.dir, 'store-2'));
    try {
      const job = await runJob(manager, [folder]);
      assert.equal(job.status, 'failed');
      assert.match(
        job.error ?? '',
        /netremediate\.json: features\.cisco_ios\[0\]\.match\[0\]\.re_search: is not a valid regular expression/,
      );
    } finally {
      await manager.close();
    }
  });

  it('computes nothing when compliance is off, and says so when asked', async () => {
    const manager = await openManager(path.join(dir.dir, 'store-3'), { compliance: false });
    try {
      const job = await runJob(manager, [FLEET]);
      assert.equal(job.completed_devices, 6);
      const devices = manager.getDeviceResults(job.job_id, { include_texts: true }).devices;
      assert.ok(devices.every((d) => d.compliance === undefined && d.feature_compliance === undefined));
      assert.throws(
        () => manager.complianceSummary(job.job_id),
        (e: unknown) =>
          e instanceof JobError && e.code === 'invalid-state' && /without compliance/.test(e.message),
      );
    } finally {
      await manager.close();
    }
  });
});
