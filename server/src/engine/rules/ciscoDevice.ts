/**
 * Device behaviour IOS and NX-OS share (PLATFORM-RULES.md, "Device behaviour beyond hier_config"),
 * as data. docs/platforms/cisco-ios.md and cisco-nxos.md list every rule with an example.
 */
import type {
  CascadeRule,
  LineageRule,
  MatchRule,
  PrintedDefaultRule,
  SecretRule,
  VlanSetRule,
} from './types';

/** Any interface: IOS prints `interface X`, NX-OS too (its rules use `startswith 'interface'`). */
const INTERFACE: MatchRule = { startswith: 'interface ' };

/** Lines of an L2 port: what `no switchport` removes. */
export const L2_LINES: MatchRule = { re_search: '^(?:no )?(?:switchport |spanning-tree )' };

/**
 * Lines of an L3 port: what `switchport` (and NX-OS `vrf member`) removes. Addressing, routing
 * protocols on the port, first-hop redundancy, the VRF; not ACLs, which an L2 port keeps as port ACLs.
 */
export const L3_LINES: MatchRule = {
  re_search:
    '^(?:no )?(?:ip (?:address|unnumbered|router|ospf|pim|helper-address|dhcp relay|proxy-arp|redirects|' +
    'unreachables|directed-broadcast|mtu|policy|verify|igmp)(?: |$)|ipv6 (?:address|enable|link-local|router|' +
    'nd|ospf|mtu|dhcp relay)(?: |$)|ospfv3 |hsrp |vrrp |vrrpv3 |standby |vrf (?:forwarding|member) |' +
    'ip vrf forwarding )',
};

/** Both platforms: a port changes from L3 to L2 and back, and the device drops the other kind's lines. */
export const SWITCHPORT_CASCADES: readonly CascadeRule[] = [
  { lineage: [INTERFACE, { equals: 'no switchport' }], wipes: [[L2_LINES]] },
  { lineage: [INTERFACE, { equals: 'switchport' }], wipes: [[L3_LINES]] },
];

/** `switchport` / `no switchport` go first: every other line of the port needs its mode. */
export const SWITCHPORT_FIRST = {
  lineage: [INTERFACE, { equals: ['switchport', 'no switchport'] }],
  weight: -30,
};

export const TRUNK_VLANS: readonly VlanSetRule[] = [
  {
    lineage: [INTERFACE, { startswith: 'switchport trunk allowed vlan ' }],
    command: 'switchport trunk allowed vlan',
  },
];

/** VLAN 1 cannot be removed: an intended config without it keeps it. */
export const VLAN_1: PrintedDefaultRule = { lineage: [{ equals: 'vlan 1' }] };

/**
 * What backup tools (Oxidized, RANCID) print instead of a secret: a line holding one is never sent
 * (its value is unknown) and equals any line that differs only there.
 */
export const MASKED_TOKENS: readonly string[] = ['<removed>', '<secret hidden>', '<hidden>', '*****'];

/** Static routes and aaa: replaced add-before-remove, so the path to the device is never missing. */
export const ADD_BEFORE_REMOVE: readonly LineageRule[] = [
  { lineage: [{ re_search: '^ip(?:v6)? route ' }] },
  { lineage: [{ startswith: 'aaa ' }] },
  { lineage: [{ startswith: 'username ' }] },
];

/** `aaa <type> <list>` method lists: one per type and list, overwritten (never negated first). */
export const AAA_METHOD_LIST = {
  lineage: [
    {
      re_search:
        '^aaa (authentication \\S+|authorization (?:commands \\d+|\\S+)|accounting (?:commands \\d+|\\S+)) (\\S+) ',
    },
  ],
};

/** A hash or an encrypted value: type and value, which differ on every re-encryption. */
const HASHED = '((?:\\d+ )?\\S+)';

export const CISCO_SECRETS: readonly SecretRule[] = [
  { lineage: [{ startswith: 'enable secret ' }], value: `^enable secret ${HASHED}$` },
  { lineage: [{ startswith: 'enable password ' }], value: `^enable password ${HASHED}$` },
  {
    lineage: [{ startswith: 'username ' }],
    value: `^username \\S+ (?:.* )?(?:secret|password) ${HASHED}(?: role \\S+)?$`,
  },
  { lineage: [{ startswith: 'tacacs-server key ' }], value: `^tacacs-server key ${HASHED}$` },
  { lineage: [{ startswith: 'radius-server key ' }], value: `^radius-server key ${HASHED}$` },
  { lineage: [{ startswith: 'tacacs server ' }, { startswith: 'key ' }], value: `^key ${HASHED}$` },
  { lineage: [{ startswith: 'radius server ' }, { startswith: 'key ' }], value: `^key ${HASHED}$` },
  {
    lineage: [{ startswith: 'key chain ' }, { startswith: 'key ' }, { startswith: 'key-string ' }],
    value: `^key-string ${HASHED}$`,
  },
  {
    lineage: [INTERFACE, { startswith: 'ip ospf authentication-key ' }],
    value: `^ip ospf authentication-key ${HASHED}$`,
  },
  {
    lineage: [INTERFACE, { startswith: 'ip ospf message-digest-key ' }],
    value: `^ip ospf message-digest-key \\d+ md5 ${HASHED}$`,
  },
];
