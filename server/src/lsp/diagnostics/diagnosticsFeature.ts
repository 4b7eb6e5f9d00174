import type { Diagnostic } from 'vscode-languageserver/node';
import type { EditorContext, EditorFeature } from '../editorContext';
import { fileTooLargeDiagnostic, findingDiagnostics } from './findingDiagnostics';
import { namedObjectDiagnostics } from './namedObjectDiagnostics';

/**
 * Quiet time after the last edit before a document is parsed for diagnostics: typing in a
 * 40,000-line file must not parse it on every keystroke, only once the user pauses.
 */
export const DIAGNOSTICS_DELAY_MS = 200;

/** Lets queued messages (a newer didChange) run before the next step of a diagnostics run. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Publishes diagnostics (parser findings, named objects, the size limit) per document, debounced.
 * A newer version supersedes older work: an edit restarts the document's timer, and a run that
 * finds its version outdated between its steps stops without publishing anything.
 */
export const diagnosticsFeature: EditorFeature = {
  capabilities: {},
  register(context) {
    const timers = new Map<string, NodeJS.Timeout>();
    const { documents, connection } = context;

    const schedule = (uri: string, version: number): void => {
      clearTimeout(timers.get(uri));
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          publish(context, uri, version).catch((error: unknown) =>
            connection.console.error(`Diagnostics for ${uri} v${version} failed: ${String(error)}`),
          );
        }, DIAGNOSTICS_DELAY_MS),
      );
    };

    documents.onDidChangeContent(({ document }) => schedule(document.uri, document.version));
    documents.onDidClose(({ document }) => {
      clearTimeout(timers.get(document.uri));
      timers.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    // Another default platform or size limit: every open document may read differently now.
    context.settings.onDidChange(() => {
      for (const document of documents.all()) schedule(document.uri, document.version);
    });
  },
};

async function publish(context: EditorContext, uri: string, version: number): Promise<void> {
  const { store } = context;
  await context.settings.ready;
  if (!store.isCurrent(uri, version)) return;
  const analysis = store.get(uri)!;
  const tooLarge = fileTooLargeDiagnostic(analysis);
  let diagnostics: Diagnostic[];
  if (tooLarge !== undefined) diagnostics = [tooLarge];
  else {
    const related =
      context.clientCapabilities().textDocument?.publishDiagnostics?.relatedInformation === true;
    diagnostics = findingDiagnostics(analysis, related);
    await nextTurn();
    if (!store.isCurrent(uri, version)) return;
    diagnostics.push(...namedObjectDiagnostics(analysis));
  }
  await nextTurn();
  if (!store.isCurrent(uri, version)) return;
  await context.connection.sendDiagnostics({ uri, version, diagnostics });
}
