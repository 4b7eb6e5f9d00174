import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { startLspSession } from '../../support/lspClient';
import {
  codesOf,
  openDocument,
  VSCODE_LIKE_CAPABILITIES,
  waitForDiagnostics,
} from '../../support/lspDocuments';
import { readFixture, REPO_ROOT } from '../../support/paths';

/** Neither IOS nor NX-OS by its content: the platform can only come from the language id or the setting. */
const NEUTRAL = 'hostname plain\ninterface Loopback0\n description lo\n';

describe('settings: netremediate.defaultPlatform and netremediate.maxFileSizeMB', () => {
  it('pulls the settings with workspace/configuration when the client can answer', async () => {
    const session = await startLspSession(REPO_ROOT, {
      capabilities: VSCODE_LIKE_CAPABILITIES,
      settings: { netremediate: { defaultPlatform: 'cisco_nxos', maxFileSizeMB: 0.002 } },
    });
    try {
      const neutral = 'file:///settings/running/neutral';
      await openDocument(session, neutral, NEUTRAL, 'plaintext');
      const hover = await session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: neutral },
        position: { line: 2, character: 3 },
      });
      assert.match(
        (hover?.contents as MarkupContent).value,
        /^```cisco-nxos\n/,
        'the default platform came from the setting',
      );
      const ios = 'file:///settings/language.ios';
      await openDocument(session, ios, NEUTRAL, 'cisco-ios');
      const iosHover = await session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: ios },
        position: { line: 2, character: 3 },
      });
      assert.match(
        (iosHover?.contents as MarkupContent).value,
        /^```cisco-ios\n/,
        'the language id wins over the setting',
      );

      const big = 'file:///settings/router.ios';
      await openDocument(session, big, readFixture('configs', 'ios-router.cfg'));
      const { diagnostics } = await waitForDiagnostics(session, big);
      assert.deepEqual(codesOf(diagnostics), ['file-too-large'], 'a 4.6 KB file is over a 2 KB limit');
    } finally {
      await session.close();
    }
  });

  it('takes pushed settings from workspace/didChangeConfiguration and re-checks open documents', async () => {
    const session = await startLspSession(REPO_ROOT);
    try {
      const uri = 'file:///settings/pushed.ios';
      await openDocument(session, uri, readFixture('configs', 'ios-router.cfg'));
      const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri },
      });
      assert.ok((symbols ?? []).length > 0);
      await waitForDiagnostics(session, uri, (p) => p.diagnostics.length === 0);
      await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { netremediate: { maxFileSizeMB: 0.001 } },
      });
      await waitForDiagnostics(session, uri, (p) => codesOf(p.diagnostics).includes('file-too-large'));
      assert.deepEqual(
        await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
        [],
      );
      await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { netremediate: { maxFileSizeMB: 'not a number' } },
      });
      const restored = await session.connection.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri },
      });
      assert.ok((restored ?? []).length > 0, 'an invalid value falls back to the default (20 MB)');
    } finally {
      await session.close();
    }
  });
});
