/**
 * The commands that start a job: on the workspace, on a folder (quick pick), on the explorer's
 * selection. Each asks for trust, then (optionally) a comment and ticket, sends StartJobRequest and
 * follows the job with a cancellable notification. They return the new job's summary.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  StartJobRequest,
  type JobFile,
  type JobSummary,
  type StartJobParams,
} from '../../../server/src/protocol';
import { jobLabel } from '../jobs/jobFormat';
import { requireTrust, type CommandContext, type CommandFactory } from './commandContext';
import { deviceSource, selectionTargets, workspaceTargets } from './jobTargets';
import { isStartOptions, jobNotes, type StartOptions } from './jobNotes';

async function start(
  ctx: CommandContext,
  title: string,
  params: StartJobParams,
  options: StartOptions | undefined,
): Promise<JobSummary | undefined> {
  const notes = await jobNotes(title, options);
  if (notes === undefined) return undefined;
  const job = await ctx.server.request(StartJobRequest, { ...params, ...notes });
  ctx.log.info(`Started job ${job.job_id} (${job.total_devices} devices): ${jobLabel(job)}`);
  ctx.model.accept(job);
  void ctx.progress.track(job, `Remediation of ${jobLabel(job)}`);
  return job;
}

function noDevicesMessage(where: string): void {
  void vscode.window.showWarningMessage(
    `NetRemediate: no devices in ${where}. Put running configs in running/ and intended configs (same names) in intended/, or list them in a netremediate.json manifest.`,
  );
}

const runOnWorkspace: CommandFactory = (ctx) => async (options?: unknown) => {
  if (!(await requireTrust('Running a remediation job'))) return undefined;
  const { folders, skipped } = await workspaceTargets();
  if (folders.length === 0) {
    noDevicesMessage(
      vscode.workspace.workspaceFolders?.length ? 'the workspace' : 'an empty window (open a folder)',
    );
    return undefined;
  }
  if (skipped.length > 0) ctx.log.info(`Run on workspace: no devices in ${skipped.join(', ')}, skipped`);
  return start(
    ctx,
    'Run Remediation on Workspace',
    { folders },
    isStartOptions(options) ? options : undefined,
  );
};

interface FolderPick extends vscode.QuickPickItem {
  readonly uri: vscode.Uri;
}

function folderUriFrom(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) return vscode.Uri.file(arg);
  if (typeof arg === 'object' && arg !== null && 'uri' in arg && arg.uri instanceof vscode.Uri)
    return arg.uri;
  return undefined;
}

const runOnFolder: CommandFactory = (ctx) => async (folderArg?: unknown, options?: unknown) => {
  if (!(await requireTrust('Running a remediation job'))) return undefined;
  let uri = folderUriFrom(folderArg);
  if (uri === undefined) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      noDevicesMessage('an empty window (open a folder)');
      return undefined;
    }
    const items = await Promise.all(
      folders.map(async (folder): Promise<FolderPick> => {
        const source = await deviceSource(folder.uri);
        return {
          label: `$(root-folder) ${folder.name}`,
          description:
            source === 'manifest'
              ? 'netremediate.json'
              : source === 'convention'
                ? 'running/ + intended/'
                : 'no devices found',
          detail: folder.uri.fsPath,
          uri: folder.uri,
        };
      }),
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Run Remediation on Folder',
      placeHolder: 'Pick the workspace folder whose devices to remediate',
      matchOnDetail: true,
    });
    if (picked === undefined) return undefined;
    uri = picked.uri;
  }
  if ((await deviceSource(uri)) === undefined && !uri.path.endsWith('/netremediate.json')) {
    noDevicesMessage(path.basename(uri.fsPath));
    return undefined;
  }
  return start(
    ctx,
    `Run Remediation on ${path.basename(uri.fsPath)}`,
    { folders: [uri.fsPath] },
    isStartOptions(options) ? options : undefined,
  );
};

/** Two loose files (no running/ or intended/ around them): ask which one is the running config. */
async function pairLooseFiles(files: readonly vscode.Uri[]): Promise<JobFile | undefined> {
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: path.basename(uri.fsPath), description: uri.fsPath, uri })),
    { title: 'Run Remediation on Selected Files', placeHolder: 'Which file is the running config?' },
  );
  if (picked === undefined) return undefined;
  const intended = files.find((f) => f !== picked.uri)!;
  return {
    running: picked.uri.fsPath,
    intended: intended.fsPath,
    folder: vscode.workspace.getWorkspaceFolder(picked.uri)?.uri.fsPath,
  };
}

const runOnFiles: CommandFactory = (ctx) => async (uri?: unknown, uris?: unknown, options?: unknown) => {
  if (!(await requireTrust('Running a remediation job'))) return undefined;
  const given = isStartOptions(options) ? options : isStartOptions(uri) ? uri : undefined;
  let params: StartJobParams;
  if (given?.files && given.files.length > 0) {
    params = { files: given.files.map((f) => ({ ...f })) };
  } else {
    const selection = (
      Array.isArray(uris) && uris.length > 0 ? uris : uri instanceof vscode.Uri ? [uri] : []
    ).filter((u): u is vscode.Uri => u instanceof vscode.Uri);
    if (selection.length === 0) {
      const active = vscode.window.activeTextEditor?.document.uri;
      if (active && active.scheme === 'file') selection.push(active);
    }
    if (selection.length === 0) {
      void vscode.window.showInformationMessage(
        'NetRemediate: select configs or folders in the explorer (or open a config) to run a job on them.',
      );
      return undefined;
    }
    const targets = await selectionTargets(selection);
    if (targets.folders.length === 0 && targets.files.length === 0) {
      if (selection.length === 2 && targets.problems.every((p) => p.includes('not under a running/'))) {
        const pair = await pairLooseFiles(selection);
        if (pair === undefined) return undefined;
        params = { files: [pair] };
      } else {
        void vscode.window.showWarningMessage(`NetRemediate: nothing to run: ${targets.problems.join('; ')}`);
        return undefined;
      }
    } else {
      if (targets.problems.length > 0) {
        void vscode.window.showWarningMessage(
          `NetRemediate: ${targets.problems.length} selected item(s) skipped: ${targets.problems.join('; ')}`,
        );
      }
      params = {
        ...(targets.folders.length > 0 ? { folders: targets.folders } : {}),
        ...(targets.files.length > 0 ? { files: targets.files } : {}),
      };
    }
  }
  const count = (params.files?.length ?? 0) + (params.folders?.length ?? 0);
  return start(
    ctx,
    `Run Remediation on ${count === 1 ? 'Selection' : `${count} Selected Items`}`,
    params,
    given,
  );
};

export const startJobCommands: Readonly<Record<string, CommandFactory>> = {
  'netremediate.runOnWorkspace': runOnWorkspace,
  'netremediate.runOnFolder': runOnFolder,
  'netremediate.runOnFiles': runOnFiles,
};
