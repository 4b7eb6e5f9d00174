import type { PlatformRules } from '../rules/semantics';
import type { RiskKind } from '../rules/types';
import type { HNode } from './hnode';

/** Risks that carry the operator's own access: lines with these go last in a script (item 9). */
export const LOCKOUT_RISKS: ReadonlySet<RiskKind> = new Set<RiskKind>([
  'management-address',
  'vty-access',
  'aaa',
]);

/** An interface in the management VRF is the management interface, whatever its name. */
const MANAGEMENT_NAME = /^(?:no |default )?interface (?:mgmt\d+|[Mm]anagement\S*)$/;
const MANAGEMENT_VRF = /^(?:ip )?vrf (?:forwarding|member) (?:Mgmt-vrf|Mgmt-intf|management)$/;

export const RISK_MESSAGES: Readonly<Record<RiskKind, string>> = {
  'management-address': 'changes the address of the management interface: the session applying it may be cut',
  'routing-removal':
    'removes a routing process: the routes it learned, perhaps the path to the device, go with it',
  'vty-access': 'changes who may reach the vty lines: a mistake locks remote access out',
  aaa: 'changes authentication or authorisation: a mistake locks everyone out',
  'interface-shutdown': 'shuts an interface that is up in running',
  'confirmation-prompt':
    'makes the device ask for confirmation: only a frame sends it, with its answer; an unframed script withholds it (docs/safe-apply.md)',
  secret:
    'differs only by a secret the config does not show (masked by the backup, or hashed with a new salt): not compared, not sent; set it by hand if it must change',
};

/** The risks of one remediation line (its own text, not its children's). */
export function lineRisks(node: HNode, rules: PlatformRules): RiskKind[] {
  const matched = rules.risks(node);
  if (matched.length === 0) return [];
  const kinds: RiskKind[] = [];
  for (const rule of matched) {
    if (kinds.includes(rule.kind)) continue;
    if (rule.whenUpInRunning === true && !upInRunning(node.parent)) continue;
    if (rule.whenManagementInterface === true && !isManagementInterface(topLevel(node))) continue;
    kinds.push(rule.kind);
  }
  return kinds;
}

/** A section of the remediation whose running counterpart has no `shutdown`. */
function upInRunning(section: HNode | undefined): boolean {
  const running = section?.meta?.running;
  return running !== undefined && running.child('shutdown') === undefined;
}

function topLevel(node: HNode): HNode {
  let n = node;
  while (n.parent !== undefined && n.parent.parent !== undefined) n = n.parent;
  return n;
}

function isManagementInterface(item: HNode): boolean {
  if (MANAGEMENT_NAME.test(item.text)) return true;
  const running = item.meta?.running ?? item.meta?.negated;
  const lines = running?.children ?? item.children;
  return lines.some((c) => MANAGEMENT_VRF.test(c.text));
}
