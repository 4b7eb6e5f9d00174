const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const VT = 0x0b;
const FF = 0x0c;
const CR = 0x0d;
const ETX = 0x03;
const ESC = 0x1b;
const REPLACEMENT = 0xfffd;

/**
 * A cursor over the lines of a text that measures each line in one pass over its characters: where the
 * indentation ends, where the content ends, and whether the line needs the slow paths (collapsing
 * blanks, flagging control or replacement characters). Line breaks are `\n`, `\r\n` and a lone `\r`,
 * as editors and LSP count them.
 *
 * One mutable object instead of a record per line: the parser reads the fields of the current line
 * and allocates only for what it keeps.
 */
export class LineReader {
  readonly length: number;
  /** 0-based index of the current line; -1 before the first advance(). */
  line = -1;
  /** Offset of the current line's first character. */
  start = 0;
  /** Offset just after its last character, before the line break. */
  end = 0;
  /** Offset of the first character that is not a space or tab (`contentEnd` for a blank line). */
  indentEnd = 0;
  /** Offset just after the last character that is not blank. */
  contentEnd = 0;
  /** Tabs or runs of blanks inside the content: the normalised text needs collapsing. */
  irregularBlanks = false;
  /** NUL or another C0 control character (tab, VT, FF, ETX and ESC excepted). */
  controlChars = false;
  /** U+FFFD: bytes that were not valid UTF-8 when the host decoded the file. */
  replacementChars = false;
  /** Index of the line the next advance() reads. */
  private breaks = 0;
  private next = 0;

  constructor(readonly text: string) {
    this.length = text.length;
  }

  /** Lines as an editor counts them: valid once advance() has returned false. */
  get lineCount(): number {
    if (this.length === 0) return 1;
    const last = this.text.charCodeAt(this.length - 1);
    return this.line + 1 + (last === LF || last === CR ? 1 : 0);
  }

  /** Moves to the next line; false at the end (an empty text has no line to read). */
  advance(): boolean {
    const s = this.text;
    const len = this.length;
    let i = this.next;
    if (i >= len) return false;
    this.line = this.breaks;
    this.start = i;
    let c = 0;
    while (i < len && isBlank((c = s.charCodeAt(i)))) i++;
    this.indentEnd = i;
    let contentEnd = i;
    let irregular = false;
    let control = false;
    let replacement = false;
    let previousBlank = false;
    for (; i < len; i++) {
      c = s.charCodeAt(i);
      if (c > SPACE) {
        if (c === REPLACEMENT) replacement = true;
        contentEnd = i + 1;
        previousBlank = false;
      } else if (c === SPACE) {
        if (previousBlank) irregular = true;
        previousBlank = true;
      } else if (c === LF || c === CR) {
        break;
      } else if (c === TAB || c === VT || c === FF) {
        irregular = true;
        previousBlank = true;
      } else {
        if (c !== ETX && c !== ESC) control = true;
        contentEnd = i + 1;
        previousBlank = false;
      }
    }
    this.end = i;
    this.contentEnd = contentEnd;
    this.irregularBlanks = irregular;
    this.controlChars = control;
    this.replacementChars = replacement;
    if (i < len) {
      i += c === CR && i + 1 < len && s.charCodeAt(i + 1) === LF ? 2 : 1;
      this.breaks++;
    }
    this.next = i;
    return true;
  }

  /** Makes the next advance() read the line that starts at `offset`, whose index is `line`. */
  seek(offset: number, line: number): void {
    this.next = offset;
    this.breaks = line;
  }

  /**
   * Moves past lines without reading them, as if the last one read were line `line`, from `start` to
   * `end` (before its break), followed by `next`: the caller found their extent by other means.
   */
  skipPast(start: number, end: number, line: number, next: number): void {
    this.line = line;
    this.start = start;
    this.end = end;
    this.next = next;
    this.breaks = line + 1;
  }

  /** Offset of the line after the current one (the text's length after the last line). */
  get nextOffset(): number {
    return this.next;
  }

  isBlank(): boolean {
    return this.indentEnd === this.contentEnd;
  }

  /** The current line as printed, without its line break. */
  raw(): string {
    return this.text.slice(this.start, this.end);
  }

  /** The current line's content: indentation and trailing blanks removed, inner blanks collapsed. */
  normalised(): string {
    return this.irregularBlanks
      ? collapseBlanks(this.text, this.indentEnd, this.contentEnd)
      : this.text.slice(this.indentEnd, this.contentEnd);
  }

  /** Whether the content (after the indentation) starts with `prefix`. */
  contentStartsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.indentEnd) && this.indentEnd + prefix.length <= this.contentEnd;
  }

  /** Whether the content is exactly `word`. */
  contentIs(word: string): boolean {
    return this.contentEnd - this.indentEnd === word.length && this.text.startsWith(word, this.indentEnd);
  }
}

/** A blank inside a line: space, tab, vertical tab, form feed (the one definition the parser uses). */
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === VT || c === FF;
}

/** `from`..`to` must start and end on non-blank characters. */
export function collapseBlanks(s: string, from: number, to: number): string {
  const parts: string[] = [];
  let runStart = from;
  let i = from;
  while (i < to) {
    if (!isBlank(s.charCodeAt(i))) {
      i++;
      continue;
    }
    parts.push(s.slice(runStart, i));
    while (i < to && isBlank(s.charCodeAt(i))) i++;
    runStart = i;
  }
  parts.push(s.slice(runStart, to));
  return parts.join(' ');
}
