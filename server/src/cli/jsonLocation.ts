/**
 * Where things are in a JSON text, for messages a user can click: the 1-based line of a syntax error
 * (from JSON.parse's position), and the line of a field named by path (`features.cisco_ios[2].match`),
 * found by a small scanner over the text (valid JSON only: it is called after JSON.parse succeeded).
 */
import { UsageError, type CliIo } from './io';

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * `file:line: message` for a JSON.parse error. Node's message gives a position on some versions
 * (`... in JSON at position N`) and only a snippet on others: then the text is scanned for it.
 */
export function jsonSyntaxError(file: string, text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  const offset = position === null ? firstSyntaxError(text) : Number(position[1]);
  const where = offset === undefined ? '' : `:${lineAt(text, offset)}`;
  return `${file}${where}: not valid JSON (${error.message})`;
}

/** Offset of the first character where `text` stops being JSON; undefined when it is JSON. */
export function firstSyntaxError(text: string): number | undefined {
  let at = 0;
  const ws = (): void => {
    while (at < text.length && ' \t\r\n'.includes(text[at])) at++;
  };
  const fail = (): never => {
    throw at;
  };
  const string = (): void => {
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) fail();
      at += text[at] === '\\' ? 2 : 1;
    }
    if (at >= text.length) fail();
    at++;
  };
  const value = (): void => {
    ws();
    const c = text[at];
    if (c === '"') string();
    else if (c === '{' || c === '[') {
      const object = c === '{';
      at++;
      ws();
      if (text[at] === (object ? '}' : ']')) {
        at++;
        return;
      }
      for (;;) {
        if (object) {
          ws();
          if (text[at] !== '"') fail();
          string();
          ws();
          if (text[at] !== ':') fail();
          at++;
        }
        value();
        ws();
        if (text[at] === ',') at++;
        else if (text[at] === (object ? '}' : ']')) {
          at++;
          return;
        } else fail();
      }
    } else {
      const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        text.slice(at, at + 400),
      );
      if (m === null) fail();
      at += m![0].length;
    }
  };
  try {
    value();
    ws();
    return at < text.length ? at : undefined;
  } catch (offset) {
    return offset as number;
  }
}

/** `a.b[2].c` → ['a', 'b', 2, 'c']. */
function segments(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/**
 * The line of the value at `field` (its key's line when it is an object member), or of the deepest
 * part of the path that exists. `root` segments not in the text (e.g. `features` for a features file
 * whose top level is the platforms) are skipped by passing `skip`.
 */
export function lineOfField(text: string, field: string, skip = 0): number | undefined {
  const path = segments(field).slice(skip);
  let at = 0;
  const ws = (): void => {
    while (at < text.length && ' \t\r\n'.includes(text[at])) at++;
  };
  const skipString = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const skipValue = (): void => {
    ws();
    const c = text[at];
    if (c === '"') skipString();
    else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      at++;
      ws();
      while (at < text.length && text[at] !== close) {
        if (c === '{') {
          ws();
          skipString();
          ws();
          at++; // ':'
        }
        skipValue();
        ws();
        if (text[at] === ',') at++;
        ws();
      }
      at++;
    } else while (at < text.length && !',}] \t\r\n'.includes(text[at])) at++;
  };
  let found = 0;
  for (const part of path) {
    ws();
    const open = text[at];
    let located = false;
    if (open === '{' && typeof part === 'string') {
      at++;
      ws();
      while (at < text.length && text[at] !== '}') {
        ws();
        const keyAt = at;
        const key = skipString();
        ws();
        at++; // ':'
        if (key === part) {
          found = keyAt;
          located = true;
          break;
        }
        skipValue();
        ws();
        if (text[at] === ',') at++;
        ws();
      }
    } else if (open === '[' && typeof part === 'number') {
      at++;
      for (let i = 0; i < part && at < text.length && text[at] !== ']'; i++) {
        skipValue();
        ws();
        if (text[at] === ',') at++;
      }
      ws();
      if (text[at] !== ']' && at < text.length) {
        found = at;
        located = true;
      }
    }
    if (!located) break;
  }
  return path.length === 0 ? undefined : lineAt(text, found);
}

/** A JSON file given on the command line: its text (for locating fields) and value; bad JSON is a usage error naming file and line. */
export function readJsonFile(file: string, io: CliIo): { text: string; value: unknown } {
  const text = io.readText(file);
  try {
    return { text, value: JSON.parse(text) };
  } catch (error) {
    throw new UsageError(jsonSyntaxError(file, text, error as Error), false);
  }
}
