import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { startLspSession, type LspSession } from '../../support/lspClient';
import {
  closeDocument,
  codesOf,
  fileUri,
  lineOf,
  messageOf,
  openDocument,
  positionOf,
  VSCODE_LIKE_CAPABILITIES,
  waitForDiagnostics,
} from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

async function diagnosticsOf(
  session: LspSession,
  file: string[],
  languageId = 'cisco-ios',
  uri = fileUri(fixturePath(...file)),
): Promise<Diagnostic[]> {
  await openDocument(session, uri, readFixture(...file), languageId);
  const published = await waitForDiagnostics(session, uri);
  assert.equal(published.version, 1, 'diagnostics say which version they are for');
  for (const d of published.diagnostics) assert.equal(d.source, 'netremediate');
  return published.diagnostics;
}

describe('diagnostics over LSP', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: VSCODE_LIKE_CAPABILITIES });
  });
  after(async () => {
    await session.close();
  });

  it('flags unterminated banners as errors, over the banner exactly', async () => {
    const diagnostics = await diagnosticsOf(session, ['configs', 'edge-unterminated-banner.cfg']);
    const text = readFixture('configs', 'edge-unterminated-banner.cfg');
    const banners = diagnostics.filter((d) => d.code === 'unterminated-banner');
    assert.equal(banners.length, 2);
    assert.equal(banners[0].severity, DiagnosticSeverity.Error);
    const lastBodyLine = 'Contact the NOC before making changes.';
    assert.deepEqual(banners[0].range, {
      start: { line: lineOf(text, 'banner motd ^C'), character: 0 },
      end: { line: lineOf(text, lastBodyLine), character: lastBodyLine.length },
    });
    assert.equal(banners[1].range.start.line, lineOf(text, 'banner login #'));
  });

  it('flags duplicate lines, pointing at the first occurrence', async () => {
    const diagnostics = await diagnosticsOf(session, ['configs', 'edge-duplicates.cfg']);
    const text = readFixture('configs', 'edge-duplicates.cfg');
    const duplicates = diagnostics.filter((d) => d.code === 'duplicate-line');
    assert.equal(duplicates.length, 6);
    const switchport = duplicates.find(
      (d) => d.range.start.line === lineOf(text, ' switchport mode access') + 1,
    )!;
    assert.equal(switchport.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(switchport.range.start, {
      line: lineOf(text, ' switchport mode access') + 1,
      character: 1,
    });
    assert.deepEqual(switchport.relatedInformation, [
      {
        location: {
          uri: fileUri(fixturePath('configs', 'edge-duplicates.cfg')),
          range: {
            start: { line: lineOf(text, ' switchport mode access'), character: 1 },
            end: {
              line: lineOf(text, ' switchport mode access'),
              character: ' switchport mode access'.length,
            },
          },
        },
        message: `First occurrence (line ${lineOf(text, ' switchport mode access') + 1})`,
      },
    ]);
    const remark = duplicates.find((d) =>
      messageOf(d).includes(`line ${lineOf(text, ' remark ----------------') + 1}`),
    )!;
    assert.equal(remark.severity, DiagnosticSeverity.Information, 'repeated ACL remarks are only a note');
    assert.ok(codesOf(diagnostics).includes('overlapping-vlan'));
  });

  it('flags references to undefined objects and objects never used', async () => {
    const diagnostics = await diagnosticsOf(session, ['workspace', 'qos-edge.ios']);
    const text = readFixture('workspace', 'qos-edge.ios');
    assert.deepEqual(codesOf(diagnostics).sort(), ['undefined-object', 'unused-object']);
    const missing = diagnostics.find((d) => d.code === 'undefined-object')!;
    const at = positionOf(text, 'access-class MISSING-ACL', 0, 'access-class '.length);
    assert.deepEqual(missing.range, {
      start: at,
      end: { line: at.line, character: at.character + 'MISSING-ACL'.length },
    });
    assert.equal(missing.severity, DiagnosticSeverity.Warning);
    assert.match(messageOf(missing), /access list `MISSING-ACL` is not defined/);
    const unused = diagnostics.find((d) => d.code === 'unused-object')!;
    assert.equal(unused.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(unused.tags, [DiagnosticTag.Unnecessary]);
    assert.equal(unused.range.start.line, lineOf(text, 'ip access-list standard UNUSED-ACL'));
    assert.equal(unused.range.start.character, 'ip access-list standard '.length);
  });

  it('is quiet about objects that are all defined and used, built-ins included', async () => {
    const router = await diagnosticsOf(session, ['configs', 'ios-router.cfg']);
    assert.deepEqual(router, []);
    const leaf = await diagnosticsOf(session, ['configs', 'nxos-leaf.cfg'], 'cisco-nxos');
    assert.deepEqual(
      leaf.filter((d) => d.code === 'undefined-object' || d.code === 'unused-object'),
      [],
      'vrf management is built into NX-OS',
    );
  });

  it('knows numbered ACLs: `access-class 99 in` with no `access-list 99`', async () => {
    const diagnostics = await diagnosticsOf(session, ['workspace', 'branch-router.ios']);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['undefined-object', 'The access list `99` is not defined in this configuration.']],
    );
  });

  it('warns when the content looks like the other platform, unless the content chose the platform', async () => {
    const asIos = await diagnosticsOf(
      session,
      ['configs', 'nxos-leaf.cfg'],
      'cisco-ios',
      'file:///diagnostics/leaf.ios',
    );
    assert.ok(codesOf(asIos).includes('other-platform'));
    const uri = 'file:///diagnostics/running/leaf';
    await openDocument(session, uri, readFixture('configs', 'nxos-leaf.cfg'), 'plaintext');
    const detected = await waitForDiagnostics(session, uri);
    assert.ok(
      !codesOf(detected.diagnostics).includes('other-platform'),
      'detected as NX-OS from its content',
    );
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = fileUri(fixturePath('workspace', 'broken.ios'));
    await openDocument(session, uri, readFixture('workspace', 'broken.ios'));
    const open = await waitForDiagnostics(session, uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codesOf(open.diagnostics).sort(), [
      'duplicate-line',
      'undefined-object',
      'unterminated-banner',
    ]);
    await closeDocument(session, uri);
    await waitForDiagnostics(session, uri, (p) => p.diagnostics.length === 0);
  });
});
