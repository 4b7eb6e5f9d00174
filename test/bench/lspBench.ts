/**
 * Editor features over a real LSP connection (dist/server.js on stdio, as other editors start it):
 * documentSymbol and foldingRange on the generated ~41,000-line IOS configuration. "uncached" bumps
 * the document's version with a didChange before each request, so each run includes the parse.
 */
import os from 'node:os';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
} from 'vscode-languageserver-protocol/node';
import { generateIosConfig } from '../support/generateIosConfig';
import { startLspSession } from '../support/lspClient';
import { measure, type Measurement } from './measure';

const TARGET_MS = 100;
const INTERFACES = 5000;

export async function lspBenchmarks(): Promise<Measurement[]> {
  const text = generateIosConfig(INTERFACES);
  const lines = text.split('\n').length;
  const session = await startLspSession(os.tmpdir());
  const uri = 'file:///bench/generated-5000.ios';
  let version = 1;
  try {
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'cisco-ios', version, text },
    });
    // One more `!` at the start of the `!` line after the header: the text and the version change,
    // the tree does not (the line stays a comment).
    const bump = async (): Promise<void> => {
      version++;
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [
          {
            range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
            text: '!',
          },
        ],
      });
    };
    let symbolCount = 0;
    const symbols = async (): Promise<void> => {
      const result = await session.connection.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri },
      });
      symbolCount = result?.length ?? 0;
    };
    const folding = async (): Promise<void> => {
      await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    };
    const note = (): string => `${lines} lines, ${symbolCount} top-level symbols`;
    return [
      await measure(
        `LSP documentSymbol, ${lines} lines, uncached (parse included)`,
        async () => {
          await bump();
          await symbols();
        },
        { runs: 21, warmup: 3, targetMs: TARGET_MS, extra: note },
      ),
      await measure(`LSP documentSymbol, ${lines} lines, cached`, symbols, {
        runs: 21,
        warmup: 3,
        targetMs: TARGET_MS,
        extra: note,
      }),
      await measure(
        `LSP foldingRange, ${lines} lines, uncached`,
        async () => {
          await bump();
          await folding();
        },
        { runs: 21, warmup: 3, targetMs: TARGET_MS },
      ),
    ];
  } finally {
    await session.close();
  }
}
