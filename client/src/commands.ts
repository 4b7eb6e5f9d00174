/**
 * Every command of the extension, registered from small factories `(ctx) => handler` grouped by
 * concern. Each handler behaves sanely when the server is not running: its failure is a readable
 * notification (with Restart Server and Show Log), never VS Code's generic "command failed".
 */
import * as vscode from 'vscode';
import { complianceCommands } from './commands/complianceCommands';
import { guarded, type CommandContext, type CommandFactory } from './commands/commandContext';
import { exportResults } from './commands/exportCommand';
import { jobActionCommands } from './commands/jobActionCommands';
import { reviewCommands } from './commands/reviewCommands';
import { serverCommands, STATUS_SCHEME, StatusDocument } from './commands/serverCommands';
import { startJobCommands } from './commands/startJobCommands';

export function registerCommands(ctx: CommandContext): void {
  const statusDocument = new StatusDocument();
  const factories: Record<string, CommandFactory> = {
    ...serverCommands(statusDocument),
    ...startJobCommands,
    ...jobActionCommands,
    ...reviewCommands,
    ...complianceCommands,
    'netremediate.exportResults': exportResults,
  };
  ctx.extension.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(STATUS_SCHEME, statusDocument),
  );
  for (const [id, factory] of Object.entries(factories)) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, guarded(ctx, id, factory(ctx))));
  }
}
