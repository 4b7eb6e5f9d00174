import { detectPlatform } from '../detect/detectPlatform';
import { appendChild, createRoot, TreeNode } from '../model/configNode';
import type { ParsedConfig, Platform, Trivia, TriviaKind } from '../model/types';
import { BannerReader } from './banner';
import { isCertificateChain, readCertificate } from './certificate';
import { droppedLineKind } from './droppedLines';
import { FindingCollector, lineRange } from './findingCollector';
import { LineReader } from './lineReader';
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

/**
 * Text → tree, by relative indentation (PLATFORM-RULES.md, "The model"): a line indented more than the
 * previous line is its child; a line indented less than the previous one but more than the enclosing
 * section stays in that section. Dropped lines are trivia and do not count as "the previous line".
 * Never throws: whatever the text, the result is a tree plus findings.
 */
export function parseConfig(text: string, platform: Platform): ParsedConfig {
  const reader = new LineReader(text);
  const findings = new FindingCollector();
  const trivia: MutableTrivia[] = [];
  const root = createRoot(text);
  const noteLine = (): void => noteLineProblems(reader, findings);
  const banners = new BannerReader(reader, findings, noteLine);
  let section: TreeNode = root;
  let previous: TreeNode = root;
  let nodeCount = 0;
  let binaryLines = 0;
  let firstBinary: Trivia | undefined;

  while (reader.advance()) {
    if (reader.controlChars) {
      // NUL and friends: binary junk or a corrupt backup, never configuration. Kept out of the tree.
      firstBinary ??= { kind: 'binary', text: reader.raw(), line: reader.line, lastLine: reader.line };
      addTrivia(trivia, 'binary', reader);
      binaryLines++;
      continue;
    }
    noteLine();
    const dropped = droppedLineKind(reader, platform);
    if (dropped !== undefined) {
      addTrivia(trivia, dropped, reader);
      continue;
    }

    const indent = reader.indentEnd - reader.start;
    while (section !== root && indent <= section.column) section = section.parent as TreeNode;
    if (previous === root || indent > previous.column) section = previous;

    let node: TreeNode | undefined;
    if (section === root && reader.contentStartsWith('banner ')) node = banners.read();
    else if (reader.contentStartsWith('certificate ') && isCertificateChain(section)) {
      node = readCertificate(reader, findings, noteLine);
    }
    node ??= new TreeNode('line', reader.normalised(), text, reader.start, reader.end, reader.line, indent);

    const siblings = section.children;
    const first = appendChild(section, node);
    nodeCount++;
    if (siblings.length > 0 && siblings[0].column !== indent) {
      flagIndentation(findings, node, siblings[0], section);
    }
    if (first !== undefined) flagDuplicate(findings, node, first);
    previous = node;
  }

  const lineCount = reader.lineCount;
  root.setLastLine(lineCount - 1, endsWithLineBreak(text) ? 0 : reader.end - reader.start);
  if (firstBinary !== undefined) {
    findings.add(
      'binary-content',
      'error',
      `${binaryLines === 1 ? '1 line contains' : `${binaryLines} lines contain`} NUL or other control characters ` +
        'and were left out of the tree: is this a configuration file?',
      lineRange(firstBinary.line, 0, firstBinary.text.length),
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
  return { platform, root, trivia, findings: findings.result(), lineCount, nodeCount, detection };
}

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
