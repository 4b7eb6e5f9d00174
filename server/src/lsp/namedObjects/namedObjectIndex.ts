import type { ConfigNode, ParsedConfig, Platform, Range } from '../../engine';
import { isBuiltIn, type ObjectKind } from './objectKinds';
import { OBJECT_PATTERNS, type ObjectPattern } from './objectPatterns';

/** One place a named object is defined or referenced: the name's own characters in one line. */
export interface ObjectOccurrence {
  readonly kind: ObjectKind;
  readonly role: 'definition' | 'reference';
  /** As written, e.g. `Gi0/1`. */
  readonly name: string;
  /** What occurrences of one object share, e.g. `gigabitethernet0/1`. */
  readonly key: string;
  readonly node: ConfigNode;
  /** The name within its line. */
  readonly range: Range;
}

/** Everything the configuration says about one object. */
export interface NamedObject {
  readonly kind: ObjectKind;
  readonly key: string;
  /** For messages: the definition's name when there is one, e.g. `GigabitEthernet0/1`. */
  readonly display: string;
  /** In line order; several for objects written over many lines (numbered ACLs, prefix lists). */
  readonly definitions: readonly ObjectOccurrence[];
  readonly references: readonly ObjectOccurrence[];
  /** The device has it without a definition (class-default, NX-OS VRF management, Null0). */
  readonly builtIn: boolean;
}

export interface NamedObjectIndex {
  /** Every occurrence, in line then column order. */
  readonly occurrences: readonly ObjectOccurrence[];
  /** Every object, in order of first occurrence. */
  readonly objects: readonly NamedObject[];
  objectOf(occurrence: ObjectOccurrence): NamedObject;
  /** The occurrence whose name covers (`line`, `character`), its end included (a cursor just after a name). */
  occurrenceAt(line: number, character: number): ObjectOccurrence | undefined;
}

interface MutableObject extends NamedObject {
  display: string;
  readonly definitions: ObjectOccurrence[];
  readonly references: ObjectOccurrence[];
}

/**
 * The patterns of one platform, dispatched on a line's first word and on its first two words (a
 * prefix of two words or more is filed under its first two: most commands start with `ip`, and
 * trying every `ip ...` pattern on every `ip address` line would cost more than the rest together),
 * plus the few that can match anywhere in a line.
 */
interface PatternTable {
  /** What `resolve` resolves names for (interface types differ per platform). */
  readonly platform: Platform;
  readonly byLeadingWords: ReadonlyMap<string, readonly ObjectPattern[]>;
  readonly anywhere: readonly ObjectPattern[];
  /** Matches a line that contains any `contains` string: one scan instead of one `includes` per pattern. */
  readonly anywhereFilter: RegExp;
}

const tables = new Map<Platform, PatternTable>();

function tableFor(platform: Platform): PatternTable {
  let table = tables.get(platform);
  if (table !== undefined) return table;
  const byLeadingWords = new Map<string, ObjectPattern[]>();
  const anywhere: ObjectPattern[] = [];
  for (const pattern of OBJECT_PATTERNS) {
    if (pattern.platforms !== undefined && !pattern.platforms.includes(platform)) continue;
    if (pattern.contains !== undefined) anywhere.push(pattern);
    const keys = new Set((pattern.prefixes ?? []).map((p) => p.trimEnd().split(' ').slice(0, 2).join(' ')));
    for (const key of keys) {
      const list = byLeadingWords.get(key) ?? [];
      list.push(pattern);
      byLeadingWords.set(key, list);
    }
  }
  const escaped = anywhere.map((p) => p.contains!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  table = { platform, byLeadingWords, anywhere, anywhereFilter: new RegExp(escaped.join('|')) };
  tables.set(platform, table);
  return table;
}

/**
 * Finds every definition of and reference to a named object in a parsed configuration. One pass
 * over the tree; a line is only tried against the patterns of its first word and the few that can
 * match anywhere (after a cheap `includes`), so a 40,000-line file costs a few milliseconds.
 */
export function indexNamedObjects(parsed: ParsedConfig): NamedObjectIndex {
  const table = tableFor(parsed.platform);
  const occurrences: ObjectOccurrence[] = [];
  const stack: ConfigNode[] = [...parsed.root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'line') collectOccurrences(node, table, occurrences);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return buildIndex(occurrences, parsed.platform);
}

function collectOccurrences(node: ConfigNode, table: PatternTable, into: ObjectOccurrence[]): void {
  const text = node.text;
  const before = into.length;
  const firstSpace = text.indexOf(' ');
  if (firstSpace < 0) tryPrefixed(table.byLeadingWords.get(text), table, node, into, before);
  else {
    tryPrefixed(table.byLeadingWords.get(text.slice(0, firstSpace)), table, node, into, before);
    const secondSpace = text.indexOf(' ', firstSpace + 1);
    const twoWords = secondSpace < 0 ? text : text.slice(0, secondSpace);
    tryPrefixed(table.byLeadingWords.get(twoWords), table, node, into, before);
  }
  if (table.anywhereFilter.test(text)) {
    const anywhere = table.anywhere;
    for (let i = 0; i < anywhere.length; i++) {
      if (text.includes(anywhere[i].contains!)) applyPattern(anywhere[i], table, node, into, before);
    }
  }
  if (into.length - before > 1) {
    const found = into.splice(before).sort((a, b) => a.range.startColumn - b.range.startColumn);
    into.push(...found);
  }
}

/** Plain loops, no closures: this runs for every line of the file. */
function tryPrefixed(
  candidates: readonly ObjectPattern[] | undefined,
  table: PatternTable,
  node: ConfigNode,
  into: ObjectOccurrence[],
  lineStart: number,
): void {
  if (candidates === undefined) return;
  const text = node.text;
  for (let i = 0; i < candidates.length; i++) {
    const prefixes = candidates[i].prefixes!;
    for (let j = 0; j < prefixes.length; j++) {
      if (text.startsWith(prefixes[j])) {
        applyPattern(candidates[i], table, node, into, lineStart);
        break;
      }
    }
  }
}

function applyPattern(
  pattern: ObjectPattern,
  table: PatternTable,
  node: ConfigNode,
  into: ObjectOccurrence[],
  lineStart: number,
): void {
  const nested = node.depth > 1;
  if (pattern.level === 'top' && nested) return;
  if (pattern.level === 'nested' && !nested) return;
  if (pattern.parent !== undefined) {
    const parentText = node.parent?.text ?? '';
    if (!pattern.parent.some((p) => parentText.startsWith(p))) return;
  }
  const regex = pattern.regex;
  regex.lastIndex = 0;
  for (
    let match = regex.exec(node.text);
    match !== null;
    match = regex.global ? regex.exec(node.text) : null
  ) {
    const groups = match.indices?.groups;
    if (groups === undefined) break;
    const namespace = match.groups?.ns;
    if (groups.name !== undefined) {
      addOccurrence(pattern, table, node, groups.name[0], match.groups!.name, namespace, into, lineStart);
    } else if (groups.names !== undefined) {
      // `match ip address A B`: each blank-separated word is a name of its own.
      let offset = groups.names[0];
      for (const name of match.groups!.names.split(' ')) {
        addOccurrence(pattern, table, node, offset, name, namespace, into, lineStart);
        offset += name.length + 1;
      }
    }
    if (match[0].length === 0) regex.lastIndex++;
  }
}

function addOccurrence(
  pattern: ObjectPattern,
  table: PatternTable,
  node: ConfigNode,
  offset: number,
  name: string,
  namespace: string | undefined,
  into: ObjectOccurrence[],
  lineStart: number,
): void {
  const resolved =
    pattern.resolve === undefined ? { key: name, display: name } : pattern.resolve(name, table.platform);
  if (resolved === undefined) return;
  const key = namespace === undefined ? resolved.key : `${namespace} ${resolved.key}`;
  const startColumn = rawColumn(node, offset);
  // Two patterns may find the same name (a generic and a specific one): keep the first.
  for (let i = lineStart; i < into.length; i++) {
    if (into[i].range.startColumn === startColumn && into[i].kind === pattern.kind) return;
  }
  const range = {
    startLine: node.line,
    startColumn,
    endLine: node.line,
    endColumn: rawColumn(node, offset + name.length),
  };
  into.push({ kind: pattern.kind, role: pattern.role, name: resolved.display, key, node, range });
}

/**
 * Column in the source line of an offset in the node's normalised text: the normalised text starts
 * at the indentation's end and has each run of blanks collapsed to one space.
 */
function rawColumn(node: ConfigNode, offset: number): number {
  const raw = node.raw;
  let column = node.column;
  for (let i = 0; i < offset && column < raw.length; i++) {
    if (isBlank(raw.charCodeAt(column))) {
      while (column < raw.length && isBlank(raw.charCodeAt(column))) column++;
    } else column++;
  }
  return column;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c;
}

function buildIndex(occurrences: ObjectOccurrence[], platform: Platform): NamedObjectIndex {
  const byKey = new Map<string, MutableObject>();
  const objectKey = (o: ObjectOccurrence): string => `${o.kind}\u0000${o.key}`;
  for (const occurrence of occurrences) {
    const id = objectKey(occurrence);
    let object = byKey.get(id);
    if (object === undefined) {
      object = {
        kind: occurrence.kind,
        key: occurrence.key,
        display: occurrence.name,
        definitions: [],
        references: [],
        builtIn: isBuiltIn(occurrence.kind, occurrence.key, platform),
      };
      byKey.set(id, object);
    }
    if (occurrence.role === 'definition') {
      if (object.definitions.length === 0) object.display = occurrence.name;
      object.definitions.push(occurrence);
    } else object.references.push(occurrence);
  }
  return {
    occurrences,
    objects: [...byKey.values()],
    objectOf: (occurrence) => byKey.get(objectKey(occurrence))!,
    occurrenceAt: (line, character) => findOccurrence(occurrences, line, character),
  };
}

function findOccurrence(
  occurrences: readonly ObjectOccurrence[],
  line: number,
  character: number,
): ObjectOccurrence | undefined {
  // Binary search the first occurrence on `line`, then scan that line's few occurrences.
  let lo = 0;
  let hi = occurrences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occurrences[mid].range.startLine < line) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < occurrences.length && occurrences[i].range.startLine === line; i++) {
    const range = occurrences[i].range;
    if (character >= range.startColumn && character <= range.endColumn) return occurrences[i];
  }
  return undefined;
}
