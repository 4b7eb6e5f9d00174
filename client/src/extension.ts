/**
 * Extension entry: starts the language server and wires the UI — the job model, the Jobs and Workers
 * views, progress, the review documents and the commands. UI only: everything that parses or computes
 * lives in the server, reached through server/src/protocol.
 */
import * as vscode from 'vscode';
import { ServerInfoRequest, type ServerInfo } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { ComplianceReportPanels } from './compliance/complianceReportPanel';
import { ComplianceView } from './compliance/complianceView';
import { adoptConfigLanguage } from './documentLanguage';
import type { CommandContext } from './commands/commandContext';
import { JobModel } from './jobs/jobModel';
import { JobProgress } from './jobs/jobProgress';
import { JobStatusBar } from './jobs/jobStatusBar';
import { JobsTreeProvider } from './jobs/jobsTree';
import { JobsView } from './jobs/jobsView';
import { WorkersView, type WorkersTreeProvider } from './jobs/workersView';
import { createLanguageClient } from './languageClient';
import { forwardWorkspaceTrust, InlineReviewDocuments } from './review/inlineReview';
import { ReviewContentProvider } from './review/reviewContentProvider';
import { ReviewController } from './review/reviewController';
import { REVIEW_SCHEME } from './review/reviewUris';
import { ServerConnection } from './serverConnection';

/** The jobs part of the API: what the views show, for tests and other extensions. */
export interface NetRemediateJobsApi {
  /** The Jobs view's data: `getChildren()` / `getTreeItem()` as the view sees them. */
  readonly tree: JobsTreeProvider;
  /** Fires when the Jobs view's tree changes (a job, its devices, or the whole list). */
  readonly onDidChangeTree: vscode.Event<unknown>;
  /** The job list as the client knows it (ListJobs + notifications). */
  readonly model: JobModel;
  /** The Workers view's data, and a fetch of the pool. */
  readonly workers: WorkersTreeProvider;
  refreshWorkers(): Promise<void>;
  /** The review in the active editor, if any. */
  readonly review: ReviewController;
}

/** What activate() returns: tests and other extensions await `ready` before they talk to the server. */
export interface NetRemediateApi {
  /** Resolves once the language server has started and answered; rejects if it could not start. */
  readonly ready: Promise<void>;
  /** Asks the running server who it is (version, pid, transport). */
  serverInfo(): Promise<ServerInfo>;
  /** Restarts the server; resolves when the new one answers (the job list then reloads: `jobs.model.loaded`). */
  restartServer(): Promise<void>;
  readonly jobs: NetRemediateJobsApi;
  /** The Compliance view (its tree, `settled`, `showJob`) and the report webviews. */
  readonly compliance: { readonly view: ComplianceView; readonly reports: ComplianceReportPanels };
}

export function activate(context: vscode.ExtensionContext): NetRemediateApi {
  const log = vscode.window.createOutputChannel('NetRemediate', { log: true });
  context.subscriptions.push(log);

  const server = new ServerConnection(createLanguageClient(context, log), log);
  const model = new JobModel(server, log);
  const tree = new JobsTreeProvider(model);
  const jobsView = new JobsView(model, tree);
  const workersView = new WorkersView(server, model);
  const reviewDocuments = new ReviewContentProvider(server, model);
  const review = new ReviewController(model, reviewDocuments);
  const progress = new JobProgress(model, server);
  const inlineReview = new InlineReviewDocuments(server);
  const compliance = new ComplianceView(server, model, jobsView);
  const complianceReports = new ComplianceReportPanels(server);
  context.subscriptions.push(
    server,
    model,
    tree,
    jobsView,
    workersView,
    reviewDocuments,
    review,
    new JobStatusBar(model),
    inlineReview,
    compliance,
    complianceReports,
    forwardWorkspaceTrust(server),
    adoptConfigLanguage(server, log),
    vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, reviewDocuments),
  );
  // A server that failed to start is reported where it is used (the log says why); no unhandled rejection.
  server.ready.catch(() => undefined);

  const ctx: CommandContext = {
    extension: context,
    server,
    log,
    model,
    jobsView,
    workersView,
    progress,
    reviewDocuments,
    review,
    inlineReview,
    compliance,
    complianceReports,
  };
  registerCommands(ctx);

  return {
    get ready() {
      return server.ready;
    },
    serverInfo: async () => {
      await server.ready;
      return server.client.sendRequest(ServerInfoRequest);
    },
    restartServer: () => server.restart(),
    jobs: {
      tree,
      onDidChangeTree: tree.onDidChangeTreeData,
      model,
      workers: workersView.tree,
      refreshWorkers: () => workersView.refresh(),
      review,
    },
    compliance: { view: compliance, reports: complianceReports },
  };
}

export function deactivate(): void {
  // The client is stopped by its subscription in activate().
}
