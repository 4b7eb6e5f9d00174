import type { Definition, LocationLink } from 'vscode-languageserver/node';
import type { EditorFeature } from '../editorContext';
import { toLspRange } from '../ranges';
import { definitionTargets, objectAtPosition } from './objectAtPosition';

/**
 * textDocument/definition on a named object (an ACL in `ip access-group X in`, an interface in
 * `update-source Lo0`, ...): where this configuration defines it. As LocationLinks when the client
 * takes them, so the peek shows the whole definition (the ACL with its entries) and the origin
 * highlight covers exactly the name.
 */
export const definitionFeature: EditorFeature = {
  capabilities: { definitionProvider: true },
  register({ connection, analysis, clientCapabilities }) {
    connection.onDefinition(
      async ({ textDocument, position }): Promise<Definition | LocationLink[] | null> => {
        const document = await analysis(textDocument.uri);
        const found = objectAtPosition(document, position);
        if (found === undefined) return null;
        const targets = definitionTargets(found.object);
        if (targets.length === 0) return null;
        if (clientCapabilities().textDocument?.definition?.linkSupport === true) {
          return targets.map((target) => ({
            originSelectionRange: toLspRange(found.occurrence.range),
            targetUri: textDocument.uri,
            targetRange: toLspRange(target.node.range),
            targetSelectionRange: toLspRange(target.range),
          }));
        }
        return targets.map((target) => ({ uri: textDocument.uri, range: toLspRange(target.range) }));
      },
    );
  },
};
