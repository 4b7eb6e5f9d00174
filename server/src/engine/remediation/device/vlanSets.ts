/**
 * VLAN sets (PLATFORM-RULES.md, "Device behaviour beyond hier_config"): `switchport trunk allowed
 * vlan 1-10` with its continuation lines (`... add 20-30`, as devices print long lists) is one set of
 * VLANs; no such line means every VLAN. Two sides compare as sets, whatever the spelling or the split
 * into lines; a change is sent as `add X` / `remove Y` (never a bare `no switchport trunk allowed
 * vlan`, which allows every VLAN), and the predicted config holds one line with the resulting set.
 */
import type { PlatformRules } from '../../rules/semantics';
import type { VlanSetRule } from '../../rules/types';
import { HNode, NO_TAGS } from '../hnode';

const MAX_VLAN = 4094;
/** A set of VLAN ids; index 0 unused. */
export type VlanSet = Uint8Array;

function full(): VlanSet {
  const set = new Uint8Array(MAX_VLAN + 1).fill(1);
  set[0] = 0;
  return set;
}

/** `1,10,20-22` → the set; undefined when not a list of ids and ranges within 1..4094. */
export function parseVlanList(list: string): VlanSet | undefined {
  if (list === 'all') return full();
  const set = new Uint8Array(MAX_VLAN + 1);
  if (list === 'none') return set;
  for (const item of list.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item.trim());
    if (m === null) return undefined;
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (from < 1 || to > MAX_VLAN || from > to) return undefined;
    set.fill(1, from, to + 1);
  }
  return set;
}

/** The set as devices print it: ascending, runs of three or more as ranges (`10,20-22`). */
export function formatVlanList(set: VlanSet): string {
  const parts: string[] = [];
  for (let id = 1; id <= MAX_VLAN; id++) {
    if (set[id] === 0) continue;
    let end = id;
    while (end < MAX_VLAN && set[end + 1] === 1) end++;
    if (end - id >= 2) parts.push(`${id}-${end}`);
    else for (let k = id; k <= end; k++) parts.push(String(k));
    id = end;
  }
  return parts.length === 0 ? 'none' : parts.join(',');
}

function isFull(set: VlanSet): boolean {
  for (let id = 1; id <= MAX_VLAN; id++) if (set[id] === 0) return false;
  return true;
}

function isEmpty(set: VlanSet): boolean {
  for (let id = 1; id <= MAX_VLAN; id++) if (set[id] === 1) return false;
  return true;
}

function sameSet(a: VlanSet, b: VlanSet): boolean {
  for (let id = 1; id <= MAX_VLAN; id++) if (a[id] !== b[id]) return false;
  return true;
}

function minus(a: VlanSet, b: VlanSet): VlanSet {
  const out = new Uint8Array(MAX_VLAN + 1);
  for (let id = 1; id <= MAX_VLAN; id++) out[id] = a[id] === 1 && b[id] === 0 ? 1 : 0;
  return out;
}

/**
 * `current` after one line of the command (`<cmd> LIST|all|none`, `<cmd> add|remove|except LIST`);
 * undefined when the line is not one the set model knows (it is then left to the line model).
 */
export function applyVlanLine(current: VlanSet, command: string, text: string): VlanSet | undefined {
  if (!text.startsWith(`${command} `)) return undefined;
  const rest = text.slice(command.length + 1);
  const space = rest.indexOf(' ');
  const verb = space < 0 ? '' : rest.slice(0, space);
  const list = parseVlanList(space < 0 ? rest : rest.slice(space + 1));
  if (list === undefined) return undefined;
  if (verb === '') return list;
  const out = current.slice();
  for (let id = 1; id <= MAX_VLAN; id++) {
    if (verb === 'add') out[id] = out[id] | list[id];
    else if (verb === 'remove') out[id] = out[id] & (1 - list[id]);
    else if (verb === 'except') out[id] = 1 - list[id];
    else return undefined;
  }
  if (verb === 'except') out[0] = 0;
  return out;
}

/** The set a section holds: its set lines folded in order (none: every VLAN). */
export function sectionSet(section: HNode, rule: VlanSetRule, rules: PlatformRules): VlanSet | undefined {
  let set = full();
  for (const c of section.children) {
    if (rules.device.vlanSet(c) !== rule) continue;
    const next = applyVlanLine(set, rule.command, c.text);
    if (next === undefined) return undefined;
    set = next;
  }
  return set;
}

/** The set lines of a section, by rule. */
function setLines(section: HNode, rule: VlanSetRule, rules: PlatformRules): HNode[] {
  return section.children.filter((c) => rules.device.vlanSet(c) === rule);
}

/**
 * Remediation of one section's VLAN sets (its set lines were left out of the line passes). Returns
 * false when a side holds a line the set model does not know: the caller falls back to the lines.
 */
export function remediateVlanSets(run: HNode, int: HNode, out: () => HNode, rules: PlatformRules): boolean {
  for (const rule of rules.driver.vlanSets) {
    const runSet = sectionSet(run, rule, rules);
    const intSet = sectionSet(int, rule, rules);
    if (runSet === undefined || intSet === undefined) return false;
    if (sameSet(runSet, intSet)) continue;
    const cmd = rule.command;
    const texts: string[] = [];
    if (isFull(intSet)) texts.push(`${cmd} all`);
    else if (isEmpty(intSet)) texts.push(`${cmd} none`);
    else if (isFull(runSet)) texts.push(`${cmd} ${formatVlanList(intSet)}`);
    else {
      const added = minus(intSet, runSet);
      const removed = minus(runSet, intSet);
      // Add before remove: a VLAN moving between lists is never missing from both.
      if (!isEmpty(added)) texts.push(`${cmd} add ${formatVlanList(added)}`);
      if (!isEmpty(removed)) texts.push(`${cmd} remove ${formatVlanList(removed)}`);
    }
    const replaced = setLines(run, rule, rules);
    for (const text of texts) {
      const line = out().add(new HNode(text, 'line', setLines(int, rule, rules)[0]?.source));
      line.meta = { origin: 'addition', tags: NO_TAGS, replaces: replaced.length > 0 ? replaced : undefined };
    }
  }
  return true;
}

/**
 * Predict: `line` (a set line sent into `target`) applied to the set the section holds. Returns the
 * lines it replaces and the one line that holds the new set (none for every VLAN), or undefined when
 * the set model does not apply.
 */
export function predictVlanLine(
  line: HNode,
  target: HNode,
  alive: (n: HNode) => boolean,
  rules: PlatformRules,
): { readonly replaced: HNode[]; readonly result: HNode | undefined } | undefined {
  const rule = rules.device.vlanSet(line);
  if (rule === undefined) return undefined;
  const current = target.children.filter((c) => alive(c) && rules.device.vlanSet(c) === rule);
  let set = full();
  for (const c of current) {
    const next = applyVlanLine(set, rule.command, c.text);
    if (next === undefined) return undefined;
    set = next;
  }
  const after = applyVlanLine(set, rule.command, line.text);
  if (after === undefined) return undefined;
  const result = isFull(after)
    ? undefined
    : new HNode(`${rule.command} ${formatVlanList(after)}`, 'line', line.source);
  return { replaced: current, result };
}

/** Verify: whether two sections hold the same VLAN sets (undefined when the model does not apply). */
export function sameVlanSets(a: HNode, b: HNode, rules: PlatformRules): boolean | undefined {
  for (const rule of rules.driver.vlanSets) {
    const x = sectionSet(a, rule, rules);
    const y = sectionSet(b, rule, rules);
    if (x === undefined || y === undefined) return undefined;
    if (!sameSet(x, y)) return false;
  }
  return true;
}

/** Fallback for set lines the set model cannot read (`vlan except`...): plain negation and addition. */
export function remediateSetLinesAsLines(
  run: HNode,
  int: HNode,
  out: () => HNode,
  rules: PlatformRules,
): void {
  const copy = (node: HNode): HNode => {
    const c = new HNode(node.text, node.kind, node.source);
    c.meta = { origin: 'addition', tags: NO_TAGS };
    for (const child of node.children) c.add(copy(child));
    return c;
  };
  for (const r of run.children) {
    if (rules.device.vlanSet(r) === undefined || int.child(r.text) !== undefined) continue;
    const line = out().add(new HNode(rules.negate(r), 'line', r.source));
    line.meta = { origin: 'negation', negated: r, tags: NO_TAGS };
  }
  for (const c of int.children) {
    if (rules.device.vlanSet(c) === undefined || run.child(c.text) !== undefined) continue;
    out().add(copy(c));
  }
}
