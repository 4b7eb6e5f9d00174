/**
 * Language server entry: only wiring. The transport comes from argv (`--node-ipc` from VS Code,
 * `--stdio` from other editors, `--socket=N`); nothing here may write to stdout, which is the
 * JSON-RPC stream on stdio: logs go through connection.console.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsFeature } from './lsp/diagnostics/diagnosticsFeature';
import { documentPlatformFeature } from './lsp/documentPlatform';
import { duplicateLineQuickFixFeature } from './lsp/duplicateLineQuickFix';
import { createEditorContext, featureCapabilities, type EditorFeature } from './lsp/editorContext';
import { foldingRangeFeature } from './lsp/foldingRanges';
import { createHoverFeature } from './lsp/hover';
import { createInlineReviewFeature } from './lsp/inlineReview/inlineReviewFeature';
import { registerJobs } from './lsp/jobs';
import { definitionFeature } from './lsp/navigation/definition';
import { documentHighlightFeature } from './lsp/navigation/documentHighlight';
import { referencesFeature } from './lsp/navigation/references';
import { registerServerInfo } from './lsp/serverInfo';
import { documentSymbolFeature } from './lsp/symbols/documentSymbols';
import { workspaceSymbolFeature } from './lsp/symbols/workspaceSymbols';
import type { InitializationOptions } from './protocol';
import { VERSION } from './version';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const editor = createEditorContext(connection, documents);
const jobs = registerJobs(connection, documents, editor.settings);
const inlineReview = createInlineReviewFeature();

const editorFeatures: readonly EditorFeature[] = [
  diagnosticsFeature,
  documentSymbolFeature,
  foldingRangeFeature,
  definitionFeature,
  referencesFeature,
  documentHighlightFeature,
  createHoverFeature(inlineReview.reviews),
  inlineReview.feature,
  workspaceSymbolFeature,
  duplicateLineQuickFixFeature,
  documentPlatformFeature,
];

connection.onInitialize((params) => {
  connection.console.info(
    `NetRemediate server ${VERSION} (pid ${process.pid}, node ${process.version}) for ${params.clientInfo?.name ?? 'an unnamed client'}`,
  );
  editor.initialize(params);
  jobs.initialize(params);
  inlineReview.initialize(params.initializationOptions as InitializationOptions | undefined);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities(editorFeatures),
    },
    serverInfo: { name: 'netremediate', version: VERSION },
  };
});
connection.onInitialized(() => editor.initialized());
// Running jobs end `interrupted` (resumable) rather than vanishing when the client shuts the server down.
connection.onShutdown(() => jobs.close());

for (const feature of editorFeatures) feature.register(editor);
registerServerInfo(connection);

documents.listen(connection);
connection.listen();
