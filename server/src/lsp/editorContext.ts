import type {
  ClientCapabilities,
  Connection,
  InitializeParams,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore, type DocumentAnalysis } from './documentStore';
import { SettingsSource } from './settings';

/** What every editor feature is given: the connection, the open documents and their analyses. */
export interface EditorContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: SettingsSource;
  readonly store: DocumentStore;
  /** The client's capabilities; empty until `initialize`. */
  clientCapabilities(): ClientCapabilities;
  /** The current version of an open document, analysed once the settings are known. */
  analysis(uri: string): Promise<DocumentAnalysis | undefined>;
  /** Called by the server entry from `initialize` and `initialized`. */
  initialize(params: InitializeParams): void;
  initialized(): void;
}

/**
 * One editor feature (documentSymbol, hover, ...): the capabilities it adds to the initialize result
 * and a function that registers its handlers. The server entry lists the features and wires them.
 */
export interface EditorFeature {
  readonly capabilities: ServerCapabilities;
  register(context: EditorContext): void;
}

export function createEditorContext(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
): EditorContext {
  const settings = new SettingsSource(connection);
  const store = new DocumentStore(documents, settings, connection.console);
  let capabilities: ClientCapabilities = {};
  return {
    connection,
    documents,
    settings,
    store,
    clientCapabilities: () => capabilities,
    async analysis(uri) {
      await settings.ready;
      return store.get(uri);
    },
    initialize(params) {
      capabilities = params.capabilities;
    },
    initialized() {
      settings.start(capabilities);
    },
  };
}

/** The features' capabilities, merged into one ServerCapabilities object. */
export function featureCapabilities(features: readonly EditorFeature[]): ServerCapabilities {
  return Object.assign({}, ...features.map((f) => f.capabilities)) as ServerCapabilities;
}
