import { sameSubtree, type HNode } from '../remediation/hnode';
import type { CompiledScope, Verdict } from './compileScope';
import {
  MAX_UNMANAGED_SECTIONS,
  type UnmanagedDrift,
  type UnmanagedKind,
  type UnmanagedSection,
} from './types';

/**
 * The top-level sections whose lines outside the scope differ between running and intended (types.ts,
 * UnmanagedDrift). A section managed whole, out of reach of any ignore rule, has nothing outside the
 * scope and is never compared; an unmanaged section is compared whole (sameSubtree: two sections still
 * pending are compared on their parsed lines, nothing is copied); a section a deeper rule reaches is
 * compared on what lies outside the scope in it.
 *
 * A section managed whole that only one config has is not drift outside the scope: adding or removing
 * it is the remediation's job (ignored lines inside it go with it).
 */
export function unmanagedDrift(running: HNode, intended: HNode, scope: CompiledScope): UnmanagedDrift {
  const sections: UnmanagedSection[] = [];
  let count = 0;
  const note = (node: HNode, kind: UnmanagedKind, verdict: Verdict, inIntended?: HNode): void => {
    count++;
    if (sections.length >= MAX_UNMANAGED_SECTIONS) return;
    const reason = verdict.fate === 'ignored' || verdict.fate === 'whole' ? 'ignored' : 'unmanaged';
    const line = node.line;
    const intendedLine = inIntended?.line;
    // A banner's text holds its body: its first line names it.
    const text = node.text.split('\n', 1)[0];
    sections.push({
      text,
      kind,
      reason,
      ...(line === undefined ? {} : { line }),
      ...(intendedLine === undefined ? {} : { intended_line: intendedLine }),
    });
  };
  for (const r of running.children) {
    const verdict = scope.top(r.text);
    if (nothingOutside(verdict)) continue;
    const i = intended.child(r.key);
    if (i === undefined) {
      if (verdict.fate !== 'whole' && hasOutside(r, verdict, scope, 2)) note(r, 'running-only', verdict);
    } else if (!sameSubtree(r, i) && !sameOutside(r, i, verdict, scope, 2)) {
      // sameSubtree first: equal sections (most of them) are equal outside the scope too, and two
      // still pending are compared on their parsed lines without being copied.
      note(r, 'differs', verdict, i);
    }
  }
  for (const i of intended.children) {
    if (running.child(i.key) !== undefined) continue;
    const verdict = scope.top(i.text);
    if (nothingOutside(verdict) || verdict.fate === 'whole') continue;
    if (hasOutside(i, verdict, scope, 2)) note(i, 'intended-only', verdict);
  }
  return { count, sections };
}

function nothingOutside(verdict: Verdict): boolean {
  return verdict.fate === 'whole' && verdict.ignore.length === 0;
}

/** Whether a section has lines outside the scope (itself, when it is ignored or unmanaged). */
function hasOutside(node: HNode, verdict: Verdict, scope: CompiledScope, childDepth: number): boolean {
  if (verdict.fate === 'ignored' || verdict.fate === 'out') return true;
  if (nothingOutside(verdict)) return false;
  for (const c of node.children) {
    if (hasOutside(c, scope.below(c.text, childDepth, verdict), scope, childDepth + 1)) return true;
  }
  return false;
}

interface Judged {
  readonly node: HNode;
  readonly verdict: Verdict;
}

/** The children that hold something outside the scope (a context header with only managed lines does not). */
function outside(node: HNode, verdict: Verdict, scope: CompiledScope, childDepth: number): Judged[] {
  const out: Judged[] = [];
  for (const c of node.children) {
    const v = scope.below(c.text, childDepth, verdict);
    if (hasOutside(c, v, scope, childDepth + 1)) out.push({ node: c, verdict: v });
  }
  return out;
}

/** Two sections of the same key agree on everything outside the scope (in order, as sameSubtree). */
function sameOutside(
  a: HNode,
  b: HNode,
  verdict: Verdict,
  scope: CompiledScope,
  childDepth: number,
): boolean {
  if (verdict.fate === 'ignored' || verdict.fate === 'out') return sameSubtree(a, b);
  const x = outside(a, verdict, scope, childDepth);
  const y = outside(b, verdict, scope, childDepth);
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) {
    if (x[k].node.key !== y[k].node.key) return false;
    if (!sameOutside(x[k].node, y[k].node, x[k].verdict, scope, childDepth + 1)) return false;
  }
  return true;
}
