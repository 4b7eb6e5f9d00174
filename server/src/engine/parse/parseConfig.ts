import { detectPlatform } from '../detect/detectPlatform';
import { appendChild, createRoot, TreeNode } from '../model/configNode';
import type { ParsedConfig, Platform, Trivia, TriviaKind } from '../model/types';
import { BannerReader } from './banner';
import { isCertificateChain, isCertificateChainHeader, readCertificate } from './certificate';
import { droppedLineKind } from './droppedLines';
import { FindingCollector, lineRange } from './findingCollector';
import { isBlank, LineReader } from './lineReader';
import { flagOverlappingVlans } from './vlanOverlap';

type MutableTrivia = { -readonly [K in keyof Trivia]: Trivia[K] };

/** Longer lines are flagged: no Cisco command is this long, so the file is probably not a configuration. */
export const MAX_LINE_LENGTH = 4096;

/** Confidence above which content that looks like the other platform is worth a warning. */
const OTHER_PLATFORM_CONFIDENCE = 0.5;

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  cisco_ios: 'Cisco IOS',
  cisco_nxos: 'Cisco NX-OS',
};

/** How `parseConfig` reads the lines below a top-level line. */
export interface ParseConfigOptions {
  /**
   * `eager` (default): every line now, with every finding. `lazy`: a top-level section's lines are
   * read on first use of its `children`, and two sections whose lines are the same text compare equal
   * without being read (`sameChildText`): for comparing two configs that share most of their
   * sections. Errors are still found everywhere (a file with control characters is read eagerly;
   * banners and certificate chains always are); warnings about lines inside a section that is never
   * read (duplicates, indentation) are not, its dropped lines are not in `trivia`, and `nodeCount`
   * counts the nodes the parse itself made.
   */
  readonly sections?: 'eager' | 'lazy';
}

/**
 * Text → tree, by relative indentation (PLATFORM-RULES.md, "The model"): a line indented more than the
 * previous line is its child; a line indented less than the previous one but more than the enclosing
 * section stays in that section. Dropped lines are trivia and do not count as "the previous line".
 * Never throws: whatever the text, the result is a tree plus findings.
 */
export function parseConfig(
  text: string,
  platform: Platform,
  options: ParseConfigOptions = {},
): ParsedConfig {
  const reader = new LineReader(text);
  const findings = new FindingCollector();
  const root = createRoot(text);
  const lazy = options.sections === 'lazy' && !NEEDS_EVERY_CHARACTER_READ.test(text);
  const parse = new LineParser(
    reader,
    findings,
    platform,
    lazy ? new SectionSkipper(text, platform) : undefined,
  );
  parse.lines(root, text.length);

  const lineCount = reader.lineCount;
  root.setLastLine(lineCount - 1, endsWithLineBreak(text) ? 0 : reader.end - reader.start);
  if (parse.firstBinary !== undefined) {
    const binaryLines = parse.binaryLines;
    findings.add(
      'binary-content',
      'error',
      `${binaryLines === 1 ? '1 line contains' : `${binaryLines} lines contain`} NUL or other control characters ` +
        'and were left out of the tree: is this a configuration file?',
      lineRange(parse.firstBinary.line, 0, parse.firstBinary.text.length),
    );
  }
  flagOverlappingVlans(root, findings);
  const detection = detectPlatform(text);
  if (
    detection.platform !== undefined &&
    detection.platform !== platform &&
    detection.confidence >= OTHER_PLATFORM_CONFIDENCE
  ) {
    const evidence = detection.reasons.filter((r) => r.platform === detection.platform);
    findings.add(
      'other-platform',
      'warning',
      `This looks like ${PLATFORM_NAMES[detection.platform]} (${evidence.map((r) => r.clue).join(', ')}) ` +
        `but is read as ${PLATFORM_NAMES[platform]}.`,
      lineRange(evidence[0].line, 0, lineLength(text, evidence[0].line)),
    );
  }
  return {
    platform,
    root,
    trivia: parse.trivia,
    findings: findings.result(),
    lineCount,
    nodeCount: parse.nodeCount,
    detection,
  };
}

/**
 * Characters that only a read of every character finds (control characters, U+FFFD, a lone CR line
 * break): a text with any is read eagerly, so that their findings and line breaks are exact.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_EVERY_CHARACTER_READ = /[\x00-\x02\x04-\x08\x0e-\x1a\x1c-\x1f\ufffd]|\r(?!\n)/;

/** Reads lines into a tree: the whole text below the root, or a lazy section's lines below it. */
class LineParser {
  readonly trivia: MutableTrivia[] = [];
  nodeCount = 0;
  binaryLines = 0;
  firstBinary: Trivia | undefined;
  private readonly banners: BannerReader;
  private readonly noteLine: () => void;

  constructor(
    private readonly reader: LineReader,
    private readonly findings: FindingCollector,
    private readonly platform: Platform,
    private readonly skipper: SectionSkipper | undefined,
  ) {
    this.noteLine = (): void => noteLineProblems(reader, findings);
    this.banners = new BannerReader(reader, findings, this.noteLine);
  }

  /** Reads the lines from the reader's position up to offset `stop` as descendants of `top`. */
  lines(top: TreeNode, stop: number): void {
    const reader = this.reader;
    const findings = this.findings;
    let section: TreeNode = top;
    let previous: TreeNode = top;
    while (reader.nextOffset < stop && reader.advance()) {
      if (reader.controlChars) {
        // NUL and friends: binary junk or a corrupt backup, never configuration. Kept out of the tree.
        this.firstBinary ??= { kind: 'binary', text: reader.raw(), line: reader.line, lastLine: reader.line };
        addTrivia(this.trivia, 'binary', reader);
        this.binaryLines++;
        continue;
      }
      this.noteLine();
      const dropped = droppedLineKind(reader, this.platform);
      if (dropped !== undefined) {
        addTrivia(this.trivia, dropped, reader);
        continue;
      }

      const indent = reader.indentEnd - reader.start;
      while (section !== top && indent <= section.column) section = section.parent as TreeNode;
      if (previous === top || indent > previous.column) section = previous;

      let node: TreeNode | undefined;
      if (section.kind === 'root' && reader.contentStartsWith('banner ')) node = this.banners.read();
      else if (reader.contentStartsWith('certificate ') && isCertificateChain(section)) {
        node = readCertificate(reader, findings, this.noteLine);
      }
      node ??= new TreeNode('line', reader.normalised(), reader.start, reader.end, reader.line, indent);

      const siblings = section.kids;
      const first = appendChild(section, node);
      this.nodeCount++;
      if (siblings.length > 0 && siblings[0].column !== indent) {
        flagIndentation(findings, node, siblings[0], section);
      }
      if (first !== undefined) flagDuplicate(findings, node, first);
      previous = node;
      if (section.kind === 'root' && this.skipper !== undefined) {
        this.skipper.skipSection(node, reader, this.trivia);
      }
    }
  }
}

/**
 * `sections: 'lazy'`: after a top-level line, finds the lines of its section by their first character
 * (an indented line belongs to it; an unindented one ends it unless it is a dropped line) without
 * reading them, makes the node read them on first use, and moves the reader past them.
 */
class SectionSkipper {
  /** Reads one unindented line at a time, to tell whether it is dropped (`!`, `version ...`). */
  private readonly probe: LineReader;
  /** One reader function for every section (not a closure each: 5,000 sections, 5,000 closures). */
  private readonly read = (section: TreeNode): void => this.readSection(section);

  constructor(
    private readonly text: string,
    private readonly platform: Platform,
  ) {
    this.probe = new LineReader(text);
  }

  skipSection(node: TreeNode, reader: LineReader, trivia: MutableTrivia[]): void {
    // Certificate chains are read now, so that an unterminated certificate is an error at once.
    if (node.kind !== 'line' || node.column !== 0 || isCertificateChainHeader(node.text)) return;
    const text = this.text;
    const length = text.length;
    const from = reader.nextOffset;
    let at = from;
    let line = reader.line + 1;
    /** The last indented line: its start, end (before the break), index, and the offset after it. */
    let lastStart = -1;
    let lastEnd = -1;
    let lastLine = -1;
    let after = -1;
    let configuration = false;
    /** Unindented dropped lines since the last indented one (`!` separators): trivia of the top level. */
    let trailing = 0;
    while (at < length) {
      const lf = text.indexOf('\n', at);
      const next = lf < 0 ? length : lf + 1;
      const end = lf < 0 ? length : lf > at && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
      // A long line is worth its warning: leave the section to the eager read.
      if (end - at > MAX_LINE_LENGTH) return;
      if (isBlank(text.charCodeAt(at))) {
        configuration ||= this.isConfigurationLine(at, end, line);
        lastStart = at;
        lastEnd = end;
        lastLine = line;
        after = next;
        trailing = 0;
      } else if (this.isDroppedUnindented(at, line)) trailing++;
      else break;
      at = next;
      line++;
    }
    // Only comments below it (or nothing): read as usual, they are trivia.
    if (!configuration) return;
    const fromLine = reader.line + 1;
    node.deferChildren(from, fromLine, after, this.read);
    reader.skipPast(lastStart, lastEnd, lastLine, after);
    // The separators after the section, recorded here rather than read again line by line.
    for (let k = 0; k < trailing; k++) {
      reader.advance();
      addTrivia(trivia, droppedLineKind(reader, this.platform) as TriviaKind, reader);
    }
  }

  /** Whether an indented line is configuration: its first non-blank character tells, unless `!`, `#`, `e`. */
  private isConfigurationLine(at: number, end: number, line: number): boolean {
    const text = this.text;
    let i = at;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    if (i === end) return false;
    const c = text.charCodeAt(i);
    if (c !== BANG && c !== HASH && c !== LOWER_E) return true;
    return !this.isDroppedLine(at, line);
  }

  /**
   * Whether an unindented line is dropped (droppedLineKind): `!` and empty lines are; a line starting
   * with a character no dropped line starts with is not; the others are read to tell.
   */
  private isDroppedUnindented(at: number, line: number): boolean {
    const c = this.text.charCodeAt(at);
    if (c === BANG || c === LF || c === CR) return true;
    if (!DROPPED_UNINDENTED_FIRST.has(c)) return false;
    return this.isDroppedLine(at, line);
  }

  /** Reads a lazy section's lines (their findings and trivia are not kept: see ParseConfigOptions). */
  private readSection(section: TreeNode): void {
    const span = section.deferredSpan as { from: number; to: number; fromLine: number };
    const reader = new LineReader(this.text);
    reader.seek(span.from, span.fromLine);
    new LineParser(reader, new FindingCollector(), this.platform, undefined).lines(section, span.to);
  }

  private isDroppedLine(at: number, line: number): boolean {
    const probe = this.probe;
    probe.seek(at, line);
    probe.advance();
    return droppedLineKind(probe, this.platform) !== undefined;
  }
}

const LF = 0x0a;
const CR = 0x0d;
const BANG = 0x21;
const HASH = 0x23;
const LOWER_E = 0x65;
/** First characters of the unindented lines droppedLineKind may drop besides `!` (`#`, `Building`, `end`...). */
const DROPPED_UNINDENTED_FIRST = new Set([...'#BCvenb'].map((c) => c.charCodeAt(0)));

/** Records the reader's line as dropped, extending the previous entry when it is the same line again. */
function addTrivia(trivia: MutableTrivia[], kind: TriviaKind, reader: LineReader): void {
  const text = reader.raw();
  const last = trivia.length > 0 ? trivia[trivia.length - 1] : undefined;
  if (last !== undefined && last.kind === kind && last.lastLine === reader.line - 1 && last.text === text) {
    last.lastLine = reader.line;
  } else {
    trivia.push({ kind, text, line: reader.line, lastLine: reader.line });
  }
}

function noteLineProblems(reader: LineReader, findings: FindingCollector): void {
  const length = reader.end - reader.start;
  if (length > MAX_LINE_LENGTH) {
    findings.add(
      'line-too-long',
      'warning',
      `This line is ${length} characters long; no configuration command is longer than ${MAX_LINE_LENGTH}.`,
      lineRange(reader.line, 0, length),
    );
  }
  if (reader.replacementChars) {
    findings.add(
      'invalid-utf8',
      'warning',
      'This line has bytes that are not valid UTF-8 (shown as \uFFFD): the file may be corrupt or in another encoding.',
      lineRange(reader.line, 0, length),
    );
  }
}

function flagIndentation(
  findings: FindingCollector,
  node: TreeNode,
  firstSibling: TreeNode,
  section: TreeNode,
): void {
  const where =
    section.kind === 'root' ? 'at the top level' : `under \`${section.text}\` (line ${section.line + 1})`;
  findings.add(
    'inconsistent-indentation',
    'warning',
    `Indented ${node.column} but its first sibling ${where} is indented ${firstSibling.column}; ` +
      'read as its sibling all the same.',
    node.ownRange,
    firstSibling.line,
  );
}

function flagDuplicate(findings: FindingCollector, node: TreeNode, first: TreeNode): void {
  // ACL remarks are often repeated on purpose (separators); they are worth a note, not a warning.
  const remark = node.text.startsWith('remark ') || node.text === 'remark';
  findings.add(
    'duplicate-line',
    remark ? 'info' : 'warning',
    `Duplicate of line ${first.line + 1} in the same section: kept, but the device holds it once.`,
    node.ownRange,
    first.line,
  );
}

/** Length of line `line` (0-based), found by scanning: used once, for a line near the top. */
function lineLength(text: string, line: number): number {
  let start = 0;
  for (let i = 0; i < line && start < text.length; i++) {
    while (start < text.length && text.charCodeAt(start) !== 10 && text.charCodeAt(start) !== 13) start++;
    start += text.charCodeAt(start) === 13 && text.charCodeAt(start + 1) === 10 ? 2 : 1;
  }
  let end = start;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end - start;
}

/** A final line break starts an empty last line (the reader never visits it). */
function endsWithLineBreak(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13;
}
