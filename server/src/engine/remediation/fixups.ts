import { compilePredicate } from '../rules/match';
import type { PlatformRules } from '../rules/semantics';
import type { PostLoadFixup } from '../rules/types';
import { mergeRanges } from './device/lineRanges';
import { deepCopy, HNode } from './hnode';
import type { LoadDiagnostic } from './types';

/** IDs expanded per config at most: a file of 10,000 `vlan 1-4094` lines must stay fast. */
const MAX_LIST_STEPS = 100_000;

/** Post-load fix-ups of the platform, in order (PLATFORM-RULES.md: post-load). */
export function applyPostLoadFixups(
  root: HNode,
  rules: PlatformRules,
  note: (d: LoadDiagnostic) => void,
): void {
  for (const fixup of rules.driver.postLoad) {
    if (fixup.kind === 'number-entries') numberEntries(root, fixup);
    else if (fixup.kind === 'split-list') splitLists(root, fixup, note);
    else {
      for (const { texts, line } of mergeRanges(root, fixup.prefix)) {
        note({
          code: 'merged-range',
          line,
          message: `\`${texts}\` configure the same lines alike: read as one range, as the device applies them.`,
        });
      }
    }
  }
}

/**
 * Unnumbered entries under matching sections get `start`, `start + step`, ... in order (IOS named
 * ACLs printed without sequence numbers). Numbered entries are left as they are.
 */
function numberEntries(root: HNode, fixup: Extract<PostLoadFixup, { kind: 'number-entries' }>): void {
  const section = compilePredicate(fixup.section);
  for (const acl of root.children) {
    if (!section.test(acl.text)) continue;
    let next = fixup.start;
    let changed = false;
    for (const entry of acl.children) {
      if (!fixup.entries.some((prefix) => entry.text.startsWith(prefix))) continue;
      entry.text = `${next} ${entry.text}`;
      entry.key = `${next} ${entry.key}`;
      entry.ruleMemo = undefined;
      next += fixup.step;
      changed = true;
    }
    if (changed) acl.setChildren(acl.children);
  }
}

/**
 * A top-level `vlan 10,20-22` becomes `vlan 10`, `vlan 20`, `vlan 21`, `vlan 22` in its place, each
 * with a copy of the children. A list naming more than `max` or beyond it is left whole.
 */
function splitLists(
  root: HNode,
  fixup: Extract<PostLoadFixup, { kind: 'split-list' }>,
  note: (d: LoadDiagnostic) => void,
): void {
  const list = /^(\d+(?:-\d+)?)(?:,(\d+(?:-\d+)?))*$/;
  let steps = 0;
  let changed = false;
  const out: HNode[] = [];
  for (const node of root.children) {
    // `vlan 10, 20 - 22` as typed is the list the device prints as `vlan 10,20-22` (issue 9).
    const rest = node.text.startsWith(fixup.prefix)
      ? node.text.slice(fixup.prefix.length).replace(/ ?([,-]) ?/g, '$1')
      : '';
    if ((rest.indexOf(',') < 0 && rest.indexOf('-') < 0) || !list.test(rest)) {
      out.push(node);
      continue;
    }
    const ids = expand(rest, fixup.max, MAX_LIST_STEPS - steps);
    if (ids === undefined) {
      out.push(node);
      continue;
    }
    steps += ids.length;
    changed = true;
    for (const id of ids) {
      const one = new HNode(`${fixup.prefix}${id}`, node.kind, node.source);
      for (const child of node.children) one.add(deepCopy(child));
      out.push(one);
    }
    note({
      code: 'split-list',
      line: node.line,
      message: `\`${node.text}\` read as ${ids.length} lines, one per id, so that a change touches only its ids.`,
    });
  }
  if (changed) root.setChildren(out);
}

/** `10,20-22` → [10, 20, 21, 22]; undefined when an id exceeds `max` or the list exceeds `budget`. */
function expand(list: string, max: number, budget: number): number[] | undefined {
  const ids: number[] = [];
  for (const item of list.split(',')) {
    const dash = item.indexOf('-');
    const from = Number(dash < 0 ? item : item.slice(0, dash));
    const to = Number(dash < 0 ? item : item.slice(dash + 1));
    if (from > to || to > max) return undefined;
    if (ids.length + (to - from + 1) > budget) return undefined;
    for (let id = from; id <= to; id++) ids.push(id);
  }
  return ids;
}
