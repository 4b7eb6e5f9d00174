import type { Range as LspRange } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigNode, Range } from '../engine';

/**
 * Engine ranges → LSP ranges. Both count 0-based lines and UTF-16 columns with an exclusive end,
 * so this is a change of shape only.
 */
export function toLspRange(range: Range): LspRange {
  return {
    start: { line: range.startLine, character: range.startColumn },
    end: { line: range.endLine, character: range.endColumn },
  };
}

/**
 * A node's first line, from its first character to the end of that line: the header of a section,
 * the `banner motd ^C` line of a banner, the `certificate ...` line of a certificate.
 */
export function headerRange(node: ConfigNode): LspRange {
  if (node.lastLine === node.line) return toLspRange(node.ownRange);
  const raw = node.raw;
  const firstBreak = raw.indexOf('\n');
  return {
    start: { line: node.line, character: node.column },
    end: { line: node.line, character: firstBreak < 0 ? raw.length : firstBreak },
  };
}

/** The whole of line `line` of `document`, its line break excluded. */
export function documentLineRange(document: TextDocument, line: number): LspRange {
  const start = document.offsetAt({ line, character: 0 });
  const next = document.offsetAt({ line: line + 1, character: 0 });
  const text = document.getText().slice(start, next);
  const length = text.replace(/\r?\n$|\r$/, '').length;
  return { start: { line, character: 0 }, end: { line, character: length } };
}

/**
 * From the start of line `firstLine` to the start of the line after `lastLine` (or the end of the
 * text): what deleting those lines whole, their line breaks included, replaces.
 */
export function wholeLinesRange(document: TextDocument, firstLine: number, lastLine: number): LspRange {
  const end = document.positionAt(document.offsetAt({ line: lastLine + 1, character: 0 }));
  return { start: { line: firstLine, character: 0 }, end };
}
