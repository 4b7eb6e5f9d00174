/**
 * The engine's own vocabulary for a parsed configuration. No LSP types here: the same values serve the
 * language server, the CLI and the job workers. Lines and columns are 0-based; columns count UTF-16
 * code units (what JavaScript string indices and LSP positions count); a range's end column is
 * exclusive.
 */

export type Platform = 'cisco_ios' | 'cisco_nxos';

export const PLATFORMS: readonly Platform[] = ['cisco_ios', 'cisco_nxos'];

export interface Range {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  /** Exclusive. */
  readonly endColumn: number;
}

/**
 * - `root`: the configuration itself (depth 0, no text).
 * - `line`: one configuration line, possibly a section header with children.
 * - `banner`: a whole `banner <type> <delimiter>...<delimiter>` block, however many lines it spans.
 * - `certificate`: one `certificate ...` block of a certificate chain, its hex lines and `quit`.
 */
export type NodeKind = 'root' | 'line' | 'banner' | 'certificate';

export interface BannerInfo {
  /** `motd`, `login`, `exec`, ...; empty when the line names no type (`banner ^C...`, which IOS reads as motd). */
  readonly type: string;
  /** As written: `^C` (the two characters IOS prints for ETX), `\u0003`, or a single character such as `#`. */
  readonly delimiter: string;
  /** Exactly what lies between the delimiters, line breaks as `\n`. */
  readonly body: string;
  /** False when the closing delimiter was never found (see the `unterminated-banner` finding). */
  readonly terminated: boolean;
}

export interface CertificateInfo {
  /** The normalised header line, e.g. `certificate self-signed 01`. */
  readonly header: string;
  /** The hex lines, normalised like any line (indentation and extra blanks removed). */
  readonly hexLines: readonly string[];
  /** All hex digits of the body, blanks removed: the certificate's content. */
  readonly hex: string;
  /** False when no `quit` closed it (see the `unterminated-certificate` finding). */
  readonly terminated: boolean;
}

export interface ConfigNode {
  readonly kind: NodeKind;
  /**
   * Normalised: indentation stripped, inner blanks collapsed to one space, trailing blanks removed.
   * This is the key sibling lookups and comparisons use (case-sensitive). A banner's text is
   * `banner <type> ^C<body>^C` whatever its delimiter was, each body line without trailing blanks,
   * so two banners are equal when their bodies are; a certificate's is `<header> <hex>`.
   */
  readonly text: string;
  /** The source line(s) as printed, without line breaks at the end; several lines joined by `\n`. */
  readonly raw: string;
  readonly parent: ConfigNode | undefined;
  /** In source order; duplicates kept. */
  readonly children: readonly ConfigNode[];
  /** Root 0, top-level lines 1, their children 2, ... */
  readonly depth: number;
  /** The node's own first line. */
  readonly line: number;
  /** The node's own last line: `line` except for banners and certificates. */
  readonly lastLine: number;
  /** Column of the first non-blank character of `line` (each tab counts as one). */
  readonly column: number;
  /** The whole section: from the node's first character to the end of its last descendant. */
  readonly range: Range;
  /** The node's own lines only (`line`..`lastLine`), children excluded. */
  readonly ownRange: Range;
  /** The earlier sibling with the same text, when this node repeats one (see `duplicate-line`). */
  readonly duplicateOf: ConfigNode | undefined;
  readonly banner: BannerInfo | undefined;
  readonly certificate: CertificateInfo | undefined;
}

/** What a line that is not part of the tree was. */
export type TriviaKind =
  | 'blank'
  /** A comment: first non-blank character `!` (IOS also `#`), including `!` separators. */
  | 'comment'
  /** `Building configuration...`, `Current configuration : N bytes`, `!Command:`, `!Time:`, ... */
  | 'header'
  /** Top-level `version ...`. */
  | 'version'
  /** Top-level `end`. */
  | 'end'
  /** A sectional exit (`exit`, `exit-address-family`, `exit-peer-policy`, ...) at any indentation. */
  | 'exit'
  /** Top-level `ntp clock-period ...` (the device rewrites it; never drift). */
  | 'ntp-clock-period'
  /** NX-OS top-level `boot system ...` / `boot kickstart ...` (`boot nxos` is kept). */
  | 'boot-image'
  /** A line with NUL or other control characters: not configuration text. */
  | 'binary';

/**
 * A line dropped on load, recorded so nothing is silently swallowed; it spans whole lines. A run of
 * identical consecutive dropped lines (`!`, `!`, `!` or a thousand blank lines) is one entry from
 * `line` to `lastLine`, so that a file of millions of them stays cheap.
 */
export interface Trivia {
  readonly kind: TriviaKind;
  /** The line as printed (without its line break); every line of the run is exactly this. */
  readonly text: string;
  readonly line: number;
  /** Last line of the run: `line` for a single line. */
  readonly lastLine: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** Stable codes: tools and tests key on them, messages may change. */
export type FindingCode =
  | 'unterminated-banner'
  | 'unterminated-certificate'
  | 'inconsistent-indentation'
  | 'duplicate-line'
  | 'overlapping-vlan'
  | 'other-platform'
  | 'binary-content'
  | 'invalid-utf8'
  | 'line-too-long'
  | 'too-many-findings';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** Another line the finding refers to, e.g. the first occurrence of a duplicate. */
  readonly relatedLine?: number;
}

export interface PlatformClue {
  readonly platform: Platform;
  readonly line: number;
  /** What was seen, e.g. "`feature ` lines". */
  readonly clue: string;
}

export interface PlatformDetection {
  /** Undefined when the content says nothing either way (or says both equally). */
  readonly platform: Platform | undefined;
  /** 0..1: 0 when nothing is known, 1 when the evidence is strong and one-sided. */
  readonly confidence: number;
  /** Every clue seen, for both platforms, by line. */
  readonly reasons: readonly PlatformClue[];
}

export interface ParseOptions {
  readonly platform: Platform;
  /** `lazy`: sections read on first use, for comparing two configs (see parseConfig's options). */
  readonly sections?: 'eager' | 'lazy';
}

/** A parse result: a value the host caches (by document version) and passes back to other verbs. */
export interface ParsedConfig {
  readonly platform: Platform;
  readonly root: ConfigNode;
  /** Lines dropped on load, in line order. */
  readonly trivia: readonly Trivia[];
  /** In line order. */
  readonly findings: readonly Finding[];
  /** Lines as an editor counts them: a final line break starts an empty last line; an empty text has 1. */
  readonly lineCount: number;
  /** Nodes in the tree, root excluded. */
  readonly nodeCount: number;
  /** What the content itself says about the platform (the `other-platform` finding comes from it). */
  readonly detection: PlatformDetection;
}
