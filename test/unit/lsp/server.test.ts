import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ServerInfoRequest } from '../../../server/src/protocol';
import { REPO_ROOT } from '../../support/paths';
import { startLspSession, type LspSession } from '../../support/lspClient';

describe('language server over stdio (as other editors start it)', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession(REPO_ROOT);
  });
  after(async () => {
    await session.close();
  });

  it('initializes and names itself', () => {
    assert.equal(session.initializeResult.serverInfo?.name, 'netremediate');
    assert.match(session.initializeResult.serverInfo?.version ?? '', /^\d+\.\d+\.\d+/);
    // Incremental sync: full sync would send a 1.5 MB document on every keystroke.
    const sync = session.initializeResult.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, 2);
  });

  it('answers netremediate/serverInfo and knows it runs on stdio', async () => {
    const info = await session.connection.sendRequest(ServerInfoRequest);
    assert.equal(info.transport, 'stdio');
    assert.deepEqual(info.platforms, ['cisco_ios', 'cisco_nxos']);
    assert.equal(info.pid, session.server.pid);
  });

  it('keeps stdout for JSON-RPC only (nothing on stderr either)', () => {
    // A stray console.log would have broken the framing and failed the requests above.
    assert.equal(session.stderr(), '');
  });
});
