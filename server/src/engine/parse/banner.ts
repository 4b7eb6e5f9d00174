import { TreeNode } from '../model/configNode';
import type { FindingCollector } from './findingCollector';
import { isBlank, type LineReader } from './lineReader';

const BANNER_TYPES = new Set('motd login exec incoming slip-ppp prompt-timeout config-save'.split(' '));

/**
 * First words of top-level commands. When a banner's closing delimiter never comes, the banner is
 * taken to end before the first unindented line starting with one of these: that keeps the rest of the
 * file parsed as configuration, which is what the author meant, instead of swallowing it as banner text.
 */
const TOP_LEVEL_COMMANDS = new Set(
  (
    'aaa access-list alias archive banner boot call-home cdp class-map cli clock control-plane copp ' +
    'crypto dial-peer enable end errdisable event feature hardware hostname interface ip ipv6 key ' +
    'license line lldp logging mac monitor no ntp object-group platform policy-map port-channel power ' +
    'radius-server redundancy route-map router service snmp-server spanning-tree switchname system ' +
    'tacacs-server track udld username version vlan vpc vrf vtp'
  ).split(' '),
);

/**
 * No device takes a banner this long (IOS and NX-OS cap them at a few thousand characters); a closing
 * delimiter further away is not this banner's.
 */
const MAX_BANNER_LENGTH = 64 * 1024;

/** What IOS prints for the ETX delimiter: `^C`, two characters. */
const CARET_C = '^C';
const ETX = '\u0003';

/**
 * Reads `banner <type> <delimiter><body><delimiter>` blocks. The body runs to the next occurrence of
 * the delimiter, on the same line (one-line banner) or a later one; `!` in the body is body text.
 * `^C` and ETX close each other, since they are the same character printed two ways.
 */
export class BannerReader {
  constructor(
    private readonly reader: LineReader,
    private readonly findings: FindingCollector,
    private readonly noteLine: () => void,
  ) {}

  /**
   * Reads the banner starting at the reader's current line (unindented, `banner ...`) and leaves the
   * reader on its last line. Undefined when the line names no delimiter: then it is an ordinary line.
   */
  read(): TreeNode | undefined {
    const r = this.reader;
    const s = r.text;
    let i = skipBlanks(s, r.indentEnd + 'banner'.length, r.contentEnd);
    let wordEnd = i;
    while (wordEnd < r.contentEnd && !isBlank(s.charCodeAt(wordEnd))) wordEnd++;
    let type = '';
    if (BANNER_TYPES.has(s.slice(i, wordEnd))) {
      type = s.slice(i, wordEnd);
      i = skipBlanks(s, wordEnd, r.contentEnd);
    }
    if (i >= r.contentEnd) return undefined;
    const delimiter = s.startsWith(CARET_C, i) ? CARET_C : s[i];
    const bodyStart = i + delimiter.length;
    const firstLine = r.line;
    const firstLineStart = r.start;
    const close = this.findClose(delimiter, bodyStart);
    if (close < 0) return this.recoverUnterminated(type, delimiter, bodyStart, firstLine, firstLineStart);
    while (r.end < close) {
      r.advance();
      this.noteLine();
    }
    const body = withLf(s.slice(bodyStart, close));
    const node = new TreeNode('banner', bannerText(type, body), firstLineStart, r.end, firstLine, 0);
    node.setLastLine(r.line, r.end - r.start);
    node.extras().banner = { type, delimiter, body, terminated: true };
    return node;
  }

  /** Offset of the closing delimiter, or -1 when it does not come within MAX_BANNER_LENGTH. */
  private findClose(delimiter: string, from: number): number {
    // Searching a bounded window keeps a file of thousands of never-closed banners linear.
    const window = this.reader.text.slice(from, from + MAX_BANNER_LENGTH);
    const found = (needle: string): number => window.indexOf(needle);
    let at: number;
    if (delimiter !== CARET_C && delimiter !== ETX) at = found(delimiter);
    else {
      const caret = found(CARET_C);
      const etx = found(ETX);
      at = caret < 0 || (etx >= 0 && etx < caret) ? etx : caret;
    }
    return at < 0 ? -1 : from + at;
  }

  /**
   * No closing delimiter within reach of the opening one. The banner keeps the lines up to the last
   * one that is not blank or `!` before the next top-level command; the reader is left there so the
   * parser goes on with that command.
   */
  private recoverUnterminated(
    type: string,
    delimiter: string,
    bodyStart: number,
    firstLine: number,
    firstLineStart: number,
  ): TreeNode {
    const r = this.reader;
    const s = r.text;
    let lastLine = r.line;
    let lastStart = r.start;
    let lastEnd = r.end;
    let afterLast = r.nextOffset;
    while (r.advance()) {
      if (r.indentEnd === r.start && startsWithTopLevelCommand(r)) break;
      if (r.isBlank() || s.charCodeAt(r.indentEnd) === 0x21 /* ! */) continue;
      lastLine = r.line;
      lastStart = r.start;
      lastEnd = r.end;
      afterLast = r.nextOffset;
    }
    r.seek(afterLast, lastLine + 1);
    const body = withLf(s.slice(Math.min(bodyStart, lastEnd), lastEnd));
    const node = new TreeNode('banner', bannerText(type, body), firstLineStart, lastEnd, firstLine, 0);
    node.setLastLine(lastLine, lastEnd - lastStart);
    node.extras().banner = { type, delimiter, body, terminated: false };
    const shown = delimiter === ETX ? 'ETX' : delimiter;
    this.findings.add(
      'unterminated-banner',
      'error',
      `This banner is never closed by its delimiter \`${shown}\`: on a device it would swallow what follows. ` +
        `Read as ending at line ${lastLine + 1}, before the next command; add \`${shown}\` there.`,
      { startLine: firstLine, startColumn: 0, endLine: lastLine, endColumn: lastEnd - lastStart },
    );
    return node;
  }
}

function startsWithTopLevelCommand(r: LineReader): boolean {
  const s = r.text;
  let end = r.indentEnd;
  while (end < r.contentEnd && !isBlank(s.charCodeAt(end))) end++;
  return end - r.indentEnd <= 16 && TOP_LEVEL_COMMANDS.has(s.slice(r.indentEnd, end));
}

/** The comparison key: the type and the body with each line's trailing blanks removed, delimiter-neutral. */
function bannerText(type: string, body: string): string {
  const trimmed = body.replace(/[ \t\v\f]+(?=\n|$)/g, '');
  return `${type === '' ? 'banner' : `banner ${type}`} ${CARET_C}${trimmed}${CARET_C}`;
}

function withLf(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

function skipBlanks(s: string, from: number, to: number): number {
  while (from < to && isBlank(s.charCodeAt(from))) from++;
  return from;
}
