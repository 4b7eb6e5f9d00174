import type { ConfigNode, Finding, ParsedConfig, Trivia } from '../model/types';

/** Texts longer than this are cut in a dump (certificates carry kilobytes of hex). */
const MAX_SHOWN = 100;
/** Banners are shown whole unless huge: their body is what a reviewer checks. */
const MAX_BANNER_SHOWN = 600;

/**
 * A compact, stable text picture of a parse result, for golden files a reviewer reads: the tree (one
 * line per node, indented by depth, with its line range and, for banners and certificates, what they
 * hold), then the dropped lines (identical ones grouped, with the lines they were on), then the
 * findings. Line and column numbers are 1-based, as an editor shows them; a finding's range runs from
 * its first to its last character; control characters are escaped.
 */
export function dumpTree(parsed: ParsedConfig): string {
  const width = String(parsed.lineCount).length * 2 + 1;
  const out: string[] = [
    '# NetRemediate parse dump. Lines and columns 1-based; `a-b` spans lines a to b; text normalised.',
    `platform ${parsed.platform} | ${parsed.lineCount} lines | ${parsed.nodeCount} nodes | ` +
      `${droppedLines(parsed.trivia)} dropped | ${parsed.findings.length} findings`,
    `detected ${parsed.detection.platform ?? 'nothing'} (confidence ${parsed.detection.confidence})`,
    '',
    '[tree]',
  ];
  dumpChildren(parsed.root, width, out);
  out.push('', '[dropped]');
  out.push(...dumpTrivia(parsed.trivia));
  out.push('', '[findings]');
  for (const f of parsed.findings) out.push(dumpFinding(f));
  return out.join('\n') + '\n';
}

function dumpChildren(node: ConfigNode, width: number, out: string[]): void {
  for (const child of node.children) {
    const range = child.range;
    const lines =
      range.startLine === range.endLine
        ? `${range.startLine + 1}`
        : `${range.startLine + 1}-${range.endLine + 1}`;
    const text = show(child.text, child.kind === 'banner' ? MAX_BANNER_SHOWN : MAX_SHOWN);
    out.push(`${lines.padEnd(width)} ${'  '.repeat(child.depth - 1)}${text}${annotation(child)}`);
    dumpChildren(child, width, out);
  }
}

function annotation(node: ConfigNode): string {
  const notes: string[] = [];
  if (node.banner !== undefined) {
    const b = node.banner;
    notes.push(
      `banner type=${b.type || '(none)'} delimiter=${show(b.delimiter, MAX_SHOWN)} body=${b.body.length} chars`,
    );
    if (!b.terminated) notes.push('UNTERMINATED');
  }
  if (node.certificate !== undefined) {
    const c = node.certificate;
    notes.push(`certificate "${c.header}" ${c.hexLines.length} hex line(s), ${c.hex.length / 2} bytes`);
    notes.push(c.terminated ? `quit at ${node.lastLine + 1}` : 'UNTERMINATED');
  }
  if (node.duplicateOf !== undefined) notes.push(`duplicate of ${node.duplicateOf.line + 1}`);
  return notes.length === 0 ? '' : `  <${notes.join('; ')}>`;
}

/**
 * One entry per distinct (kind, text): a config has hundreds of `!` lines and they read best as one.
 * Binary lines are one entry whatever their bytes: the junk itself tells a reviewer nothing.
 */
function dumpTrivia(trivia: readonly Trivia[]): string[] {
  const groups = new Map<string, { kind: string; text: string; lines: number[] }>();
  for (const t of trivia) {
    const key = t.kind === 'binary' ? 'binary' : `${t.kind}\u0000${t.text}`;
    const group = groups.get(key) ?? { kind: t.kind, text: t.text, lines: [] };
    for (let line = t.line; line <= t.lastLine; line++) group.lines.push(line + 1);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const text = g.kind === 'binary' ? '(not shown)' : `"${show(g.text, MAX_SHOWN)}"`;
    return `${g.kind.padEnd(16)} ${text} at ${spans(g.lines)}`;
  });
}

function droppedLines(trivia: readonly Trivia[]): number {
  let lines = 0;
  for (const t of trivia) lines += t.lastLine - t.line + 1;
  return lines;
}

/** `1, 3-5, 9`: ascending line numbers with runs joined. */
function spans(lines: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    parts.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j;
  }
  return parts.join(', ');
}

function dumpFinding(f: Finding): string {
  const r = f.range;
  const related = f.relatedLine === undefined ? '' : ` (see ${f.relatedLine + 1})`;
  return `${r.startLine + 1}:${r.startColumn + 1}-${r.endLine + 1}:${r.endColumn} ${f.severity} ${f.code}${related}: ${f.message}`;
}

/** Escapes control characters and cuts long texts, so a dump is one readable line per entry. */
function show(text: string, max: number): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  // eslint-disable-next-line no-control-regex
  const escaped = cut.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return text.length > max ? `${escaped}...(+${text.length - max} chars)` : escaped;
}
