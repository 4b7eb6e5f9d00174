/**
 * What every command factory gets, and the two guards they share: errors become a readable
 * notification (with Restart Server / Show Log when the server is down) instead of VS Code's generic
 * "command failed"; and commands that run jobs or write files ask for workspace trust first.
 */
import * as vscode from 'vscode';
import type { ComplianceReportPanels } from '../compliance/complianceReportPanel';
import type { ComplianceView } from '../compliance/complianceView';
import type { JobModel } from '../jobs/jobModel';
import type { JobProgress } from '../jobs/jobProgress';
import type { JobsView } from '../jobs/jobsView';
import type { WorkersView } from '../jobs/workersView';
import type { InlineReviewDocuments } from '../review/inlineReview';
import type { ReviewContentProvider } from '../review/reviewContentProvider';
import type { ReviewController } from '../review/reviewController';
import { errorText, ServerNotRunningError, type ServerConnection } from '../serverConnection';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly server: ServerConnection;
  readonly log: vscode.LogOutputChannel;
  readonly model: JobModel;
  readonly jobsView: JobsView;
  readonly workersView: WorkersView;
  readonly progress: JobProgress;
  readonly reviewDocuments: ReviewContentProvider;
  readonly review: ReviewController;
  readonly inlineReview: InlineReviewDocuments;
  readonly compliance: ComplianceView;
  readonly complianceReports: ComplianceReportPanels;
}

// Command arguments come from menus, keybindings, other extensions and tests: any shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;
export type CommandFactory = (ctx: CommandContext) => CommandHandler;

/** Runs a handler; a failure is shown (and logged) and the command returns undefined. */
export function guarded(ctx: CommandContext, id: string, handler: CommandHandler): CommandHandler {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      ctx.log.error(`${id}: ${errorText(error)}`);
      void showFailure(error);
      return undefined;
    }
  };
}

async function showFailure(error: unknown): Promise<void> {
  if (error instanceof ServerNotRunningError) {
    const choice = await vscode.window.showErrorMessage(
      `NetRemediate: ${error.message}.`,
      'Restart Server',
      'Show Log',
    );
    if (choice === 'Restart Server') await vscode.commands.executeCommand('netremediate.restartServer');
    if (choice === 'Show Log') await vscode.commands.executeCommand('netremediate.showLog');
    return;
  }
  await vscode.window.showErrorMessage(`NetRemediate: ${errorText(error)}`);
}

/**
 * Jobs read the workspace's files and export writes into it: in Restricted Mode they ask for trust
 * (the workspace trust editor) instead of running. Returns whether the workspace is trusted.
 */
export async function requireTrust(what: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const choice = await vscode.window.showWarningMessage(
    `NetRemediate: ${what} needs a trusted workspace. Highlighting and the outline work in Restricted Mode; jobs and export do not.`,
    'Manage Workspace Trust',
  );
  if (choice === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
