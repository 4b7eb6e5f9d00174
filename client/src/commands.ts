import * as vscode from 'vscode';
import type { ExtensionContextState } from './extension';

interface CommandActions {
  restartServer(): Promise<void>;
}

/** Each command is a small handler that behaves sanely whether or not the server is running. */
export function registerCommands(
  context: vscode.ExtensionContext,
  state: ExtensionContextState,
  actions: CommandActions,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('netremediate.restartServer', async () => {
      try {
        await actions.restartServer();
        void vscode.window.setStatusBarMessage('NetRemediate: language server restarted', 3000);
      } catch (error) {
        state.log.show(true);
        void vscode.window.showErrorMessage(
          `NetRemediate: the language server did not restart: ${String(error)}`,
        );
      }
    }),
    vscode.commands.registerCommand('netremediate.showLog', () => state.log.show()),
  );
}
