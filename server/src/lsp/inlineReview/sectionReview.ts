/**
 * The remediation of one device cut by the intended config's top-level sections: for each changed
 * section, its line in the intended file, the number of commands and that part of the script. Pure
 * over the engine; the feature file does the LSP and the caching.
 */
import type { HNode, ParsedConfig, PlanOptions, RemediationEngine, RemediationTree } from '../../engine';

export interface SectionChange {
  /** 0-based line of the section's header in the intended config. */
  readonly line: number;
  /** 0-based last line of the section in the intended config. */
  readonly lastLine: number;
  readonly header: string;
  /** Commands of this section's script (lines without exits). */
  readonly commands: number;
  /** This section's part of the remediation, as `remediate` prints it (with exits). */
  readonly script: string;
}

export interface DeviceSections {
  readonly sections: readonly SectionChange[];
  /** Top-level lines of running the intended config drops (`no ...`): they have no line to sit on. */
  readonly removed: { readonly commands: number; readonly script: string };
  readonly totalCommands: number;
}

function lineCount(node: HNode): number {
  let count = 1;
  for (const child of node.children) count += lineCount(child);
  return count;
}

function scriptOf(engine: RemediationEngine, remediation: RemediationTree, tops: ReadonlySet<HNode>): string {
  if (tops.size === 0) return '';
  const topOf = (node: HNode): HNode => {
    let top = node;
    while (top.parent !== undefined && top.parent.parent !== undefined) top = top.parent;
    return top;
  };
  return engine.render(
    engine.select(remediation, (node) => tops.has(topOf(node))),
    { exits: true },
  );
}

export function sectionChanges(
  engine: RemediationEngine,
  running: ParsedConfig,
  intended: ParsedConfig,
  scoping?: PlanOptions,
): DeviceSections {
  const runningTree = engine.load(running);
  const intendedTree = engine.load(intended);
  // Within a scope the remediation is the cut pair's; lines still sit on the intended file's sections
  // (a header the cut only mirrored from running has no line there: its lines count as removals).
  const cut =
    scoping?.scope === undefined
      ? undefined
      : engine.scope(runningTree, intendedTree, scoping.scope, scoping.features);
  const remediation = engine.remediate(cut?.running ?? runningTree, cut?.intended ?? intendedTree);
  const bySection = new Map<HNode, HNode[]>();
  const removed = new Set<HNode>();
  let totalCommands = 0;
  let removedCommands = 0;
  for (const top of remediation.root.children) {
    const count = lineCount(top);
    totalCommands += count;
    // A line the intended config has (new, changed, or the header of a changed section) sits on it;
    // a pure negation of a running line has nowhere to sit in the intended file.
    const home = top.meta?.origin === 'negation' ? undefined : intendedTree.root.child(top.key);
    if (home === undefined) {
      removed.add(top);
      removedCommands += count;
    } else {
      const list = bySection.get(home) ?? [];
      list.push(top);
      bySection.set(home, list);
    }
  }
  const sections: SectionChange[] = [];
  for (const [home, tops] of bySection) {
    const source = home.source;
    if (source === undefined) continue;
    sections.push({
      line: source.line,
      lastLine: source.range.endLine,
      header: home.text,
      commands: tops.reduce((sum, top) => sum + lineCount(top), 0),
      script: scriptOf(engine, remediation, new Set(tops)),
    });
  }
  sections.sort((a, b) => a.line - b.line);
  return {
    sections,
    removed: { commands: removedCommands, script: scriptOf(engine, remediation, removed) },
    totalCommands,
  };
}
