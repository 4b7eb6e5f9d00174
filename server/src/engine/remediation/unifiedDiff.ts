import { structuredPatch } from 'diff';
import type { ConfigNode, ParsedConfig } from '../model/types';
import { sameChildText } from '../model/configNode';

export interface UnifiedDiffOptions {
  /** Lines of context around each change. Default 3. */
  readonly context?: number;
  readonly runningName?: string;
  readonly intendedName?: string;
}

interface SourceLine {
  readonly text: string;
  /** 0-based line in its file. */
  readonly line: number;
}

/**
 * A unified diff of two configs, hierarchy-aware: top-level sections are paired by their text (order
 * aside), only sections that differ are diffed (never whole configs: diffing 35,000 lines takes
 * seconds), and each hunk's header names its section, `@@ -12,4 +12,5 @@ interface Gi1`. Line numbers
 * are the files' own. Lines as printed; comments and blank lines, not being configuration, are left out.
 */
export function unifiedDiff(
  running: ParsedConfig,
  intended: ParsedConfig,
  options: UnifiedDiffOptions = {},
): string {
  const context = options.context ?? 3;
  const out: string[] = [];
  const byText = new Map<string, ConfigNode>();
  for (const node of intended.root.children) if (!byText.has(node.text)) byText.set(node.text, node);
  const paired = new Set<ConfigNode>();
  for (const r of running.root.children) {
    const i = byText.get(r.text);
    if (i !== undefined && !paired.has(i)) {
      paired.add(i);
      if (!sameSubtree(r, i)) out.push(...sectionHunks(r, i, context));
    } else {
      out.push(...wholeSection(r, '-'));
    }
  }
  for (const i of intended.root.children) if (!paired.has(i)) out.push(...wholeSection(i, '+'));
  if (out.length === 0) return '';
  return [
    `--- ${options.runningName ?? 'running'}`,
    `+++ ${options.intendedName ?? 'intended'}`,
    ...out,
    '',
  ].join('\n');
}

function sameSubtree(a: ConfigNode, b: ConfigNode): boolean {
  if (a.text !== b.text) return false;
  // Sections of lazily parsed configs with the same lines below them: equal, and left unread.
  if (sameChildText(a, b) === true) return true;
  if (a.children.length !== b.children.length) return false;
  for (let k = 0; k < a.children.length; k++) if (!sameSubtree(a.children[k], b.children[k])) return false;
  return true;
}

function sourceLines(node: ConfigNode, into: SourceLine[] = []): SourceLine[] {
  node.raw
    .split('\n')
    .forEach((text, k) => into.push({ text: text.replace(/\s+$/, ''), line: node.line + k }));
  for (const c of node.children) sourceLines(c, into);
  return into;
}

function sectionHunks(r: ConfigNode, i: ConfigNode, context: number): string[] {
  const before = sourceLines(r);
  const after = sourceLines(i);
  const patch = structuredPatch('', '', joined(before), joined(after), undefined, undefined, { context });
  const out: string[] = [];
  for (const hunk of patch.hunks) {
    const oldStart = lineAt(before, hunk.oldStart, hunk.oldLines);
    const newStart = lineAt(after, hunk.newStart, hunk.newLines);
    out.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@ ${r.text}`);
    for (const l of hunk.lines) if (!l.startsWith('\\')) out.push(l);
  }
  return out;
}

/** A section only one side has, whole; the other side's range is empty (`-0,0` / `+0,0`). */
function wholeSection(node: ConfigNode, sign: '-' | '+'): string[] {
  const lines = sourceLines(node);
  const range = `${node.line + 1},${lines.length}`;
  const header = sign === '-' ? `@@ -${range} +0,0 @@` : `@@ -0,0 +${range} @@`;
  return [`${header} ${firstLine(node.text)}`, ...lines.map((l) => sign + l.text)];
}

function joined(lines: readonly SourceLine[]): string {
  return lines.length === 0 ? '' : `${lines.map((l) => l.text).join('\n')}\n`;
}

/** The file line (1-based) of the hunk's first line, from its 1-based index into the section. */
function lineAt(lines: readonly SourceLine[], start: number, count: number): number {
  if (count === 0) return start === 0 ? (lines[0]?.line ?? 0) : (lines[start - 1]?.line ?? 0) + 1;
  return (lines[start - 1]?.line ?? 0) + 1;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0];
}
