import { createRootNode, HNode } from '../remediation/hnode';
import type { LoadedConfig } from '../remediation/types';
import type { CompiledScope, Verdict } from './compileScope';
import { unmanagedDrift } from './drift';
import type { UnmanagedDrift } from './types';

/** Both configs cut to a scope, and what differs outside it. */
export interface ScopedPair {
  readonly running: LoadedConfig;
  readonly intended: LoadedConfig;
  readonly unmanaged: UnmanagedDrift;
}

/**
 * Cuts both loaded configs to the scope, before remediation: a pure function, the inputs are not
 * changed. Top level first: a section managed whole (and out of reach of deeper ignore rules) is one
 * lazy copy (HNode.copy: a section still pending stays pending, so nothing below it is copied or even
 * looked at); only sections a deeper rule reaches are walked.
 *
 * A header kept as `context` (above lines a deeper manage rule matches) is not managed itself: when
 * running has it and intended does not, intended gets it too, as a bare skeleton of context headers,
 * so that the remediation removes the managed lines under it rather than the whole section (and the
 * unmanaged lines in it). A context header only intended has is a section the device lacks: created
 * with the managed lines, removed again by the rollback; intended's context headers with no managed line
 * below are left out (managing descriptions must not create a Loopback the template has without one),
 * running's are kept (the rollback must not remove a section that only lacked a managed line).
 */
export function applyScope(running: LoadedConfig, intended: LoadedConfig, scope: CompiledScope): ScopedPair {
  const runningContext = new Set<HNode>();
  const runningRoot = cut(running.root, scope, { context: runningContext, prune: false });
  const intendedRoot = cut(intended.root, scope, { prune: true });
  if (runningContext.size > 0) mirrorContext(runningRoot, intendedRoot, runningContext);
  return {
    running: scoped(running, runningRoot),
    intended: scoped(intended, intendedRoot),
    unmanaged: unmanagedDrift(running.root, intended.root, scope),
  };
}

function scoped(config: LoadedConfig, root: HNode): LoadedConfig {
  return {
    platform: config.platform,
    root,
    rules: config.rules,
    get diagnostics() {
      return config.diagnostics;
    },
  };
}

interface CutMode {
  /** Collects the context headers kept (running's, for mirroring). */
  readonly context?: Set<HNode>;
  /** Leave out context headers with nothing kept below them (intended's). */
  readonly prune: boolean;
}

function cut(root: HNode, scope: CompiledScope, mode: CutMode): HNode {
  const out = createRootNode();
  for (const node of root.children) keep(node, scope.top(node.text), out, scope, 2, mode);
  return out;
}

function keep(
  node: HNode,
  verdict: Verdict,
  into: HNode,
  scope: CompiledScope,
  childDepth: number,
  mode: CutMode,
): void {
  if (verdict.fate === 'ignored' || verdict.fate === 'out') return;
  if (verdict.fate === 'whole' && verdict.ignore.length === 0) {
    into.add(node.copy());
    return;
  }
  const section = into.add(new HNode(node.text, node.kind, node.source, node.key));
  for (const child of node.children) {
    keep(child, scope.below(child.text, childDepth, verdict), section, scope, childDepth + 1, mode);
  }
  if (verdict.fate !== 'context') return;
  if (mode.prune && section.children.length === 0) into.removeLastChild();
  else mode.context?.add(section);
}

/** Gives `intended` every context header of `running` it lacks, as a skeleton of context headers. */
function mirrorContext(running: HNode, intended: HNode, context: ReadonlySet<HNode>): void {
  for (const r of running.children) {
    if (!context.has(r)) continue;
    const i = intended.child(r.key);
    if (i === undefined) intended.add(skeleton(r, context));
    else mirrorContext(r, i, context);
  }
}

function skeleton(node: HNode, context: ReadonlySet<HNode>): HNode {
  // No source: the header is not a line of the intended file (compliance ranges skip it).
  const copy = new HNode(node.text, node.kind, undefined, node.key);
  for (const c of node.children) if (context.has(c)) copy.add(skeleton(c, context));
  return copy;
}
