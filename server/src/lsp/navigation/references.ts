import type { Location } from 'vscode-languageserver/node';
import type { EditorFeature } from '../editorContext';
import { toLspRange } from '../ranges';
import { objectAtPosition } from './objectAtPosition';

/** textDocument/references on a named object: every line that uses it, and its definitions on request. */
export const referencesFeature: EditorFeature = {
  capabilities: { referencesProvider: true },
  register({ connection, analysis }) {
    connection.onReferences(async ({ textDocument, position, context }): Promise<Location[] | null> => {
      const found = objectAtPosition(await analysis(textDocument.uri), position);
      if (found === undefined) return null;
      const { definitions, references } = found.object;
      const occurrences = context.includeDeclaration
        ? [...definitions, ...references].sort(
            (a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn,
          )
        : references;
      return occurrences.map((o) => ({ uri: textDocument.uri, range: toLspRange(o.range) }));
    });
  },
};
