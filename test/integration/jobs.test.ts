import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { NetRemediateApi } from '../../client/src/extension';
import type { JobNode, JobsNode } from '../../client/src/jobs/jobsTreeItems';
import type { JobSummary } from '../../server/src/protocol';
import { writeFleet } from '../support/fleetGenerator';
import { extensionApi, workspaceFile } from './support';

/**
 * Resolves with `probe`'s first defined value, probing again on every change of the Jobs view's tree:
 * the test moves on real events, never sleeps. The timer only turns a hang into a readable failure.
 */
function treeUntil<T>(
  api: NetRemediateApi,
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 90_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let probing = false;
    let again = false;
    const finish = (error: unknown, value?: T): void => {
      if (settled) return;
      settled = true;
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(value as T);
    };
    const check = async (): Promise<void> => {
      if (probing) {
        again = true;
        return;
      }
      probing = true;
      try {
        do {
          again = false;
          const value = await probe();
          if (value !== undefined) return finish(undefined, value);
        } while (again && !settled);
      } catch (error) {
        finish(error);
      } finally {
        probing = false;
      }
    };
    const subscription = api.jobs.onDidChangeTree(() => void check());
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    void check();
  });
}

async function rootNodes(api: NetRemediateApi): Promise<JobNode[]> {
  return (await api.jobs.tree.getChildren()).filter((n): n is JobNode => n.kind === 'job');
}

async function jobItem(api: NetRemediateApi, jobId: string): Promise<vscode.TreeItem | undefined> {
  const node = (await rootNodes(api)).find((n) => n.jobId === jobId);
  return node && api.jobs.tree.getTreeItem(node);
}

/** The job's tree item once its status is one of `statuses`. */
function jobItemWhen(
  api: NetRemediateApi,
  jobId: string,
  statuses: JobSummary['status'][],
  extra: (job: JobSummary) => boolean = () => true,
): Promise<{ job: JobSummary; item: vscode.TreeItem }> {
  return treeUntil(api, `job ${jobId} ${statuses.join('/')}`, async () => {
    const item = await jobItem(api, jobId);
    const job = api.jobs.model.job(jobId);
    return item && job && statuses.includes(job.status) && extra(job) ? { job, item } : undefined;
  });
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** A node's children once its devices are in (a job's first expansion shows "Loading…" meanwhile). */
async function childItems(api: NetRemediateApi, node: JobsNode): Promise<[JobsNode, vscode.TreeItem][]> {
  const children = await treeUntil(api, 'the devices of a job', async () => {
    const now = await api.jobs.tree.getChildren(node);
    return now.some((child) => child.kind === 'message') ? undefined : now;
  });
  return children.map((child) => [child, api.jobs.tree.getTreeItem(child)]);
}

function activeDiff(): { label: string; input: vscode.TabInputTextDiff } {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(tab, 'a tab is active');
  assert.ok(tab.input instanceof vscode.TabInputTextDiff, `the active tab "${tab.label}" is a diff editor`);
  return { label: tab.label, input: tab.input };
}

async function text(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uri);
}

describe('NetRemediate jobs in a real VS Code', function () {
  this.timeout(180_000);
  let api: NetRemediateApi;
  let root: vscode.Uri;
  let firstJob: JobSummary;
  const fleetDir = path.join(os.tmpdir(), `nr-long-fleet-${process.pid}`);

  before(async () => {
    api = await extensionApi();
    await api.ready;
    await api.jobs.model.ensureLoaded();
    root = workspaceFile();
    // A long job: 4,000 small devices (a few seconds on one worker), outside the workspace's own fleet.
    fs.rmSync(fleetDir, { recursive: true, force: true });
    writeFleet(fleetDir, { devices: 4000, interfaces: 10, prefix: 'gen-' });
  });

  after(() => fs.rmSync(fleetDir, { recursive: true, force: true }));

  it('runs a job on the workspace by command and shows it, with its devices, in the Jobs view', async () => {
    const started = await vscode.commands.executeCommand<JobSummary>('netremediate.runOnWorkspace', {
      comment: 'integration run',
      ticket_ref: 'CHG-1042',
    });
    assert.ok(started?.job_id, 'the command returns the new job');
    assert.equal(started.comment, 'integration run');
    assert.equal(started.ticket_ref, 'CHG-1042');
    const { job, item } = await jobItemWhen(api, started.job_id, ['completed']);
    firstJob = job;
    assert.equal(labelOf(item), `${path.basename(root.fsPath)} — integration run`);
    assert.equal(item.description, '100% · 4/4 · 1 failed');
    assert.match(String(item.contextValue), /^job completed finished retryable hasFailed hasResults$/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning', 'completed with a failed device');
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /CHG\\-1042/, 'the tooltip names the ticket');
    assert.match(tooltip, /Ran for/);

    const [first, ...rest] = await childItems(api, api.jobs.tree.jobNode(job.job_id));
    assert.equal(labelOf(first[1]), 'wan-rtr-04', 'the failed device comes first');
    assert.match(String(first[1].description), /running\/wan-rtr-04\.cfg:13: This banner is never closed/);
    assert.equal((first[1].iconPath as vscode.ThemeIcon).id, 'error');
    const byName = new Map(rest.map(([, i]) => [labelOf(i), i]));
    assert.deepEqual([...byName.keys()].sort(), ['access-sw-03', 'core-sw-02', 'edge-rtr-01']);
    assert.equal(byName.get('edge-rtr-01')?.description, '+3 −2 ~1');
    assert.equal(byName.get('core-sw-02')?.description, '+5 −0 ~2');
    assert.equal(byName.get('access-sw-03')?.description, '+0 −0');
    assert.equal(
      labelOf(rest[rest.length - 1][1]),
      'access-sw-03',
      'a device with nothing to change comes last',
    );
    assert.equal(byName.get('edge-rtr-01')?.contextValue, 'device success reviewable');
  });

  it('shows the compliance of the job by feature, opens a review scoped to a drifting feature, and the report', async () => {
    const view = api.compliance.view;
    await view.showJob(firstJob.job_id);
    const tree = view.tree;
    const table = tree.getChildren().map((node) => {
      const item = tree.getTreeItem(node);
      return `${String(item.label)}: ${String(item.description)}`;
    });
    assert.deepEqual(table, [
      'Hostname: 100% compliant · 0 devices drift',
      'NTP and clock: 0% compliant · 1 device drifts',
      'Logging: 0% compliant · 1 device drifts',
      'SNMP: 0% compliant · 1 device drifts',
      'VLANs and spanning tree: 50% compliant · 1 device drifts',
      'Interfaces: 33% compliant · 2 devices drift',
      'Routing: OSPF: 100% compliant · 0 devices drift',
      'Access lists: 0% compliant · 1 device drifts',
      'Lines (console, vty): 100% compliant · 0 devices drift',
      'Other: 100% compliant · 0 devices drift',
      'Failed devices: 1 could not be checked',
    ]);
    assert.equal(view.treeView.message, '1 of 4 devices compliant · 2 drift · 1 failed');
    const ntp = tree.getChildren().find((n) => n.kind === 'feature' && n.feature.feature === 'ntp');
    assert.ok(ntp);
    const devices = tree.getChildren(ntp);
    assert.deepEqual(
      devices.map((n) => String(tree.getTreeItem(n).label)),
      ['edge-rtr-01'],
    );
    const command = tree.getTreeItem(devices[0]).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const diff = activeDiff();
    assert.equal(diff.label, 'edge-rtr-01 · ntp: running ↔ after remediation');
    assert.equal(
      (await text(diff.input.original)).getText(),
      'ntp server 10.0.5.1 prefer\nntp server 10.0.5.2\n',
    );
    assert.equal(
      (await text(diff.input.modified)).getText(),
      'ntp server 10.0.5.1 prefer\nntp server 10.0.6.1\n',
    );

    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(
      'netremediate.showComplianceReport',
      firstJob.job_id,
    );
    assert.ok(panel, 'the report opened');
    // Attribute quotes are written as entities; the policy names the webview's own source only.
    const html = panel.webview.html.replace(/&#39;/g, "'");
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; style-src .*'nonce-[^']+'; script-src 'nonce-[^']+';/);
    assert.doesNotMatch(html.replace(csp, ''), /https?:\/\//, 'nothing remote outside the policy');
    assert.match(html, /<svg[^>]*>[\s\S]*NTP and clock/);
    assert.match(html, /command:netremediate\.reviewFeature\?/);
    panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens Review Remediation and Review Rollback as diffs in the device language, and walks to the next device', async () => {
    const node = api.jobs.tree.deviceNode(firstJob.job_id, root.fsPath, 'edge-rtr-01');
    const running = fs.readFileSync(path.join(root.fsPath, 'running', 'edge-rtr-01.cfg'), 'utf8');

    await vscode.commands.executeCommand('netremediate.reviewRemediation', node);
    const remediation = activeDiff();
    assert.equal(remediation.label, 'edge-rtr-01: running ↔ after remediation');
    const left = await text(remediation.input.original);
    const right = await text(remediation.input.modified);
    // Both sides are rendered from trees: the file's headers and `!` lines are not shown as removed,
    // so the diff holds exactly what the remediation changes.
    const before = left.getText();
    assert.ok(running.startsWith('Building configuration...'), 'the file as printed has its header');
    assert.doesNotMatch(
      before,
      /^(Building configuration|Current configuration|!)/m,
      'left: running, rendered',
    );
    assert.equal(left.languageId, 'cisco-ios');
    assert.equal(right.languageId, 'cisco-ios');
    const after = right.getText();
    const beforeLines = new Set(before.split('\n'));
    const afterLines = new Set(after.split('\n'));
    assert.deepEqual(
      [...beforeLines].filter((l) => !afterLines.has(l)).sort(),
      [' description WAN uplink to ISP-A', 'logging host 10.0.5.20', 'ntp server 10.0.5.2'],
      'left only: what the remediation removes or overwrites',
    );
    assert.deepEqual(
      [...afterLines].filter((l) => !beforeLines.has(l)).sort(),
      [
        ' 25 permit icmp any any packet-too-big',
        ' description WAN uplink to ISP-A (circuit 4411-220)',
        'logging host 10.0.5.21',
        'ntp server 10.0.6.1',
      ],
      'right only: what the remediation adds',
    );
    for (const line of [
      'ntp server 10.0.6.1',
      'logging host 10.0.5.21',
      ' 25 permit icmp any any packet-too-big',
    ]) {
      assert.ok(after.split('\n').includes(line), `right side has \`${line}\``);
    }
    for (const line of ['ntp server 10.0.5.2', 'logging host 10.0.5.20']) {
      assert.ok(!after.split('\n').includes(line), `right side no longer has \`${line}\``);
    }
    assert.ok(after.includes('description WAN uplink to ISP-A (circuit 4411-220)'));

    await vscode.commands.executeCommand('netremediate.reviewRollback');
    const rollback = activeDiff();
    assert.equal(rollback.label, 'edge-rtr-01: after remediation ↔ after rollback');
    assert.equal((await text(rollback.input.original)).getText(), after, 'left: the predicted config');
    assert.equal((await text(rollback.input.modified)).getText(), before, 'right: back to running');

    await vscode.commands.executeCommand('netremediate.reviewRemediation');
    await vscode.commands.executeCommand('netremediate.nextDevice');
    const next = activeDiff();
    assert.match(next.label, /^core-sw-02: running ↔ after remediation$/);
    assert.equal(api.jobs.review.current?.ref.device_id, 'core-sw-02');

    // The running config changes after the job: the review says so in its title.
    const coreRunning = path.join(root.fsPath, 'running', 'core-sw-02.cfg');
    const original = fs.readFileSync(coreRunning, 'utf8');
    fs.writeFileSync(
      coreRunning,
      original.replace('snmp-server location', 'snmp-server contact noc\nsnmp-server location'),
    );
    await vscode.commands.executeCommand('netremediate.reviewRemediation', {
      job_id: firstJob.job_id,
      folder: root.fsPath,
      device_id: 'core-sw-02',
    });
    assert.equal(activeDiff().label, 'core-sw-02: running (changed since the job) ↔ after remediation');
    fs.writeFileSync(coreRunning, original);

    await vscode.commands.executeCommand('netremediate.openRemediationScript', node);
    const script = vscode.window.activeTextEditor?.document;
    assert.ok(script, 'the script is open');
    assert.equal(script.uri.scheme, 'netremediate-review');
    assert.equal(script.languageId, 'cisco-ios');
    assert.ok(script.getText().split('\n').includes('ntp server 10.0.6.1'));
    const copied = await vscode.commands.executeCommand<string>('netremediate.copyRemediation', node);
    assert.equal(copied, script.getText());
    assert.equal(await vscode.env.clipboard.readText(), script.getText());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('retries the failed devices once the broken backup is fixed', async () => {
    const broken = vscode.Uri.joinPath(root, 'running', 'wan-rtr-04.cfg');
    const fixed = fs
      .readFileSync(path.join(root.fsPath, 'intended', 'wan-rtr-04.cfg'), 'utf8')
      .replace('logging host 10.0.5.21', 'logging host 10.0.5.20');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(fixed));
    const retry = await vscode.commands.executeCommand<JobSummary>('netremediate.retryFailed', {
      job_id: firstJob.job_id,
    });
    assert.ok(retry?.job_id);
    assert.equal(retry.retry_of, firstJob.job_id);
    assert.equal(retry.total_devices, 1);
    const { item } = await jobItemWhen(api, retry.job_id, ['completed']);
    assert.equal(item.description, '100% · 1/1');
    assert.equal(
      labelOf(item),
      `${path.basename(root.fsPath)} — integration run`,
      'the retry keeps the comment',
    );
    const [[, device]] = await childItems(api, api.jobs.tree.jobNode(retry.job_id));
    assert.equal(labelOf(device), 'wan-rtr-04');
    assert.equal(device.description, '+1 −1');
    const ids = (await rootNodes(api)).map((n) => n.jobId);
    assert.deepEqual(ids.slice(0, 2), [retry.job_id, firstJob.job_id], 'newest first');
  });

  it('runs on selected files, pairing running/ with intended/, and groups a job of two folders by folder', async () => {
    const one = await vscode.commands.executeCommand<JobSummary>(
      'netremediate.runOnFiles',
      vscode.Uri.joinPath(root, 'running', 'edge-rtr-01.cfg'),
      [
        vscode.Uri.joinPath(root, 'running', 'edge-rtr-01.cfg'),
        vscode.Uri.joinPath(root, 'intended', 'core-sw-02.cfg'),
      ],
      { comment: 'two files' },
    );
    const { item } = await jobItemWhen(api, one.job_id, ['completed']);
    assert.equal(item.description, '100% · 2/2');
    const devices = (await childItems(api, api.jobs.tree.jobNode(one.job_id))).map(([, i]) => labelOf(i));
    assert.deepEqual(devices.sort(), ['core-sw-02', 'edge-rtr-01']);

    const branch = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-branch-'));
    writeFleet(branch, { devices: 3, interfaces: 2, prefix: 'br-' });
    const both = await vscode.commands.executeCommand<JobSummary>(
      'netremediate.runOnFiles',
      root,
      [root, vscode.Uri.file(branch)],
      {},
    );
    await jobItemWhen(api, both.job_id, ['completed']);
    const folders = await childItems(api, api.jobs.tree.jobNode(both.job_id));
    assert.deepEqual(
      folders.map(([n, i]) => [n.kind, labelOf(i)]),
      [
        ['folder', path.basename(root.fsPath)],
        ['folder', path.basename(branch)],
      ],
    );
    assert.equal(folders[1][1].description, '3 devices');
    const branchDevices = await childItems(api, folders[1][0]);
    assert.deepEqual(branchDevices.map(([, i]) => labelOf(i)).sort(), ['br-1', 'br-2', 'br-3']);
    fs.rmSync(branch, { recursive: true, force: true });

    // Exported, a job of two folders puts each folder's scripts in a folder of its own.
    const target = vscode.Uri.joinPath(root, 'exports', 'two folders');
    await vscode.commands.executeCommand('netremediate.exportResults', both, target);
    for (const file of [
      ['remediation', path.basename(root.fsPath), 'edge-rtr-01.cfg'],
      ['rollback', path.basename(branch), 'br-2.cfg'],
      ['report.json'],
    ]) {
      assert.ok(fs.existsSync(path.join(target.fsPath, ...file)), file.join('/'));
    }
  });

  it('cancels a long job: finished devices kept, the rest cancelled', async () => {
    const long = await vscode.commands.executeCommand<JobSummary>(
      'netremediate.runOnFolder',
      vscode.Uri.file(fleetDir),
      { comment: 'long job' },
    );
    assert.equal(long.total_devices, 4000);
    await jobItemWhen(api, long.job_id, ['running'], (job) => job.progress > 0);
    const cancelled = await vscode.commands.executeCommand<JobSummary>('netremediate.cancelJob', {
      job_id: long.job_id,
    });
    assert.ok(cancelled, 'the cancel request answered');
    const { job, item } = await jobItemWhen(api, long.job_id, ['cancelled']);
    assert.ok(job.cancelled_devices > 0, 'unfinished devices are cancelled');
    assert.ok(job.completed_devices > 0, 'finished devices are kept');
    assert.match(String(item.description), /^cancelled · \d+% · \d+\/4000$/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-slash');
    assert.match(String(item.contextValue), /\bfinished\b/);
    // Its first page of devices, then "Show more…".
    const page = await childItems(api, api.jobs.tree.jobNode(long.job_id));
    assert.equal(page.length, 201);
    const [more, moreItem] = page[200];
    assert.equal(more.kind, 'more');
    assert.equal(labelOf(moreItem), 'Show 200 more…');
    await vscode.commands.executeCommand('netremediate.jobs.showMore', more);
    assert.equal((await childItems(api, api.jobs.tree.jobNode(long.job_id))).length, 401);
  });

  it('keeps every job across a server restart; a job that was running comes back interrupted and resumes', async () => {
    const long = await vscode.commands.executeCommand<JobSummary>(
      'netremediate.runOnFolder',
      vscode.Uri.file(fleetDir),
      { comment: 'interrupted job' },
    );
    await jobItemWhen(api, long.job_id, ['running'], (job) => job.progress > 0);
    const before = (await rootNodes(api)).map((n) => n.jobId);
    const pid = (await api.serverInfo()).pid;

    await vscode.commands.executeCommand('netremediate.restartServer');
    await api.ready;
    await api.jobs.model.loaded;
    assert.notEqual((await api.serverInfo()).pid, pid, 'a new server answers');
    assert.deepEqual(
      (await rootNodes(api)).map((n) => n.jobId),
      before,
      'the same jobs, newest first',
    );
    const { item } = await jobItemWhen(api, long.job_id, ['interrupted']);
    assert.match(String(item.contextValue), /\bresumable\b/);
    assert.match(String(item.description), /^interrupted · /);

    const resumed = await vscode.commands.executeCommand<JobSummary>('netremediate.resumeJob', {
      job_id: long.job_id,
    });
    assert.equal(resumed?.job_id, long.job_id, 'resume continues the same job');
    const done = await jobItemWhen(api, long.job_id, ['completed']);
    assert.equal(done.job.completed_devices, 4000);
    assert.equal(done.item.description, '100% · 4000/4000');
  });

  it('lists the worker pool and the server status', async () => {
    await api.jobs.refreshWorkers();
    const pool = api.jobs.workers.pool;
    assert.ok(pool && pool.max_workers >= 1, 'the pool answers');
    for (const node of api.jobs.workers.getChildren()) {
      const item = api.jobs.workers.getTreeItem(node);
      assert.match(labelOf(item), /^Worker \d+$/);
      assert.match(String(item.description), /\d+ done/);
    }
    const status = await vscode.commands.executeCommand<{ jobs: Record<string, number> }>(
      'netremediate.showServerStatus',
      { show: false },
    );
    assert.ok(status.jobs.completed >= 4 && status.jobs.cancelled >= 1, JSON.stringify(status.jobs));
  });

  it('exports scripts and the report into a workspace folder, and refuses a folder outside it', async () => {
    const target = vscode.Uri.joinPath(root, 'exports', 'first run');
    const summary = await vscode.commands.executeCommand<{ scripts: number; devices: number }>(
      'netremediate.exportResults',
      { job_id: firstJob.job_id },
      target,
    );
    assert.equal(summary.devices, 4);
    assert.equal(summary.scripts, 6, 'two scripts per computed device');
    const read = (...p: string[]) => fs.readFileSync(path.join(target.fsPath, ...p), 'utf8');
    assert.ok(read('remediation', 'edge-rtr-01.cfg').split('\n').includes('ntp server 10.0.6.1'));
    assert.ok(read('rollback', 'edge-rtr-01.cfg').split('\n').includes('ntp server 10.0.5.2'));
    assert.equal(read('remediation', 'access-sw-03.cfg'), '');
    assert.ok(
      !fs.existsSync(path.join(target.fsPath, 'remediation', 'wan-rtr-04.cfg')),
      'no script for a failed device',
    );
    const report = JSON.parse(read('report.json'));
    assert.equal(report.job_id, firstJob.job_id);
    assert.equal(report.results.length, 4);
    assert.equal(report.summary.failed, 1);

    // A device id that would climb out of the folder is written under a sanitised name inside it.
    const sneaky = await vscode.commands.executeCommand<JobSummary>(
      'netremediate.runOnFiles',
      undefined,
      undefined,
      {
        files: [
          {
            running: path.join(root.fsPath, 'running', 'access-sw-03.cfg'),
            intended: path.join(root.fsPath, 'intended', 'access-sw-03.cfg'),
            device_id: '../../escaped',
            folder: root.fsPath,
          },
        ],
      },
    );
    await jobItemWhen(api, sneaky.job_id, ['completed']);
    const sneakyTarget = vscode.Uri.joinPath(root, 'exports', 'sneaky');
    await vscode.commands.executeCommand('netremediate.exportResults', sneaky, sneakyTarget);
    assert.deepEqual(fs.readdirSync(path.join(sneakyTarget.fsPath, 'remediation')), ['__.._escaped.cfg']);
    assert.ok(!fs.existsSync(path.join(root.fsPath, 'escaped.cfg')));
    assert.ok(!fs.existsSync(path.join(root.fsPath, 'exports', 'escaped.cfg')));

    const outside = path.join(os.tmpdir(), `nr-outside-${process.pid}`);
    const refused = await vscode.commands.executeCommand(
      'netremediate.exportResults',
      firstJob,
      vscode.Uri.file(outside),
    );
    assert.equal(refused, undefined);
    assert.ok(!fs.existsSync(outside), 'nothing written outside the workspace');
  });

  it('filters the Jobs view by status, deletes a job and clears the finished ones', async () => {
    await vscode.commands.executeCommand('netremediate.jobs.filter', 'cancelled');
    const cancelled = await rootNodes(api);
    assert.ok(cancelled.length >= 1);
    assert.ok(cancelled.every((n) => api.jobs.model.job(n.jobId)?.status === 'cancelled'));
    await vscode.commands.executeCommand('netremediate.jobs.clearFilter');

    const all = await rootNodes(api);
    const deleted = await vscode.commands.executeCommand<boolean>('netremediate.deleteJob', {
      job_id: firstJob.job_id,
    });
    assert.equal(deleted, true);
    await treeUntil(api, 'the deleted job gone', async () =>
      (await rootNodes(api)).every((n) => n.jobId !== firstJob.job_id) ? true : undefined,
    );
    const cleared = await vscode.commands.executeCommand<number>('netremediate.clearFinishedJobs', {
      confirm: false,
    });
    assert.equal(cleared, all.length - 1);
    await treeUntil(api, 'an empty Jobs view', async () =>
      (await rootNodes(api)).length === 0 ? true : undefined,
    );
  });
});
