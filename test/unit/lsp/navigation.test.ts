import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DefinitionRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  ReferencesRequest,
  type Location,
  type LocationLink,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { startLspSession, type LspSession } from '../../support/lspClient';
import {
  fileUri,
  lineOf,
  openDocument,
  positionOf,
  VSCODE_LIKE_CAPABILITIES,
} from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';
import { NAVIGATION_CASES } from './navigationCases';

interface Fixture {
  readonly uri: string;
  readonly text: string;
}

describe('named objects over LSP: definition, references, highlights', () => {
  let session: LspSession;
  const opened = new Map<string, Fixture>();

  async function fixture(file: string[]): Promise<Fixture> {
    const key = file.join('/');
    let found = opened.get(key);
    if (found === undefined) {
      found = { uri: fileUri(fixturePath(...file)), text: readFixture(...file) };
      await openDocument(session, found.uri, found.text, key.endsWith('.nxos') ? 'cisco-nxos' : 'cisco-ios');
      opened.set(key, found);
    }
    return found;
  }

  function cursor({ text }: Fixture, context: string, name: string): Position {
    return positionOf(text, context, 0, context.indexOf(name) + 1);
  }

  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: VSCODE_LIKE_CAPABILITIES });
  });
  after(async () => {
    await session.close();
  });

  for (const [kind, file, context, name, definitionLine, referenceCount] of NAVIGATION_CASES) {
    it(`${kind}: \`${context.trim()}\``, async () => {
      const doc = await fixture(file);
      const position = cursor(doc, context, name);
      const textDocument = { uri: doc.uri };

      const links = (await session.connection.sendRequest(DefinitionRequest.type, {
        textDocument,
        position,
      })) as LocationLink[];
      assert.ok(links.length >= 1, 'a definition is found');
      const target = links[0];
      const line = lineOf(doc.text, definitionLine);
      assert.equal(target.targetUri, doc.uri);
      assert.equal(target.targetSelectionRange.start.line, line, `defined at \`${definitionLine}\``);
      assert.equal(target.targetRange.start.line, line, 'the peek shows the whole definition');
      assert.equal(
        target.originSelectionRange?.start.character,
        position.character - 1,
        'the origin is exactly the name',
      );

      const references = (await session.connection.sendRequest(ReferencesRequest.type, {
        textDocument,
        position,
        context: { includeDeclaration: false },
      })) as Location[];
      assert.equal(references.length, referenceCount);
      assert.ok(
        references.some((r) => r.range.start.line === position.line),
        'the reference under the cursor is one',
      );

      const withDeclaration = (await session.connection.sendRequest(ReferencesRequest.type, {
        textDocument,
        position,
        context: { includeDeclaration: true },
      })) as Location[];
      assert.ok(withDeclaration.some((r) => r.range.start.line === line));

      const highlights =
        (await session.connection.sendRequest(DocumentHighlightRequest.type, { textDocument, position })) ??
        [];
      assert.ok(
        highlights.some((h) => h.range.start.line === line && h.kind === DocumentHighlightKind.Write),
      );
      assert.equal(highlights.filter((h) => h.kind === DocumentHighlightKind.Read).length, referenceCount);
    });
  }

  it('goes from a definition to itself and lists its references', async () => {
    const doc = await fixture(['workspace', 'qos-edge.ios']);
    const position = cursor(doc, 'ip access-list extended MGMT-IN', 'MGMT-IN');
    const links = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: doc.uri },
      position,
    })) as LocationLink[];
    assert.equal(links[0].targetSelectionRange.start.line, position.line);
    const references = (await session.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: doc.uri },
      position,
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(
      references.map((r) => r.range.start.line),
      [lineOf(doc.text, ' access-class MGMT-IN in')],
    );
  });

  it('lists each sequence of a route map as a definition', async () => {
    const doc = await fixture(['workspace', 'qos-edge.ios']);
    const position = cursor(doc, 'route-map CORE-IN in', 'CORE-IN');
    const links = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: doc.uri },
      position,
    })) as LocationLink[];
    assert.deepEqual(
      links.map((l) => l.targetSelectionRange.start.line),
      [lineOf(doc.text, 'route-map CORE-IN permit 10'), lineOf(doc.text, 'route-map CORE-IN deny 20')],
    );
  });

  it('finds nothing where there is no object, or an undefined one', async () => {
    const doc = await fixture(['workspace', 'qos-edge.ios']);
    for (const position of [
      cursor(doc, ' description core-a member', 'core-a'),
      cursor(doc, 'access-class MISSING-ACL', 'MISSING-ACL'),
    ]) {
      assert.equal(
        await session.connection.sendRequest(DefinitionRequest.type, {
          textDocument: { uri: doc.uri },
          position,
        }),
        null,
      );
    }
    const missing = cursor(doc, 'access-class MISSING-ACL', 'MISSING-ACL');
    const references = (await session.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: doc.uri },
      position: missing,
      context: { includeDeclaration: true },
    })) as Location[];
    assert.equal(references.length, 1, 'an undefined object still has its references');
  });

  it('answers plain Locations to a client without link support', async () => {
    const plain = await startLspSession(REPO_ROOT);
    try {
      const uri = fileUri(fixturePath('workspace', 'branch-router.ios'));
      const text = readFixture('workspace', 'branch-router.ios');
      await openDocument(plain, uri, text);
      const position = positionOf(text, 'ip access-group WAN-IN in', 0, 'ip access-group '.length);
      const locations = (await plain.connection.sendRequest(DefinitionRequest.type, {
        textDocument: { uri },
        position,
      })) as Location[];
      const line = lineOf(text, 'ip access-list extended WAN-IN');
      assert.deepEqual(locations, [
        { uri, range: { start: { line, character: 24 }, end: { line, character: 30 } } },
      ]);
    } finally {
      await plain.close();
    }
  });
});
