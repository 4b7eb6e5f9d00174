import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { lineage, nodeAtLine, type ConfigNode } from '../engine';
import { languageForPlatform } from '../protocol';
import type { EditorFeature } from './editorContext';
import type { InlineReviews } from './inlineReview/inlineReviewFeature';
import type { SectionChange } from './inlineReview/sectionReview';
import { OBJECT_KIND_LABELS, type NamedObject } from './namedObjects';
import { objectAtPosition } from './navigation/objectAtPosition';
import { toLspRange } from './ranges';

/** Each lineage line is cut to this: a hover must stay readable next to a 100,000-character line. */
const MAX_LINE_IN_HOVER = 160;
/** A lineage deeper than this (only a broken file nests so deep) shows its top and its bottom. */
const MAX_LINEAGE_SHOWN = 16;

/**
 * textDocument/hover on any line of the tree: its lineage (the section path, as the device would
 * print it) and, on a named object's name, where it is defined and how often it is referenced.
 */
export function createHoverFeature(inline: () => InlineReviews | undefined): EditorFeature {
  return {
    capabilities: { hoverProvider: true },
    register({ connection, analysis, clientCapabilities }) {
      connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
        const document = await analysis(textDocument.uri);
        const parsed = document?.parsed;
        if (document === undefined || parsed === undefined) return null;
        const node = nodeAtLine(parsed.root, position.line);
        if (node === undefined) return null;
        const found = objectAtPosition(document, position);
        const markdown =
          clientCapabilities().textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false;
        const language = languageForPlatform(parsed.platform);
        const path = lineagePath(lineage(node));
        const sections: string[] = [
          markdown ? ['```' + language, ...path, '```'].join('\n') : path.join('\n'),
        ];
        if (found !== undefined) sections.push(describeObject(found.object, markdown));
        const change = await inline()?.sectionAt(document, position.line);
        if (change !== undefined) sections.push(describeSectionChange(change, language, markdown));
        return {
          contents: {
            kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText,
            value: sections.join('\n\n'),
          },
          range: toLspRange(found?.occurrence.range ?? node.ownRange),
        };
      });
    },
  };
}

/** The section's part of the remediation, as the device will be sent it. */
function describeSectionChange(change: SectionChange, language: string, markdown: boolean): string {
  const title = `Remediation of this section: ${change.commands} command${change.commands === 1 ? '' : 's'}`;
  const script = change.script.replace(/\n$/, '');
  return markdown ? `**${title}**\n\n\`\`\`${language}\n${script}\n\`\`\`` : `${title}\n${script}`;
}

/** E.g. "route map `ISP-OUT`: defined at line 166 · 1 reference". */
export function describeObject(object: NamedObject, markdown: boolean): string {
  const name = markdown ? `\`${object.display}\`` : object.display;
  const lines = object.definitions.map((d) => d.range.startLine + 1);
  const where = object.builtIn
    ? 'built into the device'
    : lines.length === 0
      ? 'not defined in this configuration'
      : lines.length === 1
        ? `defined at line ${lines[0]}`
        : `defined at lines ${summariseLines(lines)}`;
  const count = object.references.length;
  return `${OBJECT_KIND_LABELS[object.kind]} ${name}: ${where} · ${count} reference${count === 1 ? '' : 's'}`;
}

/** `5, 9-12, 20` for a few lines, `5, 9, … (40 lines)` for many. */
function summariseLines(lines: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    runs.push(j > i ? `${lines[i]}-${lines[j]}` : `${lines[i]}`);
    i = j;
  }
  return runs.length <= 5 ? runs.join(', ') : `${runs.slice(0, 5).join(', ')}, … (${lines.length} lines)`;
}

/** The lineage as indented lines, the middle of a very deep one elided. */
function lineagePath(chain: readonly ConfigNode[]): string[] {
  const lines = (nodes: readonly ConfigNode[], firstDepth: number): string[] =>
    nodes.map((n, i) => ' '.repeat(firstDepth + i) + clip(oneLine(n)));
  if (chain.length <= MAX_LINEAGE_SHOWN) return lines(chain, 0);
  const head = 4;
  const tail = MAX_LINEAGE_SHOWN - head;
  return [
    ...lines(chain.slice(0, head), 0),
    `${' '.repeat(head)}… ${chain.length - MAX_LINEAGE_SHOWN} more levels …`,
    ...lines(chain.slice(-tail), head + 1),
  ];
}

function oneLine(node: ConfigNode): string {
  if (node.kind === 'banner')
    return `banner ${node.banner?.type ?? ''} ${node.banner?.delimiter ?? ''}…`.replace(/ +/g, ' ');
  if (node.kind === 'certificate') return node.certificate?.header ?? 'certificate';
  return node.text;
}

function clip(text: string): string {
  return text.length <= MAX_LINE_IN_HOVER ? text : `${text.slice(0, MAX_LINE_IN_HOVER - 1)}…`;
}
