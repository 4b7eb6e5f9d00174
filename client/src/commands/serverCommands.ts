/**
 * The server's own commands: Restart Server, Show Log, Show Server Status (version, uptime, the job
 * store and the pool, in a read-only Markdown document), and the Workers view's actions.
 */
import * as vscode from 'vscode';
import { ServerStatusRequest, StopWorkerRequest, type ServerStatus } from '../../../server/src/protocol';
import { formatBytes, formatDuration } from '../jobs/jobFormat';
import type { WorkerNode } from '../jobs/workersView';
import { errorText } from '../serverConnection';
import type { CommandFactory } from './commandContext';

export const STATUS_SCHEME = 'netremediate-status';

function statusMarkdown(status: ServerStatus): string {
  const jobs = Object.entries(status.jobs)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const pool = status.pool;
  const lines = [
    '# NetRemediate server status',
    '',
    `- Version: ${status.version}`,
    `- Up for: ${formatDuration(status.uptime_ms)}`,
    `- Job store: \`${status.store_dir}\` (${formatBytes(status.store_bytes)})`,
    `- Jobs: ${jobs || 'none'}`,
    '',
    '## Worker pool',
    '',
    `- Workers: ${pool.workers.length} of at most ${pool.max_workers} (${pool.busy} busy, ${pool.idle} idle)`,
    `- Queued tasks: ${pool.queued}`,
    `- Tasks done: ${pool.tasks_done}, failed: ${pool.tasks_failed}, workers replaced: ${pool.workers_replaced}`,
    '',
  ];
  for (const w of pool.workers) {
    lines.push(
      `- Thread ${w.thread_id}: ${w.state}${w.device_id ? ` on ${w.device_id}` : ''} — ${w.tasks_done} done, ${w.tasks_failed} failed`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A read-only document holding the latest status (one URI, its text replaced at each call). */
export class StatusDocument implements vscode.TextDocumentContentProvider {
  private text = '';
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  readonly uri = vscode.Uri.from({ scheme: STATUS_SCHEME, path: '/NetRemediate Server Status.md' });

  set(text: string): void {
    this.text = text;
    this.changeEmitter.fire(this.uri);
  }

  provideTextDocumentContent(): string {
    return this.text;
  }
}

export function serverCommands(statusDocument: StatusDocument): Readonly<Record<string, CommandFactory>> {
  return {
    'netremediate.restartServer': (ctx) => async () => {
      try {
        await ctx.server.restart();
        void vscode.window.setStatusBarMessage('NetRemediate: language server restarted', 3000);
      } catch (error) {
        ctx.log.show(true);
        void vscode.window.showErrorMessage(
          `NetRemediate: the language server did not restart: ${errorText(error)}`,
        );
      }
    },
    'netremediate.showLog': (ctx) => () => ctx.log.show(),
    'netremediate.showServerStatus': (ctx) => async (options?: unknown) => {
      const status = await ctx.server.request0(ServerStatusRequest);
      statusDocument.set(statusMarkdown(status));
      const quiet = typeof options === 'object' && options !== null && 'show' in options && !options.show;
      if (!quiet) {
        const document = await vscode.workspace.openTextDocument(statusDocument.uri);
        await vscode.languages.setTextDocumentLanguage(document, 'markdown');
        await vscode.window.showTextDocument(document, { preview: true });
      }
      return status;
    },
    'netremediate.workers.refresh': (ctx) => () => ctx.workersView.refresh(),
    'netremediate.workers.stop': (ctx) => async (node?: WorkerNode) => {
      let threadId = node?.kind === 'worker' ? node.worker.thread_id : undefined;
      if (threadId === undefined) {
        await ctx.workersView.refresh();
        const workers = ctx.workersView.tree.pool?.workers ?? [];
        const picked = await vscode.window.showQuickPick(
          workers.map((w) => ({
            label: `Worker ${w.thread_id}`,
            description: w.state === 'busy' ? `busy on ${w.device_id ?? '?'}` : 'idle',
            threadId: w.thread_id,
          })),
          { title: 'Stop Worker', placeHolder: 'The device it computes fails; the pool starts a new thread' },
        );
        threadId = picked?.threadId;
      }
      if (threadId === undefined) return false;
      const stopped = await ctx.server.request(StopWorkerRequest, { thread_id: threadId });
      void vscode.window.setStatusBarMessage(
        stopped
          ? `NetRemediate: worker ${threadId} stopped`
          : `NetRemediate: worker ${threadId} was gone already`,
        3000,
      );
      await ctx.workersView.refresh();
      return stopped;
    },
  };
}
