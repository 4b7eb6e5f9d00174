/**
 * Export Results…: pick a finished job (or take it as the first argument), pick a folder inside the
 * workspace (or take a URI as the second argument — code-server's dialogs are not scriptable), write.
 */
import * as vscode from 'vscode';
import { exportJobResults, type ExportSummary } from '../export/exportResults';
import { frameSetting } from '../frameSetting';
import { jobLabel } from '../jobs/jobFormat';
import { isFinished } from '../jobs/jobModel';
import { requireTrust, type CommandFactory } from './commandContext';
import { pickJob } from './pickers';

function targetFrom(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) return vscode.Uri.file(arg);
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export const exportResults: CommandFactory =
  (ctx) =>
  async (jobArg?: unknown, targetArg?: unknown): Promise<ExportSummary | undefined> => {
    if (!(await requireTrust('Exporting results'))) return undefined;
    const job = await pickJob(ctx, jobArg, {
      title: 'Export Results',
      accept: (j) => isFinished(j) && j.completed_devices > 0,
      none: 'no finished job has results to export.',
    });
    if (job === undefined) return undefined;
    let target = targetFrom(targetArg);
    if (target === undefined) {
      const picked = await vscode.window.showOpenDialog({
        title: `Export Results of ${jobLabel(job)}`,
        openLabel: 'Export Here',
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      });
      target = picked?.[0];
      if (target === undefined) return undefined;
      if (await exists(vscode.Uri.joinPath(target, 'report.json'))) {
        const overwrite = await vscode.window.showWarningMessage(
          `${target.fsPath} holds exported results already. Overwrite them?`,
          { modal: true },
          'Overwrite',
        );
        if (overwrite !== 'Overwrite') return undefined;
      }
    }
    if (vscode.workspace.getWorkspaceFolder(target) === undefined) {
      void vscode.window.showErrorMessage(
        `NetRemediate: export into a folder of the workspace; ${target.fsPath} is outside it.`,
      );
      return undefined;
    }
    const root = target;
    const summary = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `NetRemediate: exporting ${jobLabel(job)}`,
        cancellable: true,
      },
      (progress, token) => exportJobResults(ctx.server, job, root, progress, token),
    );
    ctx.log.info(
      `Exported job ${job.job_id} to ${summary.dir.fsPath}: ${summary.scripts} scripts${summary.cancelled ? ' (cancelled, no report)' : ', report.json'}`,
    );
    if (summary.cancelled) {
      void vscode.window.showWarningMessage(
        `NetRemediate: export cancelled after ${summary.scripts} scripts; no report was written.`,
      );
    } else {
      void vscode.window
        .showInformationMessage(
          `NetRemediate: exported ${summary.scripts} scripts of ${summary.devices} devices and report.json to ${vscode.workspace.asRelativePath(summary.dir)}.${summary.unframed > 0 ? ` ${summary.unframed} device(s) have no scripts: their platform has no "${frameSetting()}" frame (netremediate.frame).` : ''}`,
          'Open Report',
        )
        .then(async (choice) => {
          if (choice === 'Open Report') await vscode.window.showTextDocument(summary.report);
        });
    }
    return summary;
  };
