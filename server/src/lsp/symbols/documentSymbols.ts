import type { DocumentSymbol } from 'vscode-languageserver/node';
import type { ConfigNode, ParsedConfig } from '../../engine';
import type { EditorFeature } from '../editorContext';
import { headerRange, toLspRange } from '../ranges';
import { symbolKindOf, symbolRuleFor, type SymbolRule } from './symbolKinds';

/** Longer names are cut: a 100,000-character line must not become a 100,000-character outline entry. */
const MAX_NAME_LENGTH = 120;
const MAX_DETAIL_LENGTH = 80;
/**
 * Sections nested deeper than this get no child symbols: real configurations nest four or five
 * levels, and a staircase of 20,000 ever-deeper lines must neither overflow the stack nor send a
 * 20,000-level tree.
 */
const MAX_SYMBOL_DEPTH = 32;

/**
 * textDocument/documentSymbol: the hierarchy as the outline, breadcrumbs and sticky scroll show it.
 * Only sections (lines with children), banners, certificates and top-level lines that define a
 * named object are symbols; leaf commands inside a section are not (a 40,000-line file would
 * otherwise send ~10 MB of symbols on every outline refresh instead of ~1 MB).
 */
export const documentSymbolFeature: EditorFeature = {
  capabilities: { documentSymbolProvider: { label: 'NetRemediate' } },
  register({ connection, analysis }) {
    connection.onDocumentSymbol(async ({ textDocument }, token) => {
      const parsed = (await analysis(textDocument.uri))?.parsed;
      if (parsed === undefined || token.isCancellationRequested) return [];
      return documentSymbols(parsed);
    });
  },
};

export function documentSymbols(parsed: ParsedConfig): DocumentSymbol[] {
  return childSymbols(parsed.root);
}

function childSymbols(section: ConfigNode): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const children = section.children;
  const topLevel = section.kind === 'root';
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    const isSection = node.children.length > 0;
    if (node.kind === 'banner' || node.kind === 'certificate') {
      symbols.push(symbolFor(node, undefined));
      continue;
    }
    if (!isSection && !topLevel) continue;
    const rule = symbolRuleFor(node);
    if (!isSection && rule?.leafToo !== true) continue;
    const groupKey =
      !isSection && rule?.groupKey !== undefined ? rule.groupKey.exec(node.text)?.[0] : undefined;
    if (groupKey === undefined) {
      symbols.push(symbolFor(node, rule));
      continue;
    }
    let last = i;
    while (last + 1 < children.length && isInGroup(children[last + 1], groupKey)) last++;
    symbols.push(groupSymbol(children.slice(i, last + 1), groupKey, rule!));
    i = last;
  }
  return symbols;
}

function isInGroup(node: ConfigNode, groupKey: string): boolean {
  const text = node.text;
  return node.children.length === 0 && text.startsWith(groupKey) && text.charCodeAt(groupKey.length) === 32;
}

function symbolFor(node: ConfigNode, rule: SymbolRule | undefined): DocumentSymbol {
  const { name, detail } = nameAndDetail(node);
  const symbol: DocumentSymbol = {
    name: clip(name, MAX_NAME_LENGTH),
    kind: symbolKindOf(node, rule),
    range: toLspRange(node.range),
    selectionRange: headerRange(node),
  };
  if (detail !== undefined && detail !== '') symbol.detail = clip(detail, MAX_DETAIL_LENGTH);
  if (node.children.length > 0 && node.depth < MAX_SYMBOL_DEPTH) {
    const children = childSymbols(node);
    if (children.length > 0) symbol.children = children;
  }
  return symbol;
}

/** Entries of one prefix list or numbered ACL, one line each, shown as one symbol. */
function groupSymbol(entries: readonly ConfigNode[], groupKey: string, rule: SymbolRule): DocumentSymbol {
  const first = entries[0];
  const last = entries[entries.length - 1];
  const range = toLspRange(first.range);
  range.end = toLspRange(last.range).end;
  return {
    name: clip(groupKey, MAX_NAME_LENGTH),
    detail: clip(
      entries.length === 1 ? first.text.slice(groupKey.length + 1) : entryCount(entries.length),
      MAX_DETAIL_LENGTH,
    ),
    kind: rule.kind,
    range,
    selectionRange: headerRange(first),
  };
}

/**
 * The outline's text: the command itself, except where a shorter name reads better (a banner's type
 * rather than its whole body; `route-map X` with its `permit 10` as the detail, so the sequences of
 * one route map line up). Details are what engineers look for next: descriptions, VLAN names, RDs.
 */
function nameAndDetail(node: ConfigNode): { name: string; detail?: string } {
  if (node.kind === 'banner') {
    const banner = node.banner;
    const firstBodyLine = banner?.body.split('\n').find((line) => line.trim() !== '');
    return { name: banner?.type ? `banner ${banner.type}` : 'banner', detail: firstBodyLine?.trim() };
  }
  if (node.kind === 'certificate') return { name: node.certificate?.header ?? 'certificate' };
  const text = node.text === '' ? '(empty)' : node.text;
  if (node.depth === 1 && text.startsWith('route-map ')) {
    const words = text.split(' ');
    return { name: words.slice(0, 2).join(' '), detail: words.slice(2).join(' ') };
  }
  if (node.depth === 1 && text.startsWith('vlan ')) return { name: text, detail: childValue(node, 'name ') };
  if (
    node.depth === 1 &&
    (text.startsWith('vrf definition ') || text.startsWith('ip vrf ') || text.startsWith('vrf context '))
  ) {
    return { name: text, detail: childValue(node, 'rd ') ?? childValue(node, 'description ') };
  }
  if (node.depth === 1 && /^(?:ip|ipv6|mac) access-list /.test(text) && node.children.length > 0) {
    return { name: text, detail: entryCount(node.children.length) };
  }
  return { name: text, detail: childValue(node, 'description ') };
}

/** What follows `prefix` in the first child that starts with it, e.g. an interface's description. */
function childValue(node: ConfigNode, prefix: string): string | undefined {
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    if (children[i].text.startsWith(prefix)) return children[i].text.slice(prefix.length);
  }
  return undefined;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function entryCount(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}
