import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { startLspSession, type LspSession } from '../../support/lspClient';
import { fileUri, lineOf, openDocument, VSCODE_LIKE_CAPABILITIES } from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

async function symbolsOf(
  session: LspSession,
  file: string[],
  languageId = 'cisco-ios',
): Promise<DocumentSymbol[]> {
  const uri = fileUri(fixturePath(...file));
  await openDocument(session, uri, readFixture(...file), languageId);
  return (await session.connection.sendRequest(DocumentSymbolRequest.type, {
    textDocument: { uri },
  })) as DocumentSymbol[];
}

function named(symbols: readonly DocumentSymbol[], name: string): DocumentSymbol {
  const found = symbols.find((s) => s.name === name);
  assert.ok(found, `a symbol \`${name}\` among ${symbols.map((s) => s.name).join(', ')}`);
  return found;
}

/** Every symbol, depth first. */
function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

describe('documentSymbol over LSP: the outline', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: VSCODE_LIKE_CAPABILITIES });
  });
  after(async () => {
    await session.close();
  });

  it('lists the sections of an IOS router with kinds and details', async () => {
    const symbols = await symbolsOf(session, ['configs', 'ios-router.cfg']);
    const text = readFixture('configs', 'ios-router.cfg');
    const wan = named(symbols, 'interface GigabitEthernet0/0/0');
    assert.equal(wan.kind, SymbolKind.Interface);
    assert.equal(wan.detail, 'WAN: ISP-A circuit AMS-12345');
    const header = lineOf(text, 'interface GigabitEthernet0/0/0');
    assert.deepEqual(wan.selectionRange, {
      start: { line: header, character: 0 },
      end: { line: header, character: 'interface GigabitEthernet0/0/0'.length },
    });
    assert.deepEqual(wan.range.start, { line: header, character: 0 });
    assert.equal(wan.range.end.line, lineOf(text, ' service-policy output WAN-PARENT'));
    assert.equal(wan.children, undefined, 'leaf commands inside a section are not symbols');

    assert.equal(named(symbols, 'router ospf 1').kind, SymbolKind.Module);
    const bgp = named(symbols, 'router bgp 65000');
    assert.equal(bgp.kind, SymbolKind.Module);
    assert.deepEqual(
      bgp.children?.map((c) => [c.name, c.kind]),
      [
        ['template peer-policy ISP-POLICY', SymbolKind.Object],
        ['template peer-session ISP-SESSION', SymbolKind.Object],
        ['address-family ipv4', SymbolKind.Namespace],
        ['address-family ipv4 vrf CUST-A', SymbolKind.Namespace],
      ],
    );
    const vrf = named(symbols, 'vrf definition CUST-A');
    assert.equal(vrf.kind, SymbolKind.Namespace);
    assert.equal(vrf.detail, '65000:100');
    assert.equal(named(symbols, 'class-map match-any VOICE').kind, SymbolKind.Class);
    const child = named(symbols, 'policy-map WAN-CHILD');
    assert.equal(child.kind, SymbolKind.Struct);
    assert.deepEqual(
      child.children?.map((c) => [c.name, c.kind]),
      [
        ['class VOICE', SymbolKind.Method],
        ['class CRITICAL-DATA', SymbolKind.Method],
        ['class class-default', SymbolKind.Method],
      ],
    );
    const acl = named(symbols, 'ip access-list extended EDGE-IN');
    assert.equal(acl.kind, SymbolKind.Array);
    assert.equal(acl.detail, '6 entries');
    const routeMap = symbols.filter((s) => s.name === 'route-map ISP-IN');
    assert.deepEqual(
      routeMap.map((s) => [s.kind, s.detail]),
      [[SymbolKind.Function, 'permit 10']],
    );
    assert.equal(named(symbols, 'line vty 0 4').kind, SymbolKind.Event);
    assert.equal(named(symbols, 'redundancy').kind, SymbolKind.Object);
  });

  it('groups the lines of one prefix list into one symbol', async () => {
    const symbols = await symbolsOf(session, ['workspace', 'qos-edge.ios']);
    const text = readFixture('workspace', 'qos-edge.ios');
    const coreOut = named(symbols, 'ip prefix-list CORE-OUT');
    assert.equal(coreOut.kind, SymbolKind.Array);
    assert.equal(coreOut.detail, '2 entries');
    assert.equal(
      coreOut.range.start.line,
      lineOf(text, 'ip prefix-list CORE-OUT seq 5 permit 10.255.1.1/32'),
    );
    assert.equal(coreOut.range.end.line, lineOf(text, 'ip prefix-list CORE-OUT seq 10 permit 10.1.0.0/30'));
    assert.equal(named(symbols, 'ip prefix-list CORE-ROUTES').detail, 'seq 5 permit 10.255.0.0/16 le 32');
    assert.equal(named(symbols, 'access-list 10').detail, '3 entries');
    assert.equal(named(symbols, 'key chain OSPF-KEYS').kind, SymbolKind.Key);
    assert.equal(named(symbols, 'object-group network MGMT-NETS').kind, SymbolKind.Enum);
    assert.deepEqual(
      symbols.filter((s) => s.name === 'route-map CORE-IN').map((s) => s.detail),
      ['permit 10', 'deny 20'],
      'each sequence of a route map is a symbol, its action the detail',
    );
    for (const leaf of [
      'hostname qos-edge-01',
      'snmp-server trap-source Loopback0',
      'service timestamps log datetime msec',
    ]) {
      assert.ok(!symbols.some((s) => s.name === leaf), `${leaf} is a plain top-level command, not a symbol`);
    }
  });

  it('shows banners by type and certificates under their chain, with the header as selection', async () => {
    const symbols = await symbolsOf(session, ['configs', 'ios-switch.cfg']);
    const text = readFixture('configs', 'ios-switch.cfg');
    const banner = named(symbols, 'banner login');
    assert.equal(banner.kind, SymbolKind.String);
    assert.equal(banner.detail, 'Authorized access only - SW-ACC-3F-01');
    const chain = named(symbols, 'crypto pki certificate chain TP-self-signed-1234567890');
    assert.equal(chain.kind, SymbolKind.Key);
    const [certificate] = chain.children ?? [];
    assert.equal(certificate.name, 'certificate self-signed 01');
    assert.equal(certificate.kind, SymbolKind.Key);
    const first = lineOf(text, ' certificate self-signed 01');
    assert.deepEqual(certificate.selectionRange, {
      start: { line: first, character: 1 },
      end: { line: first, character: ' certificate self-signed 01'.length },
    });
    assert.equal(certificate.range.end.line, lineOf(text, '  \tquit'));
    const vlan = named(symbols, 'vlan 10');
    assert.equal(vlan.kind, SymbolKind.Number);
    assert.equal(vlan.detail, 'USERS');
    assert.equal(named(symbols, 'interface Port-channel1').detail, 'Uplink to DIST-01/02');
  });

  it('reads NX-OS: vrf contexts, interfaces without commands, neighbors under vrf', async () => {
    const symbols = await symbolsOf(session, ['configs', 'nxos-leaf.cfg'], 'cisco-nxos');
    assert.equal(
      named(symbols, 'interface Vlan1').kind,
      SymbolKind.Interface,
      'an empty interface is still a symbol',
    );
    assert.equal(named(symbols, 'vrf context TENANT-A').detail, '65101:100');
    assert.equal(named(symbols, 'vlan 10').detail, 'SERVERS');
    assert.ok(
      !symbols.some((s) => s.name.startsWith('vlan 1,10')),
      'a VLAN list without a name is not a symbol',
    );
    assert.equal(named(symbols, 'route-map ALLOW-ALL').detail, 'permit 10');
    const bgp = named(symbols, 'router bgp 65101');
    const tenant = named(bgp.children ?? [], 'vrf TENANT-A');
    assert.equal(tenant.kind, SymbolKind.Namespace);
    assert.equal(named(tenant.children ?? [], 'neighbor 10.10.0.100').detail, 'fw-tenant-a');
    assert.equal(named(symbols, 'banner motd').kind, SymbolKind.String);
  });

  it('keeps every selection range inside its range (VS Code rejects the outline otherwise)', async () => {
    for (const [file, languageId] of [
      [['configs', 'ios-router.cfg'], 'cisco-ios'],
      [['configs', 'ios-switch.cfg'], 'cisco-ios'],
      [['configs', 'nxos-leaf.cfg'], 'cisco-nxos'],
      [['configs', 'edge-duplicates.cfg'], 'cisco-ios'],
      [['configs', 'edge-unterminated-banner.cfg'], 'cisco-ios'],
      [['configs', 'ios-1space-2space.cfg'], 'cisco-ios'],
      [['configs', 'edge-tabs.cfg'], 'cisco-ios'],
      [['configs', 'ios-crlf.cfg'], 'cisco-ios'],
    ] as [string[], string][]) {
      for (const symbol of flatten(await symbolsOf(session, file, languageId))) {
        const { range, selectionRange: sel } = symbol;
        const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
          a.line < b.line || (a.line === b.line && a.character <= b.character);
        assert.ok(symbol.name.length > 0, `${file.join('/')}: a symbol has a name`);
        assert.ok(
          before(range.start, sel.start) && before(sel.end, range.end),
          `${file.join('/')}: ${symbol.name}`,
        );
      }
    }
  });

  it('answers an empty outline for a file of comments only', async () => {
    assert.deepEqual(await symbolsOf(session, ['configs', 'edge-only-comments.cfg']), []);
  });
});
