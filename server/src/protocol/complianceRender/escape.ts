/**
 * Escaping for the markup formats. Config text is hostile by nature (`<`, `&`, quotes in banners,
 * descriptions, passwords, regexes), so every piece of report text goes through one of these.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const HTML_SPECIAL = /[&<>"']/g;

/** Safe in HTML text and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  // Most device ids and counts need nothing: skip the replace (the 10k-device report has 200k calls).
  HTML_SPECIAL.lastIndex = 0;
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIAL, (c) => HTML_ENTITIES[c]) : text;
}

/**
 * Characters XML 1.0 does not allow at all, even as references (its `Char` production): C0 controls
 * but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. Binary junk in a config must not make the
 * whole JUnit file unreadable to a CI server, so these become U+FFFD (visible, unlike a deletion).
 */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function toXmlChars(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

/** Element content: markup characters escaped, `]]>` cannot occur because `>` is escaped. */
export function escapeXmlText(text: string): string {
  return toXmlChars(text).replace(/[&<>]/g, (c) => HTML_ENTITIES[c]);
}

/**
 * A double-quoted attribute value. Tab, LF and CR are written as references because attribute-value
 * normalisation would otherwise turn them into spaces (a multi-line error message would lose its lines).
 */
export function escapeXmlAttribute(text: string): string {
  return toXmlChars(text).replace(/[&<>"\t\n\r]/g, (c) =>
    c === '\t' ? '&#9;' : c === '\n' ? '&#10;' : c === '\r' ? '&#13;' : HTML_ENTITIES[c],
  );
}

/**
 * A Markdown code block for any text: the fence is longer than the longest run of backticks in it,
 * so config text can never close the block early (CommonMark's rule for fenced code).
 */
export function markdownCodeBlock(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/**
 * Markdown inline code for one line of any text: the backtick run around it is longer than any inside
 * it, and a space pads a text that starts or ends with a backtick (CommonMark's rule for code spans).
 */
export function markdownInlineCode(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Markdown inline text (a name in the middle of a sentence): what could start emphasis, code, a link,
 * HTML or a table cell is backslash-escaped. Line-start syntax (`#`, `-`, `1.`) cannot occur mid-line.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

// C0 and C1 controls but tab and LF (what a terminal would interpret: ESC starts a control sequence),
// and lone surrogates (not text: they cannot even be written as UTF-8).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\uD800-\uDFFF]/gu;

/** Text for a terminal or CI log: a config cannot move the cursor, recolour or retitle the log. */
export function toPrintable(text: string): string {
  return text.replace(TERMINAL_CONTROLS, '\uFFFD');
}
