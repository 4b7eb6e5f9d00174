import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver/node';
import type { EditorFeature } from '../editorContext';
import { toLspRange } from '../ranges';
import { objectAtPosition } from './objectAtPosition';

/**
 * textDocument/documentHighlight on a named object: its definitions (Write) and references (Read),
 * exactly the names, so a rename by hand can see every place to change.
 */
export const documentHighlightFeature: EditorFeature = {
  capabilities: { documentHighlightProvider: true },
  register({ connection, analysis }) {
    connection.onDocumentHighlight(
      async ({ textDocument, position }): Promise<DocumentHighlight[] | null> => {
        const found = objectAtPosition(await analysis(textDocument.uri), position);
        if (found === undefined) return null;
        return [
          ...found.object.definitions.map((o) => ({
            range: toLspRange(o.range),
            kind: DocumentHighlightKind.Write,
          })),
          ...found.object.references.map((o) => ({
            range: toLspRange(o.range),
            kind: DocumentHighlightKind.Read,
          })),
        ].sort(
          (a, b) =>
            a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
        );
      },
    );
  },
};
