import type { Platform, TriviaKind } from '../model/types';
import type { LineReader } from './lineReader';

const BANG = 0x21; // !
const HASH = 0x23; // #
const DASH = 0x2d; // -

/** Comment lines that are headers a device or a backup tool prints, not a person's comment. */
const HEADER_COMMENTS = [
  '!Command:',
  '!Time:',
  '!Running configuration last done at:',
  '!Startup config saved at:',
  '! Last configuration change',
  '! NVRAM config last updated',
  '!RANCID-CONTENT-TYPE:',
];

/**
 * What kind of dropped line the reader's current line is, or undefined for a configuration line.
 * These are the lines each platform drops on load (PLATFORM-RULES.md), recognised at the indentation
 * hier_config recognises them, except sectional exits, which we recognise at any indentation (it
 * only sees them at one space, so a 2-space file keeps them as configuration).
 *
 * Comments are lines whose first non-blank character is `!` (IOS also `#`); a `!` later in a line is
 * text (`description keep up!`). Banners are read before this is asked, so their `!` lines are body.
 */
export function droppedLineKind(reader: LineReader, platform: Platform): TriviaKind | undefined {
  if (reader.isBlank()) return 'blank';
  const s = reader.text;
  const first = s.charCodeAt(reader.indentEnd);
  const topLevel = reader.indentEnd === reader.start;
  if (first === BANG) {
    const separator = reader.contentEnd - reader.indentEnd === 1;
    return topLevel && !separator && isHeaderComment(reader) ? 'header' : 'comment';
  }
  if (first === HASH && platform === 'cisco_ios') return 'comment';
  if (isSectionalExit(reader)) return 'exit';
  if (!topLevel) return undefined;
  switch (s[reader.start]) {
    case 'B':
      return reader.contentStartsWith('Building configuration') ? 'header' : undefined;
    case 'C':
      return reader.contentStartsWith('Current configuration') ? 'header' : undefined;
    case 'v':
      return reader.contentStartsWith('version ') ? 'version' : undefined;
    case 'e':
      return reader.contentIs('end') ? 'end' : undefined;
    case 'n':
      return reader.contentStartsWith('ntp clock-period ') ? 'ntp-clock-period' : undefined;
    case 'b':
      return platform === 'cisco_nxos' &&
        (reader.contentStartsWith('boot system ') || reader.contentStartsWith('boot kickstart '))
        ? 'boot-image'
        : undefined;
    default:
      return undefined;
  }
}

function isHeaderComment(reader: LineReader): boolean {
  for (const prefix of HEADER_COMMENTS) if (reader.contentStartsWith(prefix)) return true;
  return false;
}

/** `exit` or a one-word `exit-...` token (`exit-address-family`, `exit-peer-policy`, `exit-af-interface`, ...). */
function isSectionalExit(reader: LineReader): boolean {
  const s = reader.text;
  const from = reader.indentEnd;
  const to = reader.contentEnd;
  if (s.charCodeAt(from) !== 0x65 /* e */ || !s.startsWith('exit', from)) return false;
  if (to - from === 4) return true;
  if (s.charCodeAt(from + 4) !== DASH || to - from === 5) return false;
  for (let i = from + 5; i < to; i++) {
    const c = s.charCodeAt(i);
    const isWordChar = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === DASH;
    if (!isWordChar) return false;
  }
  return true;
}
