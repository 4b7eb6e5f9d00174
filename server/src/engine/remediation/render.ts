import type { HNode } from './hnode';
import type { ConfigTree, RenderOptions } from './types';

/** How the parser spells a banner's delimiter in its normalised text. */
const CARET_C = '^C';
const ETX = '\u0003';
/** Delimiters tried, in order, for a banner sent to a device: the first absent from the body wins. */
const SAFE_DELIMITERS = ['^', '#', '%', '@', '$', '~', '|', '&', '*', '+', '=', '`'];

/**
 * A tree as text: a script (remediation, rollback) or a config (the predicted one). Indentation per
 * platform (IOS 1 space, NX-OS 2) or as given; sections closed by their exit token on request;
 * banners and certificates written back whole. Lines end `\n`; the text ends with one when not empty.
 */
export function renderTree(tree: ConfigTree, options: RenderOptions = {}): string {
  const unit = ' '.repeat(options.indent ?? tree.rules.driver.indentation);
  const lines: string[] = [];
  const only = options.topLevel;
  const sectionLines = options.sectionLines;
  // Banners are one entry of `lines` holding several lines: what they add beyond one, for sectionLines.
  let bannerExtra = 0;
  const write = (node: HNode, depth: number): void => {
    for (const c of node.children) {
      if (depth === 0 && only !== undefined && !only.has(c)) continue;
      const pad = unit.repeat(depth);
      const start = lines.length + bannerExtra;
      if (c.kind === 'banner') {
        const banner = renderBanner(c, options.bannerDelimiter ?? 'safe');
        lines.push(banner);
        if (sectionLines !== undefined) bannerExtra += countLineBreaks(banner);
      } else renderOwnLine(c, pad, unit, options, lines);
      if (options.comments === true && c.meta?.negated !== undefined && c.meta.negated.children.length > 0) {
        lines.push(`${pad}! removes ${1 + c.meta.negated.descendantCount()} lines`);
      }
      if (c.children.length > 0) {
        write(c, depth + 1);
        if (options.exits === true) {
          const exit = tree.rules.exit(c);
          if (exit !== undefined) lines.push((exit.atHeaderLevel ? pad : pad + unit) + exit.text);
        }
      }
      if (depth === 0 && sectionLines !== undefined)
        sectionLines.set(c, { start, end: lines.length + bannerExtra });
    }
  };
  write(tree.root, 0);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * A node's own line(s), without its children: a banner whole, a certificate with its hex lines and
 * `quit`, any other line at `pad`. For callers that walk a tree their own way (compliance).
 */
export function renderOwnLine(
  node: HNode,
  pad: string,
  unit: string,
  options: Pick<RenderOptions, 'bannerDelimiter'>,
  lines: string[],
): void {
  if (node.kind === 'banner') lines.push(renderBanner(node, options.bannerDelimiter ?? 'safe'));
  else if (node.kind === 'certificate') renderCertificate(node, pad, pad + unit, lines);
  else lines.push(pad + node.text);
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * `banner <type> <d><body><d>`. The normalised text holds the body between `^C` marks; `original`
 * writes the delimiter the file used, `safe` one character the body does not contain.
 */
function renderBanner(node: HNode, mode: 'safe' | 'original'): string {
  const text = node.text;
  const open = text.indexOf(CARET_C);
  if (open < 0 || !text.endsWith(CARET_C) || text.length < open + 2 * CARET_C.length) return text;
  const head = text.slice(0, open);
  const body = text.slice(open + CARET_C.length, text.length - CARET_C.length);
  const original = node.source?.banner?.delimiter ?? CARET_C;
  const delimiter = mode === 'original' ? original : safeDelimiter(body, original);
  return `${head}${delimiter}${body}${delimiter}`;
}

function safeDelimiter(body: string, original: string): string {
  if (original.length === 1 && original !== ETX && !body.includes(original)) return original;
  for (const d of SAFE_DELIMITERS) if (!body.includes(d)) return d;
  // Every candidate occurs in the body: ETX itself, which IOS reads as a delimiter.
  return ETX;
}

/** `certificate ...`, its hex lines one level in, `quit`: the block as IOS prints and reads it. */
function renderCertificate(node: HNode, pad: string, inner: string, lines: string[]): void {
  const info = node.source?.certificate;
  if (info === undefined) {
    lines.push(pad + node.text);
    return;
  }
  lines.push(pad + info.header);
  for (const hex of info.hexLines) lines.push(inner + hex);
  lines.push(`${inner}quit`);
}
