import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SymbolKind,
  WorkspaceSymbolRequest,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { startLspSession, type LspSession } from '../../support/lspClient';
import { fileUri, openDocument } from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

describe('workspace/symbol over LSP: devices and their interfaces in open documents', () => {
  let session: LspSession;
  async function query(text: string): Promise<SymbolInformation[]> {
    return (await session.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: text,
    })) as SymbolInformation[];
  }

  before(async () => {
    session = await startLspSession(REPO_ROOT);
    await openDocument(
      session,
      fileUri(fixturePath('workspace', 'branch-router.ios')),
      readFixture('workspace', 'branch-router.ios'),
    );
    await openDocument(
      session,
      fileUri(fixturePath('workspace', 'leaf-101.nxos')),
      readFixture('workspace', 'leaf-101.nxos'),
      'cisco-nxos',
    );
    await openDocument(
      session,
      'file:///ws/running/no-hostname',
      'interface Gi0/9\n description x\n',
      'plaintext',
    );
  });
  after(async () => {
    await session.close();
  });

  it('lists every device by hostname (a file without one by its name), and every interface', async () => {
    const symbols = await query('');
    const devices = symbols
      .filter((s) => s.kind === SymbolKind.Package)
      .map((s) => [s.name, s.containerName]);
    assert.deepEqual(devices, [
      ['branch-rtr-01', 'branch-router.ios'],
      ['leaf-101', 'leaf-101.nxos'],
      ['no-hostname', 'no-hostname'],
    ]);
    const leafInterfaces = symbols.filter(
      (s) => s.kind === SymbolKind.Interface && s.containerName === 'leaf-101',
    );
    assert.deepEqual(
      leafInterfaces.map((s) => s.name),
      ['Ethernet1/1', 'mgmt0'],
    );
    const hostname = symbols.find((s) => s.name === 'branch-rtr-01')!;
    assert.equal(hostname.location.uri, fileUri(fixturePath('workspace', 'branch-router.ios')));
    assert.equal(hostname.location.range.start.line, 12);
  });

  it('filters leniently: abbreviations and any case find the full names', async () => {
    assert.deepEqual(
      (await query('gi0/0/1')).map((s) => `${s.containerName}: ${s.name}`),
      ['branch-rtr-01: GigabitEthernet0/0/1'],
    );
    assert.deepEqual(
      (await query('LEAF101')).map((s) => s.name),
      ['leaf-101'],
    );
    assert.deepEqual(await query('no-such-thing-anywhere'), []);
  });
});
