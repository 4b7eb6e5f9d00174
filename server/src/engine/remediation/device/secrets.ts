/**
 * Secrets (PLATFORM-RULES.md, "Device behaviour beyond hier_config"): a masked value (`<removed>`,
 * `<secret hidden>`, `*****`, as backup tools print them) or a hash that the device salts anew each
 * time (`secret 9 ...`, `password 7 ...`, NX-OS `password 5 ...`) says nothing about the secret
 * itself. Two lines that differ only there are the same setting: never drift, never sent. A masked
 * line without such a twin cannot be sent (or negated) either: its value is unknown. Each case is a
 * `secret` finding on the remediation, with the line's path and the value replaced by `<secret>`.
 */
import type { PlatformRules } from '../../rules/semantics';
import type { HNode } from '../hnode';
import { RISK_MESSAGES } from '../risk';
import type { Risk } from '../types';

export type SecretState =
  /** The other side has the same line but for the secret. */
  | { readonly kind: 'twin'; readonly twin: HNode }
  /** A masked line with no twin: its value is unknown, so it cannot be sent. */
  | { readonly kind: 'masked' };

/** Where the secret of `node` is: a secret rule's value, else a masked token. */
function secretSpan(node: HNode, rules: PlatformRules): readonly [number, number] | undefined {
  if (node.kind !== 'line') return undefined;
  return rules.device.secretSpan(node) ?? rules.device.maskedSpan(node.text);
}

/**
 * Whether `node`, a line without an exact counterpart under `other` (the other side's section),
 * holds a secret, and how. Undefined for an ordinary line (then it is drift as usual).
 */
export function secretState(node: HNode, other: HNode, rules: PlatformRules): SecretState | undefined {
  const span = secretSpan(node, rules);
  if (span === undefined) return undefined;
  const text = node.text;
  const prefix = text.slice(0, span[0]);
  const suffix = text.slice(span[1]);
  const masked = rules.device.maskedSpan(text) !== undefined;
  for (const o of other.children) {
    const t = o.text;
    if (t.length <= prefix.length + suffix.length || !t.startsWith(prefix) || !t.endsWith(suffix)) continue;
    const theirs = secretSpan(o, rules);
    const sameSpot =
      theirs !== undefined && theirs[0] === prefix.length && theirs[1] === t.length - suffix.length;
    // A masked value stands for one word: any single value in its place is its twin.
    const oneWord = masked && !t.slice(prefix.length, t.length - suffix.length).includes(' ');
    if (sameSpot || oneWord) return { kind: 'twin', twin: o };
  }
  return masked ? { kind: 'masked' } : undefined;
}

/**
 * A twin found from the other side: `node` holds a value in clear (an SNMP community) where a masked
 * line of `other` (`snmp-server community <removed> RO`) hides one. `masked` lists `other`'s masked
 * lines (computed once per level by the caller).
 */
export function maskedTwin(node: HNode, masked: readonly HNode[], rules: PlatformRules): HNode | undefined {
  for (const m of masked) {
    const state = secretState(m, { children: [node] } as unknown as HNode, rules);
    if (state?.kind === 'twin') return m;
  }
  return undefined;
}

const NO_LINES: HNode[] = [];

/** The masked lines among `section`'s children (usually none: no array is made then). */
export function maskedLines(section: HNode, rules: PlatformRules): HNode[] {
  let out: HNode[] | undefined;
  const children = section.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (
      !rules.device.mayBeMasked(c.text) ||
      c.kind !== 'line' ||
      rules.device.maskedSpan(c.text) === undefined
    )
      continue;
    (out ??= []).push(c);
  }
  return out ?? NO_LINES;
}

/** The text with its secret replaced by `<secret>`, for messages (hashes stay out of reports). */
export function hideSecret(node: HNode, rules: PlatformRules): string {
  const span = secretSpan(node, rules);
  return span === undefined ? node.text : `${node.text.slice(0, span[0])}<secret>${node.text.slice(span[1])}`;
}

/**
 * The finding for a secret line (`node` on the side the message names; `via`, its twin, when only the
 * twin shows where the secret is: a masked community in running, in clear in the intended config).
 */
export function secretFinding(
  node: HNode,
  state: SecretState,
  side: 'running' | 'intended',
  rules: PlatformRules,
  via?: HNode,
): Risk {
  let shown = hideSecret(node, rules);
  if (shown === node.text && via !== undefined) shown = hideSecret(via, rules);
  const what =
    state.kind === 'twin'
      ? `\`${shown}\` ${RISK_MESSAGES.secret}.`
      : side === 'intended'
        ? `\`${shown}\` is masked in the intended config: its value is unknown, so it is not sent; set it by hand.`
        : `\`${shown}\` is masked in the running config: it cannot be negated without its value; remove it by hand.`;
  // The path names the line without its value: reports and job stores keep no hashes.
  return { kind: 'secret', path: [...node.path().slice(0, -1), shown], message: what };
}
