/**
 * Cisco NX-OS, as data (PLATFORM-RULES.md, "Cisco NX-OS rules" and "Where we must be better").
 * Rules that are ours rather than hier_config's say so in a comment.
 */
import { NXOS_CANONICAL } from './ciscoCanonical';
import { CISCO_OBJECTS, CISCO_RISKS } from './ciscoCommon';
import { NXOS_CONFIRMATION_PROMPTS } from './confirmationPrompts';
import {
  AAA_METHOD_LIST,
  ADD_BEFORE_REMOVE,
  CISCO_SECRETS,
  L3_LINES,
  MASKED_TOKENS,
  SWITCHPORT_CASCADES,
  SWITCHPORT_FIRST,
  TRUNK_VLANS,
  VLAN_1,
} from './ciscoDevice';
import type { FeatureRule, LineageRule, Lineage, MatchRule, PlatformDriver } from './types';

const INTERFACE: MatchRule = { startswith: 'interface' };
const ROUTER_BGP: MatchRule = { startswith: 'router bgp' };
const ROUTER_OSPF: MatchRule = { startswith: 'router ospf' };
const VRF: MatchRule = { startswith: 'vrf' };
const NEIGHBOR: MatchRule = { startswith: 'neighbor' };
const ADDRESS_FAMILY: MatchRule = { startswith: 'address-family' };
const HSRP_GROUP: MatchRule = { re_search: '^hsrp \\d+' };
/**
 * `maximum-paths N` and `maximum-paths ibgp N` are two settings: the key is the optional keyword
 * (hier_config's `startswith maximum-paths` makes them one, so changing both loses one).
 */
const MAXIMUM_PATHS: MatchRule = { re_search: '^maximum-paths (?:(ibgp|eibgp|local|mixed) )?\\d' };
const BANNER_KEY = '^banner (?:(motd|exec) )?\\^C';

/** Ports that always exist: reset with `default interface`, printed however bare. */
const PHYSICAL_INTERFACE: MatchRule = { re_search: '^interface (?:Ethernet\\d+/\\d+(?:/\\d+)?|mgmt\\d+)$' };

const under = (...levels: MatchRule[]): LineageRule => ({ lineage: levels });
/** The lines that need `feature <name>`: `feature` precedes them, `no feature` removes them all. */
const feature = (name: string, ...lineages: Lineage[]): FeatureRule[] =>
  lineages.map((lineage) => ({ feature: name, lineage }));
const topLevel = (...prefixes: string[]): LineageRule[] => prefixes.map((p) => under({ startswith: p }));

/**
 * BGP peer templates. A neighbor inherits one peer template (`inherit peer T`; "You configure only one
 * peer template for a neighbor": Cisco DevNet, NX-API REST SDK user guide, "Configuring a Peer
 * Template"), so a new one replaces the old: overwritten, never negated first (the neighbor would
 * lose its inherited AS in between). The template exists before a neighbor inherits it and is removed
 * after every neighbor stopped inheriting it (`no inherit peer T` or the neighbor removed), in VRFs
 * too. Not verified: whether NX-OS refuses `no template peer T` while a neighbor inherits T or removes
 * the inheritance with it (the command references, "template (BGP)", do not say); the order above is
 * right either way, and the predicted config does not model a script that removes a template first.
 */
const TEMPLATE: MatchRule = { re_search: '^template peer(?:-session|-policy)? \\S+$' };
const NO_TEMPLATE: MatchRule = { re_search: '^no template peer(?:-session|-policy)? \\S+$' };
const INHERIT_PEER: MatchRule = { startswith: 'inherit peer ' };

export const CISCO_NXOS: PlatformDriver = {
  platform: 'cisco_nxos',
  indentation: 2,

  negateWith: [
    {
      lineage: [ROUTER_BGP, ADDRESS_FAMILY, { startswith: 'maximum-paths ibgp' }],
      use: 'default maximum-paths ibgp',
    },
    {
      lineage: [ROUTER_BGP, VRF, ADDRESS_FAMILY, { startswith: 'maximum-paths ibgp' }],
      use: 'default maximum-paths ibgp',
    },
    { lineage: [{ equals: 'line vty' }, { startswith: 'session-limit' }], use: 'session-limit 32' },
  ],

  negationDefaultWhen: [
    under(ROUTER_BGP, NEIGHBOR, ADDRESS_FAMILY, { equals: 'send-community' }),
    under(INTERFACE, { contains: 'ip ospf passive-interface' }),
    under(INTERFACE, { contains: 'ospfv3 passive-interface' }),
    // Device-true: a physical port cannot be removed; `default interface X` resets it.
    under(PHYSICAL_INTERFACE),
  ],

  negationSub: [
    // Ours (item 1): a banner is removed by its type, never by sending its body as commands.
    {
      lineage: [{ startswith: 'banner ' }],
      search: '^(no banner(?: [a-z-]+)?) \\^C[\\s\\S]*$',
      replace: '$1',
    },
  ],

  idempotent: [
    ...topLevel(
      'power redundancy-mode',
      'cli alias name wr ',
      'aaa authentication login console',
      'port-channel load-balance',
      'hostname ',
      'ip tftp source-interface',
      'ip telnet source-interface',
      'ip tacacs source-interface',
      'logging source-interface',
      'mac address-table aging-time',
      'snmp-server location',
      'username admin password 5',
    ),
    under({
      startswith: [
        'hardware access-list tcam region ifacl',
        'hardware access-list tcam region vacl',
        'hardware access-list tcam region qos',
        'hardware access-list tcam region racl',
        'hardware access-list tcam region ipv6-racl',
        'hardware access-list tcam region e-ipv6-racl',
        'hardware access-list tcam region l3qos',
      ],
    }),
    // The whole banner is one node; one setting per banner type.
    under({ re_search: BANNER_KEY }),
    under(ROUTER_OSPF, { startswith: 'router-id' }),
    under(ROUTER_OSPF, { startswith: 'log-adjacency-changes' }),
    under(ROUTER_OSPF, { startswith: 'maximum-paths' }),
    under(ROUTER_OSPF, VRF, { startswith: 'router-id' }),
    under(ROUTER_OSPF, VRF, { startswith: 'log-adjacency-changes' }),
    under(ROUTER_OSPF, VRF, { startswith: 'maximum-paths' }),
    under({ startswith: 'ipv6 router ospf' }, { startswith: 'router-id' }),
    under({ startswith: 'ipv6 router ospf' }, { startswith: 'log-adjacency-changes' }),
    under(ROUTER_BGP, { startswith: 'bgp router-id' }),
    under(ROUTER_BGP, { re_search: 'neighbor \\S+ description' }),
    under(ROUTER_BGP, ADDRESS_FAMILY, MAXIMUM_PATHS),
    under(ROUTER_BGP, VRF, ADDRESS_FAMILY, MAXIMUM_PATHS),
    under(ROUTER_BGP, { startswith: 'template' }, ADDRESS_FAMILY, { startswith: 'send-community' }),
    under(ROUTER_BGP, VRF, NEIGHBOR, ADDRESS_FAMILY, { startswith: 'soft-reconfiguration inbound' }),
    under(ROUTER_BGP, VRF, NEIGHBOR, { startswith: 'password' }),
    // Device-true: one peer template per neighbor (TEMPLATE above).
    under(ROUTER_BGP, NEIGHBOR, INHERIT_PEER),
    under(ROUTER_BGP, VRF, NEIGHBOR, INHERIT_PEER),
    // Ours (item 7): NX-OS prints `router-id` under `router bgp` and block-form neighbor descriptions.
    under(ROUTER_BGP, { startswith: 'router-id ' }),
    under(ROUTER_BGP, VRF, { startswith: 'router-id ' }),
    under(ROUTER_BGP, NEIGHBOR, { startswith: 'description ' }),
    under(ROUTER_BGP, VRF, NEIGHBOR, { startswith: 'description ' }),
    under(INTERFACE, { startswith: 'ip address' }),
    under(INTERFACE, { startswith: 'duplex' }),
    under(INTERFACE, { startswith: 'speed' }),
    under(INTERFACE, { startswith: 'switchport mode' }),
    under(INTERFACE, { startswith: 'switchport access vlan' }),
    under(INTERFACE, { startswith: 'switchport trunk native vlan' }),
    under(INTERFACE, { startswith: 'switchport trunk allowed vlan' }),
    under(INTERFACE, { startswith: 'udld port' }),
    under(INTERFACE, { startswith: 'ip ospf cost' }),
    under(INTERFACE, { startswith: 'ipv6 link-local' }),
    under(INTERFACE, { startswith: 'ospfv3 cost' }),
    under(INTERFACE, { startswith: 'mtu' }),
    // Ours (item 7).
    under(INTERFACE, { startswith: 'description ' }),
    under(INTERFACE, HSRP_GROUP, { startswith: 'ip' }),
    under(INTERFACE, HSRP_GROUP, { startswith: 'priority' }),
    under(INTERFACE, HSRP_GROUP, { startswith: 'authentication md5 key-string' }),
    under({ equals: 'line console' }, { startswith: 'exec-timeout' }),
    under({ startswith: 'line vty' }, { startswith: 'transport input' }),
    under({ startswith: 'line vty' }, { startswith: 'access-class' }),
    under({ startswith: 'line vty' }, { startswith: 'ipv6 access-class' }),
    // Ours (item 7).
    under({ startswith: 'line vty' }, { startswith: 'exec-timeout' }),
    // Ours (item 7): NX-OS prints `vlan N` → `name`.
    under({ startswith: 'vlan ' }, { startswith: 'name ' }),
    under({ startswith: 'vpc domain' }, { startswith: 'role priority' }),
    under(
      { equals: 'policy-map type control-plane copp-system-policy' },
      { startswith: 'class' },
      { startswith: 'police' },
    ),
    // Issue 9 (confirmation prompts): one CoPP profile at a time; a new one replaces the old with one
    // command (which asks, confirmationPrompts.ts), never `no copp profile` first.
    under({ startswith: 'copp profile ' }),
    // Device-true: one VRF per port, one method list per type; negating first is a lock-out window.
    under(INTERFACE, { startswith: 'vrf member ' }),
    AAA_METHOD_LIST,
  ],

  idempotentAvoid: [
    under(INTERFACE, { re_search: 'ip address.*secondary' }),
    // Ours: an HSRP secondary virtual address is its own line, like an interface secondary.
    under(INTERFACE, HSRP_GROUP, { re_search: '^ip \\S+ secondary' }),
  ],

  sectionalExiting: [],
  // Device-true (item 8): as on IOS, a port's mode first and `no shutdown` last, once it is configured.
  ordering: [
    SWITCHPORT_FIRST,
    { lineage: [INTERFACE, { startswith: 'switchport mode ' }], weight: -10 },
    { lineage: [INTERFACE, { equals: 'no shutdown' }], weight: 200 },
    // Device-true: a peer template before the neighbors that inherit it, its removal after them.
    { lineage: [ROUTER_BGP, TEMPLATE], weight: -10 },
    { lineage: [ROUTER_BGP, NO_TEMPLATE], weight: 50 },
  ],

  perLineSub: [
    // The parser already keeps these out of the tree (as trivia); stated so the driver lists every rule.
    { scope: 'top-level', search: '^Building configuration.*', replace: '' },
    { scope: 'top-level', search: '^Current configuration.*', replace: '' },
    { scope: 'top-level', search: '^ntp clock-period .*', replace: '' },
    { scope: 'top-level', search: '^version .*', replace: '' },
    { scope: 'top-level', search: '^boot (?:system|kickstart) .*', replace: '' },
    // Item 3: only lines that start with `!` are comments (hier_config cuts every line at its first `!`).
    { scope: 'any', search: '^!.*', replace: '' },
  ],

  parentAllowsDuplicateChild: [],

  postLoad: [
    // Ours (item 7): `vlan 1,10,20-22` is a list of VLANs, expanded so a change is per VLAN.
    { kind: 'split-list', prefix: 'vlan ', max: 4094 },
  ],

  objects: CISCO_OBJECTS,
  risks: [...CISCO_RISKS, ...NXOS_CONFIRMATION_PROMPTS],

  // Issue 9, canonical comparison: interface abbreviations, VLAN lists, masks (ciscoCanonical.ts).
  canonical: NXOS_CANONICAL,

  cascades: [
    // `vrf member` (set, changed or removed): "Deleted all L3 config on interface".
    { lineage: [INTERFACE, { startswith: ['vrf member ', 'no vrf member '] }], wipes: [[L3_LINES]] },
    ...SWITCHPORT_CASCADES,
  ],
  features: [
    ...feature('bgp', [{ startswith: 'router bgp ' }]),
    ...feature(
      'ospf',
      [{ startswith: 'router ospf ' }],
      [INTERFACE, { startswith: 'ip router ospf ' }],
      [INTERFACE, { startswith: 'ip ospf ' }],
    ),
    ...feature(
      'ospfv3',
      [{ startswith: 'router ospfv3 ' }],
      [INTERFACE, { startswith: 'ipv6 router ospfv3 ' }],
      [INTERFACE, { startswith: 'ospfv3 ' }],
    ),
    ...feature('eigrp', [{ startswith: 'router eigrp ' }], [INTERFACE, { startswith: 'ip router eigrp ' }]),
    ...feature('interface-vlan', [{ re_search: '^interface Vlan\\d+$' }]),
    ...feature('hsrp', [INTERFACE, { startswith: 'hsrp ' }]),
    ...feature('vrrp', [INTERFACE, { startswith: 'vrrp ' }]),
    ...feature(
      'lacp',
      [INTERFACE, { re_search: '^channel-group \\d+ mode (?:active|passive)$' }],
      [INTERFACE, { startswith: 'lacp ' }],
      [{ startswith: 'lacp ' }],
    ),
    ...feature(
      'vpc',
      [{ startswith: 'vpc domain ' }],
      [INTERFACE, { re_search: '^vpc(?: \\d+| peer-link)$' }],
    ),
    ...feature(
      'tacacs+',
      [{ startswith: 'tacacs-server ' }],
      [{ startswith: 'aaa group server tacacs+ ' }],
      [{ startswith: 'ip tacacs source-interface ' }],
    ),
    ...feature('pim', [{ startswith: 'ip pim ' }], [INTERFACE, { startswith: 'ip pim ' }]),
    ...feature('udld', [{ startswith: 'udld ' }], [INTERFACE, { startswith: 'udld ' }]),
    ...feature('bfd', [{ startswith: 'bfd ' }], [INTERFACE, { startswith: 'bfd ' }]),
    ...feature(
      'dhcp',
      [{ startswith: 'ip dhcp relay' }],
      [{ startswith: 'service dhcp' }],
      [INTERFACE, { startswith: 'ip dhcp relay ' }],
    ),
    ...feature('nv overlay', [{ re_search: '^interface nve\\d+$' }]),
    ...feature('vn-segment-vlan-based', [{ startswith: 'vlan ' }, { startswith: 'vn-segment ' }]),
    ...feature('lldp', [{ startswith: 'lldp ' }], [INTERFACE, { startswith: 'lldp ' }]),
    ...feature('nxapi', [{ startswith: 'nxapi ' }]),
  ],
  sequenced: [
    {
      lineage: [{ re_search: '^ip access-list \\S+$' }],
      name: '^ip access-list (\\S+)$',
      resequence: 'resequence ip access-list {name} {start} {step}',
    },
    {
      lineage: [{ re_search: '^ipv6 access-list \\S+$' }],
      name: '^ipv6 access-list (\\S+)$',
      resequence: 'resequence ipv6 access-list {name} {start} {step}',
    },
  ],
  numberedLists: [],
  vlanSets: TRUNK_VLANS,
  addBeforeRemove: [
    ...ADD_BEFORE_REMOVE,
    under({ startswith: 'vrf context ' }, { re_search: '^ip(?:v6)? route ' }),
  ],
  printedDefaults: [
    // NX-OS prints `no shutdown` on ports that are up; a template that leaves it out means "keep".
    under(INTERFACE, { equals: 'no shutdown' }),
    { lineage: [PHYSICAL_INTERFACE], whenEmpty: true },
    VLAN_1,
    // Always there: reset by negating their lines.
    { lineage: [{ equals: ['line console', 'line vty'] }], resetChildren: true },
  ],
  secrets: [
    ...CISCO_SECRETS,
    {
      lineage: [{ startswith: 'tacacs-server host ' }],
      value: '^tacacs-server host \\S+ key ((?:\\d+ )?\\S+)',
    },
    { lineage: [{ startswith: 'snmp-server user ' }], value: '^snmp-server user \\S+ \\S+ (auth .*)$' },
    { lineage: [ROUTER_BGP, NEIGHBOR, { startswith: 'password ' }], value: '^password ((?:\\d+ )?\\S+)$' },
    {
      lineage: [ROUTER_BGP, VRF, NEIGHBOR, { startswith: 'password ' }],
      value: '^password ((?:\\d+ )?\\S+)$',
    },
    {
      lineage: [INTERFACE, HSRP_GROUP, { startswith: 'authentication md5 key-string ' }],
      value: '^authentication md5 key-string ((?:\\d+ )?\\S+)$',
    },
  ],
  maskedTokens: MASKED_TOKENS,
};
