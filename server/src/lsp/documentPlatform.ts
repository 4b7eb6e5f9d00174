import { DocumentPlatformRequest } from '../protocol';
import type { EditorFeature } from './editorContext';

/** netremediate/documentPlatform: what the document store settled for an open document. */
export const documentPlatformFeature: EditorFeature = {
  capabilities: {},
  register({ connection, analysis }) {
    connection.onRequest(DocumentPlatformRequest, async ({ uri }) => {
      const document = await analysis(uri);
      return document === undefined ? null : { platform: document.platform, source: document.platformSource };
    });
  },
};
