import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  HoverRequest,
  type Hover,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { startLspSession, type LspSession } from '../../support/lspClient';
import { fileUri, openDocument, positionOf, VSCODE_LIKE_CAPABILITIES } from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

describe('hover over LSP: lineage and named objects', () => {
  let session: LspSession;
  const uri = fileUri(fixturePath('workspace', 'qos-edge.ios'));
  const text = readFixture('workspace', 'qos-edge.ios');

  async function hover(position: Position, on = session, at = uri): Promise<Hover | null> {
    return on.connection.sendRequest(HoverRequest.type, { textDocument: { uri: at }, position });
  }
  const value = (h: Hover | null): string => (h?.contents as MarkupContent).value;

  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: VSCODE_LIKE_CAPABILITIES });
    await openDocument(session, uri, text);
  });
  after(async () => {
    await session.close();
  });

  it('shows the section path of any line as the device prints it', async () => {
    const result = await hover(positionOf(text, 'neighbor 10.255.0.1 activate', 0, 3));
    assert.equal(
      value(result),
      '```cisco-ios\nrouter bgp 65010\n address-family ipv4\n  neighbor 10.255.0.1 activate\n```',
    );
    const line = positionOf(text, '  neighbor 10.255.0.1 activate').line;
    assert.deepEqual(result?.range, { start: { line, character: 2 }, end: { line, character: 30 } });
  });

  it('on a named object: where it is defined and how often it is used', async () => {
    const result = await hover(positionOf(text, 'ip unnumbered Lo0', 0, 15));
    const definition = positionOf(text, 'interface Loopback0').line + 1;
    assert.equal(
      value(result),
      '```cisco-ios\ninterface GigabitEthernet0/0/2\n ip unnumbered Lo0\n```\n\n' +
        `interface \`Loopback0\`: defined at line ${definition} · 5 references`,
    );
    const at = positionOf(text, 'ip unnumbered Lo0', 0, 14);
    assert.deepEqual(result?.range, { start: at, end: { line: at.line, character: at.character + 3 } });
  });

  it('says when an object is missing, built in, or written over several lines', async () => {
    assert.match(
      value(await hover(positionOf(text, 'MISSING-ACL', 0, 2))),
      /access list `MISSING-ACL`: not defined in this configuration · 1 reference$/,
    );
    assert.match(
      value(await hover(positionOf(text, 'class class-default', 0, 8))),
      /class map `class-default`: built into the device · 2 references$/,
    );
    const first = positionOf(text, 'access-list 10 remark').line + 1;
    assert.match(
      value(await hover(positionOf(text, 'match ip address 10', 0, 17))),
      new RegExp(`access list \`10\`: defined at lines ${first}-${first + 2} · 2 references$`),
    );
  });

  it('shows a banner by its first line, and nothing outside every section', async () => {
    const inBanner = await hover(positionOf(text, 'qos-edge-01: authorised access only', 0, 3));
    assert.equal(value(inBanner), '```cisco-ios\nbanner login ^C…\n```');
    assert.equal(await hover(positionOf(text, '! Last configuration change', 0, 3)), null);
  });

  it('speaks plain text to a client without markdown, with the NX-OS lineage', async () => {
    const plain = await startLspSession(REPO_ROOT);
    try {
      const nxos = readFixture('configs', 'nxos-leaf.cfg');
      const nxosUri = 'file:///hover/leaf.cfg';
      await openDocument(plain, nxosUri, nxos, 'cisco-nxos');
      const result = await hover(positionOf(nxos, 'description fw-tenant-a', 0, 2), plain, nxosUri);
      assert.deepEqual(result?.contents, {
        kind: 'plaintext',
        value: 'router bgp 65101\n vrf TENANT-A\n  neighbor 10.10.0.100\n   description fw-tenant-a',
      });
    } finally {
      await plain.close();
    }
  });
});
