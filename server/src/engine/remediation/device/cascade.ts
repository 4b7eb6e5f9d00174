/**
 * Cascades (PLATFORM-RULES.md, "Device behaviour beyond hier_config"): a line whose sending makes the
 * device remove other lines. IOS `vrf forwarding X` removes the port's addresses, `no switchport` its
 * L2 lines, `no neighbor X remote-as N` every line of neighbor X, `no neighbor PG peer-group` the peer
 * group and its members; NX-OS `no feature X` every line that needs X. The script therefore
 * - sends no negation of a line the cascade removes (the device answers it with an error),
 * - sends again, after the line, the intended lines the cascade removes (`vrf forwarding` then the
 *   addresses; a member that leaves a removed peer group and stays, with its address-family lines), and
 * - puts the line before the lines it would remove;
 * and the predicted config removes them too, so verify tells the truth.
 *
 * Some cascades depend on what the device holds when the line is sent (`unless`, `members`): the
 * running section for a script, the predicted one while predicting. DeviceSection answers those
 * questions from an index built once per section.
 */
import type { CompiledPredicate } from '../../rules/match';
import type { Wipe } from '../../rules/deviceRules';
import type { PlatformRules } from '../../rules/semantics';
import { HNode, NO_TAGS } from '../hnode';
import { sortDeep } from '../ordering';

/** A wipe as it applies on the device: its members found (the lines of which go too). */
interface Removal extends Wipe {
  readonly owned?: {
    /** Group 1 names the member a line belongs to. */
    readonly lines: RegExp;
    readonly owners: ReadonlySet<string>;
    readonly sections?: CompiledPredicate;
  };
}

const NEVER = (): boolean => false;

/** The first two words of a line (`neighbor 10.0.0.1`): how DeviceSection buckets lines. */
function pairOf(text: string): string | undefined {
  const first = text.indexOf(' ');
  const second = first < 0 ? -1 : text.indexOf(' ', first + 1);
  return second < 0 ? undefined : text.slice(0, second);
}

/**
 * A section as the device holds it when a line is sent, for the cascades that look at other lines
 * (does neighbor X have a `remote-as` of its own? which neighbors are in group PG?). Lines are bucketed
 * by their first two words once, on the first question, so a hundred neighbors leaving a group cost a
 * hundred lookups, not a hundred scans. `gone` hides lines already removed (the predicted config).
 */
export class DeviceSection {
  private byPair: Map<string, HNode[]> | undefined;

  constructor(
    private readonly node: HNode | undefined,
    private readonly gone: (n: HNode) => boolean = NEVER,
  ) {}

  /** Whether a line starting with `prefix` passes `test`. */
  has(prefix: string, test: CompiledPredicate): boolean {
    const pair = pairOf(prefix);
    if (pair === undefined) return this.lines().some((l) => test.test(l.text));
    if (this.byPair === undefined) {
      this.byPair = new Map();
      for (const c of this.node?.children ?? []) this.added(c);
    }
    return (this.byPair.get(pair) ?? []).some(
      (l) => !this.gone(l) && l.text.startsWith(prefix) && test.test(l.text),
    );
  }

  /** Its lines now. */
  lines(): readonly HNode[] {
    const children = this.node?.children ?? [];
    return this.gone === NEVER ? children : children.filter((c) => !this.gone(c));
  }

  /** A line the section gained after the index was built (the predicted config grows as it goes). */
  added(node: HNode): void {
    if (this.byPair === undefined) return;
    const pair = pairOf(node.text);
    if (pair === undefined) return;
    const list = this.byPair.get(pair);
    if (list === undefined) this.byPair.set(pair, [node]);
    else list.push(node);
  }
}

/** What `wipe` removes from `device`; undefined when its `unless` holds there (no cascade). */
function resolve(wipe: Wipe, device: () => DeviceSection): Removal | undefined {
  if (wipe.unless === undefined && wipe.members === undefined) return wipe;
  const section = device();
  if (wipe.unless !== undefined && section.has(wipe.unless.prefix, wipe.unless.test)) return undefined;
  const members = wipe.members;
  if (members === undefined) return wipe;
  // One pass over the section per removed group: groups are few, members many.
  const owners = new Set<string>();
  for (const line of section.lines()) {
    const name = members.line.exec(line.text)?.[1];
    if (name !== undefined) owners.add(name);
  }
  if (owners.size === 0) return wipe;
  return { ...wipe, owned: { lines: members.lines, owners, sections: members.sections } };
}

function owns(owned: Removal['owned'], text: string): boolean {
  if (owned === undefined) return false;
  const name = owned.lines.exec(text)?.[1];
  return name !== undefined && owned.owners.has(name);
}

/** Whether a line of the trigger's own section is removed. */
function wipedHere(removal: Removal, text: string): boolean {
  for (const levels of removal.levels) if (levels.length === 1 && levels[0].test(text)) return true;
  return owns(removal.owned, text);
}

/** For a child section of the trigger's section (`address-family ipv4`): which of its lines go. */
function wipedBelow(removal: Removal, header: string): ((text: string) => boolean) | undefined {
  const tests: CompiledPredicate[] = [];
  for (const levels of removal.levels)
    if (levels.length === 2 && levels[0].test(header)) tests.push(levels[1]);
  const owned = removal.owned?.sections?.test(header) === true ? removal.owned : undefined;
  if (tests.length === 0 && owned === undefined) return undefined;
  return (text) => tests.some((t) => t.test(text)) || owns(owned, text);
}

/** Applies the cascades of the lines emitted in `section` (a level of the script); `int` is its intended side. */
export function applyCascades(section: HNode, int: HNode, rules: PlatformRules): void {
  let triggers: [HNode, Wipe][] | undefined;
  for (const line of section.children) {
    const origin = line.meta?.origin;
    if (origin === undefined || origin === 'context') continue;
    const wipe = rules.device.cascade(line);
    if (wipe !== undefined) (triggers ??= []).push([line, wipe]);
  }
  if (triggers === undefined) return;
  // What the device holds when the script reaches this section: running's lines.
  let device: DeviceSection | undefined;
  const running = (): DeviceSection => (device ??= new DeviceSection(section.meta?.running));
  for (const [trigger, wipe] of triggers) {
    if (trigger.parent !== section) continue; // absorbed by an earlier trigger
    const removal = resolve(wipe, running);
    if (removal === undefined) continue;
    absorb(section, trigger, removal, int);
    if (removal.resend) resend(section, trigger, int, removal, rules);
    placeFirst(section, trigger, removal);
  }
}

/**
 * Drops the negations of lines the trigger removes anyway, recording them on the trigger, and the
 * lines sent only to undo such a line (`switchport trunk allowed vlan all` after `no switchport`).
 */
function absorb(section: HNode, trigger: HNode, removal: Removal, int: HNode): void {
  const doomed = new Set<HNode>();
  const absorbed: HNode[] = [];
  const take = (line: HNode): boolean => {
    const negated = line.meta?.negated;
    if (line.meta?.origin !== 'negation' || negated === undefined) return false;
    // A trigger taken by a larger one (a member's `no neighbor X remote-as` by its group's removal)
    // hands over what it took.
    absorbed.push(negated, ...(line.meta.absorbs ?? []));
    return true;
  };
  for (const line of section.children) {
    if (line === trigger) continue;
    if (wipedHere(removal, line.meta?.negated?.text ?? line.text)) {
      if (take(line) || (line.meta?.origin !== 'context' && int.child(line.text) === undefined))
        doomed.add(line);
      continue;
    }
    // Child sections sent for their changes lose the lines the cascade reaches there too
    // (`address-family` → the neighbor's lines).
    if (line.meta?.origin !== 'context') continue;
    const below = wipedBelow(removal, line.text);
    if (below === undefined) continue;
    const inner = new Set(line.children.filter((c) => below(c.meta?.negated?.text ?? c.text) && take(c)));
    line.removeChildren(inner);
    if (line.children.length === 0) doomed.add(line);
  }
  section.removeChildren(doomed);
  if (absorbed.length > 0 && trigger.meta !== undefined)
    trigger.meta.absorbs = [...(trigger.meta.absorbs ?? []), ...absorbed];
}

/**
 * Sends again the intended lines the trigger removes: unchanged ones are added, a section sent only
 * for a change below it is sent whole; in child sections (the address families a neighbor leaves with
 * it), the intended lines it removes there, under their section's header. Each goes where the intended
 * config has it among the lines sent after the trigger: `neighbor X activate` before the
 * `neighbor X route-reflector-client` the device refuses for a neighbor not yet active.
 */
function resend(section: HNode, trigger: HNode, int: HNode, removal: Removal, rules: PlatformRules): void {
  const order = new IntendedOrder(int);
  /** Whether the intended config keeps something the trigger removes at its own level. */
  let kept = false;
  let sections: HNode[] | undefined;
  for (const c of int.children) {
    if (c.text === trigger.text) continue;
    if (wipedHere(removal, c.text)) {
      kept = true;
      const sent = section.child(c.text);
      if (sent !== undefined && sent.meta?.origin !== 'context') continue;
      if (sent !== undefined) section.removeChildren(new Set([sent]));
      sortDeep(order.insert(section, resentCopy(c), trigger), rules);
    } else if (c.children.length > 0) (sections ??= []).push(c);
  }
  // What goes keeps lines in child sections only if it keeps some here (a neighbor kept has its
  // `remote-as` or `peer-group` line): a neighbor removed for good costs no look into the families.
  if (!kept || sections === undefined) return;
  for (const c of sections) {
    const below = wipedBelow(removal, c.text);
    const lines = below === undefined ? [] : c.children.filter((g) => below(g.text));
    if (lines.length === 0) continue;
    let target = section.child(c.key);
    if (target === undefined) {
      target = new HNode(c.text, c.kind, c.source, c.key);
      target.meta = { origin: 'context', running: section.meta?.running?.child(c.key), tags: NO_TAGS };
      order.insert(section, target, trigger);
    }
    const inner = new IntendedOrder(c);
    for (const g of lines) {
      const sent = target.child(g.key);
      if (sent !== undefined && sent.meta?.origin !== 'context') continue;
      if (sent !== undefined) target.removeChildren(new Set([sent]));
      sortDeep(inner.insert(target, resentCopy(g)), rules);
    }
  }
}

/** Where intended lines go among a script section's lines: positions in the intended section, by key. */
class IntendedOrder {
  private positions: Map<string, number> | undefined;

  constructor(private readonly int: HNode) {}

  /**
   * Puts `node` into `section` after `after` (when given), before the first line sent for the intended
   * config (an addition or a section) that comes later there; at the end when none does.
   */
  insert(section: HNode, node: HNode, after?: HNode): HNode {
    if (this.positions === undefined) {
      this.positions = new Map();
      this.int.children.forEach((c, i) => (this.positions as Map<string, number>).set(c.key, i));
    }
    const positions = this.positions;
    const at = positions.get(node.key) ?? Number.MAX_SAFE_INTEGER;
    const children = [...section.children];
    const start = after === undefined ? 0 : children.indexOf(after) + 1;
    let k = -1;
    for (let j = start; j < children.length && k < 0; j++) {
      const origin = children[j].meta?.origin;
      if (origin === 'negation') continue;
      if ((positions.get(children[j].key) ?? -1) > at) k = j;
    }
    if (k < 0) return section.add(node);
    section.setChildren([...children.slice(0, k), node, ...children.slice(k)]);
    return node;
  }
}

function resentCopy(node: HNode): HNode {
  const copy = new HNode(node.text, node.kind, node.source);
  copy.meta = { origin: 'addition', tags: NO_TAGS };
  for (const c of node.children) copy.add(resentCopy(c));
  return copy;
}

/** The trigger goes before the first line it would remove (the lines sent again follow it). */
function placeFirst(section: HNode, trigger: HNode, removal: Removal): void {
  const children = section.children;
  const first = children.findIndex((c) => c !== trigger && wipedHere(removal, c.text));
  const at = children.indexOf(trigger);
  if (first < 0 || first > at) return;
  const order = children.filter((c) => c !== trigger);
  order.splice(first, 0, trigger);
  section.setChildren(order);
}

/**
 * Predict: what the device removes when `line` is sent into `target` (the section it is sent to, as
 * `device` shows it now). Returns the siblings to remove; lines in child sections are removed in place.
 */
export function wipedBy(
  line: HNode,
  target: HNode,
  rules: PlatformRules,
  skip: (n: HNode) => boolean,
  device: () => DeviceSection,
): HNode[] {
  const wipe = rules.device.cascade(line);
  const removal = wipe === undefined ? undefined : resolve(wipe, device);
  if (removal === undefined) return [];
  const siblings: HNode[] = [];
  for (const c of target.children) {
    // The line the trigger undoes is left to it, so a `no` line read from text is seen to undo it.
    if (skip(c) || c.text === line.text || line.key === `no ${c.key}`) continue;
    if (wipedHere(removal, c.text)) {
      siblings.push(c);
      continue;
    }
    for (const levels of removal.levels)
      if (levels.length > 1 && levels[0].test(c.text)) removeBelow(c, levels.slice(1));
    if (removal.owned?.sections?.test(c.text) === true)
      c.removeChildren(new Set(c.children.filter((g) => owns(removal.owned, g.text))));
  }
  return siblings;
}

function removeBelow(node: HNode, levels: readonly CompiledPredicate[]): void {
  const doomed = new Set<HNode>();
  for (const c of node.children) {
    if (!levels[0].test(c.text)) continue;
    if (levels.length === 1) doomed.add(c);
    else removeBelow(c, levels.slice(1));
  }
  node.removeChildren(doomed);
}
