/**
 * The built-in features of each platform, as data (issue #8). A top-level line belongs to the first
 * feature, in this order, with a rule that matches it; `other` owns whatever none matches. Rules see
 * the line as loaded (normalised blanks); a top-level `no X` line that no rule matches is tried again
 * as `X`, so `no ip domain lookup` lands where `ip domain ...` does (see classify.ts).
 *
 * Decisions where the issue leaves room:
 * - `acls` are packet filters: IP/IPv6/MAC access lists, numbered `access-list`, object groups and
 *   VLAN access maps with their `vlan filter`. Prefix-lists are not there: they filter routes, change
 *   with the route-maps that use them, and live with community and AS-path lists in `routing-policy`.
 * - VRFs are their own feature (`vrf`): an NX-OS `vrf context` is the VRF's definition (rd, route
 *   targets, VNI) and also holds its static routes; a top-level section belongs to one feature, and the
 *   VRF is the better owner. Default-VRF static routes (and IOS `ip route vrf ...`) are `routing-static`.
 * - NX-OS `feature X` lines go with what they enable (`feature bgp` is BGP: `no feature bgp` wipes it).
 * - Time (`clock ...`) goes with NTP, `service timestamps` with logging, spanning tree and VTP with VLANs.
 */
import type { Platform } from '../model/types';
import type { FeatureDefinition, FeatureSets } from './types';

type Def = FeatureDefinition;

const common = {
  hostname: { name: 'hostname', title: 'Hostname', match: [{ startswith: 'hostname ' }] },
  banner: { name: 'banner', title: 'Banners', match: [{ startswith: 'banner ' }] },
  logging: {
    name: 'logging',
    title: 'Logging',
    match: [{ startswith: ['logging ', 'service timestamps '] }],
  },
  snmp: { name: 'snmp', title: 'SNMP', match: [{ startswith: 'snmp-server ' }] },
  interfaces: {
    name: 'interfaces',
    title: 'Interfaces',
    match: [{ startswith: ['interface ', 'port-channel load-balance'] }],
  },
  bgp: { name: 'routing-bgp', title: 'Routing: BGP', match: [{ startswith: 'router bgp ' }] },
  isis: { name: 'routing-isis', title: 'Routing: IS-IS', match: [{ re_search: '^router isis( |$)' }] },
  routingPolicy: {
    name: 'routing-policy',
    title: 'Routing policy',
    match: [
      {
        startswith: [
          'route-map ',
          'ip prefix-list ',
          'ipv6 prefix-list ',
          'ip community-list ',
          'ip extcommunity-list ',
          'ip large-community-list ',
          'ip as-path access-list ',
        ],
      },
    ],
  },
  line: { name: 'line', title: 'Lines (console, vty)', match: [{ startswith: 'line ' }] },
  crypto: { name: 'crypto', title: 'Crypto', match: [{ startswith: 'crypto ' }] },
} satisfies Record<string, Def>;

const IOS: readonly Def[] = [
  common.hostname,
  common.banner,
  {
    name: 'aaa',
    title: 'AAA',
    match: [
      {
        startswith: [
          'aaa ',
          'tacacs-server ',
          'tacacs ',
          'radius-server ',
          'radius ',
          'ip tacacs ',
          'ip radius ',
        ],
      },
    ],
  },
  {
    name: 'ntp',
    title: 'NTP and clock',
    match: [{ startswith: ['ntp ', 'clock timezone ', 'clock summer-time '] }],
  },
  common.logging,
  common.snmp,
  {
    name: 'users',
    title: 'Users',
    match: [{ startswith: ['username ', 'enable secret ', 'enable password '] }],
  },
  {
    name: 'vlans',
    title: 'VLANs and spanning tree',
    match: [
      { re_search: '^vlan (\\d|internal |configuration |dot1q )' },
      { startswith: ['vtp ', 'spanning-tree '] },
    ],
  },
  common.interfaces,
  common.bgp,
  {
    name: 'routing-ospf',
    title: 'Routing: OSPF',
    match: [{ startswith: ['router ospf ', 'router ospfv3 ', 'ipv6 router ospf '] }],
  },
  {
    name: 'routing-eigrp',
    title: 'Routing: EIGRP',
    match: [{ startswith: ['router eigrp ', 'ipv6 router eigrp '] }],
  },
  common.isis,
  {
    name: 'routing-static',
    title: 'Routing: static',
    match: [{ startswith: ['ip route ', 'ipv6 route ', 'ip default-gateway '] }],
  },
  { name: 'vrf', title: 'VRFs', match: [{ startswith: ['vrf definition ', 'ip vrf '] }] },
  common.routingPolicy,
  {
    name: 'acls',
    title: 'Access lists',
    match: [
      {
        startswith: [
          'ip access-list ',
          'ipv6 access-list ',
          'mac access-list ',
          'access-list ',
          'object-group ',
          'vlan access-map ',
          'vlan filter ',
        ],
      },
    ],
  },
  {
    name: 'qos',
    title: 'QoS',
    match: [
      { startswith: ['class-map ', 'policy-map ', 'table-map ', 'mls qos', 'qos '] },
      { equals: 'control-plane' },
    ],
  },
  common.line,
  common.crypto,
];

const NXOS: readonly Def[] = [
  { name: 'hostname', title: 'Hostname', match: [{ startswith: ['hostname ', 'switchname '] }] },
  common.banner,
  {
    name: 'aaa',
    title: 'AAA',
    match: [
      { startswith: ['aaa ', 'tacacs-server ', 'radius-server ', 'ip tacacs ', 'ip radius '] },
      { equals: ['feature tacacs+', 'feature ldap'] },
    ],
  },
  {
    name: 'ntp',
    title: 'NTP and clock',
    match: [{ startswith: ['ntp ', 'clock '] }, { equals: 'feature ntp' }],
  },
  common.logging,
  common.snmp,
  { name: 'users', title: 'Users', match: [{ startswith: ['username ', 'role '] }] },
  {
    name: 'vlans',
    title: 'VLANs and spanning tree',
    match: [{ re_search: '^vlan (\\d|configuration |dot1q )' }, { startswith: ['vtp ', 'spanning-tree '] }],
  },
  {
    name: 'interfaces',
    title: 'Interfaces',
    match: [
      ...common.interfaces.match,
      {
        equals: [
          'feature interface-vlan',
          'feature lacp',
          'feature hsrp',
          'feature vrrp',
          'feature vrrpv3',
          'feature udld',
          'feature vpc',
        ],
      },
    ],
  },
  {
    name: 'routing-bgp',
    title: 'Routing: BGP',
    match: [{ startswith: 'router bgp ' }, { equals: 'feature bgp' }],
  },
  {
    name: 'routing-ospf',
    title: 'Routing: OSPF',
    match: [
      { startswith: ['router ospf ', 'router ospfv3 '] },
      { equals: ['feature ospf', 'feature ospfv3'] },
    ],
  },
  {
    name: 'routing-eigrp',
    title: 'Routing: EIGRP',
    match: [{ startswith: 'router eigrp ' }, { equals: 'feature eigrp' }],
  },
  { ...common.isis, match: [...common.isis.match, { equals: 'feature isis' }] },
  { name: 'routing-static', title: 'Routing: static', match: [{ startswith: ['ip route ', 'ipv6 route '] }] },
  { name: 'vrf', title: 'VRFs', match: [{ startswith: 'vrf context ' }] },
  common.routingPolicy,
  {
    name: 'acls',
    title: 'Access lists',
    match: [
      {
        startswith: [
          'ip access-list ',
          'ipv6 access-list ',
          'mac access-list ',
          'object-group ',
          'vlan access-map ',
          'vlan filter ',
          'hardware access-list ',
          // The exec-level renumbering a script sends before new entries (device-true ACL edits).
          'resequence ip access-list ',
          'resequence ipv6 access-list ',
        ],
      },
    ],
  },
  {
    name: 'qos',
    title: 'QoS',
    match: [
      { startswith: ['class-map ', 'policy-map ', 'table-map ', 'qos ', 'copp ', 'system qos'] },
      { equals: 'control-plane' },
    ],
  },
  common.line,
  common.crypto,
];

/** The built-in feature sets; `other` is implicit and last. Frozen: validation builds new lists. */
export const DEFAULT_FEATURES: FeatureSets = Object.freeze({
  cisco_ios: Object.freeze(IOS),
  cisco_nxos: Object.freeze(NXOS),
} satisfies Record<Platform, readonly Def[]>);
