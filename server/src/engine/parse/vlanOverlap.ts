import { hasChildLines, type TreeNode } from '../model/configNode';
import type { FindingCollector } from './findingCollector';

const VLAN_LIST = /^vlan (\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)$/;
const MAX_VLAN = 4094;
/** VLAN ids expanded per parse at most: a file of 100,000 `vlan 1-4094` lines must stay fast. */
const MAX_STEPS = 1_000_000;

/**
 * Top-level `vlan` lines are VLAN sets (`vlan 10`, `vlan 1,10,20-22`), and two bare lines that name
 * the same VLAN declare it twice: `vlan 10,20` next to `vlan 10`. Their texts differ, so the duplicate
 * check cannot see it; this flags the later line. Identical lines are left to `duplicate-line`.
 * Lines with children are not declarations but VLAN sections: NX-OS prints every VLAN in one list,
 * then each named VLAN again as `vlan 10` / `  name X`, and that is not an overlap.
 */
export function flagOverlappingVlans(root: TreeNode, findings: FindingCollector): void {
  let owner: Int32Array | undefined;
  let steps = 0;
  for (const node of root.children) {
    if (node.duplicateOf !== undefined || hasChildLines(node) || !node.text.startsWith('vlan ')) continue;
    const match = VLAN_LIST.exec(node.text);
    if (match === null) continue;
    owner ??= new Int32Array(MAX_VLAN + 1).fill(-1);
    let overlap = -1;
    let overlapLine = -1;
    let overlaps = 0;
    for (const item of match[1].split(',')) {
      const dash = item.indexOf('-');
      const from = Number(dash < 0 ? item : item.slice(0, dash));
      const to = Math.min(MAX_VLAN, Number(dash < 0 ? item : item.slice(dash + 1)));
      for (let id = from; id <= to; id++) {
        if (++steps > MAX_STEPS) return;
        if (owner[id] >= 0 && owner[id] !== node.line) {
          overlaps++;
          if (overlap < 0) {
            overlap = id;
            overlapLine = owner[id];
          }
        } else owner[id] = node.line;
      }
    }
    if (overlap < 0) continue;
    const more = overlaps > 1 ? ` (and ${overlaps - 1} more VLANs declared twice)` : '';
    findings.add(
      'overlapping-vlan',
      'info',
      `VLAN ${overlap} is also declared by line ${overlapLine + 1}${more}.`,
      { startLine: node.line, startColumn: node.column, endLine: node.line, endColumn: node.lastColumn },
      overlapLine,
    );
  }
}
