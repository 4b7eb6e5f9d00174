/**
 * Configs under `running/` and `intended/` often have extensions VS Code gives another language
 * (`.cfg` is *Properties*, `.txt` plain text, Oxidized backups none): the server serves them anyway
 * (by folder), and once it has read one whose content says its platform (`Building configuration...`,
 * `!Command: show running-config`, `feature ...`), the editor switches it to that platform's language,
 * so it is highlighted like any `.ios` / `.nxos` file. A language the user picked is never overridden.
 */
import * as vscode from 'vscode';
import { DocumentPlatformRequest, LANGUAGE_IDS, languageForPlatform } from '../../server/src/protocol';
import type { ServerConnection } from './serverConnection';

/** Languages VS Code gives config files by their extension; anything else was chosen deliberately. */
const GENERIC_LANGUAGES = new Set(['plaintext', 'properties', 'ini']);
const CONFIG_FOLDER = /[\\/](running|intended)[\\/]/;

export function adoptConfigLanguage(
  server: ServerConnection,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const decided = new Set<string>();
  const consider = async (document: vscode.TextDocument): Promise<void> => {
    const key = document.uri.toString();
    if (document.uri.scheme !== 'file' || decided.has(key)) return;
    if (!GENERIC_LANGUAGES.has(document.languageId) || !CONFIG_FOLDER.test(document.uri.fsPath)) return;
    decided.add(key);
    try {
      const result = await server.request(DocumentPlatformRequest, { uri: key });
      if (result?.source !== 'content' || document.isClosed) return;
      const language = languageForPlatform(result.platform);
      if ((LANGUAGE_IDS as readonly string[]).includes(document.languageId)) return;
      await vscode.languages.setTextDocumentLanguage(document, language);
      log.info(
        `${vscode.workspace.asRelativePath(document.uri)} reads as ${result.platform}: language ${language}`,
      );
    } catch (error) {
      log.warn(`could not settle the language of ${key}: ${String(error)}`);
    }
  };
  for (const document of vscode.workspace.textDocuments) void consider(document);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((document) => void consider(document)),
    vscode.workspace.onDidCloseTextDocument((document) => decided.delete(document.uri.toString())),
  );
}
