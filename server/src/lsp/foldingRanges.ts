import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { ConfigNode, ParsedConfig, Trivia } from '../engine';
import type { EditorFeature } from './editorContext';

/**
 * textDocument/foldingRange: one range per section (header to last descendant, plus a sectional
 * exit such as `exit-address-family` right after it, which belongs to the section), one per
 * multi-line banner or certificate, and one per block of comment lines.
 */
export const foldingRangeFeature: EditorFeature = {
  capabilities: { foldingRangeProvider: true },
  register({ connection, analysis, clientCapabilities }) {
    connection.onFoldingRanges(async ({ textDocument }, token) => {
      const parsed = (await analysis(textDocument.uri))?.parsed;
      if (parsed === undefined || token.isCancellationRequested) return [];
      const limit = clientCapabilities().textDocument?.foldingRange?.rangeLimit;
      return limitRanges(foldingRanges(parsed), limit);
    });
  },
};

export function foldingRanges(parsed: ParsedConfig): FoldingRange[] {
  const exitLines = new Set<number>();
  for (const trivia of parsed.trivia) if (trivia.kind === 'exit') exitLines.add(trivia.line);
  const ranges: (FoldingRange & { depth: number })[] = [];
  const stack: ConfigNode[] = [...parsed.root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.lastLine > node.line) {
      ranges.push({ startLine: node.line, endLine: node.lastLine, depth: node.depth });
    }
    if (node.children.length > 0) {
      let endLine = node.range.endLine;
      while (exitLines.has(endLine + 1)) endLine++;
      if (endLine > node.lastLine) ranges.push({ startLine: node.lastLine, endLine, depth: node.depth });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  ranges.push(...commentBlocks(parsed.trivia));
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges;
}

/**
 * Runs of two or more consecutive comment (or header) lines. Runs of bare `!` separators are
 * left out: IOS prints them in pairs between sections, and a fold of two `!` hides nothing.
 */
function commentBlocks(trivia: readonly Trivia[]): (FoldingRange & { depth: number })[] {
  const blocks: (FoldingRange & { depth: number })[] = [];
  let start = -1;
  let end = -1;
  let saysSomething = false;
  const close = (): void => {
    if (start >= 0 && end > start && saysSomething) {
      blocks.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment, depth: 0 });
    }
  };
  for (const item of trivia) {
    const isComment = item.kind === 'comment' || item.kind === 'header';
    if (isComment && start >= 0 && item.line === end + 1) {
      end = item.line;
      saysSomething ||= !/^\s*!*\s*$/.test(item.text);
      continue;
    }
    close();
    start = isComment ? item.line : -1;
    end = start;
    saysSomething = isComment && !/^\s*!*\s*$/.test(item.text);
  }
  close();
  return blocks;
}

/**
 * At most `limit` ranges (the client's `rangeLimit`), the outermost kept first, so that a client
 * that can show 5,000 folds of a 40,000-line file still folds every top-level section.
 */
function limitRanges(
  ranges: (FoldingRange & { depth?: number })[],
  limit: number | undefined,
): FoldingRange[] {
  let kept = ranges;
  if (limit !== undefined && ranges.length > limit) {
    kept = [...ranges].sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0)).slice(0, limit);
    kept.sort((a, b) => a.startLine - b.startLine);
  }
  return kept.map(({ startLine, endLine, kind }) =>
    kind === undefined ? { startLine, endLine } : { startLine, endLine, kind },
  );
}
