import type { Platform } from '../../engine';

/** The kinds of named object a configuration defines in one place and references from others. */
export type ObjectKind =
  | 'acl'
  | 'prefix-list'
  | 'route-map'
  | 'class-map'
  | 'policy-map'
  | 'object-group'
  | 'vrf'
  | 'key-chain'
  | 'interface'
  | 'bgp-template';

/** How a kind is named in messages (hover, diagnostics). */
export const OBJECT_KIND_LABELS: Readonly<Record<ObjectKind, string>> = {
  acl: 'access list',
  'prefix-list': 'prefix list',
  'route-map': 'route map',
  'class-map': 'class map',
  'policy-map': 'policy map',
  'object-group': 'object group',
  vrf: 'VRF',
  'key-chain': 'key chain',
  interface: 'interface',
  'bgp-template': 'BGP template',
};

/**
 * Kinds whose definitions are worth flagging when nothing uses them. Interfaces are not: a port
 * exists whether or not another command names it.
 */
export const FLAGGED_WHEN_UNUSED: ReadonlySet<ObjectKind> = new Set<ObjectKind>([
  'acl',
  'prefix-list',
  'route-map',
  'class-map',
  'policy-map',
  'object-group',
  'vrf',
  'key-chain',
  'bgp-template',
]);

/**
 * Objects the device has without a line defining them, so a reference to them is never "undefined"
 * and their definition (NX-OS prints `vrf context management`) is never "unused".
 */
export function isBuiltIn(kind: ObjectKind, key: string, platform: Platform): boolean {
  switch (kind) {
    case 'class-map':
      // NX-OS system classes: c-out-q1, c-in-q-default, c-nq1, copp-system-p-class-...
      return key === 'class-default' || (platform === 'cisco_nxos' && /^(c-|copp-)/.test(key));
    case 'policy-map':
      return platform === 'cisco_nxos' && /^(default-|copp-)/.test(key);
    case 'vrf':
      return platform === 'cisco_nxos' && (key === 'default' || key === 'management');
    case 'interface':
      return key.startsWith('null');
    default:
      return false;
  }
}
