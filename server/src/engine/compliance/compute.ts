import { createRootNode, HNode, sameSubtree } from '../remediation/hnode';
import type { RemediationPlan } from '../remediation/engine';
import type { ConfigTree, RenderOptions } from '../remediation/types';
import type { CompiledFeatures } from './classify';
import type { DeviceCompliance, FeatureCompliance, LineRange } from './types';

/** The engine verbs compliance renders with (the engine passes itself). */
export interface ComplianceRendering {
  render(tree: ConfigTree, options?: RenderOptions): string;
  renderConfig(tree: ConfigTree): string;
  select(remediation: ConfigTree, keep: (node: HNode) => boolean): ConfigTree;
}

/** A section header created on the first line written below it (most sections never get one). */
class Lazy {
  private node: HNode | undefined;
  constructor(private readonly make: () => HNode) {}

  get(): HNode {
    this.node ??= this.make();
    return this.node;
  }

  get exists(): boolean {
    return this.node !== undefined;
  }

  child(header: HNode): Lazy {
    return new Lazy(() => this.get().add(new HNode(header.text, header.kind, header.source)));
  }
}

/** What differs in one feature: lines intended has and running lacks, and the reverse, with counts. */
class Drift {
  readonly missing = new Lazy(createRootNode);
  readonly extra = new Lazy(createRootNode);
  missingCount = 0;
  extraCount = 0;
}

/**
 * One device's compliance, per feature, from its plan (nothing is remediated again). Each top-level
 * line of running, intended, the remediation and the rollback is given to its feature. Only the
 * top-level sections the remediation or the rollback touches can differ (a section neither touches is
 * the same on both sides, as the remediation sees it), so only those are compared, line by line; the
 * rest costs one lookup each. A feature is compliant when it has nothing missing, nothing extra and
 * nothing in its part of the remediation and rollback; a device when every feature is.
 */
export function computeCompliance(
  plan: RemediationPlan,
  features: CompiledFeatures,
  engine: ComplianceRendering,
): DeviceCompliance {
  const count = features.names.length;
  const present = new Array<boolean>(count).fill(false);
  const drift: (Drift | undefined)[] = new Array(count).fill(undefined);
  const driftOf = (f: number): Drift => (drift[f] ??= new Drift());

  const remediation = partition(plan.remediation.root, features);
  const rollback = partition(plan.rollback.root, features);
  const touched = new Set<string>([...remediation.texts, ...rollback.texts]);

  const intendedTop = plan.intended.root.children;
  const intendedFeature = intendedTop.map((node) => features.featureOf(node.text));
  intendedTop.forEach((node, i) => {
    const f = intendedFeature[i];
    present[f] = true;
    if (!touched.has(node.text)) return;
    const twin = plan.running.root.child(node.text);
    const d = driftOf(f);
    if (twin === undefined) {
      d.missing.get().add(node.copy());
      d.missingCount += 1 + node.descendantCount();
    } else if (!sameSubtree(twin, node)) {
      diffLevel(twin, node, d.missing.child(node), d.extra.child(twin), d);
    }
  });
  for (const node of plan.running.root.children) {
    const f = features.featureOf(node.text);
    present[f] = true;
    if (!touched.has(node.text) || plan.intended.root.child(node.text) !== undefined) continue;
    const d = driftOf(f);
    d.extra.get().add(node.copy());
    d.extraCount += 1 + node.descendantCount();
  }
  for (const f of [...remediation.byFeature.keys(), ...rollback.byFeature.keys()]) present[f] = true;

  const ranges = intendedRanges(intendedTop, intendedFeature);
  const asConfig = (lazy: Lazy): string =>
    lazy.exists ? engine.renderConfig({ ...plan.intended, root: lazy.get() }) : '';
  const script = (tree: ConfigTree, part: Partition, f: number): string => {
    const mine = part.byFeature.get(f);
    if (mine === undefined) return '';
    return engine.render(
      engine.select(tree, (node) => mine.has(topLevelOf(node))),
      { exits: true },
    );
  };

  const out: FeatureCompliance[] = [];
  for (let f = 0; f < count; f++) {
    if (!present[f]) continue;
    const d = drift[f];
    const fc: FeatureCompliance = {
      feature: features.names[f],
      compliant: false,
      missing: d === undefined ? '' : asConfig(d.missing),
      missing_count: d?.missingCount ?? 0,
      extra: d === undefined ? '' : asConfig(d.extra),
      extra_count: d?.extraCount ?? 0,
      remediation: script(plan.remediation, remediation, f),
      rollback: script(plan.rollback, rollback, f),
      intended_ranges: ranges.get(f) ?? [],
    };
    const compliant =
      fc.missing_count === 0 && fc.extra_count === 0 && fc.remediation === '' && fc.rollback === '';
    out.push({ ...fc, compliant });
  }
  return { compliant: out.every((f) => f.compliant), features: out };
}

interface Partition {
  /** Feature → the top-level lines of the script that belong to it. */
  readonly byFeature: Map<number, Set<HNode>>;
  /** Texts of the config lines the script touches: its own, and the running lines it negates or overwrites. */
  readonly texts: readonly string[];
}

/**
 * A script's top-level lines by feature. A negation belongs where the line it removes does (so a
 * `logging console debugging` that undoes `logging console informational` is logging's, and a
 * `no banner motd` the banner's); any other line where its own text says.
 */
function partition(root: HNode, features: CompiledFeatures): Partition {
  const byFeature = new Map<number, Set<HNode>>();
  const texts: string[] = [];
  for (const node of root.children) {
    const meta = node.meta;
    const owner = meta?.negated ?? node;
    texts.push(node.text);
    if (meta?.negated !== undefined) texts.push(meta.negated.text);
    if (meta?.running !== undefined) texts.push(meta.running.text);
    for (const r of meta?.replaces ?? []) texts.push(r.text);
    const f = features.featureOf(owner.text);
    const set = byFeature.get(f);
    if (set === undefined) byFeature.set(f, new Set([node]));
    else set.add(node);
  }
  return { byFeature, texts };
}

function topLevelOf(node: HNode): HNode {
  let n = node;
  while (n.parent !== undefined && n.parent.parent !== undefined) n = n.parent;
  return n;
}

/**
 * Below a section present on both sides: intended lines running lacks (whole subtrees) go to
 * `missing`, running lines intended lacks to `extra`, each under copies of their section headers.
 * Siblings pair by text; where a section repeats a line (allowed duplicates), by occurrence.
 */
function diffLevel(run: HNode, int: HNode, missing: Lazy, extra: Lazy, d: Drift): void {
  const pairing = pairChildren(run, int);
  int.children.forEach((c, i) => {
    const twin = pairing.twins[i];
    if (twin === undefined) {
      missing.get().add(c.copy());
      d.missingCount += 1 + c.descendantCount();
    } else if ((c.children.length > 0 || twin.children.length > 0) && !sameSubtree(twin, c)) {
      diffLevel(twin, c, missing.child(c), extra.child(twin), d);
    }
  });
  for (const r of run.children) {
    if (pairing.paired.has(r)) continue;
    extra.get().add(r.copy());
    d.extraCount += 1 + r.descendantCount();
  }
}

function pairChildren(run: HNode, int: HNode): { twins: (HNode | undefined)[]; paired: Set<HNode> } {
  const paired = new Set<HNode>();
  if (!run.hasDuplicates && !int.hasDuplicates) {
    const twins = int.children.map((c) => run.child(c.text));
    for (const t of twins) if (t !== undefined) paired.add(t);
    return { twins, paired };
  }
  const queues = new Map<string, HNode[]>();
  for (const r of run.children) {
    const q = queues.get(r.text);
    if (q === undefined) queues.set(r.text, [r]);
    else q.push(r);
  }
  const twins = int.children.map((c) => {
    const twin = queues.get(c.text)?.shift();
    if (twin !== undefined) paired.add(twin);
    return twin;
  });
  return { twins, paired };
}

/**
 * 1-based inclusive line ranges of each feature's top-level sections in the intended file: a run of
 * consecutive sections of one feature (and the comments between them) is one range.
 */
function intendedRanges(top: readonly HNode[], featureOf: readonly number[]): Map<number, LineRange[]> {
  const ranges = new Map<number, LineRange[]>();
  let previous = -1;
  top.forEach((node, i) => {
    const source = node.source;
    if (source === undefined) return;
    const f = featureOf[i];
    const start = source.range.startLine + 1;
    const end = source.range.endLine + 1;
    const list = ranges.get(f) ?? [];
    if (list.length === 0) ranges.set(f, list);
    const last = list[list.length - 1];
    if (previous === f && last !== undefined) {
      list[list.length - 1] = {
        start_line: Math.min(last.start_line, start),
        end_line: Math.max(last.end_line, end),
      };
    } else {
      list.push({ start_line: start, end_line: end });
    }
    previous = f;
  });
  return ranges;
}
