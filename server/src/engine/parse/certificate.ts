import { TreeNode } from '../model/configNode';
import type { FindingCollector } from './findingCollector';
import type { LineReader } from './lineReader';

/** Whether `section` is a certificate chain, whose `certificate ...` children are hex blocks. */
export function isCertificateChain(section: TreeNode): boolean {
  return section.depth === 1 && isCertificateChainHeader(section.text);
}

/** `crypto pki certificate chain X` (or the older `crypto ca ...`): a section of certificates. */
export function isCertificateChainHeader(text: string): boolean {
  return text.startsWith('crypto pki certificate chain ') || text.startsWith('crypto ca certificate chain ');
}

/**
 * Reads a `certificate <type> <serial>` block: the hex lines below it and the `quit` that closes it,
 * at whatever indentation (IOS prints `quit` after a tab, which made hier_config file it as a child of
 * the last hex line). The whole block is one node; `quit` is consumed. A line that is neither hex nor
 * `quit` ends the block early (unterminated) and is left for the parser.
 */
export function readCertificate(
  reader: LineReader,
  findings: FindingCollector,
  noteLine: () => void,
): TreeNode {
  const s = reader.text;
  const header = reader.normalised();
  const firstLine = reader.line;
  const column = reader.indentEnd - reader.start;
  const start = reader.start;
  let end = reader.end;
  const hexLines: string[] = [];
  let lastLine = reader.line;
  let lastColumn = reader.end - reader.start;
  let terminated = false;
  while (reader.advance()) {
    if (reader.contentIs('quit')) {
      terminated = true;
    } else if (!isHexLine(s, reader.indentEnd, reader.contentEnd)) {
      reader.seek(reader.start, reader.line);
      break;
    } else {
      hexLines.push(reader.normalised());
    }
    noteLine();
    end = reader.end;
    lastLine = reader.line;
    lastColumn = reader.end - reader.start;
    if (terminated) break;
  }
  const hex = hexLines.join('').replace(/ /g, '');
  const text = hex === '' ? header : `${header} ${hex}`;
  const node = new TreeNode('certificate', text, start, end, firstLine, column);
  node.setLastLine(lastLine, lastColumn);
  node.extras().certificate = { header, hexLines, hex, terminated };
  if (!terminated) {
    findings.add(
      'unterminated-certificate',
      'error',
      `No \`quit\` closes \`${header}\`: its hex lines end at line ${lastLine + 1}.`,
      { startLine: firstLine, startColumn: column, endLine: lastLine, endColumn: lastColumn },
    );
  }
  return node;
}

function isHexLine(s: string, from: number, to: number): boolean {
  if (from === to) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
    if (!hex && c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}
