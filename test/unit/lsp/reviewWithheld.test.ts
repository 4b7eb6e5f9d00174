/**
 * The editor's scripts go through the same framing as the CLI's (docs/safe-apply.md): with frame `none`
 * (the `netremediate.frame` default, or no frame in a review request) the review's remediation and
 * rollback documents show a withheld comment in place of each line that makes the device ask, a review
 * focused on a feature too; `netremediate/deviceResults` without a frame serves the stored texts.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DeviceResultsRequest,
  JobChangedNotification,
  ReviewDocumentsRequest,
  StartJobRequest,
  type JobSummary,
  type ReviewParams,
} from '../../../server/src/protocol';
import { tempDir } from '../../support/fleetGenerator';
import { startLspSession, type LspSession } from '../../support/lspClient';
import { REPO_ROOT } from '../../support/paths';

const FLEET = path.join(REPO_ROOT, 'test', 'fixtures', 'frames', 'withhold');
const TRUSTPOINT =
  /^! netremediate: withheld, the device asks "Are you sure you want to do this\? \[yes\/no\]": no crypto pki trustpoint TP-OLD-CA \(apply with --frame terminal\|replace, docs\/safe-apply\.md\)$/m;

function waitFinished(session: LspSession, jobId: string): Promise<JobSummary> {
  return new Promise((resolve) => {
    session.connection.onNotification(JobChangedNotification, (event) => {
      if (event.job.job_id === jobId && ['completed', 'failed', 'cancelled'].includes(event.job.status))
        resolve(event.job);
    });
  });
}

describe('review documents withhold prompting lines without a frame', () => {
  const store = tempDir('nr-lsp-withheld');
  let session: LspSession;
  let jobId: string;
  const review = (params: Partial<ReviewParams> = {}) =>
    session.connection.sendRequest(ReviewDocumentsRequest, {
      job_id: jobId,
      folder: FLEET,
      device_id: 'edge-rtr-12',
      ...params,
    });
  before(async () => {
    session = await startLspSession(REPO_ROOT, { initializationOptions: { storagePath: store.dir } });
    const started = await session.connection.sendRequest(StartJobRequest, { folders: [FLEET] });
    jobId = started.job_id;
    assert.equal((await waitFinished(session, jobId)).status, 'completed');
  });
  after(async () => {
    await session.close();
    store.remove();
  });

  it('frame none, or none given: the script documents show the comments, the diff sides are unchanged', async () => {
    for (const frame of [undefined, 'none'] as const) {
      const documents = await review(frame === undefined ? {} : { frame });
      const device = documents?.device;
      assert.ok(device, String(frame));
      assert.match(device.remediation ?? '', TRUSTPOINT, String(frame));
      assert.match(device.remediation ?? '', /^ ! netremediate: withheld, .*: no certificate 4B /m);
      assert.match(device.rollback ?? '', /^ ! netremediate: withheld, .*: no certificate 5C /m);
      assert.doesNotMatch(device.remediation ?? '', /^\s*no (crypto|username|certificate)/m);
      assert.deepEqual(
        device.withheld_lines?.map((p) => `${p.script}:${p.line}`),
        ['remediation:1', 'remediation:2', 'remediation:3', 'remediation:5', 'rollback:18'],
      );
      // The predicted config is what the whole remediation does: the review's right side.
      assert.doesNotMatch(device.predicted ?? '', /TP-OLD-CA|contractor-acme/);
    }
  });

  it('a frame sends them with their answers', async () => {
    const device = (await review({ frame: 'terminal' }))?.device;
    assert.match(device?.remediation ?? '', /^no crypto pki trustpoint TP-OLD-CA\nyes$/m);
    assert.deepEqual(device?.withheld_lines, []);
  });

  it("a review focused on a feature withholds from that feature's part", async () => {
    const device = (await review({ feature: 'crypto', frame: 'none' }))?.device;
    assert.match(device?.remediation ?? '', TRUSTPOINT);
    assert.doesNotMatch(device?.remediation ?? '', /contractor-acme/, 'users are another feature');
    assert.deepEqual(
      device?.withheld_lines?.map((p) => p.command),
      [
        'no crypto pki trustpoint TP-OLD-CA',
        'no crypto pki certificate chain TP-OLD-CA',
        'no certificate 4B',
        'no certificate 5C',
      ],
    );
  });

  it('deviceResults: frame none withholds; no frame is the data as the job stored it', async () => {
    const query = { job_id: jobId, include_texts: true } as const;
    const stored = await session.connection.sendRequest(DeviceResultsRequest, query);
    const bare = stored.devices.find((d) => d.device_id === 'edge-rtr-12');
    assert.match(bare?.remediation ?? '', /^no crypto pki trustpoint TP-OLD-CA$/m);
    assert.equal(bare?.withheld_lines, undefined);
    assert.equal(bare?.needs_confirmation, true);
    const none = await session.connection.sendRequest(DeviceResultsRequest, { ...query, frame: 'none' });
    const printed = none.devices.find((d) => d.device_id === 'edge-rtr-12');
    assert.match(printed?.remediation ?? '', TRUSTPOINT);
    assert.equal(printed?.withheld_lines?.length, 5);
    assert.deepEqual(none.devices.find((d) => d.device_id === 'edge-rtr-13')?.withheld_lines, []);
  });
});
