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
import { registerServerInfo } from './lsp/serverInfo';
import { VERSION } from './version';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize((params) => {
  connection.console.info(
    `NetRemediate server ${VERSION} (pid ${process.pid}, node ${process.version}) for ${params.clientInfo?.name ?? 'an unnamed client'}`,
  );
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    },
    serverInfo: { name: 'netremediate', version: VERSION },
  };
});

registerServerInfo(connection);

documents.listen(connection);
connection.listen();
