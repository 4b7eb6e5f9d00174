import { SymbolKind, type SymbolInformation } from 'vscode-languageserver/node';
import type { DocumentAnalysis } from '../documentStore';
import type { EditorFeature } from '../editorContext';
import { headerRange } from '../ranges';

/** Enough for any fleet an editor has open; a query narrows it anyway. */
const MAX_WORKSPACE_SYMBOLS = 10_000;

/**
 * workspace/symbol: every device (its hostname, as a Package) and its interfaces, from the open
 * documents. The latest job's results will add the devices of the last batch once jobs exist;
 * crawling every file of the workspace is deliberately not done (PRODUCT.md, Decisions).
 */
export const workspaceSymbolFeature: EditorFeature = {
  capabilities: { workspaceSymbolProvider: true },
  register({ connection, store, settings }) {
    connection.onWorkspaceSymbol(async ({ query }, token): Promise<SymbolInformation[]> => {
      await settings.ready;
      const matches = queryMatcher(query);
      const symbols: SymbolInformation[] = [];
      for (const analysis of store.all()) {
        if (token.isCancellationRequested || symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
        for (const symbol of deviceSymbols(analysis)) {
          if (matches(symbol.name)) symbols.push(symbol);
        }
      }
      return symbols.slice(0, MAX_WORKSPACE_SYMBOLS);
    });
  },
};

export function deviceSymbols(analysis: DocumentAnalysis): SymbolInformation[] {
  const parsed = analysis.parsed;
  if (parsed === undefined) return [];
  const uri = analysis.uri;
  const fileName = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const hostnameNode = parsed.root.children.find((n) => n.text.startsWith('hostname '));
  const device = hostnameNode?.text.slice('hostname '.length) ?? fileName;
  const symbols: SymbolInformation[] = [
    {
      name: device,
      kind: SymbolKind.Package,
      location: {
        uri,
        range: hostnameNode
          ? headerRange(hostnameNode)
          : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
      containerName: fileName,
    },
  ];
  for (const node of parsed.root.children) {
    if (!node.text.startsWith('interface ')) continue;
    symbols.push({
      name: node.text.slice('interface '.length),
      kind: SymbolKind.Interface,
      location: { uri, range: headerRange(node) },
      containerName: device,
    });
  }
  return symbols;
}

/**
 * Lenient on purpose, as the client ranks and filters again: the query's characters in order, any
 * case, so `gi0/1` finds `GigabitEthernet0/1` and `rtr01` finds `branch-rtr-01`.
 */
export function queryMatcher(query: string): (name: string) => boolean {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  if (wanted === '') return () => true;
  return (name) => {
    const lower = name.toLowerCase();
    let at = 0;
    for (const char of wanted) {
      at = lower.indexOf(char, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  };
}
