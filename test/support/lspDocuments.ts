/**
 * Document-level helpers for LSP tests over a real stdio connection (see lspClient.ts): open,
 * change and close documents, wait for their diagnostics, collect the server's log, find positions.
 */
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  type ClientCapabilities,
  type Diagnostic,
  type Position,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import type { LspSession } from './lspClient';

/** What VS Code declares for the features under test (so the server answers as it does there). */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: true },
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
  workspace: {
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
};

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

interface Recorder {
  readonly diagnostics: PublishDiagnosticsParams[];
  readonly logs: string[];
  readonly waiters: (() => void)[];
}

const recorders = new WeakMap<LspSession, Recorder>();

/**
 * Records every publishDiagnostics and log message of a session, from the first call on. A
 * connection has one handler per notification, so every test goes through this one.
 */
function recorder(session: LspSession): Recorder {
  let found = recorders.get(session);
  if (found !== undefined) return found;
  const created: Recorder = { diagnostics: [], logs: [], waiters: [] };
  const wake = (): void => created.waiters.splice(0).forEach((w) => w());
  session.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    created.diagnostics.push(params);
    wake();
  });
  session.connection.onNotification(LogMessageNotification.type, (params) => {
    created.logs.push(params.message);
    wake();
  });
  recorders.set(session, created);
  found = created;
  return found;
}

/** Starts recording (call before the messages you want to see can arrive). */
export function watch(session: LspSession): void {
  recorder(session);
}

export function publishedDiagnostics(session: LspSession, uri: string): PublishDiagnosticsParams[] {
  return recorder(session).diagnostics.filter((p) => p.uri === uri);
}

export function serverLogs(session: LspSession): string[] {
  return recorder(session).logs;
}

/** Resolves with the first publish for `uri` (already received or still to come) that satisfies `accept`. */
export async function waitForDiagnostics(
  session: LspSession,
  uri: string,
  accept: (params: PublishDiagnosticsParams) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<PublishDiagnosticsParams> {
  const rec = recorder(session);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = rec.diagnostics.find((p) => p.uri === uri && accept(p));
    if (found !== undefined) return found;
    const left = deadline - Date.now();
    if (left <= 0) {
      const seen = publishedDiagnostics(session, uri).map((p) => `v${p.version}: ${p.diagnostics.length}`);
      throw new Error(
        `no matching diagnostics for ${uri} within ${timeoutMs} ms (seen: ${seen.join(', ') || 'none'})`,
      );
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      rec.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export async function openDocument(
  session: LspSession,
  uri: string,
  text: string,
  languageId = 'cisco-ios',
  version = 1,
): Promise<void> {
  recorder(session);
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId, version, text },
  });
}

export async function changeDocument(
  session: LspSession,
  uri: string,
  version: number,
  changes: TextDocumentContentChangeEvent[],
): Promise<void> {
  await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: changes,
  });
}

export async function closeDocument(session: LspSession, uri: string): Promise<void> {
  await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
}

/**
 * The position of the `occurrence`-th `needle` in `text`, moved `offset` characters into it: e.g.
 * `positionOf(text, 'ip access-group WAN-IN', 0, 16)` is on `WAN-IN`.
 */
export function positionOf(text: string, needle: string, occurrence = 0, offset = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` occurs fewer than ${occurrence + 1} times`);
  }
  const before = text.slice(0, at + offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: at + offset - lineStart };
}

/** The 0-based line of the first line of `text` that equals `line` (leading blanks kept). */
export function lineOf(text: string, line: string): number {
  const index = text.split(/\r\n|\r|\n/).indexOf(line);
  if (index < 0) throw new Error(`no line \`${line}\``);
  return index;
}

export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** A diagnostic's message as text (LSP 3.18 allows markup there too). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
