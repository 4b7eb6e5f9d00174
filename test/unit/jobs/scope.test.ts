/**
 * Scope in jobs (issue #9): from a folder's manifest or the setting (the manifest wins), carried to the
 * workers, stored with the job (retries and reviews use it), counted as unmanaged drift per device, and
 * agreed on by the compliance report.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { validateManifest } from '../../../server/src/jobs/manifest';
import { renderComplianceReport } from '../../../server/src/protocol/complianceRender';
import type { JobManager } from '../../../server/src/jobs';
import { validateComplianceReport } from '../complianceReport/validators';
import { tempDir } from '../../support/fleetGenerator';
import { openManager } from '../../support/fleetHarness';
import { fixturePath } from '../../support/paths';

/** A manifest with scope {manage: ntp, snmp, logging; ignore: credentials}, over the full running config. */
const SCOPED = fixturePath('scope');

async function run(manager: JobManager, targets: string[]) {
  const started = await manager.startJob({ targets });
  return manager.waitForJob(started.job_id);
}

const KINDS = ['differs', 'intended-only', 'running-only'];

/** The fixture pair as a running/ + intended/ folder without a manifest (the setting's scope applies). */
function conventionCopy(dir: string): string {
  const folder = path.join(dir, 'convention');
  for (const side of ['running', 'intended']) {
    fs.mkdirSync(path.join(folder, side), { recursive: true });
    fs.copyFileSync(path.join(SCOPED, side, 'br-rtr-11.cfg'), path.join(folder, side, 'br-rtr-12.cfg'));
  }
  return folder;
}

describe('scope in a job', () => {
  const store = tempDir('nr-jobs-scope');
  let manager: JobManager;
  let jobId: string;
  let convention: string;
  before(async () => {
    convention = conventionCopy(store.dir);
    manager = await openManager(path.join(store.dir, 'store'), {
      scope: { manage: { features: ['ntp'] } },
    });
    const job = await run(manager, [SCOPED, convention]);
    assert.equal(job.status, 'completed', job.error);
    jobId = job.job_id;
  });
  after(async () => {
    await manager.close();
    store.remove();
  });

  it('remediates only within each folder’s scope: the manifest’s, else the setting’s', () => {
    const devices = manager.getDeviceResults(jobId, { include_texts: true }).devices;
    const byId = Object.fromEntries(devices.map((d) => [d.device_id, d]));
    const manifestScoped = byId['br-rtr-11'];
    assert.equal(manifestScoped.status, 'success', manifestScoped.error);
    assert.equal(manifestScoped.verified, true);
    const script = manifestScoped.remediation ?? '';
    assert.match(script, /^ntp server 10\.9\.0\.3$/m);
    assert.match(script, /^snmp-server community fleet-ro RO SNMP-RO$/m);
    assert.match(script, /^logging console warnings$/m);
    assert.doesNotMatch(script, /hostname|interface|router|username|aaa|banner|line /);
    // The setting manages ntp only: logging and snmp are unmanaged for the convention folder's device.
    const settingScoped = byId['br-rtr-12'];
    assert.equal(settingScoped.remediation, 'no ntp server 10.9.0.2\nntp server 10.9.0.3\n');
    assert.equal(settingScoped.rollback, 'no ntp server 10.9.0.3\nntp server 10.9.0.2\n');
  });

  it('stores each device’s unmanaged drift: a count in the summary, the first sections in the texts', () => {
    const devices = manager.getDeviceResults(jobId, { include_texts: true }).devices;
    const byId = Object.fromEntries(devices.map((d) => [d.device_id, d]));
    assert.equal(byId['br-rtr-11'].unmanaged_drift, 32);
    assert.equal(byId['br-rtr-11'].unmanaged_sections?.length, 32);
    assert.ok(byId['br-rtr-11'].unmanaged_sections?.some((s) => s.text === 'router bgp 65011'));
    // ntp only: the 5 logging/snmp/timestamps lines running has and the 6 the template has are unmanaged too.
    assert.equal(byId['br-rtr-12'].unmanaged_drift, 32 + 11);
    const summaryOnly = manager.getDeviceResults(jobId).devices.find((d) => d.device_id === 'br-rtr-11');
    assert.equal(summaryOnly?.unmanaged_drift, 32, 'the count is in the in-memory summary');
    // The jobs tree's tooltip: a few sections in the summary, the telling ones first.
    assert.deepEqual(
      summaryOnly?.unmanaged_preview?.map((s) => s.text),
      byId['br-rtr-11'].unmanaged_sections?.slice(0, 5).map((s) => s.text),
      'all running-only: the first five, in running order',
    );
    const preview = manager
      .getDeviceResults(jobId)
      .devices.find((d) => d.device_id === 'br-rtr-12')?.unmanaged_preview;
    assert.equal(preview?.length, 5);
    assert.deepEqual(
      preview?.map((s) => s.kind),
      [...(preview ?? [])].map((s) => s.kind).sort((a, b) => KINDS.indexOf(a) - KINDS.indexOf(b)),
    );
    assert.notEqual(preview?.[0].kind, 'running-only', 'the sections both configs have come first');
  });

  it('the compliance report lists only the managed features, and the drift outside as unmanaged', () => {
    const report = manager.complianceReport(jobId, { cwd: store.dir });
    const validation = validateComplianceReport(report);
    assert.ok(validation.valid, validation.errors);
    const byId = Object.fromEntries(report.devices.map((d) => [d.device_id, d]));
    const scoped = byId['br-rtr-11'];
    assert.equal(scoped.status, 'drift');
    assert.deepEqual(scoped.features.map((f) => f.feature).sort(), ['logging', 'ntp', 'snmp']);
    assert.ok(scoped.features.every((f) => !f.compliant));
    assert.equal(scoped.unmanaged_drift, 32);
    // The sections travel with the count, so every format can list them.
    const texts = manager.getDeviceResults(jobId, { include_texts: true }).devices;
    const stored = texts.find((d) => d.device_id === 'br-rtr-11')?.unmanaged_sections;
    assert.equal(stored?.length, 32);
    assert.deepEqual(scoped.unmanaged_sections, stored);
    assert.deepEqual(
      byId['br-rtr-12'].features.map((f) => f.feature),
      ['ntp'],
    );
    assert.equal(report.summary.unmanaged_drift_devices, 2);
    const hostname = report.summary.features.find((f) => f.feature === 'hostname');
    assert.equal(hostname?.devices, 0, 'hostname differs, outside the scope: not a feature of any device');
    assert.match(
      renderComplianceReport(report, 'text'),
      /^2 devices with unmanaged drift \(sections outside the scope that differ; not counted as drift\)$/m,
    );
  });

  it('a review shows the whole device: running as it is, and with the scoped remediation applied', async () => {
    const review = await manager.reviewDocuments(jobId, SCOPED, 'br-rtr-11');
    assert.ok(review?.running_rendered !== undefined && review.device.predicted !== undefined);
    assert.match(review.running_rendered, /^router bgp 65011$/m);
    assert.match(review.device.predicted, /^router bgp 65011$/m, 'unmanaged sections stay');
    assert.match(review.device.predicted, /^ntp server 10\.9\.0\.3$/m);
    assert.doesNotMatch(review.device.predicted, /^ntp server 10\.9\.0\.2$/m);
    assert.equal(review.after_rollback, review.running_rendered);
  });
});

describe('a job keeps its scope in its journal', () => {
  const store = tempDir('nr-jobs-scope-reopen');
  after(() => store.remove());

  it('reopened without any scope setting, its reviews still work within the folder’s scope', async () => {
    const dir = path.join(store.dir, 'store');
    const first = await openManager(dir, { scope: { manage: { features: ['ntp'] } } });
    const convention = conventionCopy(store.dir);
    const job = await run(first, [convention]);
    await first.close();
    const second = await openManager(dir);
    try {
      const review = await second.reviewDocuments(job.job_id, convention, 'br-rtr-12');
      const predicted = review?.device.predicted ?? '';
      assert.match(predicted, /^ntp server 10\.9\.0\.3$/m);
      assert.match(predicted, /^logging buffered 32000$/m, 'logging is outside the job’s scope: unchanged');
      assert.equal(review?.device.unmanaged_drift, 43);
    } finally {
      await second.close();
    }
  });
});

describe('scope problems stop the job, naming the field', () => {
  const store = tempDir('nr-jobs-scope-bad');
  after(() => store.remove());

  it('an invalid setting scope: no job runs, and a warning names the field', async () => {
    const warnings: string[] = [];
    const manager = await openManager(path.join(store.dir, 'a'), {
      scope: { ignore: [{ preset: 'users' }] },
      onWarning: (m) => warnings.push(m),
    });
    try {
      const job = await run(manager, [SCOPED]);
      assert.equal(job.status, 'failed');
      assert.match(job.error ?? '', /netremediate\.scope\.ignore\[0\]\.preset: expected one of credentials/);
      assert.ok(warnings.some((w) => w.includes('netremediate.scope.ignore[0].preset')));
    } finally {
      await manager.close();
    }
  });

  it('a manifest scope naming an unknown feature: the job fails naming the manifest and the field', async () => {
    const folder = path.join(store.dir, 'typo');
    fs.cpSync(SCOPED, folder, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'netremediate.json'), 'utf8'));
    manifest.scope = { manage: { features: ['ntp', 'snpm'] } };
    fs.writeFileSync(path.join(folder, 'netremediate.json'), JSON.stringify(manifest));
    const manager = await openManager(path.join(store.dir, 'b'), { compliance: false });
    try {
      const job = await run(manager, [folder]);
      assert.equal(job.status, 'failed');
      assert.match(
        job.error ?? '',
        /netremediate\.json: scope\.manage\.features\[1\]: unknown feature "snpm"/,
      );
    } finally {
      await manager.close();
    }
  });

  it('without compliance (a batch), manage.features still resolve: the workers get the feature sets', async () => {
    const manager = await openManager(path.join(store.dir, 'c'), { compliance: false });
    try {
      const job = await run(manager, [SCOPED]);
      assert.equal(job.status, 'completed');
      const [device] = manager.getDeviceResults(job.job_id, { include_texts: true }).devices;
      assert.equal(device.compliance, undefined);
      assert.match(device.remediation ?? '', /^ntp server 10\.9\.0\.3$/m);
      assert.doesNotMatch(device.remediation ?? '', /hostname|router bgp/);
      assert.equal(device.unmanaged_drift, 32);
    } finally {
      await manager.close();
    }
  });
});

describe('the manifest’s scope field', () => {
  const devices = [{ device_id: 'r1', running: 'running/r1.cfg', intended: 'intended/r1.cfg' }];

  it('is validated, each problem naming its field', () => {
    const { problems, scope } = validateManifest({
      devices,
      scope: { manage: { features: ['ntp'], lineage: [] }, ignore: [{ lineage: [{ re_search: '(' }] }] },
    });
    assert.equal(scope, undefined);
    assert.deepEqual(
      problems.map((p) => p.field),
      ['scope.manage.lineage', 'scope.ignore[0].lineage[0].re_search'],
    );
  });

  it('comes back when valid; a manifest without one has none', () => {
    const scope = { manage: { features: ['ntp'] }, ignore: [{ preset: 'licensing' }] };
    assert.deepEqual(validateManifest({ devices, scope }).scope, scope);
    assert.equal(validateManifest({ devices }).scope, undefined);
    assert.deepEqual(validateManifest({ devices, scope }).problems, []);
  });
});
