/**
 * The hierarchy engine's public API. Pure TypeScript: no Node, no vscode, no LSP; the language server,
 * the CLI and the job workers all use it through this file.
 *
 *   const engine = createEngine();
 *   const parsed = engine.parse(text, { platform: 'cisco_ios' });   // ParsedConfig, a cacheable value
 *   engine.detectPlatform(text);                                     // { platform, confidence, reasons }
 *   dumpTree(parsed);                                                // the text picture golden files hold
 *
 * A ParsedConfig holds:
 * - `root`: the tree. Each ConfigNode has its normalised `text` (the comparison and lookup key), its
 *   `raw` source, `parent`, `children` (duplicates kept, `duplicateOf` set), `depth` (top-level 1),
 *   its own `line`..`lastLine` and the `range` of its whole section. A banner or a certificate is one
 *   node (`kind`), with its details in `banner` / `certificate`.
 * - `trivia`: every line dropped on load (blank, comments, headers, `version`, `end`, sectional exits,
 *   binary junk, ...), with its kind and lines, so nothing is silently swallowed.
 * - `findings`: what looks wrong, each with a stable `code`, a severity and a range.
 * Positions are 0-based lines and UTF-16 columns, end column exclusive. Helpers over the tree:
 * `childByText` / `childrenByText` (sibling lookup by text, O(1) in large sections), `lineage` (top-level
 * ancestor down to a node, as rules match it), `descendants`, `nodeAtLine`.
 *
 * The parser is faithful to the text: platform fix-ups (ACL renumbering, VLAN list splitting, dropping
 * ` no ip address`, ...) belong to the remediation driver, which normalises trees per platform rules.
 * Parsing never throws and is linear in the size of the text.
 */
export { createEngine } from './engine';
export type { ConfigEngine } from './engine';
export type {
  BannerInfo,
  CertificateInfo,
  ConfigNode,
  Finding,
  FindingCode,
  NodeKind,
  ParsedConfig,
  ParseOptions,
  Platform,
  PlatformClue,
  PlatformDetection,
  Range,
  Severity,
  Trivia,
  TriviaKind,
} from './model/types';
export { PLATFORMS } from './model/types';
export { childByText, childrenByText, descendants, lineage, nodeAtLine } from './model/configNode';
export { dumpTree } from './dump/dumpTree';
export { MAX_LINE_LENGTH } from './parse/parseConfig';

// Interface names as the remediation compares them (per-platform tables): the editor's named objects use it.
export { interfaceName } from './rules/interfaceNames';
export type { InterfaceName } from './rules/interfaceNames';

// The remediation engine: remediation, rollback, the predicted config, verify, rendering, scores.
export * from './remediation';

// Compliance per feature: feature sets as data, their validation, the per-device result types.
export * from './compliance';

// Scope: what a workspace manages and ignores, cut from both configs before remediation.
export * from './scope';
